#!/usr/bin/env bash
# Times `tmkit terms` with 1 and with 2 threads (and a reference binary), alternately, and checks that every run
# writes the same glossary. Prints one Markdown table row per run: wall, CPU (user+sys), peak RSS, load average.
#
#   swift build -c release --product tmkit
#   cp .build/release/tmkit /tmp/main-tmkit                 # before the change, as the reference (optional)
#   Benchmarks/terms/threads.sh /tmp/tmkit-terms-corpus/en-es.tsv [more pair files]
#   REF=/tmp/main-tmkit ROUNDS=3 FORMAT=tsv Benchmarks/terms/threads.sh corpus.tsv
#
# The new binary runs with --jobs 1 and --jobs 2 (the learner's threads). The reference binary runs as it is
# (main: the two sides and the two alignment directions on two threads, whatever --jobs) and pinned to one core
# with taskset for its 1-thread figure. NICE=-10 runs the timed commands at a higher priority (root), which
# makes wall times on a machine shared with other jobs closer to those of an idle one.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${TMKIT_BIN:-$root/.build/release/tmkit}
ref=${REF:-}
rounds=${ROUNDS:-2}
format=${FORMAT:-tsv}
nice_level=${NICE:-0}
out=${OUT:-/tmp/tmkit-terms-threads}
[ -x /usr/bin/time ] || { echo "threads.sh: needs GNU time: apt-get install time" >&2; exit 2; }
mkdir -p "$out"

run() {  # label corpus output jobs command... (jobs "-": no --jobs)
    local label=$1 corpus=$2 output=$3 jobs=$4
    shift 4
    local extra=()
    [ "$jobs" != - ] && extra=(--jobs "$jobs")
    local before after
    before=$(cut -d' ' -f1 /proc/loadavg)
    nice -n "$nice_level" /usr/bin/time -f '%e %U %S %M' -o "$out/time" "$@" terms "$corpus" --format "$format" \
        --output "$output" "${extra[@]}" 2> "$out/err" || { cat "$out/err" >&2; exit 1; }
    after=$(cut -d' ' -f1 /proc/loadavg)
    read -r wall user sys rss < "$out/time"
    printf '| %s | %s | %.2f s | %.2f s | %d MB | %s → %s |\n' "$(basename "$corpus")" "$label" "$wall" \
        "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$((rss / 1024))" "$before" "$after"
}

echo "| corpus | binary, threads | wall | CPU user+sys | peak RSS | load before → after |"
echo "| --- | --- | ---: | ---: | ---: | --- |"
for corpus in "$@"; do
    name=$(basename "$corpus" .tsv)
    for round in $(seq "$rounds"); do
        run "new, 1" "$corpus" "$out/$name-new-1.$format" 1 "$bin"
        run "new, 2" "$corpus" "$out/$name-new-2.$format" 2 "$bin"
        if [ -n "$ref" ]; then
            run "reference, 1 core" "$corpus" "$out/$name-ref-1.$format" - taskset -c 0 "$ref"
            run "reference, 2" "$corpus" "$out/$name-ref-2.$format" - "$ref"
        fi
    done
    for file in "$out/$name"-*."$format"; do
        cmp -s "$file" "$out/$name-new-1.$format" || { echo "DIFFERENT: $file" >&2; exit 1; }
    done
    echo "glossaries of $name: identical ($(ls "$out/$name"-*."$format" | wc -l) files)" >&2
done
