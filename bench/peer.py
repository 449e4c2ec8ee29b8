#!/usr/bin/python3
"""The peer riskgate is measured against: pandas + xgboost (Debian's python3-xgboost), doing the
same job on the same files with the same kind of features.

  peer.py train TRAIN.csv VALID.csv MODEL_DIR   train (early stopping on the latest 15 % of the
                                                 training period, refit), evaluate on VALID
  peer.py score MODEL_DIR IN.csv OUT.csv        read, build features, predict, assign daily lanes
                                                 (red 3 %, yellow 7 %), write

Features: own numeric fields, category codes, and for importer, declarant, seller, courier, HS6,
HS4, HS2, origin, HS6 x origin, importer x HS6, declarant x importer, office x HS2 and tax type the
count, shrunk fraud rate and critical-fraud rate of earlier days (point-in-time in training, from
the final history when scoring), plus unit-value z-scores against HS6 and HS6 x origin.
"""
import json
import os
import pickle
import sys
import time

import numpy as np
import pandas as pd
import xgboost as xgb

KEYS = {
    "importer": ["Importer ID"], "declarant": ["Declarant ID"], "seller": ["Seller ID"],
    "courier": ["Courier ID"], "hs6": ["hs6"], "hs4": ["hs4"], "hs2": ["hs2"],
    "origin": ["Country of Origin"], "hs6_origin": ["hs6", "Country of Origin"],
    "importer_hs6": ["Importer ID", "hs6"], "declarant_importer": ["Declarant ID", "Importer ID"],
    "office_hs2": ["Office ID", "hs2"], "tax_type": ["Tax Type"],
}
CATEGORICAL = ["Office ID", "Process Type", "Import Type", "Import Use", "Payment Type",
               "Mode of Transport", "Tax Type", "Country of Origin Indicator", "Country of Origin",
               "Country of Departure"]
STRENGTH = 5.0


def read(path):
    df = pd.read_csv(path, dtype={c: str for c in CATEGORICAL + [
        "Declaration ID", "Declarant ID", "Importer ID", "Seller ID", "Courier ID", "HS6 Code"]},
        keep_default_na=False)
    df["hs6"] = df["HS6 Code"].str.zfill(6)
    df["hs4"] = df["hs6"].str[:4]
    df["hs2"] = df["hs6"].str[:2]
    df["luv"] = np.log1p(df["Item Price"]) - np.log1p(df["Net Mass"])
    return df


def own(df, vocab):
    f = pd.DataFrame(index=df.index)
    f["tax_rate"] = df["Tax Rate"]
    f["log_price"] = np.log1p(df["Item Price"])
    f["log_mass"] = np.log1p(df["Net Mass"])
    f["log_uv"] = df["luv"]
    f["log_tax"] = np.log1p(df["Item Price"] * df["Tax Rate"] / 100)
    f["hs6_number"] = df["hs6"].astype(int)
    f["dow"] = pd.to_datetime(df["Date"]).dt.dayofweek
    f["has_seller"] = (df["Seller ID"] != "").astype(int)
    f["has_courier"] = (df["Courier ID"] != "").astype(int)
    f["origin_differs"] = (df["Country of Origin"] != df["Country of Departure"]).astype(int)
    for c in CATEGORICAL:
        f["code_" + c] = df[c].map(vocab[c])
    return f


def add_history(f, df, name, cols, hist, prior, cprior):
    m = df[cols].merge(hist, on=cols, how="left")
    n, fr, cr = m["n"].to_numpy(), m["f"].to_numpy(), m["c"].to_numpy()
    blank = np.zeros(len(df), bool)
    for c in cols:
        blank |= (df[c] == "").to_numpy()
    n = np.where(np.isnan(n), 0, n)
    fr = np.where(np.isnan(fr), 0, fr)
    cr = np.where(np.isnan(cr), 0, cr)
    f[name + ".count"] = np.where(blank, np.nan, np.log1p(n))
    f[name + ".fraud_rate"] = np.where(blank, np.nan, (fr + STRENGTH * prior) / (m["i"].fillna(0).to_numpy() + STRENGTH))
    f[name + ".critical_rate"] = np.where(blank, np.nan, (cr + STRENGTH * cprior) / (m["i"].fillna(0).to_numpy() + STRENGTH))
    if name in ("hs6", "hs6_origin"):
        mean = m["s"].to_numpy() / np.maximum(n, 1)
        sd = np.sqrt(np.maximum(m["ss"].to_numpy() / np.maximum(n, 1) - mean ** 2, 0.0625))
        f[name + ".uv_z"] = np.where(n >= 2, (df["luv"].to_numpy() - mean) / sd, np.nan)


