// Sends one email through the official SDK (@azure/communication-email 1.1.0) to a stand-in ACS listener and polls
// the operation until done, so a test can compare the SDK's wire format with ours.
// Usage: node email-requests.js <connectionString> <messageJson>
// The listener is HTTPS with a test certificate: run with NODE_EXTRA_CA_CERTS=<cert.pem>.
"use strict";
const path = require("path");
const toolsModules = process.env.SMARTNUMBERS_TOOLS_MODULES || path.resolve(__dirname, "../../../tools/node_modules");
const { EmailClient } = require(path.join(toolsModules, "@azure/communication-email"));

const [connectionString, messageJson] = process.argv.slice(2);
if (!connectionString || !messageJson) {
  console.error("usage: node email-requests.js <connectionString> <messageJson>");
  process.exit(2);
}

async function main() {
  const client = new EmailClient(connectionString);
  const poller = await client.beginSend(JSON.parse(messageJson), { updateIntervalInMs: 50 });
  const result = await poller.pollUntilDone();
  console.log(JSON.stringify({ status: result.status }));
}

main().catch(e => {
  console.error(String(e && e.stack || e));
  process.exit(1);
});
