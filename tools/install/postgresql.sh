#!/usr/bin/env bash
# PostgreSQL for the TaceCds.Store tests (the same suite runs against SQLite and PostgreSQL).
# Installs the Debian package when missing, then runs a dedicated cluster "tacecds" (owned by the
# postgres user) on 127.0.0.1 only, port $TACECDS_PG_PORT (default 54329), so it never collides with a
# cluster someone else runs on 5432. Creates role and database "tacecds" (password "tacecds").
# Tests read TACECDS_TEST_PG; its default matches what this script sets up. Exports nothing.
# Idempotent and quiet when everything is already there and running.
set -euo pipefail
port="${TACECDS_PG_PORT:-54329}"
cluster=tacecds

if ! command -v pg_createcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "postgresql not found: installing from the distribution"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
version="$(ls /usr/lib/postgresql | sort -V | tail -1)"

if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version $cluster"; then
  pg_createcluster "$version" "$cluster" -p "$port" >/dev/null
  # Loopback only; durability settings explicit because the store's crash tests rely on them.
  printf "listen_addresses = '127.0.0.1'\nfsync = on\nsynchronous_commit = on\n" \
    > "/etc/postgresql/$version/$cluster/conf.d/tacecds.conf"
  echo "created PostgreSQL $version cluster $cluster on 127.0.0.1:$port"
fi
if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $4}' | grep -qx online; then
  pg_ctlcluster "$version" "$cluster" start
fi

# The cluster's local auth is peer; over 127.0.0.1 Debian's default pg_hba asks for a password, so use the socket.
psql_socket() { runuser -u postgres -- psql -p "$port" -d postgres -qtAX -v ON_ERROR_STOP=1 "$@"; }
for _ in $(seq 1 30); do
  psql_socket -c 'select 1' >/dev/null 2>&1 && break
  sleep 0.5
done
if [ "$(psql_socket -c "select 1 from pg_roles where rolname='tacecds'")" != "1" ]; then
  psql_socket -c "create role tacecds login password 'tacecds'"
fi
if [ "$(psql_socket -c "select 1 from pg_database where datname='tacecds'")" != "1" ]; then
  psql_socket -c "create database tacecds owner tacecds"
fi
