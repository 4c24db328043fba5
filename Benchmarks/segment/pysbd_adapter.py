#!/usr/bin/env python3
"""pySBD behind the shared scorer's jsonl contract (stdin {"id","lang","text","doc_type"} → {"id","sentences"}).

Languages pySBD lacks (az, tr) fall back to its English rules. `--clean` turns on pySBD's text cleaner.
"""
import json
import sys

import pysbd
from pysbd.languages import LANGUAGE_CODES

clean = '--clean' in sys.argv
cache = {}
for line in sys.stdin:
    case = json.loads(line)
    lang = case.get('lang') or 'en'
    lang = lang if lang in LANGUAGE_CODES else 'en'
    doc_type = case.get('doc_type') if clean else None
    key = (lang, doc_type)
    if key not in cache:
        cache[key] = pysbd.Segmenter(language=lang, clean=clean, doc_type=doc_type)
    try:
        sentences = cache[key].segment(case['text'])
    except Exception as error:  # pySBD raises on some inputs; count them as failures
        sentences = ['<pysbd error: %s>' % error]
    print(json.dumps({'id': case['id'], 'sentences': [s for s in sentences]}, ensure_ascii=False), flush=False)
