#!/usr/bin/env bash
# Smoke-test the frozen bundle (packaging/build.sh first) as a user's PC would run it:
# a copy of dist/inventory-app/ in a temporary folder, no Python on PATH, and, where the
# kernel allows a private mount namespace, the source tree and the system's Python library
# hidden under empty folders. Then:
#   1. every shared library of the bundle resolves (Linux: ldd finds no "not found" Qt lib)
#   2. inventory-app-cli init --demo           (a new demo database in the temp folder)
#   3. inventory-app-cli verify                (the ledger of that database)
#   4. inventory-app --smoke, offscreen        (the window paints once, exit 0)
# Exit 0 when all pass. Usage: packaging/smoke.sh [BUNDLE_DIR]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
bundle=$(cd "${1:-$repo/dist/inventory-app}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -a "$bundle" "$work/app"
mkdir -p "$work/empty-bin" "$work/home" "$work/data"

missing=$(find "$work/app" -name '*.so*' -type f -exec ldd {} \; 2>/dev/null | grep 'libQt6.*not found' | sort -u || true)
if [ -n "$missing" ]; then
    echo "smoke: unresolved Qt libraries in the bundle:" >&2
    echo "$missing" >&2
    exit 1
fi

cat > "$work/run.sh" <<'INNER'
set -euo pipefail
cd "$WORK"
export PATH="$WORK/empty-bin" HOME="$WORK/home" INVENTORY_DATA_DIR="$WORK/data"
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV INVENTORY_DB_URL
if command -v python3 >/dev/null 2>&1 || command -v python >/dev/null 2>&1; then
    echo "smoke: a Python is still on PATH" >&2; exit 1
fi
db="$WORK/smoke.sqlite3"
"$WORK/app/inventory-app-cli" --db "$db" init --demo >"$WORK/init.log" 2>&1 \
    || { /bin/cat "$WORK/init.log" >&2; echo "smoke: init --demo failed" >&2; exit 1; }
INVENTORY_PASSWORD=demo1234 "$WORK/app/inventory-app-cli" --db "$db" --user admin verify \
    || { echo "smoke: verify failed" >&2; exit 1; }
QT_QPA_PLATFORM=offscreen INVENTORY_USER=keeper_city INVENTORY_PASSWORD=demo1234 \
    "$WORK/app/inventory-app" --db "$db" --smoke \
    || { echo "smoke: the window did not start" >&2; exit 1; }
echo "smoke: frozen CLI and GUI passed"
INNER

hide="mount -t tmpfs none '$repo'"
for lib in /usr/lib/python3* /usr/local/lib/python3*; do
    [ -d "$lib" ] && hide="$hide && mount -t tmpfs none '$lib'"
done
if unshare --mount true 2>/dev/null; then
    # The source tree and the system's Python library are empty folders in here.
    exec env WORK="$work" unshare --mount /bin/bash -c "$hide && /bin/bash '$work/run.sh'"
fi
echo "smoke: no private mount namespace here; the source tree stays visible" >&2
WORK="$work" /bin/bash "$work/run.sh"
