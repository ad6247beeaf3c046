#!/bin/bash
# The store writer's profile by part, in one command: runs BINARY (a copy of
# build/bench/store_bench) over ARTICLES articles (--batch 5000 --ingest-only)
# into a scratch database, attaches perf to it from the corpus line to the
# pipeline line, keeps the writer thread's samples (the main thread) and
# classes them with writer_profile.py. Used for bench/RESULTS.md, "Branch store7".
#
# usage: bench/compare/writer_profile.sh BINARY ARTICLES OUT_PREFIX
#   ARTICLES 30000 or more: perf takes a few seconds to attach, and a run of
#   one or two batches is over before it samples (5,000 gave 6 samples).
#   writes OUT_PREFIX.out (the bench's output), OUT_PREFIX.data (perf),
#   OUT_PREFIX.script and OUT_PREFIX.txt (the shares); the database is deleted.
set -eu
binary=$1 articles=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -f "$out.db" "$out.db-wal" "$out.db-shm"
"$binary" --articles "$articles" --batch 5000 --ingest-only --db "$out.db" > "$out.out" 2>&1 &
pid=$!
until grep -q '^corpus' "$out.out"; do kill -0 "$pid" 2>/dev/null || break; sleep 0.3; done
perf record -F 300 --call-graph dwarf,32768 -p "$pid" -o "$out.data" > "$out.perf.log" 2>&1 &
perf_pid=$!
until grep -q '^pipeline' "$out.out"; do kill -0 "$pid" 2>/dev/null || break; sleep 0.3; done
kill -INT "$perf_pid" 2>/dev/null || true
wait "$perf_pid" || true
wait "$pid"
perf script -i "$out.data" --tid "$pid" -F tid,ip,sym,symoff,dso > "$out.script" 2>/dev/null
python3 "$here/writer_profile.py" "$out.script" > "$out.txt"
rm -f "$out.db" "$out.db-wal" "$out.db-shm"
grep '^ingest' "$out.out"
head -12 "$out.txt"
