#!/usr/bin/env python3
"""Are two presswatch databases the same, table by table?

usage: bench/compare/store_databases.py A.db B.db

Used to check that a change to the store's write path stores exactly what it
stored before (bench/RESULTS.md, "The writer with prepared batches"): every
table's rows are hashed in a stable order and compared. The full-text index's
shadow tables are left out (they follow from `articles`), and so is meta's
random `database_id`. Exit status 0 when all tables are equal, 1 otherwise.
"""
import hashlib
import sqlite3
import sys


def digest(path):
    db = sqlite3.connect(path)
    db.text_factory = bytes
    tables = [n.decode() for (n,) in db.execute(
        "SELECT name FROM sqlite_master WHERE type='table' "
        "AND name NOT LIKE 'articles_fts%' AND name NOT LIKE 'sqlite_%'")]
    out = {}
    for name in tables:
        rows = db.execute(f'SELECT * FROM "{name}"').fetchall()
        if name == 'meta':
            rows = [r for r in rows if r[0] != b'database_id']
        h = hashlib.sha256(repr(sorted(rows, key=repr)).encode()).hexdigest()[:16]
        out[name] = (len(rows), h)
    return out


def main():
    a, b = digest(sys.argv[1]), digest(sys.argv[2])
    same = True
    for k in sorted(set(a) | set(b)):
        flag = 'same' if a.get(k) == b.get(k) else 'DIFFERENT'
        same = same and flag == 'same'
        print(f"{k:20} {a.get(k)} {b.get(k)} {flag}")
    print("ALL EQUAL" if same else "DIFFER")
    return 0 if same else 1


if __name__ == '__main__':
    sys.exit(main())
