#!/usr/bin/env python3
"""Score the units of a `tmkit build` TMX against the gold pairs of a generated corpus.

    python3 Benchmarks/corpus/generate.py --pairs 10000 --out /tmp/c10k --gold /tmp/c10k.gold.tsv
    tmkit build /tmp/c10k --name c10k --tmx-dir /tmp/out --glossary-dir /tmp/out
    python3 Benchmarks/scale/score_units.py /tmp/c10k.gold.tsv /tmp/out/c10k.tmx

A unit is a gold pair when its document, source and target equal one gold bead's (white space collapsed):
the strict measure of Text+Berg scoring, on text instead of sentence indices, because tmkit segments the
documents itself. Lax: the unit shares its document and at least one gold pair overlaps it on both sides (one
gold side's text inside the unit's side or the other way round). Prints pooled precision, recall and F1.
"""

import sys
import xml.etree.ElementTree as ET
from collections import defaultdict

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def norm(text):
    return " ".join(text.split())


def read_gold(path):
    gold = defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for line in f:
            doc, source, target = line.rstrip("\n").split("\t")
            gold[doc].append((norm(source), norm(target)))
    return gold


def read_units(path):
    units = defaultdict(list)
    source_lang = None
    for _, element in ET.iterparse(path, events=("end",)):
        if element.tag == "header":
            source_lang = element.get("srclang")
        elif element.tag == "tu":
            doc = None
            sides = {}
            for child in element:
                if child.tag == "prop" and child.get("type") == "x-document":
                    doc = child.text
                elif child.tag == "tuv":
                    seg = child.find("seg")
                    sides[child.get(XML_LANG)] = norm("".join(seg.itertext())) if seg is not None else ""
            languages = list(sides)
            source = sides.get(source_lang, sides[languages[0]])
            target = next(v for k, v in sides.items() if k != source_lang) if len(sides) > 1 else ""
            units[doc].append((source, target))
            element.clear()
    return units


def overlaps(a, b):
    return bool(a) and bool(b) and (a in b or b in a)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    gold = read_gold(sys.argv[1])
    units = read_units(sys.argv[2])
    gold_total = sum(len(v) for v in gold.values())
    unit_total = sum(len(v) for v in units.values())
    strict = lax_units = lax_gold = 0
    for doc, predicted in units.items():
        expected = gold.get(doc, [])
        expected_set = set(expected)
        strict += sum(1 for pair in set(predicted) if pair in expected_set)
        for s, t in predicted:
            if any(overlaps(s, gs) and overlaps(t, gt) for gs, gt in expected):
                lax_units += 1
        for gs, gt in expected:
            if any(overlaps(s, gs) and overlaps(t, gt) for s, t in predicted):
                lax_gold += 1

    def f1(p, r):
        return 2 * p * r / (p + r) if p + r else 0.0

    p, r = strict / max(1, unit_total), strict / max(1, gold_total)
    lp, lr = lax_units / max(1, unit_total), lax_gold / max(1, gold_total)
    print(f"units {unit_total}, gold pairs {gold_total}")
    print(f"strict P {p:.4f} R {r:.4f} F1 {f1(p, r):.4f}")
    print(f"lax    P {lp:.4f} R {lr:.4f} F1 {f1(lp, lr):.4f}")


if __name__ == "__main__":
    main()
