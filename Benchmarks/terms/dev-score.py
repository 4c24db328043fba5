#!/usr/bin/env python3
"""Development estimate: the entries of a glossary's top 500 that already have a label in the given label files.
Usage: python3 Benchmarks/terms/dev-score.py GLOSSARY.json LABELS.tsv [LABELS.tsv ...]
Prints, for the multi-word entries (a space on either side), all entries and the top 100: judged right / judged,
and how many entries have no label (not counted)."""
import json
import sys

labels = {}
for path in sys.argv[2:]:
    for line in open(path, encoding="utf-8"):
        if line.startswith("#"):
            continue
        row = line.rstrip("\n").split("\t")
        if len(row) >= 5:
            labels[(row[2], row[3])] = int(row[4])
entries = json.load(open(sys.argv[1], encoding="utf-8"))["entries"][:500]
rows = [(e["source"][0]["text"], e["target"][0]["text"]) for e in entries]
for name, chosen in (("multi-word", [r for r in rows if " " in r[0] or " " in r[1]]), ("all", rows),
                     ("top 100", rows[:100])):
    judged = [labels[r] for r in chosen if r in labels]
    share = sum(judged) / len(judged) if judged else 0
    print(f"{name}: {sum(judged)}/{len(judged)} = {share:.2f} ({len(chosen)} entries, {len(chosen) - len(judged)} without a label)")
