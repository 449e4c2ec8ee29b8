#!/usr/bin/env bash
# JMH: latency of deciding one declaration (score, and score + explanation, fast vs exact SHAP).
exec "$(dirname "$0")/main.sh" org.openjdk.jmh.Main "${@:-SingleDeclarationBenchmark}"
