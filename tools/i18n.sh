#!/usr/bin/env bash
# Refreshes the translation sources (.ts, edited with pyside6-linguist) and builds the .qm files.
set -euo pipefail
cd "$(dirname "$0")/.."
for lang in en; do
  .venv/bin/pyside6-lupdate -no-obsolete desktop/ui/*.py desktop/app.py -ts "resources/i18n/luoshi_${lang}.ts"
  .venv/bin/pyside6-lrelease "resources/i18n/luoshi_${lang}.ts" -qm "resources/i18n/luoshi_${lang}.qm"
done
