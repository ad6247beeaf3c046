#!/bin/sh
# Stages include each other only along the pipeline (STYLE.md, section 2):
#   common <- fetch, feed, text;  text <- extract;  feed, extract <- store;  all <- app.
# Also: only app sees CLI11, toml++ and spdlog.
set -u
src=${1:?usage: include_graph_test.sh SRC_DIR}
status=0
allowed() {
  case "$1" in
    common) echo "common" ;;
    fetch) echo "common fetch" ;;
    feed) echo "common feed" ;;
    text) echo "common text" ;;
    extract) echo "common text extract" ;;
    store) echo "common text extract feed store" ;;
    app) echo "common fetch feed text extract store app" ;;
  esac
}
for stage in common fetch feed text extract store app; do
  ok=$(allowed "$stage")
  for file in "$src/$stage"/*.h "$src/$stage"/*.cc; do
    [ -e "$file" ] || continue
    for inc in $(sed -n 's/^#include "\([a-z_]*\)\/.*"/\1/p' "$file"); do
      case " $ok " in
        *" $inc "*) ;;
        *) echo "$file: $stage must not include $inc/"; status=1 ;;
      esac
    done
    if [ "$stage" != app ] && grep -qE '#include <(CLI/|toml\+\+/|spdlog/)' "$file"; then
      echo "$file: only app/ may use CLI11, toml++ or spdlog"; status=1
    fi
  done
done
[ $status -eq 0 ] && echo "include graph follows the pipeline"
exit $status
