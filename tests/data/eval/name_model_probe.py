#!/usr/bin/python3
"""Would a small learnt name finder beside the rules lift ORG/PER recall? (branches learn1, learn2)

A measured experiment on the dev split only. The extractor runs on every dev article
(`eval_extraction --mentions dev`); the capitalised runs that no ORG/PER/LOC/MONEY/DATE/PERCENT
mention touches are the candidates, each in all its sub-spans of up to MAX_WORDS words (so
"Theo Geopolitical Monitor" also offers "Geopolitical Monitor"). A candidate is labelled ORG,
PER or LOC when its search key equals a dev gold name (any alias) of that type in the same
article, else NONE. An L2-regularised logistic regression (Debian's liblinear, `-s 0`, the
solver the C++ side could load with liblinear-dev) scores the candidates; within each run the
most probable spans above a threshold are kept, not overlapping, as entities whose name is
their text. The threshold is chosen inside the training folds (an inner 3-fold run over the
training articles, the threshold that gives the best micro-F1 over ORG+PER+LOC there).

Measure: 5-fold cross-validation over dev articles (folds by a seeded shuffle of the ids):
dev ORG/PER/LOC P/R of the rules alone against the rules plus the accepted candidates, scored
as tests/eval/eval_extraction.cc scores entities (per article, sets of distinct names; a
system name is right when it, a text of it, or its gazetteer entry is a gold name). The
script first prints the rules-alone figures of its own scorer, to compare with
`eval_extraction`'s dev table (they must agree within 0.005 for the comparison to be fair).

    /usr/bin/python3 tests/data/eval/name_model_probe.py            # CV figures
    /usr/bin/python3 tests/data/eval/name_model_probe.py --dump-features 3   # features of 3 candidates
    /usr/bin/python3 tests/data/eval/name_model_probe.py --examples 0.3     # and what it adds at 0.30
    options: --eval PATH (default build/tests/eval_extraction), --gold FILE, --c C (liblinear's
             cost, default 1), --examples TH (the dev names added at threshold TH, right and
             wrong), --whole-runs (no sub-spans), --train-share F (train on a share of each
             training fold: a learning curve), --folds K (default 5), --seed S (default 12),
             --mentions FILE (a saved `--mentions dev` output, to skip the extractor run),
             --corpus FILE (add features from what the rules find on the 5,764 articles outside
             the set, cached in FILE: the types the rules give the same name elsewhere, and how
             often each word is written in lower case), --shared DIR (default ../shared),
             --all-spans (branch learn2: train on every name-shaped span, the rules' mentions
             included, so that the rules' right mentions are positives and their wrong ones
             negatives; the model is still applied only to the spans no mention touches),
             --outside FILE (cache of the rules' mentions on the articles outside the set,
             JSON lines; --corpus builds its evidence from it), --outside-sample N (no CV:
             train on all of dev, apply to the articles outside the set, print the names added
             per article against the rules' and a seeded random sample of N added names in
             context, to judge by hand), --outside-threshold TH (instead of the threshold the
             inner 3-fold run chooses on dev)

    /usr/bin/python3 tests/data/eval/name_model_probe.py --all-spans               # CV, learn2
    /usr/bin/python3 tests/data/eval/name_model_probe.py --all-spans --outside-sample 100 --outside /tmp/o.jsonl

Rule mentions enter the features only as neighbours (a mention right before or after the
span, never one that overlaps it), so a training span the rules found and an applied span no
rule touches are described by the same function in the same way; nothing tells the model
whether the rules found the span itself.

It needs Debian's python3-liblinear (`apt-get install python3-liblinear`; the system python,
/usr/bin/python3: a pyenv python does not see it). scikit-learn was the brief's choice, but
Debian 12's python3-sklearn pulls libboost1.74-dev through pythran, which conflicts with the
project's libboost1.81-dev; liblinear is what sklearn's liblinear solver wraps, and the
library the C++ side would use. Held-out articles are never read: only dev articles are run
(the script asserts it), and with --corpus the articles outside the set.
"""
import argparse
import collections
import json
import random
import subprocess
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent.parent
TYPES = ("ORG", "PER", "LOC")
LABELS = ("NONE",) + TYPES
MAX_WORDS = 6
# Lower-case words that may join two capitalised words inside a name ("Bank of America",
# "Procter & Gamble", "Banco de Chile"); "and"/"và" are left out, they join list items.
CONNECTORS = {"of", "&", "de", "for", "the", "du", "des", "la", "van", "von"}
SENTENCE_END = set(".!?:\"“”")


