#!/usr/bin/env bash
# Runs the riskgate-hs JMH benchmarks and prints JMH's table (p50/p99 of suggest, index build).
# Usage, from the repository root: riskgate-hs/bench/run.sh [JMH options, e.g. -f 1 -wi 1 -i 3]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -o -pl riskgate-hs -am test-compile -DskipTests
./mvnw -q -o -pl riskgate-hs dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/riskgate-hs/target/bench.cp"
CP="riskgate-hs/target/test-classes:riskgate-hs/target/classes:$(cat riskgate-hs/target/bench.cp)"
exec "${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" -cp "$CP" org.openjdk.jmh.Main "org.riskgate.hs.bench.*" "$@"
