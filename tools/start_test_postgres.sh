#!/bin/sh
# Start the local PostgreSQL 15 cluster for tests (Debian, run as root) and print its test URL.
# Idempotent: safe to run when the cluster is already up and the role already exists.
set -eu

ROLE=inventory_test
PASSWORD=inventory_test
URL="postgresql+psycopg://${ROLE}:${PASSWORD}@127.0.0.1:5432/postgres"

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "pg_ctlcluster not found: install postgresql (apt-get install postgresql)" >&2
    exit 1
fi

if ! pg_lsclusters -h 2>/dev/null | awk '$1 == "15" && $2 == "main" {print $4}' | grep -q online; then
    pg_ctlcluster 15 main start >&2
fi

# Wait until the server accepts connections (at most ~30 s).
i=0
until runuser -u postgres -- psql -p 5432 -Atqc 'SELECT 1' >/dev/null 2>&1; do
    i=$((i + 1))
    if [ "$i" -ge 60 ]; then
        echo "PostgreSQL did not come up" >&2
        exit 1
    fi
    sleep 0.5
done

exists=$(runuser -u postgres -- psql -p 5432 -Atqc \
    "SELECT 1 FROM pg_roles WHERE rolname = '${ROLE}'")
if [ "$exists" != "1" ]; then
    runuser -u postgres -- psql -p 5432 -qv ON_ERROR_STOP=1 -c \
        "CREATE ROLE ${ROLE} LOGIN SUPERUSER PASSWORD '${PASSWORD}'" >&2
fi

echo "$URL"
