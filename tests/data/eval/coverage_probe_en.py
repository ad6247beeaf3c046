#!/usr/bin/env python3
"""A coverage probe of English names on text no one annotated or tuned on (round 8, branch
extract8en).

Runs the extractor (build/tests/eval_extraction --mentions) over every release of the
Newsworthy slice that is NOT in articles.gold (the pool of recall_probe_en.py without its raise
filter: no republication of a release in the set, no release that names a held-out investee),
cut as the evaluation cuts them, and finds in each release's body (the title, in title case, is
left out) the runs of capitalised words: "Sequoia Capital", "Bank of America", "Jane Doe".
Function words and sentence-initial common words are taken off a run's front ("The", "In",
"Today"; a word counts as common when the pool writes it in lower case more often than
capitalised), and a run that is only such words, a month, a weekday or a run of capitals of
one letter is no name. Each run is then

  covered     inside one ORG, PER or LOC mention
  partial     overlapping a mention but not inside one (a name cut short or run over)
  uncovered   touching no mention

and the probe prints the shares of run occurrences, then the uncovered (and partial) runs
ranked by the number of releases they occur in, and the lower-case kind words ("startup",
"firm", "investor", ...) right before an uncovered run, ranked the same way, and the last words of uncovered runs of two words or more ("Capital",
"Labs": kind words the rules may lack). The top of these
lists is where recall is lost on unseen text: gazetteer entries, kind words and name shapes
the rules lack. Not every run is a name (products, events, headings, titles of people), so
the covered share is no recall and does not reach 1; compare it between two states of the
rules.

    python3 tests/data/eval/coverage_probe_en.py               # shares, and the top 40 of each list
    python3 tests/data/eval/coverage_probe_en.py --top 100
    python3 tests/data/eval/coverage_probe_en.py --seed 16 --half 1 --context   # one half, and contexts
    options: --eval PATH (default build/tests/eval_extraction), --shared DIR (default ../shared),
             --rules DIR (default rules/: compare with `git archive COMMIT rules | tar -x -C DIR`),
             --seed S --half 1|2 (one half of a seeded shuffle of the pool, as the other probes),
             --context (round 12: also the words right before and right after uncovered runs
             shaped like a person's name, two or three capitalised words of letters only:
             "said", "founder", "CEO", "," ... ranked by releases, each with an example run;
             where people are lost on unseen text, by the phrasing around them)
"""
import argparse
import collections
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from recall_probe_en import pool  # noqa: E402  (one definition of the pool)
from select_en import SOURCE  # noqa: E402
from probe_run import add_tool_arguments, corpus_missing, half_of, run_on_articles  # noqa: E402  (one way to run the extractor on them)

# A capitalised word: "Sequoia", "a16z" is not one, "AI", "O'Brien", "U.S.", "X-Ray", "3M".
WORD = r"(?:[A-Z][\w'’.&-]*|\d+[A-Za-z][\w-]*)"
# A run: capitalised words joined by a space, or by "of" / "&" / "de" / "and" between two of them.
RUN = re.compile(rf"(?<![\w'’.-]){WORD}(?:(?: (?:of|&|de|and|for|the))* {WORD})*")
FUNCTION = set("""a an the this that these those its it our their his her we they he she i you
in on at for with by as and but or from to into of about after before during since until when
while if so then today yesterday tomorrow now here there also meanwhile however moreover
according per via through over under new all both each every some many most more other such
no not yes mr mrs ms dr prof""".split())
# Roles before a person's name: "CEO Jane Doe" is the run "Jane Doe".
ROLES = set("""ceo cfo cto coo founder co-founder cofounder president chairman chairwoman chair
executive chief director managing general partner vice senior head manager officer""".split())
CALENDAR = set("""january february march april may june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
friday saturday sunday""".split())
KINDS = set("""startup start-up company firm fund investor investors platform bank university
agency exchange group provider developer maker manufacturer operator protocol network brand
app studio lab labs foundation institute association council ministry department project token
blockchain chain wallet marketplace accelerator incubator partner partners subsidiary unit
venture vc fintech insurer lender retailer distributor supplier producer miner broker
consultancy law school hospital clinic team club league company's firm's""".split())
# A run shaped like a person's name, for --context: "Jane Doe", "Mary Ann Lee", "Sean O'Brien".
PERSON_SHAPED = re.compile(r"[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,2}")


def mentions(eval_bin, shared, rows, rules=None):
    """{line: (text, [(type, start, end, text, name)])} from eval_extraction --mentions all (byte offsets)."""
    out = run_on_articles(eval_bin, shared, [(f"probe-{n}", "en", SOURCE, n, chars, date, title)
                                             for n, chars, date, title, _ in rows], ["--mentions", "all"], rules)
    found = {}
    for line in out.splitlines():
        r = json.loads(line)
        found[int(r["id"].split("-")[1])] = (r["text"], r["entities"])
    return found


