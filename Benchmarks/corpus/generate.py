#!/usr/bin/env python3
"""Generate a large, realistic bilingual corpus for `tmkit build` benchmarks.

Real parallel text is repeated and perturbed so that a corpus of any size keeps the shape of real documents:

- The pool of aligned sentence groups ("beads", including the 2-1, 1-2, 1-0 and 0-1 beads of real translations)
  comes, at run time, from one of:
    textberg  the hand-aligned Text+Berg de/fr set (GPL-2.0, read from /work/shared/bench/align/textberg;
              never copied into the repository), ~1,350 beads of Alpine-club prose;
    debian    the Debian message catalogs installed on this machine (/usr/share/locale/LANG/LC_MESSAGES/*.mo),
              paired through their common English msgid (en is the msgid itself), sentence-like strings only.
- Each document takes a contiguous run of beads (so neighbouring sentences still belong together), groups them
  into paragraphs of 1 to 6 beads, and perturbs them the same way on both sides: digit runs get new numbers, and
  some of the capitalised words that both sides share (names: "Nadelhorn", "Zermatt") become invented names drawn
  from a growing, Zipf-like list, so that the vocabulary keeps growing with the corpus as a real one does
  (Heaps' law) instead of saturating at the pool's.
- Layouts: `names` writes `NNN/docNNNNNN.de.txt` + `.fr.txt` (paired by name), `folders` writes
  `de/NNN/docNNNNNN.txt` + `fr/…` (paired by folder), `single` writes one bilingual file per document (source
  block, then target block).

Usage:
    python3 Benchmarks/corpus/generate.py --pairs 100000 --out /tmp/corpus-100k
    python3 Benchmarks/corpus/generate.py --pairs 1000000 --out /tmp/corpus-1m --pairs-per-doc 100
    python3 Benchmarks/corpus/generate.py --source debian --langs en de --pairs 10000 --out /tmp/corpus-deb

The output is deterministic for a given seed, source and size. Prints one line: documents, pairs, bytes.
"""

import argparse
import glob
import gettext
import math
import os
import random
import re
import sys

TEXTBERG = "/work/shared/bench/align/textberg"


def detokenise(text, lang):
    """Undo the Text+Berg tokenisation (spaces around punctuation)."""
    text = text.strip()
    text = re.sub(r" ([,.)\]])", r"\1", text)
    text = re.sub(r"([(\[]) ", r"\1", text)
    text = re.sub(r"(\b[dlnjmstcqu]|qu|jusqu|lorsqu|puisqu)' ", r"\1'", text, flags=re.IGNORECASE)
    if lang != "fr":
        text = re.sub(r" ([;:?!])", r"\1", text)
    text = text.replace("« ", "«\u00a0").replace(" »", "\u00a0»") if lang == "fr" else text
    return text


def textberg_pool(directory):
    """Beads (de sentences, fr sentences) from the gold alignments of every Text+Berg document."""
    pool = []
    for gold in sorted(glob.glob(os.path.join(directory, "*.defr"))):
        stem = gold[: -len(".defr")]
        with open(stem + ".de", encoding="utf-8") as f:
            de = [line.strip() for line in f]
        with open(stem + ".fr", encoding="utf-8") as f:
            fr = [line.strip() for line in f]
        with open(gold, encoding="utf-8") as f:
            for line in f:
                left, right = line.strip().split(":")[:2]
                src = [int(i) for i in re.findall(r"\d+", left)]
                tgt = [int(i) for i in re.findall(r"\d+", right)]
                s = [detokenise(de[i], "de") for i in src if de[i].strip()]
                t = [detokenise(fr[i], "fr") for i in tgt if fr[i].strip()]
                if s or t:
                    pool.append((s, t))
    return pool, ("de", "fr")


def catalog(path):
    try:
        with open(path, "rb") as f:
            return gettext.GNUTranslations(f)._catalog
    except Exception:
        return {}


SENTENCE = re.compile(r"^[A-Z][^%{}<>\n\t]{25,300}[.!?]$")


def debian_pool(langs):
    """Sentence pairs from installed .mo catalogs, paired through the English msgid."""
    source, target = langs
    domains = {}
    for lang in (source, target):
        if lang == "en":
            continue
        for path in glob.glob(f"/usr/share/locale/{lang}/LC_MESSAGES/*.mo"):
            domains.setdefault(os.path.basename(path), {})[lang] = path
    pool = []
    for domain in sorted(domains):
        paths = domains[domain]
        if any(lang != "en" and lang not in paths for lang in (source, target)):
            continue
        tables = {lang: catalog(paths[lang]) for lang in paths}
        for msgid in sorted(k for k in next(iter(tables.values())) if isinstance(k, str)):
            if not SENTENCE.match(msgid):
                continue
            sides = []
            for lang in (source, target):
                text = msgid if lang == "en" else tables[lang].get(msgid)
                if not isinstance(text, str) or not text.strip() or (lang != "en" and text == msgid):
                    break
                sides.append([" ".join(text.split())])
            if len(sides) == 2:
                pool.append((sides[0], sides[1]))
    return pool, (source, target)


