#!/usr/bin/env bash
# Runs the AWS CDK CLI (aws-cdk@2 from npm, installed into deploy/node_modules on first use) on the C# CDK app.
#   deploy/cdk.sh synth | diff | deploy | destroy [stacks] [-c key=value ...]
set -euo pipefail
cd "$(dirname "$0")"
cdk_version="${CDK_CLI_VERSION:-2}"
if [[ ! -x node_modules/.bin/cdk ]]; then
  echo "Installing the AWS CDK CLI (aws-cdk@${cdk_version}) into deploy/node_modules" >&2
  npm install --no-save --no-audit --no-fund --loglevel=error "aws-cdk@${cdk_version}" >&2
fi
# No telemetry, no notices: nothing leaves the machine on synth.
export CDK_DISABLE_CLI_TELEMETRY=true
exec node_modules/.bin/cdk --no-notices "$@"
