#!/usr/bin/env python3
"""Writes Sources/TMSegment/Resources/<lang>.seg for the languages below (not az, en, tr: hand-written).

Abbreviation inventories are taken from pySBD's per-language lists (https://github.com/nipunsadvilkar/pySBD,
"Copyright (c) 2019 Nipun Sadvilkar", MIT License; installed package `pysbd`), filtered: long all-letter
lower-case entries (whole words or lower-cased organisation names, which do end sentences) are dropped.
Titles, sentence starters and options are tmkit's own. Run:  /work/venv-seg/bin/python make_rule_data.py
"""
import os
import sys

from pysbd.languages import LANGUAGE_CODES

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'Sources', 'TMSegment', 'Resources')

# options, titles, starters, extra terminators, whether to take pySBD's abbreviations
LANGS = {
    'de': dict(name='German', options={'quotes': 'keep', 'ordinal-dot': 'yes'},
               titles='Dr. Prof. Hr. Fr. Frl. Hrn. Dipl.-Ing. Ing. Mag. St. Pfr. Dir.',
               starters='Der Die Das Ein Eine Er Sie Es Wir Ich Ihr Man Dies Diese Dieser Aber Und Auch Doch Im In Am '
                        'Als Wenn Was Wie Wo Warum Dann Damit Danach Heute Nach Seit Zum Zur'),
    'fr': dict(name='French', options={'quotes': 'keep'},
               titles='M. MM. Mme. Mmes. Mlle. Mlles. Dr. Pr. Me. Mgr. St. Ste.',
               starters='Le La Les Un Une Il Elle Ils Elles On Nous Vous Je Ce Cette Ces Mais Et Puis Donc Alors En '
                        'Au Aux Dans Pour Quand Si Qui Que Quoi Comment Pourquoi Aujourd'),
    'es': dict(name='Spanish', options={'quotes': 'keep'},
               titles='Sr. Sra. Srta. Sres. Dr. Dra. Lic. Ing. Prof. Excmo. Excma. Ilmo. Sto. Sta. Dña. D.',
               starters='El La Los Las Un Una Él Ella Ellos Nosotros Yo Esto Este Esta Pero Y Entonces En Con Por '
                        'Para Cuando Si Que Qué Cómo Dónde Hoy'),
    'it': dict(name='Italian', options={'quotes': 'keep'}, prepositive_as_titles=True,
               titles='Sig. Sigg. Sig.ra Sig.na Dott. Dott.ssa Prof. Prof.ssa Avv. Ing. Arch. On. Geom. Rag. S. Mons.',
               starters='Il Lo La I Gli Le Un Una Uno Egli Lei Lui Noi Voi Io Questo Questa Ma E Poi In Con Per Si Non Ci Ne '
                        'Nel Nella Al Alla Dal Del Sono È Ha Ho '
                        'Quando Se Che Come Dove Oggi'),
    'nl': dict(name='Dutch', options={'quotes': 'keep'},
               titles='Dhr. Mevr. Mw. Dr. Drs. Ir. Ing. Mr. Prof. St.',
               starters='De Het Een Hij Zij Ze Wij We Ik Jij U Dit Dat Deze Maar En Ook In Op Als Wanneer Wat Hoe '
                        'Waarom Toen Vandaag'),
    'da': dict(name='Danish', options={'quotes': 'keep'}, prepositive_as_titles=True,
               titles='Hr. Fr. Frk. Dr. Prof. Skt.',
               starters='Den Det De En Et Han Hun Vi Jeg Du Der Dette Men Og Også I På Når Hvis Hvad Hvordan '
                        'Hvorfor Så I dag'),
    'pl': dict(name='Polish', options={'quotes': 'keep'},
               titles='Dr. Prof. Inż. Mgr. Hab. Doc. Ks. Gen. Płk. Kpt. Por. Pan. Pani. Św.',
               starters='To Ten Ta On Ona Ono Oni One My Wy Ja Ale I A W Na Z Gdy Jeśli Co Jak Gdzie Dlaczego '
                        'Dziś Potem Następnie'),
    'ru': dict(name='Russian', options={'quotes': 'keep'},
               titles='Г-н. Г-жа. Д-р. Проф. Акад. Доц. Св. Тов. Им.',
               starters='Он Она Оно Они Мы Вы Я Это Этот Эта Эти Но И А В На С По Когда Если Что Как Где Почему '
                        'Сегодня Потом Затем'),
    'bg': dict(name='Bulgarian', options={'quotes': 'keep'},
               titles='Г-н. Г-жа. Г-ца. Д-р. Проф. Доц. Акад. Инж. Св.',
               starters='Той Тя То Те Ние Вие Аз Това Този Тази Тези Но И А В На С По Когато Ако Какво Как Къде '
                        'Защо Днес След'),
    'kk': dict(name='Kazakh', options={'quotes': 'keep'},
               titles='Проф. Акад. Доц. Д-р.',
               starters='Ол Олар Біз Сіз Мен Сен Бұл Осы Сол Бірақ Және Алайда Енді Кейін Бүгін Сондай Егер Не '
                        'Қалай Қайда Неге'),
    'sk': dict(name='Slovak', options={'quotes': 'keep'}, prepositive_as_titles=True,
               titles='Dr. Prof. Doc. Ing. Mgr. MUDr. JUDr. PhDr. RNDr. Bc. St.',
               starters='On Ona Ono Oni My Vy Ja To Ten Táto Tieto Ale A V Na S Keď Ak Čo Ako Kde Prečo Dnes'),
    'el': dict(name='Greek', options={'quotes': 'keep', 'word-final-letters': 'ς'}, pysbd=False, terminators=';\u037e',
               note='The Greek question mark is ; (U+003B) or its canonical equivalent U+037E.',
               titles='κ. κα. Δρ. Καθ.',
               abbreviations='π.χ. δηλ. κ.λπ. κτλ. κ.ά. βλ. σελ. αρ. χλμ. εκ. π.Χ. μ.Χ. ό.π. π.μ. μ.μ. τ.μ. '
                             'κ.ο.κ. αι. γ.γ. υπ.',
               starters='Ο Η Το Οι Τα Ένας Μια Ένα Αυτός Αυτή Αυτό Εμείς Εσείς Εγώ Αλλά Και Όμως Στο Στη Στην '
                        'Όταν Αν Τι Πώς Πού Γιατί Σήμερα'),
    'hy': dict(name='Armenian', options={'quotes': 'keep'}, pysbd=False, terminators=':',
               note='Armenian text often writes the full stop ։ as an ASCII colon.'),
    'ar': dict(name='Arabic', options={'quotes': 'keep'}, pysbd=False),
    'fa': dict(name='Persian', options={'quotes': 'keep'}, pysbd=False),
    'ur': dict(name='Urdu', options={'quotes': 'keep'}, pysbd=False),
    'hi': dict(name='Hindi', options={'quotes': 'keep'}, pysbd=False, abbreviations='डॉ. श्री. श्रीमती. प्रो.'),
    'mr': dict(name='Marathi', options={'quotes': 'keep'}, pysbd=False, abbreviations='डॉ. श्री. सौ. प्रा.'),
    'am': dict(name='Amharic', options={'quotes': 'keep'}, pysbd=False),
    'my': dict(name='Burmese', options={'quotes': 'keep'}, pysbd=False),
    'zh': dict(name='Chinese', options={'quotes': 'keep'}, pysbd=False),
    'ja': dict(name='Japanese', options={'quotes': 'keep'}, pysbd=False),
}


