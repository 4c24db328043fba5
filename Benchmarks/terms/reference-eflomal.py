#!/usr/bin/env python3
"""The reference of tmkit issue 6: eflomal word alignment plus phrase extraction, as a glossary of its top 500.

Usage (needs `pip install eflomal`, e.g. in a venv /work/venv-terms5):
    /work/venv-terms5/bin/python Benchmarks/terms/reference-eflomal.py PAIRS.tsv OUT.tsv [--top 500]

PAIRS.tsv: English<TAB>Spanish, one pair a line (make-corpus.sh writes it). OUT.tsv: rank, source, target,
count(s,t), p(t|s), p(s|t), score; sorted by score, best first.

Steps (nothing tuned to any corpus):
1. Tokenize each side: words (\\w+ with inner - ' . _ kept, e.g. `e-mail`, `don't`, `file.txt`), printf-style
   placeholders (%s, %1$d, %(name)s) and every other non-space character as its own token. Alignment runs on
   lower-cased tokens; the glossary shows the original text of the span (the most frequent spelling).
2. eflomal (default model 3, fertility + HMM) aligns en→es and es→en; the two are symmetrised with
   grow-diag-final-and (Koehn et al. 2003).
3. Standard consistent phrase-pair extraction (Och & Ney 2004; Koehn's `extract`): every source span of at most
   5 tokens whose aligned target span is consistent with the alignment, extended over unaligned target words
   at either edge, target spans of at most 5 tokens too.
4. Counts are keyed by the lower-cased token sequences; p(t|s) = c(s,t)/c(s), p(s|t) = c(s,t)/c(t).
5. Glossary: for each source phrase, its most frequent target (ties: higher p(s|t)); dropped are pairs where
   either side is only stop words (Sources/TMTerms/Resources/stopwords-LANG.txt, the project's lists),
   punctuation, numbers or placeholders, or begins or ends with a punctuation token or placeholder (no
   glossary keeps `file :` or `( default`); with --stop-edges also pairs whose either side begins or ends with a
   stop word (`this tag`, `number of`: the rule tmkit applies to its own candidates). Score = c(s,t) × min(p(t|s), p(s|t)); the top 500 by score.
"""
import argparse
import collections
import os
import re
import sys
import tempfile

import eflomal

HERE = os.path.dirname(os.path.abspath(__file__))
RES = os.path.join(HERE, "..", "..", "Sources", "TMTerms", "Resources")

TOKEN = re.compile(r"%(?:\d+\$)?(?:\([A-Za-z_]+\))?[-+#0]*\d*(?:\.\d+)?(?:l|ll|h|z)?[a-zA-Z]"
                   r"|\w+(?:[-'’._]\w+)*"
                   r"|[^\w\s]", re.UNICODE)
WORD = re.compile(r"\w", re.UNICODE)
NUMBER = re.compile(r"^[\d.,:/-]+$")
MAXLEN = 5


def stopwords(lang):
    words = set()
    for line in open(os.path.join(RES, f"stopwords-{lang}.txt"), encoding="utf-8"):
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(line.split("\t")[0].lower())
    return words


