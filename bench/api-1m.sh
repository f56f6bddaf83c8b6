#!/usr/bin/env bash
# The profile API's speed on PostgreSQL holding 1,000,000 profiles (issue 6, speed section).
#
#   PROFILEHUB_TEST_POSTGRES="Host=127.0.0.1;Port=55432;Username=profilehub;Database=postgres" bench/api-1m.sh [PROFILES] [RUNS] [SECONDS]
#
# Creates (once) and seeds a database of its own on that server (profilehub_bench_api, or
# profilehub_bench_api_PROFILES_TOUCHPOINTS for other sizes; a seeded database is reused, so reruns are quick),
# starts `profilehub serve` on a free loopback port against it, creates a marketing API key, and runs each
# query RUNS times (default 3) for SECONDS (default 20) after a 5 s warm-up with wrk at 64 connections. Prints
# the median of the runs' p50/p90/p99 latency and requests/s per query, and the SQL commands one page costs
# (the Server-Timing header) at several page sizes.
# Without PROFILEHUB_TEST_POSTGRES it starts a throwaway PostgreSQL as build.sh does (seeding every time).
#
# Environment: PROFILEHUB_BENCH_TOUCHPOINTS (10 per profile), PROFILEHUB_BENCH_CONNECTIONS (64),
# PROFILEHUB_BENCH_POOL (Npgsql pool size of the server, 48: the shared dev server allows 100 connections),
# PROFILEHUB_BENCH_THINK_MS (0: each connection waits this long between its requests; see bench/api/graphql.lua),
# PROFILEHUB_BENCH_QUERIES ("identifier page": which queries to run).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

profiles=${1:-1000000}
runs=${2:-3}
seconds=${3:-20}
touchpoints=${PROFILEHUB_BENCH_TOUCHPOINTS:-10}
connections=${PROFILEHUB_BENCH_CONNECTIONS:-64}
pool=${PROFILEHUB_BENCH_POOL:-48}
export PROFILEHUB_BENCH_THINK_MS=${PROFILEHUB_BENCH_THINK_MS:-0}
warmup=5
threads=$(( connections < 2 ? connections : 2 ))

# shellcheck source=../scripts/throwaway-postgres.sh
. scripts/throwaway-postgres.sh

work=$(mktemp -d /tmp/profilehub-apibench.XXXXXX)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  stop_postgres
  rm -rf "$work"
}
trap cleanup EXIT

command -v wrk >/dev/null || apt_install wrk

if [ -z "${PROFILEHUB_TEST_POSTGRES:-}" ]; then
  # A bench server: WAL minimal (COPY into a table truncated in its transaction skips WAL), more memory.
  start_postgres -c wal_level=minimal -c max_wal_senders=0 -c max_wal_size=8GB -c shared_buffers=1GB -c max_connections=200
fi

if [ "$profiles" = 1000000 ] && [ "$touchpoints" = 10 ]; then database=profilehub_bench_api; else database="profilehub_bench_api_${profiles}_${touchpoints}"; fi
connection="$(printf '%s' "$PROFILEHUB_TEST_POSTGRES" | sed -E 's/(^|;)Database=[^;]*//I');Database=$database"

log "building (Release)"
dotnet build -c Release bench/ProfileHub.Bench -v q -nologo >/dev/null
bench="dotnet $root/bench/ProfileHub.Bench/bin/Release/net10.0/ProfileHub.Bench.dll"
profilehub="dotnet $root/src/ProfileHub.Server/bin/Release/net10.0/profilehub.dll"

log "seeding $database ($profiles profiles, $touchpoints touchpoints each; skipped when already seeded)"
$bench seed-api --create --connection "$connection" --profiles "$profiles" --touchpoints-per-profile "$touchpoints" --sample "$work" >&2

export ProfileHub__Database__Provider=postgres
export ProfileHub__Database__ConnectionString="$connection;Maximum Pool Size=$pool"
export ProfileHub__Scheduling__Enabled=false
export Logging__LogLevel__Default=Warning
PROFILEHUB_BENCH_KEY=$($profilehub apikey create --role marketing --name "bench-$(date +%s)" 2>/dev/null)
export PROFILEHUB_BENCH_KEY

port=$(free_port)
url="http://127.0.0.1:$port/graphql"
$profilehub serve --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server_pid=$!
wait_for_profilehub "$port" "$server_pid" "$work/server.log"
log "serving at $url"

post() { # post QUERY VARIABLES_JSON -> headers in $work/h, body in $work/b
  python3 -c 'import json,sys; print(json.dumps({"query": sys.argv[1], "variables": json.loads(sys.argv[2])}))' "$1" "$2" >"$work/q.json"
  curl -fs -D "$work/h" -o "$work/b" -H "Authorization: Bearer $PROFILEHUB_BENCH_KEY" -H 'Content-Type: application/json' --data @"$work/q.json" "$url"
}
commands() { tr -d '\r' <"$work/h" | sed -nE 's/^Server-Timing: db;desc="([0-9]+) commands".*/\1/Ip'; }

