#!/usr/bin/env python3
"""Vietnamese articles to annotate for a round of the evaluation set: picks articles not yet
in articles.gold, prints one '@' line per pick (split dev, CHARS by the README's cut) and the
cut text, for annotation by hand. One script for every round; a round is a row of ROUNDS.

  python3 tests/data/eval/select_vi.py [--round 6|7|10|11|14|15|16|18|19|20|21|22] [CORPUS_ROOT] > /tmp/round.txt

Method (Python random.seed(SEED), then random.sample on each pool):
- pool A ("entity-rich"): business/tech articles of the Vietnamese slices (Baomoi 2017
  business; VnExpress, Dan tri and VTV 2016 business/tech labels; Dan tri 2020-21 business
  and tech), cut text of 300+ characters, not in the set, with at least 8 entity cues in
  the cut text (kind words of organisations, titles and kinship words before a name,
  province/district/ward/street words): A drawn.
- pool B ("deal vocabulary"): the same articles, whose cut text has a raise verb or a
  hard-negative word near money (goi von, huy dong, rot von, co phan/co phieu, trai
  phieu, FDI, von dieu le, thau tom/mua lai, IPO): B drawn, none of pool A's picks.
- from round 7 on, a republication (same title) of an article in the set is left out.
- from round 10 on, pool R ("random"): every such article (cut text of 300+ characters,
  not in the set, no republication), no cue filter: the population of round 1's random
  part, drawn at random (R drawn) before pools A and B.

Round 6 (branch extract6vi): seed 2029, A 20, B 10. Round 7 (branch extract7vi): seed 2030,
A 24, B 6. Round 10 (branch extract10vi): seed 2032, R 30.
Round 11 (branch extract11vi): seed 2035, R 30 (in draw order: the first 20 tuned on, the last
10 a check set). Round 14 (branch extract14vi): seed 2040, R 30 (the same split into A, 20, and
B, 10). Round 15 (branch extract15vi): seed 2051, R 30 (the same split). Round 16 (branch
extract16vi): seed 2061, R 30 (the same split). Round 18 (branch extract18vi): seed 2071, R 30
(the same split). Round 19 (branch extract19vi): seed 2081, R 15 (in draw order: the first 10
tuned on, the last 5 a check set). Round 20 (branch extract20vi): seed 2091, R 12 (in draw order: the first 8
tuned on, the last 4 a check set). Round 21 (branch extract21vi): seed 2101, R 12 (the same split).
Round 22 (branch extract22vi): seed 2103, R 9 (in draw order: the first 6 tuned on, the last 3 a
check set).
A round's picks are those of the set as it was before that round: run on today's
articles.gold, a round's own articles are left out as taken.
"""

import json
import os
import random
import re
import sys

ROUNDS = {
    6: {"seed": 2029, "a": 20, "b": 10, "skip_republications": False},
    7: {"seed": 2030, "a": 24, "b": 6, "skip_republications": True},
    10: {"seed": 2032, "r": 30, "a": 0, "b": 0, "skip_republications": True},
    11: {"seed": 2035, "r": 30, "a": 0, "b": 0, "skip_republications": True},
    14: {"seed": 2040, "r": 30, "a": 0, "b": 0, "skip_republications": True},
    15: {"seed": 2051, "r": 30, "a": 0, "b": 0, "skip_republications": True},
    16: {"seed": 2061, "r": 30, "a": 0, "b": 0, "skip_republications": True},
    18: {"seed": 2071, "r": 30, "a": 0, "b": 0, "skip_republications": True},
    19: {"seed": 2081, "r": 15, "a": 0, "b": 0, "skip_republications": True},
    20: {"seed": 2091, "r": 12, "a": 0, "b": 0, "skip_republications": True},
    21: {"seed": 2101, "r": 12, "a": 0, "b": 0, "skip_republications": True},
    22: {"seed": 2103, "r": 9, "a": 0, "b": 0, "skip_republications": True},
}
ARGS = sys.argv[1:]
ROUND = 7
if ARGS[:1] == ["--round"]:
    ROUND, ARGS = int(ARGS[1]), ARGS[2:]
ROOT = ARGS[0] if ARGS else "../shared/corpus/articles"
GOLD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "articles.gold")

BAOMOI = "vi/magizbox-baomoi-2017-business-slice/baomoi_business_slice.jsonl"
NEWS16 = "vi/nguyenvulebinh-vietnam-news-2016/business_tech.jsonl"
DANTRI = "vi/undertheseanlp-dantri-UNC/docs"
NEWS16_LABELS = ("Dân trí/Kinh doanh", "Dân trí/Sức mạnh số", "vnexpress/Kinh doanh",
                 "vnexpress/Số hóa", "vtv/Kinh tế", "vtv/Công nghệ")


