#!/usr/bin/env bash
# Growth: the 7 Text+Berg test documents concatenated K times (K = 10 gives the 9,910 × 10,110 of scale.sh),
# aligned as one presegmented document: CPU time, wall time, peak RSS and strict/lax F1 against the gold shifted
# accordingly. The concatenations are made in a temporary folder (the text is GPL: not committed).
#   Benchmarks/align/growth.sh 10 30 100 300
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH=${BENCH:-/work/shared/bench/align}
BIN=${BIN:-$ROOT/.build/release/tmkit}
WORK=$(mktemp -d)
for k in "$@"; do
  for side in de fr; do
    for _ in $(seq "$k"); do for n in 0 1 2 3 4 5 6; do cat "$BENCH/textberg/test$n.$side"; done; done > "$WORK/all.$side"
  done
  echo "== x$k: $(wc -l < "$WORK/all.de") x $(wc -l < "$WORK/all.fr") sentences, load $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "user %U s, sys %S s, wall %e s, peak RSS %M KB" "$BIN" align "$WORK/all.de" "$WORK/all.fr" \
    --source-lang de --target-lang fr --presegmented --format beads --output "$WORK/all.beads" 2>&1 | grep -v warning
  python3 - "$BENCH" "$WORK/all.beads" "$k" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
import score
bench, pred, k = sys.argv[1], sys.argv[2], int(sys.argv[3])
lengths = [(sum(1 for _ in open(f"{bench}/textberg/test{n}.de", encoding="utf-8")),
            sum(1 for _ in open(f"{bench}/textberg/test{n}.fr", encoding="utf-8"))) for n in range(7)]
beads = [score.read_beads(f"{bench}/textberg/test{n}.defr") for n in range(7)]
gold, offset_s, offset_t = [], 0, 0
for _ in range(k):
    for n in range(7):
        gold += [(frozenset(i + offset_s for i in s), frozenset(j + offset_t for j in t)) for s, t in beads[n]]
        offset_s += lengths[n][0]
        offset_t += lengths[n][1]
s = score.scores(score.count(gold, score.read_beads(pred)))
print("strict F1 %.3f  lax F1 %.3f" % (s["f1_strict"], s["f1_lax"]))
PY
done
rm -rf "$WORK"
