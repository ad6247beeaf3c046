#!/usr/bin/env bash
# Runs text::RepairMojibake over every line of ../shared/corpus that is UTF-8
# text (articles, feeds that are valid UTF-8, HTML pages unzipped, gold
# texts) and prints each line it changes, then the count. Every change should
# be real mojibake; docs/text.md records the result.
#   bench/compare/mojibake_scan.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
tool=$build/bench/mojibake_scan
corpus=../shared/corpus
[[ -x $tool ]] || { echo "mojibake_scan: build $tool first (cmake --build $build --target mojibake_scan)" >&2; exit 1; }
[[ -d $corpus ]] || { echo "mojibake_scan: needs $corpus beside the checkout" >&2; exit 1; }
{
  find "$corpus/articles" -type f \( -name '*.txt' -o -name '*.jsonl' -o -name '*.md' \) -print0 | sort -z | xargs -0 cat
  find "$corpus/feeds" -type f -print0 | sort -z | while IFS= read -r -d '' f; do
    if iconv -f utf-8 -t utf-8 "$f" > /dev/null 2>&1; then cat "$f"; fi
  done
  find "$corpus/html" -name '*.gz' -print0 | sort -z | xargs -0 zcat
  find "$corpus/html" \( -name '*.txt' -o -name '*.json' \) -print0 | sort -z | xargs -0 cat
} | "$tool"
