#!/usr/bin/env bash
# Single-declaration scoring under load, server and load generator in two processes on loopback:
# a fresh server (demo data loaded), analysts' rules that read party profiles, and inspection
# results recorded while the load runs (each one changes the profiles the rules read).
#
# usage: bench/server-load.sh [rate/s=500] [seconds=120] [warmup=15] [result every=250]
# env:   SERVER_OPTS (default "-Xmx2g -XX:+UseZGC", as `riskgate serve`), BENCH_DIR (default out/server-load), PORT (8097),
#        BENCH_CP (run these classes, no build), MODEL (default: the server tests' bundle),
#        NO_RULES=1 for the same load without rules (and so without profile look-ups),
#        GENERATOR_OPTS (the load generator's JVM options, default "-Xmx512m -XX:+UseZGC": its own
#        collector's pauses would count as the server's latency)
set -euo pipefail
cd "$(dirname "$0")/.."
RATE="${1:-500}"; SECONDS_="${2:-120}"; WARMUP="${3:-15}"; EVERY="${4:-250}"
WORK="${BENCH_DIR:-out/server-load}"
PORT="${PORT:-8097}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
rm -rf "$WORK"; mkdir -p "$WORK"; WORK="$(cd "$WORK" && pwd)"

# build once (not timed); the test classpath holds the load generator and the fixture bundle.
# BENCH_CP=... runs given classes instead (e.g. two builds compared back to back, nothing rebuilt)
if [ -n "${BENCH_CP:-}" ]; then
  CP="$BENCH_CP"
else
  ./mvnw -q -B -pl riskgate-server -am -DskipTests package dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >&2
  CP="riskgate-server/target/test-classes:riskgate-server/target/classes:$(cat "$WORK/cp.txt")"
fi
MODEL="${MODEL:-riskgate-server/target/test-bundle}"
[ -f "$MODEL/provenance.json" ] || { echo "no model bundle at $MODEL (run the server tests once, or set MODEL)" >&2; exit 1; }

# shellcheck disable=SC2086
"$JAVA" ${SERVER_OPTS:--Xmx2g -XX:+UseZGC} -cp "$CP" org.riskgate.server.cli.ServeCommand \
  --data-dir "$WORK/data" --port "$PORT" --model "$MODEL" --demo-data data/customs --bcrypt-strength 4 \
  > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do grep -q 'serving http' "$WORK/server.log" && break; sleep 1; done
grep -q 'serving http' "$WORK/server.log" || { cat "$WORK/server.log" >&2; exit 1; }
OTP="$(sed -n 's/.*one-time password: //p' "$WORK/server.log")"
BASE="http://127.0.0.1:$PORT"
PW="bench-only-Kq7-vT2-pass"
curl -sf -X POST "$BASE/api/v1/auth/password" \
  -d "{\"username\":\"admin\",\"oldPassword\":\"$OTP\",\"newPassword\":\"$PW\"}" >/dev/null
TOKEN="$(curl -sf -X POST "$BASE/api/v1/auth/token" -d "{\"username\":\"admin\",\"password\":\"$PW\"}" \
  | sed 's/.*"token":"\([^"]*\)".*/\1/')"
# rules that read the parties' profiles (every declaration's four roles are looked up)
RULES='rule \"repeat-offender\" when importer.hit_rate > 0.3 and importer.inspected >= 3 then add 0.1, reason \"importer often caught\"\nrule \"new-declarant\" when declarant.declarations < 2 then add 0.05, reason \"declarant unknown\"'
[ "${NO_RULES:-}" = "1" ] && RULES=""
curl -sf -X PUT "$BASE/api/v1/rules" -H "Authorization: Bearer $TOKEN" -d "{\"rules\":\"$RULES\"}" >/dev/null

echo "rules: ${RULES:-none}"
echo "rate $RATE/s for ${SECONDS_}s after ${WARMUP}s warm-up; a result every $EVERY declarations;" \
  "server ${SERVER_OPTS:--Xmx2g -XX:+UseZGC}; $(nproc) cores"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# the H2 file and its journal's segments (riskgate.journal.NNNNNN)
store_bytes() { find "$WORK/data" -maxdepth 1 \( -name riskgate.mv.db -o -name 'riskgate.journal.*' \) -printf '%s\n' \
  | awk '{ s += $1 } END { print s + 0 }'; }
stored() { curl -sf "$BASE/api/v1/queue?size=1" -H "Authorization: Bearer $TOKEN" | sed 's/.*"total":\([0-9]*\).*/\1/'; }
# the server's own CPU (every thread: requests, group commit, H2's writers, rebuilds), user + system ticks
server_cpu() { awk '{ print $14 + $15 }' "/proc/$SERVER/stat"; }
BYTES0="$(store_bytes)"; ROWS0="$(stored)"; CPU0="$(server_cpu)"
# the load generator's own CPU too: on 2 cores it competes with the server for them
# shellcheck disable=SC2086
/usr/bin/time -f "%U %S" -o "$WORK/generator-cpu" \
  "$JAVA" ${GENERATOR_OPTS:--Xmx512m -XX:+UseZGC} -cp "$CP" org.riskgate.server.bench.ScoringLoad "$BASE" "$TOKEN" "$RATE" "$SECONDS_" "$WARMUP" "$EVERY"
CPU1="$(server_cpu)"
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
echo "server CPU during warm-up and run: $(( (CPU1 - CPU0) / $(getconf CLK_TCK) )) s," \
  "$(awk -v t="$(( CPU1 - CPU0 ))" -v hz="$(getconf CLK_TCK)" -v n="$(( RATE * (SECONDS_ + WARMUP) ))" \
  'BEGIN { printf "%.2f", t / hz * 1000 / n }') ms a request"
awk -v n="$(( RATE * (SECONDS_ + WARMUP) ))" '{ printf "load generator CPU (its whole run): %.0f s, %.2f ms a request\n", $1 + $2, ($1 + $2) * 1000 / n }' \
  "$WORK/generator-cpu"
# the store's growth under this load, per declaration stored meanwhile (warm-up included)
BYTES1="$(store_bytes)"; ROWS1="$(stored)"
echo "store: $BYTES0 -> $BYTES1 bytes, $ROWS0 -> $ROWS1 declarations:" \
  "$(( (BYTES1 - BYTES0) / (ROWS1 - ROWS0) )) bytes a declaration stored"
