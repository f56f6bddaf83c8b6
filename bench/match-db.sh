#!/usr/bin/env bash
# `profilehub match` on PostgreSQL: bulk-loads a synthetic multi-channel set into a throwaway database, runs
# the first match (a rebuild: no model stored yet), then loads P% more records as new and times the
# incremental match against the existing profiles.
#   PROFILEHUB_TEST_POSTGRES="Host=127.0.0.1;Port=55432;Username=profilehub;Database=postgres" \
#     bench/match-db.sh [PEOPLE] [NEW_PERCENT]
# PEOPLE synthetic people give about 2.1 records each (default 45000 → ~95,000 records, 10% new).
set -euo pipefail
cd "$(dirname "$0")/.."
people="${1:-45000}"
new_percent="${2:-10}"
dotnet build bench/ProfileHub.Bench -c Release -v quiet -nologo >/dev/null
/usr/bin/time -f "peak RSS %M KB, wall %e s" \
  dotnet bench/ProfileHub.Bench/bin/Release/net10.0/ProfileHub.Bench.dll match-db --people "$people" --new-percent "$new_percent"
