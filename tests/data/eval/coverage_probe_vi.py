#!/usr/bin/env python3
"""A coverage probe for Vietnamese entities on text no one annotated or tuned on (round 8,
branch extract8vi).

Runs the extractor (`build/tests/eval_extraction --mentions dev` on a gold file of '@' lines
only) over a random sample of the Vietnamese articles that are in NEITHER split of
articles.gold (the pools of select_vi.py: Baomoi 2017 business, the 2016 business/tech labels,
Dan tri 2020-21; cut as the evaluation cuts them), and measures how much of the text's
capitalised words no ORG, PER or LOC mention covers:

  covered share   capitalised words inside a mention / the capitalised words that may be
                  names: next to another capitalised word, or a word the sample never writes
                  in lower case ("Vietlott"); a lone capital before lower-case words is how
                  Vietnamese writes common nouns in titles and at a sentence's start ("Nhà
                  nước", "Theo đó"), and is left out, as are titles, honorifics and the words
                  of money, date and percent mentions
  uncovered runs  maximal runs of capitalised words no mention covers, ranked by how many
                  articles hold them, with the word before them (a kind word, a title, a
                  preposition says what the run is)
  kind phrases    the same for runs right after a kind word in lower or upper case ("công ty",
                  "Ngân hàng", "tỉnh", "ông"): a name whose kind the text gives

Nobody annotated these articles, so the share is no recall: a capitalised word may be no name
("Nhà nước", a headline's word), and a name may be in lower case. It is a fair signal all the
same, as no rule was written with these texts in view: the top of the list is where recall is
lost on unseen text. Left out: every article of the set, any article whose title or first 200
characters equal those of an article of the set (a republication; matched here, never
printed).

    python3 tests/data/eval/coverage_probe_vi.py                 # the share and the top 40 runs
    python3 tests/data/eval/coverage_probe_vi.py --top 100 --sample 600 --seed 8
    python3 tests/data/eval/coverage_probe_vi.py --rules /tmp/old/rules   # another commit's rules
    options: --eval PATH (default build/tests/eval_extraction), --shared DIR (default ../shared)
"""
import argparse
import collections
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from probe_run import REPO, add_tool_arguments, corpus_missing, run_on_articles  # noqa: E402  (one way to run the extractor on them)

WORD = re.compile(r"[^\W_][\w.&'’-]*[^\W_]|[^\W_]")
KIND = re.compile(
    r"(?:công ty|tập đoàn|tổng công ty|ngân hàng|quỹ|viện|trung tâm|sở|bộ|cục|vụ|ubnd|hđnd|"
    r"hiệp hội|hợp tác xã|trường|bệnh viện|tỉnh|thành phố|huyện|quận|phường|xã|đường|"
    r"ông|bà|anh|chị|chủ tịch|giám đốc|tổng giám đốc|hãng|báo|tờ)$", re.I)
# Not names, and capitalised all the same: titles (rules/gazetteer/titles.tsv and the titles of
# people.rules' vi.title_name), honorifics. Their words are left out of the count.
TITLE_EXTRA = ("Chủ tịch nước", "Thủ tướng", "Phó Thủ tướng", "Tổng Bí thư", "Tổng thống", "Thống đốc",
               "Thị trưởng", "Đại sứ", "Vụ trưởng", "Giáo sư", "Tiến sĩ", "Phó Chủ tịch", "Bí thư",
               "Phó Bí thư", "Trưởng phòng", "Phó Tổng Giám đốc", "Phó Giám đốc", "Ông", "Bà", "Anh", "Chị")


# A kind word before a mention that names only the proper part ("Công ty cổ phần [Him Lam]",
# "tỉnh [Gia Lai]"): the kind's capitalised words count as covered.
KIND_BEFORE = re.compile(
    r"(?:Công ty|Cty|Tổng công ty|Tổng Công ty|Tập đoàn|Ngân hàng|Quỹ|Tỉnh|Thành phố|Huyện|Quận|Phường|Xã|"
    r"Thị xã|Đường|Báo|Tạp chí)(?: (?:cổ phần|Cổ phần|CP|TNHH|MTV|TMCP|đầu tư|[\w]+)){0,3} $")


