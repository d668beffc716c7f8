#!/bin/sh
# azd postdeploy, after the code is deployed:
#   1. waits until every Key Vault reference in the app settings resolves (on a first deploy the role assignment may
#      not have reached Key Vault yet, and an app that started with the literal @Microsoft.KeyVault(...) text stops on
#      its own configuration check);
#   2. restarts the app once if a reference was unresolved when it looked, or if health does not come;
#   3. waits for GET /api/health to answer 200, and fails clearly if it never does;
#   4. subscribes /api/acs/incoming to ACS IncomingCall events (Event Grid validates the endpoint on creation, so this
#      must run once the code is live), dead-lettering failed deliveries to blob storage;
#   5. when TWILIO_ACCOUNT_SID and TWILIO_NUMBER_SIDS are set, sets each Twilio number's Voice URL, status callback and
#      (when TWILIO_FALLBACK_URL is set) Fallback URL through Twilio's REST API.
# Needs the Azure CLI signed in to the same tenant (`az login`) and curl. azd exports the environment's values.
# POSTDEPLOY_POLL_SECONDS (default 10), POSTDEPLOY_REFERENCE_POLLS (30) and POSTDEPLOY_HEALTH_POLLS (18) bound the waits.
set -eu
. "$(dirname "$0")/azd-version.sh"
check_azd_version postdeploy
: "${AZURE_RESOURCE_GROUP:?run azd provision first}" "${ACS_SYSTEM_TOPIC_NAME:?run azd provision first}"
: "${SERVICE_API_BASE_URL:?run azd provision first}" "${AZURE_FUNCTION_APP_NAME:?run azd provision first}"
: "${AZURE_STORAGE_ACCOUNT_ID:?run azd provision first}" "${EVENTGRID_DEADLETTER_CONTAINER:?run azd provision first}"
poll=${POSTDEPLOY_POLL_SECONDS:-10}
reference_polls=${POSTDEPLOY_REFERENCE_POLLS:-30}
health_polls=${POSTDEPLOY_HEALTH_POLLS:-18}
fail() { echo "postdeploy: $*" >&2; exit 1; }

secret=${ACS_EVENTGRID_SECRET:-}
[ -n "$secret" ] || fail "ACS_EVENTGRID_SECRET is empty; not subscribing ACS IncomingCall (run azd provision first)"
case "$secret" in
  *[!A-Za-z0-9._~-]*) fail "ACS_EVENTGRID_SECRET must be URL-safe (letters, digits, . _ ~ -): it goes into a query string" ;;
esac
command -v az >/dev/null 2>&1 || fail "the Azure CLI (az) is needed; install it, run az login, then: azd hooks run postdeploy"
command -v curl >/dev/null 2>&1 || fail "curl is needed; install it, then: azd hooks run postdeploy"

subscription=${AZURE_SUBSCRIPTION_ID:-$(az account show --query id -o tsv)}
site="/subscriptions/$subscription/resourceGroups/$AZURE_RESOURCE_GROUP/providers/Microsoft.Web/sites/$AZURE_FUNCTION_APP_NAME"

# 1. Key Vault references: each app setting's reference status must be "Resolved".
unresolved() { # prints the names of settings whose reference is not resolved (nothing when all are)
  names=$(az rest --method get --url "https://management.azure.com$site/config/configreferences/appsettings?api-version=2022-03-01" \
    --query "value[?properties.status!='Resolved'].name" -o tsv) || return 1
  printf '%s' "$names" | tr '\n' ' '
}
restart_needed=false
tries=0
while :; do
  pending=$(unresolved) || fail "could not read the app's Key Vault references (az rest failed)"
  [ -z "$pending" ] && break
  restart_needed=true
  tries=$((tries + 1))
  [ "$tries" -lt "$reference_polls" ] ||
    fail "Key Vault references still unresolved after $tries checks: $pending(check the app's Key Vault Secrets User role and that the secrets exist)"
  echo "postdeploy: waiting for Key Vault references to resolve: $pending"
  sleep "$poll"
done
echo "postdeploy: every Key Vault reference resolves"

restarted=false
restart() {
  echo "postdeploy: restarting $AZURE_FUNCTION_APP_NAME ($1)"
  az functionapp restart --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" --only-show-errors --output none
  restarted=true
}
healthy() {
  tries=0
  while :; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$SERVICE_API_BASE_URL/api/health" || true)" = 200 ] && return 0
    tries=$((tries + 1))
    [ "$tries" -lt "$health_polls" ] || return 1
    sleep "$poll"
  done
}