# ---------------------------------------------------------------- text keys and gold

def search_key(s):
    """text/search_key.h's key, near enough for names: no accents, đ -> d, case-folded,
    dashes, quotes and apostrophes unified."""
    s = unicodedata.normalize("NFD", s)
    out = []
    for ch in s:
        if unicodedata.category(ch) == "Mn":
            continue
        if ch in "đĐ":
            ch = "d"
        elif ch in "‐‑‒–—―−":
            ch = "-"
        elif ch in "“”„«»":
            ch = '"'
        elif ch in "’‘`′":
            ch = "'"
        out.append(ch)
    return "".join(out).casefold()


def read_gold(path):
    """{id: {"split", "lang", "ORG"/"PER"/"LOC": [[alias, ...], ...]}} of every article."""
    gold, cur = {}, None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("@ "):
            f = line[2:].split(" | ")[0].split()
            cur = {"id": f[0], "split": f[1], "lang": f[2], "ORG": [], "PER": [], "LOC": []}
            gold[f[0]] = cur
        elif cur and line[:4] in ("ORG ", "PER ", "LOC "):
            for name in line[4:].split(" ; "):
                aliases = [a.strip() for a in name.split("|") if a.strip() and a.strip() != "-"]
                if aliases:
                    cur[line[:3]].append(aliases)
    return gold


def read_gazetteer():
    """{(type, key): canonical} of ORG/PER/LOC aliases; {key: set(types)} of name parts
    (GIVEN_NAME, FAMILY_NAME, and one-word ORG/PER/LOC aliases); stopword keys."""
    lookup, parts, stop = {}, collections.defaultdict(set), set()
    for f in sorted((REPO / "rules/gazetteer").glob("*.tsv")):
        for line in open(f, encoding="utf-8"):
            if line.startswith("#") or "\t" not in line:
                continue
            cols = line.rstrip("\n").split("\t")
            typ, canonical = cols[0], cols[1].strip()
            aliases = [canonical] + ([a.strip() for a in cols[2].split("|")] if len(cols) > 2 else [])
            for a in aliases:
                if not a:
                    continue
                k = search_key(a)
                if typ in TYPES:
                    lookup.setdefault((typ, k), canonical)
                    if " " not in k:
                        parts[k].add(typ)
                elif typ in ("GIVEN_NAME", "FAMILY_NAME"):
                    parts[k].add(typ)
                elif typ == "NAME_STOPWORD":
                    stop.add(k)
    return lookup, parts, stop


# ---------------------------------------------------------------- scoring, as eval_extraction

def match_gold(gold_names, entities, lookup, t):
    """Of type t: (tp, fp, found), found[i] whether an entity matches gold_names[i] (its
    canonical name, a text of it, or its gazetteer entry equals an alias, by search key)."""
    forms = collections.defaultdict(list)
    for typ, name, text in entities:
        if typ == t:
            forms[name].append(text)
    gold_keys = [{search_key(a) for a in g} for g in gold_names]
    found = [False] * len(gold_keys)
    tp = fp = 0
    for name, texts in forms.items():
        keys = {search_key(name)} | {search_key(x) for x in texts}
        hit = False
        for i, (gk, g) in enumerate(zip(gold_keys, gold_names)):
            if bool(keys & gk) or any(lookup.get((t, search_key(a))) == name for a in g):
                found[i] = hit = True
        tp, fp = tp + hit, fp + (not hit)
    return tp, fp, found