def runs(text, common):
    """(start, end, name) of the capitalised runs of the body, in character offsets."""
    body = text.find("\n\n")
    body = 0 if body < 0 else body + 2
    out = []
    for m in RUN.finditer(text, body):
        words = [(w.start(), w.group()) for w in re.finditer(r"\S+", m.group())]
        sentence_start = m.start() == body or re.search(r"(?:[.!?:\"“]\s*|\n\s*)$", text[max(0, m.start() - 3):m.start()])
        while words:
            low = words[0][1].lower().strip(".,")
            if low in FUNCTION or low in CALENDAR or low in ROLES or (sentence_start and low in common):
                words.pop(0)
                sentence_start = False
            else:
                break
        while words and words[-1][1].lower() in ("of", "&", "de", "and", "for", "the"):
            words.pop()
        if not words:
            continue
        start = m.start() + words[0][0]
        end = m.start() + words[-1][0] + len(words[-1][1])
        # "Acme’s", "Texas-based": the name is "Acme", "Texas".
        name = re.sub(r"(?:['’]s?|-based|-listed|-headquartered)$", "", text[start:end].rstrip(".-"))
        end = start + len(name)
        if len(words) == 1 and (name.lower() in CALENDAR or name.lower() in common or len(name) < 2):
            continue
        out.append((start, end, name))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_tool_arguments(ap)
    ap.add_argument("--rules", help="the rules to run (default: the worktree's rules/)")
    ap.add_argument("--top", type=int, default=40, help="print this many runs of each list")
    ap.add_argument("--seed", type=int, default=8, help="the shuffle's seed, with --half")
    ap.add_argument("--half", type=int, choices=(1, 2), help="only this half of the seeded shuffle")
    ap.add_argument("--context", action="store_true",
                    help="also rank the words before and after person-shaped uncovered runs")
    args = ap.parse_args()
    shared = Path(args.shared)
    if corpus_missing("coverage_probe_en", shared, shared / "corpus/articles" / SOURCE):
        return 2
    rows = half_of(pool(shared, raise_only=False), args.seed, args.half)
    found = mentions(Path(args.eval), shared, rows, args.rules)
    # Common words: written in lower case more often than capitalised across the pool.
    lower, upper = collections.Counter(), collections.Counter()
    for text, _ in found.values():
        for w in re.findall(r"[A-Za-z]+", text):
            (upper if w[0].isupper() else lower)[w.lower()] += 1
    common = {w for w, c in lower.items() if c > upper[w]}
    counts = collections.Counter()
    uncovered, partial, kinds, last, before_person, after_person = (collections.defaultdict(set) for _ in range(6))
    example = {}
    for n, (text, entities) in found.items():
        # Byte offsets to character offsets.
        offsets, b = [], 0
        for ch in text:
            offsets.append(b)
            b += len(ch.encode("utf-8"))
        offsets.append(b)
        char_at = {o: i for i, o in enumerate(offsets)}
        spans = [(char_at.get(s, 0), char_at.get(e, 0)) for _, s, e, *_ in entities]
        for start, end, name in runs(text, common):
            if any(s <= start and end <= e for s, e in spans):
                counts["covered"] += 1
            elif any(s < end and start < e for s, e in spans):
                counts["partial"] += 1
                partial[name].add(n)
            else:
                counts["uncovered"] += 1
                uncovered[name].add(n)
                if " " in name:
                    last[name.split()[-1]].add(n)
                before = re.search(r"(\w[\w']*)\s+(?:the\s+)?$", text[max(0, start - 30):start])
                if before and before.group(1).lower() in KINDS and before.group(1)[0].islower():
                    kinds[before.group(1).lower()].add(n)
                if args.context and PERSON_SHAPED.fullmatch(name):
                    # The word (or mark) right before the run and right after it, case kept:
                    # "said", "CEO", "founder", "(", ","; a role stripped off the run counts.
                    word_before = re.search(r"(\w[\w'’-]*|[^\w\s])\s*$", text[max(0, start - 40):start])
                    word_after = re.match(r"\s*(\w[\w'’-]*|[^\w\s])", text[end:end + 40])
                    for table, word in ((before_person, word_before), (after_person, word_after)):
                        key = word.group(1) if word else "(none)"
                        table[key].add(n)
                        example.setdefault((id(table), key), name)
    total = sum(counts.values())
    print(f"releases in the probe: {len(found)}")
    print(f"capitalised runs: {total}; covered {counts['covered']} = {counts['covered'] / max(1, total):.3f}, "
          f"partial {counts['partial']} = {counts['partial'] / max(1, total):.3f}, "
          f"uncovered {counts['uncovered']} = {counts['uncovered'] / max(1, total):.3f}")
    for title, table in (("uncovered runs", uncovered), ("partly covered runs", partial),
                         ("kind words before an uncovered run", kinds),
                         ("last words of uncovered runs of two words or more", last)):
        print(f"\n# {title} (releases | run)")
        for name, lines in sorted(table.items(), key=lambda kv: (-len(kv[1]), kv[0]))[: args.top]:
            print(f"{len(lines):5d} | {name}")
    if args.context:
        for title, table in (("words before an uncovered person-shaped run", before_person),
                             ("words after an uncovered person-shaped run", after_person)):
            print(f"\n# {title} (releases | word | an example run)")
            for word, lines in sorted(table.items(), key=lambda kv: (-len(kv[1]), kv[0]))[: args.top]:
                print(f"{len(lines):5d} | {word} | {example[(id(table), word)]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
