#!/usr/bin/env bash
# The steward console's speed (issue 16): the review queue's first page of 50 items with their explanations,
# from navigation to drawn, and a keyboard decision's round trip, in Debian's Chromium (tests/browser).
#
#   bench/steward-console.sh demo                 # the demo data in a SQLite file (imported and matched here)
#   PROFILEHUB_TEST_POSTGRES="Host=...;Username=...;Database=postgres" bench/steward-console.sh postgres [PROFILES] [REVIEW_ITEMS]
#   PROFILEHUB_BENCH_BASELINE=main PROFILEHUB_BENCH_ROUNDS=5 bench/steward-console.sh demo|postgres ...
#
# With PROFILEHUB_BENCH_BASELINE=REF (a commit or branch), that commit is built too (in a temporary git worktree)
# and served beside this tree's build on the same database; each of PROFILEHUB_BENCH_ROUNDS rounds (default 3)
# measures the baseline, then this build, so both see the same load on a shared machine; the summary gives the
# medians over the rounds and this build's figure as a share of the baseline's. The database must be one both
# builds accept: a REF older than a migration of this tree cannot serve it (the migrator refuses a newer schema).
#
# postgres: seeds (once; a seeded database is reused) the API bench's population (seed-api: PROFILES profiles,
# default 1,000,000, two records each, one touchpoint per profile) into profilehub_bench_steward_PROFILES, then
# adds REVIEW_ITEMS (default 30,000, about what `match` queues on a million people) open review items between
# neighbouring profiles' records, each with a real stored match explanation. Then for either: serves it,
# creates a steward key, and runs tests/browser/steward-bench.mjs (10 page loads, 20 decisions; medians) once per
# round and build.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
mode=${1:-demo}
profiles=${2:-1000000}
reviews=${3:-30000}
baseline=${PROFILEHUB_BENCH_BASELINE:-}
rounds=${PROFILEHUB_BENCH_ROUNDS:-3}
profilehub="dotnet $root/src/ProfileHub.Server/bin/Release/net10.0/profilehub.dll"
work=$(mktemp -d /tmp/profilehub-stewardbench.XXXXXX)
server_pids=()
cleanup() {
  for pid in "${server_pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  if [ -d "$work/baseline" ]; then git worktree remove --force "$work/baseline" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
# shellcheck source=../scripts/throwaway-postgres.sh
. scripts/throwaway-postgres.sh

log "building (Release)"
dotnet build -c Release src/ProfileHub.Server -v q -nologo >/dev/null
builds=(current)
if [ -n "$baseline" ]; then
  log "building the baseline $baseline ($(git rev-parse --short "$baseline"))"
  git worktree add --detach "$work/baseline" "$baseline" >/dev/null 2>&1
  dotnet build -c Release "$work/baseline/src/ProfileHub.Server" -p:IncludeGraphiQL=false -v q -nologo >/dev/null
  builds=(baseline current)
fi
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
declare -A ports
for build in "${builds[@]}"; do
  dll="$root/src/ProfileHub.Server/bin/Release/net10.0/profilehub.dll"
  [ "$build" = baseline ] && dll="$work/baseline/src/ProfileHub.Server/bin/Release/net10.0/profilehub.dll"
  if [ "$mode" = demo ]; then
    # Each build decides on its own copy of the demo's few items (the PostgreSQL queue has thousands to share);
    # the file is whole: the last process that used it (apikey create) closed it and folded its WAL in.
    cp "$work/profilehub.db" "$work/$build.db"
    export ProfileHub__Database__ConnectionString="Data Source=$work/$build.db"
  fi
  ports[$build]=$(free_port)
  dotnet "$dll" serve --urls "http://127.0.0.1:${ports[$build]}" >"$work/$build.log" 2>&1 &
  server_pids+=($!)
  wait_for_profilehub "${ports[$build]}" "$!" "$work/$build.log"
done
# Every round decides as many items: 20, or on the demo an equal share of its open items.
open=$(curl -fs "http://127.0.0.1:${ports[current]}/graphql" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
  --data '{"query":"{ reviewQueue(first: 1) { totalCount } }"}' | grep -o '"totalCount":[0-9]*' | cut -d: -f2)
decisions=$(( open / rounds < 20 ? open / rounds : 20 ))
for round in $(seq 1 "$rounds"); do
  for build in "${builds[@]}"; do
    log "measuring ($mode, round $round of $rounds, $build, $decisions decisions, load average $(cut -d' ' -f1 /proc/loadavg))"
    (cd tests/browser && node steward-bench.mjs "http://127.0.0.1:${ports[$build]}" "$key" 10 "$decisions" "${PROFILEHUB_CHROMIUM:-/usr/bin/chromium}") \
      | sed "s/^{/{\"build\":\"$build\",\"round\":$round,/" | tee -a "$work/runs.jsonl"
  done
done
node -e '
  const runs = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
  const median = xs => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
  const figures = ["queueRequestAndDrawMs", "navigationToQueueDrawnMs", "decisionRoundTripMs"];
  const summary = {};
  for (const build of [...new Set(runs.map(r => r.build))])
    summary[build] = Object.fromEntries(figures.map(f => [f, median(runs.filter(r => r.build === build).map(r => r[f].p50))]));
  if (summary.baseline)
    summary.currentOverBaseline = Object.fromEntries(figures.map(f => [f, Number((summary.current[f] / summary.baseline[f]).toFixed(2))]));
  console.log(JSON.stringify({ summary }));' "$work/runs.jsonl"
