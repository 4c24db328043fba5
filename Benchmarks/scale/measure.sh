#!/usr/bin/env bash
# Measures `tmkit build` on generated corpora: wall time, CPU time (user+sys), peak RSS, load average, and the
# per-stage CPU seconds of --timings. Prints one Markdown table row per run (the table of RESULTS.md).
#
#   swift build -c release --product tmkit
#   Benchmarks/scale/measure.sh 10000 100000 1000000          # sizes in sentence pairs
#   JOBS="1 2" TERM_SAMPLE=20000 WORK=/tmp/tmkit-scale Benchmarks/scale/measure.sh 10000
#
# Corpora are generated once into $WORK/corpus-N by Benchmarks/corpus/generate.py (Text+Berg de/fr when
# /work/shared/bench/align/textberg exists, else the Debian message catalogs; never committed) and kept for
# later runs. Outputs go to $WORK/out-N-jJ (removed before each run). Needs GNU time (/usr/bin/time).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${TMKIT_BIN:-$root/.build/release/tmkit}
work=${WORK:-/tmp/tmkit-scale}
jobs_list=${JOBS:-"1 2"}
term_sample=${TERM_SAMPLE:-}
[ -x "$bin" ] || { echo "measure.sh: no $bin: run swift build -c release --product tmkit" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "measure.sh: needs GNU time: apt-get install time" >&2; exit 2; }
mkdir -p "$work"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)

echo "| pairs | jobs | wall | CPU user+sys | peak RSS | load before → after | stages (CPU s) |"
echo "| ---: | ---: | ---: | ---: | ---: | --- | --- |"
for pairs in "${sizes[@]}"; do
    corpus=$work/corpus-$pairs
    if [ ! -d "$corpus" ]; then
        python3 "$root/Benchmarks/corpus/generate.py" --pairs "$pairs" --out "$corpus" >&2
    fi
    for jobs in $jobs_list; do
        out=$work/out-$pairs-j$jobs
        rm -rf "$out"
        extra=()
        [ -n "$term_sample" ] && extra=(--term-sample "$term_sample")
        before=$(cut -d' ' -f1 /proc/loadavg)
        /usr/bin/time -v -o "$out.time" "$bin" build "$corpus" --name "corpus-$pairs" --tmx-dir "$out" \
            --glossary-dir "$out" --jobs "$jobs" --timings --quiet "${extra[@]}" 2> "$out.err"
        after=$(cut -d' ' -f1 /proc/loadavg)
        wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$out.time")
        user=$(sed -n 's/.*User time (seconds): //p' "$out.time")
        sys=$(sed -n 's/.*System time (seconds): //p' "$out.time")
        rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out.time")
        stages=$(sed -n 's/^timings: //p' "$out.err")
        printf '| %s | %s | %s | %.1f s | %d MB | %s → %s | %s |\n' "$pairs" "$jobs" "$wall" \
            "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$((rss / 1024))" "$before" "$after" "$stages"
    done
done
