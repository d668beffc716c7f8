// Sends every Call Automation operation Smartnumbers uses through the official SDK
// (@azure/communication-call-automation) to a stand-in ACS listener, so a test can compare the
// SDK's wire format with ours. Usage: node sdk-requests.js <connectionString>
// The listener is HTTPS with a test certificate: run with NODE_EXTRA_CA_CERTS=<cert.pem>.
// Each operation runs after the previous one finished; prints one JSON line per operation.
"use strict";
const path = require("path");
const toolsModules = process.env.SMARTNUMBERS_TOOLS_MODULES || path.resolve(__dirname, "../../../tools/node_modules");
const { CallAutomationClient } = require(path.join(toolsModules, "@azure/communication-call-automation"));

const connectionString = process.argv[2];
if (!connectionString) {
  console.error("usage: node sdk-requests.js <connectionString>");
  process.exit(2);
}

const caller = { phoneNumber: "+447700900123" };
const agent = { phoneNumber: "+441134960000" };
const acsNumber = { phoneNumber: "+448001234567" };
const callConnectionId = "421f0b00-aaaa-bbbb-cccc-0123456789ab";
const callbackUrl = "https://smartnumbers.example/api/acs/callbacks?call=c1&s=secret";

async function main() {
  const client = new CallAutomationClient(connectionString);
  const connection = client.getCallConnection(callConnectionId);
  const media = connection.getCallMedia();
  const steps = [
    ["answer", () => client.answerCall("incoming-call-context-1", callbackUrl, { operationContext: "answer" })],
    ["redirect", () => client.redirectCall("incoming-call-context-2", { targetParticipant: agent })],
    ["reject", () => client.rejectCall("incoming-call-context-3", { callRejectReason: "busy" })],
    ["play", () => media.playToAll([{ kind: "textSource", text: "Please hold.", voiceName: "en-GB-SoniaNeural" }], { operationContext: "announce" })],
    ["recognize", () => media.startRecognizing(caller, {
      kind: "callMediaRecognizeDtmfOptions",
      maxTonesToCollect: 1,
      playPrompt: { kind: "fileSource", url: "https://smartnumbers.example/menu.wav" },
      initialSilenceTimeoutInSeconds: 5,
      interToneTimeoutInSeconds: 3,
      stopDtmfTones: ["pound"],
      operationContext: "menu1",
    })],
    ["addParticipant", () => connection.addParticipant(
      { targetParticipant: agent, sourceCallIdNumber: acsNumber, customCallingContext: [
        { kind: "sipx", key: "Smartnumbers-Risk", value: "85" },
        { kind: "sipx", key: "Smartnumbers-Tags", value: "withheld,voip" },
      ] },
      { invitationTimeoutInSeconds: 20, operationContext: "step:0" })],
    ["cancelAddParticipant", () => connection.cancelAddParticipantOperation("invitation-1", { operationContext: "cancel:0" })],
    ["transfer", () => connection.transferCallToParticipant(agent, { operationContext: "transfer", sourceCallIdNumber: acsNumber })],
    ["hangUp", () => connection.hangUp(false)],
    ["terminate", () => connection.hangUp(true)],
  ];
  for (const [name, run] of steps) {
    try {
      await run();
      console.log(JSON.stringify({ operation: name, ok: true }));
    } catch (e) {
      console.log(JSON.stringify({ operation: name, ok: false, error: String(e && e.message || e) }));
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
