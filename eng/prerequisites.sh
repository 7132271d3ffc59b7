#!/usr/bin/env bash
# Installs what LogPipeline needs on a fresh Debian machine with the .NET SDK, idempotently:
# a Java runtime, DynamoDB Local, s3rver, the AWS CLI (the README's commands against the local S3 and DynamoDB)
# and chromium for the dashboard's browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v java >/dev/null 2>&1 || need_apt+=(openjdk-17-jre-headless)
command -v npm >/dev/null 2>&1 || need_apt+=(npm)
command -v aws >/dev/null 2>&1 || need_apt+=(awscli)   # Debian's aws-cli v2 at /usr/bin/aws
[[ -x /usr/bin/chromium ]] || need_apt+=(chromium)   # the dashboard's browser tests (Playwright drives Debian's chromium)
if (( ${#need_apt[@]} > 0 )); then
  echo "==> Installing ${need_apt[*]} with apt-get"
  SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

echo "==> DynamoDB Local: $(eng/install-dynamodb-local.sh)"
echo "==> s3rver (S3 locally): $(eng/install-s3rver.sh)"
