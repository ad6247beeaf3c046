#!/usr/bin/env python3
"""English releases to annotate for a round of the evaluation set. One script for every
round; a round is a row of ROUNDS.

Draws from ../shared/corpus/articles/en/newsworthy-press-release-archive-slice the releases
not yet in articles.gold, cut as the evaluation cuts them (tests/data/eval/README.md), in
strata, each shuffled with random.seed(SEED) and taken in order:

  raises  title or cut text matches a raise pattern AND names investors in some way
          (RAISE and INVESTORS below)
  debt    a private placement, an IPO, notes, a credit facility or a loan
  others  800+ characters, no raise or debt pattern; from round 7 on, rich in entities too:
          8 or more entity cues (legal forms, kind words of firms and institutions, roles
          of people, "said", street and city words; ENTITY_CUES below)

Round 6 (branch extract6en): seed 2029, the first 24 raises, 4 debt, 12 others. Round 7
(branch extract7en): seed 2031, 28 raises, no debt, 12 others. Round 10 (branch extract10en):
seed 2034, 20 raises and 10 others, round 3's strata: "raises" are releases whose title or
first 1,100 characters match RAISE, investors named or not; "others" are 800+ characters with
no raise or debt pattern (no entity cues asked; ordinary business releases). Round 11 (branch
extract11en): seed 2035, round 10's strata, 24 raises and 6 others; split by draw order into A
(the first 16 raises and 4 others, tuned on) and B (the other 8 and 2, a check set). Round 14 (branch
extract14en): seed 2040, round 10's strata, 22 raises and 8 others; A the first 15 raises and 5 others,
B the other 7 and 3. Round 15
(branch extract15en): seed 2050, round 14's strata and counts, A and B split as round 14's. Round 16
(branch extract16en): seed 2060, round 14's strata, 24 raises and 6 others; A the first 16 raises and 4
others, B the other 8 and 2 (round 11's split). Round 17 (branch extract17en): seed 2062, round 14's
strata, no raises and 30 others (ordinary business releases, for names of organisations and people); A
the first 20 by draw order, B the last 10. Rounds 16 and 17 were drawn at the same time, each on the set
before both (none of round 17's picks is one of round 16's). Round 18 (branch extract18en): seed 2070,
round 14's strata, 24 raises and 6 others; A the first 16 raises and 4 others, B the other 8 and 2
(round 16's split). Round 19 (branch extract19en): seed 2072,
round 17's strata and counts (30 others, no raises), A the first 20 by draw order, B the last 10; drawn at
the same time as round 18 on the set before both, a pick of both to be skipped for the next in order
(none was). Round 20 (branch extract20en): seed 2080, round 18's strata, 12 raises and 3 others; A
the first 8 raises and 2 others, B the other 4 and 1. Round 21 (branch extract21en): seed 2082, round
19's strata, 15 others and no raises; A the first 10 by draw order, B the last 5. Rounds 20 and 21 were
drawn at the same time on the set before both; none of round 20's picks is one of round 21's, so none
was skipped.
Round 22 (branch extract22en): seed 2090, round 20's strata, 10 raises and 2 others; A the first 8 by draw
order, B the last 4. Round 23 (branch extract23en): seed 2092, round 21's strata, 12 others and no raises; A
the first 8 by draw order, B the last 4. Rounds 22 and 23 were drawn at the same time on the set before
both; none of round 22's picks is one of round 23's, so none was skipped.
Round 24 (branch extract24en): seed 2094, round 20's strata, 10 raises and 2 others; A the first 8 by
draw order, B the last 4; drawn at the same time as rounds 22 and 23 on the same set: round 24 skipped the
four picks it shares with round 22 (en-1112, en-0820, en-1240, en-0526) and two copies of the Vermeer
release already in the set (en-0991, en-0993: the same body under another title), taking the next in its
order.
Round 25 (branch extract25en): seed 2100, round 20's strata, 10 raises and 2 others; A the first 8 by draw
order, B the last 4. Round 26 (branch extract26en): seed 2102, round 21's strata, 12 others and no raises.
Rounds 25 and 26 were drawn at the same time on the same set (and a Vietnamese round); none of round 25's
picks is one of round 26's, so none was skipped.
Round 27 (branch extract27en): seed 2104, round 21's strata, 9 others and no raises; round 28 (branch
extract28en): seed 2106, round 20's strata, 7 raises and 2 others; in each A the first 6 by draw order, B
the last 3. They were drawn at the same time on the same set; none of round 27's picks is one of round
28's, so none was skipped.

Left out: a release whose title is already in the set (a republication), and a release whose
title or cut text names the investee of a held-out record (so that no dev article tells a
held-out deal; the names are matched by the script, never printed; names of 4 characters or
more in round 6, 3 or more from round 7 on: "Roy" slipped through). A round's picks are those
of the set as it was before that round: run on today's articles.gold, a round's own articles
are left out as taken.

    python3 tests/data/eval/select_en.py [--round 6|7|10|11|14|15|16|17|18|19|20|21|22|23|24|25|26|27|28] [CORPUS_ROOT]   # prints '@' lines to annotate
"""

