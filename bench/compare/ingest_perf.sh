#!/bin/bash
# Profile of store_bench's ingest alone, on its busiest (writer) thread.
#
# usage: bench/compare/ingest_perf.sh BINARY OUT-PREFIX [extra store_bench args]
#   TOP=N  how many symbols to print (default 25)
#
# Runs BINARY (a copy of build/bench/store_bench) on 20,000 articles, attaches
# `perf record` from the "corpus" line to the "pipeline" line (so the corpus's
# extraction and the queries are left out), and prints the share of samples per
# symbol of the thread with most samples. Files go to /tmp/s3/OUT-PREFIX.*.
# Used for bench/RESULTS.md, "The writer with prepared batches".
set -euo pipefail
bin=$1; out=$2; shift 2
mkdir -p /tmp/s3
"$bin" --articles 20000 --batch 1000 --feeds-per-commit 20 --db "/tmp/s3/$out.db" "$@" \
  2>/dev/null > "/tmp/s3/$out.txt" &
pid=$!
while ! grep -q corpus "/tmp/s3/$out.txt" 2>/dev/null; do sleep 0.5; done
perf record -F 1999 -p "$pid" -o "/tmp/s3/$out.data" 2>/dev/null >/dev/null &
perf_pid=$!
while ! grep -q '^pipeline' "/tmp/s3/$out.txt"; do sleep 0.3; done
kill -INT "$perf_pid"; wait "$perf_pid" || true; wait "$pid"
grep -E '^ingest|^pipeline' "/tmp/s3/$out.txt"
perf script -i "/tmp/s3/$out.data" -F tid,ip,sym,dso 2>/dev/null > "/tmp/s3/$out.leaf"
writer=$(awk '{c[$1]++} END {for (t in c) print c[t], t}' "/tmp/s3/$out.leaf" | sort -rn | head -1 | cut -d' ' -f2)
awk -v m="$writer" '$1==m {s=$3; for(i=4;i<NF;i++) s=s" "$i; c[s]++; n++}
  END {for (k in c) printf "%5.2f%% %s\n", 100*c[k]/n, k; print "samples", n > "/dev/stderr"}' \
  "/tmp/s3/$out.leaf" | sort -rn | head -"${TOP:-25}" | cut -c1-110
