#!/usr/bin/env python3
"""Writes a synthetic TMX 1.4b file of about SIZE megabytes for the streaming benchmark.

    Benchmarks/formats/generate-tmx.py 1024 /tmp/big.tmx

English-Azerbaijani units of 3-30 words drawn from a fixed vocabulary with a fixed seed (the same file every time),
with the things real memories hold: props and notes, escaped characters, inline codes (bpt/ept/ph) in one unit in
ten, non-BMP characters, `en_US`-style tags in one unit in a thousand, and one unit in twenty repeating an earlier
unit (so that merging has duplicates to remove). The file is never committed.
"""
import random
import sys

EN = ("the of and to in a is that for it as was with be by on not he this are or his from at which but have an "
      "they you were her she there been one all we their has would when if so no will my more out up who them some "
      "could what into time year people way day man thing woman life child world school state family student group "
      "country problem hand part place case week company system program question work government number night point "
      "home water room mother area money story fact month lot right study book eye job word business issue side kind "
      "head house service friend father power hour game line end member law car city community name president team "
      "minute idea kid body information back parent face others level office door health person art war history "
      "party result change morning reason research girl guy moment air teacher force education Kazakhstan Astana "
      "Almaty steppe oil uranium Caspian republic independence").split()
AZ = ("və bu bir ki ilə üçün da də olan çox daha onun belə sonra kimi ən isə həm gün il insan dünya məktəb dövlət "
      "ailə tələbə qrup ölkə problem əl yer hal həftə şirkət sistem proqram sual iş hökumət say gecə nöqtə ev su otaq "
      "ana sahə pul hekayə fakt ay kitab göz söz biznes tərəf növ baş xidmət dost ata güc saat oyun xətt son üzv "
      "qanun maşın şəhər icma ad prezident komanda dəqiqə fikir uşaq bədən məlumat valideyn üz səviyyə ofis qapı "
      "sağlamlıq şəxs sənət müharibə tarix partiya nəticə dəyişiklik səhər səbəb tədqiqat qız an müəllim qüvvə təhsil "
      "Qazaxıstan Astana Almatı çöl neft uran Xəzər respublika müstəqillik").split()
EXTRA = ["&", "<", ">", '"', "'", "😀", "𝔸", "—", "…", "%", "10,5", "2024-01-01"]


def sentence(rng, words, n):
    out = [rng.choice(words) for _ in range(n)]
    if rng.random() < 0.2:
        out.insert(rng.randrange(len(out) + 1), rng.choice(EXTRA))
    text = " ".join(out)
    return text[0].upper() + text[1:] + "."


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def segment(rng, text, coded):
    body = escape(text)
    if coded:
        words = body.split(" ")
        if len(words) > 2:
            words[1] = '<bpt i="1">&lt;b&gt;</bpt>' + words[1] + '<ept i="1">&lt;/b&gt;</ept>'
        body = " ".join(words) + '<ph x="2">&lt;br/&gt;</ph>'
    return body


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: generate-tmx.py SIZE_MB OUTPUT.tmx")
    limit = int(sys.argv[1]) * 1024 * 1024
    rng = random.Random(20261127)
    written = 0
    earlier = []
    with open(sys.argv[2], "w", encoding="utf-8", newline="\n") as out:
        head = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
                '  <header creationtool="generate-tmx.py" creationtoolversion="1" segtype="sentence" o-tmf="tmkit" '
                'adminlang="en-US" srclang="en-US" datatype="plaintext" creationdate="20261127T000000Z"/>\n  <body>\n')
        out.write(head)
        written += len(head.encode())
        number = 0
        while written < limit:
            number += 1
            if earlier and rng.random() < 0.05:
                unit = rng.choice(earlier).replace(' tuid="', ' tuid="r', 1)
            else:
                n = rng.randint(3, 30)
                coded = rng.random() < 0.1
                en = segment(rng, sentence(rng, EN, n), coded)
                az = segment(rng, sentence(rng, AZ, max(2, n - rng.randint(0, 3))), coded)
                source_tag = "en_US" if rng.random() < 0.001 else "en-US"
                note = f"\n      <note>checked by reviewer {rng.randint(1, 50)}</note>" if rng.random() < 0.1 else ""
                unit = (f'    <tu tuid="{number}" creationdate="20261127T000000Z">{note}\n'
                        f'      <prop type="x-document">doc-{number // 1000}.txt</prop>\n'
                        f'      <tuv xml:lang="{source_tag}"><seg>{en}</seg></tuv>\n'
                        f'      <tuv xml:lang="az"><seg>{az}</seg></tuv>\n    </tu>\n')
                if len(earlier) < 10000:
                    earlier.append(unit)
                elif rng.random() < 0.01:
                    earlier[rng.randrange(len(earlier))] = unit
            out.write(unit)
            written += len(unit.encode())
        out.write("  </body>\n</tmx>\n")


if __name__ == "__main__":
    main()
