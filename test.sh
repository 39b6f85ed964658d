#!/usr/bin/env bash
# Runs every test of SendWorkflow and ends with one line: "N passed, N failed, N skipped".
# On a fresh machine it installs what the tests need (Debian's Chromium for the browser tests).
set -uo pipefail
cd "$(dirname "$0")"

if ls tests/*/ 2>/dev/null | grep -q "Studio" && [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium for the browser tests..."
  if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null || { echo "Could not install chromium"; exit 1; }
fi

log=$(mktemp)
dotnet test --solution SendWorkflow.sln -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

summary=$(sed -n '/Test run summary/,$p' "$log")
total=$(echo "$summary" | awk '/^ *total:/ {print $2}' | tail -1)
failed=$(echo "$summary" | awk '/^ *failed:/ {print $2}' | tail -1)
passed=$(echo "$summary" | awk '/^ *succeeded:/ {print $2}' | tail -1)
skipped=$(echo "$summary" | awk '/^ *skipped:/ {print $2}' | tail -1)
rm -f "$log"

if [ -z "${total:-}" ]; then
  echo "0 passed, 1 failed, 0 skipped"
  echo "The test run did not finish (build error?)" >&2
  exit 1
fi
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
if [ "$status" -ne 0 ] || [ "${failed:-0}" != "0" ] || [ "${total:-0}" = "0" ]; then exit 1; fi
