#!/usr/bin/env python3
"""Plants QA errors of every kind `tmkit check` looks for (and number/tag/URL format variants that are NOT
errors) into a TSV of real translations, and logs each plant.

Usage: plant.py LANG BASE.tsv OUTDIR [--per-kind N] [--seed S]
Writes OUTDIR/planted-LANG.tsv, OUTDIR/plants-LANG.jsonl (one line per plant: unit id, kind, the rules that
may report it, whether it is an error), OUTDIR/glossary-LANG.tsv.

Plants go only into units whose source and whose target each occur once in the file, at most one plant per
unit, so that a plant cannot change another unit's findings. The choice of units and mutations depends only on
the seed and the text, never on tmkit's output."""
import json
import random
import re
import sys

NBSP, NNBSP = '\u00a0', '\u202f'

# Glossary: English term -> (target term, a neutral replacement for term-missing, a deprecated synonym).
GLOSSARY = {
    'de': [('file', 'Datei', 'Akte', 'Dokument'), ('directory', 'Verzeichnis', 'Katalog', 'Ordner'),
           ('error', 'Fehler', 'Problem', 'Irrtum'), ('option', 'Option', 'Wahl', 'Auswahlmöglichkeit'),
           ('package', 'Paket', 'Bündel', 'Packet')],
    'es': [('file', 'archivo', 'documento', 'fichero'), ('directory', 'directorio', 'catálogo', 'carpeta'),
           ('error', 'error', 'problema', 'fallo'), ('option', 'opción', 'alternativa', 'elección'),
           ('package', 'paquete', 'bulto', 'lote')],
    'fr': [('file', 'fichier', 'document', 'dossier'), ('directory', 'répertoire', 'catalogue', 'classeur'),
           ('error', 'erreur', 'problème', 'faute'), ('option', 'option', 'choix', 'préférence'),
           ('package', 'paquet', 'colis', 'package')],
}
SEE = {'de': 'Siehe', 'es': 'Véase', 'fr': 'Voir'}
WRITE = {'de': 'Schreiben Sie an', 'es': 'Escriba a', 'fr': 'Écrivez à'}

KINDS = [
    # kind, the rules that may report it, is it an error
    ('number_variant', [], False),
    ('number_changed', ['number-mismatch'], True),
    ('number_changed_formatted', ['number-mismatch'], True),
    ('placeholder_missing', ['placeholder-mismatch'], True),
    ('placeholder_changed', ['placeholder-mismatch'], True),
    ('tag_missing', ['tag-mismatch', 'unbalanced-brackets'], True),
    ('tag_changed', ['tag-mismatch'], True),
    ('tag_variant', [], False),
    ('url_changed', ['url-mismatch'], True),
    ('email_changed', ['url-mismatch'], True),
    ('url_variant', [], False),
    ('untranslated', ['untranslated'], True),
    ('empty_target', ['empty-target'], True),
    ('trailing_space', ['edge-whitespace'], True),
    ('leading_space', ['edge-whitespace'], True),
    ('double_space', ['double-space'], True),
    ('repeated_word', ['repeated-word'], True),
    ('end_punctuation', ['end-punctuation'], True),
    ('unbalanced_bracket', ['unbalanced-brackets'], True),
    ('length_long', ['length-ratio'], True),
    ('length_short', ['length-ratio'], True),
    ('initial_case', ['initial-case'], True),
    ('inconsistent_target', ['inconsistent-target'], True),
    ('inconsistent_source', ['inconsistent-source'], True),
    ('term_missing', ['term-missing'], True),
    ('term_forbidden', ['term-forbidden', 'term-missing'], True),
]

PRINTF = re.compile(r'%(?:\d+\$)?[-+#0]*\d*(?:\.\d+)?(?:hh|h|ll|l|j|z|t|L)?[diouxXeEfgGcs]')
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
INT = re.compile(r'(?<![\w%$.,:/-])\d{1,4}(?![\w.,:/%])')


def unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == '\\' and i + 1 < len(s) and s[i + 1] in 'tnr\\':
            out.append({'t': '\t', 'n': '\n', 'r': '\r', '\\': '\\'}[s[i + 1]])
            i += 2
        else:
            out.append(s[i])
            i += 1
    return ''.join(out)


def escape(s):
    return s.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r')


def split_edges(t):
    core = t.strip()
    if not core:
        return '', '', ''
    start = t.index(core)
    return t[:start], core, t[start + len(core):]


def fmt_int(value, lang, grouped, rng):
    digits = str(value)
    if not grouped or len(digits) <= 3:
        return digits
    groups = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    sep = {'en': ',', 'de': '.', 'es': '.', 'fr': rng.choice([NBSP, NNBSP])}[lang]
    return sep.join(groups)


