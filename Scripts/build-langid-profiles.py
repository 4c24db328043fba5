#!/usr/bin/env python3
"""Builds the character n-gram profiles of tmkit's language identifier.

Text source: the translated message catalogs (.mo files) that Debian packages install under
/usr/share/locale/<lang>/LC_MESSAGES/ (msgstr side), and, for English, the msgid side of the same catalogs.
Every catalog domain is assigned either to training or to the held-out set by a hash of its domain name (the
same for every language), so held-out text never shares a catalog with the profile that scores it.

Outputs
  Sources/TMText/Resources/langid/<lang>.txt   one profile per language (n-gram<TAB>count, most frequent first)
  Sources/TMText/Resources/langid/PROVENANCE.md which catalogs each profile was built from, and their packages
  Tests/Fixtures/langid/heldout.tsv            held-out samples: lang<TAB>kind<TAB>text (kind: paragraph|sentence)

Usage (from the package root; Python 3.9+, standard library only, dpkg for provenance):
  python3 Scripts/build-langid-profiles.py [--locale-root /usr/share/locale] [--extra-root DIR ...]
  --extra-root: a directory laid out like /usr/share/locale (for example catalogs unpacked from
  `apt-get download PKG && dpkg-deb -x PKG.deb DIR`), searched in addition.

The n-gram definition here must match `NGramExtractor` in Sources/TMText: NFC, `İ`→`i`, lower case, final
sigma → sigma; words are maximal runs of letters and marks (Unicode categories L*, M*), padded with one space on
each side; n-grams of 1 to 3 code points, the lone space excluded.
"""

import argparse
import collections
import gettext
import hashlib
import io
import os
import re
import subprocess
import sys
import unicodedata

# Language → (locale directory names, script, number of n-grams kept).
LANGUAGES = {
    "az": (["az"], "Latn", 1200),
    "tr": (["tr"], "Latn", 1200),
    "en": ([], "Latn", 1200),  # msgid side
    "de": (["de"], "Latn", 1200),
    "fr": (["fr"], "Latn", 1200),
    "es": (["es"], "Latn", 1200),
    "it": (["it"], "Latn", 1200),
    "nl": (["nl"], "Latn", 1200),
    "da": (["da"], "Latn", 1200),
    "sv": (["sv"], "Latn", 1200),
    "pl": (["pl"], "Latn", 1200),
    "pt": (["pt", "pt_BR"], "Latn", 1200),
    "cs": (["cs"], "Latn", 1200),
    "ro": (["ro"], "Latn", 1200),
    "hu": (["hu"], "Latn", 1200),
    "fi": (["fi"], "Latn", 1200),
    "id": (["id"], "Latn", 1200),
    "ru": (["ru"], "Cyrl", 1200),
    "uk": (["uk"], "Cyrl", 1200),
    "bg": (["bg"], "Cyrl", 1200),
    "kk": (["kk"], "Cyrl", 1200),
    "sr": (["sr"], "Cyrl", 1200),
    "el": (["el"], "Grek", 300),
    "hy": (["hy"], "Armn", 300),
    "ka": (["ka"], "Geor", 300),
    "he": (["he"], "Hebr", 300),
    "ar": (["ar"], "Arab", 1000),
    "fa": (["fa"], "Arab", 1000),
    "ur": (["ur"], "Arab", 1000),
    "hi": (["hi"], "Deva", 1000),
    "mr": (["mr"], "Deva", 1000),
    "am": (["am"], "Ethi", 300),
    "my": (["my"], "Mymr", 300),
    "zh": (["zh_CN"], "Hani", 600),
    "ja": (["ja"], "Jpan", 600),
    "ko": (["ko"], "Hang", 300),
}

MAX_ORDER = 3
HELDOUT_BUCKETS = 5  # one domain in five is held out


def is_heldout(domain):
    return hashlib.sha1(domain.encode()).digest()[0] % HELDOUT_BUCKETS == 0


# --- cleaning of catalog strings -------------------------------------------------------------------------------

