#!/usr/bin/env bash
# Builds an English–Spanish corpus of software messages from the Spanish message catalogs (.mo) that Debian
# packages ship: apt-get download, dpkg-deb -x, msgunfmt, then po-to-tsv.py (one pair a line, deduplicated).
# Usage: Benchmarks/terms/make-corpus.sh [WORKDIR]   (default /tmp/tmkit-terms-corpus; needs gettext)
#        PACKAGES="git synaptic ..." Benchmarks/terms/make-corpus.sh /tmp/heldout   (another package list)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="${1:-/tmp/tmkit-terms-corpus}"
mkdir -p "$work/debs" "$work/root" "$work/po"
default_packages=(coreutils tar grep sed findutils diffutils bash gettext wget util-linux-locales e2fsprogs dpkg apt
          gnupg-l10n sudo nano parted make binutils-common cpp-14 gcc-14-locales libc-l10n gawk bison psmisc
          procps shared-mime-info xkb-data iso-codes libgtk-3-common libglib2.0-data cups-common gimp-data
          aptitude-common network-manager-l10n? )
read -r -a packages <<< "${PACKAGES:-${default_packages[*]}}"
cd "$work/debs"
for p in "${packages[@]}"; do
    p="${p%\?}"
    apt-get download "$p" >/dev/null 2>&1 || echo "skipped $p" >&2
done
for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$work/root"; done
find "$work/root" -path '*/locale/es/LC_MESSAGES/*.mo' | sort | while read -r mo; do
    msgunfmt "$mo" -o "$work/po/$(basename "$mo" .mo).po" 2>/dev/null || true
done
python3 "$here/po-to-tsv.py" "$work"/po/*.po > "$work/en-es.tsv"
wc -l "$work/en-es.tsv"
