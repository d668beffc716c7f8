// Peer for the signature tests: the official twilio helper (tools/node_modules) signs and validates requests.
// stdin: {"token": "...", "cases": [{"signUrl", "params", "checkUrl", "signature"?}]}
//   params: {key: string | string[]} (arrays = repeated keys)
// stdout: [{"signature": <getExpectedTwilioSignature(token, signUrl, params)>,
//           "valid": <validateRequest(token, signature ?? that signature, checkUrl, params)>}]
"use strict";
const path = require("path");
const webhooks = require(path.join(__dirname, "..", "..", "..", "tools", "node_modules", "twilio", "lib", "webhooks", "webhooks.js"));

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const { token, cases } = JSON.parse(input);
  const out = cases.map((c) => {
    const signature = webhooks.getExpectedTwilioSignature(token, c.signUrl, c.params);
    const presented = c.signature ?? signature;
    return { signature, valid: webhooks.validateRequest(token, presented, c.checkUrl, c.params) };
  });
  process.stdout.write(JSON.stringify(out));
});
