#!/usr/bin/env bash
# The benchmark table: riskgate against two peers, pandas + Debian's python3-xgboost both: the
# like-for-like peer (bench/peer.py: riskgate's features and XGBoost parameters) and the plain
# notebook peer (bench/notebook_peer.py: label and count encodings, 400 trees of depth 8), on the
# same files, measured in the same run, whole processes (start-up, reading, features, model,
# lanes, writing). Needs: apt install python3-xgboost python3-pandas python3-sklearn time
#
# usage: bench/run.sh [ROWS]      (default 1,000,000 rows for the scoring benchmark)
#   INPUT=FILE.csv   score this file (e.g. /work/bigdata/decl-10m.csv) instead of ROWS rows that
#                    bench/generate.py writes; ROWS is then its number of declarations
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
IN="${INPUT:-$WORK/decl-$ROWS.csv}"
[ -f "$IN" ] || $PY bench/generate.py "$ROWS" "$IN" >&2

measure() {  # measure NAME CMD... -> appends "NAME seconds peak_kb cpu_seconds" to $WORK/times
  local name=$1; shift
  /usr/bin/time -f "$name %e %M %U %S" -a -o "$WORK/times" "$@" > "$WORK/$name.log" 2>&1
}
rm -f "$WORK/times"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
measure riskgate-train ./riskgate train --train "$TRAIN" --model "$WORK/model"
measure peer-train $PY bench/peer.py train "$TRAIN" "$VALID" "$WORK/peer-model"
measure notebook-train $PY bench/notebook_peer.py train "$TRAIN" "$VALID" "$WORK/notebook-model"
./riskgate evaluate --model "$WORK/model" --data "$VALID" --report "$WORK/report" > "$WORK/riskgate-eval.log"
measure riskgate-score ./riskgate score --model "$WORK/model" --input "$IN" --output "$WORK/riskgate-out.csv"
measure peer-score $PY bench/peer.py score "$WORK/peer-model" "$IN" "$WORK/peer-out.csv"
measure notebook-score $PY bench/notebook_peer.py score "$WORK/notebook-model" "$IN" "$WORK/notebook-out.csv"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

$PY - "$WORK" "$ROWS" <<'PYEOF'
import json, sys
work, rows = sys.argv[1], int(sys.argv[2])
t = {l.split()[0]: (float(l.split()[1]), int(l.split()[2]), float(l.split()[3]) + float(l.split()[4]))
     for l in open(f"{work}/times")}
peer = json.loads(open(f"{work}/peer-train.log").read().strip().splitlines()[-1])
nb = json.loads(open(f"{work}/notebook-train.log").read().strip().splitlines()[-1])
ours = [l for l in open(f"{work}/riskgate-eval.log") if l.startswith("| blend |")][0].split("|")  # the default model
# columns: model, AUC, PR-AUC, then P/R/Rev at 1, 2, 5 and 10 %
acc = {"auc": float(ours[2]), "p@5": float(ours[10]), "p@10": float(ours[13])}
print("| measure | riskgate | peer (like for like) | ratio | notebook peer | ratio |")
print("|---|---:|---:|---:|---:|---:|")
for key, name, fmt in (("auc", "AUC", ".4f"), ("p@5", "P@5%", ".3f"), ("p@10", "P@10%", ".3f")):
    print(f"| accuracy on 2021Q1: {name} | {acc[key]:{fmt}} | {peer[key]:{fmt}} | {acc[key] / peer[key]:.3f} "
          f"| {nb[key]:{fmt}} | {acc[key] / nb[key]:.3f} |")
def row(name, ours, p, n, fmt, ratio):
    print(f"| {name} | {ours:{fmt}} | {p:{fmt}} | {ratio(ours, p)} | {n:{fmt}} | {ratio(ours, n)} |")
row("train on 2020, whole process (s)", t["riskgate-train"][0], t["peer-train"][0], t["notebook-train"][0], ".1f",
    lambda o, p: f"{p / o:.2f}x faster")
row(f"score {rows:,} rows CSV in -> lanes out (rows/s)", rows / t["riskgate-score"][0], rows / t["peer-score"][0],
    rows / t["notebook-score"][0], ",.0f", lambda o, p: f"{o / p:.2f}x")
row("score: CPU time, all threads (s)", t["riskgate-score"][2], t["peer-score"][2], t["notebook-score"][2], ".1f",
    lambda o, p: f"{p / o:.2f}x less")
row("score: peak memory (MiB)", t["riskgate-score"][1] / 1024, t["peer-score"][1] / 1024,
    t["notebook-score"][1] / 1024, ".0f", lambda o, p: "")
PYEOF
