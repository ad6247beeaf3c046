#!/usr/bin/env bash
# Whole-command comparison: text::NormalizeDocument (bench/compare/normalize_file)
# against ICU's bare NFC pass, `uconv -x nfc` (package icu-devtools), on the
# same input files, in the same run. Prints one table row per input, in the
# form bench/RESULTS.md keeps; times are CPU time (user + system) of the
# whole command, the least of RUNS runs, so MB/s are per core (both commands
# are single-threaded).
#   bench/compare/normalize_vs_uconv.sh [BUILD_DIR] [RUNS]
# Inputs, built from ../shared/corpus into a temporary directory:
#   vi      the 789 Dan tri articles (2020), concatenated
#   vi-nfd  the same with the marks of open oa/oe/uy on their second vowel
#           (hoà, thuý, khoẻ), then decomposed (uconv -x nfd)
#   vi-moji the same, as mojibake (UTF-8 read as Windows-1252)
#   en      the text of the 2,606 press releases (CC0)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
runs=${2:-5}
tool=$build/bench/normalize_file
corpus=../shared/corpus
for need in uconv python3; do
  command -v "$need" >/dev/null || { echo "normalize_vs_uconv: needs $need (scripts/install-deps --extra)" >&2; exit 1; }
done
[[ -x $tool ]] || { echo "normalize_vs_uconv: build $tool first (cmake --build $build --target normalize_file)" >&2; exit 1; }
[[ -d $corpus ]] || { echo "normalize_vs_uconv: needs $corpus beside the checkout" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat "$corpus"/articles/vi/undertheseanlp-dantri-UNC/docs/*.txt > "$work/vi"
python3 - "$corpus" "$work" <<'PY'
import json, re, sys
corpus, work = sys.argv[1], sys.argv[2]
src = corpus + '/articles/en/newsworthy-press-release-archive-slice/press_releases_funding_sea.jsonl'
with open(work + '/en', 'w', encoding='utf-8') as out:
    for line in open(src, encoding='utf-8'):
        out.write(json.loads(line)['text'] + '\n\n')
text = open(work + '/vi', encoding='utf-8').read()
# The other tone style: the mark of an open oa/oe/uy on its second vowel.
pairs = [('òa','oà'),('óa','oá'),('ỏa','oả'),('õa','oã'),('ọa','oạ'),('òe','oè'),('óe','oé'),('ỏe','oẻ'),('õe','oẽ'),
         ('ọe','oẹ'),('ùy','uỳ'),('úy','uý'),('ủy','uỷ'),('ũy','uỹ'),('ụy','uỵ')]
for a, b in pairs:
    text = re.sub(a + r'(?![^\W\d_])', b, text)
open(work + '/vi-other', 'w', encoding='utf-8').write(text)
raw = open(work + '/vi', 'rb').read()
cp = {0x81: '\x81', 0x8d: '\x8d', 0x8f: '\x8f', 0x90: '\x90', 0x9d: '\x9d'}
moji = ''.join(cp[b] if b in cp else bytes([b]).decode('cp1252') for b in raw)
open(work + '/vi-moji', 'w', encoding='utf-8').write(moji)
PY
uconv -x nfd < "$work/vi-other" > "$work/vi-nfd"
rm "$work/vi-other"

# Least CPU time (user + system, in ms) of $runs runs of a command reading
# $1 and writing /dev/null: CPU time, not wall time, since the machine may be
# shared (MB/s per core).
best() {
  local input=$1; shift
  local best_ms=""
  for ((i = 0; i < runs; i++)); do
    local t
    t=$( { TIMEFORMAT='%3U %3S'; time "$@" < "$input" > /dev/null; } 2>&1 )
    local ms
    ms=$(awk -v u="${t% *}" -v s="${t#* }" 'BEGIN { printf "%d", (u + s) * 1000 }')
    if [[ -z $best_ms || $ms -lt $best_ms ]]; then best_ms=$ms; fi
  done
  echo "$best_ms"
}

echo "| input | bytes | uconv -x nfc | normalize_file | ratio (normalize_file / uconv) |"
echo "|---|---|---|---|---|"
for name in vi vi-nfd vi-moji en; do
  f=$work/$name
  bytes=$(stat -c %s "$f")
  u=$(best "$f" uconv -x nfc)
  n=$(best "$f" "$tool" -)
  awk -v name="$name" -v b="$bytes" -v u="$u" -v n="$n" 'BEGIN {
    printf "| %s | %d | %d ms, %.1f MB/s | %d ms, %.1f MB/s | %.2f |\n",
      name, b, u, b / (u / 1e3) / 1e6, n, b / (n / 1e3) / 1e6, n / u }'
done
