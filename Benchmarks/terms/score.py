#!/usr/bin/env python3
"""Precision from the hand labels in labels.tsv: top 100 (all judged), top 500 (random sample of 100, seed 2026),
multi-word entries of the top 500 (all judged)."""
import os
import sys

path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "labels.tsv")
rows = [l.rstrip("\n").split("\t") for l in open(path, encoding="utf-8") if not l.startswith("#")]
for name in ("top100", "sample500", "multi500"):
    judged = [int(r[4]) for r in rows if name in r[1].split(",")]
    print(f"{name}: {sum(judged)}/{len(judged)} = {sum(judged) / len(judged):.2f}")
for name in ("top100", "sample500"):
    judged = [int(r[4]) for r in rows if name in r[1].split(",") and r[2] != r[3]]
    print(f"{name} without copied terms (source == target): {sum(judged)}/{len(judged)} = {sum(judged) / len(judged):.2f}")
