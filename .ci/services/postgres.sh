#!/usr/bin/env bash
# Install (if needed) and start a real PostgreSQL server for the store tests, and create the test
# role and database. Tests find it at $NEWSDESK_TEST_PG, default
#   postgresql://newsdesk:newsdesk@127.0.0.1:5432/newsdesk_test
# (see tests/store/conftest.py); with CI=true they fail, rather than skip, when it is unreachable.
# Idempotent: safe to run again on a machine where the server already runs.
set -euo pipefail

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi

PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
VERSION="$(basename "$(dirname "$PGBIN")")"

if command -v pg_lsclusters >/dev/null 2>&1; then
  if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main"' | grep -q .; then
    $SUDO pg_createcluster "$VERSION" main >/dev/null
  fi
  if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
    $SUDO pg_ctlcluster "$VERSION" main start
  fi
else
  DATA=/var/lib/postgresql/newsdesk-ci
  if [ ! -d "$DATA" ]; then
    $SUDO install -d -o postgres -g postgres "$DATA"
    $SUDO -u postgres "$PGBIN/initdb" -D "$DATA" -A trust >/dev/null
  fi
  $SUDO -u postgres "$PGBIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w status >/dev/null 2>&1 \
    || $SUDO -u postgres "$PGBIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -o "-h 127.0.0.1" -w start
fi

for _ in $(seq 1 30); do
  if su postgres -c "psql -h 127.0.0.1 -p 5432 -tAc 'select 1'" >/dev/null 2>&1 \
     || su postgres -c "psql -tAc 'select 1'" >/dev/null 2>&1; then
    break
  fi
  sleep 1
done

run_sql() { $SUDO su postgres -c "psql -v ON_ERROR_STOP=1 -qtAc \"$1\""; }
if [ "$(run_sql "select 1 from pg_roles where rolname = 'newsdesk'")" != "1" ]; then
  run_sql "create role newsdesk login password 'newsdesk'"
fi
if [ "$(run_sql "select 1 from pg_database where datname = 'newsdesk_test'")" != "1" ]; then
  run_sql "create database newsdesk_test owner newsdesk"
fi
echo "postgres.sh: PostgreSQL $VERSION ready at postgresql://newsdesk:newsdesk@127.0.0.1:5432/newsdesk_test"
