#!/usr/bin/env bash
# Scoring with two or more builds (or JVM flags), whole processes, alternated run by run so that
# a machine whose speed drifts within the hour (up to a fifth here) drifts for all of them alike;
# prints each run and the median wall and CPU time of each.
#
# usage: bench/alternate.sh N INPUT.csv MODEL_DIR DIST[|JVM FLAGS] DIST[|JVM FLAGS] ...
#   DIST is a copy of riskgate-cli/target/dist made from each build (the launcher's RISKGATE_DIST), e.g.
#   cp -r riskgate-cli/target/dist /tmp/dist-before   (then change, rebuild, and copy again)
#   bench/alternate.sh 3 /work/bigdata/decl-1m.csv out/bench-1m/model /tmp/dist-before \
#     /tmp/dist-after "/tmp/dist-after|-XX:-TieredCompilation"
set -euo pipefail
cd "$(dirname "$0")/.."
N="$1"; IN="$2"; MODEL="$3"; shift 3
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for i in $(seq "$N"); do
  for k in $(seq $#); do
    spec="${!k}"; dist="${spec%%|*}"; flags=""
    [[ "$spec" == *"|"* ]] && flags="${spec#*|}"
    # the launcher runs the given distribution with `score`'s own JVM options, the flags added
    RISKGATE_DIST="$dist" RISKGATE_EXTRA_JAVA_OPTS="$flags" /usr/bin/time -f "$k %e %U %S %M" -a -o "$OUT/times" \
      ./riskgate score --model "$MODEL" --input "$IN" --output "$OUT/out-$k.csv" > "$OUT/log-$k" 2>&1 \
      || { echo "run $i of '$spec' failed:" >&2; tail -5 "$OUT/log-$k" >&2; exit 1; }
    tail -1 "$OUT/times" | awk -v s="$spec" '{ printf "run of %s: %.2f s wall, %.1f CPU-s, %.0f MiB\n", s, $2, $3 + $4, $5 / 1024 }'
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "| build (and flags) | runs | median wall (s) | median CPU (s) |"
echo "|---|---:|---:|---:|"
median() { sort -n | awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for k in $(seq $#); do
  wall=$(awk -v k="$k" '$1 == k { print $2 }' "$OUT/times" | median)
  cpu=$(awk -v k="$k" '$1 == k { print $3 + $4 }' "$OUT/times" | median)
  label="${!k}"
  echo "| ${label//|/ with } | $N | $wall | $cpu |"
done
