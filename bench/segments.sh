#!/usr/bin/env bash
# Segments on PostgreSQL: trait fold, refresh of an attribute + behavioural-window segment, audience export
# and keyset paging, over PROFILES profiles with K touchpoints each in a throwaway database.
#   PROFILEHUB_TEST_POSTGRES="Host=127.0.0.1;Port=55432;Username=profilehub;Database=postgres" \
#     bench/segments.sh [PROFILES] [K]
# The issue's scale is 1000000 profiles and 20 touchpoints each (20,000,000 touchpoints).
set -euo pipefail
cd "$(dirname "$0")/.."
profiles="${1:-100000}"
per_profile="${2:-20}"
dotnet build bench/ProfileHub.Bench -c Release -v quiet -nologo >/dev/null
/usr/bin/time -f "peak RSS %M KB, wall %e s" \
  dotnet bench/ProfileHub.Bench/bin/Release/net10.0/ProfileHub.Bench.dll segments --profiles "$profiles" --touchpoints-per-profile "$per_profile"
