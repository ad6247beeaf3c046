#!/usr/bin/python3
"""How often presswatch and feedparser read the real feeds of
../shared/corpus/feeds the same way: item counts, and per item (in order)
the title, the link and the published instant. Disagreements are printed,
for a person to judge which side is right.

  bench/compare/corpus_agreement.py [BUILD_DIR]      (default: build)

Needs python3-feedparser (scripts/install-deps --extra). Titles are
compared as text with whitespace collapsed; links as written; dates as UTC
instants (feedparser's published_parsed, else updated_parsed).
"""
import calendar
import csv
import gzip
import json
import os
import subprocess
import sys
import time

import feedparser

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, "..", ".."))
build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "build")
corpus = os.path.normpath(os.path.join(root, "..", "shared", "corpus", "feeds"))


def collapse(s):
    return " ".join((s or "").split())


def utc(entry):
    t = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(calendar.timegm(t))) if t else None


def main():
    rows = list(csv.DictReader(open(os.path.join(corpus, "INDEX.tsv")), delimiter="\t"))
    totals = {"feeds": 0, "same_count": 0, "items": 0, "title": 0, "link": 0, "date": 0, "both_dated": 0}
    disagreements = []
    for row in rows:
        path = os.path.join(corpus, row["path"])
        data = open(path, "rb").read()
        if row["compression"] == "gzip":
            data = gzip.decompress(data)
        ours = subprocess.run([os.path.join(build, "presswatch"), "feed", "--json", "-"], input=data,
                              capture_output=True)
        if ours.returncode != 0:
            continue  # not a feed (the corpus test checks which)
        ours = json.loads(ours.stdout)
        theirs = feedparser.parse(data)
        totals["feeds"] += 1
        if len(ours["items"]) == len(theirs.entries):
            totals["same_count"] += 1
        else:
            disagreements.append("%s: %d items, feedparser %d" % (row["path"], len(ours["items"]), len(theirs.entries)))
        for mine, other in zip(ours["items"], theirs.entries):
            totals["items"] += 1
            if collapse(mine["title"]) == collapse(other.get("title")):
                totals["title"] += 1
            else:
                disagreements.append("%s: title %r, feedparser %r" % (row["path"], mine["title"][:60],
                                                                     collapse(other.get("title"))[:60]))
            if (mine["link"] or None) == (other.get("link") or None):
                totals["link"] += 1
            else:
                disagreements.append("%s: link %r, feedparser %r" % (row["path"], mine["link"], other.get("link")))
            if mine["published"] and utc(other):
                totals["both_dated"] += 1
                if mine["published"] == utc(other):
                    totals["date"] += 1
                else:
                    disagreements.append("%s: date %s, feedparser %s" % (row["path"], mine["published"], utc(other)))
    print("feeds read by both: %(feeds)d; same item count: %(same_count)d" % totals)
    print("items compared: %(items)d; same title: %(title)d; same link: %(link)d; "
          "dated by both: %(both_dated)d, same instant: %(date)d" % totals)
    print("disagreements (%d):" % len(disagreements))
    for d in disagreements:
        print("  " + d)


if __name__ == "__main__":
    main()