# Cursors: the query fingerprint of a real cursor with the sampled profile ids (base64url of {"Q":..,"K":[id]}, see KeysetCursor).
page_query='query($a: String, $n: Int) { profiles(first: $n, after: $a) { pageInfo { endCursor } nodes { id givenName sourceRecords { id source givenName } touchpoints(first: 10) { nodes { type occurredAt } } } } }'
post "$page_query" '{"a": null, "n": 100}'
python3 - "$work" <<'PY'
import base64, json, sys
work = sys.argv[1]
cursor = json.load(open(f"{work}/b"))["data"]["profiles"]["pageInfo"]["endCursor"]
fingerprint = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))["Q"]
with open(f"{work}/profile-ids.txt") as ids, open(f"{work}/cursors.txt", "w") as out:
    for i, line in enumerate(ids):
        body = json.dumps({"Q": fingerprint, "K": [line.strip()]}, separators=(",", ":")).encode()
        # One request in a hundred reads the first page.
        out.write(("null" if i % 100 == 0 else base64.urlsafe_b64encode(body).decode().rstrip("=")) + "\n")
PY

# SQL round trips per page, whatever the page size (and per identifier lookup).
declare -A page_commands
for size in 1 10 50 100; do
  post "$page_query" "{\"a\": \"$(sed -n 2p "$work/cursors.txt")\", \"n\": $size}"
  page_commands[$size]=$(commands)
done
post 'query($v: String!) { profileByIdentifier(kind: EMAIL, value: $v) { id version givenName familyName email phone city country birthDate attributes { name value lineage { source observedAt rule } } } }' \
  "{\"v\": \"$(head -n 1 "$work/emails.txt")\"}"
identifier_commands=$(commands)

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

declare -A results
run_query() { # run_query NAME INPUT
  local name=$1 input=$2 out
  log "$name: warm-up ${warmup}s, then $runs runs of ${seconds}s at $connections connections"
  wrk -t"$threads" -c"$connections" -d"${warmup}s" --timeout 10s -s bench/api/graphql.lua "$url" -- "$name" "$input" >/dev/null
  for run in $(seq 1 "$runs"); do
    out=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s -s bench/api/graphql.lua "$url" -- "$name" "$input" | grep '^RESULT')
    log "  run $run: $out"
    echo "$out" >>"$work/$name.results"
  done
  for field in p50 p90 p99 max rps failed socket_errors; do
    results[$name.$field]=$(sed -E "s/.* $field=([0-9.]+).*/\1/" "$work/$name.results" | median)
  done
}
queries=${PROFILEHUB_BENCH_QUERIES:-identifier page}
[[ " $queries " == *" identifier "* ]] && run_query identifier "$work/emails.txt"
[[ " $queries " == *" page "* ]] && run_query page "$work/cursors.txt"

ms() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }'; }
echo
echo "ProfileHub API on PostgreSQL, $profiles profiles ($touchpoints touchpoints each), $connections connections (think time ${PROFILEHUB_BENCH_THINK_MS} ms), median of $runs x ${seconds}s ($(date -u +%Y-%m-%d))"
printf '%-58s %9s %9s %9s %9s %8s %7s %6s\n' query "p50 ms" "p90 ms" "p99 ms" "max ms" "req/s" failed SQL
[ -n "${results[identifier.p50]:-}" ] && printf '%-58s %9s %9s %9s %9s %8s %7s %6s\n' "profileByIdentifier, 10 fields + lineage" \
  "$(ms "${results[identifier.p50]}")" "$(ms "${results[identifier.p90]}")" "$(ms "${results[identifier.p99]}")" "$(ms "${results[identifier.max]}")" \
  "${results[identifier.rps]}" "${results[identifier.failed]}" "$identifier_commands"
[ -n "${results[page.p50]:-}" ] && printf '%-58s %9s %9s %9s %9s %8s %7s %6s\n' "profiles(first: 100) + sourceRecords + touchpoints(10)" \
  "$(ms "${results[page.p50]}")" "$(ms "${results[page.p90]}")" "$(ms "${results[page.p99]}")" "$(ms "${results[page.max]}")" \
  "${results[page.rps]}" "${results[page.failed]}" "${page_commands[100]}"
echo "SQL commands per page by page size: 1 -> ${page_commands[1]}, 10 -> ${page_commands[10]}, 50 -> ${page_commands[50]}, 100 -> ${page_commands[100]}"
echo "targets: profileByIdentifier p99 <= 10 ms at 64 clients; page p50 <= 50 ms and <= 5 SQL commands whatever the page size"