def is_cap(word):
    return word[0].isupper() or (word[0].isdigit() and any(c.isupper() for c in word))


# Abbreviations of common nouns and units, capitalised and no names: left out of the count.
NOT_NAMES = set(
    "USD VND EUR DN DNNN BĐS HĐQT ĐHĐCĐ CTCK CTCP BCTC FDI GDP CPI CNTT CNHT NSNN TP RAM GB MB TB MP W "
    "G C I II III IV V X XI XII XIII XIV 4G 5G TV HD LED VR IT UPS BOT ROS EPS QĐ-TTg NQ-CP BLHS VN30 "
    "VN-Index HNX-Index UPCoM-Index VN".split())


def title_words(root):
    """The titles as word tuples, longest first."""
    titles = set(TITLE_EXTRA)
    for line in open(REPO / "rules/gazetteer/titles.tsv", encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) >= 2 and f[0] == "TITLE":
            titles.update(a.strip() for a in [f[1]] + (f[2].split("|") if len(f) > 2 else []))
    return sorted({tuple(t.split()) for t in titles if t and t[0].isupper()}, key=len, reverse=True)


def pool(root):
    """Vietnamese articles in neither split, as (source, line, chars, date, title)."""
    import select_vi  # noqa: E402  (one definition of the slices and of the cut)
    select_vi.ROOT = str(root)
    taken, taken_titles = set(), set()
    for line in open(HERE / "articles.gold", encoding="utf-8"):
        if line.startswith("@ ") and line.split()[3] == "vi":
            f = line.split()
            taken.add((f[4], int(f[5])))
    rows, taken_heads = [], set()
    for source, line, _, title, body, date in select_vi.articles():
        body = body.replace("\r", "")
        chars = select_vi.cut_chars(body)
        if (source, line) in taken:
            taken_titles.add(title.strip()[:60])
            taken_heads.add(body[:200])
            continue
        if len(body[:chars].strip()) >= 300:
            rows.append((source, line, chars, date, title, body[:200]))
    return [r[:5] for r in rows if r[4].strip()[:60] not in taken_titles and r[5] not in taken_heads]


