#!/usr/bin/env python3
"""Agreement of two judges' label files (score.py's format) on the entries both judged, matched by
(source, target): agreement rate, Cohen's kappa, each judge's precision per set, and the entries they disagree on.
Usage: agreement.py LABELS_A LABELS_B"""
import sys


def load(path):
    rows = [l.rstrip("\n").split("\t") for l in open(path, encoding="utf-8") if not l.startswith("#")]
    return {(r[2], r[3]): (int(r[0]), r[1].split(","), int(r[4]), r[5] if len(r) > 5 else "") for r in rows}


a, b = load(sys.argv[1]), load(sys.argv[2])
shared = sorted(set(a) & set(b), key=lambda k: a[k][0])
print(f"entries: {len(a)} and {len(b)}, shared {len(shared)}")
for name in ("all", "top100", "sample500", "multi500"):
    keys = [k for k in shared if name == "all" or name in a[k][1]]
    n = len(keys)
    agree = sum(a[k][2] == b[k][2] for k in keys)
    pa = sum(a[k][2] for k in keys) / n
    pb = sum(b[k][2] for k in keys) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    observed = agree / n
    kappa = (observed - expected) / (1 - expected) if expected < 1 else float("nan")
    print(f"{name}: n={n}  A right {sum(a[k][2] for k in keys)} = {pa:.2f}  B right {sum(b[k][2] for k in keys)} = {pb:.2f}"
          f"  agreement {agree}/{n} = {observed:.2f}  kappa {kappa:.2f}")
print("disagreements (rank, sets, source, target, A, B, A's note | B's note):")
for k in shared:
    if a[k][2] != b[k][2]:
        print(f"{a[k][0]}\t{','.join(a[k][1])}\t{k[0]}\t{k[1]}\tA={a[k][2]}\tB={b[k][2]}\t{a[k][3]} | {b[k][3]}")
