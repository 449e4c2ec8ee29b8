#!/usr/bin/env bash
# Builds bench/jmh and runs a main class from it: bench/main.sh CLASS [ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -q -B -DskipTests -pl bench/jmh -am install
./mvnw -q -B -pl bench/jmh dependency:build-classpath -Dmdep.outputFile=target/jmh.cp >/dev/null
main="$1"
shift
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "bench/jmh/target/classes:$(cat bench/jmh/target/jmh.cp)" "$main" "$@"
