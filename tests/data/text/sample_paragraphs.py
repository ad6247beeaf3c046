#!/usr/bin/env python3
"""Draws candidate paragraphs for the language-identification set from ../shared/corpus.

Prints TSV rows: label from the source (a prior only: every row of
language_paragraphs.tsv was then read and labelled by hand; its header lists
the rows changed), source (corpus path, with line or record), kind, excerpt
(at most 240 characters). Deterministic: the same corpus and --set give the
same rows. `dev` (used to set the weights of text/language.cc) and `test`
(language_paragraphs.tsv) draw disjoint items: even and odd positions of one
shuffle.

    tests/data/text/sample_paragraphs.py --set test > candidates.tsv
"""
import argparse, glob, gzip, json, os, random, re, sys
import xml.etree.ElementTree as ET

ap = argparse.ArgumentParser()
ap.add_argument('--corpus', default=os.path.join(os.path.dirname(__file__), '../../../../shared/corpus'))
ap.add_argument('--set', choices=['dev', 'test'], default='test')
args = ap.parse_args()
C = os.path.abspath(args.corpus)
parity = 0 if args.set == 'dev' else 1
MAX = 240

def excerpt(t):
    t = re.sub(r'\s+', ' ', t).strip()
    if len(t) <= MAX: return t
    cut = t.rfind(' ', 0, MAX)
    return t[:cut if cut > 80 else MAX]

def pick(items, n, seed):
    items = list(items)
    random.Random(seed).shuffle(items)
    return [x for i, x in enumerate(items) if i % 2 == parity][:n]

def rel(p): return os.path.relpath(p, C)

def letters(t): return sum(ch.isalpha() for ch in t)

rows = []
def emit(label, src, text, kind):
    rows.append((label, src, excerpt(text), kind))

# Vietnamese paragraphs and titles: Dan tri (undertheseanlp), 2016 outlets, Baomoi.
paras, titles, slugs = [], [], []
for p in sorted(glob.glob(C + '/articles/vi/undertheseanlp-dantri-UNC/docs/*.txt')):
    lines = open(p, encoding='utf-8').read().split('\n')
    body = [(i + 1, l) for i, l in enumerate(lines) if l.strip() and not l.startswith('#')]
    if body: titles.append((rel(p) + ':%d' % body[0][0], body[0][1]))
    for n, l in body[1:]:
        if letters(l) > 60: paras.append((rel(p) + ':%d' % n, l))
    for i, l in enumerate(lines):
        m = re.match(r'# url = https?://[^/]+/[^/]+/(.+?)-\d{10,}\.htm', l)
        if m: slugs.append((rel(p) + ':%d (url)' % (i + 1), m.group(1).replace('-', ' ')))
p = C + '/articles/vi/nguyenvulebinh-vietnam-news-2016/business_tech.jsonl'
for n, line in enumerate(open(p, encoding='utf-8'), 1):
    d = json.loads(line)
    titles.append((rel(p) + ':%d title' % n, d['title']))
    for k, para in enumerate(d['content'].replace('\r', '').split('\n')):
        if letters(para) > 60: paras.append((rel(p) + ':%d content[%d]' % (n, k), para))
for src, t in pick(paras, 80, 1): emit('vi', src, t, 'paragraph')
for src, t in pick(titles, 25, 2): emit('vi', src, t, 'title' if len(t.split()) <= 12 else 'paragraph')
for src, t in pick(slugs, 20, 3): emit('vi', src, t, 'no-diacritics')

# English: press releases (CC0) and TechCrunch items.
paras, titles = [], []
p = C + '/articles/en/newsworthy-press-release-archive-slice/press_releases_funding_sea.jsonl'
for n, line in enumerate(open(p, encoding='utf-8'), 1):
    d = json.loads(line)
    titles.append((rel(p) + ':%d title' % n, d['title']))
    for k, para in enumerate(d['text'].split('\n\n')):
        if letters(para) > 60 and not para.lstrip().startswith(('!', '[', '|', '#', '*')):
            paras.append((rel(p) + ':%d text[%d]' % (n, k), para))
for src, t in pick(paras, 60, 4): emit('en', src, t, 'paragraph')
for src, t in pick(titles, 15, 5): emit('en', src, t, 'title' if len(t.split()) <= 12 else 'paragraph')

