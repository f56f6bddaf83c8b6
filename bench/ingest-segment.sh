#!/usr/bin/env bash
# Segment ingestion speed: N `track` events from one JSON-lines file through `profilehub import` (the same
# code the Quartz job runs), into a fresh SQLite file and a fresh PostgreSQL database, 3 runs each; then the
# same import again from the start (every row already stored: zero new rows). Prints the median events/s.
# Two cases each: "waiting", the events arrive before any identify (no record to link them to yet), and
# "linked", an identify for each of the 50,000 users was imported first (not timed), so every event is linked
# to its user's record as it is inserted and lands in the indexes of linked touchpoints.
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
python3 bench/generate-segment-events.py --identify >"$work/users.jsonl"
echo "==> building profilehub (Release)"
dotnet build -c Release src/ProfileHub.Server -o "$work/bin" -v quiet -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }

import() { # provider connection-string file extra-args...
  local provider=$1 connection=$2 file=$3
  shift 3
  ProfileHub__Database__Provider=$provider ProfileHub__Database__ConnectionString=$connection \
  ProfileHub__Connectors__bench__Kind=Web ProfileHub__Connectors__bench__Format=segment-jsonl \
  ProfileHub__Connectors__bench__Settings__path="$file" ProfileHub__Connectors__bench__Settings__batchSize=50000 \
    dotnet "$work/bin/profilehub.dll" import --connector bench "$@" >"$work/import.log" 2>&1 || { cat "$work/import.log" >&2; return 1; }
  grep '^imported:' "$work/import.log"
}

field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

measure() { # provider waiting|linked
  local provider=$1 case=$2 first=() again=() i connection line
  for i in $(seq 1 "$runs"); do
    if [ "$provider" = sqlite ]; then
      rm -f "$work/sqlite-$i.db"
      connection="Data Source=$work/sqlite-$i.db"
    else
      dropdb --if-exists "profilehub_bench_$i" && createdb "profilehub_bench_$i"
      connection="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Database=profilehub_bench_$i"
    fi
    if [ "$case" = linked ]; then
      line=$(import "$provider" "$connection" "$work/users.jsonl")
      [ "$(echo "$line" | field new)" = 50000 ] || { echo "identify import: $line" >&2; exit 1; }
    fi
    # --from-start: the connector's stored watermark is a position in the identify file, not this one.
    line=$(import "$provider" "$connection" "$work/events.jsonl" --from-start)
    first+=("$(echo "$line" | field rows_per_second)")
    line=$(import "$provider" "$connection" "$work/events.jsonl" --from-start)
    [ "$(echo "$line" | field new)" = 0 ] || { echo "re-run stored new rows: $line" >&2; exit 1; }
    again+=("$(echo "$line" | field rows_per_second)")
    [ "$provider" = postgres ] && dropdb "profilehub_bench_$i"
  done
  printf '%s, %s: first import: %s events/s (median of %s: %s)\n' "$provider" "$case" \
    "$(printf '%s\n' "${first[@]}" | median)" "$runs" "${first[*]}"
  printf '%s, %s: re-run, zero new rows: %s events/s (median of %s: %s)\n' "$provider" "$case" \
    "$(printf '%s\n' "${again[@]}" | median)" "$runs" "${again[*]}"
}

measure sqlite waiting
measure sqlite linked
if pg_isready -q; then measure postgres waiting; measure postgres linked; else echo "postgres: no server at $PGHOST:$PGPORT (set PGHOST/PGPORT/PGUSER), skipped"; fi
