#!/usr/bin/env bash
# Sends one signed Twilio voice webhook to a running local app (scripts/run-local.sh) and prints the TwiML reply.
#   scripts/twilio-call.sh FROM TO [NAME=VALUE ...]      e.g. scripts/twilio-call.sh +447700900123 +441134960001
#   scripts/twilio-call.sh anonymous +441134960001 StirVerstat=TN-Validation-Passed-A
# Environment: BASE (default http://localhost:7071, the URL Twilio would call = Twilio__PublicBaseUrl),
#              TWILIO_AUTH_TOKEN (default: .run/twilio-token), WEBHOOK_PATH (default /api/twilio/voice).
# Signs exactly as Twilio does: URL + every parameter's key and value, keys in byte order, HMAC-SHA1, base64.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { sed -n '2,6p' "$0" >&2; exit 2; }
base=${BASE:-http://localhost:7071}
path=${WEBHOOK_PATH:-/api/twilio/voice}
token=${TWILIO_AUTH_TOKEN:-$(cat .run/twilio-token 2>/dev/null || true)}
[ -n "$token" ] || { echo "No auth token: set TWILIO_AUTH_TOKEN or start scripts/run-local.sh (it writes .run/twilio-token)" >&2; exit 2; }

from=$1 to=$2; shift 2
sid="CA$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
params=("AccountSid=AC00000000000000000000000000000000" "ApiVersion=2010-04-01" "CallSid=$sid" "CallStatus=ringing"
        "Called=$to" "Caller=$from" "Direction=inbound" "From=$from" "To=$to" "$@")

# Twilio's string to sign: the URL, then key+value for each parameter in ordinal (byte) key order.
data="$base$path"
while IFS= read -r kv; do data+="${kv%%=*}${kv#*=}"; done < <(printf '%s\n' "${params[@]}" | LC_ALL=C sort -t= -k1,1 -s)
signature=$(printf '%s' "$data" | openssl dgst -sha1 -hmac "$token" -binary | base64)

args=()
for kv in "${params[@]}"; do args+=(--data-urlencode "$kv"); done
echo "POST $base$path  CallSid=$sid" >&2
curl -sS -w '\n(HTTP %{http_code}, %{content_type})\n' -H "X-Twilio-Signature: $signature" "${args[@]}" "$base$path"
