#!/usr/bin/env bash
# Streaming benchmark: `tmkit convert big.tmx --to tmx` on a generated TMX file, peak memory and throughput, side by
# side with translate-toolkit's TMX store loading and writing the same file.
#
#   Benchmarks/formats/bench-convert.sh [SIZE_MB] [WORK_DIR]      (defaults: 1024, /tmp/tmkit-bench-formats)
#   SKIP_TTK=1 ...        skip translate-toolkit (it holds the whole tree in memory: several GB for 1 GB)
#   TTK_PYTHON=/path/python   a python with translate-toolkit (default: a venv made in WORK_DIR)
#
# Prints one line per run: wall seconds, user+sys CPU seconds, MB/s by wall and by CPU time, peak RSS (MB).
# The generated file stays in WORK_DIR (never commit it).
set -euo pipefail
size="${1:-1024}"
work="${2:-/tmp/tmkit-bench-formats}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mkdir -p "$work"

(cd "$root" && swift build -c release --product tmkit >&2)
tmkit="$root/.build/release/tmkit"

big="$work/big-$size.tmx"
if [ ! -s "$big" ]; then
    echo "generating $big ($size MB)" >&2
    python3 "$here/generate-tmx.py" "$size" "$big"
fi
bytes=$(stat -c %s "$big")
small="$work/small.tmx"
[ -s "$small" ] || python3 "$here/generate-tmx.py" 1 "$small"

# measure NAME COMMAND...: runs under GNU time and prints the figures.
measure() {
    local name="$1"; shift
    local log="$work/$name.time"
    /usr/bin/time -v "$@" 2>"$log" >/dev/null || { echo "$name: FAILED"; tail -5 "$log"; return 0; }
    python3 - "$name" "$bytes" "$log" <<'PY'
import re, sys
name, size, log = sys.argv[1], int(sys.argv[2]), open(sys.argv[3]).read()
def field(label):
    return re.search(re.escape(label) + r":\s*(.+)", log).group(1).strip()
wall = 0.0
for part in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":"):
    wall = wall * 60 + float(part)
cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
rss = int(field("Maximum resident set size (kbytes)")) / 1024
mb = size / 1e6
print(f"{name:28s} {mb:8.0f} MB  wall {wall:7.1f} s  cpu {cpu:7.1f} s  "
      f"{mb / wall:6.1f} MB/s wall  {mb / cpu:6.1f} MB/s cpu  peak RSS {rss:7.1f} MB")
PY
}

echo "input: $big ($bytes bytes); load: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
measure "tmkit convert --to tmx" "$tmkit" convert "$big" --to tmx --output "$work/out-tmkit.tmx"
measure "tmkit merge (2 inputs)" "$tmkit" convert "$big" "$small" --to tmx --output "$work/out-merge.tmx"
measure "xmllint --stream (parse)" xmllint --stream --noout "$big"

if [ -z "${SKIP_TTK:-}" ]; then
    python="${TTK_PYTHON:-}"
    if [ -z "$python" ]; then
        [ -x "$work/venv/bin/python" ] || { python3 -m venv "$work/venv" && "$work/venv/bin/pip" -q install translate-toolkit lxml; }
        python="$work/venv/bin/python"
    fi
    measure "translate-toolkit tmxfile" "$python" "$here/translate-toolkit-roundtrip.py" "$big" "$work/out-ttk.tmx"
fi
rm -f "$work/out-tmkit.tmx" "$work/out-merge.tmx" "$work/out-ttk.tmx"