def score_article(gold, entities, lookup):
    """{type: [tp, fp, fn]}: entities are (type, name, text) tuples."""
    out = {}
    for t in TYPES:
        tp, fp, found = match_gold(gold[t], entities, lookup, t)
        out[t] = [tp, fp, found.count(False)]
    return out


def score_article_missed(gold, entities, lookup):
    """{type: [gold names (alias lists) no entity matches]}, by score_article's rule."""
    out = {}
    for t in TYPES:
        _, _, found = match_gold(gold[t], entities, lookup, t)
        out[t] = [g for g, f in zip(gold[t], found) if not f]
    return out


def prf(c):
    tp, fp, fn = c
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def total(scores):
    out = {t: [0, 0, 0] for t in TYPES}
    for s in scores:
        for t in TYPES:
            out[t] = [a + b for a, b in zip(out[t], s[t])]
    return out


# ---------------------------------------------------------------- tokens, runs, candidates

def tokens(text):
    """(start, end, str) in characters: words (letters/digits, with inner ' ’ . & - between
    two of them) and every other non-space character alone."""
    out, i, n = [], 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch.isalnum():
            j = i + 1
            while j < n and (text[j].isalnum() or (text[j] in "'’.&-" and j + 1 < n and text[j + 1].isalnum())):
                j += 1
            out.append((i, j, text[i:j]))
            i = j
        else:
            out.append((i, i + 1, ch))
            i += 1
    return out


def is_capitalised(w):
    return w[0].isupper() or (w[0].isdigit() and any(c.isupper() for c in w))


def shape(w):
    s = []
    for ch in w:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not s or s[-1] != c:
            s.append(c)
    return "".join(s)


def candidates(text, toks, covered, whole_runs_only=False):
    """Runs of capitalised words no mention covers, as lists of token indexes, then every
    sub-span of a run (up to MAX_WORDS words) that starts and ends with a capitalised word.
    With `covered` all False: every name-shaped span, whether a rule found it or not
    (--all-spans' training candidates)."""
    runs, run = [], []
    for i, (s, e, w) in enumerate(toks):
        free = not covered[i]
        joined = run and text[toks[run[-1]][1]:s] == " "
        if free and w[0].isalnum() and is_capitalised(w) and (not run or joined):
            run.append(i)
            continue
        if free and run and joined and w in CONNECTORS:
            run.append(i)
            continue
        if run:
            runs.append(run)
        run = [i] if free and w[0].isalnum() and is_capitalised(w) else []
    if run:
        runs.append(run)
    out = []
    for r in runs:
        while r and not is_capitalised(toks[r[-1]][2]):
            r = r[:-1]
        if whole_runs_only:
            if r:
                out.append((tuple(r), r[0], r[-1] + 1))
            continue
        for a in range(len(r)):
            if not is_capitalised(toks[r[a]][2]):
                continue
            for b in range(a, min(len(r), a + MAX_WORDS)):
                if is_capitalised(toks[r[b]][2]):
                    out.append((tuple(r), r[a], r[b] + 1))
    return out


# ---------------------------------------------------------------- features