def fmt_number(value, decimals, lang, grouped, rng):
    """value: int part, decimals: digit string or ''."""
    text = fmt_int(value, lang, grouped, rng)
    if decimals:
        text += ('.' if lang == 'en' else ',') + decimals
    return text


def change_digit(text, rng):
    positions = [k for k, c in enumerate(text) if c.isdigit()]
    k = rng.choice(positions[1:] if len(positions) > 1 else positions)
    d = int(text[k])
    return text[:k] + str((d + rng.randint(1, 8)) % 10) + text[k + 1:]


def norm(text):
    return ' '.join(WORD.findall(text.lower()) + re.findall(r'\d+', text))


def main():
    lang, base_path, outdir = sys.argv[1], sys.argv[2], sys.argv[3]
    per_kind = 40
    seed = 7
    args = sys.argv[4:]
    if '--per-kind' in args:
        per_kind = int(args[args.index('--per-kind') + 1])
    if '--seed' in args:
        seed = int(args[args.index('--seed') + 1])
    rng = random.Random(seed)

    lines = open(base_path, encoding='utf-8').read().split('\n')
    header = lines[0]
    units = []
    for line in lines[1:]:
        if not line:
            continue
        uid, s, t = line.split('\t')[:3]
        units.append([uid, unescape(s), unescape(t)])
    # Units whose source and target occur once, ignoring case, spacing and punctuation: a plant then cannot
    # make or break a consistency group by accident.
    source_count, target_count = {}, {}
    for _, s, t in units:
        source_count[norm(s)] = source_count.get(norm(s), 0) + 1
        target_count[norm(t)] = target_count.get(norm(t), 0) + 1
    eligible = [k for k, (_, s, t) in enumerate(units)
                if source_count[norm(s)] == 1 and target_count[norm(t)] == 1]
    glossary_source = re.compile(r'\b(' + '|'.join(e[0][:-1] + '(?:y|ies)' if e[0].endswith('y') else e[0] + 's?'
                                              for e in GLOSSARY[lang]) + r')\b', re.I)
    rng.shuffle(eligible)
    used = set()
    plants = []
    added = []
    glossary_target = re.compile('|'.join(re.escape(e[k]) for e in GLOSSARY[lang] for k in (1, 2, 3)), re.I)
    vocab_t = sorted({w for _, _, t in units for w in WORD.findall(t)
                      if len(w) >= 5 and w.islower() and not glossary_target.search(w)})
    vocab_s = sorted({w for _, s, _ in units for w in WORD.findall(s) if len(w) >= 5 and w.islower()}
                     - {e[0] for e in GLOSSARY[lang]} - {e[0] + 's' for e in GLOSSARY[lang]})

    def no_codes(text):
        return not re.search(r'[%{}<>$@\d]|https?:|www\.', text)

    def shared_int(s, t):
        si = [m.group() for m in INT.finditer(s)]
        ti = [m.group() for m in INT.finditer(t)]
        common = [x for x in si if x in ti and si.count(x) == 1 and ti.count(x) == 1]
        return common[0] if common else None

    def plant(kind, k):
        uid, s, t = units[k]
        lead_s, core_s, trail_s = split_edges(s)
        lead, core, trail = split_edges(t)
        if not core or not core_s:
            return None
        if kind == 'number_changed':
            x = shared_int(s, t)
            if not x:
                return None
            m = [m for m in INT.finditer(t) if m.group() == x][0]
            return s, t[:m.start()] + change_digit(x, rng) + t[m.end():], {'number': x}
        if kind in ('number_changed_formatted', 'number_variant'):
            x = shared_int(s, t)
            if not x:
                return None
            value = rng.randint(1000, 9999999)
            decimals = rng.choice(['', '', str(rng.randint(1, 9)), '%02d' % rng.randint(11, 99)])
            src = fmt_number(value, decimals, 'en', rng.random() < 0.7, rng)
            tgt = fmt_number(value, decimals, lang, rng.random() < 0.7, rng)
            if kind == 'number_changed_formatted':
                tgt = change_digit(tgt, rng)
            ms = [m for m in INT.finditer(s) if m.group() == x][0]
            mt = [m for m in INT.finditer(t) if m.group() == x][0]
            return s[:ms.start()] + src + s[ms.end():], t[:mt.start()] + tgt + t[mt.end():], {'source': src, 'target': tgt}
        if kind in ('placeholder_missing', 'placeholder_changed'):
            ps = PRINTF.findall(s)
            pt = list(PRINTF.finditer(t))
            if not pt or sorted(ps) != sorted(m.group() for m in pt):
                return None
            if kind == 'placeholder_missing':
                # Not the last token (removing it would change the end punctuation), with its space.
                pt = [m for m in pt if re.search(r'[^\W\d_]', t[m.end():])]
                if not pt:
                    return None
                m = rng.choice(pt)
                a, b = m.start(), m.end()
                if not re.search(r'[^\W\d_]', t[:a]):
                    return None
                if a > 0 and t[a - 1] == ' ':
                    a -= 1
                elif b < len(t) and t[b] == ' ':
                    b += 1
                new = t[:a] + t[b:]
                before, after = WORD.findall(t[:a])[-1:], WORD.findall(t[b:])[:1]
                if before and before == after:
                    return None  # `de %s de` would become a repeated word
                return s, new, {'placeholder': m.group()}
            m = rng.choice(pt)
            ph = m.group()
            repl = ph[:-1] + ('d' if ph[-1] != 'd' else 's')
            return s, t[:m.start()] + repl + t[m.end():], {'placeholder': ph, 'now': repl}
        if kind in ('tag_missing', 'tag_changed', 'tag_variant'):
            if '<' in s or '<' in t or '>' in s or '>' in t:
                return None
            ws = [m for m in WORD.finditer(s) if len(m.group()) >= 4]
            wt = [m for m in WORD.finditer(t) if len(m.group()) >= 4]
            if not ws or not wt:
                return None
            a, b = rng.choice(ws), rng.choice(wt)
            tag = rng.choice(['b', 'i', 'code', 'strong'])
            s2 = s[:a.start()] + f'<{tag}>' + a.group() + f'</{tag}>' + s[a.end():]
            if kind == 'tag_variant':
                inner = f'<{tag}>' + b.group() + f'</{tag}>'
            elif kind == 'tag_missing':
                inner = f'<{tag}>' + b.group()
            else:
                other = {'b': 'i', 'i': 'b', 'code': 'kbd', 'strong': 'em'}[tag]
                inner = f'<{other}>' + b.group() + f'</{other}>'
            return s2, t[:b.start()] + inner + t[b.end():], {'tag': tag}
        if kind in ('url_changed', 'email_changed', 'url_variant'):
            if 'http' in s or '@' in s or 'http' in t or '@' in t:
                return None
            page = rng.choice(['install', 'faq', 'manual', 'bugs'])
            if kind == 'email_changed':
                a, b = f'{page}@example.org', f'{page}s@example.org'
                return (lead_s + core_s + f' Write to {a}.' + trail_s,
                        lead + core + f' {WRITE[lang]} {b}.' + trail, {'email': a, 'now': b})
            a = f'https://www.example.org/docs/{page}.html'
            b = a if kind == 'url_variant' else f'https://www.example.org/docs/{page}.{lang}.html'
            return (lead_s + core_s + f' See {a}.' + trail_s, lead + core + f' {SEE[lang]} {b}.' + trail,
                    {'url': a, 'now': b})
        if kind == 'untranslated':
            words = [w for w in WORD.findall(core_s) if w.islower() and len(w) >= 3]
            if len(words) < 3 or s == t or glossary_source.search(s):
                return None
            return s, s, {}
        if kind == 'empty_target':
            return s, '', {}
        if kind == 'trailing_space':
            if trail or trail_s:
                return None
            return s, t + ' ', {}
        if kind == 'leading_space':
            if lead or lead_s:
                return None
            return s, ' ' + t, {}
        if kind == 'double_space':
            if '  ' in s or '  ' in t:
                return None
            spots = [m.start() for m in re.finditer(r'(?<=\w) (?=\w)', t)]
            if not spots:
                return None
            p = rng.choice(spots)
            return s, t[:p] + ' ' + t[p:], {}
        if kind == 'repeated_word':
            ws = [m for m in re.finditer(r'(?<= )[^\W\d_]{4,}(?=[ ,.;:!?])', t)]
            if len(ws) < 3:
                return None
            m = rng.choice(ws)
            return s, t[:m.end()] + ' ' + m.group() + t[m.end():], {'word': m.group()}
        if kind == 'end_punctuation':
            if not (core_s.endswith('.') and core.endswith('.')) or core.endswith('..') or core_s.endswith('..'):
                return None
            end = rng.choice(['', '', ':', '!'])
            return s, lead + core[:-1] + end + trail, {'now': end}
        if kind == 'unbalanced_bracket':
            if s.count('(') != s.count(')') or t.count('(') != t.count(')'):
                return None
            if ')' in t:
                p = t.index(')')
                return s, t[:p] + t[p + 1:], {'removed': ')'}
            ws = [m for m in WORD.finditer(t) if m.start() > 0 and t[m.start() - 1] == ' ']
            if not ws:
                return None
            m = rng.choice(ws)
            return s, t[:m.start()] + '(' + t[m.start():], {'inserted': '('}
        if kind == 'length_long':
            if not no_codes(t) or re.search(r'[()\[\]"«»“”„]', t) or len(WORD.findall(core)) < 3 or len(core_s) < 15:
                return None
            return s, lead + ' '.join([core] * 4) + trail, {}
        if kind == 'length_short':
            if (not no_codes(t) or re.search(r'[()\[\]"«»“”„\n]', t) or len(core_s) < 60
                    or glossary_source.search(s)):
                return None
            words = core.split(' ')
            if len(words) < 8:
                return None
            end = core[-1] if core[-1] in '.!?:' else ''
            short = ' '.join(words[:max(1, len(words) // 6)]).rstrip('.,;:!? ') + end
            return s, lead + short + trail, {}
        if kind == 'initial_case':
            if not (len(core) > 1 and len(core_s) > 1 and core[0].isupper() and core_s[0].isupper()
                    and core[1].islower() and core_s[1].islower()):
                return None
            return s, lead + core[0].lower() + core[1:] + trail, {}
        if kind == 'inconsistent_target':
            ws = [m for m in WORD.finditer(t) if len(m.group()) >= 4 and m.group().islower()
                  and not glossary_target.search(m.group())][1:]
            if not ws:
                return None
            m = rng.choice(ws)
            other = rng.choice(vocab_t)
            if other.lower() == m.group().lower():
                return None
            added.append([f'planted-{len(added) + 1}', s, t[:m.start()] + other + t[m.end():]])
            return s, t, {'added': added[-1][0], 'word': m.group(), 'now': other}
        if kind == 'inconsistent_source':
            ws = [m for m in WORD.finditer(s) if len(m.group()) >= 4 and m.group().islower()][1:]
            if not ws:
                return None
            m = rng.choice(ws)
            other = rng.choice(vocab_s)
            if other.lower() == m.group().lower():
                return None
            added.append([f'planted-{len(added) + 1}', s[:m.start()] + other + s[m.end():], t])
            return s, t, {'added': added[-1][0], 'word': m.group(), 'now': other}
        if kind in ('term_missing', 'term_forbidden'):
            for en, term, neutral, deprecated in rng.sample(GLOSSARY[lang], len(GLOSSARY[lang])):
                if not re.search(r'\b' + en + r's?\b', s, re.I):
                    continue
                # The term anywhere in a word: German compounds (`Dateiname`) hold it too.
                m = re.search(r'[^\W\d_]*' + re.escape(term) + r'[^\W\d_]*', t, re.I)
                if not m:
                    continue
                repl = neutral if kind == 'term_missing' else deprecated
                if m.group()[0].isupper():
                    repl = repl[0].upper() + repl[1:]
                # A second occurrence of the term would still satisfy the glossary: replace them all.
                new = re.sub(r'[^\W\d_]*' + re.escape(term) + r'[^\W\d_]*', repl, t, flags=re.I)
                return s, new, {'term': en, 'was': m.group(), 'now': repl}
            return None
        raise ValueError(kind)

    # Round robin over the kinds, so that kinds competing for the same units (numbers) share them fairly.
    counts = {kind: 0 for kind, _, _ in KINDS}
    cursor = {kind: 0 for kind, _, _ in KINDS}
    active = True
    while active:
        active = False
        for kind, expect, is_error in KINDS:
            if counts[kind] >= per_kind:
                continue
            while cursor[kind] < len(eligible):
                k = eligible[cursor[kind]]
                cursor[kind] += 1
                if k in used:
                    continue
                result = plant(kind, k)
                if result is None:
                    continue
                s2, t2, detail = result
                # A mutated target must not coincide with another unit's (that would plant an inconsistency too).
                if kind != 'empty_target' and norm(t2) != norm(units[k][2]) and norm(t2) in target_count:
                    continue
                units[k][1], units[k][2] = s2, t2
                target_count[norm(t2)] = 1
                used.add(k)
                counts[kind] += 1
                active = True
                ids = [units[k][0]] + ([detail['added']] if 'added' in detail else [])
                plants.append({'units': ids, 'kind': kind, 'expect': expect, 'error': is_error, 'detail': detail})
                break

    with open(f'{outdir}/planted-{lang}.tsv', 'w', encoding='utf-8') as out:
        out.write(header + '\n')
        for uid, s, t in units + added:
            out.write(f'{uid}\t{escape(s)}\t{escape(t)}\n')
    with open(f'{outdir}/plants-{lang}.jsonl', 'w', encoding='utf-8') as out:
        for p in plants:
            out.write(json.dumps(p, ensure_ascii=False) + '\n')
    with open(f'{outdir}/glossary-{lang}.tsv', 'w', encoding='utf-8') as out:
        out.write(f'en\t{lang}\tstatus\n')
        for en, term, _, deprecated in GLOSSARY[lang]:
            out.write(f'{en}\t{term}\tpreferred\n{en}\t{deprecated}\tdeprecated\n')
    summary = {}
    for p in plants:
        summary[p['kind']] = summary.get(p['kind'], 0) + 1
    print(lang, len(plants), 'plants', json.dumps(summary), file=sys.stderr)


main()