def tokenize(text):
    return [(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(text)]


def is_punct(tok):
    return tok.startswith("%") and len(tok) > 1 or not WORD.search(tok)


def content(tokens, stops):
    """True when the phrase has a token that is no stop word, punctuation, number or placeholder."""
    return any(not is_punct(t) and not NUMBER.match(t) and t not in stops for t in tokens)


def read_links(path):
    out = []
    for line in open(path, encoding="utf-8"):
        pairs = set()
        for item in line.split():
            i, j = item.split("-")
            pairs.add((int(i), int(j)))
        out.append(pairs)
    return out


def grow_diag_final_and(fwd, rev, n, m):
    """fwd and rev as sets of (source index, target index)."""
    union = fwd | rev
    a = set(fwd & rev)
    src_aligned = {i for i, _ in a}
    trg_aligned = {j for _, j in a}
    neighbours = [(-1, 0), (0, -1), (1, 0), (0, 1), (-1, -1), (-1, 1), (1, -1), (1, 1)]
    added = True
    while added:
        added = False
        for (i, j) in sorted(a):
            for di, dj in neighbours:
                ni, nj = i + di, j + dj
                if 0 <= ni < n and 0 <= nj < m and (ni, nj) in union and (ni, nj) not in a:
                    if ni not in src_aligned or nj not in trg_aligned:
                        a.add((ni, nj))
                        src_aligned.add(ni)
                        trg_aligned.add(nj)
                        added = True
    for direction in (fwd, rev):  # final-and
        for (i, j) in sorted(direction):
            if i not in src_aligned and j not in trg_aligned:
                a.add((i, j))
                src_aligned.add(i)
                trg_aligned.add(j)
    return a


def extract(links, n, m):
    """Consistent phrase pairs: yields (i1, i2, j1, j2), inclusive spans."""
    s2t = collections.defaultdict(list)
    t2s = collections.defaultdict(list)
    for i, j in links:
        s2t[i].append(j)
        t2s[j].append(i)
    for i1 in range(n):
        jmin, jmax = m, -1
        for i2 in range(i1, min(n, i1 + MAXLEN)):
            for j in s2t.get(i2, ()):
                jmin, jmax = min(jmin, j), max(jmax, j)
            if jmax < 0:
                continue
            if jmax - jmin + 1 > MAXLEN:
                break
            if any(not (i1 <= i <= i2) for j in range(jmin, jmax + 1) for i in t2s.get(j, ())):
                continue
            j1 = jmin
            while True:
                j2 = jmax
                while True:
                    yield i1, i2, j1, j2
                    j2 += 1
                    if j2 >= m or j2 in t2s or j2 - j1 + 1 > MAXLEN:
                        break
                j1 -= 1
                if j1 < 0 or j1 in t2s or jmax - j1 + 1 > MAXLEN:
                    break


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pairs")
    ap.add_argument("output")
    ap.add_argument("--top", type=int, default=500)
    ap.add_argument("--stop-edges", action="store_true",
                    help="also drop pairs whose either side begins or ends with a stop word (tmkit's own candidate rule)")
    args = ap.parse_args()

    src_text, trg_text = [], []
    for line in open(args.pairs, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 2:
            continue
        s, t = tokenize(parts[0]), tokenize(parts[1])
        if s and t:
            src_text.append((parts[0], s))
            trg_text.append((parts[1], t))
    print(f"{len(src_text)} pairs", file=sys.stderr)

    with tempfile.TemporaryDirectory() as tmp:
        fwd_path, rev_path = os.path.join(tmp, "fwd"), os.path.join(tmp, "rev")
        src_lines = [" ".join(tok.lower() for tok, _, _ in s) + "\n" for _, s in src_text]
        trg_lines = [" ".join(tok.lower() for tok, _, _ in t) + "\n" for _, t in trg_text]
        eflomal.Aligner().align(src_lines, trg_lines, links_filename_fwd=fwd_path, links_filename_rev=rev_path)
        fwd, rev = read_links(fwd_path), read_links(rev_path)
    print("aligned", file=sys.stderr)

    pair_count = collections.Counter()
    src_count = collections.Counter()
    trg_count = collections.Counter()
    surface = collections.defaultdict(collections.Counter)
    skipped = 0
    for k, ((stext, s), (ttext, t)) in enumerate(zip(src_text, trg_text)):
        n, m = len(s), len(t)
        # eflomal skips over-long sentences; a link outside the tokens would mean the two tokenizations differ
        f = {(i, j) for i, j in fwd[k] if i < n and j < m}
        r = {(i, j) for i, j in rev[k] if i < n and j < m}
        if len(f) != len(fwd[k]) or len(r) != len(rev[k]):
            skipped += 1
            continue
        links = grow_diag_final_and(f, r, n, m)
        for i1, i2, j1, j2 in extract(links, n, m):
            skey = tuple(tok.lower() for tok, _, _ in s[i1:i2 + 1])
            tkey = tuple(tok.lower() for tok, _, _ in t[j1:j2 + 1])
            pair_count[skey, tkey] += 1
            src_count[skey] += 1
            trg_count[tkey] += 1
            surface[skey][stext[s[i1][1]:s[i2][2]]] += 1
            surface[tkey][ttext[t[j1][1]:t[j2][2]]] += 1
    print(f"{len(pair_count)} phrase pairs; {skipped} sentence pairs skipped (links outside the tokens)", file=sys.stderr)

    stops_en, stops_es = stopwords("en"), stopwords("es")
    best = {}
    for (skey, tkey), c in pair_count.items():
        if not content(skey, stops_en) or not content(tkey, stops_es):
            continue
        if is_punct(skey[0]) or is_punct(skey[-1]) or is_punct(tkey[0]) or is_punct(tkey[-1]):
            continue
        if args.stop_edges and (skey[0] in stops_en or skey[-1] in stops_en
                                or tkey[0] in stops_es or tkey[-1] in stops_es):
            continue
        rank_key = (c, c / trg_count[tkey])
        if skey not in best or rank_key > best[skey][0]:
            best[skey] = (rank_key, tkey)
    rows = []
    for skey, ((c, p_st), tkey) in best.items():
        p_ts = c / src_count[skey]
        rows.append((c * min(p_ts, p_st), skey, tkey, c, p_ts, p_st))
    rows.sort(key=lambda r: (-r[0], -r[3], r[1]))
    with open(args.output, "w", encoding="utf-8") as out:
        for rank, (score, skey, tkey, c, p_ts, p_st) in enumerate(rows[:args.top], 1):
            s = surface[skey].most_common(1)[0][0]
            t = surface[tkey].most_common(1)[0][0]
            out.write(f"{rank}\t{s}\t{t}\t{c}\t{p_ts:.3f}\t{p_st:.3f}\t{score:.1f}\n")
    print(f"{len(rows)} glossary candidates; top {min(args.top, len(rows))} written", file=sys.stderr)


if __name__ == "__main__":
    main()