# tmkit's own additions, from the languages' writing conventions:
# sentence-final: "etc."-like abbreviations that often end a sentence (break before a capitalised word);
# numeric: abbreviations that stand before a number (no break there: "табл. 3", "pag. 12");
# after-number: units after a number that may end a sentence ("15 мин. Докладчик"), else ordinary.
EXTRA = {
    'de': dict(sentence_final=['usw.', 'usf.', 'etc.', 'ff.', 'f.'],
               numeric=['S.', 'Nr.', 'Abs.', 'Art.', 'Kap.', 'Abb.', 'Tab.', 'Bd.', 'Ziff.']),
    'fr': dict(sentence_final=['etc.'], numeric=['p.', 'pp.', 'n°.', 'art.', 'chap.', 'fig.', 'vol.', 'no.']),
    'es': dict(sentence_final=['etc.'], numeric=['pág.', 'págs.', 'núm.', 'art.', 'cap.', 'fig.', 'vol.', 'p.']),
    'it': dict(sentence_final=['ecc.', 'etc.'],
               numeric=['pag.', 'pagg.', 'n.', 'nr.', 'art.', 'cap.', 'fig.', 'tab.', 'vol.', 'p.']),
    'nl': dict(sentence_final=['enz.', 'etc.', 'e.d.'], numeric=['blz.', 'nr.', 'art.', 'hfdst.', 'fig.', 'vol.']),
    'da': dict(sentence_final=['osv.', 'mv.', 'm.m.', 'etc.'], numeric=['nr.', 's.', 'kl.', 'stk.', 'kap.', 'fig.']),
    'pl': dict(sentence_final=['itd.', 'itp.', 'etc.'],
               numeric=['godz.', 'str.', 's.', 'nr.', 'rozdz.', 'art.', 'tab.', 'rys.', 'ust.', 'pkt.'],
               after_number=['zł.', 'gr.', 'min.', 'tys.']),
    'ru': dict(sentence_final=['и т. д.', 'и т.д.', 'и т. п.', 'и т.п.', 'и др.', 'и пр.'],
               numeric=['с.', 'стр.', 'табл.', 'рис.', 'гл.', 'т.', 'п.', 'ст.'],
               after_number=['мин.', 'сек.', 'ч.', 'руб.', 'коп.', 'долл.', 'дол.']),
    'bg': dict(sentence_final=['и др.', 'и т.н.', 'и т. н.', 'и пр.'],
               numeric=['с.', 'стр.', 'т.', 'гл.', 'чл.', 'ал.'],
               after_number=['ч.', 'мин.', 'сек.', 'лв.']),
    'kk': dict(sentence_final=['т.б.', 'т. б.', 'т.с.с.'], after_number=['мин.', 'сағ.']),
    'el': dict(sentence_final=['κ.λπ.', 'κτλ.', 'κ.ά.', 'κ.ο.κ.'], numeric=['σελ.', 'αρ.', 'άρθ.', 'κεφ.'],
               after_number=['χλμ.', 'π.Χ.', 'μ.Χ.', 'π.μ.', 'μ.μ.']),
}


