#!/usr/bin/env bash
# Refreshes the translation sources (.ts, edited with pyside6-linguist) and builds the .qm files.
# A string that moved to another class keeps its translation (tools/i18n_carry.py).
set -euo pipefail
cd "$(dirname "$0")/.."
snapshot=$(mktemp)
trap 'rm -f "$snapshot"' EXIT
for lang in en; do
  ts="resources/i18n/luoshi_${lang}.ts"
  .venv/bin/python tools/i18n_carry.py save "$ts" "$snapshot"
  .venv/bin/pyside6-lupdate -no-obsolete desktop/ui/*.py desktop/app.py -ts "$ts"
  .venv/bin/python tools/i18n_carry.py fill "$ts" "$snapshot"
  .venv/bin/pyside6-lrelease "$ts" -qm "resources/i18n/luoshi_${lang}.qm"
done