def features(doc, a, b, gaz_parts, stop, corpus=None):
    """The candidate toks[a:b]'s features, as strings."""
    text, toks, lang = doc["text"], doc["toks"], doc["lang"]
    words = [toks[k][2] for k in range(a, b)]
    low = [w.lower() for w in words]
    f = ["bias", "lang=" + lang, "len=%d" % min(len(words), 5)]
    f += ["w=" + w for w in low]
    f += ["first=" + low[0], "last=" + low[-1]]
    f += ["shape=" + shape(w) for w in words]
    f.append("shapes=" + " ".join(shape(w) for w in words[:4]))
    for k, name in ((1, "p1="), (2, "p2=")):
        f.append(name + (toks[a - k][2].lower() if a - k >= 0 else "<s>"))
    for k, name in ((0, "n1="), (1, "n2=")):
        f.append(name + (toks[b + k][2].lower() if b + k < len(toks) else "</s>"))
    prev = toks[a - 1][2] if a else None
    if prev is None or prev in SENTENCE_END or "\n" in text[toks[a - 1][1]:toks[a][0]]:
        f.append("sentence_start")
        f.append("sentence_start+first=" + low[0])
    span = text[toks[a][0]:toks[b - 1][1]]
    if text.count(span) > 1:
        f.append("repeated")
    if low[0] in doc["lower_words"]:
        f.append("first_lower_in_doc")
    if all(w in doc["lower_words"] for w in low):
        f.append("all_lower_in_doc")
    if search_key(words[0]) in stop:
        f.append("first_stopword")
    for k, w in enumerate(words):
        for kind in sorted(gaz_parts.get(search_key(w), ())):
            f.append("gz=" + kind)
            if k == 0:
                f.append("gz_first=" + kind)
            if k == len(words) - 1:
                f.append("gz_last=" + kind)
    s, e = toks[a][0], toks[b - 1][1]
    # Rule mentions describe the neighbours only: a mention that overlaps the span is never
    # seen, so a span the rules found (an --all-spans training candidate) and a span no rule
    # touches (every applied candidate) are described alike.
    for (typ, es, ee) in doc["spans"]:
        if 0 <= s - ee <= 2 and text[ee:s].strip() in ("", "(", ",", "-", "–"):
            f.append("entity_before=" + typ)
        if 0 <= es - e <= 2 and text[e:es].strip() in ("", ")", ",", "(", "-", "–"):
            f.append("entity_after=" + typ)
    lw = low[-1]
    f += ["suf2=" + lw[-2:], "suf3=" + lw[-3:]]
    if corpus:
        f += corpus_features(words, corpus)
    return f


# ---------------------------------------------------------------- corpus evidence (--corpus)

def outside_mentions(args):
    """`eval_extraction --mentions` records (parsed JSON lines) of the articles nobody annotated:
    the English coverage pool (every release outside the set, none naming a held-out investee)
    and the Vietnamese one (every article of the slices outside the set), ids "probe-en-N" and
    "probe-vi-K". Cached in args.outside when given (JSON lines, made when absent)."""
    cache = Path(args.outside) if args.outside else None
    if cache and cache.exists():
        return [json.loads(l) for l in cache.read_text(encoding="utf-8").splitlines()]
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import recall_probe_en  # noqa: E402  (one definition of each pool, and one way to run them)
    import coverage_probe_vi  # noqa: E402
    from probe_run import run_on_articles  # noqa: E402
    from select_en import SOURCE  # noqa: E402
    shared = Path(args.shared)
    rows = [(f"probe-en-{n}", "en", SOURCE, n, chars, date, title)
            for n, chars, date, title, _ in recall_probe_en.pool(shared, raise_only=False)]
    rows += [(f"probe-vi-{k}", "vi", source, line, chars, date, title)
             for k, (source, line, chars, date, title) in enumerate(coverage_probe_vi.pool(shared / "corpus/articles"))]
    lines = []
    for start in range(0, len(rows), 500):
        out = run_on_articles(args.eval, shared, rows[start:start + 500], ["--mentions", "dev"])
        lines += [l for l in out.splitlines() if l.startswith("{")]
    if cache:
        cache.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [json.loads(l) for l in lines]


def corpus_evidence(args):
    """What the rules say of names on the articles nobody annotated (outside_mentions): {"typed":
    {key: {type: articles}}, "lower": {word: n}, "upper": {word: n}}. Cached in args.corpus (a
    JSON file)."""
    cache = Path(args.corpus)
    if cache.exists():
        return json.loads(cache.read_text(encoding="utf-8"))
    typed = collections.defaultdict(lambda: collections.defaultdict(int))
    lower, upper = collections.Counter(), collections.Counter()
    for r in outside_mentions(args):
        for t in {(e[0], search_key(e[3])) for e in r["entities"] if e[0] in TYPES}:
            typed[t[1]][t[0]] += 1
        for _, _, w in tokens(r["text"]):
            if w[0].isalpha():
                (upper if w[0].isupper() else lower)[w.lower()] += 1
    data = {"typed": typed, "lower": lower, "upper": upper}
    cache.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return json.loads(cache.read_text(encoding="utf-8"))


