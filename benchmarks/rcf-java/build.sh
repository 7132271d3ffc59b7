#!/usr/bin/env bash
# Builds AWS's randomcutforest-core (https://github.com/aws/random-cut-forest-by-aws, Java/core, Apache-2.0) with plain
# javac, and the RcfThroughput runner beside it, then runs the runner. Fetches nothing: Maven Central is not reachable
# here, so the source must already be on disk as a git directory, e.g. the one the session's `fetch` tool leaves at
# /work/.mirror/aws+random-cut-forest-by-aws/repo (tested with commit 1cb5fd8, version 4.3.0), or a clone:
#   git clone https://github.com/aws/random-cut-forest-by-aws
# Needs a JDK (17 tested) and Lombok (Debian: apt-get install liblombok-java -> /usr/share/java/lombok.jar).
# Never part of test.sh or CI.
#
# Usage: benchmarks/rcf-java/build.sh [git-dir] [-- dimensions shingleSize threads [records] [repeats]]
#   e.g. benchmarks/rcf-java/build.sh /work/.mirror/aws+random-cut-forest-by-aws/repo -- 3 1 1
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
source_git="${1:-/work/.mirror/aws+random-cut-forest-by-aws/repo}"
shift || true
[[ "${1:-}" == "--" ]] && shift
lombok="${LOMBOK_JAR:-/usr/share/java/lombok.jar}"
out="${RCF_JAVA_OUT:-${TMPDIR:-/tmp}/rcf-java}"

[[ -f "$lombok" ]] || { echo "Lombok not found at $lombok (apt-get install liblombok-java, or set LOMBOK_JAR)" >&2; exit 1; }
git --git-dir="$source_git" rev-parse --verify HEAD >/dev/null 2>&1 || git -C "$source_git" rev-parse --verify HEAD >/dev/null \
  || { echo "No git repository at $source_git" >&2; exit 1; }

if [[ ! -f "$out/randomcutforest-core.jar" ]]; then
  rm -rf "$out" && mkdir -p "$out/src" "$out/classes"
  git -C "$source_git" archive HEAD Java/core/src/main/java | tar -x -C "$out/src"
  find "$out/src" -name '*.java' > "$out/sources.txt"
  javac -nowarn -d "$out/classes" -cp "$lombok" -processorpath "$lombok" @"$out/sources.txt"
  jar --create --file "$out/randomcutforest-core.jar" -C "$out/classes" .
  echo "built $out/randomcutforest-core.jar from $(git -C "$source_git" rev-parse --short HEAD)"
fi

mkdir -p "$out/runner"
javac -d "$out/runner" -cp "$out/randomcutforest-core.jar" "$here/RcfThroughput.java"
if [[ $# -gt 0 ]]; then
  java -cp "$out/runner:$out/randomcutforest-core.jar" RcfThroughput "$@"
fi
