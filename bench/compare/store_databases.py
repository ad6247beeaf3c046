#!/usr/bin/env python3
"""Are two presswatch databases the same, table by table?

usage: bench/compare/store_databases.py A.db B.db [--presswatch BINARY[,BINARY_FOR_B]]

Used to check that a change to the store's write path stores exactly what it
stored before (bench/RESULTS.md, "The writer with prepared batches"): every
table's rows are hashed in a stable order and compared. The full-text index's
shadow tables are left out (they follow from `articles`), and so is meta's
random `database_id`. Databases of two schema versions are compared on the
columns both have; a column only one side has is named (schema 5 added
`mentions.first`, derived from the mentions' own columns), and checked where
it is derived: one first mention per (article, entity), at its smallest start.
Schema 7 stores an article's mentions as one row (`article_mentions`) and the
entity index as a table (`entity_articles`); its view `mentions` gives the
rows of schema 6, and is what is compared. The two tables are checked in their
own file: the index holds exactly each (entity, article)'s first mention, and
each article's `entities` its entity ids in the export's order. Schema 8
keeps the index's newest rows in `entity_articles_recent`: the check reads
both tables, through the view `entity_index`.

The full-text index is compared by what it indexed, wherever it is: in the
file (`articles_fts` with external content, schema 5 and before) or in its
own file `A.db-search` (schema 6, src/store/search_index.h): the ids it
holds with each column's token count (FTS5's `articles_fts_docsize`), and,
for an index with its own content (DB-search's format 1; format 2 is
contentless), that the content is the articles' title, text and language.
With --presswatch, the binary's `search --json` is run on both databases
for a list of queries (vi and en, phrases, prefixes, OR, filters by language
and date): the same hits in the same order, the same
snippets, scores equal to a millionth (the score's recency part moves with
the clock between two runs); `--presswatch OLD,NEW` searches A with OLD and B
with NEW (a presswatch of schema 5 cannot read a database of schema 6).

Exit status 0 when all tables and answers are equal, 1 otherwise.
"""
import hashlib
import json
import os
import sqlite3
import subprocess
import sys

SEARCHES = [
    ['dau tu'], ['"quỹ đầu tư"'], ['startup*'], ['series*'], ['"series a"'], ['genai OR fintech'],
    ['funding'], ['investment', '--lang', 'en'], ['von', '--lang', 'vi'], ['ngan hang', '--since', '2024-06-01'],
    ['vietnam', '--limit', '100'], ['thanh toan'], ['ai'], ['quy dau tu mao hiem'],
]


def columns(db, table):
    names = [r[1] for r in db.execute(f'PRAGMA table_info("{table}")')]
    return [n.decode() if isinstance(n, bytes) else n for n in names]


def first_mentions_ok(db):
    """Where mentions.first exists: exactly the smallest (start, position) of
    each (article, entity) is flagged."""
    if 'first' not in columns(db, 'mentions'):
        return True
    wrong = db.execute(
        "SELECT COUNT(*) FROM (SELECT first, ROW_NUMBER() OVER (PARTITION BY article_id, entity_id "
        "ORDER BY start, position) AS n FROM mentions) WHERE (n = 1) <> (first = 1)").fetchone()[0]
    return wrong == 0


def entity_index_ok(db):
    """Where entity_articles exists (schema 7): it holds exactly the first
    mention of each (entity, article), with its span (from schema 8 with
    entity_articles_recent, through the view entity_index: each row in one of
    the two tables); and each article's `entities` lists its entities most
    mentioned first, then by first start."""
    if not columns(db, 'entity_articles'):
        return True
    index = 'entity_index' if columns(db, 'entity_articles_recent') else 'entity_articles'
    wrong = db.execute(
        f"SELECT COUNT(*) FROM (SELECT entity_id, article_id, start, end FROM {index} "
        "EXCEPT SELECT entity_id, article_id, start, end FROM mentions WHERE first = 1)").fetchone()[0]
    missing = db.execute(
        "SELECT COUNT(*) FROM (SELECT entity_id, article_id, start, end FROM mentions WHERE first = 1 "
        f"EXCEPT SELECT entity_id, article_id, start, end FROM {index})").fetchone()[0]
    twice = db.execute(f"SELECT COUNT(*) - (SELECT COUNT(*) FROM (SELECT DISTINCT entity_id, article_id FROM {index})) "
                       f"FROM {index}").fetchone()[0]
    # Each article's entities in the export's order, beside its mentions.
    unordered = db.execute(
        "WITH c AS (SELECT article_id, entity_id, COUNT(*) AS n, MIN(start) AS s FROM mentions "
        "GROUP BY article_id, entity_id), "
        "o AS (SELECT article_id, json_group_array(entity_id) AS ids FROM "
        "(SELECT * FROM c ORDER BY article_id, n DESC, s, entity_id) GROUP BY article_id) "
        "SELECT (SELECT COUNT(*) FROM o) - (SELECT COUNT(*) FROM o JOIN article_mentions am USING (article_id) "
        "WHERE am.entities = o.ids)").fetchone()[0]
    return wrong == 0 and missing == 0 and twice == 0 and unordered == 0


# Schema 7's storage of the mentions (and schema 8's table of the entity
# index's newest rows), compared through the view `mentions`.
PACKED = ('article_mentions', 'entity_articles', 'entity_articles_recent')


