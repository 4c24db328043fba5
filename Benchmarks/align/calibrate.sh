#!/usr/bin/env bash
# Reliability of the pair confidence: align documents with `--format jsonl` and compare scores with the gold.
#   Benchmarks/align/calibrate.sh          # dev + devsplit (where the confidence model was fitted)
#   Benchmarks/align/calibrate.sh test     # test0..6 (held out)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH=${BENCH:-/work/shared/bench/align}
BIN=${BIN:-$ROOT/.build/release/tmkit}
OUT=${OUT:-$(mktemp -d)}
args=()
run() {  # DIR NAME
  "$BIN" align "$1/$2.de" "$1/$2.fr" --source-lang de --target-lang fr --presegmented --format jsonl \
    --output "$OUT/$2.jsonl" 2>/dev/null
  args+=("$1/$2.defr" "$OUT/$2.jsonl")
}
if [ "${1:-dev}" = test ]; then
  for d in test0 test1 test2 test3 test4 test5 test6; do run "$BENCH/textberg" "$d"; done
else
  run "$BENCH/textberg" dev
  SPLIT=$(mktemp -d); python3 "$(dirname "$0")/split_dev.py" "$BENCH" "$SPLIT"
  for d in d0 d1 d2 d3 d4; do run "$SPLIT" "$d"; done
fi
python3 "$(dirname "$0")/reliability.py" "$BENCH" "${args[@]}"
