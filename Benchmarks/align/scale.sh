#!/usr/bin/env bash
# Scaling: the 7 Text+Berg test documents concatenated ten times (9,910 × 10,110 sentences), aligned as one
# presegmented document; prints wall time and peak memory (GNU time).
#   Benchmarks/align/scale.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH=${BENCH:-/work/shared/bench/align}
BIN=${BIN:-$ROOT/.build/release/tmkit}
WORK=$(mktemp -d)
for side in de fr; do
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    for n in 0 1 2 3 4 5 6; do cat "$BENCH/textberg/test$n.$side"; done
  done > "$WORK/all.$side"
done
wc -l "$WORK/all.de" "$WORK/all.fr"
/usr/bin/time -v "$BIN" align "$WORK/all.de" "$WORK/all.fr" --source-lang de --target-lang fr --presegmented \
  --format beads --output "$WORK/all.beads" 2> "$WORK/time.txt" || { cat "$WORK/time.txt"; exit 1; }
grep -E "User time|System time|Elapsed|Maximum resident" "$WORK/time.txt"
# Quality of the big run against the gold shifted ten times.
python3 - "$BENCH" "$WORK" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
import score
bench, work = sys.argv[1], sys.argv[2]
gold = []
offset_s = offset_t = 0
for _ in range(10):
    for n in range(7):
        beads = score.read_beads(f"{bench}/textberg/test{n}.defr")
        gold += [(frozenset(i + offset_s for i in s), frozenset(j + offset_t for j in t)) for s, t in beads]
        offset_s += sum(1 for _ in open(f"{bench}/textberg/test{n}.de", encoding="utf-8"))
        offset_t += sum(1 for _ in open(f"{bench}/textberg/test{n}.fr", encoding="utf-8"))
s = score.scores(score.count(gold, score.read_beads(f"{work}/all.beads")))
print("strict F1 %.3f  lax F1 %.3f" % (s["f1_strict"], s["f1_lax"]))
PY