class Names:
    """Invented names with a Zipf-like reuse pattern; new names get rarer as the corpus grows (Heaps' law)."""

    SYLLABLES = ["ba", "chi", "dor", "el", "fen", "gri", "hal", "is", "jo", "kar", "lu", "mat", "nor", "os",
                 "pra", "quel", "ros", "sta", "tin", "ur", "val", "wen", "xa", "yor", "zen", "berg", "horn",
                 "alp", "stein", "matt", "bach", "tal"]

    def __init__(self, rng, growth):
        self.rng = rng
        self.growth = growth
        self.names = []
        self.occurrences = []  # every use, so a uniform draw from it is a preferential (Zipf-like) draw
        self.draws = 0

    def draw(self):
        self.draws += 1
        if not self.names or self.rng.random() < min(1.0, self.growth / math.sqrt(self.draws)):
            parts = self.rng.randint(2, 4)
            name = "".join(self.rng.choice(self.SYLLABLES) for _ in range(parts)).capitalize()
            self.names.append(name)
            index = len(self.names) - 1
        else:
            index = self.rng.choice(self.occurrences)
        self.occurrences.append(index)
        return self.names[index]


WORD = re.compile(r"\b[A-ZÄÖÜ][a-zäöüéèàç]{3,}\b")
DIGITS = re.compile(r"\d+")


def perturb(bead, rng, names):
    """The same substitutions on both sides of a bead: new numbers, invented names for shared capitalised words."""
    source, target = bead
    joined_s, joined_t = " ".join(source), " ".join(target)
    numbers = {}
    # Sorted: a set's order follows PYTHONHASHSEED, and the draws below must not (the corpus is reproducible).
    for run in sorted(set(DIGITS.findall(joined_s)) & set(DIGITS.findall(joined_t))):
        low = 10 ** (len(run) - 1) if len(run) > 1 else 0
        numbers[run] = str(rng.randint(low, 10 ** len(run) - 1))
    shared = sorted(set(WORD.findall(joined_s)) & set(WORD.findall(joined_t)))
    renames = {word: names.draw() for word in shared if rng.random() < 0.5}

    def apply(text):
        if numbers:
            text = DIGITS.sub(lambda m: numbers.get(m.group(0), m.group(0)), text)
        for word, name in renames.items():
            text = re.sub(r"\b" + re.escape(word) + r"\b", name, text)
        return text

    return [apply(s) for s in source], [apply(t) for t in target]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, required=True, help="sentence pairs (beads with both sides) to write")
    parser.add_argument("--out", required=True, help="output folder (created; must not exist or be empty)")
    parser.add_argument("--source", choices=["auto", "textberg", "debian"], default="auto")
    parser.add_argument("--langs", nargs=2, metavar=("SRC", "TGT"), help="for --source debian (default: de fr)")
    parser.add_argument("--pairs-per-doc", type=int, default=100, help="mean pairs per document (default 100)")
    parser.add_argument("--layout", choices=["names", "folders", "single"], default="names")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--gold", metavar="FILE",
                        help="also write the gold sentence pairs, one per line: DOCUMENT<TAB>SOURCE<TAB>TARGET "
                             "(the beads with both sides; DOCUMENT as tmkit names it; outside the corpus folder)")
    args = parser.parse_args()

    source = args.source
    if source == "auto":
        source = "textberg" if os.path.isdir(TEXTBERG) else "debian"
    if source == "textberg":
        pool, langs = textberg_pool(TEXTBERG)
    else:
        pool, langs = debian_pool(tuple(args.langs or ("de", "fr")))
    if len(pool) < 50:
        sys.exit(f"generate.py: only {len(pool)} beads found in the {source} source")
    if os.path.isdir(args.out) and os.listdir(args.out):
        sys.exit(f"generate.py: {args.out} is not empty")
    os.makedirs(args.out, exist_ok=True)

    gold = open(args.gold, "w", encoding="utf-8") if args.gold else None
    rng = random.Random(args.seed)
    names = Names(rng, growth=8.0)
    written = documents = total_bytes = 0
    while written < args.pairs:
        want = min(args.pairs - written, max(1, int(rng.uniform(0.5, 1.5) * args.pairs_per_doc)))
        start = rng.randrange(len(pool))
        paragraphs_s, paragraphs_t = [], []
        beads = []
        taken = 0
        position = start
        while taken < want:
            size = rng.randint(1, 6)
            para_s, para_t = [], []
            for _ in range(size):
                if taken >= want:
                    break
                s, t = perturb(pool[position % len(pool)], rng, names)
                position += 1
                para_s += s
                para_t += t
                if s and t:
                    taken += 1
                    beads.append((" ".join(s), " ".join(t)))
            if para_s and para_t:
                paragraphs_s.append(" ".join(para_s))
                paragraphs_t.append(" ".join(para_t))
        documents += 1
        written += taken
        folder = f"{documents // 1000:03d}"
        stem = f"doc{documents:06d}"
        if gold:
            for bead_s, bead_t in beads:
                gold.write(f"{folder}/{stem}\t{bead_s}\t{bead_t}\n")
        text_s = "\n\n".join(paragraphs_s) + "\n"
        text_t = "\n\n".join(paragraphs_t) + "\n"
        if args.layout == "names":
            files = {os.path.join(folder, f"{stem}.{langs[0]}.txt"): text_s,
                     os.path.join(folder, f"{stem}.{langs[1]}.txt"): text_t}
        elif args.layout == "folders":
            files = {os.path.join(langs[0], folder, stem + ".txt"): text_s,
                     os.path.join(langs[1], folder, stem + ".txt"): text_t}
        else:
            files = {os.path.join(folder, stem + ".txt"): text_s + "\n" + text_t}
        for relative, text in files.items():
            path = os.path.join(args.out, relative)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            data = text.encode("utf-8")
            with open(path, "wb") as f:
                f.write(data)
            total_bytes += len(data)
    if gold:
        gold.close()
    print(f"{args.out}: {documents} documents, {written} sentence pairs ({langs[0]}-{langs[1]}, {source}), "
          f"{total_bytes} bytes, {len(names.names)} invented names")


if __name__ == "__main__":
    main()
