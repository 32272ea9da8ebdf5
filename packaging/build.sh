#!/usr/bin/env bash
# Build the one-folder bundle dist/inventory-app/ (the window `inventory-app` and the command
# line `inventory-app-cli`) on Linux, from a clean clone:
#     packaging/build.sh            # then: packaging/smoke.sh
# It makes its own virtual environment (build/venv) with the app and PyInstaller, so the
# bundle holds exactly what pyproject.toml asks for. Windows: packaging/build.ps1.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
VENV=${BUILD_VENV:-build/venv}

start=$(date +%s)
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip
# Not editable: the bundle must not depend on this checkout (the spec takes resources/ and
# db/ from it explicitly, and the installed metadata gives the version).
"$VENV/bin/python" -m pip install -q . "pyinstaller>=6.10"
rm -rf build/inventory_app dist/inventory-app
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --workpath build --distpath dist packaging/inventory_app.spec
end=$(date +%s)

echo "bundle: dist/inventory-app ($(du -sh dist/inventory-app | cut -f1), $(find dist/inventory-app -type f | wc -l) files), built in $((end - start)) s"
