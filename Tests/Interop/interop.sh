#!/usr/bin/env bash
# tmkit interoperability test: do the files tmkit writes load in tools we did not write?
#
# Usage: Tests/Interop/interop.sh FILE.tmx [--tbx FILE.tbx] [--glossary FILE.txt|FILE.csv] [--keep]
#
#   TMX       valid against the TMX 1.4 DTD (xmllint --nonet), header attributes and BCP 47 tags checked,
#             loaded by translate-toolkit (every <tu> must come back), then OmegaT is run headless
#             (--mode=console-translate) on a project whose tm/auto/ holds the TMX and whose source file holds every
#             source segment: every segment must come out translated with the TMX's target.
#   --tbx     TBX v2 (martif): TBX core DTD, and the TBX-Basic RNG when type="TBX-Basic"; TBX v3 (tbx): the
#             TBX-Basic v3 RNG. Then loaded by translate-toolkit (v2 only) and by OmegaT's TBX glossary reader.
#   --glossary  OmegaT tab-separated glossary (.txt/.utf8/.tab) or CSV with a language-code header row: UTF-8,
#             every entry has a source and a target, and OmegaT's glossary reader finds the entries.
#
# Installs what is missing: apt packages libxml2-utils and omegat (OmegaT 3.6, Java), and a Python venv with
# translate-toolkit (INTEROP_VENV, default /tmp/tmkit-interop-venv). INTEROP_NO_INSTALL=1 never installs.
# Schemas come from Tests/Fixtures/schemas/ of this repository. Prints one PASS/FAIL line per check and ends with
# "N passed, N failed"; exits 1 when anything failed, 2 on bad arguments.
set -u
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SCHEMAS="$(cd "$HERE/../Fixtures/schemas" && pwd)"
export XML_CATALOG_FILES="$SCHEMAS/catalog.xml"
VENV="${INTEROP_VENV:-/tmp/tmkit-interop-venv}"
OMEGAT_JAR="${OMEGAT_JAR:-/usr/share/omegat/OmegaT.jar}"

TMX=""; TBX=""; GLOSS=""; KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --tbx) TBX="${2:-}"; shift 2 || true;;
    --glossary) GLOSS="${2:-}"; shift 2 || true;;
    --keep) KEEP=1; shift;;
    -h|--help) sed -n '2,21p' "$0"; exit 0;;
    -*) echo "unknown option: $1" >&2; exit 2;;
    *) if [ -z "$TMX" ]; then TMX="$1"; shift; else echo "unexpected argument: $1" >&2; exit 2; fi;;
  esac
done
[ -n "$TMX" ] || { echo "usage: $0 FILE.tmx [--tbx FILE.tbx] [--glossary FILE.txt|FILE.csv] [--keep]" >&2; exit 2; }
for f in "$TMX" ${TBX:+"$TBX"} ${GLOSS:+"$GLOSS"}; do [ -f "$f" ] || { echo "no such file: $f" >&2; exit 2; }; done
abspath() { (cd "$(dirname "$1")" && echo "$PWD/$(basename "$1")"); }
TMX="$(abspath "$TMX")"; [ -n "$TBX" ] && TBX="$(abspath "$TBX")"; [ -n "$GLOSS" ] && GLOSS="$(abspath "$GLOSS")"

PASS=0; FAIL=0
pass() { PASS=$((PASS+1)); echo "PASS  $1"; }
fail() { FAIL=$((FAIL+1)); echo "FAIL  $1"; }
indent() { sed 's/^/      /'; }
plain_name() { local name; name="$(basename "$1")"; echo "${name%.gold}"; }  # gold fixtures: x.tmx.gold -> x.tmx
# Counts the "PASS  ..." / "FAIL  ..." lines a helper printed, and shows every line.
tally() {
  local line
  while IFS= read -r line; do
    case "$line" in
      PASS*) PASS=$((PASS+1));;
      FAIL*) FAIL=$((FAIL+1));;
    esac
    echo "$line"
  done < "$1"
}

