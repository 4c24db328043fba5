#!/usr/bin/env bash
# Time and memory of `tmkit terms` on one pair file, unsharded and as N shards plus `tmkit terms merge`, and a
# check that both give the same glossary (byte for byte).
# Usage: Benchmarks/terms/shard.sh PAIRS.tsv [N]   (default N=2; the shards run one after the other here, so
#        the sum of their times is what N machines would share)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
pairs="$1"
shards="${2:-2}"
# TMKIT=path uses that binary instead of building the release one.
if [ -z "${TMKIT:-}" ]; then (cd "$root" && swift build -c release --product tmkit >/dev/null); fi
tmkit="${TMKIT:-$root/.build/release/tmkit}"
work="$(mktemp -d)"
timed() { /usr/bin/time -f "$1: wall %e s, user %U s, sys %S s, max RSS %M KB" "${@:2}"; }
echo "$pairs: $(wc -l < "$pairs") lines; load average $(cut -d' ' -f1-3 /proc/loadavg)"
timed "unsharded" "$tmkit" terms "$pairs" --source-lang en --target-lang es --format tsv --output "$work/whole.tsv"
files=()
for i in $(seq "$shards"); do
    timed "shard $i/$shards" "$tmkit" terms "$pairs" --source-lang en --target-lang es \
        --shard "$i/$shards" --stats-out "$work/part$i.tmstats"
    files+=("$work/part$i.tmstats")
done
ls -l "${files[@]}" | awk '{print $5, $9}'
timed "merge" "$tmkit" terms merge "${files[@]}" --format tsv --output "$work/merged.tsv"
if cmp -s "$work/whole.tsv" "$work/merged.tsv"; then
    echo "same glossary: $(wc -l < "$work/whole.tsv") lines"
else
    echo "DIFFERENT glossaries: $work/whole.tsv $work/merged.tsv"; exit 1
fi
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$work"
