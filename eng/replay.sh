#!/usr/bin/env bash
# Replay an archived time range through the Query API and print its progress until it ends.
#   eng/replay.sh FROM TO raw|store [RATE]      e.g. eng/replay.sh 2026-06-01T00:00:00Z 2026-06-02T00:00:00Z store 500
# QUERYAPI_URL (default http://localhost:18080) and KEY (the Query API key the AppHost prints) from the environment.
set -euo pipefail
if [[ $# -lt 3 ]]; then sed -n 2,4p "$0"; exit 2; fi
url=${QUERYAPI_URL:-http://localhost:18080}
body=$(printf '{"from":"%s","to":"%s","target":"%s","rate_per_second":%s}' "$1" "$2" "$3" "${4:-200}")
started=$(curl -sS --fail-with-body -XPOST -H "X-Api-Key: ${KEY:-}" -H 'content-type: application/json' -d "$body" "$url/api/replay")
id=$(jq -r .id <<<"$started")
echo "replay $id started"
while :; do
  status=$(curl -sS --fail-with-body -H "X-Api-Key: ${KEY:-}" "$url/api/replay/$id")
  jq -r '"\(.state): objects \(.objects_read)/\(.objects_total), in range \(.in_range), sent \(.sent), already stored \(.already_stored), duplicates \(.duplicates)"' <<<"$status"
  [[ $(jq -r .state <<<"$status") == running ]] || break
  sleep 2
done
[[ $(jq -r .state <<<"$status") == completed ]]