# ------------------------------------------------------------------------------------------------ dependencies
install_deps() {
  local need=()
  command -v xmllint >/dev/null || need+=(libxml2-utils)
  { command -v java >/dev/null && [ -f "$OMEGAT_JAR" ]; } || need+=(omegat)
  command -v python3 >/dev/null || need+=(python3)
  python3 -c 'import venv, ensurepip' 2>/dev/null || need+=(python3-venv)
  if [ ${#need[@]} -gt 0 ]; then
    [ "${INTEROP_NO_INSTALL:-0}" = 1 ] && { echo "missing: ${need[*]}" >&2; return 1; }
    local SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    echo "installing ${need[*]} ..." >&2
    $SUDO apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >&2 \
      || return 1
  fi
  if ! "$VENV/bin/python" -c 'import translate.storage.tmx, translate.storage.tbx, lxml' 2>/dev/null; then
    [ "${INTEROP_NO_INSTALL:-0}" = 1 ] && { echo "missing translate-toolkit venv at $VENV" >&2; return 1; }
    echo "creating $VENV with translate-toolkit ..." >&2
    python3 -m venv "$VENV" >&2 && "$VENV/bin/pip" install -q translate-toolkit lxml >&2 || return 1
  fi
}
install_deps || { echo "FAIL  dependencies: could not install what the test needs"; echo "0 passed, 1 failed"; exit 1; }
PY="$VENV/bin/python"
WORK="$(mktemp -d /tmp/tmkit-interop.XXXXXX)"
cleanup() { if [ "$KEEP" = 1 ]; then echo "kept: $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT

# ------------------------------------------------------------------------------------------------ TMX
echo "== TMX: $TMX"
if out=$(xmllint --noout --nonet --dtdvalid "$SCHEMAS/tmx/tmx14.dtd" "$TMX" 2>&1); then
  pass "tmx-dtd: valid against the TMX 1.4 DTD"
else
  fail "tmx-dtd: not valid against the TMX 1.4 DTD"; echo "$out" | head -8 | indent
fi

# Reads the TMX with translate-toolkit and with lxml (no DTD, no entities, no network). Prints "PASS|FAIL  name: text"
# lines, and writes the pairs OmegaT must reproduce to pairs.json.
"$PY" - "$TMX" "$WORK" > "$WORK/tmx.out" 2>&1 <<'PYEOF'
import sys, json, re
from lxml import etree
path, work = sys.argv[1], sys.argv[2]
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
def report(ok, text): print(("PASS  " if ok else "FAIL  ") + text)
try:
    root = etree.parse(path, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)).getroot()
except Exception as e:
    report(False, "tmx-parse: not well-formed: %s" % e); sys.exit(0)
tus = root.findall("body/tu")
try:
    from translate.storage import tmx
    store = tmx.tmxfile.parsefile(path)
    report(len(store.units) == len(tus) and len(tus) > 0,
           "tmx-ttk-load: translate-toolkit read %d of %d units (source language %s)"
           % (len(store.units), len(tus), store.getsourcelanguage()))
except Exception as e:
    report(False, "tmx-ttk-load: translate-toolkit could not read the file: %s: %s" % (type(e).__name__, e))
header = root.find("header")
required = ["creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"]
missing = [a for a in required if header is None or not header.get(a)]
report(not missing, "tmx-header: the seven required header attributes are present"
       + (" (missing: %s)" % ", ".join(missing) if missing else ""))
date = header.get("creationdate") if header is not None else None
if date is not None:
    report(re.fullmatch(r"\d{8}T\d{6}Z", date) is not None, "tmx-date: creationdate %s is YYYYMMDDThhmmssZ" % date)
srclang = header.get("srclang", "") if header is not None else ""
langs = {}
for tu in tus:
    for tuv in tu.findall("tuv"):
        lang = tuv.get(XML_LANG) or tuv.get("lang") or ""
        langs[lang] = langs.get(lang, 0) + 1
canonical = r"[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?(-[a-z0-9]{5,8})*"
bad = [l for l in langs if not re.fullmatch(canonical, l)]
report(not bad and (srclang == "*all*" or srclang in langs),
       "tmx-languages: tuv languages %s are canonical BCP 47 tags and srclang=%s is among them"
       % (json.dumps(langs, ensure_ascii=False), srclang))
# The pairs OmegaT must reproduce: units with a source and a target and no inline codes.
source = srclang if srclang in langs else next(iter(langs), "")
target = next((l for l in langs if l.split("-")[0] != source.split("-")[0]), "")
pairs = {}
for tu in tus:
    segs = {}
    for tuv in tu.findall("tuv"):
        seg = tuv.find("seg")
        if seg is not None and len(seg) == 0:
            segs.setdefault(tuv.get(XML_LANG) or tuv.get("lang"), seg.text or "")
    s, t = segs.get(source, "").strip(), segs.get(target, "").strip()
    if s and t:
        pairs.setdefault(s, set()).add(t)
json.dump({"source": source, "target": target, "pairs": {k: sorted(v) for k, v in pairs.items()}},
          open(work + "/pairs.json", "w", encoding="utf-8"), ensure_ascii=False)
PYEOF
tally "$WORK/tmx.out"

# ------------------------------------------------------------------------------------------------ OmegaT
# A project with paragraph segmentation (one source paragraph = one OmegaT segment), the TMX in tm/auto/ (OmegaT
# fills exact matches from there on load), the glossaries in glossary/. A Groovy hook prints what OmegaT's own
# glossary readers find in glossary/.
run_omegat() {
  local sl tl project="$WORK/omegat-project"
  sl=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["source"])' "$WORK/pairs.json" 2>/dev/null)
  tl=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["target"])' "$WORK/pairs.json" 2>/dev/null)
  if [ -z "$sl" ] || [ -z "$tl" ]; then fail "omegat-translate: no source and target language found in the TMX"; return; fi
  mkdir -p "$project"/{source,target,tm/auto,glossary,dictionary,omegat} "$WORK/omegat-config"
  cat > "$project/omegat.project" <<XML
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
    <project version="1.0">
        <source_dir>__DEFAULT__</source_dir>
        <target_dir>__DEFAULT__</target_dir>
        <tm_dir>__DEFAULT__</tm_dir>
        <glossary_dir>__DEFAULT__</glossary_dir>
        <glossary_file>__DEFAULT__</glossary_file>
        <dictionary_dir>__DEFAULT__</dictionary_dir>
        <source_lang>$sl</source_lang>
        <target_lang>$tl</target_lang>
        <source_tok>org.omegat.tokenizer.DefaultTokenizer</source_tok>
        <target_tok>org.omegat.tokenizer.DefaultTokenizer</target_tok>
        <sentence_seg>false</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
    </project>
</omegat>
XML
  "$PY" -c 'import json,sys; d=json.load(open(sys.argv[1], encoding="utf-8"))["pairs"]
open(sys.argv[2], "w", encoding="utf-8").write("\n\n".join(sorted(d)) + "\n")' "$WORK/pairs.json" "$project/source/segments.txt"
  cp "$TMX" "$project/tm/auto/$(plain_name "$TMX")"  # OmegaT goes by the extension: *.tmx, *.tbx, *.txt
  [ -n "$TBX" ] && cp "$TBX" "$project/glossary/$(plain_name "$TBX")"
  [ -n "$GLOSS" ] && cp "$GLOSS" "$project/glossary/$(plain_name "$GLOSS")"
  cat > "$WORK/glossary-probe.groovy" <<'GROOVY'
import org.omegat.core.Core
import org.omegat.gui.glossary.*
if (eventType.toString() != "LOAD") return
new File(Core.getProject().getProjectProperties().getGlossaryRoot()).eachFileRecurse { f ->
  def n = f.name.toLowerCase()
  try {
    def entries = null
    if (n.endsWith(".tbx")) entries = GlossaryReaderTBX.read(f, false)
    else if (n.endsWith(".csv")) entries = GlossaryReaderCSV.read(f, false)
    else if (n.endsWith(".txt") || n.endsWith(".utf8") || n.endsWith(".tab")) entries = GlossaryReaderTSV.read(f, false)
    if (entries == null) { println "GLOSSARY\tSKIP\t${f.name}"; return }
    println "GLOSSARY\tFILE\t${f.name}\t${entries.size()}"
    entries.take(3).each { e -> println "GLOSSARY\tENTRY\t${f.name}\t${e.getSrcText()}\t${e.getLocText()}" }
  } catch (Throwable t) { println "GLOSSARY\tERROR\t${f.name}\t${t}" }
}
GROOVY
  timeout 300 java -Djava.awt.headless=true -Duser.language=en -Xmx1g -jar "$OMEGAT_JAR" "$project" \
    --mode=console-translate --config-dir="$WORK/omegat-config" --disable-project-locking --no-team \
    --script="$WORK/glossary-probe.groovy" > "$WORK/omegat.log" 2>&1
  local rc=$?
  echo "      OmegaT $(grep -m1 -o 'OmegaT-[0-9._a-zA-Z-]*' "$WORK/omegat.log" || echo '?'), project $sl -> $tl, exit $rc"
  if grep -q 'TF_TM_LOAD_ERROR' "$WORK/omegat.log"; then
    # OmegaT drops a TMX it cannot read and still exits 0.
    fail "omegat-tm-load: OmegaT refused the TMX"; grep -A2 'TF_TM_LOAD_ERROR' "$WORK/omegat.log" | head -3 | indent
  elif [ $rc = 0 ]; then
    pass "omegat-tm-load: OmegaT loaded the TMX from tm/auto/"
  else
    fail "omegat-tm-load: OmegaT exited with $rc"; tail -5 "$WORK/omegat.log" | indent
  fi
  if [ ! -f "$project/target/segments.txt" ]; then fail "omegat-translate: OmegaT wrote no target file"; return; fi
  "$PY" - "$WORK/pairs.json" "$project/target/segments.txt" > "$WORK/omegat.out" <<'PYEOF'
import json, sys, re
pairs = json.load(open(sys.argv[1], encoding="utf-8"))["pairs"]
sources = sorted(pairs)
paragraphs = re.split(r"\n[ \t]*\n", open(sys.argv[2], encoding="utf-8").read().strip("\n"))
translated = 0; examples = []
for i, s in enumerate(sources):
    t = paragraphs[i].strip() if i < len(paragraphs) else ""
    if t in pairs[s]: translated += 1
    elif len(examples) < 3: examples.append(("left in source: " if t == s else "got: ") + t[:150])
ok = translated == len(sources) and len(sources) > 0
print(("PASS  " if ok else "FAIL  ") + "omegat-translate: %d of %d segments came out translated from the TMX"
      % (translated, len(sources)))
for e in examples: print("      " + e)
PYEOF
  tally "$WORK/omegat.out"
}
run_omegat

