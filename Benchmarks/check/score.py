#!/usr/bin/env python3
"""Scores `tmkit check --format json` against the planting log.

Usage: score.py PLANTS.jsonl BASE.json PLANTED.json
- recall: planted errors for which the planted run has a finding of an expected rule on the planted unit;
- precision: findings new in the planted run (not in the base run, compared by rule and units) that report a
  plant with an expected rule, over all new findings; a new finding on a unit without a plant, or with a rule
  the plant does not expect, is a false alarm;
- variants: new findings on number/tag/URL format variants (must be 0).
Prints one JSON object."""
import json
import sys

plants = [json.loads(line) for line in open(sys.argv[1], encoding='utf-8')]
base = json.load(open(sys.argv[2], encoding='utf-8'))['findings']
planted = json.load(open(sys.argv[3], encoding='utf-8'))['findings']

by_unit = {}
for p in plants:
    for u in p['units']:
        by_unit[u] = p
# A unit added for a consistency plant is a copy of an original (with one word changed): findings the base run
# already had on the original are not new when the copy repeats them.
original = {p['units'][1]: p['units'][0] for p in plants if len(p['units']) == 2}
base_keys = {(f['rule'], tuple(f['units'])) for f in base}
new = [f for f in planted
       if (f['rule'], tuple(f['units'])) not in base_keys
       and (f['rule'], tuple(original.get(u, u) for u in f['units'])) not in base_keys]

tp = fp = 0
variant_alarms = []
false_alarms = []
for f in new:
    hits = [by_unit[u] for u in f['units'] if u in by_unit]
    if any(f['rule'] in p['expect'] for p in hits):
        tp += 1
    else:
        fp += 1
        if any(not p['error'] for p in hits):
            variant_alarms.append(f)
        false_alarms.append({'rule': f['rule'], 'units': f['units'], 'message': f['message'],
                             'plant': [p['kind'] for p in hits]})

found = {}
for f in planted:
    for u in f['units']:
        found.setdefault(u, set()).add(f['rule'])
per_kind = {}
missed = []
for p in plants:
    if not p['error']:
        continue
    unit = p['units'][-1]  # the added unit for consistency plants, else the modified one
    ok = bool(found.get(unit, set()) & set(p['expect']))
    k = per_kind.setdefault(p['kind'], [0, 0])
    k[1] += 1
    k[0] += ok
    if not ok:
        missed.append({'kind': p['kind'], 'units': p['units'], 'detail': p['detail']})
errors = sum(v[1] for v in per_kind.values())
recalled = sum(v[0] for v in per_kind.values())
print(json.dumps({
    'planted_errors': errors, 'recalled': recalled, 'recall': round(recalled / errors, 4) if errors else None,
    'new_findings': len(new), 'true': tp, 'false': fp, 'precision': round(tp / len(new), 4) if new else None,
    'variants': sum(1 for p in plants if not p['error']), 'variant_false_alarms': len(variant_alarms),
    'per_kind': {k: f'{v[0]}/{v[1]}' for k, v in per_kind.items()},
    'missed': missed[:40], 'false_alarms': false_alarms[:40],
}, ensure_ascii=False, indent=1))
