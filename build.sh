#!/usr/bin/env bash
# ProfileHub's entry point for developers and CI.
#
#   ./build.sh test   restore, build, start a throwaway PostgreSQL server, run every test project against
#                     SQLite and PostgreSQL (plus the external conformance suites and the matching quality
#                     gate), then stop and delete the server, also when tests fail. The SQL Server test classes
#                     run when PROFILEHUB_TEST_SQLSERVER names a server (nothing here installs one) and are
#                     reported as skipped otherwise.
#   ./build.sh run    run ProfileHub with the embedded default (same as: dotnet run --project src/ProfileHub.Server)
#
# Installs what the tests need when it is missing: PostgreSQL and Chromium (for the browser tests) from Debian
# packages, Node packages from npm.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

# shellcheck source=scripts/throwaway-postgres.sh
. scripts/throwaway-postgres.sh

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

  if [ -n "${PROFILEHUB_TEST_SQLSERVER:-}" ]; then
    log "running tests (SQLite, PostgreSQL and the SQL Server named in PROFILEHUB_TEST_SQLSERVER)"
  else
    log "running tests (SQLite and PostgreSQL)"
  fi
  local output status=0
  output=$(mktemp)
  # A hung test fails the run after 10 minutes instead of eating CI's time limit.
  dotnet test ProfileHub.sln -c Release --no-build --nologo --blame-hang-timeout 10m 2>&1 | tee "$output" || status=$?

  # Runs on the shared labelled datasets when they are present (as in CI); says plainly when skipped.
  log "matching quality gate (regression floors; targets reported)"
  dotnet bench/ProfileHub.Bench/bin/Release/net10.0/ProfileHub.Bench.dll quality --gate || status=$?

  if [ -z "${PROFILEHUB_TEST_SQLSERVER:-}" ]; then
    log "SQL Server tests skipped: PROFILEHUB_TEST_SQLSERVER names no server (set it to an admin connection string to run them)"
  fi

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
