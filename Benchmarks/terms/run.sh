#!/usr/bin/env bash
# Learns an English–Spanish glossary from the Debian message-catalog corpus and times it.
# Usage: Benchmarks/terms/run.sh [WORKDIR]   (builds the corpus with make-corpus.sh when missing)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${1:-/tmp/tmkit-terms-corpus}"
[ -s "$work/en-es.tsv" ] || "$here/make-corpus.sh" "$work"
(cd "$root" && swift build -c release --product tmkit >/dev/null)
echo "pairs: $(wc -l < "$work/en-es.tsv")"
/usr/bin/time -f "wall %e s, user %U s, max RSS %M KB" \
    "$root/.build/release/tmkit" terms "$work/en-es.tsv" --source-lang en --target-lang es --format json \
    --output "$work/glossary-en-es.json"
echo "entries: $(grep -c '"id":' "$work/glossary-en-es.json")"
python3 "$here/sample.py" "$work/glossary-en-es.json" > "$work/to-judge.tsv"
echo "entries to judge: $work/to-judge.tsv (labels: $here/labels.tsv)"