def digest(path, other):
    db = sqlite3.connect(path)
    db.text_factory = bytes
    odb = sqlite3.connect(other)
    tables = [n.decode() for (n,) in db.execute(
        "SELECT name FROM sqlite_master WHERE (type='table' OR (type='view' AND name='mentions')) "
        "AND name NOT LIKE 'articles_fts%' AND name NOT LIKE 'sqlite_%'")]
    out = {}
    if not first_mentions_ok(db):
        out['mentions.first'] = ('flags not the first mentions', path)
    if not entity_index_ok(db):
        out['entity_articles'] = ('not the first mentions', path)
    for name in tables:
        if name in PACKED:
            print(f"{name} of {path}: compared through the view mentions")
            continue
        mine, theirs = columns(db, name), columns(odb, name)
        common = [c for c in mine if c in theirs] if theirs else mine
        for c in mine:
            if theirs and c not in theirs:
                print(f"{name}.{c} only in {path}: left out of the comparison")
        cols = ", ".join(f'"{c}"' for c in common)
        rows = db.execute(f'SELECT {cols} FROM "{name}"').fetchall()
        if name == 'meta':
            rows = [r for r in rows if r[0] != b'database_id']
        h = hashlib.sha256(repr(sorted(rows, key=repr)).encode()).hexdigest()[:16]
        out[name] = (len(rows), h)
    return out


def index_digest(path):
    """What the full-text index holds: ids and token counts per column, and
    whether its own content (if it has one) is the articles'."""
    side = path + '-search'
    if os.path.exists(side):
        db = sqlite3.connect(f'file:{side}?mode=ro', uri=True)
        db.execute(f"ATTACH 'file:{path}?mode=ro' AS a")
        # Format 1 has FTS5's own copy of the text; format 2 (contentless)
        # has none: its documents are compared by ids and token counts alone.
        has_content = db.execute(
            "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'articles_fts_content'").fetchone()[0]
        content = db.execute(
            "SELECT COUNT(*) FROM articles_fts_content c LEFT JOIN a.articles x ON x.id = c.id "
            "WHERE x.id IS NULL OR c.c0 IS NOT x.title OR c.c1 IS NOT x.text OR c.c2 IS NOT x.language"
        ).fetchone()[0] if has_content else 0
        indexed = db.execute("SELECT value FROM search_state WHERE key = 'indexed'").fetchone()[0]
        where = 'DB-search'
    else:
        db = sqlite3.connect(f'file:{path}?mode=ro', uri=True)
        content, indexed, where = 0, None, 'in the file'
    rows = db.execute("SELECT id, sz FROM articles_fts_docsize ORDER BY id").fetchall()
    h = hashlib.sha256(repr(rows).encode()).hexdigest()[:16]
    return (len(rows), h), content, indexed, where


def search_answers(binary, path):
    out = []
    for args in SEARCHES:
        r = subprocess.run([binary, 'search', '--db', path, '--json', '--limit', '50'] + args,
                           capture_output=True, text=True)
        if r.returncode != 0:
            out.append(('error', args, r.stderr.strip()))
            continue
        out.append((args, json.loads(r.stdout)))
    return out


def same_answer(x, y):
    """The same hits in the same order, every field equal but the score,
    which may differ by a millionth (its recency part moves with the clock)."""
    if x[0] != y[0] or len(x[1]) != len(y[1]) or x[0] == 'error':
        return x == y
    for a, b in zip(x[1], y[1]):
        if {k: v for k, v in a.items() if k != 'score'} != {k: v for k, v in b.items() if k != 'score'}:
            return False
        if abs(a['score'] - b['score']) > 1e-6 * abs(a['score']):
            return False
    return True


def main():
    args = sys.argv[1:]
    binary = None
    if '--presswatch' in args:
        i = args.index('--presswatch')
        binary = args[i + 1]
        del args[i:i + 2]
    a, b = digest(args[0], args[1]), digest(args[1], args[0])
    for name, path in (('A', args[0]), ('B', args[1])):
        d, content, indexed, where = index_digest(path)
        a_or_b = a if name == 'A' else b
        a_or_b['(full-text index)'] = d
        print(f"full-text index of {name}: {where}, {d[0]} documents"
              + (f", watermark {indexed}, {content} rows whose content is not the article's" if indexed is not None else ""))
        if content:
            a_or_b['(full-text content)'] = ('differs from the articles', content)
    if binary:
        # A database of schema 5 is searched by a presswatch of schema 5: a
        # newer one would ask for the upgrade. So one binary per database.
        binary_a, _, binary_b = binary.partition(',')
        sa, sb = search_answers(binary_a, args[0]), search_answers(binary_b or binary_a, args[1])
        equal = sum(1 for x, y in zip(sa, sb) if same_answer(x, y))
        hits = sum(len(x[1]) for x in sa if x[0] != 'error')
        print(f"searches: {equal} of {len(SEARCHES)} answer alike ({hits} hits in A)")
        for x, y in zip(sa, sb):
            if not same_answer(x, y):
                print(f"  differs: {x[0]}")
        a['(search answers)'] = (len(SEARCHES), equal)
        b['(search answers)'] = (len(SEARCHES), len(SEARCHES))
    same = True
    for k in sorted(set(a) | set(b)):
        flag = 'same' if a.get(k) == b.get(k) else 'DIFFERENT'
        same = same and flag == 'same'
        print(f"{k:20} {a.get(k)} {b.get(k)} {flag}")
    print("ALL EQUAL" if same else "DIFFER")
    return 0 if same else 1


if __name__ == '__main__':
    sys.exit(main())
