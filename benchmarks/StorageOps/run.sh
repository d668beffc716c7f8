#!/usr/bin/env bash
# What each call writes: the app against its own Azurite (debug log on), a fixed number of signed voice calls offered
# by the load client in open loop, the app stopped (it flushes), then Azurite's requests counted per kind and table
# and divided by the calls answered.
#   benchmarks/StorageOps/run.sh [--rate 200] [--seconds 10]
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
rate=200 seconds=10
while [ $# -gt 0 ]; do case "$1" in --rate) rate=$2; shift 2;; --seconds) seconds=$2; shift 2;; *) echo "unknown option $1" >&2; exit 2;; esac; done
fail() { echo "storage-ops run failed: $*" >&2; exit 1; }
source benchmarks/azurite.sh
ensure_azurite
for project in functions/Smartnumbers.Functions benchmarks/Smartnumbers.LoadTest; do
  dotnet build "$project" -c Release -v quiet -nologo >/dev/null || fail "build of $project failed"
done

work=$(mktemp -d)
pids=()
cleanup() { for ((i=${#pids[@]}-1; i>=0; i--)); do kill "${pids[$i]}" 2>/dev/null || true; wait "${pids[$i]}" 2>/dev/null || true; done; [ -n "${KEEP_LOG:-}" ] && cp "$work/azurite.log" "$KEEP_LOG"; rm -rf "$work"; }
trap cleanup EXIT INT TERM

start_azurite --debug "$work/azurite.log"

app_port=$(free_port)
base="http://127.0.0.1:$app_port"
token=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
bootstrap=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
ASPNETCORE_ENVIRONMENT=Production \
Storage__ConnectionString="$azurite_storage" \
Admin__BootstrapKey="$bootstrap" Twilio__AuthToken="$token" Twilio__PublicBaseUrl="$base" \
Telemetry__Console=false Hosting__RunTimersStandalone=false Logging__LogLevel__Default=Warning CallRecords__SpillFolder="$work/spill" \
  dotnet functions/Smartnumbers.Functions/bin/Release/net10.0/Smartnumbers.Functions.dll --urls "$base" &
app_pid=$!
pids+=($app_pid)
up=false
for _ in $(seq 1 300); do curl -fsS "$base/api/health" >/dev/null 2>&1 && { up=true; break; }; sleep 0.2; done
$up || fail "the app did not answer /api/health"
curl -fsS -X PUT -H "Authorization: Bearer $bootstrap" -H 'Content-Type: application/json' \
  -d '{"name":"Storage ops","homeRegion":"GB","screening":{"acr":"busy","icr":"off"},"announcements":{}}' "$base/api/accounts/load" >/dev/null || fail "could not create the account"
curl -fsS -X PUT -H "Authorization: Bearer $bootstrap" -H 'Content-Type: application/json' \
  -d '{"route":{"steps":[{"destinations":["+441134960000"],"ringSeconds":20}]}}' \
  "$base/api/accounts/load/numbers/+441134960001" >/dev/null || fail "could not create the number"

mark=$(wc -l < "$work/azurite.log")
dotnet benchmarks/Smartnumbers.LoadTest/bin/Release/net10.0/Smartnumbers.LoadTest.dll --base "$base" --token "$token" --to +441134960001 \
  --rate "$rate" --seconds "$seconds" --warmup 0 | tee "$work/load.txt"
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true   # stops first: the writer flushes what it holds
sleep 5; kill "$azurite_pid"; wait "$azurite_pid" 2>/dev/null || true   # then Azurite, once its debug log is written out
calls=$(grep -oE '\(([0-9]+) ok' "$work/load.txt" | tail -1 | tr -dc 0-9)
[ -n "$calls" ] && [ "$calls" -gt 0 ] || fail "no calls answered"
tail -n +"$((mark + 1))" "$work/azurite.log" | node -e '
const lines = require("fs").readFileSync(0, "utf8").split("\n");
const counts = {};
for (const l of lines) {
  const m = /RequestMethod=(\w+) RequestURL=\S*?\/devstoreaccount1\/([^?( ]+)(\S*)/.exec(l);
  if (!m) continue;
  let [, method, path, rest] = m;
  const table = decodeURIComponent(path).replace(/\(.*$/, "");
  const kind = table === "$batch" ? "transaction" : (method === "GET" && !/\(/.test(path + rest) ? "query" : method);
  const key = kind + " " + (table === "$batch" ? "" : table);
  counts[key] = (counts[key] || 0) + 1;
}
const calls = Number(process.argv[1]);
console.log(`storage requests after setup, per answered call (${calls} calls):`);
for (const [k, v] of Object.entries(counts).sort()) console.log(`  ${k.padEnd(34)} ${String(v).padStart(7)}   ${(v / calls).toFixed(3)} per call`);
' "$calls"
