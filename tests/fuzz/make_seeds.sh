#!/usr/bin/env bash
# Writes the seed corpus of every fuzz target under OUT/<target>/, from the
# shared conformance suites and corpus (../shared) and the project's own
# files (feeds/, rules/, README.md). Nothing is copied into the repository:
# scripts/fuzz runs this into build-fuzz/seeds/. Deterministic (sorted
# inputs), bounded (caps on the count and the size of each seed).
#   tests/fuzz/make_seeds.sh OUT [SHARED_DIR]
#   PW_SEED_CAP=40 tests/fuzz/make_seeds.sh OUT   at most 40 seeds per target
set -eu  # no pipefail: `head` closing a pipe early is how seeds are capped
src="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:?usage: make_seeds.sh OUT [SHARED_DIR]}"
shared="${2:-$src/../shared}"
mkdir -p "$out"

# At most PW_SEED_CAP seeds per target when set (CI's smoke run).
cap="${PW_SEED_CAP:-0}"

# lim N: N, or the cap when it is smaller.
lim() { if (( cap > 0 && cap < $1 )); then echo "$cap"; else echo "$1"; fi; }

# seed TARGET PREFIX < bytes: one seed file, named PREFIX-<sha1 of its bytes>.
seed() {
  mkdir -p "$out/$1"
  if (( cap > 0 )) && (( $(find "$out/$1" -type f | wc -l) >= cap )); then cat >/dev/null; return; fi
  local tmp; tmp="$(mktemp "$out/$1/.new.XXXXXX")"
  cat > "$tmp"
  mv -f "$tmp" "$out/$1/$2-$(sha1sum < "$tmp" | cut -c1-16)"
}
# files DIR MAX_COUNT [find args...]: regular files under DIR, sorted, at most MAX_COUNT.
files() { local dir="$1" max; max="$(lim "$2")"; shift 2; [[ -d "$dir" ]] || return 0;
          find "$dir" -type f "$@" | LC_ALL=C sort | head -n "$max"; }

have_shared=1
if [[ ! -d "$shared" ]]; then
  echo "make_seeds: $shared not found: seeds from the project's own files only" >&2
  have_shared=0
fi

