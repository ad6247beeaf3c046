#!/usr/bin/env python3
"""Are two presswatch databases the same, table by table?

usage: bench/compare/store_databases.py A.db B.db

Used to check that a change to the store's write path stores exactly what it
stored before (bench/RESULTS.md, "The writer with prepared batches"): every
table's rows are hashed in a stable order and compared. The full-text index's
shadow tables are left out (they follow from `articles`), and so is meta's
random `database_id`. Databases of two schema versions are compared on the
columns both have; a column only one side has is named (schema 5 added
`mentions.first`, derived from the mentions' own columns), and checked where
it is derived: one first mention per (article, entity), at its smallest start.
Exit status 0 when all tables are equal, 1 otherwise.
"""
import hashlib
import sqlite3
import sys


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


def digest(path, other):
    db = sqlite3.connect(path)
    db.text_factory = bytes
    odb = sqlite3.connect(other)
    tables = [n.decode() for (n,) in db.execute(
        "SELECT name FROM sqlite_master WHERE type='table' "
        "AND name NOT LIKE 'articles_fts%' AND name NOT LIKE 'sqlite_%'")]
    out = {}
    if not first_mentions_ok(db):
        out['mentions.first'] = ('flags not the first mentions', path)
    for name in tables:
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


def main():
    a, b = digest(sys.argv[1], sys.argv[2]), digest(sys.argv[2], sys.argv[1])
    same = True
    for k in sorted(set(a) | set(b)):
        flag = 'same' if a.get(k) == b.get(k) else 'DIFFERENT'
        same = same and flag == 'same'
        print(f"{k:20} {a.get(k)} {b.get(k)} {flag}")
    print("ALL EQUAL" if same else "DIFFER")
    return 0 if same else 1


if __name__ == '__main__':
    sys.exit(main())