def main():
    for code, spec in LANGS.items():
        lines = [f'# {spec["name"]} sentence-segmentation rules for tmkit (generated by '
                 'Benchmarks/segment/make_rule_data.py; edit there).']
        use_pysbd = spec.get('pysbd', True)
        if use_pysbd:
            lines.append('# Abbreviations from pySBD (https://github.com/nipunsadvilkar/pySBD),')
            lines.append('# "Copyright (c) 2019 Nipun Sadvilkar", MIT License; filtered. Titles, starters: tmkit.')
        if spec.get('note'):
            lines.append('# ' + spec['note'])
        lines.append('')
        lines.append('[options]')
        for key, value in spec['options'].items():
            lines.append(f'{key} = {value}')
        titles = spec.get('titles', '').split()
        abbreviations = spec.get('abbreviations', '').split()
        numeric = []
        if use_pysbd:
            table = LANGUAGE_CODES[code].Abbreviation
            for a in table.ABBREVIATIONS:
                a = a.strip()
                if not a or (code in ('es', 'kk') and len(a) > 5 and a.isalpha() and a.islower()):
                    continue
                abbreviations.append(a + '.')
            if spec.get('prepositive_as_titles'):
                titles += [a + '.' for a in table.PREPOSITIVE_ABBREVIATIONS if a.strip()]
            numeric = [a + '.' for a in table.NUMBER_ABBREVIATIONS if a.strip()]
        extra = EXTRA.get(code, {})
        sentence_final = extra.get('sentence_final', [])
        numeric += extra.get('numeric', [])
        after_number = extra.get('after_number', [])
        special = set(titles) | set(numeric) | set(sentence_final) | set(after_number)
        abbreviations = [a for a in abbreviations if a not in special]
        numeric = [a for a in numeric if a not in set(titles)]
        for section, entries in (('titles', titles), ('numeric', numeric), ('abbreviations', abbreviations),
                                 ('sentence-final', sentence_final), ('after-number', after_number),
                                 ('starters', spec.get('starters', '').split())):
            if entries:
                lines.append('')
                lines.append(f'[{section}]')
                seen = set()
                for e in entries:
                    if e not in seen:
                        seen.add(e)
                        lines.append(e)
        if spec.get('terminators'):
            lines += ['', '[terminators]', spec['terminators']]
        with open(os.path.join(OUT, code + '.seg'), 'w', encoding='utf-8') as f:
            f.write('\n'.join(lines) + '\n')
        print(code, len(abbreviations), 'abbreviations', file=sys.stderr)


if __name__ == '__main__':
    main()
