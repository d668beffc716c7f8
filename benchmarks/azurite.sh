# Sourced by the benchmark scripts, from the repository root, after they define `fail` and the array `pids` (stopped
# by their cleanup): Azurite's Table service on a free loopback port, in memory.
#   ensure_azurite                  installs tools/node_modules (Azurite) when missing
#   start_azurite [azurite args]    starts it; sets azurite_port, azurite_pid and azurite_storage (a connection string)
# STORAGE_NICE (default 0) runs Azurite at that nice level.

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

ensure_azurite() {
  [ -x tools/node_modules/.bin/azurite-table ] \
    || npm ci --prefix tools --no-audit --no-fund --loglevel=error \
    || fail "could not install Azurite (npm ci --prefix tools)"
}

start_azurite() {
  azurite_port=$(free_port)
  nice -n "${STORAGE_NICE:-0}" tools/node_modules/.bin/azurite-table --tableHost 127.0.0.1 --tablePort "$azurite_port" \
    --inMemoryPersistence --skipApiVersionCheck --disableTelemetry --silent "$@" &
  azurite_pid=$!
  pids+=("$azurite_pid")
  local up=false
  for _ in $(seq 1 300); do (exec 3<>"/dev/tcp/127.0.0.1/$azurite_port") 2>/dev/null && { up=true; break; }; sleep 0.1; done
  $up || fail "Azurite did not listen on 127.0.0.1:$azurite_port within 30 s"
  azurite_storage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$azurite_port/devstoreaccount1;"
}
