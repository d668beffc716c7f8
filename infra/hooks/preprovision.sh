#!/bin/sh
# azd preprovision: makes sure the generated secrets exist in the azd environment before Bicep runs, so every
# `azd provision` passes the same values (a fresh value on each run would silently rotate them).
# Values live in .azure/<env>/.env on this machine and in Key Vault; rotate them as docs/deploy.md says.
set -eu
. "$(dirname "$0")/azd-version.sh"
check_azd_version preprovision

generate() { # 32 random bytes as hex: URL-safe, so it can go into a query string unencoded
  if command -v openssl >/dev/null 2>&1; then openssl rand -hex 32; else od -An -N32 -tx1 /dev/urandom | tr -d ' \n'; fi
}

for name in ACS_EVENTGRID_SECRET SMARTNUMBERS_BOOTSTRAP_KEY TELEMETRY_CALLER_HASH_KEY; do
  if [ -z "$(azd env get-value "$name" 2>/dev/null || true)" ]; then
    azd env set "$name" "$(generate)" >/dev/null
    echo "preprovision: generated $name (azd env get-value $name shows it)"
  fi
done

if [ -z "$(azd env get-value TWILIO_AUTH_TOKEN 2>/dev/null || true)" ]; then
  echo "preprovision: TWILIO_AUTH_TOKEN is not set: the Twilio endpoints will answer 403 until you run"
  echo "  azd env set TWILIO_AUTH_TOKEN <token from the Twilio console> && azd provision"
fi

if [ -z "$(azd env get-value ALERT_EMAIL 2>/dev/null || true)" ]; then
  echo "preprovision: ALERT_EMAIL is not set: alerts will show in the portal but email no one. Set it with"
  echo "  azd env set ALERT_EMAIL ops@example.com"
fi
