#!/usr/bin/env python3
"""Writes a customs administration's multi-year history of declarations, shaped like the public data.

The scoring benchmark's generate.py resamples rows; for the training cost curve the rows must also
keep the structure the point-in-time features learn from, at sizes the public data does not reach:

- parties: a population of importers, each a clone (new id) of one public importer, so it declares
  that importer's goods (HS6, origin, tax, office, declarant, seller) with that importer's outcomes.
  Activity per importer is the public importer's row count with a log-normal jitter (heavy tailed as
  the data). New importers enter every month, as a real register grows.
- declarants and sellers: each public one is cloned into a few regional copies; an importer uses the
  copies of its region, so brokers and suppliers are shared across importers as in the data.
- outcomes: the public row's Fraud/Critical Fraud, re-drawn with probability 0.1 from the importer's
  smoothed fraud rate, so the rate depends on the same features as in the data, with some noise.
- dates: from 2022-01-01, ROWS_PER_YEAR a year with the data's month and weekday profile, sorted.
- amounts: quantity varies (log-normal, on mass and price together) and price per kg a little.

Rows stream out month by month (memory stays bounded whatever ROWS is) under the public header, so
every reader takes the file. Each --prefix ROWS:PATH:MARKER also gets the first ROWS rows, and
MARKER (like --ready MARKER for OUT) is touched once that file is completely written.
Deterministic for a given seed.

usage: generate_history.py ROWS OUT.csv [--ready MARKER] [--prefix ROWS:PATH:MARKER ...] [--seed N]
                           [--source CSV] [--rows-per-year N]
"""
import argparse
import csv
import datetime
import os
import sys

import numpy as np

ap = argparse.ArgumentParser()
ap.add_argument("rows", type=int)
ap.add_argument("out")
ap.add_argument("--prefix", action="append", default=[],
                help="ROWS:PATH:MARKER also write the first ROWS rows to PATH, then touch MARKER")
ap.add_argument("--ready", help="touch this marker once OUT is completely written")
ap.add_argument("--seed", type=int, default=2022)
ap.add_argument("--source", default="data/customs/df_syn_train_eng.csv")
ap.add_argument("--rows-per-year", type=int, default=2_000_000)
args = ap.parse_args()

rng = np.random.default_rng(args.seed)
with open(args.source, newline="") as f:
    reader = csv.reader(f)
    header = next(reader)
    src = list(reader)
col = {name: i for i, name in enumerate(header)}
n_src = len(src)


def column(name):
    return np.array([r[col[name]] for r in src], dtype=object)


# Fields copied verbatim from the public row, as two runs between the fields that change.
head_fields = ["Office ID", "Process Type", "Import Type", "Import Use", "Payment Type", "Mode of Transport"]
mid_fields = ["Courier ID", "HS6 Code", "Country of Departure", "Country of Origin", "Tax Rate",
              "Tax Type", "Country of Origin Indicator"]
expected = (["Declaration ID", "Date"] + head_fields + ["Declarant ID", "Importer ID", "Seller ID"]
            + mid_fields + ["Net Mass", "Item Price", "Fraud", "Critical Fraud"])
if header != expected:
    sys.exit(f"{args.source}: header {header} is not the public data's {expected}")
head = np.array([",".join(r[col[c]] for c in head_fields) for r in src], dtype=object)
mid = np.array([",".join(r[col[c]] for c in mid_fields) for r in src], dtype=object)
mass = np.array([float(r[col["Net Mass"]]) for r in src])
price = np.array([float(r[col["Item Price"]]) for r in src])
fraud = np.array([int(r[col["Fraud"]]) for r in src])
critical = np.array([int(r[col["Critical Fraud"]]) for r in src])
critical_share = (critical == 2).sum() / max(1, (fraud == 1).sum())

scale = args.rows_per_year / n_src
used_ids = set(column("Importer ID")) | set(column("Declarant ID")) | set(column("Seller ID"))
ALPHABET = np.array(list("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"))


def new_ids(n):
    """n distinct 7-character ids like the public ones, none of them a public id."""
    out = []
    while len(out) < n:
        for s in ("".join(x) for x in ALPHABET[rng.integers(0, 36, (n - len(out), 7))]):
            if s not in used_ids:
                used_ids.add(s)
                out.append(s)
    return np.array(out, dtype=object)


def encode(values):
    uniq, codes = np.unique(values, return_inverse=True)
    return uniq, codes


# Public importers, their rows and their smoothed fraud rate.
imp_names, imp_of_row = encode(column("Importer ID"))
order = np.argsort(imp_of_row, kind="stable")
imp_count = np.bincount(imp_of_row)
imp_start = np.concatenate([[0], np.cumsum(imp_count)[:-1]])
base_rate = fraud.mean()
imp_rate = (np.bincount(imp_of_row, weights=fraud) + 5 * base_rate) / (imp_count + 5)

