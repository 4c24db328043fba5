#!/usr/bin/env python3
"""translate-toolkit's side of the benchmark: load a TMX file with its TMX store and write it back.

    translate-toolkit-roundtrip.py IN.tmx OUT.tmx
"""
import sys

from translate.storage import tmx

with open(sys.argv[1], "rb") as source:
    store = tmx.tmxfile(source)
print(f"translate-toolkit: {len(store.units)} units", file=sys.stderr)
with open(sys.argv[2], "wb") as out:
    store.serialize(out)
