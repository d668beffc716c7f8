#!/usr/bin/env bash
# Seeds the demo account through the admin API (idempotent): account "demo", number +441134960001 with a two-step
# route, a block list entry, a stored dial plan, and an operator key saved to .run/demo-key.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${BASE:?BASE, e.g. http://localhost:7071}" "${BOOTSTRAP_KEY:?BOOTSTRAP_KEY}"
mkdir -p .run
put() { curl -fsS -X PUT -H "Authorization: Bearer $BOOTSTRAP_KEY" -H 'Content-Type: application/json' -d "$2" "$BASE$1" >/dev/null; }

put /api/accounts/demo '{"name":"Demo Bank","homeRegion":"GB","screening":{"acr":"off","icr":"announcement"},
  "announcements":{"icr":"Your call cannot be connected because your number is not valid.","closed":"Sorry, nobody can take your call. Please try later."}}'
put /api/accounts/demo/numbers/+441134960001 '{"label":"Retail banking","screening":{"acr":"busy"},
  "fraud":{"enabled":true,"threshold":70,"maxDivertsPerHour":20,"highRiskRoute":{"steps":[{"destinations":["+441134960099"],"ringSeconds":30}]},"notifyAgent":true},
  "route":{"steps":[{"destinations":["+441134960000"],"ringSeconds":20},{"destinations":["+447700900123","+447700900124"],"ringSeconds":25}]},
  "controlLine":false}'
put /api/accounts/demo/lists/block/+447700900666 '{}'
put /api/accounts/demo/plans/leeds-closed '{"name":"Leeds office closed","entries":[{"number":"+441134960001",
  "route":{"steps":[{"destinations":["+442079460000"],"ringSeconds":30}],"announcement":"Our Leeds office is closed; connecting you to London."}}]}'

if [ ! -s .run/demo-key ]; then
  curl -fsS -X POST -H "Authorization: Bearer $BOOTSTRAP_KEY" -H 'Content-Type: application/json' \
    -d '{"role":"admin","name":"demo admin"}' "$BASE/api/accounts/demo/keys" \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).key))' > .run/demo-key
fi
echo "Demo data seeded: account demo, number +441134960001, plan leeds-closed."