# Mixed: Vietnamese paragraphs with English names and phrases, English
# paragraphs with Vietnamese names and places.
EN_WORD = re.compile(r'\b(the|and|of|with|is|are|for|that|to|in)\b')
p = C + '/articles/vi/nguyenvulebinh-vietnam-news-2016/business_tech.jsonl'
mixed = []
for n, line in enumerate(open(p, encoding='utf-8'), 1):
    for k, para in enumerate(re.split(r'\r?\n', json.loads(line)['content'])):
        if letters(para) > 40 and len(EN_WORD.findall(para)) >= 2: mixed.append((rel(p) + ':%d content[%d]' % (n, k), para))
for src, t in pick(mixed, 12, 6): emit('vi', src, t, 'mixed')
p = C + '/articles/en/newsworthy-press-release-archive-slice/press_releases_funding_sea.jsonl'
mixed = []
for n, line in enumerate(open(p, encoding='utf-8'), 1):
    for k, para in enumerate(json.loads(line)['text'].split('\n\n')):
        if letters(para) > 60 and re.search(r'\b(Nguyen|Tran|Pham|Hanoi|Ho Chi Minh|Vietnam|Viet Nam|Da Nang)\b', para):
            mixed.append((rel(p) + ':%d text[%d]' % (n, k), para))
for src, t in pick(mixed, 12, 7): emit('en', src, t, 'mixed')

# Other languages: newspaper4k texts, and item titles/descriptions of feeds.
other = []
for p in sorted(glob.glob(C + '/html/newspaper4k-testdata/txt/*.txt')):
    name = os.path.basename(p)
    if not re.match(r'(arabic|bengali|burmese|chinese|hindi|japanese|korean|latvian|nepali|spanish)', name): continue
    for n, l in enumerate(open(p, encoding='utf-8').read().split('\n'), 1):
        if letters(l) > 30: other.append((rel(p) + ':%d' % n, l))
for f in ['mixed-feed-rs/rss_2.0_spiegel.xml', 'mixed-feed-rs/rss_2.0_ilgiornale.xml',
          'mixed-feed-rs/rss_2.0_ilmessaggero.xml', 'mixed-rsparser/aktuality.rss',
          'mixed-rss-parser/heise.atom', 'mixed-feedjira/CRE.xml', 'mixed-rss-parser/uolNoticias.rss']:
    p = C + '/feeds/' + f
    if not os.path.exists(p): continue
    try: root = ET.parse(p).getroot()
    except ET.ParseError: continue
    for k, el in enumerate(root.iter()):
        tag = el.tag.split('}')[-1]
        if tag in ('title', 'description', 'summary') and el.text and letters(el.text) > 30:
            text = re.sub(r'<[^>]+>', ' ', el.text)
            other.append((rel(p) + ' <%s>[%d]' % (tag, k), text))
import html as htmllib
for name in ['20minutes.fr-Ciaran', 'lemonde.fr-Striking', 'liberation.fr-Gaza', 'tdg.ch.chlorothalonil',
             'elpais.com.ciencia', 'elmundo.es-PSOE', 'Repubblica.it-Israele-Hamas', 'lastampa.it.temperature',
             'Volksstimme.ch-loehne', 'cducsu.de-wasserstoff', 'money.kompas.com-Menhub', 'health.detik.com-Stroke',
             'tine.no.fotballskole', 'football.ua.podolski', 'sohu.com-Likeqiang', 'n.news.naver.com-607',
             'nhk.or.jp.k100']:
    p = C + '/html/htmldate-eval/pages/' + name + '.html.gz'
    if not os.path.exists(p): continue
    page = gzip.open(p).read().decode('utf-8', 'replace')
    for k, m in enumerate(re.finditer(r'<p[^>]*>(.*?)</p>', page, re.S)):
        text = htmllib.unescape(re.sub(r'<[^>]+>', ' ', m.group(1)))
        if letters(text) > 40: other.append((rel(p) + ' <p>[%d]' % k, text))
by_source = {}
for src, t in other: by_source.setdefault(src.split(':')[0].split(' <')[0], []).append((src, t))
for k, (name, items) in enumerate(sorted(by_source.items())):
    for src, t in pick(items, 3, 10 + k): emit('other', src, t, 'paragraph')

seen = set()
for label, src, text, kind in rows:
    if text in seen: continue
    seen.add(text)
    print('\t'.join([label, src, kind, text]))
