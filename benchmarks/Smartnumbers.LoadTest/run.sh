#!/usr/bin/env bash
# Load test on loopback: the app as azd publishes it, started as a process against its own Azurite, a demo number seeded
# through the admin API, then the load client (signed POST /api/twilio/voice vs bare GET /api/ping in the same run).
#   benchmarks/Smartnumbers.LoadTest/run.sh [--seconds 10] [--rounds 3] [--connections 16] [--path /api/twilio/voice]
#   benchmarks/Smartnumbers.LoadTest/run.sh --rate 500 [--seconds 60]      (open loop: a fixed offered rate)
# The app runs as azd publishes it; PUBLISH_PROPS adds MSBuild properties to the publish (variants), and APP_PACKAGE
# names a folder already published that way (CI passes the package it has just checked) instead of publishing again.
# Any setup step that fails stops the run with an error (exit 1); so does any answer other than the expected one.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

fail() { echo "load run setup failed: $*" >&2; exit 1; }
source benchmarks/azurite.sh
ensure_azurite

pids=()
spill=$(mktemp -d)   # events the app could not write during the run stay here, and go with it
published=""           # a package this script published, removed with it
# The app stops first (it flushes to storage on shutdown), then Azurite.
cleanup() { for ((i=${#pids[@]}-1; i>=0; i--)); do kill "${pids[$i]}" 2>/dev/null || true; wait "${pids[$i]}" 2>/dev/null || true; done; rm -rf "$spill" ${published:+"$published"}; }
trap cleanup EXIT INT TERM

# The production package: `dotnet publish` as azd runs it (self-contained, with the project's publish settings), run
# as its own executable. PUBLISH_PROPS adds MSBuild properties to compare variants, e.g. PUBLISH_PROPS=-p:TieredPGO=false.
build_log=$(mktemp)
if [ -n "${APP_PACKAGE:-}" ]; then
  [ -z "${PUBLISH_PROPS:-}" ] || fail "APP_PACKAGE and PUBLISH_PROPS exclude each other"
  package=$(cd "$APP_PACKAGE" && pwd) || fail "APP_PACKAGE $APP_PACKAGE is not a folder"
else
  published=$(mktemp -d)
  package=$published
  # shellcheck disable=SC2086
  dotnet publish functions/Smartnumbers.Functions -c Release -o "$package" -v quiet -nologo ${PUBLISH_PROPS:-} >"$build_log" 2>&1 \
    || { cat "$build_log"; fail "could not publish the app"; }
fi
dotnet build benchmarks/Smartnumbers.LoadTest -c Release -v quiet -nologo >"$build_log" 2>&1 || { cat "$build_log"; fail "could not build the load client"; }
rm -f "$build_log"
[ -x "$package/Smartnumbers.Functions" ] || fail "the published package has no Smartnumbers.Functions executable"

start_azurite
storage_pid=$azurite_pid

app_port=$(free_port)
base="http://127.0.0.1:$app_port"
token=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
bootstrap=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
ASPNETCORE_ENVIRONMENT=Production \
Storage__ConnectionString="$azurite_storage" \
Admin__BootstrapKey="$bootstrap" Twilio__AuthToken="$token" Twilio__PublicBaseUrl="$base" \
Telemetry__Console=false Hosting__RunTimersStandalone=false Logging__LogLevel__Default=Warning CallRecords__Writers=${WRITERS:-8} CallRecords__SpillFolder="$spill" \
  env ${EXTRA_ENV:-} bash -c 'cd "$1" && exec ./Smartnumbers.Functions --urls "$2"' app "$package" "$base" &
pids+=($!)
app_pid=$!
up=false
for _ in $(seq 1 300); do
  curl -fsS "$base/api/health" >/dev/null 2>&1 && { up=true; break; }
  kill -0 "$app_pid" 2>/dev/null || fail "the app exited during start-up"
  sleep 0.2
done
$up || fail "the app's /api/health did not answer 200 within 60 s"

# The number the calls go to: an account with a normal route.
curl -fsS -X PUT -H "Authorization: Bearer $bootstrap" -H 'Content-Type: application/json' \
  -d '{"name":"Load test","homeRegion":"GB","screening":{"acr":"busy","icr":"off"},"announcements":{}}' "$base/api/accounts/load" >/dev/null || fail "could not create the load-test account through the admin API"
curl -fsS -X PUT -H "Authorization: Bearer $bootstrap" -H 'Content-Type: application/json' \
  -d '{"route":{"steps":[{"destinations":["+441134960000"],"ringSeconds":20}]}}' \
  "$base/api/accounts/load/numbers/+441134960001" >/dev/null || fail "could not create the load-test number through the admin API"

dotnet benchmarks/Smartnumbers.LoadTest/bin/Release/net10.0/Smartnumbers.LoadTest.dll --base "$base" --token "$token" --to +441134960001 \
  --app-pid "$app_pid" --storage-pid "$storage_pid" "$@"
