#!/usr/bin/env bash
# One command to a running system on a fresh machine: Azurite + the app + demo data. Ctrl-C stops both.
#   scripts/run-local.sh            (app on http://localhost:7071, Azurite table service on 127.0.0.1:10002)
# Environment: PORT (app port, default 7071), AZURITE_PORT (default 10002).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
port=${PORT:-7071}
azurite_port=${AZURITE_PORT:-10002}
mkdir -p .run .azurite

command -v dotnet >/dev/null || { echo "dotnet (the .NET 10 SDK) is not installed" >&2; exit 1; }
command -v npm >/dev/null || { echo "npm (Node.js) is not installed: it installs Azurite" >&2; exit 1; }
if [ ! -x tools/node_modules/.bin/azurite-table ]; then
  echo "Installing Azurite and the Node tools into tools/node_modules ..."
  npm ci --prefix tools --no-audit --no-fund --loglevel=error
fi

pids=()
cleanup() { echo; echo "Stopping ..."; for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

if (exec 3<>"/dev/tcp/127.0.0.1/$azurite_port") 2>/dev/null; then
  echo "Port $azurite_port is already in use: is another Azurite running? Stop it or set AZURITE_PORT." >&2; exit 1
fi
echo "Starting Azurite (Table Storage) on 127.0.0.1:$azurite_port, data in .azurite/ ..."
tools/node_modules/.bin/azurite-table --tableHost 127.0.0.1 --tablePort "$azurite_port" --location .azurite \
  --skipApiVersionCheck --disableTelemetry --silent &
pids+=($!)
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$azurite_port") 2>/dev/null && break; sleep 0.1; done
(exec 3<>"/dev/tcp/127.0.0.1/$azurite_port") 2>/dev/null || { echo "Azurite did not start on port $azurite_port" >&2; exit 1; }

# Keys for this machine, made once and kept in .run/ (ignored by git).
[ -f .run/bootstrap-key ] || head -c 24 /dev/urandom | base64 | tr -d '/+=' > .run/bootstrap-key
[ -f .run/twilio-token ] || head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n' > .run/twilio-token
bootstrap=$(cat .run/bootstrap-key)
twilio_token=$(cat .run/twilio-token)

echo "Building and starting the app on http://localhost:$port ..."
dotnet build functions/Smartnumbers.Functions -c Debug -v quiet -nologo >/dev/null
ASPNETCORE_ENVIRONMENT=Development \
Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$azurite_port/devstoreaccount1;" \
Admin__BootstrapKey="$bootstrap" \
Twilio__AuthToken="$twilio_token" \
Twilio__PublicBaseUrl="http://localhost:$port" \
Telemetry__Console="${Telemetry__Console:-false}" \
  dotnet run --project functions/Smartnumbers.Functions --no-build --no-launch-profile -- --urls "http://localhost:$port" &
pids+=($!)

for _ in $(seq 1 300); do
  curl -fsS "http://localhost:$port/api/health" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "http://localhost:$port/api/health" >/dev/null || { echo "The app did not become healthy; see its output above." >&2; exit 1; }

BASE="http://localhost:$port" BOOTSTRAP_KEY="$bootstrap" scripts/seed-demo.sh

cat <<EOT

Smartnumbers is running on http://localhost:$port  (Ctrl-C stops it and Azurite)
  bootstrap admin key: $bootstrap        (also in .run/bootstrap-key)
  demo account key:    $(cat .run/demo-key 2>/dev/null || echo "see seed output")        (also in .run/demo-key)

Try:
  curl -s http://localhost:$port/api/health
  curl -s -H "Authorization: Bearer \$(cat .run/demo-key)" http://localhost:$port/api/accounts/demo/numbers/+441134960001
  curl -s -H "Authorization: Bearer \$(cat .run/demo-key)" -H 'Content-Type: application/json' \\
       -d '{"calledNumber":"+441134960001","presentationNumber":"anonymous","withheld":true,"carrier":"twilio"}' \\
       http://localhost:$port/api/accounts/demo/calls:simulate
  scripts/twilio-call.sh +447984123456 +441134960001     # a signed Twilio voice webhook, prints the TwiML
EOT
wait
