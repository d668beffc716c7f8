#!/usr/bin/env bash
# Checks the deployment files offline: compiles every Bicep file with the Bicep CLI restored from NuGet (warnings
# shown, errors fail), checks main.parameters.json against main.bicep's parameters, and checks azure.yaml points at
# the Functions project whose publish output scripts/check-package.sh verifies (pass --publish to run that too).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
fail() { echo "infra check failed: $*" >&2; exit 1; }

# 1. The Bicep CLI, from the NuGet package Azure.Bicep.CommandLine.linux-x64 (version in Directory.Packages.props).
tools=infra/tools/BicepCli.csproj
dotnet restore "$tools" -v quiet -nologo >/dev/null
bicep=$(dotnet msbuild "$tools" -getProperty:BicepPath -nologo)
[ -f "$bicep" ] || fail "Bicep CLI not found at '$bicep' after restoring $tools"
[ -x "$bicep" ] || chmod u+x "$bicep"

# 2. Compile every .bicep file (the linter runs as part of build). Errors make bicep exit non-zero.
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
files=$(find infra -name '*.bicep' | sort)
[ -n "$files" ] || fail "no .bicep files under infra/"
if ! "$bicep" build --pattern 'infra/**/*.bicep' --outdir "$out" 2>"$out/diagnostics.txt"; then
  cat "$out/diagnostics.txt" >&2
  fail "bicep build reported errors"
fi
# A module compiled on its own and through main.bicep reports the same warning twice: show each once.
sort -u "$out/diagnostics.txt" -o "$out/diagnostics.txt"
warnings=$(grep -c ': Warning ' "$out/diagnostics.txt" || true)
[ "$warnings" -eq 0 ] || cat "$out/diagnostics.txt"
for f in $files; do
  json="$out/$(dirname "${f#infra/}")/$(basename "$f" .bicep).json"
  [ -f "$json" ] || fail "$f produced no ARM template"
done

# 3. main.parameters.json names only parameters main.bicep declares and supplies every one without a default;
#    the outputs the azd hooks read exist.
node - "$out/main.json" infra/main.parameters.json <<'EOF'
const fs = require("fs");
const [template, paramsFile] = process.argv.slice(2);
const declared = JSON.parse(fs.readFileSync(template, "utf8"));
const supplied = JSON.parse(fs.readFileSync(paramsFile, "utf8")).parameters;
const errors = [];
for (const name of Object.keys(supplied)) {
  if (!(name in declared.parameters)) errors.push(`${paramsFile}: '${name}' is not a parameter of main.bicep`);
  const value = JSON.stringify(supplied[name].value ?? "");
  if (/\$\{(?![A-Z_][A-Z0-9_]*(=[^}]*)?\})/.test(value)) errors.push(`${paramsFile}: '${name}' has a malformed \${...}`);
}
for (const [name, p] of Object.entries(declared.parameters)) {
  if (!("defaultValue" in p) && !(name in supplied)) errors.push(`main.bicep parameter '${name}' has no default and no value in ${paramsFile}`);
}
for (const name of ["AZURE_RESOURCE_GROUP", "ACS_SYSTEM_TOPIC_NAME", "SERVICE_API_BASE_URL", "AZURE_FUNCTION_APP_NAME", "AZURE_STORAGE_ACCOUNT_ID", "EVENTGRID_DEADLETTER_CONTAINER", "TWILIO_VOICE_URL", "TWILIO_STATUS_CALLBACK_URL"]) {
  if (!(name in (declared.outputs ?? {}))) errors.push(`main.bicep has no output ${name} (the postdeploy hook reads it)`);
}
if (errors.length) { console.error(errors.join("\n")); process.exit(1); }
EOF

# 4. azure.yaml: one function service whose project is the one scripts/check-package.sh publishes; hooks exist.
[ -f azure.yaml ] || fail "azure.yaml missing"
project=$(sed -n 's/^ *project: *//p' azure.yaml | tr -d "\"'" | head -n 1)
[ -n "$project" ] || fail "azure.yaml names no service project"
grep -Eq '^ *host: *function *$' azure.yaml || fail "azure.yaml: the service must be 'host: function'"
grep -Eq '^ *language: *dotnet *$' azure.yaml || fail "azure.yaml: the service must be 'language: dotnet'"
ls "$project"/*.csproj >/dev/null 2>&1 || fail "azure.yaml project '$project' has no .csproj"
published=$(sed -n 's/.*dotnet publish \([^ ]*\).*/\1/p' scripts/check-package.sh | head -n 1)
[ "$(realpath "$project")" = "$(realpath "$published")" ] ||
  fail "azure.yaml deploys '$project' but scripts/check-package.sh checks the package of '$published'"
for hook in $(sed -n 's/.*run: *\([^ }]*\).*/\1/p' azure.yaml); do
  [ -x "$hook" ] || fail "azure.yaml hook $hook missing or not executable"
  sh -n "$hook" || fail "azure.yaml hook $hook has a syntax error"
done
if [ "${1:-}" = "--publish" ]; then
  scripts/check-package.sh
elif [ -d artifacts/package ]; then
  [ -f artifacts/package/host.json ] || fail "artifacts/package (from scripts/check-package.sh) has no host.json at its root"
fi

echo "infra ok: $(echo "$files" | wc -l) Bicep files compiled ($warnings warnings), main.parameters.json and azure.yaml ($project) consistent, $((SECONDS - start)) s"
