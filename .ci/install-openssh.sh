#!/bin/sh
# Installs OpenSSH's server for the SFTP tests (emulator/test/sftp) and prepares what sshd needs
# to start. Idempotent: does nothing but `mkdir -p /run/sshd` when sshd is already installed.
# Tests start their own sshd on a loopback port with their own config; this script never starts,
# stops or reconfigures a system sshd.
set -eu

if [ -x /usr/sbin/sshd ] && command -v ssh-keygen >/dev/null 2>&1; then
  echo "install-openssh: $(/usr/sbin/sshd -V 2>&1 | head -n 1 || true) already installed"
else
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-openssh: must run as root to install openssh-server" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # policy-rc.d keeps the package from starting a system sshd on port 22 inside containers.
  created_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    created_policy=1
  fi
  apt-get install -y -qq --no-install-recommends openssh-server openssh-client >/dev/null
  if [ "$created_policy" -eq 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
  echo "install-openssh: installed $(/usr/sbin/sshd -V 2>&1 | head -n 1 || true)"
fi

# sshd refuses to start without its privilege separation directory.
if [ "$(id -u)" -eq 0 ]; then
  mkdir -p /run/sshd
  chmod 0755 /run/sshd
fi
