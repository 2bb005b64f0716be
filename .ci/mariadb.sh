#!/usr/bin/env bash
# Starts a MariaDB server (Debian's, the MySQL a Debian shop gets) on loopback for the database tests and writes
# .ci/mariadb.env with a connection string of a role that may create the tests' databases. Safe to run again:
# installs only when the server binaries are missing, reuses its own server when it already runs.
#
# The server is private to this script (own data directory, own port, own socket, no option files read), so it
# neither depends on nor disturbs a distribution server on 3306. Only the core packages are installed: the full
# mariadb-server package would also start Debian's own service.
#
# Overridable: PERSONALIZATION_MARIADB_PORT (33306), PERSONALIZATION_MARIADB_DATA (/var/tmp/personalization-ci-mariadb).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

CI_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ENV_FILE="$CI_DIR/mariadb.env"
PORT="${PERSONALIZATION_MARIADB_PORT:-33306}"
DATA_ROOT="${PERSONALIZATION_MARIADB_DATA:-/var/tmp/personalization-ci-mariadb}"
ROLE="personalization_ci"
OS_USER="mysql"
DATA_DIR="$DATA_ROOT/data"
SOCKET="$DATA_ROOT/run/mariadb.sock"
PID_FILE="$DATA_ROOT/run/mariadb.pid"
LOG_FILE="$DATA_ROOT/server.log"

fail()
{
    echo "mariadb.sh: FAILED: $*" >&2
    if [ -f "$LOG_FILE" ]; then
        echo "---- last lines of $LOG_FILE ----" >&2
        tail -n 30 "$LOG_FILE" >&2 || true
    fi
    exit 1
}

log()
{
    echo "mariadb.sh: $*"
}

# A stale env file must never point the tests at a server this run did not prepare.
rm -f "$ENV_FILE"

[ "$(id -u)" -eq 0 ] || fail "must run as root (it installs packages and runs the server as the '$OS_USER' user)"

if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ] || ! command -v mariadb >/dev/null 2>&1; then
    log "MariaDB binaries not found; installing the distribution's mariadb-server-core and mariadb-client-core"
    apt-get update -q || fail "apt-get update failed"
    apt-get install -y -q --no-install-recommends mariadb-server-core mariadb-client-core || fail "apt-get install mariadb failed"
fi
SERVER_BIN="$(command -v mariadbd || echo /usr/sbin/mariadbd)"
[ -x "$SERVER_BIN" ] || fail "no mariadbd after installing"

# Debian's full package creates this user; the core package does not.
if ! id -u "$OS_USER" >/dev/null 2>&1; then
    log "creating the '$OS_USER' system user"
    adduser --system --group --no-create-home --home /nonexistent --quiet "$OS_USER" || fail "could not create user '$OS_USER'"
fi

mkdir -p "$DATA_ROOT"
chmod 0755 "$DATA_ROOT"
install -d -o "$OS_USER" -g "$OS_USER" -m 0750 "$DATA_ROOT/run"

# Several sessions on one machine may call this at once; one at a time prepares the server.
# (The server must not inherit this descriptor, or it would hold the lock for its whole life.)
exec 9>"$DATA_ROOT.lock"
flock -w 120 9 || fail "timed out waiting for another mariadb.sh run to finish ($DATA_ROOT.lock)"

as_admin()
{
    # root@localhost authenticates by the unix socket's peer (root), as mariadb-install-db sets it up
    mariadb --no-defaults --protocol=socket --socket="$SOCKET" -u root --batch --skip-column-names "$@"
}

server_answers()
{
    as_admin -e 'SELECT 1' >/dev/null 2>&1
}

if [ ! -d "$DATA_DIR/mysql" ]; then
    log "initialising data directory $DATA_DIR ($("$SERVER_BIN" --version | awk '{print $3}'))"
    rm -rf "$DATA_DIR"
    install -d -o "$OS_USER" -g "$OS_USER" -m 0750 "$DATA_DIR"
    mariadb-install-db --no-defaults --user="$OS_USER" --datadir="$DATA_DIR" --auth-root-authentication-method=socket \
        --auth-root-socket-user=root --skip-test-db >"$DATA_ROOT/install-db.log" 2>&1 \
        || { LOG_FILE="$DATA_ROOT/install-db.log"; fail "mariadb-install-db failed"; }
