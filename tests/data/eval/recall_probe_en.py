#!/usr/bin/env python3
"""A recall probe on English text no one tuned on (round 7, branch extract7en).

Runs the extractor (build/tests/eval_extraction) over every release of the Newsworthy slice
that is NOT in articles.gold and whose title names a raise (the RAISE pattern of
select_en.py), cut as the evaluation cuts them, and prints two shares:

  no record       releases for which no funding record came out at all
  names missed    names the text gives after "led by" / "participation from" (the last run of
                  capitalised words of each list item) that are not among the investors of any
                  record of that release; over the names, and over the releases that give any

Nobody annotated these releases, so the shares are no precision or recall: a release whose
title names a raise may tell no raise that happened (a lawsuit's "recovery", a plan), and a
name after "led by" may lead no round ("a team led by ..."). They are a fair signal all the
same, as no rule was written with these texts in view. Left out, as in select_en.py: a
release whose title is already in the set (a republication), and one whose title or cut text
names the investee of a held-out record (matched here, never printed).

    python3 tests/data/eval/recall_probe_en.py                 # the two shares
    python3 tests/data/eval/recall_probe_en.py --list 30       # and 30 misses (seed 7), to read
    python3 tests/data/eval/recall_probe_en.py --seed 9 --half 1   # one half of a seeded shuffle
    options: --rules DIR (another commit's rules), --eval PATH (default build/tests/eval_extraction), --shared DIR (default ../shared)
"""
import argparse
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from select_en import RAISE, SOURCE, cut  # noqa: E402  (one definition of the pool)
from probe_run import add_tool_arguments, corpus_missing, funding_found, half_of  # noqa: E402  (one way to run the extractor on them)

NAMED = re.compile(r"\b(?:led by|co-led by|participation (?:from|of))\s+(.{3,400}?)(?:[.;:](?:\s|$)|\n|$)")
ITEM_END = re.compile(r"\s(?:to|with|for|as well|in|which|who|that|alongside|among|through)\s|\s[-–—]\s|\(")
ITEM_SPLIT = re.compile(r",\s*(?:and\s+|as well as\s+)?|\s+and\s+|\s+as well as\s+")
CITY_STATE_BASED = re.compile(r"[A-Z][\w.]*(?: [A-Z][\w.]*)*, [A-Z][a-z]*\.?-based ")
CAP_RUN = re.compile(r"(?:[A-Z0-9][\w.&'’-]*|[a-z]+\d\w*)(?:\s+(?:of|de|&|and)?\s*[A-Z0-9][\w.&'’-]*)*")


def named_investors(text):
    """The names after "led by" / "participation from", as the probe reads them."""
    names = []
    for m in NAMED.finditer(text):
        span = m.group(1)
        end = ITEM_END.search(span)
        if end:
            span = span[: end.start()]
        span = CITY_STATE_BASED.sub("", span)  # "Palo Alto, Calif.-based X" is X
        for item in ITEM_SPLIT.split(span):
            # "Los Angeles-based X", "Denmark's X": the name is X
            item = re.split(r"-based\s+|[’']s\s+", item)[-1]
            runs = CAP_RUN.findall(item.strip())
            if runs:
                name = runs[-1].strip()
                if len(name) >= 2 and name.lower() not in ("the", "inc", "llc"):
                    names.append(name)
    return names


def pool(shared, raise_only=True):
    """The releases of the probe: (line, chars, date, title, text). raise_only=False keeps every
    release outside the set, whatever its title (coverage_probe_en.py)."""
    root = shared / "corpus/articles"
    gold = (HERE / "articles.gold").read_text(encoding="utf-8").splitlines()
    used_lines, used_titles, heldout_investees, split = set(), set(), set(), None
    for line in gold:
        if line.startswith("@ "):
            parts = line.partition(" | ")[0].split()
            split = parts[2]
            if parts[4] == SOURCE:
                used_lines.add(int(parts[5]))
        elif line.startswith("F ") and split == "heldout":
            for alias in line[2:].split(" | ")[0].split("|"):
                if len(alias.strip()) >= 3:
                    heldout_investees.add(alias.strip().lower())
    records = (root / SOURCE).read_text(encoding="utf-8").split("\n")
    for n in used_lines:
        used_titles.add(json.loads(records[n - 1])["title"].strip().lower())
    rows = []
    for n, raw in enumerate(records, start=1):
        if not raw.strip() or n in used_lines:
            continue
        r = json.loads(raw)
        title = r["title"].strip()
        if title.lower() in used_titles or (raise_only and not RAISE.search(title)):
            continue
        body = (r.get("text") or r.get("content") or "").replace("\r", "")
        chars = cut(body)
        text = title + "\n\n" + body[:chars]
        low = text.lower()
        if any(re.search(r"\b" + re.escape(name) + r"\b", low) for name in heldout_investees):
            continue
        rows.append((n, chars, r.get("archive_date") or "-", title, text))
    return rows


def records_by_article(eval_bin, shared, rows, rules=None):
    """{row index: [(record, its investors)]} for the rows (the pool's rows)."""
    found = funding_found(eval_bin, shared, [(f"probe-{n}", "en", SOURCE, n, chars, date, title)
                                             for n, chars, date, title, _ in rows], rules=rules)
    split = {k: [m.groups() for m in (re.match(r"(.*?) <- \[(.*)\]", line) for line in lines) if m]
             for k, lines in found.items()}
    return {k: records for k, records in split.items() if records}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_tool_arguments(ap)
    ap.add_argument("--list", type=int, default=0, help="print this many misses of each kind (seed 7)")
    ap.add_argument("--rules", default=None, help="a rules directory (default: the tool's own)")
    ap.add_argument("--seed", type=int, default=9, help="the shuffle that makes the halves (round 9)")
    ap.add_argument("--half", type=int, choices=(1, 2), default=None, help="only this half of the pool")
    args = ap.parse_args()
    shared = Path(args.shared)
    if corpus_missing("recall_probe_en", shared, shared / "corpus/articles" / SOURCE):
        return 2
    rows = half_of(pool(shared), args.seed, args.half)
    found = records_by_article(Path(args.eval), shared, rows, rules=args.rules)
    no_record = [r for r in rows if r[0] not in found]
    names_total, names_missed, with_names, with_missed, name_misses = 0, 0, 0, 0, []
    for n, _, _, title, text in rows:
        names = named_investors(text)
        if not names:
            continue
        with_names += 1
        investors = " ; ".join(inv for _, inv in found.get(n, [])).lower()
        missed = [x for x in names if x.lower() not in investors]
        names_total += len(names)
        names_missed += len(missed)
        if missed:
            with_missed += 1
            name_misses.append((n, title, missed))
    print(f"releases in the probe: {len(rows)}")
    print(f"no funding record: {len(no_record)}/{len(rows)} = {len(no_record) / max(1, len(rows)):.3f}")
    print(f"'led by' / 'participation from' names not among the investors: {names_missed}/{names_total} = "
          f"{names_missed / max(1, names_total):.3f} of names; {with_missed}/{with_names} = "
          f"{with_missed / max(1, with_names):.3f} of the releases that give any")
    if args.list:
        random.seed(7)
        print("\n# releases without a record (line | title)")
        for n, _, _, title, _ in random.sample(no_record, min(args.list, len(no_record))):
            print(f"{n} | {title[:110]}")
        print("\n# names not among the investors (line | names | records found)")
        for n, title, missed in random.sample(name_misses, min(args.list, len(name_misses))):
            print(f"{n} | {'; '.join(missed)} | {found.get(n, [])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
