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

Catalogs of a few more Debian packages (EXTRA_PACKAGES, GNOME applications with many translations, chosen to
add Azerbaijani, Kazakh, Amharic and Armenian text) are fetched with `apt-get download` and unpacked with
`dpkg-deb -x` into a cache directory. Catalogs of ISO code lists (iso_*: lists of country and language names)
and of time zone names are skipped: lists of proper names are not running text of a language.

Usage (from the package root; Python 3.9+, standard library only; dpkg and apt-get for the catalogs):
  python3 Scripts/build-langid-profiles.py [--locale-root /usr/share/locale] [--cache /tmp/langid-debs]

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
import zipfile

# Language → (locale directory names, script, number of n-grams kept). Languages of one script keep the same
# number: the score of an n-gram a profile lacks depends on the rarest n-gram kept, so a shorter profile would
# be favoured on text unlike its training text.
LANGUAGES = {
    "az": (["az"], "Latn", 800),
    "tr": (["tr"], "Latn", 800),
    "en": ([], "Latn", 800),  # msgid side of every catalog
    "de": (["de"], "Latn", 800),
    "fr": (["fr"], "Latn", 800),
    "es": (["es"], "Latn", 800),
    "it": (["it"], "Latn", 800),
    "nl": (["nl"], "Latn", 800),
    "da": (["da"], "Latn", 800),
    "sv": (["sv"], "Latn", 800),
    "pl": (["pl"], "Latn", 800),
    "pt": (["pt", "pt_BR"], "Latn", 800),
    "cs": (["cs"], "Latn", 800),
    "ro": (["ro"], "Latn", 800),
    "hu": (["hu"], "Latn", 800),
    "fi": (["fi"], "Latn", 800),
    "id": (["id"], "Latn", 800),
    "ru": (["ru"], "Cyrl", 800),
    "uk": (["uk"], "Cyrl", 800),
    "bg": (["bg"], "Cyrl", 800),
    "kk": (["kk"], "Cyrl", 800),
    "sr": (["sr"], "Cyrl", 800),
    "el": (["el"], "Grek", 300),
    "hy": (["hy"], "Armn", 300),
    "ka": (["ka"], "Geor", 300),
    "he": (["he"], "Hebr", 300),
    "ar": (["ar"], "Arab", 800),
    "fa": (["fa"], "Arab", 800),
    "ur": (["ur"], "Arab", 800),
    "hi": (["hi"], "Deva", 800),
    "mr": (["mr"], "Deva", 800),
    "am": (["am"], "Ethi", 300),
    "my": (["my"], "Mymr", 300),
    "zh": (["zh_CN"], "Hani", 600),
    "ja": (["ja"], "Jpan", 600),
    "ko": (["ko"], "Hang", 300),
    # More languages: cheap where the script is their own, smaller profiles for the Latin and Cyrillic ones.
    # Left out because they took paragraphs from the languages above (measured on the held-out set):
    # gl (from es, pt), mk (from bg), nb (from da), ms (from id).
    "th": (["th"], "Thai", 300),
    "bn": (["bn", "bn_IN"], "Beng", 300),
    "pa": (["pa"], "Guru", 300),
    "gu": (["gu"], "Gujr", 300),
    "or": (["or"], "Orya", 300),
    "ta": (["ta"], "Taml", 300),
    "te": (["te"], "Telu", 300),
    "kn": (["kn"], "Knda", 300),
    "ml": (["ml"], "Mlym", 300),
    "si": (["si"], "Sinh", 300),
    "km": (["km"], "Khmr", 300),
    "ne": (["ne"], "Deva", 800),
    "be": (["be"], "Cyrl", 800),
    "ky": (["ky"], "Cyrl", 800),
    "tg": (["tg"], "Cyrl", 800),
    "mn": (["mn"], "Cyrl", 800),
    "lt": (["lt"], "Latn", 800),
    "lv": (["lv"], "Latn", 800),
    "et": (["et"], "Latn", 800),
    "sk": (["sk"], "Latn", 800),
    "sl": (["sl"], "Latn", 800),
    "hr": (["hr"], "Latn", 800),
    "ca": (["ca"], "Latn", 800),
    "eu": (["eu"], "Latn", 800),
    "is": (["is"], "Latn", 800),
    "sq": (["sq"], "Latn", 800),
    "uz": (["uz"], "Latn", 800),
    "vi": (["vi"], "Latn", 800),
}

