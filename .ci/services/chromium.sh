#!/usr/bin/env bash
# A real browser for the web UI tests: Debian's chromium (Playwright drives it; it never
# downloads a browser of its own).
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
chromium --version