# feed: feedparser's conformance documents and the corpus feeds (<= 256 KiB each).
for f in "$src"/feeds/demo/*.xml; do seed feed "demo-$(basename "$f")" < "$f"; done
if (( have_shared )); then
  while read -r f; do seed feed fp < "$f"; done < <(files "$shared/conformance/feedparser" 100000 \
      \( -name '*.xml' -o -name '*.rss' -o -name '*.atom' -o -name '*.rdf' -o -name '*.json' \) -size -256k \
      -not -name 'manifest.jsonl')
  while read -r f; do seed feed corpus < "$f"; done < <(files "$shared/corpus/feeds" 100000 \
      \( -name '*.xml' -o -name '*.rss' -o -name '*.atom' -o -name '*.json' -o -name '*.rdf' \) -size -256k)
fi

# opml: the project's feeds files and every OPML in the corpus.
for f in "$src"/feeds/*.opml; do seed opml "$(basename "$f")" < "$f"; done
if (( have_shared )); then
  while read -r f; do seed opml corpus < "$f"; done < <(grep -rlis '<opml' "$shared/corpus/feeds" \
      "$shared/conformance/feedparser" 2>/dev/null | LC_ALL=C sort | head -n "$(lim 50)")
fi

printf '<?xml version="1.0"?>\n<opml version="2.0" xmlns:pw="https://presswatch.dev/opml"><head><title>x</title></head><body>\n<outline text="Tin">\n  <outline text="a" xmlUrl="demo/a.xml" pw:interval="900" pw:language="vi" pw:fulltext="true"/>\n  <outline text="b" xmlUrl="https://b.vn/rss" type="rss"/>\n</outline>\n</body></opml>\n' |
  seed opml hand
printf '<opml version="1.0"><body><outline title="t" xmlUrl="http://a/" pw:interval="59" xmlns:pw="https://presswatch.dev/opml"/><outline xmlUrl=""/></body>' |
  seed opml broken

# html_to_text and main_content: the corpus pages (the first 128 KiB of each,
# at most 300), and the feeds' own HTML fragments come with the feed seeds.
if (( have_shared )); then
  while read -r f; do
    zcat -f "$f" 2>/dev/null | head -c 131072 | seed main_content page
    zcat -f "$f" 2>/dev/null | head -c 32768 | seed html_to_text page
  done < <(files "$shared/corpus/html" 300 \( -name 'source.html.gz' -o -name '*.html.gz' -o -name '*.html' \) \
      -not -name 'expected*')
fi
printf '<p>Quỹ <b>GenAI</b></p><p>AWS &amp; NIC<br>Hà Nội</p><script>x()</script>' | seed html_to_text hand-1
printf '<html><body><article><h1>Tiêu đề</h1><p>Đoạn một, dài, có dấu phẩy.</p></article></body></html>' |
  seed main_content hand-1

# normalize and extract: article text (the first 4 KiB of each, at most 300),
# the demo documents, and the money and date conformance inputs.
for f in "$src"/feeds/demo/*.txt; do seed extract "demo-$(basename "$f")" < "$f"; seed normalize "demo-$(basename "$f")" < "$f"; done
if (( have_shared )); then
  while read -r f; do
    head -c 4096 "$f" | seed normalize article
    head -c 4096 "$f" | seed extract article
  done < <(files "$shared/corpus/articles" 300 -name '*.txt')
  # Recognizers-Text and Duckling inputs: one sentence per seed, at most 400.
  grep -rhoE '"(Input|text)": *"[^"]{4,300}"' "$shared/conformance/recognizers-text" "$shared/conformance/duckling" \
      2>/dev/null | sed -E 's/^"(Input|text)": *"//; s/"$//' | LC_ALL=C sort -u | head -n "$(lim 400)" |
    while IFS= read -r line; do printf '%s' "$line" | seed extract case; done
fi
if [[ -f "$src/tests/data/money_dates/cases.tsv" ]]; then
  grep -v '^#' "$src/tests/data/money_dates/cases.tsv" | cut -f3 | head -n "$(lim 300)" |
    while IFS= read -r line; do printf '%s' "$line" | seed extract own; done
fi
printf 'Quy\xcc\x80 GenAI\xc2\xa0 \xe2\x80\x8bfund \r\n\r\n\r\nX' | seed normalize hand-1
printf '\xc3\x84\xe2\x80\x98\xc3\xa1\xc2\xba\xc2\xa7u t\xc3\x86\xc2\xb0' | seed normalize hand-2

# money: a rule's captured fields, built from the gazetteer's words.
gaz="$src/rules/gazetteer"
words() { grep -h "^$1"$'\t' "$gaz"/*.tsv 2>/dev/null | cut -f3 | tr '|' '\n' | sed 's/^ *//; s/ *$//' |
          grep -v '^$' | head -n "$2"; }
mapfile -t scales < <(words SCALE 12)
mapfile -t currencies < <(words CURRENCY 12)
mapfile -t months < <(words MONTH 8)
mapfile -t reldates < <(words RELDATE 8)
numbers=(1 1,5 16.200 1.234.567,8 4.15 1,500 0 999999999999 2-3 "1 000" .5 1e9)
i=0
for a in "${numbers[@]}"; do
  s="${scales[$((i % ${#scales[@]}))]:-triệu}"; c="${currencies[$((i % ${#currencies[@]}))]:-USD}"
  printf 'amount=%s\nscale=%s\ncurrency=%s' "$a" "$s" "$c" | seed money m
  printf 'amount=%s\namount_max=%s\nscale_max=%s\ncurrency=%s' "$a" "$a" "$s" "$c" | seed money r
  printf 'value=%s' "$a" | seed money p
  printf '%s' "$a" | seed money n
  i=$((i + 1))
done
for m in "${months[@]}"; do printf 'day=21\nmonth=%s\nyear=2024' "$m" | seed money d; done
for r in "${reldates[@]}"; do printf 'relative=%s' "$r" | seed money rel; done
printf 'quarter=I\nyear=2025' | seed money q

