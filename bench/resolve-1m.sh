#!/usr/bin/env bash
# End-to-end speed and quality of `profilehub resolve` on about 1,000,000 records of a generated multi-channel
# customer base (read CSV, normalize, block, score, cluster, write): generates the file once, runs resolve 3 times
# under /usr/bin/time -v, prints the median wall-clock seconds, the largest max RSS and the pairwise quality of the
# profiles against the generator's truth. Targets (issue 13): <= 60 s, <= 4 GB, F1 >= 0.93, largest profile <= 20.
# Usage: bench/resolve-1m.sh [people] [kind]   (default 510000 people of the concentrated kind, about 1,000,000 records)
set -euo pipefail
cd "$(dirname "$0")/.."
people="${1:-510000}"
kind="${2:-concentrated}"
work="${TMPDIR:-/tmp}/profilehub-bench"
mkdir -p "$work"
# The file is named after the generator's source, so a changed generator makes a new file rather than reuse a stale one.
generator=$(cat bench/ProfileHub.Bench/Synthetic/{CustomerBase*,CustomerText,CustomerRecord,WeightedPool}.cs | sha1sum | cut -c1-10)
input="$work/customers-$kind-$people-$generator.csv"
bench=bench/ProfileHub.Bench/bin/Release/net10.0/ProfileHub.Bench.dll

dotnet build -c Release bench/ProfileHub.Bench >/dev/null
dotnet build -c Release src/ProfileHub.Server >/dev/null
if [ ! -f "$input" ]; then
  dotnet "$bench" generate --kind "$kind" --people "$people" --seed 7 --output "$input"
fi
echo "input: $input ($(($(wc -l < "$input") - 1)) records)"

maps=()
for m in source=Source first_name=FirstName last_name=LastName full_name=FullName email=Email phone=Phone \
  street_number=StreetNumber street=Street city=City postcode=PostalCode country=Country \
  birth_date=BirthDate loyalty_id=LoyaltyId social_handle=SocialHandle; do
  maps+=(--map "$m")
done

seconds=()
rss=()
for run in 1 2 3; do
  /usr/bin/time -v -o "$work/time-$run.txt" \
    dotnet src/ProfileHub.Server/bin/Release/net10.0/profilehub.dll resolve --input "$input" --id-column record_id \
    "${maps[@]}" --output "$work/profiles.csv" 2> "$work/stderr-$run.txt"
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time-$run.txt" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time-$run.txt")
  echo "run $run: ${wall} s, max RSS $((kb / 1024)) MB; $(grep '^resolved' "$work/stderr-$run.txt")"
  echo "       $(grep '^stage seconds' "$work/stderr-$run.txt")"
  seconds+=("$wall")
  rss+=("$kb")
done

median=$(printf '%s\n' "${seconds[@]}" | sort -n | sed -n 2p)
max_kb=$(printf '%s\n' "${rss[@]}" | sort -n | tail -n 1)
echo "median: ${median} s; max RSS: $((max_kb / 1024)) MB (targets: 60 s, 4096 MB)"
dotnet "$bench" score --truth "$input" --profiles "$work/profiles.csv"
