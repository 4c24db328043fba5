#!/usr/bin/env bash
# Builds the base test TMs (en→de, en→es, en→fr) from the message catalogs of Debian packages:
# apt-get download, extract the .mo files, msgunfmt (gettext), then po2tsv.py.
# Usage: Benchmarks/check/fetch.sh [WORKDIR]   (default /tmp/tmkit-check-bench); needs apt-get and gettext.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="${1:-/tmp/tmkit-check-bench}"
mkdir -p "$work/debs" "$work/root" "$work/po"
command -v msgunfmt >/dev/null || apt-get install -y gettext
packages="coreutils tar grep sed findutils diffutils wget gettext-base dpkg apt"
(cd "$work/debs" && apt-get download $packages >/dev/null 2>&1)
for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$work/root"; done
for lang in de es fr; do
  : > "$work/po/$lang.list"
  for mo in "$work"/root/usr/share/locale/$lang/LC_MESSAGES/*.mo; do
    name="$(basename "$mo" .mo)"
    msgunfmt "$mo" -o "$work/po/$name.$lang.po"
    echo "$work/po/$name.$lang.po" >> "$work/po/$lang.list"
  done
  python3 "$here/po2tsv.py" "$lang" $(cat "$work/po/$lang.list") > "$work/base-$lang.tsv"
  echo "$lang: $(($(wc -l < "$work/base-$lang.tsv") - 1)) units -> $work/base-$lang.tsv"
done
