#!/usr/bin/env bash
# Segment ingestion speed: N `track` events from one JSON-lines file through `profilehub import` (the same
# code the Quartz job runs), into a fresh SQLite file and a fresh PostgreSQL database, 3 runs each; then the
# same import again from the start (every row already stored: zero new rows). Prints the median events/s.
#
#   bench/ingest-segment.sh [events=1000000] [runs=3]
#
# PostgreSQL: uses the server at PGHOST/PGPORT/PGUSER (default 127.0.0.1:5432, profilehub) when
# pg_isready answers; otherwise only SQLite is measured. events/s is the import's own figure (rows read
# divided by the time from the first batch read to the last commit), printed by the verb as rows_per_second.
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-1000000}
runs=${2:-3}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-profilehub}
work=$(mktemp -d /tmp/profilehub-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "==> generating $events Segment track events"
python3 bench/generate-segment-events.py "$events" >"$work/events.jsonl"
echo "==> building profilehub (Release)"
dotnet build -c Release src/ProfileHub.Server -o "$work/bin" -v quiet -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }

import() { # provider connection-string extra-args...
  local provider=$1 connection=$2
  shift 2
  ProfileHub__Database__Provider=$provider ProfileHub__Database__ConnectionString=$connection \
  ProfileHub__Connectors__bench__Kind=Web ProfileHub__Connectors__bench__Format=segment-jsonl \
  ProfileHub__Connectors__bench__Settings__path="$work/events.jsonl" ProfileHub__Connectors__bench__Settings__batchSize=50000 \
    dotnet "$work/bin/profilehub.dll" import --connector bench "$@" >"$work/import.log" 2>&1 || { cat "$work/import.log" >&2; return 1; }
  grep '^imported:' "$work/import.log"
}

field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

measure() { # provider
  local provider=$1 first=() again=() i connection line
  for i in $(seq 1 "$runs"); do
    if [ "$provider" = sqlite ]; then
      connection="Data Source=$work/sqlite-$i.db"
    else
      dropdb --if-exists "profilehub_bench_$i" && createdb "profilehub_bench_$i"
      connection="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Database=profilehub_bench_$i"
    fi
    line=$(import "$provider" "$connection")
    first+=("$(echo "$line" | field rows_per_second)")
    line=$(import "$provider" "$connection" --from-start)
    [ "$(echo "$line" | field new)" = 0 ] || { echo "re-run stored new rows: $line" >&2; exit 1; }
    again+=("$(echo "$line" | field rows_per_second)")
    [ "$provider" = postgres ] && dropdb "profilehub_bench_$i"
  done
  printf '%s first import: %s events/s (median of %s: %s)\n' "$provider" \
    "$(printf '%s\n' "${first[@]}" | median)" "$runs" "${first[*]}"
  printf '%s re-run, zero new rows: %s events/s (median of %s: %s)\n' "$provider" \
    "$(printf '%s\n' "${again[@]}" | median)" "$runs" "${again[*]}"
}

measure sqlite
if pg_isready -q; then measure postgres; else echo "postgres: no server at $PGHOST:$PGPORT (set PGHOST/PGPORT/PGUSER), skipped"; fi
