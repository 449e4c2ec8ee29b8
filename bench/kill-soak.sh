#!/usr/bin/env bash
# Kill-and-reopen soak of the embedded store: H2KillTest's writer killed with SIGKILL a random
# 0-12 s after its first acknowledged declaration, then the store opened as the server opens it,
# CYCLES times (see KillSoak). Prints a line a cycle and a table; exits 1 when a cycle failed, hung
# or lost an acknowledged declaration (its killed store is kept beside it, DIR-killed).
#
# usage: bench/kill-soak.sh [cycles=100] [seed=1]
# env:   BENCH_CP (run these classes, no build)
set -euo pipefail
cd "$(dirname "$0")/.."
CYCLES="${1:-100}"; SEED="${2:-1}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [ -n "${BENCH_CP:-}" ]; then
  CP="$BENCH_CP"
else
  mkdir -p out
  ./mvnw -q -B -pl riskgate-server -am -DskipTests package dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/out/kill-soak-cp.txt" >&2
  CP="riskgate-server/target/test-classes:riskgate-server/target/classes:$(cat out/kill-soak-cp.txt)"
fi
echo "kill-and-reopen soak: $CYCLES cycles, seed $SEED, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$CP" org.riskgate.server.store.KillSoak "$CYCLES" "$SEED"
