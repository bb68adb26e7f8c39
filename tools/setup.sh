#!/usr/bin/env bash
# Installs what the application (and, with --test, its checks) needs on Debian, into ./.venv.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

WITH_TEST=0
[ "${1:-}" = "--test" ] && WITH_TEST=1

# Debian packages: Python, and the libraries Qt needs to run (offscreen in tests, or in a window).
DEB_PACKAGES=(python3 python3-venv python3-pip
  libgl1 libegl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-render-util0 libxcb-image0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1)
if [ "$WITH_TEST" = 1 ]; then
  DEB_PACKAGES+=(poppler-utils xvfb)
fi

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${DEB_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    echo "Installing Debian packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi

stamp=.venv/.installed
want=$(cat requirements.lock pyproject.toml; [ "$WITH_TEST" = 1 ] && cat requirements-test.lock; true)
want_hash=$(printf '%s' "$want" | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || ! grep -qx "$want_hash" "$stamp"; then
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null || true
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.lock
  if [ "$WITH_TEST" = 1 ]; then
    .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-test.lock
  fi
  echo "$want_hash" >> "$stamp"
fi
