#!/usr/bin/env bash
# What the blend's training sample costs in accuracy: the same history trained twice, with the
# default sample (`train --sample-rows 2000000`, the forest from half) and with every labelled row,
# each judged on the months after the training period (time-ordered: train on the past, test on
# the future), whole processes under /usr/bin/time.
#
# usage: bench/sample_cost.sh FILE TRAIN_TO TEST_FROM [ROWS ...]
#   e.g. bench/sample_cost.sh /work/bigdata/decl-4m.csv 2023-09-30 2023-10-01 2000000 100000000
#   ROWS: the --sample-rows of each run (default: 2000000, the default, and 100000000, no sample)
#   BENCH_DIR=out/bench-sample   models, logs and the table (table.md)
#   RISKGATE=./riskgate          the launcher to measure (a frozen copy keeps a rebuild away)
set -euo pipefail
cd "$(dirname "$0")/.."
FILE=$1 TRAIN_TO=$2 TEST_FROM=$3; shift 3
if [ $# -gt 0 ]; then SAMPLES=("$@"); else SAMPLES=(2000000 100000000); fi
WORK="${BENCH_DIR:-out/bench-sample}"
RG="${RISKGATE:-./riskgate}"
mkdir -p "$WORK"
"$RG" --version >/dev/null   # build first, so no build time is measured
export RISKGATE_NO_REBUILD=1
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "| --sample-rows | train wall (min) | train CPU (min) | peak RSS (GiB) | xgboost rounds | AUC | PR-AUC | P@5% | P@10% |" > "$WORK/table.md"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|" >> "$WORK/table.md"
for n in "${SAMPLES[@]}"; do
  /usr/bin/time -f "%e %M %U %S" -o "$WORK/train-$n.time" \
    "$RG" train --train "$FILE" --to "$TRAIN_TO" --sample-rows "$n" --model "$WORK/model-$n" > "$WORK/train-$n.log" 2>&1
  "$RG" evaluate --model "$WORK/model-$n" --data "$FILE" --from "$TEST_FROM" > "$WORK/evaluate-$n.log" 2>&1
  python3 - "$WORK" "$n" >> "$WORK/table.md" <<'PYEOF'
import json, re, sys
work, n = sys.argv[1], sys.argv[2]
wall, kb, user, system = open(f"{work}/train-{n}.time").read().split()
notes = json.load(open(f"{work}/model-{n}/provenance.json")).get("trainingNotes", {})
row = next(l for l in open(f"{work}/evaluate-{n}.log") if l.startswith("| blend |"))
cells = [c.strip() for c in row.strip().strip("|").split("|")]
head = next(l for l in open(f"{work}/evaluate-{n}.log") if l.startswith("| model"))
names = [c.strip() for c in head.strip().strip("|").split("|")]
get = lambda k: cells[names.index(k)] if k in names else "?"
print(f"| {int(n):,} | {float(wall)/60:.1f} | {(float(user)+float(system))/60:.1f} | {int(kb)/1048576:.2f} "
      f"| {notes.get('xgboost.rounds', '?')} | {get('AUC')} | {get('PR-AUC')} | {get('P@5%')} | {get('P@10%')} |")
PYEOF
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
cat "$WORK/table.md"
