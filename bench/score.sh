#!/usr/bin/env bash
# Scoring alone, on a large file, with the models a bench/run.sh run trained (same BENCH_DIR):
# whole processes, one after another, and the rows/s table against the peers measured.
#
# usage: bench/score.sh FILE.csv [riskgate|riskgate-full|peer|notebook ...]   (default: riskgate peer notebook)
#   riskgate-full is the same bundle without blend/cascade.json: every tree walked for every row
#   e.g. BENCH_DIR=out/bench-1m nice -n 10 bench/score.sh /work/bigdata/decl-10m.csv riskgate notebook
set -euo pipefail
cd "$(dirname "$0")/.."
IN="$1"; shift
if [ $# -gt 0 ]; then SIDES=("$@"); else SIDES=(riskgate peer notebook); fi
WORK="${BENCH_DIR:-out/bench}"
PY=/usr/bin/python3
for f in "$WORK/model/provenance.json" "$WORK/peer-model/model.json" "$WORK/notebook-model/model.json"; do
  [ -f "$f" ] || { echo "missing $f: run bench/run.sh with BENCH_DIR=$WORK first" >&2; exit 1; }
done
ROWS=$(( $(wc -l < "$IN") - 1 ))
export RISKGATE_NO_REBUILD=1
TIMES="$WORK/times-$(basename "$IN" .csv)"
rm -f "$TIMES"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for side in "${SIDES[@]}"; do
  case "$side" in
    riskgate) cmd=(./riskgate score --model "$WORK/model" --input "$IN" --output "$WORK/big-riskgate-out.csv") ;;
    riskgate-full)
      rm -rf "$WORK/model-full" && cp -r "$WORK/model" "$WORK/model-full" && rm -f "$WORK/model-full/blend/cascade.json"
      cmd=(./riskgate score --model "$WORK/model-full" --input "$IN" --output "$WORK/big-riskgate-full-out.csv") ;;
    peer) cmd=($PY bench/peer.py score "$WORK/peer-model" "$IN" "$WORK/big-peer-out.csv") ;;
    notebook) cmd=($PY bench/notebook_peer.py score "$WORK/notebook-model" "$IN" "$WORK/big-notebook-out.csv") ;;
    *) echo "unknown side $side (riskgate, riskgate-full, peer, notebook)" >&2; exit 2 ;;
  esac
  /usr/bin/time -f "$side %e %M %U %S %x" -a -o "$TIMES" "${cmd[@]}" > "$WORK/big-$side.log" 2>&1 \
    || echo "$side failed (see $WORK/big-$side.log)" >&2
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "| score $ROWS rows, whole process | wall (s) | rows/s | CPU (s) | peak (MiB) |"
echo "|---|---:|---:|---:|---:|"
# thousands grouped by hand: awk's %'d groups only under a locale that has them, and CI's has none
awk -v rows="$ROWS" 'function grouped(n,   s, out) { s = sprintf("%.0f", n); out = ""
    while (length(s) > 3) { out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3) }
    return s out }
  { printf "| %s | %.1f | %s | %.1f | %.0f |\n", $1, $2, grouped(rows / $2), $4 + $5, $3 / 1024 }' "$TIMES"
