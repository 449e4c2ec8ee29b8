#!/usr/bin/env bash
# Detection and verification on the second page generator beside the training generator's test
# issuers (riskgate-documents' ForeignBench): bench/docs-foreign.sh [method] [issuers] [pages] [dpi]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -q -B -pl riskgate-documents -am test-compile -DskipTests
./mvnw -q -B -pl riskgate-documents dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test >/dev/null
cd riskgate-documents
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -Xmx3g \
  -cp "target/classes:target/test-classes:$(cat target/cp.txt)" "${BENCH_MAIN:-org.riskgate.documents.foreign.ForeignBench}" "$@"
