#!/bin/sh
# Installs Debian's Chromium for the status page tests (test/page), which drive it headless through
# playwright-core with executablePath /usr/bin/chromium. Idempotent. Never `playwright install`:
# that downloads browsers from a CDN, Debian's package comes from the distribution's mirror.
set -eu

if [ -x /usr/bin/chromium ]; then
  echo "install-chromium: $(/usr/bin/chromium --version 2>/dev/null || echo chromium) already installed"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-chromium: must run as root to install chromium" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# fonts-liberation: readable text in the screenshots the tests keep.
apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
echo "install-chromium: installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
