#!/usr/bin/env bash
# Runs every test of SendWorkflow and ends with one line: "N passed, N failed, N skipped".
# On a fresh machine it installs what the tests need: Debian's Chromium for the browser tests, and Debian's PostgreSQL
# server for the suites that run on both databases (the tests start a throwaway server of their own on a loopback port),
# and Debian's sqlite3 shell, with which a test backs up a running service as the README says to.
set -uo pipefail
cd "$(dirname "$0")"

if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
updated=""
install() {
  if [ -z "$updated" ]; then $SUDO apt-get update -qq || return 1; updated=1; fi
  $SUDO apt-get install -y -qq "$@" >/dev/null
}

if ls tests/*/ 2>/dev/null | grep -q "Studio" && [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium for the browser tests..."
  install chromium || { echo "Could not install chromium"; exit 1; }
fi

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "Installing PostgreSQL for the database tests..."
  # The tests need the server's programs only: no cluster of the machine's own, no service on port 5432.
  $SUDO mkdir -p /etc/postgresql-common && echo "create_main_cluster = false" | $SUDO tee /etc/postgresql-common/createcluster.conf >/dev/null
  install postgresql || { echo "Could not install postgresql"; exit 1; }
fi

if [ ! -x /usr/bin/sqlite3 ]; then
  echo "Installing the sqlite3 shell for the online-backup test..."
  install sqlite3 || { echo "Could not install sqlite3"; exit 1; }
fi

log=$(mktemp)
# The browser tests first, on their own; then every other suite, side by side (SendWorkflow.NoBrowser.slnf). Beside the
# others (the load and kill tests, two PostgreSQL servers) the 2-core machine's load reached 12, and a page could then
# take longer than a browser test waits for it: they failed now and then for that alone. On their own they took 7 min 43 s
# in a clean clone (2 December 2026), and the others 11 min 44 s together.
dotnet test --project tests/Studio.Tests -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
dotnet test --solution SendWorkflow.NoBrowser.slnf -c Release 2>&1 | tee -a "$log"
others=${PIPESTATUS[0]}
if [ "$status" -eq 0 ]; then status=$others; fi

# Each run ends with its own summary: the counts are their sums.
sum() { awk -v key="$1" '$1 == key ":" {n += $2; seen = 1} END {if (seen) print n}' "$log"; }
total=$(sum total)
failed=$(sum failed)
passed=$(sum succeeded)
skipped=$(sum skipped)
runs=$(grep -c "Test run summary" "$log")
# A failing test's name and message come early in a long log: say them again at the end, where a reader of the tail
# (CI shows the last lines) finds them. Each failure: its name line and the message up to the stack trace.
failures=$(awk '/^ *failed [^ ]+ \(/ {n=12} n>0 {if ($1 == "at") {n=0; next} print; n--}' "$log")
rm -f "$log"
if [ -n "$failures" ]; then
  echo
  echo "Failed tests (again, from above):"
  echo "$failures"
fi

if [ -z "${total:-}" ] || [ "$runs" -lt 2 ]; then
  echo "0 passed, 1 failed, 0 skipped"
  echo "The test run did not finish (build error?)" >&2
  exit 1
fi
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
if [ "$status" -ne 0 ] || [ "${failed:-0}" != "0" ] || [ "${total:-0}" = "0" ]; then exit 1; fi
