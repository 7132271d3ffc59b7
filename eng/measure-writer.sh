#!/usr/bin/env bash
# Load harness for the writer: runs the whole app (built Debug) and steps the generator's rate up; at each step it
# waits 30 s, then for 60 s reads the pipeline view's /api/pipeline and prints the writer's stored logs/s and the
# writer's consumer lag at the start and the end (lag that grows means the writer cannot keep up at that rate).
# Usage: eng/measure-writer.sh [rates per second, default "300 600 900 1200"]
set -euo pipefail
cd "$(dirname "$0")/.."
rates=${1:-300 600 900 1200}; port=18932
# Its own process group, so that Ctrl+C (SIGINT to the group) reaches the app host behind dotnet run.
setsid dotnet run --project LogPipeline.AppHost --no-build -- --ResourceList:Url=http://127.0.0.1:$port \
  --Pipeline:Generator:RatePerSecond=100 > /tmp/measure-writer.log 2>&1 &
apphost=$!
trap 'kill -INT -- -$apphost 2>/dev/null; wait $apphost 2>/dev/null || true' EXIT
until [[ "$(curl -s 127.0.0.1:$port/api/resources | python3 -c "import json,sys; r=json.load(sys.stdin)['resources']; print(all(x['health']=='Healthy' for x in r) and len(r)>0)" 2>/dev/null)" == True ]]; do sleep 2; done
view=$(curl -s 127.0.0.1:$port/api/resources | python3 -c "import json,sys; print([x for x in json.load(sys.stdin)['resources'] if x['name']=='pipeline'][0]['endpoints']['http'])")
writer() { curl -s $view/api/pipeline | python3 -c "
import json,sys; s=json.load(sys.stdin)
stage=[x for x in s['stages'] if x['stage']=='stored']
lag=sum(l['lag'] for l in s['lag'] if l['group']=='writer')
print(f\"{stage[0]['total'] if stage else 0:.0f} {lag:.0f}\")"; }
echo "rate/s  writer logs/s  writer lag at start → end of the minute"
for rate in $rates; do
  curl -s -XPOST $view/api/pipeline/rate -H 'content-type: application/json' -d "{\"perSecond\":$rate}" > /dev/null
  sleep 30
  read -r total0 lag0 < <(writer); start=$(date +%s.%N)
  sleep 60
  read -r total1 lag1 < <(writer); end=$(date +%s.%N)
  python3 -c "print(f'{$rate:>6}  {($total1-$total0)/($end-$start):>13.0f}  {$lag0} → {$lag1}')"
done
