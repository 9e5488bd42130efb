#!/usr/bin/env bash
# Run the web page on the bundled database (creates .venv on first use).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[app]'
exec .venv/bin/streamlit run app.py "$@"
