#!/usr/bin/env bash
# Runs the whole pipeline locally: installs what is missing, builds, and starts the AppHost
# (dashboard on http://localhost:18888). Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
eng/prerequisites.sh
echo "==> Building"
dotnet build LogPipeline.slnx -c Debug -nologo -v quiet -clp:ErrorsOnly
echo "==> Starting the AppHost"
exec dotnet run --project LogPipeline.AppHost --no-build -c Debug -- "$@"
