"""Runs eval_extraction over corpus articles nobody annotated: the one way the probes do it.

The probes (recall_probe_en.py, recall_probe_vi.py, precision_probe_en.py, coverage_probe_en.py,
coverage_probe_vi.py) read articles that are in neither split. eval_extraction reads articles from a gold file, so each probe writes one
of '@' lines only (an article with no annotation: every record found is 'wrong', every entity
is listed by --mentions) and reads what the tool prints.

    out = run_on_articles(eval_bin, shared, [("probe-0", "en", source, line, chars, date, title)],
                          ["--mentions", "all"], rules=None)
"""

import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent.parent


def add_tool_arguments(parser):
    """--eval (the eval_extraction binary) and --shared (the shared material), as every probe takes them."""
    parser.add_argument("--eval", default=str(REPO / "build/tests/eval_extraction"))
    parser.add_argument("--shared", default=str(REPO / "../shared"))


def corpus_missing(probe, shared, required):
    """True, having said so on stderr, when REQUIRED (the corpus a probe reads under SHARED) is absent."""
    if Path(required).exists():
        return False
    print(f"{probe}: no corpus under {shared} (pass --shared DIR)", file=sys.stderr)
    return True


def run_on_articles(eval_bin, shared, articles, args, rules=None):
    """stdout of eval_extraction ARGS over ARTICLES: (id, language, source, line, chars, date, title)."""
    with tempfile.NamedTemporaryFile("w", suffix=".gold", encoding="utf-8", delete=False) as f:
        for article_id, language, source, line, chars, date, title in articles:
            excerpt = title.replace("|", "/")[:60]
            f.write(f"@ {article_id} dev {language} {source} {line} {chars} {date} | {excerpt}\n")
        gold_file = f.name
    try:
        return subprocess.run([str(eval_bin), "--gold", gold_file, "--shared", str(shared)] + list(args)
                              + (["--rules", str(rules)] if rules else []),
                              capture_output=True, text=True, check=True).stdout
    finally:
        Path(gold_file).unlink()


def funding_found(eval_bin, shared, articles, rules=None):
    """{article's index in ARTICLES: [each funding record eval_extraction found, as it prints it]}.

    ARTICLES as run_on_articles takes them, their ids "probe-N" with N their index. With no
    annotation every record found is 'wrong', so `--errors dev` prints each as "funding wrong: ...".
    """
    out = run_on_articles(eval_bin, shared, articles, ["--errors", "dev"], rules=rules)
    found, current = {}, None
    for line in out.splitlines():
        m = re.match(r"  probe-(\d+) \(gold line", line)
        if m:
            current = int(m.group(1))
            continue
        m = re.match(r"    funding wrong: (.*)", line)
        if m and current is not None:
            found.setdefault(current, []).append(m.group(1))
    return found


def half_of(rows, seed, half):
    """The rows of one half (1 or 2) of a seeded shuffle, in their order; all rows for half None.

    Round 9's way to keep a probe honest: one half is read while tuning, the other only reported.
    """
    if not half:
        return rows
    shuffled = list(rows)
    random.Random(seed).shuffle(shuffled)
    middle = len(shuffled) // 2
    return sorted(shuffled[:middle] if half == 1 else shuffled[middle:])
