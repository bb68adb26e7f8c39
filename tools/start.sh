#!/usr/bin/env bash
# Sets up (first time) and starts 落实台账. Extra arguments go to main.py, e.g. --data-dir DIR.
# Without a graphical session (a server, a container) the window is started on a virtual
# display (Xvfb), so the command still starts the application: useful to check that it runs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  if ! command -v xvfb-run >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    echo "没有检测到图形界面：正在安装虚拟显示器 xvfb（只需一次）…" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends xvfb xauth >/dev/null
  fi
  echo "没有检测到图形界面（DISPLAY 未设置）：程序在虚拟显示器上启动，屏幕上看不到窗口。" \
    "要使用程序，请在桌面环境中运行本命令。按 Ctrl+C 退出。" >&2
  exec xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python main.py "$@"
fi
exec .venv/bin/python main.py "$@"
