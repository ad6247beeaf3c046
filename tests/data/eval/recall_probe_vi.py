#!/usr/bin/env python3
"""A funding recall probe on Vietnamese text no one annotated or tuned on (round 9, branch
extract9vi); the Vietnamese counterpart of recall_probe_en.py.

Runs the extractor (build/tests/eval_extraction) over the Vietnamese articles of the slices of
select_vi.py that are in NEITHER split of articles.gold (the pool of coverage_probe_vi.py: no
article of the set, no republication of one), cut as the evaluation cuts them, keeps those whose
cut text has raise vocabulary near an amount or a round (RAISE below: "gọi vốn", "huy động được",
"rót vốn", "nhận ... đầu tư", "vòng hạt giống", "Series A", "đầu tư ... triệu USD vào"), and
prints

  no record      articles of the probe for which no funding record came out at all

Nobody annotated these articles, so the share is no recall: most of the slices' raise
vocabulary is about FDI totals, capital expenditure, plans and state bonds, which give no record
by the annotation rules (tests/data/eval/README.md). `--list N` prints N articles without a record
with the sentence that matched, to read and sort into classes (a raise told as done that the
rules miss, or a negative); `--records` the records found, to check them for false ones.

    python3 tests/data/eval/recall_probe_vi.py                 # the share
    python3 tests/data/eval/recall_probe_vi.py --list 40       # and 40 articles without a record
    python3 tests/data/eval/recall_probe_vi.py --rules /tmp/old/rules   # another commit's rules
    python3 tests/data/eval/recall_probe_vi.py --whole         # whole bodies, not the cut texts
    options: --eval PATH (default build/tests/eval_extraction), --shared DIR (default ../shared)
"""
import argparse
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from probe_run import REPO, add_tool_arguments, corpus_missing, funding_found  # noqa: E402  (one way to run the extractor on them)
import coverage_probe_vi  # noqa: E402  (one definition of the pool)

AMOUNT = (r"(?:\d[\d.,]*\s*(?:triệu|tỷ|tỉ|nghìn tỷ|ngàn tỷ)?\s*(?:USD|đô la|đồng|VND|euro|yen|won|nhân dân tệ)|"
          r"Series [A-H]|vòng hạt giống|tiền hạt giống)")
RAISE = re.compile(
    r"(?:gọi vốn|huy động (?:được|thành công)?|rót vốn|rót (?:thêm )?\d|(?<!chứng )nhận (?:được )?(?:khoản |nguồn )?"
    r"(?:vốn )?đầu tư|vòng (?:gọi vốn|hạt giống|Series|đầu tư)|Series [A-H]|đầu tư [^.\n]{0,40}vào (?:startup|công ty "
    r"khởi nghiệp))[^.\n]{0,120}?" + AMOUNT + "|" + AMOUNT + r"[^.\n]{0,80}?(?:gọi vốn|vòng gọi vốn|rót vốn|huy động)",
    re.I)


def probe_rows(shared, whole=False):
    """The articles of the probe: (source, line, chars, date, title, text, the matched sentence);
    whole=True reads each whole body instead of its cut text."""
    import select_vi  # noqa: E402
    root = shared / "corpus/articles"
    select_vi.ROOT = str(root)
    keep = {(r[0], r[1]): r for r in coverage_probe_vi.pool(root)}
    rows = []
    for source, line, _, title, body, date in select_vi.articles():
        row = keep.get((source, line))
        if row is None:
            continue
        body = body.replace("\r", "")
        if whole:
            row = row[:2] + (len(body),) + row[3:]
        text = title + "\n\n" + body[: row[2]]
        m = RAISE.search(text)
        if m:
            start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
            end = text.find(".", m.end())
            rows.append(row + (text, text[start: end if end > 0 else len(text)].strip()))
    return rows


def records_by_article(eval_bin, shared, rows, rules):
    """{row index: [record lines]} for the rows (coverage_probe_vi's pool rows)."""
    return funding_found(eval_bin, shared, [(f"probe-{k}", "vi", r[0], r[1], r[2], r[3], r[4])
                                            for k, r in enumerate(rows)], rules)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_tool_arguments(ap)
    ap.add_argument("--rules", default=str(REPO / "rules"), help="the rules to run (another commit's, for a before/after)")
    ap.add_argument("--list", type=int, default=0, help="print this many articles without a record (seed 9)")
    ap.add_argument("--records", action="store_true", help="print the records found")
    ap.add_argument("--whole", action="store_true", help="read whole bodies, not the cut texts")
    args = ap.parse_args()
    shared = Path(args.shared)
    if corpus_missing("recall_probe_vi", shared, shared / "corpus/articles"):
        return 2
    rows = probe_rows(shared, args.whole)
    found = records_by_article(Path(args.eval), shared, rows, args.rules)
    no_record = [k for k in range(len(rows)) if k not in found]
    print(f"articles in the probe: {len(rows)} (raise vocabulary near an amount, of "
          f"{len(coverage_probe_vi.pool(shared / 'corpus/articles'))} in neither split)")
    print(f"no funding record: {len(no_record)}/{len(rows)} = {len(no_record) / max(1, len(rows)):.3f}")
    if args.records:
        print("\n# records found (probe id | title | record)")
        for k in sorted(found):
            for record in found[k]:
                print(f"probe-{k} | {rows[k][4][:60]} | {record}")
    if args.list:
        random.seed(9)
        print("\n# articles without a record (probe id | title | the sentence that matched)")
        for k in sorted(random.sample(no_record, min(args.list, len(no_record)))):
            print(f"probe-{k} | {rows[k][4][:70]} | {rows[k][6][:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