import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROUNDS = {
    6: {"seed": 2029, "take": {"raises": 24, "debt": 4, "others": 12}, "min_name": 4, "min_cues": 0},
    7: {"seed": 2031, "take": {"raises": 28, "debt": 0, "others": 12}, "min_name": 3, "min_cues": 8},
    10: {"seed": 2034, "take": {"raises": 20, "debt": 0, "others": 10}, "min_name": 3, "min_cues": 0,
         "raise_any": True},
    11: {"seed": 2035, "take": {"raises": 24, "debt": 0, "others": 6}, "min_name": 3, "min_cues": 0,
         "raise_any": True},
    14: {"seed": 2040, "take": {"raises": 22, "debt": 0, "others": 8}, "min_name": 3, "min_cues": 0,
         "raise_any": True},
    15: {"seed": 2050, "take": {"raises": 22, "debt": 0, "others": 8}, "min_name": 3, "min_cues": 0,
         "raise_any": True},
    16: {"seed": 2060, "take": {"raises": 24, "debt": 0, "others": 6}, "min_name": 3, "min_cues": 0,
         "raise_any": True},
    17: {"seed": 2062, "take": {"raises": 0, "debt": 0, "others": 30}, "min_name": 3, "min_cues": 0,
         "raise_any": True},
    18: {"seed": 2070, "take": {"raises": 24, "debt": 0, "others": 6}, "min_name": 3, "min_cues": 0,
         "raise_any": True},
    19: {"seed": 2072, "take": {"raises": 0, "debt": 0, "others": 30}, "min_name": 3, "min_cues": 0,
         "raise_any": True},
    20: {"seed": 2080, "take": {"raises": 12, "debt": 0, "others": 3}, "min_name": 3, "min_cues": 0,
         "raise_any": True},
    21: {"seed": 2082, "take": {"raises": 0, "debt": 0, "others": 15}, "min_name": 3, "min_cues": 0,
         "raise_any": True},
    22: {"seed": 2090, "take": {"raises": 10, "debt": 0, "others": 2}, "min_name": 3, "min_cues": 0,
         "raise_any": True},
    23: {"seed": 2092, "take": {"raises": 0, "debt": 0, "others": 12}, "min_name": 3, "min_cues": 0,
         "raise_any": True},
    24: {"seed": 2094, "take": {"raises": 10, "debt": 0, "others": 2}, "min_name": 3, "min_cues": 0,
         "raise_any": True},
    25: {"seed": 2100, "take": {"raises": 10, "debt": 0, "others": 2}, "min_name": 3, "min_cues": 0,
         "raise_any": True},
    26: {"seed": 2102, "take": {"raises": 0, "debt": 0, "others": 12}, "min_name": 3, "min_cues": 0,
         "raise_any": True},
    27: {"seed": 2104, "take": {"raises": 0, "debt": 0, "others": 9}, "min_name": 3, "min_cues": 0,
         "raise_any": True},
    28: {"seed": 2106, "take": {"raises": 7, "debt": 0, "others": 2}, "min_name": 3, "min_cues": 0,
         "raise_any": True},
}
ARGS = sys.argv[1:]
ROUND = 7
if ARGS[:1] == ["--round"]:
    ROUND, ARGS = int(ARGS[1]), ARGS[2:]