def mentions(eval_bin, shared, rows, rules):
    out = run_on_articles(eval_bin, shared, [(f"probe-{k}", "vi", source, line, chars, date, title)
                                             for k, (source, line, chars, date, title) in enumerate(rows)],
                          ["--mentions", "dev"], rules)
    return [json.loads(l) for l in out.splitlines() if l.startswith("{")]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_tool_arguments(ap)
    ap.add_argument("--rules", default=str(REPO / "rules"), help="the rules to run (another commit's, for a before/after)")
    ap.add_argument("--sample", type=int, default=400, help="articles drawn (random.seed(SEED), random.sample)")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--top", type=int, default=40, help="uncovered runs to list")
    args = ap.parse_args()
    root = Path(args.shared) / "corpus/articles"
    if corpus_missing("coverage_probe_vi", args.shared, root):
        return 2
    rows = pool(root)
    random.seed(args.seed)
    rows = random.sample(rows, min(args.sample, len(rows)))
    docs = mentions(Path(args.eval), args.shared, rows, args.rules)
    titles = title_words(root)
    lower_seen = {m.group() for d in docs for m in WORD.finditer(d["text"]) if m.group()[0].islower()}
    total = covered = 0
    runs, kind_runs = collections.Counter(), collections.Counter()
    before = collections.defaultdict(collections.Counter)
    after = collections.defaultdict(collections.Counter)
    for d in docs:
        raw = d["text"].encode("utf-8")
        spans = []
        for e in d["entities"]:
            if e[0] in ("ORG", "PER", "LOC"):
                head = raw[max(0, e[1] - 80):e[1]].decode("utf-8", "ignore")
                kind = KIND_BEFORE.search(head)
                spans.append((e[1] - len(kind.group().encode("utf-8")) if kind else e[1], e[2]))
        values = [(e[1], e[2]) for e in d["entities"] if e[0] not in ("ORG", "PER", "LOC")]
        words = []  # (start, end, text) in bytes
        for m in WORD.finditer(d["text"]):
            start = len(d["text"][: m.start()].encode("utf-8"))
            words.append((start, start + len(m.group().encode("utf-8")), m.group()))
        # Words of a title or of a money/date/percent mention: not names.
        skip = [False] * len(words)
        for i, (s, e, _) in enumerate(words):
            if any(a <= s and e <= b for a, b in values):
                skip[i] = True
            for t in titles:
                if tuple(w[2] for w in words[i:i + len(t)]) == t and not any(
                        a <= s < b for a, b in spans):
                    for k in range(i, i + len(t)):
                        skip[k] = True
                    break
        seen_runs, seen_kind = set(), set()
        run, prev_word = [], ""

        def close(run, prev, i):
            if not run:
                return
            name = " ".join(run)
            if name not in seen_runs:
                seen_runs.add(name)
                runs[name] += 1
                before[name][prev.lower()] += 1
                after[name][" ".join(w[2] for w in words[i:i + 2])] += 1
            if KIND.match(prev) and name not in seen_kind:
                seen_kind.add(name)
                kind_runs[prev.lower() + " " + name] += 1

        run_prev = ""
        for i, (s, e, w) in enumerate(words):
            gap = raw[words[i - 1][1]:s].decode("utf-8") if i else "\n"
            starts_sentence = i == 0 or re.search(r"[.!?:\n\"“]\s*$|^\s*[-–—•]\s*$", gap) is not None
            nxt_cap = i + 1 < len(words) and is_cap(words[i + 1][2]) and raw[e:words[i + 1][0]] == b" "
            prev_cap = i > 0 and gap == " " and is_cap(words[i - 1][2]) and not skip[i - 1]
            proper = w.lower() not in lower_seen
            if starts_sentence:
                counted = is_cap(w) and proper and nxt_cap
            else:
                counted = is_cap(w) and (nxt_cap or prev_cap or proper)
            counted = counted and not skip[i] and w not in NOT_NAMES
            inside = any(a <= s and e <= b for a, b in spans)
            joined = gap == " "
            if counted:
                total += 1
                covered += inside
            if counted and not inside and (run and joined):
                run.append(w)
                continue
            close(run, run_prev, i)
            run = []
            if counted and not inside:
                run, run_prev = [w], (prev_word if gap == " " else "")
                # a two-word kind ("công ty") before the run
                if i >= 2 and KIND.match(words[i - 2][2] + " " + prev_word) and gap == " ":
                    run_prev = words[i - 2][2] + " " + prev_word
            prev_word = w
        close(run, run_prev, len(words))
    print(f"articles in the probe: {len(docs)} (seed {args.seed}, of {len(pool(root))} in neither split)")
    print(f"capitalised words covered by an ORG/PER/LOC mention: {covered}/{total} = {covered / max(1, total):.3f}")
    print(f"\n# top {args.top} uncovered runs (articles | run | words most often before it | two words after it)")
    for name, n in runs.most_common(args.top):
        prev = ", ".join(f"{p or '-'}" for p, _ in before[name].most_common(3))
        nxt = ", ".join(f"{p or '-'}" for p, _ in after[name].most_common(2))
        print(f"{n:4d} | {name} | {prev} | {nxt}")
    print(f"\n# top {args.top} uncovered runs of two words or more (articles | run | before | after)")
    for name, n in [x for x in runs.most_common() if " " in x[0]][: args.top]:
        prev = ", ".join(f"{p or '-'}" for p, _ in before[name].most_common(3))
        nxt = ", ".join(f"{p or '-'}" for p, _ in after[name].most_common(2))
        print(f"{n:4d} | {name} | {prev} | {nxt}")
    print(f"\n# top {args.top} uncovered runs after a kind word (articles | kind word + run)")
    for name, n in kind_runs.most_common(args.top):
        print(f"{n:4d} | {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
