#!/usr/bin/env bash
# Spark local[2] throughput: `riskgate spark score` and `riskgate spark train` on generated
# declaration files of 1 M, 4 M and 10 M rows, whole processes (start-up, reading the CSV through
# riskgate's reader, Spark's work, writing). Prints a table of rows/s and peak RSS of the driver JVM.
#
# usage: bench/spark.sh [score|train|cluster|both] [SIZES...]   (default: score 1m 4m 10m)
#   train: XGBoost alone, features on Spark, the fit on the driver (at most 2 M sampled rows);
#   cluster: the same with --fit cluster (xgboost4j-spark on the executors, every labelled row)
#   files: $BIGDATA/decl-<size>.csv (default BIGDATA=/work/bigdata); the model is trained once on
#   the public 2020 file with `riskgate spark train`.
set -euo pipefail
cd "$(dirname "$0")/.."
WHAT="${1:-score}"; shift || true
SIZES=("${@:-1m 4m 10m}"); read -r -a SIZES <<< "${SIZES[*]}"
BIGDATA="${BIGDATA:-/work/bigdata}"
WORK="${BENCH_DIR:-out/bench-spark}"
mkdir -p "$WORK"
./riskgate spark --version >/dev/null   # build first, so no build time is measured
export RISKGATE_NO_REBUILD=1
[ -f "$WORK/model/provenance.json" ] || ./riskgate spark train --master 'local[2]' \
  --train data/customs/df_syn_train_eng.csv --model "$WORK/model" > "$WORK/model.log" 2>&1

measure() {  # measure NAME ROWS CMD...
  local name=$1 rows=$2; shift 2
  /usr/bin/time -f "%e %M" -o "$WORK/$name.time" "$@" > "$WORK/$name.log" 2>&1
  read -r secs kb < "$WORK/$name.time"
  printf "| %-18s | %11s | %8.1f | %10.0f | %8.1f |\n" "$name" "$rows" "$secs" \
    "$(echo "$rows / $secs" | bc -l)" "$(echo "$kb / 1048576" | bc -l)"
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| run                |        rows |      s   |     rows/s | RSS GiB |"
echo "|--------------------|-------------|----------|------------|---------|"
for size in "${SIZES[@]}"; do
  file="$BIGDATA/decl-$size.csv"
  [ -f "$BIGDATA/READY-$size" ] && [ -f "$file" ] || { echo "| $size: $file not ready |"; continue; }
  rows=$(( $(wc -l < "$file") - 1 ))
  if [ "$WHAT" = "score" ] || [ "$WHAT" = "both" ]; then
    measure "score-$size" "$rows" ./riskgate spark score --master 'local[2]' --model "$WORK/model" \
      --input "$file" --output "$WORK/decisions-$size.parquet"
  fi
  if [ "$WHAT" = "train" ] || [ "$WHAT" = "both" ]; then
    measure "train-$size" "$rows" ./riskgate spark train --master 'local[2]' --no-blend \
      --train "$file" --model "$WORK/model-$size"
  fi
  if [ "$WHAT" = "cluster" ]; then
    measure "train-cluster-$size" "$rows" ./riskgate spark train --master 'local[2]' --no-blend --fit cluster \
      --train "$file" --model "$WORK/model-cluster-$size"
  fi
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