# dates: every date string the corpus feeds and feedparser's suite write.
if (( have_shared )); then
  grep -rhoE '<(pubDate|lastBuildDate|updated|published|dc:date|issued|modified|created)>[^<]{1,80}' \
      "$shared/corpus/feeds" "$shared/conformance/feedparser" 2>/dev/null | sed -E 's/^<[^>]*>//' |
    LC_ALL=C sort -u | head -n "$(lim 1500)" | while IFS= read -r d; do printf '%s' "$d" | seed dates d; done
fi
for d in "Thu, 06 Feb 2025 20:30:48 +0700" "Thứ hai, 25/11/2024 08:00 (GMT+7)" "10/2/2026 9:25:00 AM" \
         "2024-11-25T08:00:00+07:00" "Sun Jan  4 16:29:06 2004" "1518478934"; do
  printf '%s' "$d" | seed dates hand
done

# config: README's example, and each section alone.
sed -n '/^```toml$/,/^```$/p' "$src/README.md" | sed '1d;$d' | seed config readme.toml
printf 'db = "x.db"\n[poll]\ninterval = 60\nconcurrency = "32"\n' | seed config wrong-type.toml
printf '[fetch]\nmax_body_bytes = 1024\ntotal_timeout = 3600\n[log]\nformat = "json"\nlevel = "debug"\n' |
  seed config fetch-log.toml

# http: raw responses around small corpus feeds: sized, chunked, gzip,
# redirects, 304, 503 with Retry-After, Cache-Control.
crlf() { printf '%s\r\n' "$@"; }
body="$(cat "$src/feeds/demo/genai.vi.xml")"
{ crlf "HTTP/1.1 200 OK" "Content-Type: application/rss+xml; charset=utf-8" "Content-Length: ${#body}" \
       "ETag: \"v2\"" "Cache-Control: public, max-age=7200" ""; printf '%s' "$body"; } | seed http sized
{ crlf "HTTP/1.1 200 OK" "Transfer-Encoding: chunked" ""; printf '%x\r\n%s\r\n0\r\n\r\n' 10 "<rss></rss"; } |
  seed http chunked
gz="$(mktemp)"; printf '%s' "$body" | gzip -9 > "$gz"
{ crlf "HTTP/1.1 200 OK" "Content-Encoding: gzip" "Content-Length: $(stat -c %s "$gz")" ""; cat "$gz"; } |
  seed http gzip
rm -f "$gz"
{ crlf "HTTP/1.1 301 Moved Permanently" "Location: /moved.rss" "Content-Length: 0" ""
  printf '\n--pw-next-response--\n'
  crlf "HTTP/1.1 200 OK" "Content-Length: 5" ""; printf '<rss>'; } | seed http redirect
crlf "HTTP/1.1 304 Not Modified" "ETag: \"v1\"" "" | seed http not-modified
crlf "HTTP/1.1 503 Service Unavailable" "Retry-After: Wed, 21 Oct 2015 07:28:00 GMT" "Content-Length: 0" "" |
  seed http retry-after
crlf "HTTP/1.1 429 Too Many Requests" "Retry-After: 120" "Content-Length: 0" "" | seed http retry-seconds

# robots: the RFC's and Google's shapes.
printf 'User-agent: *\nDisallow: /search\nAllow: /search/about\nUser-agent: presswatch\nCrawl-delay: 5\nDisallow: /*.pdf$\nSitemap: https://a.vn/s.xml\n' |
  seed robots rfc
printf '\xef\xbb\xbfuseragent: PressWatch/2.0\r\ndisalow /tin-t%%E1%%BB%%A9c\r\nallow: /$\r\n# c\r\n' | seed robots typos

# rule_file: the project's own rules and site rules.
for f in "$src"/rules/*.rules "$src"/rules/sites/*.site; do seed rule_file "$(basename "$f")" < "$f"; done

for d in "$out"/*/; do printf '%-14s %5d seeds\n' "$(basename "$d")" "$(find "$d" -type f | wc -l)"; done