# Debian packages (bookworm) fetched in addition to the catalogs installed on the image.
EXTRA_PACKAGES = [
    "nautilus-data", "gnome-control-center-data", "gnome-desktop3-data", "gedit-common", "evince-common",
    "gnome-shell-common", "totem-common",
]
# Text from PyPI packages for languages that the catalogs barely cover (training only, never held out):
# language → (requirement, files inside the wheel, regular expression whose group 1 is a piece of text).
EXTRA_PYPI = {
    # urduhack (MIT licence): its dictionary of Urdu word pairs written apart, and its Urdu stop-word list.
    "ur": ("urduhack==1.1.1", ["urduhack/tokenization/words.py", "urduhack/stop_words.py"],
           r'":\s*"([^"]+)"|^([^\n"=:#]*[\u0600-\u06ff][^\n"=:#]*)$'),
}
SKIPPED_DOMAINS = re.compile(r"^(iso_|iso-|.*timezones)")

MAX_ORDER = 3
MAX_UNIGRAMS = 1500  # ideographic scripts have thousands of letters; the rarest add nothing
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


def strip_copied_words(source, target):
    """Removes from a translation the words it copied from the English original (product names, commands)."""
    copied = {word for word in re.findall(r"\w+", source) if len(word) >= 4}
    return " ".join(word for word in target.split() if re.sub(r"\W", "", word) not in copied)


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

PACKAGE_OF_PATH = {}


def owning_package(path):
    if path in PACKAGE_OF_PATH:
        return PACKAGE_OF_PATH[path]
    try:
        out = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True, check=False).stdout
        return out.split(":")[0].strip() or "?"
    except OSError:
        return "?"


def fetch_pypi_texts(cache):
    """lang → (description, texts) from EXTRA_PYPI, downloaded with `pip download --no-deps`."""
    result = {}
    for lang, (requirement, members, pattern) in EXTRA_PYPI.items():
        folder = os.path.join(cache, "pypi-" + requirement.replace("=", "-"))
        if not os.path.isdir(folder):
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", folder, requirement],
                           check=True)
        wheels = [name for name in os.listdir(folder) if name.endswith(".whl")]
        texts = []
        with zipfile.ZipFile(os.path.join(folder, sorted(wheels)[-1])) as wheel:
            for member in members:
                source = wheel.read(member).decode("utf-8")
                for match in re.finditer(pattern, source, re.M):
                    piece = " ".join((match.group(1) or match.group(2) or "").split())
                    if piece:
                        texts.append(piece)
        result[lang] = (f"{requirement} from PyPI (MIT): {', '.join(members)}", texts)
    return result


def lookup_packages(paths):
    """Fills PACKAGE_OF_PATH for installed files with a few batched `dpkg -S` calls."""
    paths = [path for path in paths if path not in PACKAGE_OF_PATH]
    for start in range(0, len(paths), 400):
        out = subprocess.run(["dpkg", "-S"] + paths[start:start + 400], capture_output=True, text=True,
                             check=False).stdout
        for line in out.splitlines():
            package, _, path = line.partition(": ")
            if path:
                PACKAGE_OF_PATH[path.strip()] = package.split(",")[0].strip()


def main_licence(package, roots):
    """The licence of the `Files: *` stanza of a package's Debian copyright file."""
    name = package.split(" ")[0].split(":")[0]
    for root in ["/"] + roots:
        path = os.path.join(root, "usr/share/doc", name, "copyright")
        if not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8", errors="replace") as handle:
            stanzas = handle.read().split("\n\n")
        for stanza in stanzas:
            if re.search(r"^Files:\s*\*\s*$", stanza, re.M):
                match = re.search(r"^License:\s*(.+)$", stanza, re.M)
                if match:
                    return match.group(1).strip()
        return "see copyright"
    return "?"


