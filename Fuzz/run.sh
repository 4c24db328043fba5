#!/usr/bin/env bash
# Builds the libFuzzer binary and fuzzes each reader in turn, seeded with the test fixtures.
#
#   Fuzz/run.sh [TARGET...]        (default: tmx tbx xliff po tsv csv text srx)
#   RUNS=10000000 SECONDS_EACH=600 MAX_LEN=8192 Fuzz/run.sh tmx
#
# Work files (corpora, crash inputs, logs) go to Fuzz/.work/ (not committed). A crash input is left as
# Fuzz/.work/artifacts/TARGET/crash-*; copy it to Tests/Fixtures/formats/fuzz-regressions/TARGET/ once fixed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
runs="${RUNS:-10000000}"
seconds="${SECONDS_EACH:-600}"
max_len="${MAX_LEN:-8192}"
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(tmx tbx xliff po tsv csv text srx)

cd "$here"
swift build -c release -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library --product TMFuzz >&2
binary="$(swift build -c release -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library --show-bin-path)/TMFuzz"

fixtures="$root/Tests/Fixtures/formats"
seeds_for() {
    case "$1" in
        tmx) ls "$fixtures"/*.tmx "$fixtures"/*.tmx.gold ;;
        tbx) ls "$fixtures"/*.tbx.gold ;;
        xliff) ls "$fixtures"/*.xlf ;;
        po) ls "$fixtures"/*.po ;;
        tsv) ls "$fixtures"/*.tsv "$fixtures"/*.txt.gold ;;
        csv) ls "$fixtures"/*.csv.gold ;;
        text) ls "$here"/seeds/text/* ;;
        srx) ls "$here"/seeds/srx/* ;;
    esac
    if [ -d "$fixtures/fuzz-regressions/$1" ]; then ls "$fixtures/fuzz-regressions/$1"/* 2>/dev/null || true; fi
}

for target in "${targets[@]}"; do
    work="$here/.work"
    mkdir -p "$work/corpus/$target" "$work/seeds/$target" "$work/artifacts/$target"
    seeds_for "$target" | while read -r seed; do cp "$seed" "$work/seeds/$target/"; done
    dict=()
    case "$target" in tmx|tbx|xliff|srx) dict=(-dict="$here/xml.dict") ;; esac
    echo "== $target: up to $runs runs or $seconds s" >&2
    TMFUZZ_TARGET="$target" "$binary" "${dict[@]}" -runs="$runs" -max_total_time="$seconds" -max_len="$max_len" \
        -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/artifacts/$target/" \
        "$work/corpus/$target" "$work/seeds/$target" >"$work/$target.log" 2>&1 || echo "== $target: FAILED (see $work/$target.log)" >&2
    done_runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/$target.log" | grep -o '[0-9]*$' || echo '?')"
    echo "== $target: $done_runs executions" >&2
done
