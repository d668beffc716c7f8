#!/bin/sh
# azd postdeploy: subscribes /api/acs/incoming to the ACS IncomingCall events. It runs after the code is deployed
# because Event Grid validates the endpoint (SubscriptionValidation handshake) when the subscription is created.
# Needs the Azure CLI signed in to the same tenant (`az login`). azd exports the environment's values.
set -eu
: "${AZURE_RESOURCE_GROUP:?run azd provision first}" "${ACS_SYSTEM_TOPIC_NAME:?run azd provision first}"
: "${SERVICE_API_BASE_URL:?run azd provision first}"
secret=${ACS_EVENTGRID_SECRET:-}
if [ -z "$secret" ]; then
  echo "postdeploy: ACS_EVENTGRID_SECRET is empty; not subscribing ACS IncomingCall (run azd provision first)" >&2
  exit 1
fi
case "$secret" in
  *[!A-Za-z0-9._~-]*) echo "postdeploy: ACS_EVENTGRID_SECRET must be URL-safe (letters, digits, . _ ~ -): it goes into a query string" >&2; exit 1 ;;
esac
if ! command -v az >/dev/null 2>&1; then
  echo "postdeploy: the Azure CLI (az) is needed to create the Event Grid subscription; install it and run" >&2
  echo "  azd hooks run postdeploy" >&2
  exit 1
fi

# Wait (up to ~3 minutes) for the app to answer: a Flex app may still be starting after the deploy.
tries=0
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$SERVICE_API_BASE_URL/api/health" || true)" = 200 ]; do
  tries=$((tries + 1))
  if [ "$tries" -ge 18 ]; then echo "postdeploy: $SERVICE_API_BASE_URL/api/health is not 200 yet; trying anyway" >&2; break; fi
  sleep 10
done

# The endpoint URL carries the secret: pass it in a private parameters file, not on the command line.
params=$(mktemp)
trap 'rm -f "$params"' EXIT
chmod 600 "$params"
# Optional ACS_OWNED_NUMBERS (comma-separated E.164, at most 24): Event Grid then delivers only calls to those numbers.
owned=""
if [ -n "${ACS_OWNED_NUMBERS:-}" ]; then
  for n in $(printf '%s' "$ACS_OWNED_NUMBERS" | tr ',' ' '); do
    case "$n" in +[1-9]*) ;; *) echo "postdeploy: ACS_OWNED_NUMBERS: '$n' is not an E.164 number" >&2; exit 1 ;; esac
    owned="$owned${owned:+,}\"$n\""
  done
fi
printf '{"$schema":"%s","contentVersion":"1.0.0.0","parameters":{"systemTopicName":{"value":"%s"},"endpointUrl":{"value":"%s/api/acs/incoming?secret=%s"},"ownedNumbers":{"value":[%s]}}}\n' \
  'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#' \
  "$ACS_SYSTEM_TOPIC_NAME" "$SERVICE_API_BASE_URL" "$secret" "$owned" >"$params"

az deployment group create \
  ${AZURE_SUBSCRIPTION_ID:+--subscription "$AZURE_SUBSCRIPTION_ID"} \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --name eventgrid-subscription \
  --template-file "$(dirname "$0")/../eventgrid-subscription.bicep" \
  --parameters "@$params" \
  --only-show-errors --output none
echo "postdeploy: ACS IncomingCall events now go to $SERVICE_API_BASE_URL/api/acs/incoming (secret query parameter)"
