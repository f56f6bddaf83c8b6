#!/usr/bin/env bash
# The phone normalizer of an older commit (default ea02e42, the last one with the hand-written normalizer) against
# this tree's, over every phone format the connectors see: the demo data (connectors/samples), the matching
# generator's three customer bases (PEOPLE people, seed 4242) and the phone literals of the tests, old and new.
# Prints the disagreements grouped by kind with examples and libphonenumber's verdict on each side, then the
# median normalization time of each over the generated corpus.
#   bench/phone-diff.sh [BASE_COMMIT] [PEOPLE]
set -euo pipefail
cd "$(dirname "$0")/.."
base="${1:-ea02e42}"
people="${2:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The old ProfileHub.Core, built from the commit's own files (the build props pin its packages), and the old
# commit's tests, whose phone literals join the corpus beside this tree's.
git archive "$base" src/ProfileHub.Core tests Directory.Build.props Directory.Packages.props global.json BannedSymbols.txt .editorconfig \
  | tar -x -C "$work"
dotnet build "$work/src/ProfileHub.Core" -c Release -v quiet -nologo >/dev/null
dotnet build bench/ProfileHub.Bench -c Release -v quiet -nologo >/dev/null

bench=bench/ProfileHub.Bench/bin/Release/net10.0/ProfileHub.Bench.dll
generated=()
for kind in concentrated diverse spanish; do
  dotnet "$bench" generate --kind "$kind" --people "$people" --seed 4242 --output "$work/$kind.csv" >/dev/null
  generated+=(--generated "$kind=$work/$kind.csv")
done
dotnet "$bench" phone-diff --old "$work/src/ProfileHub.Core/bin/Release/net10.0/ProfileHub.Core.dll" \
  --samples connectors/samples --tests tests --tests "$work/tests" "${generated[@]}" "${@:3}"