PLACEHOLDER = re.compile(
    r"%(\d+\$)?[-+ #0']*(\d+|\*)?(\.(\d+|\*))?(hh|h|ll|l|L|q|j|z|t|I)?[diouxXeEfFgGaAcspnmS%]"
    r"|%\([^)]*\)[sdif]|\{[^{}]*\}|\$\{[^}]*\}|\$[A-Za-z_]+|<[^<>]*>|&[a-z]+;|https?://\S+|\S+@\S+\.\S+"
    r"|--?[a-z][a-z0-9-]*|\\[nt]"
)


def clean(text):
    text = PLACEHOLDER.sub(" ", text)
    text = text.replace("_", "").replace("&", "")
    return " ".join(text.split())


def script_share(text, script):
    """Share of letters that are in the expected script (untranslated strings score low)."""
    letters = [c for c in text if unicodedata.category(c).startswith("L")]
    if not letters:
        return 0.0
    if script == "Latn":
        good = sum(1 for c in letters if "LATIN" in unicodedata.name(c, ""))
    else:
        good = sum(1 for c in letters if "LATIN" not in unicodedata.name(c, ""))
    return good / len(letters)


def read_catalog(path):
    """msgid → msgstr pairs of one .mo file (plural forms: the first form)."""
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        catalog = gettext.GNUTranslations(io.BytesIO(data))._catalog
    except Exception:
        return []
    pairs = []
    for key, value in catalog.items():
        if isinstance(key, tuple):
            if key[1] != 0:
                continue
            key = key[0]
        if not key or not value or key == value:
            continue
        pairs.append((key, value))
    return pairs


# --- n-grams: must match Sources/TMText/NGramExtractor.swift -------------------------------------------------

def normalise(text):
    text = unicodedata.normalize("NFC", text).replace("İ", "i")
    return text.lower().replace("ς", "σ")


def words(text):
    word = []
    for ch in normalise(text):
        if unicodedata.category(ch)[0] in "LM":
            word.append(ch)
        elif word:
            yield "".join(word)
            word = []
    if word:
        yield "".join(word)


def ngrams(text):
    for word in words(text):
        padded = " " + word + " "
        for n in range(1, MAX_ORDER + 1):
            for i in range(len(padded) - n + 1):
                gram = padded[i:i + n]
                if gram != " ":
                    yield gram


# --- main -------------------------------------------------------------------------------------------------------

def owning_package(path):
    try:
        out = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True, check=False).stdout
        return out.split(":")[0].strip() or "?"
    except OSError:
        return "?"


def collect(roots):
    """lang → list of (domain, path, texts)."""
    result = collections.defaultdict(list)
    english = {}
    for lang, (dirs, script, _) in LANGUAGES.items():
        seen_domains = set()
        for root in roots:
            for dirname in dirs:
                folder = os.path.join(root, dirname, "LC_MESSAGES")
                if not os.path.isdir(folder):
                    continue
                for name in sorted(os.listdir(folder)):
                    if not name.endswith(".mo"):
                        continue
                    domain = name[:-3]
                    if domain in seen_domains:
                        continue
                    seen_domains.add(domain)
                    path = os.path.join(folder, name)
                    texts = []
                    for msgid, msgstr in read_catalog(path):
                        source, target = clean(msgid), clean(msgstr)
                        if len(target) >= 2 and script_share(target, script) >= 0.8:
                            texts.append(target)
                        if len(source) >= 2 and script_share(source, "Latn") >= 0.9:
                            english.setdefault(domain, (path, set()))[1].add(source)
                    result[lang].append((domain, path, sorted(set(texts))))
    result["en"] = [(domain, path, sorted(texts)) for domain, (path, texts) in sorted(english.items())]
    return result


