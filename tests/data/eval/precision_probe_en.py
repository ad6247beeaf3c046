#!/usr/bin/env python3
"""A precision probe on English business news no one tuned on (round 9, branch extract9en).

Runs the extractor (build/tests/eval_extraction) over the Newsworthy releases outside the set
(the pool of recall_probe_en.py without its raise filter: no republication, no release naming a
held-out investee) whose TITLE reads as ordinary business news (results, revenue, acquisitions,
launches, partnerships, valuations, awards, appointments, openings: BUSINESS below) and names
no raise, debt or funding (select_en.py's RAISE and DEBT, and FUNDING below), and prints how
many funding records come out, in how many releases, and (--list) every record with its release.

Such a release may still tell a raise as background ("the company, which raised $5M in 2023,
today launches ..."), so a record is not false by being counted: read them (--list). What the
probe is for is the other kind: revenue, prices, contracts, prizes and acquisitions read as a
raise. A recall gain that also raises this count bought false records.

The pool can be split in two halves by a seeded shuffle, one to read while tuning and one to
report only (--seed S --half 1|2; the whole pool without --half).

    python3 tests/data/eval/precision_probe_en.py                       # the count, whole pool
    python3 tests/data/eval/precision_probe_en.py --seed 9 --half 1 --list   # tuning half, records
    python3 tests/data/eval/precision_probe_en.py --rules DIR           # another commit's rules
    options: --eval PATH (default build/tests/eval_extraction), --shared DIR (default ../shared)
"""
import argparse
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from select_en import RAISE, DEBT, SOURCE  # noqa: E402  (one definition of a raise)
from recall_probe_en import pool, records_by_article  # noqa: E402  (one pool, one way to run)
from probe_run import add_tool_arguments, corpus_missing, half_of  # noqa: E402  (one way to take a half)

BUSINESS = re.compile(
    r"\b(revenue|results|earnings|profit|quarter|Q[1-4]|fiscal|acquir\w*|acquisition|merger|merges?|"
    r"buys|launch\w*|unveil\w*|introduc\w*|valuation|valued|awards?|award-winning|prize|wins?|winner|"
    r"honou?r\w*|named|recogni\w*|partner\w*|expands?|opens?|appoints?|sales|growth)\b", re.I)
FUNDING = re.compile(r"fund(ing|raise|raising)|invest|capital|financ|round|backed|IPO|offering|"
                     r"placement|loan|grant", re.I)


def business_pool(shared):
    return [r for r in pool(shared, raise_only=False)
            if BUSINESS.search(r[3]) and not (RAISE.search(r[3]) or DEBT.search(r[3]) or FUNDING.search(r[3]))]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_tool_arguments(ap)
    ap.add_argument("--rules", default=None, help="a rules directory (default: the tool's own)")
    ap.add_argument("--seed", type=int, default=9, help="the shuffle that makes the halves")
    ap.add_argument("--half", type=int, choices=(1, 2), default=None, help="only this half of the pool")
    ap.add_argument("--list", action="store_true", help="print every record with its release")
    args = ap.parse_args()
    shared = Path(args.shared)
    if corpus_missing("precision_probe_en", shared, shared / "corpus/articles" / SOURCE):
        return 2
    rows = half_of(business_pool(shared), args.seed, args.half)
    found = records_by_article(Path(args.eval), shared, rows, rules=args.rules)
    records = sum(len(v) for v in found.values())
    print(f"business releases in the probe: {len(rows)}")
    print(f"funding records: {records} in {len(found)} releases "
          f"({len(found) / max(1, len(rows)):.3f} of the releases)")
    if args.list:
        for n, _, _, title, _ in rows:
            for investee, investors in found.get(n, []):
                print(f"{n} | {title[:90]} | {investee} <- [{investors}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
