#!/usr/bin/env bash
# Text+Berg German–French sentence alignment: run `tmkit align` on the test (or dev) documents and score them.
#   Benchmarks/align/run.sh            # test0..6, pooled strict/lax P/R/F1, and the wall time of the 7 runs
#   Benchmarks/align/run.sh dev        # the development document (the only one used for tuning)
#   Benchmarks/align/run.sh devsplit   # the development document cut into 5 test-sized pieces (split_dev.py)
# Needs a release build (`swift build -c release --product tmkit`) and the benchmark data in
# $BENCH (default /work/shared/bench/align).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH=${BENCH:-/work/shared/bench/align}
BIN=${BIN:-$ROOT/.build/release/tmkit}
OUT=${OUT:-$(mktemp -d)}
SET=${1:-test}
DATA=$BENCH/textberg
if [ "$SET" = dev ]; then docs=(dev)
elif [ "$SET" = devsplit ]; then
  DATA=$(mktemp -d); python3 "$(dirname "$0")/split_dev.py" "$BENCH" "$DATA"; docs=(d0 d1 d2 d3 d4)
else docs=(test0 test1 test2 test3 test4 test5 test6); fi
start=$(date +%s.%N)
for d in "${docs[@]}"; do
  "$BIN" align "$DATA/$d.de" "$DATA/$d.fr" --source-lang de --target-lang fr \
    --presegmented --format beads --output "$OUT/$d.beads"
done
end=$(date +%s.%N)
gold=(); pred=()
for d in "${docs[@]}"; do gold+=("$DATA/$d.defr"); pred+=("$OUT/$d.beads"); done
python3 "$BENCH/score.py" -g "${gold[@]}" -p "${pred[@]}" ${PER_DOC:+--per-doc}
echo "wall time for ${#docs[@]} documents: $(echo "$end - $start" | bc) s (output in $OUT)"
