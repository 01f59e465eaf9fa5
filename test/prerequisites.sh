#!/bin/sh
# `npm test` runs this first: what the tests need from the machine, set up where it can be.
# - Chromium (the status page tests, test/page, drive it headless): on Debian as root it is installed
#   from the distribution (.ci/install-chromium.sh); elsewhere one line says what to install, and
#   test/page then fails with that same line.
# - OpenSSH's sshd is optional and never installed here: the SFTP tests use it when it is usable
#   (installed, run as root, not hidden by HC_SFTP_SERVER=embedded), the embedded server otherwise.
# Never fails: the tests report what is missing.
cd "$(dirname "$0")/.." || exit 0
chromium="${HC_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  if [ -z "${HC_CHROMIUM:-}" ] && [ "$(id -u)" -eq 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; then
    sh .ci/install-chromium.sh || echo "npm test: installing Debian's chromium failed (above): the status page tests (test/page) will fail" >&2
  else
    echo "npm test: no Chromium at $chromium: install Debian's chromium (as root: sh .ci/install-chromium.sh) or set HC_CHROMIUM to a Chromium binary, else the status page tests (test/page) fail" >&2
  fi
fi
if [ "${HC_SFTP_SERVER:-}" = embedded ]; then
  echo "npm test: SFTP tests use the embedded server (HC_SFTP_SERVER=embedded hides OpenSSH)"
elif [ -x /usr/sbin/sshd ] && [ "$(id -u)" -eq 0 ] && command -v ssh-keygen >/dev/null 2>&1; then
  echo "npm test: SFTP tests use OpenSSH's sshd, and the embedded server where a test runs on both"
else
  echo "npm test: SFTP tests use the embedded server (OpenSSH's sshd needs openssh-server and root)"
fi
exit 0
