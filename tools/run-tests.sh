#!/usr/bin/env bash
# Install everything the test suite needs and run it: the README's test command.
# On Debian as root it also installs the system packages (PostgreSQL, Qt's X/GL libraries)
# and starts a local PostgreSQL so the multi-PC tests run against a real server.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    need=()
    # Qt's xcb platform plugin needs every library in tools/debian-qt-packages.txt (the
    # README's set-up line installs the same list; tests/unit/test_qt_libraries.py checks it).
    for pkg in postgresql xvfb poppler-utils $(cat tools/debian-qt-packages.txt); do
        dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
    done
    if [ ${#need[@]} -gt 0 ]; then
        apt-get update -q
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
    fi
fi

[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[dev]'

# Static gates first: each takes seconds, and any failure stops the run before pytest.
gate() {
    echo "== $*" >&2
    "$@"
}
gate .venv/bin/ruff check inventory_app tests bench tools
gate .venv/bin/ruff format --check inventory_app tests bench tools
gate .venv/bin/mypy inventory_app
gate .venv/bin/lint-imports

if [ -z "${INVENTORY_TEST_PG_URL:-}" ] && [ "$(id -u)" = 0 ] && command -v pg_ctlcluster >/dev/null 2>&1; then
    INVENTORY_TEST_PG_URL=$(tools/start_test_postgres.sh)
    export INVENTORY_TEST_PG_URL
    export INVENTORY_REQUIRE_PG=1  # here PostgreSQL is available: its tests must not skip
fi

export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
