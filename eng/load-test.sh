#!/usr/bin/env bash
# The load harness (issue 14): runs the whole app on Aspire's test host in this process (random ports, so it does not
# collide with ./run.sh or tests), drives the generator at fixed rates, follows marked records to logs.scored and back
# through the Query API, samples Kafka offsets, consumer lag and each process's CPU and memory every second, and prints
# a Markdown table; the report, an SVG chart and the raw samples go to .artifacts/load-harness/<UTC time>/.
# Built in Release (the app's services too); --debug builds and runs Debug instead.
# Usage: eng/load-test.sh [--debug] [--rates 500,1000,2000,3000,5000] [--duration S] [--warmup S] [--marked N]
#        [--lost-after S] [--output DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=Release
if [[ "${1:-}" == "--debug" ]]; then configuration=Debug; shift; fi
eng/prerequisites.sh
dotnet build benchmarks/LogPipeline.LoadHarness -c "$configuration" -nologo -v quiet -clp:ErrorsOnly
exec dotnet run -c "$configuration" --no-build --project benchmarks/LogPipeline.LoadHarness -- "$@"
