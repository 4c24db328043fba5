#!/usr/bin/env python3
"""Prints the entries to judge by hand: all of the top 100, and a random sample (seed 2026) of 100 of the
top 500; plus every multi-word entry of the top 500. Columns: rank, set, source, target."""
import random
import sys

if sys.argv[1].endswith(".json"):  # tmkit terms --format json: one row per entry, its first terms
    import json
    entries = json.load(open(sys.argv[1], encoding="utf-8"))["entries"]
    rows = [[e["source"][0]["text"], e["target"][0]["text"]] for e in entries]
else:
    rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1], encoding="utf-8")]
top500 = rows[:500]
chosen = {}
for rank in range(1, min(100, len(rows)) + 1):
    chosen.setdefault(rank, set()).add("top100")
for rank in random.Random(2026).sample(range(1, len(top500) + 1), min(100, len(top500))):
    chosen.setdefault(rank, set()).add("sample500")
for rank, row in enumerate(top500, 1):
    if " " in row[0] or " " in row[1]:
        chosen.setdefault(rank, set()).add("multi500")
for rank in sorted(chosen):
    row = rows[rank - 1]
    print(f"{rank}\t{','.join(sorted(chosen[rank]))}\t{row[0]}\t{row[1]}")