# 2 and 3. An app that started before the references resolved read the literal reference text: restart it once.
[ "$restart_needed" = true ] && restart "it may have started before its Key Vault references resolved"
if ! healthy; then
  [ "$restarted" = true ] && fail "$SERVICE_API_BASE_URL/api/health never answered 200, even after a restart. See docs/troubleshooting.md (the deploy failed at postdeploy): the app's log stream names the setting it stopped on."
  restart "GET /api/health did not answer 200"
  healthy || fail "$SERVICE_API_BASE_URL/api/health never answered 200, even after a restart. See docs/troubleshooting.md (the deploy failed at postdeploy): the app's log stream names the setting it stopped on."
fi
echo "postdeploy: $SERVICE_API_BASE_URL/api/health answers 200"

# 4. The endpoint URL carries the secret: pass it in a private parameters file, not on the command line.
params=$(mktemp)
trap 'rm -f "$params"' EXIT
chmod 600 "$params"
# Optional ACS_OWNED_NUMBERS (comma-separated E.164, at most 24): Event Grid then delivers only calls to those numbers.
owned=""
if [ -n "${ACS_OWNED_NUMBERS:-}" ]; then
  for n in $(printf '%s' "$ACS_OWNED_NUMBERS" | tr ',' ' '); do
    case "$n" in +[1-9]*) ;; *) fail "ACS_OWNED_NUMBERS: '$n' is not an E.164 number" ;; esac
    owned="$owned${owned:+,}\"$n\""
  done
fi
printf '{"$schema":"%s","contentVersion":"1.0.0.0","parameters":{"systemTopicName":{"value":"%s"},"endpointUrl":{"value":"%s/api/acs/incoming?secret=%s"},"ownedNumbers":{"value":[%s]},"deadLetterStorageAccountId":{"value":"%s"},"deadLetterContainerName":{"value":"%s"}}}\n' \
  'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#' \
  "$ACS_SYSTEM_TOPIC_NAME" "$SERVICE_API_BASE_URL" "$secret" "$owned" "$AZURE_STORAGE_ACCOUNT_ID" "$EVENTGRID_DEADLETTER_CONTAINER" >"$params"

az deployment group create \
  --subscription "$subscription" \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --name eventgrid-subscription \
  --template-file "$(dirname "$0")/../eventgrid-subscription.bicep" \
  --parameters "@$params" \
  --only-show-errors --output none
echo "postdeploy: ACS IncomingCall events now go to $SERVICE_API_BASE_URL/api/acs/incoming (secret query parameter)"

# 5. Optional: the Twilio numbers' webhooks through Twilio's REST API (TWILIO_API_BASE only for tests).
if [ -n "${TWILIO_ACCOUNT_SID:-}" ] && [ -n "${TWILIO_NUMBER_SIDS:-}" ]; then
  : "${TWILIO_AUTH_TOKEN:?TWILIO_AUTH_TOKEN is needed to set the Twilio numbers' URLs}" "${TWILIO_VOICE_URL:?run azd provision first}"
  api=${TWILIO_API_BASE:-https://api.twilio.com}
  for number in $(printf '%s' "$TWILIO_NUMBER_SIDS" | tr ',' ' '); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 -u "$TWILIO_ACCOUNT_SID:$TWILIO_AUTH_TOKEN" \
      "$api/2010-04-01/Accounts/$TWILIO_ACCOUNT_SID/IncomingPhoneNumbers/$number.json" \
      --data-urlencode "VoiceUrl=$TWILIO_VOICE_URL" --data-urlencode "VoiceMethod=POST" \
      --data-urlencode "StatusCallback=${TWILIO_STATUS_CALLBACK_URL:-}" --data-urlencode "StatusCallbackMethod=POST" \
      ${TWILIO_FALLBACK_URL:+--data-urlencode "VoiceFallbackUrl=$TWILIO_FALLBACK_URL"} \
      ${TWILIO_FALLBACK_URL:+--data-urlencode "VoiceFallbackMethod=GET"} || true)
    [ "$code" = 200 ] || fail "Twilio refused to update number $number (HTTP $code); set its URLs in the console (docs/twilio.md)"
    echo "postdeploy: Twilio number $number: Voice URL${TWILIO_FALLBACK_URL:+, Fallback URL} and status callback set"
  done
fi
