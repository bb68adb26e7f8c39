#!/usr/bin/env bash
# Sets up (first time) and starts 落实台账. Extra arguments go to main.py, e.g. --data-dir DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "没有检测到图形界面（DISPLAY 未设置）。请在桌面环境中运行，或用 xvfb-run bash tools/start.sh。" >&2
  exit 1
fi
exec .venv/bin/python main.py "$@"