def cut_chars(body):
    """The README's cut: the whole body under 1,100 code points, else up to the first
    sentence end after 900."""
    if len(body) < 1100:
        return len(body)
    for i in range(900, len(body)):
        if body[i] in ".!?" and (i + 1 == len(body) or body[i + 1] in " \n\"”"):
            return i + 1
    return len(body)


def articles():
    with open(os.path.join(ROOT, BAOMOI), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            r = json.loads(line)
            yield BAOMOI, n, 2605 + n, r["title"], r.get("text") or r.get("content", ""), "-"
    with open(os.path.join(ROOT, NEWS16), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            r = json.loads(line)
            if r["labels"].startswith(NEWS16_LABELS):
                yield NEWS16, n, 5135 + n, r["title"], r.get("text") or r.get("content", ""), "-"
    for kind, offset in (("business", 6178), ("tech", 6698)):
        for k in range(300):
            name = f"news_{kind}_{k:03d}.txt"
            path = os.path.join(ROOT, DANTRI, name)
            if not os.path.exists(path):
                continue
            title, body, date = None, [], "-"
            for l in open(path, encoding="utf-8"):
                l = l.rstrip("\n")
                if l.startswith("# date = "):
                    d = l[9:].strip()
                    date = f"{d[:4]}-{d[4:6]}-{d[6:8]}"
                if l.startswith("# ") or not l.strip():
                    continue
                if title is None:
                    title = l
                else:
                    body.append(l)
            yield f"{DANTRI}/{name}", 0, offset + k, title or "", "\n".join(body), date


ENTITY_CUES = re.compile(
    r"\b(Công ty|Tập đoàn|Ngân hàng|Tổng công ty|Bộ|Sở|UBND|Ủy ban|hãng|nhà mạng|Quỹ|"
    r"ông|bà|anh|chị|Chủ tịch|Giám đốc|Tổng giám đốc|Thứ trưởng|Bộ trưởng|"
    r"tỉnh|thành phố|TP\.|quận|huyện|phường|xã|đường)\b")
DEAL = re.compile(
    r"gọi vốn|huy động|rót vốn|cổ phần|cổ phiếu|trái phiếu|FDI|vốn điều lệ|thâu tóm|"
    r"mua lại|IPO|khoản đầu tư|nhà đầu tư|quỹ đầu tư", re.I)


def main():
    plan = ROUNDS[ROUND]
    taken, taken_titles = set(), set()
    for line in open(GOLD, encoding="utf-8"):
        if line.startswith("@ "):
            f = line.split()
            taken.add((f[4], int(f[5])))
            taken_titles.add(line.split(" | ", 1)[1].rstrip("\n"))
    pool_r, pool_a, pool_b = [], [], []
    for source, line, num, title, body, date in articles():
        body = body.replace("\r", "")
        # A republication (same title) of an article in the set is no new material.
        if (source, line) in taken or (plan["skip_republications"] and title[:60] in taken_titles):
            continue
        chars = cut_chars(body)
        cut = body[:chars]
        if len(cut.strip()) < 300:
            continue
        art = (source, line, num, title, cut, chars, date)
        pool_r.append(art)
        if len(DEAL.findall(cut)) >= 2:
            pool_b.append(art)
        if len(ENTITY_CUES.findall(cut)) >= 8:
            pool_a.append(art)
    random.seed(plan["seed"])
    picks_r = random.sample(pool_r, plan.get("r", 0))
    chosen = {(a[0], a[1]) for a in picks_r}
    pool_a = [a for a in pool_a if (a[0], a[1]) not in chosen]
    picks_a = random.sample(pool_a, plan["a"])
    chosen |= {(a[0], a[1]) for a in picks_a}
    pool_b = [a for a in pool_b if (a[0], a[1]) not in chosen]
    picks_b = random.sample(pool_b, plan["b"])
    print(f"# pool R {len(pool_r)}, pool A {len(pool_a)}, pool B {len(pool_b)}", file=sys.stderr)
    for group, picks in (("R", picks_r), ("A", picks_a), ("B", picks_b)):
        for source, line, num, title, cut, chars, date in picks:
            excerpt = title[:60]
            print(f"#{group} @ vi-{num} dev vi {source} {line} {chars} {date} | {excerpt}")
            print(title)
            print()
            print(cut)
            print("=" * 40)


if __name__ == "__main__":
    main()
