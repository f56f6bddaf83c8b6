#!/usr/bin/env bash
# The steward console's speed (issue 16): the review queue's first page of 50 items with their explanations,
# from navigation to drawn, and a keyboard decision's round trip, in Debian's Chromium (tests/browser).
#
#   bench/steward-console.sh demo                 # the demo data in a SQLite file (imported and matched here)
#   PROFILEHUB_TEST_POSTGRES="Host=...;Username=...;Database=postgres" bench/steward-console.sh postgres [PROFILES] [REVIEW_ITEMS]
#
# postgres: seeds (once; a seeded database is reused) the API bench's population (seed-api: PROFILES profiles,
# default 1,000,000, two records each, one touchpoint per profile) into profilehub_bench_steward_PROFILES, then
# adds REVIEW_ITEMS (default 30,000, about what `match` queues on a million people) open review items between
# neighbouring profiles' records, each with a real stored match explanation. Then for either: serves it,
# creates a steward key, and runs tests/browser/steward-bench.mjs (10 page loads, 20 decisions; medians).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
mode=${1:-demo}
profiles=${2:-1000000}
reviews=${3:-30000}
profilehub="dotnet $root/src/ProfileHub.Server/bin/Release/net10.0/profilehub.dll"
work=$(mktemp -d /tmp/profilehub-stewardbench.XXXXXX)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
# shellcheck source=../scripts/throwaway-postgres.sh
. scripts/throwaway-postgres.sh

log "building (Release)"
dotnet build -c Release src/ProfileHub.Server -v q -nologo >/dev/null
(cd tests/browser && [ -d node_modules ] || npm ci --no-audit --no-fund >/dev/null)
export ProfileHub__Scheduling__Enabled=false
export Logging__LogLevel__Default=Warning

case "$mode" in
  demo)
    export ProfileHub__Database__ConnectionString="Data Source=$work/profilehub.db"
    log "importing the demo data and matching"
    for connector in $(grep -o '"sample-[a-z-]*"' src/ProfileHub.Server/appsettings.json | tr -d '"' | sort -u); do
      $profilehub import --connector "$connector" --from-start >/dev/null 2>&1
    done
    $profilehub match >/dev/null 2>&1
    ;;
  postgres)
    : "${PROFILEHUB_TEST_POSTGRES:?set PROFILEHUB_TEST_POSTGRES to a server where this user may create databases}"
    database="profilehub_bench_steward_${profiles}"
    connection="$(printf '%s' "$PROFILEHUB_TEST_POSTGRES" | sed -E 's/(^|;)Database=[^;]*//I');Database=$database"
    log "seeding $database ($profiles profiles; skipped when already seeded)"
    dotnet build -c Release bench/ProfileHub.Bench -v q -nologo >/dev/null
    dotnet "$root/bench/ProfileHub.Bench/bin/Release/net10.0/ProfileHub.Bench.dll" seed-api --create --connection "$connection" --profiles "$profiles" --touchpoints-per-profile 1 >&2
    export ProfileHub__Database__Provider=postgres
    export ProfileHub__Database__ConnectionString="$connection"
    psql_url=$(printf '%s' "$connection" | tr ';' '\n' | awk -F= 'tolower($1)=="host"{h=$2} tolower($1)=="port"{p=$2} tolower($1)=="username"{u=$2} tolower($1)=="database"{d=$2} END{printf "postgresql://%s@%s:%s/%s", u, h, (p?p:5432), d}')
    log "queueing $reviews review items (replacing the open ones of an earlier run)"
    psql -q "$psql_url" -v ON_ERROR_STOP=1 <<SQL
DELETE FROM review_items;
WITH explained AS (SELECT explanation FROM profile_memberships WHERE explanation IS NOT NULL LIMIT 1),
     firsts AS (SELECT profile_id, min(record_id) AS record_id FROM profile_memberships GROUP BY profile_id ORDER BY profile_id LIMIT $((reviews * 2)))
INSERT INTO review_items (record_a, record_b, score, explanation, status, created_at)
SELECT a.record_id, b.record_id, -1.0 + (a.n % 100) / 100.0, (SELECT explanation FROM explained), 'Open', now() - (a.n || ' minutes')::interval
FROM (SELECT record_id, row_number() OVER (ORDER BY profile_id) AS n FROM firsts) a
JOIN (SELECT record_id, row_number() OVER (ORDER BY profile_id) AS n FROM firsts) b ON b.n = a.n + 1
WHERE a.n % 2 = 1;
ANALYZE review_items;
SQL
    ;;
  *) echo "usage: bench/steward-console.sh demo | postgres [PROFILES] [REVIEW_ITEMS]" >&2; exit 64 ;;
esac

key=$($profilehub apikey create --role steward --name "steward-bench-$(date +%s)" 2>/dev/null)
port=$(free_port)
$profilehub serve --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server_pid=$!
wait_for_profilehub "$port" "$server_pid" "$work/server.log"
log "measuring ($mode)"
(cd tests/browser && node steward-bench.mjs "http://127.0.0.1:$port" "$key" 10 20 "${PROFILEHUB_CHROMIUM:-/usr/bin/chromium}")
