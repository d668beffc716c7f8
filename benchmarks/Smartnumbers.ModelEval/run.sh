#!/usr/bin/env bash
# The labelled evaluation set: generate it (fixed seed, documented distributions) and measure the default model and a
# refit on a 70/30 time split. A few seconds; no storage, no network.
#   benchmarks/Smartnumbers.ModelEval/run.sh [--seed N]
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
build_log=$(mktemp)
trap 'rm -f "$build_log"' EXIT
dotnet build benchmarks/Smartnumbers.ModelEval -c Release -v quiet -nologo >"$build_log" 2>&1 || { cat "$build_log"; exit 1; }
dotnet benchmarks/Smartnumbers.ModelEval/bin/Release/net10.0/Smartnumbers.ModelEval.dll "$@"
