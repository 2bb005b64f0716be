#!/usr/bin/env bash
# The end-to-end suite in one command: builds the plugin's zip, builds (or reuses) a real nopCommerce 4.90.6 shop with
# ../shared/shop/build-shop.sh, resets it to a freshly installed shop, and runs Nop.Plugin.Misc.Personalization.EndToEnd
# against it in headless Chromium. On failure it prints the shop log's plugin lines and errors and the plugin's rows
# of nopCommerce's Log table.
#
# Cache (same machine): the patched source tree and the shop's build stay in $PERSONALIZATION_E2E_WORK; every run
# still starts from a fresh shop (database dropped and installed again, plugin folders and plugins.json removed).
#
# Environment (all optional):
#   PERSONALIZATION_E2E_WORK       shop work dir (default /var/tmp/personalization-e2e-shop)
#   PERSONALIZATION_E2E_SHOP_URL   default http://127.0.0.1:5000     PERSONALIZATION_E2E_PGPORT  default 5433
#   PERSONALIZATION_E2E_KEEP_SHOP  1 = leave the shop and its database server running afterwards (to look around)
#   PERSONALIZATION_SHARED         the shared folder (default ../shared beside the repository)
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
SHARED=${PERSONALIZATION_SHARED:-$ROOT/../shared}
SHOP_SCRIPTS=$(cd "$SHARED/shop" && pwd)
export WORK=${PERSONALIZATION_E2E_WORK:-/var/tmp/personalization-e2e-shop}
export PGPORT=${PERSONALIZATION_E2E_PGPORT:-5433}
export SHOP_URL=${PERSONALIZATION_E2E_SHOP_URL:-http://127.0.0.1:5000}
export SHOP_DB=nop490
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WEB=$WORK/src/src/Presentation/Nop.Web
UA="Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"
STARTED=$(date +%s)

log() { echo "== e2e.sh [$(( $(date +%s) - STARTED )) s] $*"; }
fail() { echo "e2e.sh: FAILED: $*" >&2; exit 1; }

apt_install() {
  # another session may be installing packages right now: wait for apt's lock instead of failing
  apt-get -o DPkg::Lock::Timeout=600 update -q >/dev/null || fail "apt-get update failed"
  apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "$@" >/dev/null || fail "apt-get install $* failed"
}

shop_pid_alive() { [ -f "$WORK/shop.pid" ] && kill -0 "$(cat "$WORK/shop.pid")" 2>/dev/null; }

stop_shop() {
  if shop_pid_alive; then
    local pid; pid=$(cat "$WORK/shop.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

stop_database() {
  local bin; bin=$(pg_bin)
  if [ -n "$bin" ] && [ -f "$WORK/pg/data/PG_VERSION" ]; then
    su postgres -s /bin/bash -c "$bin/pg_ctl -D $WORK/pg/data -m fast -w stop" >/dev/null 2>&1 || true
  fi
}

shop_psql() { PGPASSWORD=postgres psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres "$@"; }

on_exit() {
  if [ "${PERSONALIZATION_E2E_KEEP_SHOP:-0}" = 1 ]; then
    log "shop left running at $SHOP_URL (log $WORK/shop.log, database port $PGPORT)"
  else
    stop_shop
    stop_database
  fi
}

# ---- (a) what the suite and the shop need on this machine
log "prerequisites"
missing=()
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || missing+=(chromium chromium-driver)
[ -n "$(pg_bin)" ] || missing+=(postgresql)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  apt_install "${missing[@]}"
fi
[ -f "$SHOP_SCRIPTS/build-shop.sh" ] || fail "no build-shop.sh in $SHOP_SCRIPTS (set PERSONALIZATION_SHARED)"

# another shop or database on our ports would be tested instead of ours
if ! shop_pid_alive && curl -s -o /dev/null -m 5 "$SHOP_URL/" 2>/dev/null; then
  fail "something not started from $WORK already answers on $SHOP_URL; stop it or set PERSONALIZATION_E2E_SHOP_URL"
fi
if [ ! -f "$WORK/pg/data/postmaster.pid" ] && "$(pg_bin)/pg_isready" -q -h 127.0.0.1 -p "$PGPORT" -t 2; then
  fail "another PostgreSQL answers on port $PGPORT; stop it or set PERSONALIZATION_E2E_PGPORT"
fi
trap on_exit EXIT

# ---- (b) the zip
log "plugin zip (build/package.sh)"
PACKAGE_LOG=$(mktemp)
bash build/package.sh >"$PACKAGE_LOG" 2>&1 || { tail -30 "$PACKAGE_LOG"; fail "build/package.sh"; }
rm -f "$PACKAGE_LOG"
ZIP=$ROOT/artifacts/Misc.Personalization.zip
[ -f "$ZIP" ] || fail "no $ZIP"

# ---- (c) a fresh shop: keep the tree and the build, drop everything the last run installed
log "shop: source tree, build and database server in $WORK (cached after the first run)"
stop_shop
STEPS="tree build pg" bash "$SHOP_SCRIPTS/build-shop.sh"

log "shop: reset to a fresh install"
shop_psql -d postgres -c "DROP DATABASE IF EXISTS \"$SHOP_DB\" WITH (FORCE)" || fail "could not drop the shop database"
rm -rf "$WEB/Plugins/Misc.Personalization" "$WEB/App_Data/plugins.json" "$WEB/App_Data/appsettings.json"
mkdir -p "$WEB/Plugins/Uploaded" && find "$WEB/Plugins/Uploaded" -mindepth 1 -delete
: >"$WORK/shop.log"

log "shop: start, install with sample data, restart"
STEPS="start install restart" bash "$SHOP_SCRIPTS/build-shop.sh"
code=$(curl -s -A "$UA" -o /dev/null -w "%{http_code}" -m 60 "$SHOP_URL/" || true)
[ "$code" = 200 ] || { tail -50 "$WORK/shop.log"; fail "the fresh shop's home page answers $code"; }
grep -q '"ConnectionString": "Host=' "$WEB/App_Data/appsettings.json" || fail "the shop did not install (no connection string in App_Data/appsettings.json)"
log "shop ready at $SHOP_URL"

# ---- (d) the suite
export PERSONALIZATION_E2E_SHOP_URL=$SHOP_URL
export PERSONALIZATION_E2E_SHOP_DB="Host=127.0.0.1;Port=$PGPORT;Database=$SHOP_DB;Username=postgres;Password=postgres"
export PERSONALIZATION_E2E_SHOP_LOG=$WORK/shop.log
export PERSONALIZATION_E2E_WORK=$WORK
export PERSONALIZATION_E2E_PLUGIN_ZIP=$ZIP
export PERSONALIZATION_E2E_START_SHOP=$SHOP_SCRIPTS/start-shop.sh
log "suite (dotnet test Nop.Plugin.Misc.Personalization.EndToEnd)"
rc=0
dotnet test Nop.Plugin.Misc.Personalization.EndToEnd -c Release --logger "console;verbosity=normal" || rc=$?

# ---- (e) what the shop said, when it went wrong
if [ "$rc" -ne 0 ]; then
  echo "---- shop log ($WORK/shop.log): lines about the plugin, errors and exceptions (last 200) ----"
  grep -n -E "Nop\.Plugin\.Misc\.Personalization|Personalization:|^fail:|^crit:|Exception" "$WORK/shop.log" | grep -v -E "Connection refused \(|SocketException \(111\)" | tail -200 || true
  echo "---- nopCommerce Log table: the plugin's rows, newest first (30) ----"
  shop_psql -d "$SHOP_DB" -x -P pager=off -c "SELECT \"Id\", \"LogLevelId\", \"CreatedOnUtc\", \"ShortMessage\",
    LEFT(REGEXP_REPLACE(\"FullMessage\", E'\\\\s+', ' ', 'g'), 1500) AS \"FullMessage\"
    FROM \"Log\" WHERE \"ShortMessage\" LIKE '%Personalization:%' OR \"ShortMessage\" LIKE '%Nop.Plugin.Misc.Personalization%'
       OR \"FullMessage\" LIKE '%Nop.Plugin.Misc.Personalization%'
    ORDER BY \"Id\" DESC LIMIT 30" || true
  log "FAILED (dotnet test exit code $rc)"
  exit "$rc"
fi
log "passed"
