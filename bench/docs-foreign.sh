#!/usr/bin/env bash
# Detection and verification on the second page generator beside the training generator's test
# issuers (riskgate-documents' ForeignBench): bench/docs-foreign.sh [method] [issuers] [pages] [dpi] [detector]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
# one reactor run: riskgate-core is never installed, so the class path must be built beside it
./mvnw -q -B -pl riskgate-documents -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test >/dev/null
cd riskgate-documents
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -Xmx3g \
  -cp "target/classes:target/test-classes:$(cat target/cp.txt)" "${BENCH_MAIN:-org.riskgate.documents.foreign.ForeignBench}" "$@"
