#!/usr/bin/env python3
"""Writes N declarations shaped like the public 2021Q1 data, spread over a later year.

Rows are drawn with replacement from the public validation period, keep their parties, goods,
routes and outcome, get new ids, dates spread uniformly over 2021-04-01 .. 2022-03-31 (after
every training period used here, sorted as a customs export is) and a +/-20 % log-normal jitter on
price and mass. Used by the scoring benchmark; deterministic for a given seed.

usage: generate.py ROWS OUT.csv [SOURCE.csv] [SEED]
"""
import sys

import numpy as np
import pandas as pd

rows = int(sys.argv[1])
out = sys.argv[2]
source = sys.argv[3] if len(sys.argv) > 3 else "data/customs/df_syn_valid_eng.csv"
seed = int(sys.argv[4]) if len(sys.argv) > 4 else 7

rng = np.random.default_rng(seed)
src = pd.read_csv(source, dtype=str, keep_default_na=False)
df = src.iloc[rng.integers(0, len(src), rows)].reset_index(drop=True)
days = pd.date_range("2021-04-01", "2022-03-31")
df["Date"] = np.sort(rng.integers(0, len(days), rows))
df["Date"] = days[df["Date"].to_numpy()].strftime("%Y-%m-%d")
df["Declaration ID"] = [f"B{i:09d}" for i in range(rows)]
for col in ("Net Mass", "Item Price"):
    v = pd.to_numeric(df[col]) * np.exp(0.2 * rng.standard_normal(rows))
    df[col] = v.round(2).astype(str)
df.to_csv(out, index=False)
print(f"wrote {rows:,} declarations to {out}")
