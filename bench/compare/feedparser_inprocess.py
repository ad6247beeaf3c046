#!/usr/bin/python3
"""feedparser.parse on bytes already in memory: CPU time, the best of a few
runs, so that it compares with bench/feed_bench's BM_FeedParse (no process
start, no file read, no output).

  bench/compare/feedparser_inprocess.py FILE...
"""
import sys
import time

import feedparser


def main():
    print("| feed | items | feedparser.parse, CPU (best of runs) |")
    print("|---|---|---|")
    for name in sys.argv[1:]:
        data = open(name, "rb").read()
        runs = 3 if len(data) > 5_000_000 else 10
        best = float("inf")
        for _ in range(runs):
            start = time.process_time()
            result = feedparser.parse(data)
            best = min(best, time.process_time() - start)
        print("| %s | %d | %.1f ms |" % (name.rsplit("/", 1)[-1], len(result.entries), best * 1000))


if __name__ == "__main__":
    main()