def heldout_samples(texts, limit):
    """Paragraph-length samples (consecutive strings joined to 150-400 characters) and sentence samples."""
    paragraphs, sentences, current = [], [], []
    for text in texts:
        if len(text) >= 40 and text.count(" ") >= 5 and len(sentences) < limit:
            sentences.append(text[:300])
        current.append(text)
        joined = " ".join(current)
        if len(joined) >= 150:
            if len(paragraphs) < limit:
                paragraphs.append(joined[:400])
            current = []
    return paragraphs, sentences


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--locale-root", default="/usr/share/locale")
    parser.add_argument("--extra-root", action="append", default=[])
    parser.add_argument("--output", default="Sources/TMText/Resources/langid")
    parser.add_argument("--heldout", default="Tests/Fixtures/langid/heldout.tsv")
    parser.add_argument("--heldout-per-language", type=int, default=20)
    args = parser.parse_args()

    corpus = collect([args.locale_root] + args.extra_root)
    os.makedirs(args.output, exist_ok=True)
    os.makedirs(os.path.dirname(args.heldout), exist_ok=True)
    provenance = [
        "# Provenance of the language identification profiles",
        "",
        "Built by `Scripts/build-langid-profiles.py` from the translated message catalogs (`.mo` files) that Debian",
        "packages install under `/usr/share/locale/<lang>/LC_MESSAGES/` on the project's build image (English: the",
        "msgid side of the same catalogs). Each profile holds only counts of character n-grams (1 to 3 letters),",
        "the most frequent ones, not the text. The catalogs are parts of the packages listed below, under those",
        "packages' licences (see `/usr/share/doc/<package>/copyright`; for these catalogs GPL-2+/LGPL-2.1+ and",
        "similar free licences). Catalogs whose domain name hashes to the held-out bucket were not used for the",
        "profiles; `Tests/Fixtures/langid/heldout.tsv` was sampled from them.",
        "",
        "| lang | chars of training text | n-grams kept | training catalogs (package) | held-out catalogs |",
        "| --- | --- | --- | --- | --- |",
    ]
    heldout_rows = []
    for lang, (_, script, keep) in LANGUAGES.items():
        counts = collections.Counter()
        totals = collections.Counter()
        train_names, test_names, test_texts = [], [], []
        chars = 0
        for domain, path, texts in corpus.get(lang, []):
            if not texts:
                continue
            if is_heldout(domain):
                test_names.append(domain)
                test_texts.extend(texts)
                continue
            train_names.append(f"{domain} ({owning_package(path)})")
            for text in texts:
                chars += len(text)
                for gram in ngrams(text):
                    counts[gram] += 1
                    totals[len(gram)] += 1
        if not counts:
            print(f"warning: no text for {lang}", file=sys.stderr)
            continue
        # All letters (unigrams) seen at least 3 times are kept, then the most frequent longer n-grams.
        unigrams = [(g, c) for g, c in counts.items() if len(g) == 1 and c >= 3]
        longer = sorted(((g, c) for g, c in counts.items() if len(g) > 1), key=lambda item: (-item[1], item[0]))
        kept = sorted(unigrams, key=lambda item: (-item[1], item[0])) + longer[:keep]
        with open(os.path.join(args.output, f"{lang}.txt"), "w", encoding="utf-8", newline="\n") as out:
            out.write(f"# language: {lang}\n# script: {script}\n")
            out.write("# totals: " + " ".join(str(totals[n]) for n in range(1, MAX_ORDER + 1)) + "\n")
            out.write("# source: Debian message catalogs, see PROVENANCE.md\n")
            for gram, count in kept:
                out.write(f"{gram}\t{count}\n")
        provenance.append(
            f"| {lang} | {chars} | {len(kept)} | {', '.join(train_names)} | {', '.join(test_names) or '—'} |"
        )
        paragraphs, sentences = heldout_samples(test_texts, args.heldout_per_language)
        heldout_rows += [(lang, "paragraph", p) for p in paragraphs] + [(lang, "sentence", s) for s in sentences]
        print(f"{lang}: {chars} chars, {len(kept)} n-grams, held out {len(paragraphs)} paragraphs, "
              f"{len(sentences)} sentences", file=sys.stderr)
    with open(os.path.join(args.output, "PROVENANCE.md"), "w", encoding="utf-8") as out:
        out.write("\n".join(provenance) + "\n")
    with open(args.heldout, "w", encoding="utf-8", newline="\n") as out:
        out.write("# lang\tkind\ttext — held-out catalog text, see Sources/TMText/Resources/langid/PROVENANCE.md\n")
        for lang, kind, text in heldout_rows:
            out.write(f"{lang}\t{kind}\t{text.replace(chr(9), ' ')}\n")


if __name__ == "__main__":
    main()
