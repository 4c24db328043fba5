#!/bin/sh
# Scores tmkit and pySBD side by side on the segmentation test sets.
# Needs: a release build (swift build -c release --product tmkit) and a venv with pysbd
# (python3 -m venv /work/venv-seg && /work/venv-seg/bin/pip install pysbd sentencex).
# Usage: Benchmarks/segment/compare_pysbd.sh [PYTHON]
set -e
cd "$(dirname "$0")/../.."
PY=${1:-/work/venv-seg/bin/python}
SCORE=/work/shared/bench/segment/score.py
TMKIT=.build/release/tmkit
for data in /work/shared/bench/segment/golden_en.jsonl /work/shared/bench/segment/en_extra.jsonl \
            Tests/Fixtures/segment/az.jsonl Tests/Fixtures/segment/multilingual.jsonl \
            Tests/Fixtures/segment/pysbd_lang.jsonl Tests/Fixtures/segment/lang_extra.jsonl; do
    echo "== $data"
    printf 'tmkit:        '; python3 $SCORE --data "$data" --cmd "$TMKIT segment --jsonl" -q | tail -1
    printf 'tmkit --clean:'; python3 $SCORE --data "$data" --cmd "$TMKIT segment --jsonl --clean" -q | tail -1
    printf 'pySBD:        '; python3 $SCORE --data "$data" --cmd "$PY Benchmarks/segment/pysbd_adapter.py" -q | tail -1
    printf 'pySBD+clean:  '; python3 $SCORE --data "$data" --cmd "$PY Benchmarks/segment/pysbd_adapter.py --clean" -q | tail -1
done
for data in Tests/Fixtures/segment/multilingual.jsonl Tests/Fixtures/segment/pysbd_lang.jsonl \
            Tests/Fixtures/segment/lang_extra.jsonl; do
    echo "== per language: $data (tmkit | pySBD)"
    python3 $SCORE --data "$data" --cmd "$TMKIT segment --jsonl" -q | sed -n '/^lang/,/^segmenter/p' | grep -v segmenter > /tmp/tmkit_seg_lang.txt
    python3 $SCORE --data "$data" --cmd "$PY Benchmarks/segment/pysbd_adapter.py" -q | sed -n '/^lang/,/^segmenter/p' | grep -v segmenter > /tmp/pysbd_seg_lang.txt
    paste /tmp/tmkit_seg_lang.txt /tmp/pysbd_seg_lang.txt
done
