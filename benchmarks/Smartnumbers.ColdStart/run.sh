#!/usr/bin/env bash
# Cold start, side by side: publishes the app and the hello-world floor the same way, then times, median of --runs,
# process start -> first signed Twilio call answered with its route (app) and process start -> first answer (floor).
#   benchmarks/Smartnumbers.ColdStart/run.sh [--runs 5] [variant ...]
# Variants (each publishes both programs with the same extra properties; default: the shipped publish mode):
#   shipped        the package as azd publishes it (see Smartnumbers.Functions.csproj: self-contained, ReadyToRun)
#   jit            self-contained, ReadyToRun off (plain JIT)
#   r2r            ReadyToRun
#   r2r-composite  ReadyToRun, composite image with the framework
#   no-tiered-pgo  TieredPGO off
#   no-tiered      TieredCompilation off (everything fully optimised at first call)
#   trimmed        IL trimming (partial)
# Any setup failure stops the run (exit 1).
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
fail() { echo "cold-start setup failed: $*" >&2; exit 1; }

runs=5
variants=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    *) variants+=("$1"); shift ;;
  esac
done
[ ${#variants[@]} -eq 0 ] && variants=(shipped)

props() {
  case "$1" in
    shipped) echo "" ;;
    jit) echo "-p:PublishReadyToRun=false" ;;
    r2r) echo "-p:PublishReadyToRun=true" ;;
    r2r-composite) echo "-p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true" ;;
    no-tiered-pgo) echo "-p:TieredPGO=false" ;;
    no-tiered) echo "-p:TieredCompilation=false" ;;
    trimmed) echo "-p:PublishTrimmed=true -p:TrimMode=partial -p:SuppressTrimAnalysisWarnings=true -p:TreatWarningsAsErrors=false" ;;
    *) fail "unknown variant '$1'" ;;
  esac
}

source benchmarks/azurite.sh
ensure_azurite
dotnet build benchmarks/Smartnumbers.ColdStart -c Release -v quiet -nologo >/dev/null || fail "could not build the cold-start runner"

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT INT TERM

start_azurite
storage=$azurite_storage

for variant in "${variants[@]}"; do
  extra=$(props "$variant")
  for project in Smartnumbers.HelloWorld:benchmarks/Smartnumbers.HelloWorld Smartnumbers.Functions:functions/Smartnumbers.Functions; do
    name=${project%%:*}; path=${project#*:}
    # shellcheck disable=SC2086
    dotnet publish "$path" -c Release -o "$work/$variant/$name" -v quiet -nologo $extra >"$work/publish.log" 2>&1 \
      || { cat "$work/publish.log"; fail "could not publish $name ($variant)"; }
  done
  size=$(du -sm "$work/$variant/Smartnumbers.Functions" | cut -f1)
  echo "::: $variant ($size MB published)${extra:+: $extra}"
  dotnet benchmarks/Smartnumbers.ColdStart/bin/Release/net10.0/Smartnumbers.ColdStart.dll --app "$work/$variant/Smartnumbers.Functions" \
    --hello "$work/$variant/Smartnumbers.HelloWorld" --storage "$storage" --runs "$runs" --label "$variant"
done