def train(train_csv, valid_csv, model_dir):
    t0 = time.time()
    df = read(train_csv).sort_values("Date", kind="stable").reset_index(drop=True)
    df["crit"] = (df["Critical Fraud"] >= 2).astype(int)
    df["luv2"] = df["luv"] ** 2
    vocab = {c: {v: i for i, v in enumerate(df[c].value_counts().index)} for c in CATEGORICAL}
    f = own(df, vocab)
    # global prior from earlier days only
    daily = df.groupby("Date").agg(i=("Fraud", "size"), f=("Fraud", "sum"), c=("crit", "sum"))
    cum = daily.cumsum() - daily
    g = df[["Date"]].merge(cum, left_on="Date", right_index=True, how="left")
    prior = np.where(g["i"] > 0, (g["f"] + 0.5) / (g["i"] + 1), 0.5)
    cprior = np.where(g["i"] > 0, (g["c"] + 0.1) / (g["i"] + 1), 0.1)
    state = {}
    for name, cols in KEYS.items():
        agg = df.groupby(cols + ["Date"]).agg(n=("Fraud", "size"), f=("Fraud", "sum"),
                                             c=("crit", "sum"), s=("luv", "sum"), ss=("luv2", "sum")).reset_index()
        agg = agg.sort_values(cols + ["Date"])
        run = agg.groupby(cols)[["n", "f", "c", "s", "ss"]].cumsum() - agg[["n", "f", "c", "s", "ss"]]
        before = pd.concat([agg[cols + ["Date"]], run], axis=1)
        before["i"] = before["n"]
        add_history(f, df, name, cols + ["Date"], before, prior, cprior)
        total = agg.groupby(cols)[["n", "f", "c", "s", "ss"]].sum().reset_index()
        total["i"] = total["n"]
        state[name] = total
    y = df["Fraud"].to_numpy()
    pos = y.mean()
    params = {"objective": "binary:logistic", "eval_metric": "auc", "tree_method": "hist", "eta": 0.03,
              "max_depth": 6, "min_child_weight": 3, "subsample": 0.8, "colsample_bytree": 0.7,
              "scale_pos_weight": (1 - pos) / pos, "nthread": 2, "seed": 42}
    cut = len(df) - len(df) * 15 // 100
    X = f.to_numpy(np.float32)
    dfit = xgb.DMatrix(X[:cut], label=y[:cut])
    dstop = xgb.DMatrix(X[cut:], label=y[cut:])
    probe = xgb.train(params, dfit, 2000, evals=[(dstop, "valid")], early_stopping_rounds=100, verbose_eval=False)
    rounds = probe.best_iteration + 1
    booster = xgb.train(params, xgb.DMatrix(X, label=y), rounds)
    os.makedirs(model_dir, exist_ok=True)
    booster.save_model(os.path.join(model_dir, "model.json"))
    gp = (df["Fraud"].sum() + 0.5) / (len(df) + 1)
    gc = (df["crit"].sum() + 0.1) / (len(df) + 1)
    with open(os.path.join(model_dir, "state.pkl"), "wb") as out:
        pickle.dump({"vocab": vocab, "state": state, "prior": gp, "cprior": gc, "columns": list(f.columns)}, out)
    train_seconds = time.time() - t0
    # evaluate on the later period from the final history
    v = read(valid_csv)
    fv = features_from_state(v, {"vocab": vocab, "state": state, "prior": gp, "cprior": gc})
    s = booster.predict(xgb.DMatrix(fv.to_numpy(np.float32)))
    from sklearn.metrics import roc_auc_score
    order = np.argsort(-s, kind="stable")
    yv = v["Fraud"].to_numpy()[order]
    res = {"rounds": rounds, "train_seconds": round(train_seconds, 2), "auc": round(roc_auc_score(v["Fraud"], s), 4)}
    for p in (1, 2, 5, 10):
        k = int(np.ceil(len(v) * p / 100))
        res[f"p@{p}"] = round(yv[:k].mean(), 4)
    print(json.dumps(res))


def features_from_state(df, st):
    f = own(df, st["vocab"])
    for name, cols in KEYS.items():
        add_history(f, df, name, cols, st["state"][name], st["prior"], st["cprior"])
    return f


def score(model_dir, in_csv, out_csv):
    with open(os.path.join(model_dir, "state.pkl"), "rb") as inp:
        st = pickle.load(inp)
    booster = xgb.Booster(model_file=os.path.join(model_dir, "model.json"))
    booster.set_param({"nthread": 2})
    df = read(in_csv)
    f = features_from_state(df, st)[st["columns"]]
    df["risk_score"] = booster.predict(xgb.DMatrix(f.to_numpy(np.float32)))
    n = df.groupby("Date")["risk_score"].transform("size")
    rank = df.groupby("Date")["risk_score"].rank(ascending=False, method="first")
    red = np.floor(n * 0.03 + 0.5)
    yellow = np.floor(n * 0.07 + 0.5)
    df["lane"] = np.where(rank <= red, "red", np.where(rank <= red + yellow, "yellow", "green"))
    df[["Declaration ID", "risk_score", "lane"]].rename(columns={"Declaration ID": "declaration_id"}) \
        .to_csv(out_csv, index=False, float_format="%.6f")


if __name__ == "__main__":
    if sys.argv[1] == "train":
        train(*sys.argv[2:5])
    elif sys.argv[1] == "score":
        score(*sys.argv[2:5])
    else:
        sys.exit(__doc__)
