#!/usr/bin/env bash
# The lake's cost curve: `riskgate lake import` of 1 M, 4 M and 10 M declarations (whole
# processes: start-up, SHA-256, CSV parsing and checks, Parquet writing, commit), the Parquet
# size against the CSV's, and one analysts' query over each lake.
#
# usage: bench/lake.sh [SIZES...]        (default: 1m 4m 10m)
# Files: $BIGDATA/decl-<size>.csv (default /work/bigdata), as written by the train10m generator.
set -euo pipefail
cd "$(dirname "$0")/.."
BIGDATA="${BIGDATA:-/work/bigdata}"
WORK="${BENCH_DIR:-out/bench-lake}"
SIZES=("${@:-1m 4m 10m}")
read -r -a SIZES <<< "${SIZES[*]}"
mkdir -p "$WORK"

./riskgate --version >/dev/null   # build first, so no build time is measured
export RISKGATE_NO_REBUILD=1
rm -f "$WORK/times"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for s in "${SIZES[@]}"; do
  csv="$BIGDATA/decl-$s.csv"
  [ -f "$csv" ] || { echo "missing $csv" >&2; exit 1; }
  rm -rf "$WORK/lake-$s"
  /usr/bin/time -f "import-$s %e %M %U %S" -a -o "$WORK/times" \
    ./riskgate lake import --lake "$WORK/lake-$s" "$csv" > "$WORK/import-$s.log" 2>/dev/null
  /usr/bin/time -f "sql-$s %e %M %U %S" -a -o "$WORK/times" \
    ./riskgate sql --lake "$WORK/lake-$s" --timeout 600 \
    "SELECT month, count(*) AS declarations, count_if(fraud) AS frauds, sum(item_price) AS value FROM declarations GROUP BY month ORDER BY month" \
    > "$WORK/sql-$s.log" 2>&1
  echo "$s $(stat -c %s "$csv") $(du -sb "$WORK/lake-$s/declarations" | cut -f1) $(grep -o 'imported [0-9,]*' "$WORK/import-$s.log" | tr -d 'imported ,')" >> "$WORK/sizes"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

python3 - "$WORK" "${SIZES[@]}" <<'PYEOF'
import sys
work, sizes = sys.argv[1], sys.argv[2:]
t = {l.split()[0]: [float(x) for x in l.split()[1:]] for l in open(f"{work}/times")}
z = {l.split()[0]: [int(x) for x in l.split()[1:]] for l in open(f"{work}/sizes")}
print("| rows | lake import (s) | rows/s | CPU (s) | rows/CPU-s | peak RSS (MiB) | CSV (MiB) | Parquet (MiB) | SQL group-by (s) |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for s in sizes:
    wall, rss, usr, sys_ = t[f"import-{s}"]
    csv, pq, rows = z[s]
    cpu = usr + sys_
    print(f"| {rows:,} | {wall:.1f} | {rows / wall:,.0f} | {cpu:.1f} | {rows / cpu:,.0f} | {rss / 1024:.0f} | "
          f"{csv / 2**20:,.0f} | {pq / 2**20:,.0f} | {t[f'sql-{s}'][0]:.1f} |")
PYEOF
