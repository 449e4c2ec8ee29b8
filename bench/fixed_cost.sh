#!/usr/bin/env bash
# What each side costs without its model: riskgate and the peer score the same 1 M-row file with
# their trained models cut to the first tree (for riskgate's blend: the first tree of its XGBoost
# part, without the forest), so start-up, reading, features, lanes and writing are all that is
# left. Run bench/run.sh first (it trains both models and writes the file).
#
# usage: bench/fixed_cost.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-1000000}"
WORK="${BENCH_DIR:-out/bench}"
PY=/usr/bin/python3
for f in "$WORK/model/provenance.json" "$WORK/peer-model/model.json" "$WORK/decl-$ROWS.csv"; do
  [ -f "$f" ] || { echo "missing $f: run bench/run.sh $ROWS first" >&2; exit 1; }
done
rm -rf "$WORK/one-tree" "$WORK/one-tree-peer"
cp -r "$WORK/model" "$WORK/one-tree"
mkdir -p "$WORK/one-tree-peer"
cp "$WORK/peer-model/state.pkl" "$WORK/one-tree-peer/"
$PY - "$WORK" <<'PYEOF'
import sys
import xgboost as xgb
import json, os, shutil
work = sys.argv[1]
booster = f"{work}/one-tree/model.ubj"
parts = f"{work}/one-tree/blend/parts.json"
if os.path.exists(parts):  # the blend: keep its XGBoost part alone, with all the weight
    kept = [dict(p, weight=1.0) for p in json.load(open(parts)) if p["kind"] == "xgboost"]
    for p in json.load(open(parts)):
        if p["kind"] != "xgboost":
            shutil.rmtree(f"{work}/one-tree/blend/{p['name']}")
    json.dump(kept, open(parts, "w"))
    booster = f"{work}/one-tree/blend/{kept[0]['name']}/model.ubj"
ours = xgb.Booster()
ours.load_model(booster)
ours[0:1].save_model(booster)
xgb.Booster(model_file=f"{work}/peer-model/model.json")[0:1].save_model(f"{work}/one-tree-peer/model.json")
PYEOF
export RISKGATE_NO_REBUILD=1
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "| one tree, $ROWS rows | wall (s) | CPU (s) | peak (MiB) |"
echo "|---|---:|---:|---:|"
/usr/bin/time -f "| riskgate | %e | %U+%S | %M |" -o "$WORK/one-tree.time" \
  ./riskgate score --model "$WORK/one-tree" --input "$WORK/decl-$ROWS.csv" --output "$WORK/one-tree-out.csv" >/dev/null 2>&1
/usr/bin/time -f "| peer | %e | %U+%S | %M |" -o "$WORK/one-tree-peer.time" \
  $PY bench/peer.py score "$WORK/one-tree-peer" "$WORK/decl-$ROWS.csv" "$WORK/one-tree-peer-out.csv"
cat "$WORK/one-tree.time" "$WORK/one-tree-peer.time" \
  | awk -F'|' '{ split($4, c, "+"); printf "|%s| %.2f | %.1f | %.0f |\n", $2, $3, c[1] + c[2], $5 / 1024 }'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
