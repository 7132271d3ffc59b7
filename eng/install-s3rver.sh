#!/usr/bin/env bash
# Installs s3rver (an S3-compatible server on Node.js, what the app host's S3 resource runs) into the user cache,
# once, as LogPipeline.Hosting.S3Local's installer does. Prints the script node runs. Idempotent; needs npm and node.
set -euo pipefail
version="3.7.1"
cache="${LOGPIPELINE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/logpipeline}"
dir="$cache/s3rver/$version"
script="$dir/node_modules/s3rver/bin/s3rver.js"
if [[ ! -f "$script" ]]; then
  mkdir -p "$dir"
  echo "Installing s3rver $version into $dir (14 MB, once)..." >&2
  npm install --prefix "$dir" --save-exact --no-audit --no-fund --loglevel=error "s3rver@$version" >&2
fi
echo "$script"