glossary_in_omegat() {  # NAME LABEL
  local n
  n=$(awk -F'\t' -v f="$1" '$1=="GLOSSARY" && $2=="FILE" && $3==f {print $4}' "$WORK/omegat.log" 2>/dev/null)
  if [ -n "$n" ] && [ "$n" -gt 0 ]; then
    pass "$2-omegat: OmegaT's glossary reader found $n entries"
    awk -F'\t' -v f="$1" '$1=="GLOSSARY" && $2=="ENTRY" && $3==f {print $4 " = " $5}' "$WORK/omegat.log" | indent
  else
    fail "$2-omegat: OmegaT's glossary reader found no entries ($(grep -P "GLOSSARY\t(ERROR|SKIP)\t$1" "$WORK/omegat.log" | cut -f2- | head -1))"
  fi
}

# ------------------------------------------------------------------------------------------------ TBX
if [ -n "$TBX" ]; then
  echo "== TBX: $TBX"
  root=$(xmllint --nonet --xpath 'local-name(/*)' "$TBX" 2>/dev/null)
  type=$(xmllint --nonet --xpath 'string(/*/@type)' "$TBX" 2>/dev/null)
  if [ "$root" = martif ]; then
    if out=$(xmllint --noout --nonet --dtdvalid "$SCHEMAS/tbx-v2-default/TBXcoreStructV02.dtd" "$TBX" 2>&1); then
      pass "tbx-dtd: TBX v2 (martif type=$type) valid against the TBX core structure DTD"
    else fail "tbx-dtd: not valid against TBXcoreStructV02.dtd"; echo "$out" | head -8 | indent; fi
    if [ "$type" = TBX-Basic ]; then
      if out=$(xmllint --noout --nonet --relaxng "$SCHEMAS/tbx-v2-basic/TBXBasicRNGV02.rng" "$TBX" 2>&1); then
        pass "tbx-basic-rng: valid against the TBX-Basic RNG"
      else fail "tbx-basic-rng: not valid against TBXBasicRNGV02.rng"; echo "$out" | head -8 | indent; fi
    fi
    if out=$("$PY" -c 'import sys
from translate.storage import tbx
units = [u for u in tbx.tbxfile.parsefile(sys.argv[1]).units if u.source]
print(len(units), [(u.source, u.target) for u in units[:3]])' "$TBX" 2>&1) && [ "${out%% *}" != 0 ]; then
      pass "tbx-ttk-load: translate-toolkit read $(echo "$out" | cut -c1-200)"
    else fail "tbx-ttk-load: translate-toolkit read no terms: $(echo "$out" | tail -1 | cut -c1-200)"; fi
  elif [ "$root" = tbx ]; then
    if out=$(xmllint --noout --nonet --relaxng "$SCHEMAS/tbx-v3-basic/TBXcoreStructV03_TBX-Basic_integrated.rng" "$TBX" 2>&1); then
      pass "tbx-v3-rng: valid against the TBX-Basic v3 RNG (the Schematron rules are not checked)"
    else fail "tbx-v3-rng: not valid against the TBX-Basic v3 RNG"; echo "$out" | head -8 | indent; fi
  else
    fail "tbx-root: not well-formed or not TBX (root element '$root')"
  fi
  [ "$root" = tbx ] || glossary_in_omegat "$(plain_name "$TBX")" tbx  # OmegaT 3.6 reads TBX v2 only
fi

# ------------------------------------------------------------------------------------------------ TSV / CSV
if [ -n "$GLOSS" ]; then
  echo "== glossary: $GLOSS"
  "$PY" - "$GLOSS" > "$WORK/glossary.out" <<'PYEOF'
import sys, csv, io
path = sys.argv[1]
try:
    text = open(path, "rb").read().decode("utf-8")
except UnicodeDecodeError as e:
    print("FAIL  glossary-format: not UTF-8: %s" % e); sys.exit(0)
if path.lower().endswith((".csv", ".csv.gold")):
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header, rows = rows[0] if rows else [], rows[1:]
    import re
    ok = len(header) >= 2 and all(re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)*", h) for h in header[:2])
    print(("PASS  " if ok else "FAIL  ") + "glossary-csv-header: first row names the languages: %s" % header)
else:
    rows = [line.split("\t") for line in text.splitlines()]
bad = [i for i, r in enumerate(rows, 1)
       if r and not (len(r) == 1 and not r[0].strip()) and not r[0].startswith("#")
       and (len(r) < 2 or not r[0].strip() or not r[1].strip())]
n = sum(1 for r in rows if r and r[0].strip() and not r[0].startswith("#"))
print(("PASS  " if n and not bad else "FAIL  ")
      + "glossary-format: UTF-8, %d entries, each with a source and a target%s"
      % (n, " (bad lines: %s)" % bad[:5] if bad else ""))
PYEOF
  tally "$WORK/glossary.out"
  glossary_in_omegat "$(plain_name "$GLOSS")" glossary
  case "$(plain_name "$GLOSS")" in
    *.csv) echo "      (OmegaT's CSV glossary reader has no header row: it counts the language row as an entry)";;
  esac
fi

echo "$PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
