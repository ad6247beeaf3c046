#!/usr/bin/python3
"""Runs readability-lxml (Debian's python3-readability) on the pages of a
manifest and prints {"family/id": "<article html>"} as JSON, for
eval_fulltext --other. Reads the manifest (family, id, path, url,
content-type; tab-separated) from stdin. A page readability fails on gets "".

  build/tests/eval_fulltext --manifest | tests/eval/readability_run.py > out.json
"""
import gzip
import json
import sys
import time

from readability import Document


def read(path):
    with open(path, "rb") as f:
        data = f.read()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def main():
    out = {}
    seconds = 0.0
    for line in sys.stdin:
        family, page_id, path, url, content_type = (line.rstrip("\n").split("\t") + [""] * 5)[:5]
        data = read(path)
        # The same knowledge presswatch gets: a charset the "HTTP header"
        # states; else readability sniffs the bytes itself.
        page = data.decode("utf-8", "replace") if "utf-8" in content_type.lower() else data
        start = time.process_time()
        try:
            html = Document(page, url=url or None).summary(html_partial=True)
        except Exception as e:  # readability raises on pages it cannot read
            print(f"readability_run: {family}/{page_id}: {type(e).__name__}: {e}", file=sys.stderr)
            html = ""
        seconds += time.process_time() - start
        out[f"{family}/{page_id}"] = html
    json.dump(out, sys.stdout, ensure_ascii=False)
    print(f"readability_run: {len(out)} pages, {seconds:.2f} s CPU, "
          f"{len(out) / seconds if seconds else 0:.1f} pages/s", file=sys.stderr)


if __name__ == "__main__":
    main()
