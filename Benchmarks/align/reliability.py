#!/usr/bin/env python3
"""Reliability table of tmkit's pair confidence: bin the pairs of `tmkit align --format jsonl` outputs by their
score and compare the mean score with the share of pairs that are exactly a gold bead (strict correctness).
Usage: reliability.py BENCH GOLD1 JSONL1 [GOLD2 JSONL2 ...]"""
import json
import sys

sys.path.insert(0, sys.argv[1])
import score  # noqa: E402

bins = [(0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 0.95), (0.95, 1.0001)]
rows = []
args = sys.argv[2:]
for gold_path, jsonl_path in zip(args[::2], args[1::2]):
    gold = {(frozenset(s), frozenset(t)) for s, t in score.read_beads(gold_path)}
    for line in open(jsonl_path, encoding="utf-8"):
        pair = json.loads(line)
        key = (frozenset(pair["sourceSentences"]), frozenset(pair["targetSentences"]))
        rows.append((pair["score"], key in gold))
print("| confidence | pairs | mean confidence | strictly right |")
print("| --- | --- | --- | --- |")
for lo, hi in bins:
    sel = [(c, ok) for c, ok in rows if lo <= c < hi]
    if sel:
        mean = sum(c for c, _ in sel) / len(sel)
        right = sum(ok for _, ok in sel) / len(sel)
        print(f"| {lo:.2f}–{min(hi, 1):.2f} | {len(sel)} | {mean:.3f} | {right:.3f} |")
n = len(rows)
brier = sum((c - ok) ** 2 for c, ok in rows) / max(n, 1)
base = sum(ok for _, ok in rows) / max(n, 1)
print(f"\n{n} pairs, {base:.3f} strictly right, mean confidence {sum(c for c, _ in rows) / max(n, 1):.3f}, "
      f"Brier score {brier:.4f} (constant {base:.3f}: {base * (1 - base):.4f})")
