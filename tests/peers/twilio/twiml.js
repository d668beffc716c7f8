// Peer for the TwiML tests: builds each document with the official twilio helper's VoiceResponse.
// stdin: [[verb, ...]] where verb = {"verb": "say"|"dial"|..., "attrs": {...}, "text"?: string, "children"?: [verb]}
//   children of dial are nouns (number, sip, client); children of gather are say, play, pause.
// stdout: [xml string per document]
"use strict";
const path = require("path");
const VoiceResponse = require(path.join(__dirname, "..", "..", "..", "tools", "node_modules", "twilio", "lib", "twiml", "VoiceResponse.js"));

function add(parent, v) {
  const attrs = v.attrs || {};
  const method = parent[v.verb];
  if (typeof method !== "function") {
    throw new Error("no such verb or noun: " + v.verb);
  }
  const node = v.text === undefined ? method.call(parent, attrs) : method.call(parent, attrs, v.text);
  for (const child of v.children || []) {
    add(node, child);
  }
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const docs = JSON.parse(input).map((verbs) => {
    const response = new VoiceResponse();
    for (const v of verbs) {
      add(response, v);
    }
    return response.toString();
  });
  process.stdout.write(JSON.stringify(docs));
});
