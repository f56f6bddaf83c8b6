#!/usr/bin/env bash
# `profilehub match` on PostgreSQL: bulk-loads a synthetic multi-channel set into a throwaway database in
# steps (half of all records matched by a rebuild, the rest of the existing ones incrementally), then times BATCHES
# incremental matches of NEW_PERCENT new records each against the existing profiles (median printed).
#   PROFILEHUB_TEST_POSTGRES="Host=127.0.0.1;Port=55432;Username=profilehub;Database=postgres" \
#     bench/match-db.sh [PEOPLE] [NEW_PERCENT] [BATCHES] [extra options]
# PEOPLE synthetic people give about 2.15 records each (default 45000 → ~97,000 records, 10% new, 1 batch).
# Issue 3's scale (100,000 new records against 1,000,000 profiles, 3 runs):
#   bench/match-db.sh 1100000 4.24 3 --no-rebuild-check
set -euo pipefail
cd "$(dirname "$0")/.."
people="${1:-45000}"
new_percent="${2:-10}"
batches="${3:-1}"
dotnet build bench/ProfileHub.Bench -c Release -v quiet -nologo >/dev/null
/usr/bin/time -f "peak RSS %M KB, wall %e s" \
  dotnet bench/ProfileHub.Bench/bin/Release/net10.0/ProfileHub.Bench.dll match-db --people "$people" --new-percent "$new_percent" --batches "$batches" "${@:4}"
