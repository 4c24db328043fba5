#!/usr/bin/env python3
"""Cut the Text+Berg development document into 5 pieces of ~84 gold beads at bead boundaries, so that tuning
can also see documents as short as the test documents. Usage: split_dev.py BENCH OUTDIR (writes d0..d4.{de,fr,defr})."""
import sys

bench, out = sys.argv[1], sys.argv[2]
sys.path.insert(0, bench)
import score  # noqa: E402

base = f"{bench}/textberg/dev"
de = open(base + ".de", encoding="utf-8").read().split("\n")[:-1]
fr = open(base + ".fr", encoding="utf-8").read().split("\n")[:-1]
gold = score.read_beads(base + ".defr")
pieces = 5
size = len(gold) // pieces
s0 = t0 = 0
for k in range(pieces):
    chunk = gold[k * size:] if k == pieces - 1 else gold[k * size:(k + 1) * size]
    s_end = len(de) if k == pieces - 1 else max([max(s) for s, _ in chunk if s] + [s0 - 1]) + 1
    t_end = len(fr) if k == pieces - 1 else max([max(t) for _, t in chunk if t] + [t0 - 1]) + 1
    with open(f"{out}/d{k}.de", "w", encoding="utf-8") as f:
        f.writelines(x + "\n" for x in de[s0:s_end])
    with open(f"{out}/d{k}.fr", "w", encoding="utf-8") as f:
        f.writelines(x + "\n" for x in fr[t0:t_end])
    with open(f"{out}/d{k}.defr", "w", encoding="utf-8") as f:
        for s, t in chunk:
            f.write("[%s]:[%s]\n" % (", ".join(str(i - s0) for i in sorted(s)), ", ".join(str(j - t0) for j in sorted(t))))
    s0, t0 = s_end, t_end