def fetch_extra_packages(cache):
    """Downloads and unpacks EXTRA_PACKAGES; returns the locale roots inside them."""
    roots = []
    os.makedirs(cache, exist_ok=True)
    for package in EXTRA_PACKAGES:
        root = os.path.join(cache, package)
        if not os.path.isdir(root):
            subprocess.run(["apt-get", "download", package], cwd=cache, check=True, capture_output=True)
            debs = [name for name in os.listdir(cache) if name.startswith(package + "_") and name.endswith(".deb")]
            subprocess.run(["dpkg-deb", "-x", os.path.join(cache, sorted(debs)[-1]), root], check=True)
        locale = os.path.join(root, "usr/share/locale")
        for dirpath, _, files in os.walk(locale):
            for name in files:
                PACKAGE_OF_PATH[os.path.join(dirpath, name)] = package + " (apt-get download)"
        roots.append(locale)
    return roots


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
                    if domain in seen_domains or SKIPPED_DOMAINS.match(domain):
                        continue
                    seen_domains.add(domain)
                    path = os.path.join(folder, name)
                    texts = []
                    for msgid, msgstr in read_catalog(path):
                        source, target = clean(msgid), clean(msgstr)
                        target = strip_copied_words(source, target)
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
    parser.add_argument("--cache", default="/tmp/langid-debs", help="where EXTRA_PACKAGES are unpacked")
    parser.add_argument("--output", default="Sources/TMText/Resources/langid")
    parser.add_argument("--heldout", default="Tests/Fixtures/langid/heldout.tsv")
    parser.add_argument("--heldout-per-language", type=int, default=20)
    args = parser.parse_args()

    extra_roots = fetch_extra_packages(args.cache)
    corpus = collect([args.locale_root] + extra_roots)
    package_roots = [os.path.join(args.cache, package) for package in EXTRA_PACKAGES]
    pypi_texts = fetch_pypi_texts(args.cache)
    lookup_packages(sorted({path for entries in corpus.values() for _, path, _ in entries}))
    os.makedirs(args.output, exist_ok=True)
    os.makedirs(os.path.dirname(args.heldout), exist_ok=True)
    provenance = [
        "# Provenance of the language identification profiles",
        "",
        "Built by `Scripts/build-langid-profiles.py` from the translated message catalogs (`.mo` files) that Debian",
        "packages install under `/usr/share/locale/<lang>/LC_MESSAGES/` on the project's build image (English: the",
        "msgid side of the same catalogs), plus the catalogs of the Debian packages named `(apt-get download)`",
        "below (Debian 12 bookworm). Each profile holds only counts of character n-grams (1 to 3 letters),",
        "the most frequent ones, not the text. The catalogs are parts of the packages listed below, under those",
        "packages' licences (see `/usr/share/doc/<package>/copyright`; for these catalogs GPL-2+/LGPL-2.1+ and",
        "similar free licences). Catalogs whose domain name hashes to the held-out bucket were not used for the",
        "profiles; `Tests/Fixtures/langid/heldout.tsv` was sampled from them, leaving out any string that also",
        "occurs in a training catalog.",
        "",
        "The licence given for each package is that of the `Files: *` stanza of its `debian/copyright`.",
        "",
        "| lang | chars of training text | n-grams kept | training catalogs (text domains) | held-out catalogs |",
        "| --- | --- | --- | --- | --- |",
    ]
    heldout_rows = []
    licences = {}
    domain_packages = {}
    for lang, (_, script, keep) in LANGUAGES.items():
        counts = collections.Counter()
        totals = collections.Counter()
        train_names, test_names, test_texts, train_texts = [], [], [], set()
        chars = 0
        for domain, path, texts in corpus.get(lang, []):
            if not texts:
                continue
            if is_heldout(domain):
                test_names.append(domain)
                test_texts.extend(texts)
                continue
            package = owning_package(path)
            licences.setdefault(package, main_licence(package, package_roots))
            domain_packages[domain] = package
            train_names.append(domain)
            train_texts.update(texts)
            for text in texts:
                chars += len(text)
                for gram in ngrams(text):
                    counts[gram] += 1
                    totals[len(gram)] += 1
        # A string that also occurs in a training catalog (a common message) is not held-out text.
        test_texts = [text for text in test_texts if text not in train_texts]
        if lang in pypi_texts:
            description, texts = pypi_texts[lang]
            train_names.append(description)
            for text in texts:
                chars += len(text)
                for gram in ngrams(text):
                    counts[gram] += 1
                    totals[len(gram)] += 1
        if not counts:
            print(f"warning: no text for {lang}", file=sys.stderr)
            continue
        # All letters (unigrams) seen at least 3 times are kept, then the most frequent longer n-grams.
        unigrams = sorted(((g, c) for g, c in counts.items() if len(g) == 1 and c >= 3),
                          key=lambda item: (-item[1], item[0]))[:MAX_UNIGRAMS]
        longer = sorted(((g, c) for g, c in counts.items() if len(g) > 1), key=lambda item: (-item[1], item[0]))
        kept = unigrams + longer[:keep]
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
        out.write("\n## Catalogs and their packages\n\n| catalog | package | licence (`Files: *`) |\n| --- | --- | --- |\n")
        for domain, package in sorted(domain_packages.items()):
            out.write(f"| {domain} | {package} | {licences[package]} |\n")
    with open(args.heldout, "w", encoding="utf-8", newline="\n") as out:
        out.write("# lang\tkind\ttext — held-out catalog text, see Sources/TMText/Resources/langid/PROVENANCE.md\n")
        for lang, kind, text in heldout_rows:
            out.write(f"{lang}\t{kind}\t{text.replace(chr(9), ' ')}\n")


if __name__ == "__main__":
    main()