ROOT = Path(ARGS[0]) if ARGS else HERE / "../../../../shared/corpus/articles"
SOURCE = "en/newsworthy-press-release-archive-slice/press_releases_funding_sea.jsonl"

RAISE = re.compile(
    r"\b(raises?|raised|secures?|secured|closes?|closed|completes?|completed|lands?|bags?)\b"
    r"[^.]{0,80}(\$|€|£|US\$|USD|EUR|million|billion)|\bSeries [A-F]\b|\bseed (round|funding)\b|"
    r"\bpre-seed\b|\bstrategic investment\b|\bgrant\b", re.I)
INVESTORS = re.compile(
    r"participation (from|of)|backed by|led by|co-led|joined by|alongside|investors? (include|including)|"
    r"angel investors?|existing investors|the round included|with support from|funded by|"
    r"investment from|(round|financing|funding)[^.]{0,40}: ", re.I)
ENTITY_CUES = re.compile(
    r"\b(Inc|LLC|Ltd|Corp|Corporation|Company|Group|University|Institute|Foundation|Association|"
    r"Capital|Ventures|Partners|Bank|Agency|Department|CEO|founder|President|Director|Chairman|"
    r"Officer|said|says|City|County|Street|Avenue)\b")
DEBT = re.compile(r"private placement|initial public offering|\bIPO\b|notes offering|credit facility|"
                  r"debt financing|term loan|\bloan\b", re.I)


def cut(body):
    """The evaluation's cut: the body up to the first sentence end after 900 characters."""
    if len(body) < 1100:
        return len(body)
    for m in re.finditer(r"[.!?][\"”’)]?(?=\s|$)", body):
        if m.end() > 900:
            return m.end()
    return len(body)


def main():
    plan = ROUNDS[ROUND]
    gold = (HERE / "articles.gold").read_text(encoding="utf-8").splitlines()
    used_lines, used_titles, heldout_investees = set(), set(), set()
    split = None
    for line in gold:
        if line.startswith("@ "):
            head, _, title = line.partition(" | ")
            parts = head.split()
            split = parts[2]
            if parts[4] == SOURCE:
                used_lines.add(int(parts[5]))
        elif line.startswith("F ") and split == "heldout":
            for alias in line[2:].split(" | ")[0].split("|"):
                if len(alias.strip()) >= plan["min_name"]:
                    heldout_investees.add(alias.strip().lower())
    records = (ROOT / SOURCE).read_text(encoding="utf-8").split("\n")
    for n in used_lines:
        used_titles.add(json.loads(records[n - 1])["title"].strip().lower())

    strata = {"raises": [], "debt": [], "others": []}
    for n, raw in enumerate(records, start=1):
        if not raw.strip() or n in used_lines:
            continue
        r = json.loads(raw)
        title = r["title"].strip()
        body = (r.get("text") or r.get("content") or "").replace("\r", "")
        if title.lower() in used_titles:
            continue
        chars = cut(body)
        text = title + "\n\n" + body[:chars]
        low = text.lower()
        if any(re.search(r"\b" + re.escape(name) + r"\b", low) for name in heldout_investees):
            continue
        row = (n, chars, r.get("archive_date") or "-", title)
        if plan.get("raise_any"):  # round 3's strata: a raise pattern in the title or first 1,100
            if RAISE.search(title) or RAISE.search(body[:1100]):
                strata["raises"].append(row)
            elif chars >= 800 and not DEBT.search(text):
                strata["others"].append(row)
            continue
        if DEBT.search(text):
            strata["debt"].append(row)
        elif RAISE.search(text):
            if INVESTORS.search(text):
                strata["raises"].append(row)
        elif chars >= 800 and len(ENTITY_CUES.findall(text)) >= plan["min_cues"]:
            strata["others"].append(row)
    random.seed(plan["seed"])
    take = plan["take"]
    for name, rows in strata.items():
        if not take[name]:
            continue
        random.shuffle(rows)
        print(f"# {name}: {len(rows)} candidates, the first {take[name]}")
        for n, chars, date, title in rows[: take[name]]:
            print(f"@ en-{n - 1:04d} dev en {SOURCE} {n} {chars} {date} | {title[:60]}")


if __name__ == "__main__":
    main()
