#!/usr/bin/env bash
# Planted-error measurement: plants errors and variants into the base TMs built by fetch.sh, runs
# `tmkit check --format json` on the base and planted files, scores with score.py.
# Usage: Benchmarks/check/quality.sh [WORKDIR] [TMKIT]   (defaults: /tmp/tmkit-check-bench, .build/release/tmkit)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="${1:-/tmp/tmkit-check-bench}"
tmkit="${2:-$here/../../.build/release/tmkit}"
[ -f "$work/base-de.tsv" ] || "$here/fetch.sh" "$work"
cd "$work"
for lang in de es fr; do
  python3 "$here/plant.py" "$lang" "base-$lang.tsv" . --per-kind "${PER_KIND:-40}" --seed "${SEED:-7}"
  "$tmkit" check "base-$lang.tsv" --glossary "glossary-$lang.tsv" --format json --fail-on never --output "base-$lang.json"
  "$tmkit" check "planted-$lang.tsv" --glossary "glossary-$lang.tsv" --format json --fail-on never --output "planted-$lang.json"
  python3 "$here/score.py" "plants-$lang.jsonl" "base-$lang.json" "planted-$lang.json" > "score-$lang.json"
  python3 - "$lang" <<'PY'
import json, sys
lang = sys.argv[1]
d = json.load(open(f'score-{lang}.json'))
print(f"{lang}: recall {d['recall']} ({d['recalled']}/{d['planted_errors']}), precision {d['precision']} "
      f"({d['true']}/{d['new_findings']}), variant false alarms {d['variant_false_alarms']}/{d['variants']}")
PY
done