# Regional copies of declarants and sellers ("" seller stays "": no seller declared).
regions = max(1, round(scale ** 0.5))
dec_names, dec_of_row = encode(column("Declarant ID"))
sel_names, sel_of_row = encode(column("Seller ID"))
dec_copies = new_ids(len(dec_names) * regions).reshape(len(dec_names), regions)
sel_copies = new_ids(len(sel_names) * regions).reshape(len(sel_names), regions)
sel_copies[sel_names == "", :] = ""

# The monthly volume: the data's month profile, a register growing by 5 % a year.
src_month = np.array([int(r[col["Date"]][5:7]) for r in src])
month_profile = np.bincount(src_month, minlength=13)[1:] / n_src * 12
src_weekday = np.array([datetime.date.fromisoformat(r[col["Date"]]).weekday() for r in src])
weekday_profile = np.bincount(src_weekday, minlength=7) / n_src

months = []
total, m = 0, 0
while total < args.rows:
    year, month = 2022 + m // 12, m % 12 + 1
    n = int(args.rows_per_year / 12 * month_profile[month - 1] * 1.05 ** (m / 12))
    n = min(n, args.rows - total)
    months.append((year, month, n))
    total += n
    m += 1

# The importer register: 12,720 public importers become ~scale^0.6 times as many, 1 % a month join.
start_pop = int(len(imp_names) * scale ** 0.6)
population = int(start_pop * 1.01 ** len(months)) + 1
template = rng.choice(len(imp_names), population)  # uniform over public importers ...
activity = imp_count[template] * rng.lognormal(0.0, 0.5, population)  # ... weighted by their rows
cum_activity = np.cumsum(activity)
region = rng.integers(0, regions, population)
importer_ids = new_ids(population)

outputs = [(args.rows, args.out, args.ready)]
for p in args.prefix:
    rows, path, marker = p.split(":")
    outputs.append((int(rows), path, marker))
files = [(limit, open(path, "w", newline="", buffering=1 << 20), path, marker) for limit, path, marker in outputs]
for _, f, _, _ in files:
    f.write(",".join(header) + "\n")

written = 0
for m, (year, month, n) in enumerate(months):
    active = min(population, int(start_pop * 1.01 ** m))
    days = [datetime.date(year, month, d) for d in range(1, 32)
            if d <= (datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)).day]
    day_w = np.array([weekday_profile[d.weekday()] for d in days])
    day = np.sort(rng.choice(len(days), n, p=day_w / day_w.sum()))
    date_str = np.array([d.isoformat() for d in days], dtype=object)[day]

    imp = np.searchsorted(cum_activity[:active], rng.random(n) * cum_activity[active - 1], side="right")
    imp = np.minimum(imp, active - 1)
    t = template[imp]
    row = order[imp_start[t] + (rng.random(n) * imp_count[t]).astype(np.int64)]

    quantity = rng.lognormal(0.0, 0.3, n)
    net_mass = np.round(mass[row] * quantity, 1)
    item_price = np.round(price[row] * quantity * rng.lognormal(0.0, 0.1, n), 1)
    redraw = rng.random(n) < 0.1
    f_new = np.where(redraw, (rng.random(n) < imp_rate[t]).astype(np.int64), fraud[row])
    c_new = np.where(f_new == 0, 0,
                     np.where((f_new == fraud[row]) & ~redraw, critical[row],
                              np.where(rng.random(n) < critical_share, 2, 1)))
    dec = dec_copies[dec_of_row[row], region[imp]]
    sel = sel_copies[sel_of_row[row], region[imp]]
    ids = np.arange(written, written + n) + 100_000_000

    lines = [f"{i},{d},{h},{de},{im},{se},{mi},{ma!r},{pr!r},{fr},{cr}\n" for i, d, h, de, im, se, mi, ma, pr, fr, cr
             in zip(ids.tolist(), date_str, head[row], dec, importer_ids[imp], sel, mid[row],
                    net_mass.tolist(), item_price.tolist(), f_new.tolist(), c_new.tolist())]
    for limit, f, path, marker in files:
        if written < limit:
            f.writelines(lines[: limit - written])
            if written + n >= limit and marker:
                f.close()
                open(marker, "w").close()
                print(f"wrote {limit:,} declarations to {path}", file=sys.stderr, flush=True)
    written += n

for limit, f, path, marker in files:
    if not f.closed:
        f.close()
        if marker:
            open(marker, "w").close()
print(f"wrote {written:,} declarations from {months[0][0]}-{months[0][1]:02d} to "
      f"{months[-1][0]}-{months[-1][1]:02d} to {args.out} ({active:,} importers, {regions} regions)",
      file=sys.stderr)