def corpus_features(words, corpus):
    """Features from corpus evidence: the types the rules give this exact name elsewhere, and how
    often each word is written in lower case there (a common word, not a name)."""
    f = []
    typed = corpus["typed"].get(search_key(" ".join(words)), {})
    for t in TYPES:
        n = typed.get(t, 0)
        if n:
            f.append("corpus=" + t)
            if n >= 3:
                f.append("corpus3=" + t)
    if not typed:
        f.append("corpus_untyped")
    for k, w in enumerate(words):
        lw = w.lower()
        lo, up = corpus["lower"].get(lw, 0), corpus["upper"].get(lw, 0)
        b = "unseen" if lo + up == 0 else "0" if lo == 0 else "lt10" if lo < 0.1 * (lo + up) else \
            "lt50" if lo < 0.5 * (lo + up) else "ge50"
        f.append("lower_share=" + b)
        if k == 0:
            f.append("first_lower_share=" + b)
    return f


# ---------------------------------------------------------------- the experiment

def make_doc(r, lang, gold, args):
    """One article of `eval_extraction --mentions` output (a parsed JSON line) as the probe's
    document: tokens, the rule mentions, the candidates the model is applied to ("cands": the
    spans no rule mention touches) and the ones it is trained on ("train_cands": the same, or
    with --all-spans every name-shaped span). `gold` is the article's gold, or None."""
    text = r["text"]
    raw = text.encode("utf-8")

    def ch(off):  # byte offset to character offset
        return len(raw[:off].decode("utf-8", errors="ignore"))
    spans = [(t, ch(s), ch(e)) for t, s, e, _, _ in r["entities"]]
    ents = [(t, name, tx) for t, _, _, tx, name in r["entities"] if t in TYPES]
    toks = tokens(text)
    covered = [any(s < te and ts < e for _, s, e in spans) for ts, te, _ in toks]
    doc = {"id": r["id"], "text": text, "lang": lang, "toks": toks, "spans": spans,
           "entities": ents, "gold": gold,
           "lower_words": {w for _, _, w in toks if w[0].isalpha() and w[0].islower()}}
    doc["cands"] = candidates(text, toks, covered, args.whole_runs)
    doc["train_cands"] = (candidates(text, toks, [False] * len(toks), args.whole_runs)
                          if args.all_spans else doc["cands"])
    return doc


def load_docs(args, gold):
    if args.mentions:
        out = open(args.mentions, encoding="utf-8").read()
    else:
        out = subprocess.run([args.eval, "--gold", args.gold, "--mentions", "dev"], check=True,
                             capture_output=True, text=True).stdout
    docs = []
    for line in out.splitlines():
        r = json.loads(line)
        g = gold[r["id"]]
        assert g["split"] == "dev"
        docs.append(make_doc(r, g["lang"], g, args))
    return docs


def describe(docs, gaz_parts, stop, corpus):
    """Features of each document's candidates ("feats", "train_feats") and the training labels."""
    for d in docs:
        d["feats"] = [features(d, a, b, gaz_parts, stop, corpus) for _, a, b in d["cands"]]
        d["train_feats"] = (d["feats"] if d["train_cands"] is d["cands"] else
                            [features(d, a, b, gaz_parts, stop, corpus) for _, a, b in d["train_cands"]])
        if d["gold"] is not None:
            d["labels"] = [label(d, a, b) for _, a, b in d["cands"]]
            d["train_labels"] = [label(d, a, b) for _, a, b in d["train_cands"]]


def label(doc, a, b):
    key = search_key(doc["text"][doc["toks"][a][0]:doc["toks"][b - 1][1]])
    for t in TYPES:
        if any(key == search_key(x) for g in doc["gold"][t] for x in g):
            return LABELS.index(t)
    return 0


def train(docs, c):
    """A liblinear model on the documents' training candidates, and its feature index."""
    from liblinearutil import problem, parameter, train as ll_train
    index = {}
    ys, xs = [], []
    for d in docs:
        for k in range(len(d["train_cands"])):
            x = {}
            for s in d["train_feats"][k]:
                if s not in index:
                    index[s] = len(index) + 1
                x[index[s]] = 1
            ys.append(d["train_labels"][k])
            xs.append(x)
    model = ll_train(problem(ys, xs), parameter("-s 0 -c %g -q" % c))
    return model, index


