#!/usr/bin/env bash
# The whole test suite, from a fresh machine: venv, dependencies, Debian's
# chromium for the browser test, then ruff (lint + format), mypy and pytest.
# Extra arguments go to pytest (e.g. scripts/test.sh -k parse).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
# Exactly the versions that were tested (refresh: see README, "Set-up").
.venv/bin/python -m pip install --quiet --disable-pip-version-check \
  -c requirements/constraints.txt -e '.[dev]'

# The real-browser test needs Debian's chromium (Playwright cannot download its own here).
if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser test…"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-color-emoji >/dev/null
fi

echo "== ruff check"; .venv/bin/ruff check .
echo "== ruff format --check"; .venv/bin/ruff format --check .
echo "== mypy"; .venv/bin/mypy
echo "== pytest"
set +e
.venv/bin/python -m pytest "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: failing on purpose" >&2
  exit 1
fi
exit "$status"
