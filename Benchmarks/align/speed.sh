#!/usr/bin/env bash
# CPU time (user + sys, process start included) and wall time of the 7 Text+Berg test documents, one `tmkit align`
# process each as in run.sh; the minimum over REPEAT runs (the machine is shared), with the load average.
# /usr/bin/time gives hundredths of a second: for finer figures, `perf stat -r 10 -e task-clock` over the same loop.
#   Benchmarks/align/speed.sh            # REPEAT=5
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH=${BENCH:-/work/shared/bench/align}
BIN=${BIN:-$ROOT/.build/release/tmkit}
OUT=$(mktemp -d)
best=
bestWall=
for _ in $(seq "${REPEAT:-5}"); do
  read -r t w < <( { /usr/bin/time -f "%U %S %e" bash -c "for n in 0 1 2 3 4 5 6; do '$BIN' align '$BENCH/textberg/test'\$n.de \
    '$BENCH/textberg/test'\$n.fr --source-lang de --target-lang fr --presegmented --format beads \
    --output '$OUT/'\$n.beads 2>/dev/null; done"; } 2>&1 | awk '{print $1 + $2, $3}')
  best=$(echo "$t ${best:-$t}" | awk '{print ($1 < $2) ? $1 : $2}')
  bestWall=$(echo "$w ${bestWall:-$w}" | awk '{print ($1 < $2) ? $1 : $2}')
done
echo "7 documents: CPU (user+sys) $best s, wall $bestWall s, minimum of ${REPEAT:-5} runs; load average $(cut -d' ' -f1-3 /proc/loadavg)"
