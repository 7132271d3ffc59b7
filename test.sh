#!/usr/bin/env bash
# Runs every test (unit, integration, end-to-end, Gherkin scenarios): installs what is missing, builds once,
# runs the test projects, and ends with the line "N passed, N failed, N skipped" computed from the TRX results.
# Extra arguments go to dotnet test (e.g. --filter "Category!=Slow").
set -uo pipefail
cd "$(dirname "$0")"
eng/prerequisites.sh || exit 1

results="TestResults"
rm -rf "$results"
echo "==> Building"
SECONDS=0
dotnet build LogPipeline.slnx -c Debug -nologo -v quiet -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

echo "==> Testing (the build took ${SECONDS} s)"
status=0
timings=""
# Every project under tests/ that references the test SDK (unit, integration, end-to-end and the Gherkin specs).
for project in $(grep -l '"Microsoft.NET.Test.Sdk"' tests/*/*.csproj); do
  name=$(basename "$project" .csproj)
  echo "--- $name"
  started=$SECONDS
  dotnet test "$project" --no-build -c Debug -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$results" "$@" || status=1
  timings+="  $((SECONDS - started)) s $name"$'\n'
done
echo "==> Seconds per test project, start-up included (build and tests so far: ${SECONDS} s)"
printf '%s' "$timings" | sort -rn

echo "==> Checking formatting (dotnet format --verify-no-changes)"
format_failed=0
if ! dotnet format LogPipeline.slnx --verify-no-changes -v q; then
  echo "dotnet format found changes to make: run 'dotnet format LogPipeline.slnx'"
  format_failed=1; status=1
fi

passed=0; failed=$format_failed; skipped=0
for trx in "$results"/*.trx; do
  [[ -e "$trx" ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
# The failures again, at the end where a CI log's tail shows them: each failed test's name and the start of its message.
for trx in "$results"/*.trx; do
  [[ -e "$trx" ]] || continue
  perl -0777 -ne 'while (/<UnitTestResult\b([^>]*outcome="Failed"[^>]*)>(.*?)<\/UnitTestResult>/sg) {
      my ($attributes, $body) = ($1, $2); my ($name) = $attributes =~ /testName="([^"]*)"/;
      my ($message) = $body =~ /<Message>(.*?)<\/Message>/s; $message //= "";
      for ($name, $message) { s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&#xD;//g; s/&#xA;/\n/g; s/&amp;/&/g; }
      my @lines = grep { /\S/ } split /\n/, $message;
      print "FAILED $name\n", map({ "    $_\n" } @lines[0 .. ($#lines < 4 ? $#lines : 4)]); }' "$trx"
done
if (( status != 0 && failed == 0 )); then failed=1; fi
(( format_failed == 0 )) && passed=$((passed + 1))   # the formatting check counts as one check
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit $status
