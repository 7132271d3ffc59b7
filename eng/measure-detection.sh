#!/usr/bin/env bash
# Load harness for detection quality: runs the whole app (built Debug) at a given rate, injects 3 rounds of
# 20-record bursts of every anomaly kind, then prints the scorer's precision/recall against the generator's labels
# and (with python3) a threshold sweep over the scored records read back from Kafka with kcat.
# Usage: eng/measure-detection.sh [rate per second, default 200] [seconds, default 260]
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${1:-200}; seconds=${2:-260}; port=18931
# Its own process group, so that Ctrl+C (SIGINT to the group) reaches the app host behind dotnet run.
setsid dotnet run --project LogPipeline.AppHost --no-build -- --ResourceList:Url=http://127.0.0.1:$port \
  --Pipeline:Generator:RatePerSecond=$rate > /tmp/measure-detection.log 2>&1 &
apphost=$!
trap 'kill -INT -- -$apphost 2>/dev/null; wait $apphost 2>/dev/null || true' EXIT
resource() { curl -s 127.0.0.1:$port/api/resources | python3 -c "import json,sys; r=[x for x in json.load(sys.stdin)['resources'] if x['name']=='$1'][0]; print(r['endpoints'].get('http') or r['connectionString'])"; }
until [[ "$(curl -s 127.0.0.1:$port/api/resources | python3 -c "import json,sys; r=json.load(sys.stdin)['resources']; print(all(x['health']=='Healthy' for x in r) and len(r)>0)" 2>/dev/null)" == True ]]; do sleep 2; done
echo "all resources healthy; warming up for 60 s at $rate logs/s"
generator=$(resource generator); scorer=$(resource scorer)
sleep 60
for round in 1 2 3; do
  for kind in latency_spike error_burst path_scan unusual_ip; do
    curl -s -XPOST "$generator/control/burst" -H 'content-type: application/json' -d "{\"kind\":\"$kind\",\"count\":20}" > /dev/null
    sleep 8
  done
done
sleep $(( seconds > 170 ? seconds - 170 : 10 ))
echo "scorer's own figures:"; curl -s "$scorer/api/scorer/quality"; echo; curl -s "$scorer/api/scorer/threshold"; echo
if command -v kcat >/dev/null; then
  kcat -b "$(resource kafka)" -C -t logs.scored -o beginning -e -q -f '%s\n' > /tmp/scored.jsonl 2>/dev/null
  python3 eng/threshold-sweep.py /tmp/scored.jsonl
fi
