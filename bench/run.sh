#!/usr/bin/env bash
# The benchmark table: riskgate against its peer (pandas + Debian's python3-xgboost, bench/peer.py)
# on the same files, measured in the same run, whole processes (start-up, reading, features,
# model, lanes, writing). Needs: apt install python3-xgboost python3-pandas python3-sklearn time
#
# usage: bench/run.sh [ROWS]      (default 1,000,000 rows for the scoring benchmark)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-1000000}"
WORK="${BENCH_DIR:-out/bench}"
PY=/usr/bin/python3
TRAIN=data/customs/df_syn_train_eng.csv
VALID=data/customs/df_syn_valid_eng.csv
mkdir -p "$WORK"
$PY -c "import pandas, xgboost, sklearn" 2>/dev/null || {
  echo "the peer needs Debian's python3-xgboost python3-pandas python3-sklearn (apt install them)" >&2; exit 1; }

./riskgate --version >/dev/null   # build first, so no build time is measured
export RISKGATE_NO_REBUILD=1
[ -f "$WORK/decl-$ROWS.csv" ] || $PY bench/generate.py "$ROWS" "$WORK/decl-$ROWS.csv" >&2

measure() {  # measure NAME CMD... -> appends "NAME seconds peak_kb cpu_seconds" to $WORK/times
  local name=$1; shift
  /usr/bin/time -f "$name %e %M %U %S" -a -o "$WORK/times" "$@" > "$WORK/$name.log" 2>&1
}
rm -f "$WORK/times"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
measure riskgate-train ./riskgate train --train "$TRAIN" --model "$WORK/model"
measure peer-train $PY bench/peer.py train "$TRAIN" "$VALID" "$WORK/peer-model"
./riskgate evaluate --model "$WORK/model" --data "$VALID" --report "$WORK/report" > "$WORK/riskgate-eval.log"
measure riskgate-score ./riskgate score --model "$WORK/model" --input "$WORK/decl-$ROWS.csv" --output "$WORK/riskgate-out.csv"
measure peer-score $PY bench/peer.py score "$WORK/peer-model" "$WORK/decl-$ROWS.csv" "$WORK/peer-out.csv"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

$PY - "$WORK" "$ROWS" <<'PYEOF'
import json, sys
work, rows = sys.argv[1], int(sys.argv[2])
t = {l.split()[0]: (float(l.split()[1]), int(l.split()[2]), float(l.split()[3]) + float(l.split()[4]))
     for l in open(f"{work}/times")}
peer = json.loads(open(f"{work}/peer-train.log").read().strip().splitlines()[-1])
ours = [l for l in open(f"{work}/riskgate-eval.log") if l.startswith("| blend |")][0].split("|")  # the default model
# columns: model, AUC, PR-AUC, then P/R/Rev at 1, 2, 5 and 10 %
auc, p5, p10 = float(ours[2]), float(ours[10]), float(ours[13])
print("| measure | riskgate | peer (pandas + xgboost) | ratio |")
print("|---|---:|---:|---:|")
print(f"| accuracy on 2021Q1: AUC | {auc:.4f} | {peer['auc']:.4f} | {auc / peer['auc']:.3f} |")
print(f"| accuracy on 2021Q1: P@5% | {p5:.3f} | {peer['p@5']:.3f} | {p5 / peer['p@5']:.3f} |")
print(f"| accuracy on 2021Q1: P@10% | {p10:.3f} | {peer['p@10']:.3f} | {p10 / peer['p@10']:.3f} |")
print(f"| train on 2020, whole process (s) | {t['riskgate-train'][0]:.1f} | {t['peer-train'][0]:.1f} | {t['peer-train'][0] / t['riskgate-train'][0]:.2f}x faster |")
rs, ps = rows / t['riskgate-score'][0], rows / t['peer-score'][0]
print(f"| score {rows:,} rows CSV in -> lanes out (rows/s) | {rs:,.0f} | {ps:,.0f} | {rs / ps:.2f}x |")
print(f"| score: CPU time, all threads (s) | {t['riskgate-score'][2]:.1f} | {t['peer-score'][2]:.1f} | {t['peer-score'][2] / t['riskgate-score'][2]:.2f}x less |")
print(f"| score: peak memory (MiB) | {t['riskgate-score'][1] / 1024:.0f} | {t['peer-score'][1] / 1024:.0f} | |")
PYEOF
