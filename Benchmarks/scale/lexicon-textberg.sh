#!/usr/bin/env bash
# Text+Berg accuracy of one-pass alignment with a corpus lexicon: the lexicon is learned from `dev` aligned the
# usual way (`DocumentAligner.learnLexicon`), then test0..6 are aligned with it in one pass, and scored with the
# shared score.py (strict/lax P/R/F1), next to the usual per-document alignment (`plain`, = `tmkit align`).
#   Benchmarks/scale/lexicon-textberg.sh
# Runs the gated test `TextBergLexiconEvaluation` (debug build); needs $BENCH (default /work/shared/bench/align).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bench=${BENCH:-/work/shared/bench/align}
out=${OUT:-$(mktemp -d)}
cd "$root"
TMKIT_TEXTBERG_EVAL="$bench/textberg:$out" swift test --filter TextBergLexiconEvaluation >/dev/null
cat "$out/lexicon.txt"
for mode in plain lexicon; do
    gold=(); pred=()
    for d in 0 1 2 3 4 5 6; do gold+=("$bench/textberg/test$d.defr"); pred+=("$out/test$d.$mode.beads"); done
    echo "== $mode"
    python3 "$bench/score.py" -g "${gold[@]}" -p "${pred[@]}"
done