def probabilities(model, index, docs):
    """{doc id: [[p(NONE), p(ORG), p(PER), p(LOC)] per applied candidate]}."""
    from liblinearutil import predict
    labels = model.get_labels()
    out = {}
    for d in docs:
        xs = [{index[s]: 1 for s in d["feats"][k] if s in index} for k in range(len(d["cands"]))]
        if not xs:
            out[d["id"]] = []
            continue
        _, _, p = predict([], xs, model, "-b 1 -q")
        out[d["id"]] = [[row[labels.index(i)] if i in labels else 0.0 for i in range(len(LABELS))] for row in p]
    return out


def decide(doc, probs, threshold):
    """Entities the model adds: per run, the most probable spans above threshold, no overlap."""
    best = []
    for k, (run, a, b) in enumerate(doc["cands"]):
        p = probs[k]
        t = max(range(1, len(LABELS)), key=lambda i: p[i])
        if p[t] >= threshold:
            best.append((-p[t], a, b, t))
    best.sort()
    taken, added = set(), []
    for _, a, b, t in best:
        if any(i in taken for i in range(a, b)):
            continue
        taken.update(range(a, b))
        s = doc["text"][doc["toks"][a][0]:doc["toks"][b - 1][1]]
        added.append((LABELS[t], s, s))
    return added


def evaluate(docs, probs, threshold, lookup):
    return total(score_article(d["gold"], d["entities"] + (decide(d, probs[d["id"]], threshold) if probs else []),
                               lookup) for d in docs)


THRESHOLDS = [x / 100 for x in range(10, 100, 5)]


def micro_f1(c):
    return prf([sum(c[t][i] for t in TYPES) for i in range(3)])[2]


def choose_threshold(docs, c, lookup, seed):
    """The threshold with the best micro-F1 on out-of-fold probabilities of an inner 3-fold run."""
    ids = [d["id"] for d in docs]
    random.Random(seed).shuffle(ids)
    fold = {i: n % 3 for n, i in enumerate(ids)}
    probs = {}
    for k in range(3):
        tr = [d for d in docs if fold[d["id"]] != k]
        te = [d for d in docs if fold[d["id"]] == k]
        m, idx = train(tr, c)
        probs.update(probabilities(m, idx, te))
    return max(THRESHOLDS, key=lambda th: (micro_f1(evaluate(docs, probs, th, lookup)), th))


def outside(args, docs, gaz_parts, stop, corpus, lookup):
    """Step 2 of branch learn2: a model trained on all of dev (threshold chosen by the inner
    3-fold run over dev, or --outside-threshold) applied to the articles outside the set. Prints
    the names it adds per article against the distinct ORG/PER/LOC names the rules give there,
    then a seeded random sample of the added names in context, to be judged by hand."""
    th = args.outside_threshold or choose_threshold(docs, args.c, lookup, args.seed)
    model, index = train(docs, args.c)
    records = outside_mentions(args)
    pool = [make_doc(r, r["id"].split("-")[1], None, args) for r in records]
    describe(pool, gaz_parts, stop, corpus)
    probs = probabilities(model, index, pool)
    added, rules = [], collections.Counter()
    for d in pool:
        for t in TYPES:
            rules[t] += len({name for typ, name, _ in d["entities"] if typ == t})
        names = set()
        for t, name, _ in decide(d, probs[d["id"]], th):
            if (t, name) not in names:
                names.add((t, name))
                added.append((d, t, name))
    n = len(pool)
    kinds = collections.Counter(t for _, t, _ in added)
    print("outside the set: %d articles (%d en, %d vi); threshold %.2f%s" % (
        n, sum(d["lang"] == "en" for d in pool), sum(d["lang"] == "vi" for d in pool), th,
        " (given)" if args.outside_threshold else " (chosen on dev by the inner 3-fold run)"))
    print("distinct names per article, rules: " + ", ".join("%s %.3f" % (t, rules[t] / n) for t in TYPES) +
          "; added by the model: " + ", ".join("%s %.3f (%d)" % (t, kinds[t] / n, kinds[t]) for t in TYPES) +
          " (%d names in all)" % len(added))
    sample = random.Random(args.seed).sample(added, min(args.outside_sample, len(added)))
    print("sample of %d (seed %d); '+rules' marks a name whose words are inside a name the rules found in "
          "the same article (an alias: right or wrong, no recall gained)" % (len(sample), args.seed))
    for k, (d, t, name) in enumerate(sample, start=1):
        text = d["text"]
        # The occurrence the model read: the first one no rule mention touches.
        at = next(m for m in range(len(text)) if text.startswith(name, m) and
                  not any(s < m + len(name) and m < e for _, s, e in d["spans"]))
        context = text[max(0, at - 90):at].replace("\n", " / ") + "[[" + name + "]]" + \
            text[at + len(name):at + len(name) + 90].replace("\n", " / ")
        alias = any((" " + search_key(name) + " ") in (" " + search_key(x) + " ")
                    for _, n, tx in d["entities"] for x in (n, tx))
        print("%3d  %s  %-30s %-6s %s  | %s" % (k, t, name, "+rules" if alias else "", d["id"], context))


