#!/usr/bin/env bash
# Whole-command parse times, in the same run, of
#   presswatch feed --json FILE    (ours: decode, repair, parse, sanitize, JSON out)
#   xmllint --noout FILE           (libxml2's bare parse: our floor)
#   python3 feedparser.parse(FILE) (Debian's python3-feedparser)
# on a generated 11 MB feed and the largest real feeds of ../shared/corpus.
# Prints one markdown table (mean wall and user CPU time, and our ratios);
# bench/RESULTS.md records its output with the date.
#
#   bench/compare/feed_compare.sh [BUILD_DIR]      (default: build)
#
# Needs hyperfine, xmllint and python3-feedparser: scripts/install-deps --extra.
set -euo pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
pw=$build/presswatch
bench=$build/bench/feed_bench
python=/usr/bin/python3  # Debian's, where python3-feedparser lives

for tool in hyperfine xmllint; do
  command -v "$tool" >/dev/null || { echo "feed_compare: needs $tool (scripts/install-deps --extra)" >&2; exit 1; }
done
"$python" -c 'import feedparser' 2>/dev/null ||
  { echo "feed_compare: needs python3-feedparser (scripts/install-deps --extra)" >&2; exit 1; }
[[ -x $pw && -x $bench ]] ||
  { echo "feed_compare: build presswatch and feed_bench first (cmake --build $build --target presswatch feed_bench)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bench" --write-generated="$work/generated-5000.xml" --items=5000

inputs=("$work/generated-5000.xml")
shared=$here/../shared/corpus/feeds
if [[ -d $shared ]]; then
  inputs+=("$shared/mixed-rss-parser/giantbomb-podcast.rss" "$shared/mixed-feedjira/CRE.xml"
           "$shared/mixed-rsparser/russcox.atom" "$shared/en-rssvelte-techcrunch/techcrunch.xml"
           "$shared/vi-embedded-in-code/vnexpress_string1808.xml")
else
  echo "feed_compare: ../shared not found; the generated feed only" >&2
fi

echo "| feed | size | presswatch feed --json | xmllint --noout | feedparser | presswatch / xmllint | feedparser / presswatch |"
echo "|---|---|---|---|---|---|---|"
for input in "${inputs[@]}"; do
  name=$(basename "$input")
  size=$(du -h "$input" | cut -f1)
  hyperfine -N --style none --warmup 1 --min-runs 5 --max-runs 20 \
    --export-json "$work/$name.json" \
    -n presswatch "$pw feed --json $input" \
    -n xmllint "xmllint --noout $input" \
    -n feedparser "$python -c 'import feedparser,sys; feedparser.parse(sys.argv[1])' $input" >/dev/null
  "$python" - "$work/$name.json" "$name" "$size" <<'EOF'
import json, sys
runs = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
def cell(r):
    return "%.1f ms (user %.1f)" % (r["mean"] * 1000, r["user"] * 1000)
pw, xl, fp = runs["presswatch"], runs["xmllint"], runs["feedparser"]
print("| %s | %s | %s | %s | %s | %.2fx wall, %.2fx user | %.0fx wall, %.0fx user |" % (
    sys.argv[2], sys.argv[3], cell(pw), cell(xl), cell(fp),
    pw["mean"] / xl["mean"], pw["user"] / xl["user"], fp["mean"] / pw["mean"], fp["user"] / pw["user"]))
EOF
done
