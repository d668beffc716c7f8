#!/usr/bin/env bash
# Publishes the Functions project as azd does (dotnet publish, no -r) and checks the folder is a complete
# custom-handler package: host.json naming a self-contained linux-x64 executable, and one folder per function.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-artifacts/package}
rm -rf "$out"
dotnet publish functions/Smartnumbers.Functions -c Release --output "$out" -v quiet -nologo >/dev/null

exe=$(node -e 'console.log(require("./host.json").customHandler.description.defaultExecutablePath)')
fail() { echo "package check failed: $*" >&2; exit 1; }
[ -f "$out/host.json" ] || fail "host.json missing"
[ -x "$out/$exe" ] || fail "executable $exe missing or not executable"
file_type=$(head -c 4 "$out/$exe" | od -An -c | tr -d ' ')
[ "$file_type" = "177ELF" ] || fail "$exe is not a Linux ELF executable"
[ -f "$out/libcoreclr.so" ] || fail "not self-contained (libcoreclr.so missing)"
count=0
for def in functions/Smartnumbers.Functions/FunctionDefinitions/*/function.json; do
  name=$(basename "$(dirname "$def")")
  cmp -s "$def" "$out/$name/function.json" || fail "$name/function.json missing or different in the package"
  count=$((count + 1))
done
[ -f "$out/console/index.html" ] && [ -f "$out/console/js/app.js" ] || fail "the operator console (console/index.html, console/js/app.js) is missing"
# The deployment zip must keep the executable bit (Flex runs the handler from the zip's unpacked files): zip the folder
# as azd does (paths relative to the package root, Unix modes kept) and read the mode back from the archive.
command -v zip >/dev/null 2>&1 && command -v zipinfo >/dev/null 2>&1 || fail "zip and zipinfo (Debian: zip, unzip) are needed for the zip check"
zipfile="$(cd "$(dirname "$out")" && pwd)/$(basename "$out").zip"
rm -f "$zipfile"
(cd "$out" && zip -q -r -X "$zipfile" .)
mode=$(zipinfo "$zipfile" "$exe" | awk '{print $1}')
case "$mode" in
  -rwx*) ;;
  *) fail "$exe has mode '$mode' in the deployment zip: the custom handler would not start" ;;
esac
# The listing is read whole first: `zipinfo | grep -q` under pipefail fails when grep stops reading early and zipinfo
# is killed by SIGPIPE, which is what failed CI once although host.json was there.
listing=$(zipinfo -1 "$zipfile")
grep -qx 'host.json' <<<"$listing" || fail "host.json is not at the root of the deployment zip"
rm -f "$zipfile"
echo "package ok: $out has host.json, $exe (self-contained linux-x64, $mode in the zip), $count function folders and the console"
