#!/bin/sh
# Runs a command inside its own D-Bus session with an unlocked GNOME keyring, so keytar
# (libsecret → Secret Service) works headless on Linux: in CI, in containers, over ssh.
# Usage: scripts/with-keyring.sh npm test
# The keyring lives in a temporary folder with a dummy password ("pw"): it holds only test
# secrets, and your own login keyring is neither read nor unlocked nor changed.
set -eu
if [ $# -eq 0 ]; then
  echo "usage: $0 COMMAND [ARG...]" >&2
  exit 2
fi
# The daemon runs in the foreground so it can be stopped afterwards: a daemonized one
# outlives short sessions. Wait for it to own the Secret Service name, or the first
# keytar call would make D-Bus start a second, locked keyring.
exec dbus-run-session -- sh -c '
  keyrings=$(mktemp -d)
  printf pw | XDG_DATA_HOME="$keyrings" gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null &
  daemon=$!
  tries=0
  until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; do
    tries=$((tries + 1))
    if [ "$tries" -ge 100 ]; then
      echo "with-keyring: the keyring did not start within 5 s; keychain calls will fail" >&2
      break
    fi
    sleep 0.05
  done
  status=0
  "$@" || status=$?
  kill "$daemon" 2>/dev/null || true
  rm -rf "$keyrings"
  exit "$status"
' with-keyring "$@"
