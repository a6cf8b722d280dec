#!/usr/bin/env bash
# Starts Debian's PostgreSQL 15 when it is not running, and makes sure the test role exists.
# Prints nothing on success but the URL export line; stops nothing (a cluster that was already
# up is left as it was, and one this script started is left running for the test run).
# Usage: eval "$(bash scripts/ci/postgres.sh)"
set -euo pipefail

PG_ROLE=${PG_ROLE:-peerlock}
PG_PASSWORD=${PG_PASSWORD:-peerlock}
PG_DB=${PG_DB:-peerlock_test}

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "PostgreSQL is not installed: apt-get install postgresql" >&2
  exit 1
fi

status=$(pg_lsclusters --no-header | awk '$1=="15" && $2=="main" {print $4}')
if [[ "$status" != "online" ]]; then
  pg_ctlcluster --skip-systemctl-redirect 15 main start >&2
fi
port=$(pg_lsclusters --no-header | awk '$1=="15" && $2=="main" {print $3}')

psql_admin() { runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qtA "$@"; }
if [[ -z "$(psql_admin -c "select 1 from pg_roles where rolname = '$PG_ROLE'")" ]]; then
  # CREATEDB: each suite makes its own throw-away databases next to this one.
  psql_admin -c "create role $PG_ROLE login createdb password '$PG_PASSWORD'" >&2
fi
if [[ -z "$(psql_admin -c "select 1 from pg_database where datname = '$PG_DB'")" ]]; then
  psql_admin -c "create database $PG_DB owner $PG_ROLE" >&2
fi
echo "export TEST_DATABASE_URL=postgres://$PG_ROLE:$PG_PASSWORD@127.0.0.1:$port/$PG_DB"
