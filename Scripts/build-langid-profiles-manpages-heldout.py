#!/usr/bin/env python3
"""Samples out-of-genre held-out prose for the language identifier from translated manual pages.

The profiles are built from message catalogs (short interface strings, see build-langid-profiles.py); manual
pages are running prose and were never used for training, so they measure how the identifier does on text
unlike its training text. Source: Debian 12 packages `manpages` (English) and `manpages-<lang>` (manpages-l10n,
GPL-3+; manpages-tr: GPL-2+; manpages-ja: see its copyright), fetched with `apt-get download` and unpacked with
`dpkg-deb -x`.

Paragraphs of 150 to 600 characters (not option synopses, not repeated) are taken, one per page, pages in name order, up to --per-language per
language. manpages-l10n leaves untranslated paragraphs in English; a paragraph of a non-English page is dropped
when it has three or more of the English words the/and/of/to/is/with/for/that/this/are (an English check that does
not use the identifier under test), or when fewer than 80% of its letters are in the language's script.

Usage (from the package root):
  python3 Scripts/build-langid-profiles-manpages-heldout.py [--cache /tmp/langid-man] [--per-language 12]
Writes Tests/Fixtures/langid/manpages.tsv (lang<TAB>text).
"""

import argparse
import gzip
import os
import re
import subprocess
import unicodedata

PACKAGES = {
    "en": ("manpages", ""), "de": ("manpages-de", "de"), "fr": ("manpages-fr", "fr"),
    "es": ("manpages-es", "es"), "it": ("manpages-it", "it"), "nl": ("manpages-nl", "nl"),
    "pl": ("manpages-pl", "pl"), "ru": ("manpages-ru", "ru"), "da": ("manpages-da", "da"),
    "tr": ("manpages-tr", "tr"), "cs": ("manpages-cs", "cs"), "uk": ("manpages-uk", "uk"),
    "sv": ("manpages-sv", "sv"), "pt": ("manpages-pt-br", "pt_BR"), "ro": ("manpages-ro", "ro"),
    "hu": ("manpages-hu", "hu"), "fi": ("manpages-fi", "fi"), "el": ("manpages-el", "el"),
    "id": ("manpages-id", "id"), "vi": ("manpages-vi", "vi"), "ja": ("manpages-ja", "ja"),
}
NON_LATIN = {"ru", "uk", "el", "ja"}
ENGLISH_WORDS = {"the", "and", "of", "to", "is", "with", "for", "that", "this", "are"}
TEXT_MACROS = re.compile(r"^\.(B|I|BR|RB|IR|RI|BI|IB|SM|SB)\s+(.*)$")
BREAK_MACROS = re.compile(r"^\.(PP|P|LP|TP|SH|SS|IP|HP|TH|sp|br|RS|RE|nf|fi|EX|EE|TQ|in|ti|UR|UE|MT|ME)\b")


def unescape(line):
    line = re.sub(r"\\f(\[[^\]]*\]|\(..|.)", "", line)
    line = re.sub(r"\\\*?\((..)", " ", line)
    line = re.sub(r"\\\[[^\]]*\]", " ", line)
    line = line.replace("\\-", "-").replace("\\&", "").replace("\\e", "\\").replace("\\%", "").replace("\\ ", " ")
    line = re.sub(r"\\.", "", line)
    return line.replace('"', "")


def paragraphs(source):
    current = []
    for raw in source.splitlines():
        if raw.startswith(".\\\"") or raw.startswith("'\\\""):
            continue
        match = TEXT_MACROS.match(raw)
        if match:
            current.append(unescape(match.group(2)))
        elif BREAK_MACROS.match(raw) or not raw.strip():
            if current:
                yield " ".join(" ".join(current).split())
            current = []
        elif raw.startswith(".") or raw.startswith("'"):
            continue
        else:
            current.append(unescape(raw))
    if current:
        yield " ".join(" ".join(current).split())


def acceptable(text, lang):
    if not 150 <= len(text) <= 600:
        return False
    letters = [c for c in text if unicodedata.category(c).startswith("L")]
    if len(letters) < 100:
        return False
    latin = sum(1 for c in letters if "LATIN" in unicodedata.name(c, "")) / len(letters)
    if (lang in NON_LATIN and latin > 0.2) or (lang not in NON_LATIN and latin < 0.8):
        return False
    if sum(1 for token in text.split() if token.startswith("-")) >= 3:  # a synopsis of options
        return False
    if lang != "en":
        words = re.findall(r"\w+", text.lower())
        if sum(1 for word in words if word in ENGLISH_WORDS) >= 3:
            return False
    return True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", default="/tmp/langid-man")
    parser.add_argument("--per-language", type=int, default=12)
    parser.add_argument("--output", default="Tests/Fixtures/langid/manpages.tsv")
    args = parser.parse_args()
    os.makedirs(args.cache, exist_ok=True)
    rows = []
    for lang, (package, folder) in PACKAGES.items():
        root = os.path.join(args.cache, package)
        if not os.path.isdir(root):
            subprocess.run(["apt-get", "download", package], cwd=args.cache, check=True, capture_output=True)
            debs = sorted(name for name in os.listdir(args.cache)
                          if name.startswith(package + "_") and name.endswith(".deb"))
            subprocess.run(["dpkg-deb", "-x", os.path.join(args.cache, debs[-1]), root], check=True)
        base = os.path.join(root, "usr/share/man", folder)
        pages = sorted(
            os.path.join(dirpath, name)
            for dirpath, _, names in os.walk(base)
            for name in names
            if name.endswith(".gz") and (folder or os.path.basename(dirpath).startswith("man"))
        )
        taken, seen = 0, set()  # pages linked under several names repeat their text
        for page in pages:
            if taken >= args.per_language:
                break
            try:
                with gzip.open(page, "rt", encoding="utf-8", errors="strict") as handle:
                    source = handle.read()
            except (OSError, UnicodeDecodeError):
                continue
            for text in paragraphs(source):
                if text not in seen and acceptable(text, lang):
                    seen.add(text)
                    rows.append((lang, text))
                    taken += 1
                    break
        print(f"{lang}: {taken} paragraphs from {len(pages)} pages")
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    with open(args.output, "w", encoding="utf-8", newline="\n") as out:
        out.write("# lang\ttext — manual page paragraphs, see Scripts/build-langid-profiles-manpages-heldout.py\n")
        for lang, text in rows:
            out.write(f"{lang}\t{text}\n")


if __name__ == "__main__":
    main()