fi

start_server()
{
    log "starting MariaDB on 127.0.0.1:$PORT"
    # utf8mb4 as Debian's own server configuration sets it (50-server.cnf); durability is traded for speed, the
    # data is thrown away anyway
    setsid "$SERVER_BIN" --no-defaults --user="$OS_USER" --datadir="$DATA_DIR" --socket="$SOCKET" --pid-file="$PID_FILE" \
        --port="$PORT" --bind-address=127.0.0.1 --skip-name-resolve --log-error="$LOG_FILE" \
        --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
        --max-connections=500 --innodb-buffer-pool-size=128M --innodb-log-file-size=64M \
        --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 --skip-log-bin \
        </dev/null >/dev/null 2>&1 9>&- &
    for _ in $(seq 1 60); do
        server_answers && return 0
        sleep 1
    done
    fail "server on 127.0.0.1:$PORT does not answer after 60 s (is the port taken? set PERSONALIZATION_MARIADB_PORT)"
}

if server_answers; then
    log "server already running (port $PORT)"
else
    if [ -s "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
        # a server of this data directory that no longer answers: stop it and start afresh
        log "server does not answer; restarting it"
        kill -TERM "$(cat "$PID_FILE")" 2>/dev/null || true
        for _ in $(seq 1 20); do
            kill -0 "$(cat "$PID_FILE" 2>/dev/null || echo 0)" 2>/dev/null || break
            sleep 1
        done
    fi
    rm -f "$PID_FILE"
    start_server
fi

# The password is random but kept with the server, so a second run does not lock out a test run still going.
# The role may create and drop only the tests' own databases (one per fixture), nothing else.
PASSWORD_FILE="$DATA_ROOT/role-password"
if [ ! -s "$PASSWORD_FILE" ]; then
    (umask 077; echo "ci_$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')" >"$PASSWORD_FILE")
fi
PASSWORD="$(cat "$PASSWORD_FILE")"
as_admin <<SQL || fail "could not create role '$ROLE'"
CREATE USER IF NOT EXISTS '$ROLE'@'127.0.0.1' IDENTIFIED BY '$PASSWORD';
ALTER USER '$ROLE'@'127.0.0.1' IDENTIFIED BY '$PASSWORD';
GRANT ALL PRIVILEGES ON \`personalization\\_test\\_%\`.* TO '$ROLE'@'127.0.0.1';
SQL

# Test databases a run could not drop (e.g. killed half-way) are dropped here when older than an hour and unused:
# other sessions on this machine may be running tests against this server right now.
sweep_leftover_test_databases()
{
    local name
    for name in $(as_admin -e "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'personalization\\_test\\_%'
        AND SCHEMA_NAME NOT IN (SELECT DB FROM information_schema.PROCESSLIST WHERE DB IS NOT NULL)" || true); do
        if [ -n "$(find "$DATA_DIR/$name" -maxdepth 0 -mmin +60 2>/dev/null)" ] && as_admin -e "DROP DATABASE IF EXISTS \`$name\`" >/dev/null 2>&1; then
            log "dropped leftover test database $name"
        fi
    done
}
sweep_leftover_test_databases

mariadb --no-defaults --protocol=tcp -h 127.0.0.1 -P "$PORT" -u "$ROLE" -p"$PASSWORD" -e 'SELECT 1' >/dev/null \
    || fail "role '$ROLE' cannot log in over TCP"

CONNECTION="Server=127.0.0.1;Port=$PORT;User ID=$ROLE;Password=$PASSWORD"
umask 077
printf "PERSONALIZATION_TEST_MYSQL='%s'\n" "$CONNECTION" >"$ENV_FILE"
log "ready: $("$SERVER_BIN" --version | awk '{print $3}') on 127.0.0.1:$PORT; wrote $ENV_FILE"
