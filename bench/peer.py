#!/usr/bin/python3
"""The peer riskgate is measured against: pandas + xgboost (Debian's python3-xgboost), doing the
same job on the same files with the same features and parameters as riskgate's default model.

  peer.py train TRAIN.csv VALID.csv MODEL_DIR   train (early stopping on the latest 15 % of the
                                                 training period, refit), evaluate on VALID
  peer.py score MODEL_DIR IN.csv OUT.csv        read, build features, predict, assign daily lanes
                                                 (red 3 %, yellow 7 %), write

Features (riskgate's default feature set, "declaration"): the own numeric fields (tax rate, log
price, mass, unit value and tax at stake, the HS code as a number, day of week, seller and courier
named, origin differs from departure) and the codes of the ten categorical fields, with
vocabularies fitted on the training file. riskgate also builds history features, which analysts'
rules can test; its model does not read them by default, so the peer builds none.
"""
import json
import os
import pickle
import sys
import time

import numpy as np
import pandas as pd
import xgboost as xgb

CATEGORICAL = ["Office ID", "Process Type", "Import Type", "Import Use", "Payment Type",
               "Mode of Transport", "Tax Type", "Country of Origin Indicator", "Country of Origin",
               "Country of Departure"]


def read(path):
    df = pd.read_csv(path, dtype={c: str for c in CATEGORICAL + [
        "Declaration ID", "Declarant ID", "Importer ID", "Seller ID", "Courier ID", "HS6 Code"]},
        keep_default_na=False)
    df["hs6"] = df["HS6 Code"].str.zfill(6)
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


def fit(X, y):
    """riskgate's recipe: early stopping on the latest 15 %, then a refit on everything."""
    pos = y.mean()
    params = {"objective": "binary:logistic", "eval_metric": "auc", "tree_method": "hist", "eta": 0.1,
              "max_depth": 12, "min_child_weight": 3, "subsample": 0.8, "colsample_bytree": 0.7,
              "scale_pos_weight": (1 - pos) / pos, "nthread": 2, "seed": 42}
    cut = len(X) - len(X) * 15 // 100
    probe = xgb.train(params, xgb.DMatrix(X[:cut], label=y[:cut]), 2000,
                      evals=[(xgb.DMatrix(X[cut:], label=y[cut:]), "valid")], early_stopping_rounds=100,
                      verbose_eval=False)
    rounds = probe.best_iteration + 1
    return xgb.train(params, xgb.DMatrix(X, label=y), rounds), rounds


def ranking(s, y):
    from sklearn.metrics import roc_auc_score
    order = np.argsort(-s, kind="stable")
    res = {"auc": round(roc_auc_score(y, s), 4)}
    for p in (1, 2, 5, 10):
        k = int(np.ceil(len(y) * p / 100))
        res[f"p@{p}"] = round(y[order][:k].mean(), 4)
    return res


def train(train_csv, valid_csv, model_dir):
    t0 = time.time()
    df = read(train_csv).sort_values("Date", kind="stable").reset_index(drop=True)
    vocab = {c: {v: i for i, v in enumerate(df[c].value_counts().index)} for c in CATEGORICAL}
    booster, rounds = fit(own(df, vocab).to_numpy(np.float32), df["Fraud"].to_numpy())
    os.makedirs(model_dir, exist_ok=True)
    booster.save_model(os.path.join(model_dir, "model.json"))
    with open(os.path.join(model_dir, "state.pkl"), "wb") as out:
        pickle.dump({"vocab": vocab}, out)
    train_seconds = time.time() - t0
    v = read(valid_csv)
    s = booster.predict(xgb.DMatrix(own(v, vocab).to_numpy(np.float32)))
    res = {"rounds": rounds, "train_seconds": round(train_seconds, 2)}
    res.update(ranking(s, v["Fraud"].to_numpy()))
    print(json.dumps(res))


def score(model_dir, in_csv, out_csv):
    with open(os.path.join(model_dir, "state.pkl"), "rb") as inp:
        st = pickle.load(inp)
    booster = xgb.Booster(model_file=os.path.join(model_dir, "model.json"))
    booster.set_param({"nthread": 2})
    df = read(in_csv)
    df["risk_score"] = booster.predict(xgb.DMatrix(own(df, st["vocab"]).to_numpy(np.float32)))
    write_lanes(df, out_csv)


def write_lanes(df, out_csv):
    """Daily lanes by rank of risk_score (red 3 %, yellow 7 %), written as id, score, lane."""
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
