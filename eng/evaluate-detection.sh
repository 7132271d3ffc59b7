#!/usr/bin/env bash
# The detection evaluator: runs the whole app on Aspire's test host (random ports, so it does not collide with
# ./run.sh) with the generator's fixed seed at its default rate, requests a burst of 20 records every minute (the
# kinds in turn), then reads every record of the judged window back through the Query API and prints precision,
# recall and F1 overall and per anomaly kind, isolated and in bursts, the share of normal traffic flagged, and
# writes the plot of scores by kind. Defaults: 2 min warm-up, 30 min judged (~35 min in all, plus the app's start).
# Usage: eng/evaluate-detection.sh [--duration S] [--warm-up S] [--seed N] [--burst-interval S] [--burst-size N]
#        [--plot FILE.svg] [--verdicts FILE.jsonl] [--replay]
# --replay runs the same traffic through the scorer's features, the RCF engine and the threshold in this process, in
# event time (seconds, no app): for trying features; it also prints the scorer's cost per record.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build benchmarks/LogPipeline.DetectionEvaluator -c Release -nologo -v quiet -clp:ErrorsOnly
exec dotnet run -c Release --no-build --project benchmarks/LogPipeline.DetectionEvaluator -- --plot docs/images/detection-scores.svg "$@"
