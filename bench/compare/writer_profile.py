#!/usr/bin/env python3
"""Shares of the store writer's CPU samples, by the part of the write on the stack.

usage: perf record -F 300 --call-graph dwarf,32768 -p <store_bench pid> -o w.data   (from the
       corpus line to the pipeline line), then
       perf script -i w.data --tid <writer tid> -F tid,ip,sym,symoff,dso > w.script
       bench/compare/writer_profile.py w.script

Each sample is classed by the first of our functions on its stack (Debian's libsqlite3 names
only its exported functions): the FTS5 insert (split into our tokenizer, FTS5's hash of the
tokens called from the tokenizer's callback, and the rest of the statement), COMMIT (WAL
checkpoint, WAL writes, the rest), FindStory, IndexStory, the entity lookups, and the other
statements stepped from WriteArticles, by the offset of their call site. Used for
bench/RESULTS.md, "Branch store6".
"""
import collections
import re
import sys

samples = []
cur = []
for line in open(sys.argv[1]):
    line=line.rstrip('\n')
    if not line.strip():
        if cur: samples.append(cur); cur=[]
        continue
    if line.startswith('\t') or line.startswith(' '):
        parts=line.strip().split(None,1)
        cur.append(parts[1] if len(parts)>1 else '')
if cur: samples.append(cur)
n=len(samples)
cnt=collections.Counter(); sites=collections.Counter()
for st in samples:
    names=[re.sub(r'\+0x[0-9a-f]+ ',' ',f) for f in st]
    s=' | '.join(st)
    def has(x): return x in s
    leaf=st[0]
    if has('ForEachToken'):
        # Our code is in namespace pw (the binary may be a copy under any name).
        if 'pw::' in leaf: c='fts5 insert: our tokenizer (ForEachToken, search keys)'
        else: c='fts5 insert: FTS5 hash of tokens (callback under tokenizer)'
    elif has('Transaction::Commit'):
        if has('sqlite3WalCheckpoint'): c='commit: WAL checkpoint'
        elif has('sqlite3WalFrames') or has('pwrite'): c='commit: WAL frame writes'
        else: c='commit: other (FTS5 segment flush/merge)'
    elif has('FindStory'): c='FindStory (band probes)'
    elif has('IndexStory'): c='IndexStory (band rows)'
    elif has('ArticleWriter::Entity'): c='entities: cache lookup + statements'
    elif has('ArticleWriter::Flush'): c='entity counters flush'
    elif has('Store::Save+') and has('Statement::Step') and not has('WriteArticles'): c='fts5 insert: rest (FTS5 hash, docsize, reading rows)'
    elif has('WriteArticles') and has('Statement::Step'):
        i=[k for k,f in enumerate(st) if 'WriteArticles' in f][0]
        off=st[i].split('+')[1].split()[0]
        sites[off]+=1
        c='WriteArticles Step @'+off
    elif has('WriteArticles'): c='WriteArticles own C++ (+malloc etc)'
    elif has('Store::Save'): c='Save other'
    else: c='not in Save: '+(st[0][:60])
    cnt[c]+=1
for k,v in cnt.most_common(): print("%5.1f%% %5d %s"%(100*v/n,v,k))
print(n)
