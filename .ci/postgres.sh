#!/usr/bin/env bash
# Starts a PostgreSQL server on loopback for the database tests and writes .ci/postgres.env with a connection
# string to a fresh, empty database. Safe to run again: installs only when the server binaries are missing,
# reuses its own cluster when it already runs, and recreates the database every time.
#
# The cluster is private to this script (own data directory, own port, own socket directory), so it neither
# depends on nor disturbs a distribution cluster such as Debian's 15/main on 5432.
#
# Overridable: PERSONALIZATION_PG_PORT (55432), PERSONALIZATION_PG_DATA (/var/tmp/personalization-ci-postgres).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

CI_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ENV_FILE="$CI_DIR/postgres.env"
PORT="${PERSONALIZATION_PG_PORT:-55432}"
DATA_ROOT="${PERSONALIZATION_PG_DATA:-/var/tmp/personalization-ci-postgres}"
ROLE="personalization_ci"
DATABASE="personalization_ci"
OS_USER="postgres"

fail()
{
    echo "postgres.sh: FAILED: $*" >&2
    if [ -n "${LOG_FILE:-}" ] && [ -f "$LOG_FILE" ]; then
        echo "---- last lines of $LOG_FILE ----" >&2
        tail -n 30 "$LOG_FILE" >&2 || true
    fi
    exit 1
}

log()
{
    echo "postgres.sh: $*"
}

# A stale env file must never point the tests at a database this run did not prepare.
rm -f "$ENV_FILE"

[ "$(id -u)" -eq 0 ] || fail "must run as root (it installs packages and runs the server as the '$OS_USER' user)"

newest_bin_dir()
{
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/postgres" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/psql" ]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

BIN_DIR="$(newest_bin_dir || true)"
if [ -z "$BIN_DIR" ]; then
    log "PostgreSQL server binaries not found; installing the distribution's postgresql package"
    apt-get update -q || fail "apt-get update failed"
    apt-get install -y -q --no-install-recommends postgresql || fail "apt-get install postgresql failed"
    BIN_DIR="$(newest_bin_dir || true)"
    [ -n "$BIN_DIR" ] || fail "postgresql installed but no server binaries under /usr/lib/postgresql/*/bin"
fi
MAJOR="$(basename "$(dirname "$BIN_DIR")")"
id -u "$OS_USER" >/dev/null 2>&1 || fail "the '$OS_USER' system user is missing (the postgresql package creates it)"

DATA_DIR="$DATA_ROOT/$MAJOR/data"
SOCKET_DIR="$DATA_ROOT/$MAJOR/run"
LOG_FILE="$DATA_ROOT/$MAJOR/server.log"

as_postgres()
{
    runuser -u "$OS_USER" -- "$@"
}

admin_psql()
{
    PGOPTIONS="-c client_min_messages=warning" as_postgres "$BIN_DIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCKET_DIR" -p "$PORT" -U "$OS_USER" -d postgres "$@"
}

mkdir -p "$DATA_ROOT/$MAJOR"
chown "$OS_USER": "$DATA_ROOT" "$DATA_ROOT/$MAJOR"
chmod 0755 "$DATA_ROOT"
chmod 0700 "$DATA_ROOT/$MAJOR"

# Several sessions on one machine may call this at once; one at a time prepares the cluster.
# (The server must not inherit this descriptor, or it would hold the lock for its whole life: see pg_ctl below.)
exec 9>"$DATA_ROOT/$MAJOR.lock"
flock -w 120 9 || fail "timed out waiting for another postgres.sh run to finish ($DATA_ROOT/$MAJOR.lock)"

if [ -f "$DATA_DIR/PG_VERSION" ] && [ "$(cat "$DATA_DIR/PG_VERSION")" != "$MAJOR" ]; then
    log "data directory was made by PostgreSQL $(cat "$DATA_DIR/PG_VERSION"); recreating it for $MAJOR"
    rm -rf "$DATA_DIR"
fi

if [ ! -f "$DATA_DIR/PG_VERSION" ]; then
    log "initialising cluster in $DATA_DIR (PostgreSQL $MAJOR)"
    rm -rf "$DATA_DIR"
    install -d -o "$OS_USER" -m 0700 "$DATA_DIR" "$SOCKET_DIR"
    # Local socket (reachable only by postgres and root: 0700 directory) is trusted for administration;
    # TCP on loopback needs the role's password, as a shop's connection string does.
    as_postgres "$BIN_DIR/initdb" -D "$DATA_DIR" -U "$OS_USER" -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 >"$DATA_ROOT/$MAJOR/initdb.log" 2>&1 \
        || { LOG_FILE="$DATA_ROOT/$MAJOR/initdb.log"; fail "initdb failed"; }
fi
install -d -o "$OS_USER" -m 0700 "$SOCKET_DIR"

