#!/usr/bin/env bash
# The single-machine cost curve: training time and peak memory, and scoring rows/s, at growing
# sizes of a generated multi-year history (bench/generate_history.py), whole processes measured
# with /usr/bin/time (start-up, reading, features, models, writing), as `./riskgate` runs them.
#
# usage: bench/train_curve.sh [SIZE ...]      sizes as 1m, 4m, 10m (default: 1m 4m)
#   BIGDATA=/work/bigdata   where decl-<SIZE>.csv lie (generated there when missing)
#   BENCH_DIR=out/bench-scale  models, outputs, logs and the table (table.md)
#   RISKGATE=./riskgate        the launcher to measure (e.g. a copy of it and its distribution,
#                              so that rebuilding the worktree cannot touch a run of an hour)
# Each row of the table says which log holds its figures; a size whose training fails (out of
# memory, killed) is reported as such, never dropped.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then SIZES=("$@"); else SIZES=(1m 4m); fi
DATA="${BIGDATA:-/work/bigdata}"
WORK="${BENCH_DIR:-out/bench-scale}"
mkdir -p "$WORK" "$DATA"

RG="${RISKGATE:-./riskgate}"
"$RG" --version >/dev/null   # build first, so no build time is measured
export RISKGATE_NO_REBUILD=1

rows_of() { case "$1" in *m) echo $(( ${1%m} * 1000000 )) ;; *k) echo $(( ${1%k} * 1000 )) ;; *) echo "$1" ;; esac; }

for size in "${SIZES[@]}"; do
  file="$DATA/decl-$size.csv"
  [ -f "$file" ] || python3 bench/generate_history.py "$(rows_of "$size")" "$file" >&2
done

# measure NAME CMD... -> "NAME wall_s peak_kb user_s sys_s exit" appended to $WORK/times
measure() {
  local name=$1; shift
  local rc=0
  /usr/bin/time -f "$name %e %M %U %S %x" -a -o "$WORK/times" "$@" > "$WORK/$name.log" 2>&1 || rc=$?
  [ $rc -eq 0 ] || echo "$name exited with $rc (see $WORK/$name.log)" >&2
}
rm -f "$WORK/times"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for size in "${SIZES[@]}"; do
  file="$DATA/decl-$size.csv"
  measure "train-$size" "$RG" train --train "$file" --model "$WORK/model-$size"
  if [ "$(tail -1 "$WORK/times" | cut -d' ' -f6)" = 0 ]; then   # the model was trained
    measure "score-$size" "$RG" score --model "$WORK/model-$size" --input "$file" --output "$WORK/scored-$size.csv"
  fi
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

python3 - "$WORK" "${SIZES[@]}" <<'PYEOF' | tee "$WORK/table.md"
import sys
work, sizes = sys.argv[1], sys.argv[2:]
t = {}
for l in open(f"{work}/times"):
    f = l.split()
    if len(f) >= 6 and f[0] != "Command":
        t[f[0]] = (float(f[1]), int(f[2]), float(f[3]) + float(f[4]), int(f[5]))
def rows(size):
    return int(size[:-1]) * (1_000_000 if size.endswith("m") else 1000) if size[-1] in "mk" else int(size)
print("| rows | train wall (min) | train CPU (min, all threads) | train peak RSS (GiB) | score rows/s | score peak RSS (GiB) | logs |")
print("|---:|---:|---:|---:|---:|---:|---|")
for s in sizes:
    tr, sc = t.get(f"train-{s}"), t.get(f"score-{s}")
    if tr is None:
        print(f"| {rows(s):,} | not run | | | | | |")
        continue
    ok = tr[3] == 0
    train = (f"{tr[0] / 60:.1f} | {tr[2] / 60:.1f} | {tr[1] / 2**20:.2f}" if ok
             else f"failed (exit {tr[3]}) after {tr[0] / 60:.1f} | {tr[2] / 60:.1f} | {tr[1] / 2**20:.2f}")
    score = f"{rows(s) / sc[0]:,.0f} | {sc[1] / 2**20:.2f}" if sc and sc[3] == 0 else "- | -"
    print(f"| {rows(s):,} | {train} | {score} | {work}/train-{s}.log, score-{s}.log |")
PYEOF
