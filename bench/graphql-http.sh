#!/usr/bin/env bash
# Issue 4's loopback HTTP benchmark: ProfileHub.GraphQL (`ProfileHub.Bench serve-graphql`, Kestrel) against
# graphql-js served by graphql-http's Node handler (bench/graphql-js/server.mjs), same schema, data and queries,
# both loaded by wrk with the same connections, threads and duration. Each (server, query) runs RUNS times,
# alternating servers, each run after its own warm-up; prints the median requests/s, p50 and p99, and the ratio
# ProfileHub/graphql-js per query (target: at least 2).
#
# Usage: bench/graphql-http.sh [RUNS] [SECONDS]      (default 3 runs of 10 s)
#   CONNECTIONS=64 THREADS=2 WARMUP=3 override wrk's connections, threads and warm-up seconds.
#   PIN=1 gives each server one core of its own (taskset: servers on the last core, wrk on the others), the
#   per-core comparison: graphql-js on node:http uses one core, Kestrel otherwise uses them all.
#   GRAPHQL_JS_CACHE=1 gives graphql-js a document cache too (server.mjs --cache): graphql-http otherwise parses
#   and validates every request, where ProfileHub's executor serves a repeated document from its cache.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs="${1:-3}"
seconds="${2:-10}"
connections="${CONNECTIONS:-64}"
threads="${THREADS:-2}"
warmup="${WARMUP:-3}"
server_cpu=()
wrk_cpu=()
if [ "${PIN:-0}" = 1 ]; then
  last=$(($(nproc) - 1))
  server_cpu=(taskset -c "$last")
  wrk_cpu=(taskset -c "0-$((last > 1 ? last - 1 : 0))")
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/profilehub-graphql-http.XXXXXX")
pids=()

log() { printf '==> %s\n' "$*" >&2; }

cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# Prints the URL a server announces ("... listening on URL") once it listens on its system-chosen port.
listening_url() {
  local log_file=$1
  for _ in $(seq 1 300); do
    if grep -q ' listening on ' "$log_file"; then
      sed -n 's/.* listening on \(http[^ ]*\).*/\1/p' "$log_file" | head -n 1
      return
    fi
    sleep 0.1
  done
  echo "the server did not start:" >&2
  cat "$log_file" >&2
  return 1
}

if ! command -v wrk >/dev/null; then
  log "installing wrk from Debian packages"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

log "building ProfileHub.Bench (Release)"
dotnet build -c Release bench/ProfileHub.Bench >/dev/null
if [ ! -d bench/graphql-js/node_modules/graphql-http ]; then
  log "installing bench/graphql-js's packages from its lockfile"
  (cd bench/graphql-js && npm ci --silent --no-audit --no-fund 2>/dev/null)
fi

"${server_cpu[@]}" dotnet bench/ProfileHub.Bench/bin/Release/net10.0/ProfileHub.Bench.dll serve-graphql >"$work/profilehub.log" 2>&1 &
pids+=($!)
js_args=()
if [ "${GRAPHQL_JS_CACHE:-0}" = 1 ]; then js_args=(--cache); fi
(cd bench/graphql-js && exec "${server_cpu[@]}" node server.mjs "${js_args[@]}") >"$work/graphql-js.log" 2>&1 &
pids+=($!)
declare -A url
url[ProfileHub]=$(listening_url "$work/profilehub.log")
url[graphql-js]=$(listening_url "$work/graphql-js.log")
log "ProfileHub.GraphQL at ${url[ProfileHub]}, graphql-js at ${url[graphql-js]}"