def print_table(title, c):
    print(title)
    for t in TYPES:
        p, r, f = prf(c[t])
        print("    %-4s P %.3f  R %.3f  F1 %.3f   (tp %d, fp %d, fn %d)" % (t, p, r, f, *c[t]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eval", default=str(REPO / "build/tests/eval_extraction"))
    ap.add_argument("--gold", default=str(REPO / "tests/data/eval/articles.gold"))
    ap.add_argument("--mentions", default="")
    ap.add_argument("--shared", default=str(REPO / "../shared"))
    ap.add_argument("--corpus", default="", help="add corpus evidence; FILE caches it (made when absent)")
    ap.add_argument("--c", type=float, default=1.0)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--train-share", type=float, default=1.0,
                    help="train on this share of each training fold's articles (a learning curve)")
    ap.add_argument("--examples", type=float, default=0,
                    help="also list the dev names the model adds at this threshold, right and wrong")
    ap.add_argument("--whole-runs", action="store_true", help="candidates are whole runs only, no sub-spans")
    ap.add_argument("--all-spans", action="store_true",
                    help="train on every name-shaped span, the rules' mentions included (applied as before)")
    ap.add_argument("--outside", default="",
                    help="FILE caches the rules' mentions on the articles outside the set (made when absent)")
    ap.add_argument("--outside-sample", type=int, default=0,
                    help="no CV: train on all dev, apply to the --outside articles, list N added names")
    ap.add_argument("--outside-threshold", type=float, default=0,
                    help="with --outside-sample: this threshold instead of the one chosen on dev")
    ap.add_argument("--dump-features", type=int, default=0)
    args = ap.parse_args()

    gold = read_gold(args.gold)
    lookup, gaz_parts, stop = read_gazetteer()
    docs = load_docs(args, gold)
    corpus = corpus_evidence(args) if args.corpus else None
    describe(docs, gaz_parts, stop, corpus)
    for what, cands, labels in (("applied to", "cands", "labels"), ("trained on", "train_cands", "train_labels")):
        n = sum(len(d[cands]) for d in docs)
        pos = collections.Counter(LABELS[y] for d in docs for y in d[labels])
        print("dev: %d articles, %d candidate spans %s (%s)" % (
            len(docs), n, what, ", ".join("%s %d" % kv for kv in sorted(pos.items()))))
    if args.dump_features:
        for d in docs[:1]:
            for k in range(min(args.dump_features, len(d["train_cands"]))):
                _, a, b = d["train_cands"][k]
                print(d["id"], repr(d["text"][d["toks"][a][0]:d["toks"][b - 1][1]]), LABELS[d["train_labels"][k]],
                      d["train_feats"][k])
    if args.outside_sample:
        return outside(args, docs, gaz_parts, stop, corpus, lookup)
    base = evaluate(docs, None, 1.0, lookup)
    print_table("rules alone, this scorer (compare eval_extraction's dev vi+en):", base)
    # Gold names the candidates could reach at all: a recall ceiling for the model.
    ceiling = {t: 0 for t in TYPES}
    for d in docs:
        for t in TYPES:
            ceiling[t] += len({search_key(d["text"][d["toks"][a][0]:d["toks"][b - 1][1]])
                               for k, (_, a, b) in enumerate(d["cands"]) if LABELS[d["labels"][k]] == t})
    print("labelled candidate names per type (distinct per article): " + ", ".join("%s %d" % (t, ceiling[t]) for t in TYPES))
    # Gold names the rules miss that some candidate spells: the most recall the model can add.
    reach = {t: 0 for t in TYPES}
    for d in docs:
        missed = score_article_missed(d["gold"], d["entities"], lookup)
        keys = {search_key(d["text"][d["toks"][a][0]:d["toks"][b - 1][1]]) for _, a, b in d["cands"]}
        for t in TYPES:
            reach[t] += sum(1 for g in missed[t] if any(search_key(x) in keys for x in g))
    print("gold names the rules miss that a candidate spells (the model's reach): " +
          ", ".join("%s %d of %d missed" % (t, reach[t], base[t][2]) for t in TYPES))

    ids = sorted(d["id"] for d in docs)
    random.Random(args.seed).shuffle(ids)
    fold = {i: n % args.folds for n, i in enumerate(ids)}
    order = {i: n for n, i in enumerate(ids)}
    rules_only, with_model, oof = [], [], {}
    for k in range(args.folds):
        tr = [d for d in docs if fold[d["id"]] != k]
        tr = sorted(tr, key=lambda d: order[d["id"]])[:round(len(tr) * args.train_share)]  # a seeded random share
        te = [d for d in docs if fold[d["id"]] == k]
        th = choose_threshold(tr, args.c, lookup, args.seed + k)
        m, idx = train(tr, args.c)
        probs = probabilities(m, idx, te)
        oof.update(probs)
        r0, r1 = evaluate(te, None, 1.0, lookup), evaluate(te, probs, th, lookup)
        rules_only.append(r0), with_model.append(r1)
        print("fold %d: %d test articles, threshold %.2f (chosen on the training folds); " % (k, len(te), th) +
              ", ".join("%s R %.3f->%.3f P %.3f->%.3f" % (t, prf(r0[t])[1], prf(r1[t])[1], prf(r0[t])[0], prf(r1[t])[0])
                        for t in TYPES))
    print_table("%d-fold CV, rules alone:" % args.folds, total(rules_only))
    print_table("%d-fold CV, rules + model:" % args.folds, total(with_model))
    # The same out-of-fold probabilities at every threshold: the best trade-off any threshold
    # could give (an oracle's choice, so an upper bound of what the chosen thresholds give).
    if args.examples:
        # Dev only: what the model adds at the threshold, right and wrong, and the misses in reach.
        th = args.examples
        right, wrong = collections.Counter(), collections.Counter()
        for d in docs:
            keys = {t: {search_key(x) for g in d["gold"][t] for x in g} for t in TYPES}
            for t, s, _ in decide(d, oof[d["id"]], th):
                (right if search_key(s) in keys[t] else wrong)[t + " " + s] += 1
        print("out-of-fold at %.2f: %d added right, %d added wrong" % (th, sum(right.values()), sum(wrong.values())))
        print("  right: " + "; ".join(k for k, _ in right.most_common(40)))
        print("  wrong: " + "; ".join(k for k, _ in wrong.most_common(60)))
    print("out-of-fold, every threshold (rules + model; the rules alone are the first table):")
    for th in THRESHOLDS:
        c = evaluate(docs, oof, th, lookup)
        print("    %.2f  " % th + "  ".join("%s P %.3f R %.3f" % (t, prf(c[t])[0], prf(c[t])[1]) for t in TYPES))


if __name__ == "__main__":
    main()
