#!/usr/bin/env python3
"""Counts, per Vietnamese source of ../shared/corpus, the open oa/oe/uy
syllables written with the tone mark on the first vowel (hòa, thúy, khỏe:
the form presswatch keeps) and on the second (hoà, thuý, khoẻ), and the
lines that are not NFC. docs/text.md records the result.

    bench/compare/tone_style_count.py [CORPUS]
"""
import collections, glob, json, os, re, sys, unicodedata

corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '../../../shared/corpus')
FIRST = re.compile(r'([òóỏõọ][ae]|[ùúủũụ]y)$')
SECOND = re.compile(r'(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])$')


def count(text, totals):
    for word in re.findall(r'[^\W\d_]+', unicodedata.normalize('NFC', text)):
        w = word.lower()
        if w.startswith(('qu', 'gi')):  # onsets: their u and i take no mark
            continue
        if FIRST.search(w): totals[0] += 1
        elif SECOND.search(w): totals[1] += 1


rows = collections.OrderedDict()
non_nfc = collections.Counter()
lines = collections.Counter()
for p in sorted(glob.glob(corpus + '/articles/vi/undertheseanlp-dantri-UNC/docs/*.txt')):
    for line in open(p, encoding='utf-8'):
        count(line, rows.setdefault('Dan tri 2020 (undertheseanlp-dantri-UNC)', [0, 0]))
        lines['Dan tri 2020'] += 1
        non_nfc['Dan tri 2020'] += unicodedata.normalize('NFC', line) != line
for line in open(corpus + '/articles/vi/nguyenvulebinh-vietnam-news-2016/business_tech.jsonl', encoding='utf-8'):
    d = json.loads(line)
    count(d['title'] + ' ' + d['content'], rows.setdefault(d['labels'].split('/')[0] + ' 2016 (nguyenvulebinh)', [0, 0]))
for line in open(corpus + '/articles/vi/magizbox-baomoi-2017-business-slice/baomoi_business_slice.jsonl', encoding='utf-8'):
    d = json.loads(line)
    count(d['title'] + ' ' + d['text'], rows.setdefault('Baomoi 2017 (magizbox)', [0, 0]))
    lines['Baomoi 2017'] += 1
    non_nfc['Baomoi 2017'] += unicodedata.normalize('NFC', d['text']) != d['text']
for p in sorted(glob.glob(corpus + '/feeds/vi-embedded-in-code/vnexpress*.xml')):
    count(open(p, encoding='utf-8').read(), rows.setdefault('VnExpress RSS 2017 (vi-embedded-in-code)', [0, 0]))

print('| source | hòa style (kept) | hoà style |')
print('|---|---|---|')
for name, (first, second) in rows.items():
    print(f'| {name} | {first} | {second} |')
print()
for name in lines:
    print(f'{name}: {non_nfc[name]} of {lines[name]} lines/documents are not NFC')
