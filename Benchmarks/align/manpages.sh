#!/usr/bin/env bash
# A second real language pair: the German and French translations of the Debian manual pages installed on this
# machine (/usr/share/man/{de,fr}/man1; po4a translations of dpkg, apt, procps, shadow ...). Pages whose two
# renderings have the same number of non-empty lines (> 40) are aligned line by line (--presegmented); the
# reference is the identity (line i = line i), which is only approximately true: the last line is usually the
# translators' credits (not translations of each other) and groff occasionally breaks a line differently.
# Also scores gale_church.py on the same pages.   Benchmarks/align/manpages.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH=${BENCH:-/work/shared/bench/align}
BIN=${BIN:-$ROOT/.build/release/tmkit}
WORK=$(mktemp -d)
for page in $(comm -12 <(ls /usr/share/man/de/man1) <(ls /usr/share/man/fr/man1)); do
  name=${page%.gz}
  for lang in de fr; do
    zcat "/usr/share/man/$lang/man1/$page" | groff -k -man -Tutf8 -rLL=5000n 2>/dev/null | col -bx \
      | sed 's/^ *//; s/ *$//' | grep -v '^$' | sed '1d;$d' > "$WORK/$name.$lang" || true
  done
  n=$(wc -l < "$WORK/$name.de")
  if [ "$n" -gt 40 ] && [ "$n" -eq "$(wc -l < "$WORK/$name.fr")" ]; then
    python3 -c "import sys; [print(f'[{i}]:[{i}]') for i in range(int(sys.argv[1]))]" "$n" > "$WORK/$name.gold"
    "$BIN" align "$WORK/$name.de" "$WORK/$name.fr" --source-lang de --target-lang fr --presegmented \
      --format beads --output "$WORK/$name.beads" 2>/dev/null
    python3 "$BENCH/gale_church.py" "$WORK/$name.de" "$WORK/$name.fr" > "$WORK/$name.gc"
  fi
done
cd "$WORK"
echo "tmkit align:"; python3 "$BENCH/score.py" -g *.gold -p $(ls *.gold | sed 's/gold$/beads/')
echo "gale_church.py:"; python3 "$BENCH/score.py" -g *.gold -p $(ls *.gold | sed 's/gold$/gc/')
