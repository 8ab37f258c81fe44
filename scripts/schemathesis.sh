#!/usr/bin/env bash
# Installs Schemathesis (pinned) from PyPI into .local/venv unless it is already there; prints the `st` path.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION="4.32.5"
VENV="${CRMS_STATE_DIR:-$ROOT/.local}/venv"
if ! "$VENV/bin/st" --version 2>/dev/null | grep -q "$VERSION"; then
  echo "[fuzz] installing schemathesis $VERSION into $VENV" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check "schemathesis==$VERSION" >&2
fi
echo "$VENV/bin/st"
