#!/usr/bin/env python3
"""Pooled precision of several judged sets, with 95% Wilson score intervals.

Usage: python3 Benchmarks/terms/pooled.py NAME=LABELS.tsv[,LABELS.tsv...] ...
Each argument is one system on one or more corpora (label files as score.py reads them: rank, set, source, target,
label, note; the set column holds top100 / sample500 / multi500). Prints, per argument, the top 100, the random
sample of the top 500 and the multi-word entries of the top 500: right / judged = share (interval); then the top
100 and the sample counting only translated entries (source ≠ target: copied names and acronyms left out)."""
import math
import sys


def wilson(k, n, z=1.96):
    if n == 0:
        return 0.0, 0.0
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return c - h, c + h


for argument in sys.argv[1:]:
    name, _, paths = argument.partition("=")
    counts = {"top100": [0, 0], "sample500": [0, 0], "multi500": [0, 0], "top100 translated": [0, 0],
              "sample500 translated": [0, 0]}
    for path in paths.split(","):
        for line in open(path, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            row = line.rstrip("\n").split("\t")
            for part in counts:
                name_, _, translated = part.partition(" ")
                if name_ in row[1].split(",") and (not translated or row[2] != row[3]):
                    counts[part][0] += int(row[4])
                    counts[part][1] += 1
    cells = []
    for part, (k, n) in counts.items():
        low, high = wilson(k, n)
        cells.append(f"{part} {k}/{n} = {k / n:.2f} ({low:.2f}–{high:.2f})" if n else f"{part} —")
    print(f"{name}: " + "; ".join(cells))
