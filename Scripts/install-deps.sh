#!/usr/bin/env bash
# Installs the system packages tmkit needs to build (and, with "test", to run every test) when they are missing
# (Debian/Ubuntu). Usage: Scripts/install-deps.sh [test]
set -eu
need=()
if [ "${1:-}" = test ]; then
  # the HTML report of `tmkit check` is tested in a real headless browser
  command -v chromium >/dev/null || need+=(chromium)
fi
pkg-config --exists libxml-2.0 2>/dev/null || need+=(libxml2-dev)
command -v pkg-config >/dev/null || need+=(pkg-config)
command -v xmllint >/dev/null || need+=(libxml2-utils)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  echo "installing ${need[*]} ..." >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >&2
fi
