#!/usr/bin/env bash
# Every trainer on the 2020 holdout and once on 2021Q1 (org.riskgate.bench.TrainerComparison):
#   bench/trainers.sh [DATA_DIR] [all | TRAINER/FEATURES,...] [holdout | 2021q1 | both]
# Builds bench/jmh and the modules it needs with `package` (nothing is installed into ~/.m2).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -q -B -DskipTests -pl bench/jmh -am package dependency:build-classpath -Dmdep.outputFile=target/jmh.cp >/dev/null
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -Xmx6g \
  -cp "bench/jmh/target/classes:$(cat bench/jmh/target/jmh.cp)" org.riskgate.bench.TrainerComparison "$@"
