#!/usr/bin/env bash
# Builds the one-folder Linux bundle dist/LuoshiLedger with PyInstaller, then runs its self-test.
# Usage: bash installer/build.sh [--no-self-test]
# Needs: Debian or Ubuntu x86-64, Python 3.11 (python3, or set PYTHON=/path/to/python3.11).
# Everything it installs goes into build/venv (pinned: requirements.lock and
# installer/requirements-build.lock); nothing is installed into the project's .venv.
set -euo pipefail
cd "$(dirname "$0")/.."

SELF_TEST=1
for arg in "$@"; do
  case "$arg" in
    --no-self-test) SELF_TEST=0 ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

started=$(date +%s)

# Debian packages: PyInstaller needs binutils (objdump) on Linux; the self-test needs the
# libraries Qt loads (the same list as tools/setup.sh).
DEB_PACKAGES=(python3 python3-venv python3-pip binutils
  libgl1 libegl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-render-util0 libxcb-image0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1)
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
if ! "$PY" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else 1)'; then
  echo "Python 3.11 is required (found: $("$PY" --version 2>&1)); set PYTHON=/path/to/python3.11" >&2
  exit 1
fi

VENV=build/venv
if [ ! -x "$VENV/bin/python" ]; then
  echo "Creating the build environment in $VENV"
  "$PY" -m venv "$VENV"
fi
stamp="$VENV/.installed"
want_hash=$(cat requirements.lock installer/requirements-build.lock | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || ! grep -qx "$want_hash" "$stamp"; then
  echo "Installing the pinned packages into $VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check \
    -r requirements.lock -r installer/requirements-build.lock
  echo "$want_hash" > "$stamp"
fi

echo "Building dist/LuoshiLedger (PyInstaller, one folder); this takes a few minutes"
"$VENV/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller installer/luoshi.spec

BUNDLE=dist/LuoshiLedger
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
version=$("$VENV/bin/python" -c 'import desktop; print(desktop.__version__)')
size_mb=$(du -sm "$BUNDLE" | cut -f1)
{
  echo "落实台账 (Luoshi Ledger) $version"
  echo "commit: $commit"
  echo "built: $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(uname -sm), $("$VENV/bin/python" --version)"
  echo "size: ${size_mb} MB"
} > "$BUNDLE/BUILD-INFO.txt"
built=$(date +%s)
echo "Built $BUNDLE: ${size_mb} MB in $((built - started)) s"

if [ "$SELF_TEST" = 1 ]; then
  echo "Running the bundle's self-test"
  QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" "$BUNDLE/LuoshiLedger" --self-test
fi
echo "Done in $(($(date +%s) - started)) s: $BUNDLE (start it with $BUNDLE/LuoshiLedger)"
