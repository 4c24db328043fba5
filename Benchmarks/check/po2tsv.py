#!/usr/bin/env python3
"""Turns PO files (from msgunfmt) into one TSV of units: header `id<TAB>en<TAB>LANG`, ids `catalog:n`.

Plural entries contribute their singular form (msgid, msgstr[0]). Untranslated and fuzzy entries and the PO
header are left out. Tabs, newlines and backslashes are escaped as \\t, \\n, \\\\ (what tmkit's TSV reader
decodes)."""
import re
import sys

def unquote(s):
    s = s.strip()
    assert s.startswith('"') and s.endswith('"'), s
    s = s[1:-1]
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == '\\' and i + 1 < len(s):
            n = s[i + 1]
            out.append({'n': '\n', 't': '\t', '"': '"', '\\': '\\', 'r': '\r', 'a': '\a', 'b': '\b',
                        'f': '\f', 'v': '\v'}.get(n, '\\' + n))
            i += 2
        else:
            out.append(c)
            i += 1
    return ''.join(out)

def entries(path):
    entry, key = {}, None
    fuzzy = False
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line.strip():
            if entry:
                yield entry, fuzzy
            entry, key, fuzzy = {}, None, False
            continue
        if line.startswith('#,') and 'fuzzy' in line:
            fuzzy = True
        if line.startswith('#'):
            continue
        m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr\[\d+\]|msgstr)\s+(".*")$', line)
        if m:
            key = m.group(1)
            entry[key] = unquote(m.group(2))
        elif line.startswith('"') and key:
            entry[key] += unquote(line)
    if entry:
        yield entry, fuzzy

def escape(s):
    return s.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r')

def main():
    lang, paths = sys.argv[1], sys.argv[2:]
    print(f'id\ten\t{lang}')
    for path in paths:
        catalog = path.rsplit('/', 1)[-1].split('.')[0]
        n = 0
        for e, fuzzy in entries(path):
            source = e.get('msgid', '')
            target = e.get('msgstr', e.get('msgstr[0]', ''))
            if not source or not target or fuzzy:
                continue
            n += 1
            print(f'{catalog}:{n}\t{escape(source)}\t{escape(target)}')

main()
