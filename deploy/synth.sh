#!/usr/bin/env bash
# Synthesizes the CloudFormation templates of the AWS deployment into deploy/cdk.out, from a fresh clone.
# Needs the .NET 10 SDK and Node.js (20+) with npm; installs the AWS CDK CLI (aws-cdk@2, from npm) into
# deploy/node_modules the first time. No AWS account or credentials are needed to synthesize.
#
#   deploy/synth.sh -c imageTag=$(git rev-parse --short HEAD)   # defaults: MSK Serverless, RCF container endpoint
#   deploy/synth.sh -c imageTag=0f1e2d3 -c kafka=provisioned -c brokers=3 -c maxAzs=3 -c generator=true
# imageTag is required: the immutable tag the images were published with ("latest" is refused).
#
# Any other cdk command works the same way: deploy/synth.sh is "cdk synth"; use deploy/cdk.sh for the rest.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
exec "$here/cdk.sh" synth --quiet "$@"
