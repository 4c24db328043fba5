#!/usr/bin/env bash
# Memory and time of `tmkit terms` on about a million pairs: the three Debian corpora (make-corpus.sh with the
# default, held-out and fresh package lists, see RESULTS.md) joined and deduplicated (104,894 pairs), then
# repeated ten times (1,048,940 pairs). Repeats add no new words or phrases, so the vocabulary and candidate
# tables stay those of 105k pairs: what this measures is the part of the memory that grows with the pairs.
# Figures: RESULTS.md, "Sharding and memory" (sharded against unsharded runs: shard.sh).
# Usage: Benchmarks/terms/memory.sh DEFAULT_DIR HELDOUT_DIR FRESH_DIR
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
(cd "$root" && swift build -c release --product tmkit >/dev/null)
cat "$1/en-es.tsv" "$2/en-es.tsv" "$3/en-es.tsv" | awk '!seen[$0]++' > /tmp/tmkit-all.tsv
for i in $(seq 10); do cat /tmp/tmkit-all.tsv; done > /tmp/tmkit-1m.tsv
for corpus in /tmp/tmkit-all.tsv /tmp/tmkit-1m.tsv; do
    echo "$corpus: $(wc -l < "$corpus") pairs"
    TMTERMS_DEBUG=timing /usr/bin/time -f "wall %e s, user %U s, max RSS %M KB" \
        "$root/.build/release/tmkit" terms "$corpus" --source-lang en --target-lang es --format json \
        --output /tmp/tmkit-memory.json
done
