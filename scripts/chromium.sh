#!/usr/bin/env bash
# Headless Chromium for the documentation browser test: Debian's chromium package at /usr/bin/chromium
# (playwright-core drives it; no browser is downloaded). Installs it when missing; idempotent.
set -euo pipefail
BIN="${CRMS_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$BIN" ]; then exit 0; fi
echo "[chromium] installing Debian's chromium package (first run only)" >&2
if [ "$(id -u)" != "0" ]; then echo "[chromium] need root to apt-get install chromium" >&2; exit 1; fi
apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
[ -x "$BIN" ] || { echo "[chromium] $BIN still missing after the install" >&2; exit 1; }
