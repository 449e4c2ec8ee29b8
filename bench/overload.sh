#!/usr/bin/env bash
# Overload benchmark of `riskgate serve` (finding 7 of issue 13): starts the server as its own
# process (2 GiB heap, ZGC, as ./riskgate serve runs it) on a fresh data directory with the test
# bundle, then drives it from a second process with bench OverloadLoad (open loop, 3,000
# declarations a second over 8 tokens, health and API probes every 100 ms, then a recovery phase).
#   bench/overload.sh [rate=3000] [seconds=30]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
J="$JAVA_HOME/bin/java"
./mvnw -q -B -DskipTests test-compile -pl riskgate-server -am
./mvnw -q -B dependency:build-classpath -pl riskgate-server -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/target/overload.cp" >/dev/null
CP="riskgate-server/target/test-classes:riskgate-server/target/classes"
for m in core risk selectivity profiles hs documents; do CP="$CP:riskgate-$m/target/classes"; done
CP="$CP:$(cat target/overload.cp)"
BUNDLE=riskgate-server/target/test-bundle
[ -f "$BUNDLE/provenance.json" ] || { echo "run the server tests once first (they train $BUNDLE)" >&2; exit 1; }
DIR="$(mktemp -d)"
"$J" -Xmx2g -XX:+UseZGC --enable-native-access=ALL-UNNAMED -Djava.awt.headless=true -cp "$CP" \
  org.riskgate.server.cli.ServeCommand --data-dir "$DIR/data" --port 0 --model "$BUNDLE" --no-demo \
  >"$DIR/out.log" 2>"$DIR/err.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DIR"' EXIT
for _ in $(seq 120); do grep -q "serving http" "$DIR/out.log" && break; sleep 1; done
PORT="$(sed -n 's#.*serving http://127.0.0.1:\([0-9]*\)/.*#\1#p' "$DIR/out.log")"
OTP="$(sed -n 's#.*one-time password: \(\S*\).*#\1#p' "$DIR/out.log")"
BASE="http://127.0.0.1:$PORT"
PW="overload-bench-$RANDOM-pw"
curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' "$BASE/api/v1/auth/password" \
  -d "{\"username\":\"admin\",\"oldPassword\":\"$OTP\",\"newPassword\":\"$PW\"}"
echo "server pid $SERVER on $BASE; $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$J" -cp "$CP" org.riskgate.server.bench.OverloadLoad "$BASE" admin "$PW" "${1:-3000}" "${2:-30}" 8
echo "store after the run (file and journal): $(du -ch "$DIR"/data/riskgate.mv.db "$DIR"/data/riskgate.journal.* 2>/dev/null \
  | tail -1 | cut -f1); server log lines about overload:"
grep -c "overload:" "$DIR/data/riskgate.log" || true
