#!/usr/bin/env bash
# Installs Amazon DynamoDB Local (from the npm package amplify-dynamodb-simulator, which ships Amazon's jar)
# into the user cache, once. Prints the jar's path. Idempotent; needs npm, tar and (to run it) java.
set -euo pipefail
version="2.9.30"
cache="${LOGPIPELINE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/logpipeline}"
dir="$cache/dynamodb-local/$version"
jar="$dir/package/emulator/DynamoDBLocal.jar"
if [[ ! -f "$jar" ]]; then
  mkdir -p "$dir"
  echo "Installing DynamoDB Local $version into $dir (56 MB, once)..." >&2
  (cd "$dir" && npm pack --silent "amplify-dynamodb-simulator@$version" >/dev/null && tar xzf "amplify-dynamodb-simulator-$version.tgz" && rm -f "amplify-dynamodb-simulator-$version.tgz")
fi
echo "$jar"