server_running()
{
    as_postgres "$BIN_DIR/pg_ctl" -D "$DATA_DIR" status >/dev/null 2>&1
}

start_server()
{
    log "starting cluster on 127.0.0.1:$PORT"
    as_postgres "$BIN_DIR/pg_ctl" -D "$DATA_DIR" -l "$LOG_FILE" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $SOCKET_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null 9>&- || fail "pg_ctl start failed (is port $PORT taken by another server? set PERSONALIZATION_PG_PORT)"
}

wait_until_ready()
{
    local seconds="$1"
    for _ in $(seq 1 "$seconds"); do
        "$BIN_DIR/pg_isready" -q -h 127.0.0.1 -p "$PORT" -t 1 && return 0
        sleep 1
    done
    return 1
}

# Processes of this cluster, found by their working directory (a server always runs inside its data directory).
cluster_pids()
{
    local proc
    for proc in /proc/[0-9]*; do
        [ "$(readlink "$proc/cwd" 2>/dev/null)" = "$(readlink -f "$DATA_DIR")" ] && echo "${proc#/proc/}"
    done
    return 0
}

if server_running; then
    log "cluster already running (PostgreSQL $MAJOR, port $PORT)"
else
    start_server
fi

if ! wait_until_ready 20; then
    # e.g. a server killed while its pid file stayed behind: stop what is left of it and start afresh
    log "cluster does not answer; restarting it"
    for pid in $(cluster_pids); do
        kill -QUIT "$pid" 2>/dev/null || true
    done
    for _ in $(seq 1 10); do
        [ -z "$(cluster_pids)" ] && break
        sleep 1
    done
    for pid in $(cluster_pids); do
        kill -KILL "$pid" 2>/dev/null || true
    done
    sleep 1
    [ -z "$(cluster_pids)" ] || fail "processes of the old cluster in $DATA_DIR survive: $(cluster_pids | tr '\n' ' ')"
    rm -f "$DATA_DIR/postmaster.pid"
    start_server
    wait_until_ready 60 || fail "server on 127.0.0.1:$PORT does not accept connections after 60 s"
fi

# The password is random but kept with the cluster, so a second run does not lock out a test run still going.
# The role may create databases because each test fixture works in a database of its own.
PASSWORD_FILE="$DATA_ROOT/$MAJOR/role-password"
if [ ! -s "$PASSWORD_FILE" ]; then
    (umask 077; echo "ci_$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')" >"$PASSWORD_FILE")
fi
PASSWORD="$(cat "$PASSWORD_FILE")"
admin_psql -v role="$ROLE" -v password="$PASSWORD" -v database="$DATABASE" <<'SQL' || fail "could not create role '$ROLE' and database '$DATABASE'"
SELECT format('CREATE ROLE %I', :'role') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN CREATEDB PASSWORD %L', :'role', :'password') \gexec
SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', :'database') \gexec
SELECT format('CREATE DATABASE %I OWNER %I ENCODING ''UTF8''', :'database', :'role') \gexec
SQL

# Scratch databases a test run could not drop (its teardown leaves them rather than fail the run, e.g. when FORCE may
# not terminate another role's backend) are dropped here as the superuser. Other sessions on this machine may be running
# tests against this cluster right now, so only databases older than an hour that no client is connected to go, and
# without FORCE: a connection arriving meanwhile makes the drop fail, and the database waits for a later sweep.
sweep_leftover_test_databases()
{
    local name
    for name in $(admin_psql -At <<'SQL' || true
SELECT d.datname FROM pg_database d
WHERE d.datname LIKE 'personalization\_test\_%'
  AND (pg_stat_file('base/' || d.oid || '/PG_VERSION', true)).modification < now() - interval '1 hour'
  AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datid = d.oid AND a.backend_type = 'client backend')
SQL
    ); do
        if admin_psql -c "DROP DATABASE IF EXISTS \"$name\"" >/dev/null 2>&1; then
            log "dropped leftover test database $name"
        else
            log "left test database $name for a later sweep (in use)"
        fi
    done
}
sweep_leftover_test_databases

CONNECTION="Host=127.0.0.1;Port=$PORT;Username=$ROLE;Password=$PASSWORD;Database=$DATABASE"
PGPASSWORD="$PASSWORD" "$BIN_DIR/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U "$ROLE" -d "$DATABASE" \
    -c 'SELECT 1' >/dev/null || fail "role '$ROLE' cannot log in to '$DATABASE' over TCP"

umask 077
printf "PERSONALIZATION_TEST_POSTGRES='%s'\n" "$CONNECTION" >"$ENV_FILE"
log "ready: PostgreSQL $MAJOR on 127.0.0.1:$PORT, fresh database '$DATABASE'; wrote $ENV_FILE"
