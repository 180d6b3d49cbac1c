#!/usr/bin/env bash
# A PostgreSQL server for the store's contract tests, on this machine (Debian, as root).
#
#   eval "$(bash scripts/postgres-for-tests.sh)"    # then: pytest tests/store
#
# Installs Debian's `postgresql` package when it is missing, keeps a cluster of its own
# (`parley_tests`, on 127.0.0.1:$PARLEY_PG_PORT, default 5439, tuned for throw-away data: no
# fsync) beside any other cluster, starts it, creates the role and database the tests use and
# waits until it accepts connections. It prints one line on stdout,
#   export PARLEY_TEST_POSTGRES='postgresql://parley:parley@127.0.0.1:5439/parley'
# and everything else on stderr. Run it again and it reuses the running server (a second or so).
set -euo pipefail

CLUSTER=parley_tests
PORT=${PARLEY_PG_PORT:-5439}
ROLE=parley
PASSWORD=parley
DATABASE=parley

say() { echo "postgres-for-tests: $*" >&2; }
die() { say "$*"; exit 1; }

latest_version() { ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1; }

# 1. The server binaries: Debian's package, installed once.
if [ -z "$(latest_version)" ] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
    [ "$(id -u)" -eq 0 ] || die "PostgreSQL is not installed; run this script as root to install it"
    say "installing Debian's postgresql package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
fi

# 2. Our cluster: reuse it if it exists (whatever its version), else create it on the newest version.
find_cluster() {
    VERSION= STATUS=
    read -r VERSION PORT_FOUND STATUS < <(
        pg_lsclusters --no-header 2>/dev/null | awk -v c="$CLUSTER" '$2 == c { print $1, $3, $4; exit }'
    ) || true
    if [ -n "$VERSION" ]; then PORT=$PORT_FOUND; fi
}
create_cluster() {
    VERSION=$(latest_version)
    say "creating cluster $VERSION/$CLUSTER on port $PORT"
    pg_createcluster "$VERSION" "$CLUSTER" --port "$PORT" --locale C.UTF-8 --encoding UTF8 \
        -o ssl=off -o fsync=off -o synchronous_commit=off \
        -o full_page_writes=off -o max_connections=200 -- --no-sync >&2
    STATUS=down
}
start_cluster() {
    say "starting cluster $VERSION/$CLUSTER"
    mkdir -p /var/run/postgresql && chown postgres:postgres /var/run/postgresql
    pg_ctlcluster "$VERSION" "$CLUSTER" start >&2
}

find_cluster
if [ "$STATUS" != online ]; then
    [ "$(id -u)" -eq 0 ] || die "run this script as root to create or start the $CLUSTER cluster"
    if [ -z "$VERSION" ]; then create_cluster; fi
    # 3. Started. It holds only throw-away test data: one that will not start is made anew.
    if ! start_cluster; then
        say "cluster $VERSION/$CLUSTER does not start: dropping it and creating it again"
        pg_dropcluster --stop "$VERSION" "$CLUSTER" >&2 || true
        create_cluster
        start_cluster
    fi
fi
for _ in $(seq 1 60); do
    pg_isready -q -h 127.0.0.1 -p "$PORT" && break
    sleep 0.5
done
pg_isready -q -h 127.0.0.1 -p "$PORT" || die "the server on 127.0.0.1:$PORT does not accept connections"

# 4. The role (allowed to create the per-test databases) and its database.
as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -h /var/run/postgresql -p "$PORT" "$@"
    else
        psql -X -q -v ON_ERROR_STOP=1 -h /var/run/postgresql -p "$PORT" "$@"
    fi
}
as_postgres -d postgres >&2 <<SQL
SELECT format('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', '$ROLE', '$PASSWORD')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$ROLE') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', '$DATABASE', '$ROLE')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$DATABASE') \gexec
SQL

echo "export PARLEY_TEST_POSTGRES='postgresql://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DATABASE'"
