#!/usr/bin/env bash
# Starts a local PostgreSQL server and two SendWorkflow hosts on its one database, on http://127.0.0.1:5001 and
# http://127.0.0.1:5002 (the first seeds the demo, the second waits for it and joins). Ctrl+C stops all three.
#   ./scripts/cluster.sh                      # the demo on the system clock
#   Clock__Mode=Simulated ./scripts/cluster.sh   # or any other setting, for both hosts
# Needs Debian's postgresql package (./test.sh installs it). The server's files stay in data/cluster/postgres.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Host -c Release -v quiet -nologo >/dev/null
host=src/Host/bin/Release/net10.0/SendWorkflow.Host.dll
folder="${CLUSTER_FOLDER:-data/cluster}/postgres"
connection=$(dotnet "$host" postgres start --folder "$folder" --port "${POSTGRES_PORT:-55432}" | tail -1)
pids=()
stop() {
  trap - EXIT INT TERM
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
  dotnet "$host" postgres stop --folder "$folder" >/dev/null
  exit 0
}
trap stop EXIT INT TERM
export Database__Provider=Postgres ConnectionStrings__SendWorkflow="$connection"
for port in 5001 5002; do
  ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet "$host" &
  pids+=($!)
done
echo "Two hosts on one PostgreSQL database: http://127.0.0.1:5001 and http://127.0.0.1:5002 (Ctrl+C stops them)"
wait
