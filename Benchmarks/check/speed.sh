#!/usr/bin/env bash
# Speed and memory of `tmkit check` on a large TM: the planted de/es/fr TMs repeated to about N units (each copy
# with its own ids; the repeats share sources and targets, so the consistency index stays the size of the
# distinct segments, as in a real TM with repetitions). Reports wall time, units per second and peak memory.
# Usage: Benchmarks/check/speed.sh [N] [WORKDIR] [TMKIT]   (defaults 1000000, /tmp/tmkit-check-bench,
#        .build/release/tmkit; run quality.sh first for the planted files)
#        FORMATS="json text" (default) chooses the reports; TMX=1 also times the same units as a TMX file.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
n="${1:-1000000}"
work="${2:-/tmp/tmkit-check-bench}"
tmkit="${3:-$here/../../.build/release/tmkit}"
cd "$work"
python3 - "$n" <<'PY'
import sys
n = int(sys.argv[1])
rows = []
for lang in ['de', 'es', 'fr']:
    lines = open(f'planted-{lang}.tsv', encoding='utf-8').read().split('\n')[1:]
    rows += [l.split('\t', 1)[1] for l in lines if l]
with open('speed.tsv', 'w', encoding='utf-8') as out:
    out.write('id\ten\tde\n')
    k = 0
    while k < n:
        for row in rows:
            if k >= n:
                break
            out.write(f'{k}\t{row}\n')
            k += 1
print(f'speed.tsv: {n} units', file=sys.stderr)
PY
inputs="speed.tsv"
if [ -n "${TMX:-}" ]; then
  # The same units as a TMX file (tuid = id), to time the streaming TMX reader.
  python3 - <<'PY'
from xml.sax.saxutils import escape
with open('speed.tsv', encoding='utf-8') as f, open('speed.tmx', 'w', encoding='utf-8') as out:
    next(f)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="speed.sh" '
              'creationtoolversion="1" segtype="sentence" o-tmf="tsv" adminlang="en" srclang="en" '
              'datatype="plaintext"/><body>\n')
    for line in f:
        k, s, t = line.rstrip('\n').split('\t')[:3]
        out.write(f'<tu tuid="{k}"><tuv xml:lang="en"><seg>{escape(s)}</seg></tuv>'
                  f'<tuv xml:lang="de"><seg>{escape(t)}</seg></tuv></tu>\n')
    out.write('</body></tmx>\n')
PY
  inputs="speed.tsv speed.tmx"
fi
for input in $inputs; do
for format in ${FORMATS:-json text}; do
  [ "$input" = speed.tmx ] && [ "$format" != json ] && continue
  /usr/bin/time -f "%e %U %S %M" -o time.txt "$tmkit" check "$input" --format "$format" \
      --fail-on never > "speed-report.$format"
  read -r wall user sys rss < time.txt
  echo "$input --format $format: ${wall} s wall, ${user} s user, ${sys} s sys, ${rss} KB peak RSS;" \
       "$(python3 -c "print(round($n / $wall))") units/s wall," \
       "$(python3 -c "print(round($n / ($user + $sys)))") units per CPU-second;" \
       "report $(du -h "speed-report.$format" | cut -f1); load average $(cut -d' ' -f1-3 /proc/loadavg)"
done
done