# The request bodies come from the queries of bench/graphql-js/schema.mjs (mirrored by ThroughputSchema.cs).
(cd bench/graphql-js && node --input-type=module -e "
  import { writeFileSync } from 'node:fs';
  import { queries } from './schema.mjs';
  for (const [name, query] of queries) writeFileSync('$work/' + name + '.json', JSON.stringify({ query }));
  console.log(queries.map(([name]) => name).join(' '));
") >"$work/queries"
read -r -a queries <"$work/queries"

# Both servers must answer every query with the same bytes, and the answers must be what the queries ask for.
for query in "${queries[@]}"; do
  for server in ProfileHub graphql-js; do
    status=$(curl -s -o "$work/$server-$query.out" -w '%{http_code}' -H 'content-type: application/json' \
      -H 'accept: application/graphql-response+json' --data-binary "@$work/$query.json" "${url[$server]}")
    if [ "$status" != 200 ]; then
      echo "FAIL: $server answered $query with HTTP $status: $(cat "$work/$server-$query.out")" >&2
      exit 1
    fi
  done
  if ! cmp -s "$work/ProfileHub-$query.out" "$work/graphql-js-$query.out"; then
    echo "FAIL: the servers' responses to $query differ" >&2
    echo "ProfileHub: $(cat "$work/ProfileHub-$query.out")" >&2
    echo "graphql-js: $(cat "$work/graphql-js-$query.out")" >&2
    exit 1
  fi
  node -e "
    const { data, errors } = JSON.parse(require('fs').readFileSync('$work/ProfileHub-$query.out', 'utf8'));
    const ok = !errors && ('$query' === 'small'
      ? Object.keys(data.customer).length === 5
      : data.customers.length === 100 && data.customers.every((c) => c.touchpoints.length === 5));
    if (!ok) { console.error('FAIL: unexpected response to $query'); process.exit(1); }
  "
done
log "both servers return identical JSON for: ${queries[*]}"

measure() {
  local server=$1 query=$2 run=$3 line
  "${wrk_cpu[@]}" wrk -t"$threads" -c"$connections" -d"${warmup}s" --timeout 10s -s bench/graphql-http.lua "${url[$server]}" -- "$work/$query.json" >/dev/null
  "${wrk_cpu[@]}" wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s --latency -s bench/graphql-http.lua "${url[$server]}" -- "$work/$query.json" >"$work/wrk.out"
  if grep -q 'Non-2xx' "$work/wrk.out" || ! line=$(grep '^RESULT' "$work/wrk.out"); then
    echo "FAIL: wrk against $server on $query (non-2xx answers, or no result):" >&2
    cat "$work/wrk.out" >&2
    exit 1
  fi
  log "$query $server run $run: $line"
  echo "$query $server $run $line" >>"$work/results"
}

log "wrk: $threads threads, $connections connections, ${warmup} s warm-up + ${seconds} s, $runs runs each; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$runs"); do
  # Alternate which server goes first, so neither always runs on the machine the other just heated.
  if [ $((run % 2)) = 1 ]; then order=(ProfileHub graphql-js); else order=(graphql-js ProfileHub); fi
  for query in "${queries[@]}"; do
    for server in "${order[@]}"; do
      measure "$server" "$query" "$run"
    done
  done
done

# Median of the runs for requests/s, p50 and p99 separately; the ratio is of the medians' requests/s.
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p"; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
pinning=""
if [ ${#server_cpu[@]} -gt 0 ]; then pinning="each server on one core (${server_cpu[*]}), wrk on ${wrk_cpu[*]}, "; fi
if [ ${#js_args[@]} -gt 0 ]; then pinning="${pinning}graphql-js with a document cache, "; fi
echo "GraphQL over HTTP on loopback, $(date -u +%Y-%m-%d), ${pinning}wrk -t$threads -c$connections -d${seconds}s, median of $runs runs"
printf '%-6s %-11s %12s %9s %9s %7s   %s\n' query server "requests/s" "p50 ms" "p99 ms" errors "requests/s of each run"
for query in "${queries[@]}"; do
  for server in ProfileHub graphql-js; do
    rows=$(grep "^$query $server " "$work/results")
    rps=$(field rps <<<"$rows" | median)
    p50=$(field p50_us <<<"$rows" | median)
    p99=$(field p99_us <<<"$rows" | median)
    errors=$(field errors <<<"$rows" | awk '{ s += $1 } END { print s }')
    each=$(field rps <<<"$rows" | awk '{ printf "%.0f ", $1 }')
    printf '%-6s %-11s %12.0f %9.2f %9.2f %7d   %s\n' "$query" "$server" "$rps" "$(echo "$p50 / 1000" | bc -l)" "$(echo "$p99 / 1000" | bc -l)" "$errors" "$each"
    echo "$rps" >"$work/median-$query-$server"
  done
done
echo
for query in "${queries[@]}"; do
  ratio=$(echo "$(cat "$work/median-$query-ProfileHub") / $(cat "$work/median-$query-graphql-js")" | bc -l)
  verdict=$(echo "$ratio >= 2" | bc -l)
  printf 'ratio ProfileHub/graphql-js, %-5s: %5.2f  (target >= 2: %s)\n' "$query" "$ratio" "$([ "$verdict" = 1 ] && echo met || echo MISSED)"
done
