#!/usr/bin/env bash
# ProfileHub's entry point for developers and CI.
#
#   ./build.sh test   restore, build, start a throwaway PostgreSQL server, run every test project against
#                     SQLite and PostgreSQL (plus the external conformance suites and the matching quality
#                     gate), then stop and delete the server, also when tests fail.
#   ./build.sh run    run ProfileHub with the embedded default (same as: dotnet run --project src/ProfileHub.Server)
#
# Installs what the tests need when it is missing: PostgreSQL and Chromium (for the browser tests) from Debian
# packages, Node packages from npm.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

log() { printf '==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  log "installing $* from Debian packages"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

postgres_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "no free loopback port found" >&2
  return 1
}

pg_dir=""
pg_bin=""
# initdb refuses to run as root: as root, the cluster belongs to Debian's unprivileged `postgres` user.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  pg_bin=$(postgres_bin)
  if [ -z "$pg_bin" ]; then
    apt_install postgresql
    pg_bin=$(postgres_bin)
  fi
  pg_dir=$(mktemp -d /tmp/profilehub-pg.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
  local port
  port=$(free_port)
  log "starting a throwaway PostgreSQL ($pg_bin) on 127.0.0.1:$port in $pg_dir"
  as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U profilehub --auth=trust -E UTF8 --no-instructions >"$pg_dir/initdb.log" 2>&1 \
    || { cat "$pg_dir/initdb.log"; return 1; }
  # Durability off: this server lives for one test run.
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 start -o \
    "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null \
    || { cat "$pg_dir/server.log"; return 1; }
  export PROFILEHUB_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=profilehub;Database=postgres;Include Error Detail=true"
}

stop_postgres() {
  if [ -n "$pg_dir" ] && [ -d "$pg_dir" ]; then
    log "stopping and deleting the throwaway PostgreSQL"
    as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}

install_node_packages() {
  local manifests
  command -v npm >/dev/null || apt_install nodejs npm
  manifests=$(find tests -name package.json -not -path '*/node_modules/*' 2>/dev/null || true)
  for manifest in $manifests; do
    log "installing Node packages for $(dirname "$manifest")"
    (cd "$(dirname "$manifest")" && npm ci --no-audit --no-fund --loglevel=error)
  done
}

# The browser tests (tests/browser, playwright-core) drive Debian's Chromium: a test tool's own browser download
# is not used.
install_chromium() {
  command -v chromium >/dev/null || apt_install chromium chromium-driver
}

run_tests() {
  trap stop_postgres EXIT
  # Node first: the build itself fetches GraphiQL's browser assets with `npm pack`.
  install_node_packages
  install_chromium
  log "restoring and building"
  dotnet build ProfileHub.sln -c Release -warnaserror --nologo -v quiet
  start_postgres

  log "running tests (SQLite and PostgreSQL)"
  local output status=0
  output=$(mktemp)
  # A hung test fails the run after 10 minutes instead of eating CI's time limit.
  dotnet test ProfileHub.sln -c Release --no-build --nologo --blame-hang-timeout 10m 2>&1 | tee "$output" || status=$?

  # Runs on the shared labelled datasets when they are present (as in CI); says plainly when skipped.
  log "matching quality gate (regression floors; targets reported)"
  dotnet bench/ProfileHub.Bench/bin/Release/net10.0/ProfileHub.Bench.dll quality --gate || status=$?

  # One closing line for CI, summed over every test project.
  grep -E '(Passed|Failed)! +- Failed:' "$output" \
    | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' \
    | awk '{ f += $1; p += $2; s += $3 } END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }'
  rm -f "$output"
  return "$status"
}

case "${1:-}" in
  test) run_tests ;;
  run) shift; exec dotnet run --project src/ProfileHub.Server -- "$@" ;;
  *) echo "usage: ./build.sh test | run" >&2; exit 64 ;;
esac
