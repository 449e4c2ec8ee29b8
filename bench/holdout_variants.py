#!/usr/bin/python3
"""Feature variants of the default model, judged on the internal 2020 holdout: train on the first
85 % of 2020 (early stopping on that part's latest 15 %), test on the last 15 % of 2020. 2021Q1 is
not read. The variants use the peer's pipeline (bench/peer.py), so each one is a few lines:

  base  the default features (the declaration's own fields and codes)
  freq  + how often each party (declarant, importer, seller, courier) appears in the training part
  hs4   + HS4 and HS2 as numbers
  cat   the ten codes as XGBoost categorical features instead of numbers

usage: bench/holdout_variants.py base freq hs4 cat
"""
import os
import sys

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import roc_auc_score

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer  # noqa: E402

TRAIN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "customs", "df_syn_train_eng.csv")
PARTIES = ["Declarant ID", "Importer ID", "Seller ID", "Courier ID"]


def features(d, fit, vocab, variant):
    f = peer.own(d, vocab)
    if variant == "freq":
        for c in PARTIES:
            f["n_" + c] = d[c].map(fit[c].value_counts()).fillna(0).where(d[c] != "", -1)
    if variant == "hs4":
        f["hs4"] = d["hs6"].str[:4].astype(int)
        f["hs2"] = d["hs6"].str[:2].astype(int)
    if variant == "cat":
        for c in peer.CATEGORICAL:
            cats = sorted(vocab[c].values())
            f["code_" + c] = pd.Categorical(f["code_" + c], categories=cats)
    return f


def run(df, variant):
    cut = len(df) - len(df) * 15 // 100
    fit, test = df[:cut].reset_index(drop=True), df[cut:].reset_index(drop=True)
    vocab = {c: {v: i for i, v in enumerate(fit[c].value_counts().index)} for c in peer.CATEGORICAL}
    x, x_test = features(fit, fit, vocab, variant), features(test, fit, vocab, variant)
    y, y_test = fit["Fraud"].to_numpy(), test["Fraud"].to_numpy()
    categorical = variant == "cat"
    pos = y.mean()
    params = {"objective": "binary:logistic", "eval_metric": "auc", "tree_method": "hist", "eta": 0.1,
              "max_depth": 12, "min_child_weight": 3, "subsample": 0.8, "colsample_bytree": 0.7,
              "scale_pos_weight": (1 - pos) / pos, "nthread": 2, "seed": 42}
    stop = len(x) - len(x) * 15 // 100
    probe = xgb.train(params, xgb.DMatrix(x[:stop], label=y[:stop], enable_categorical=categorical), 2000,
                      evals=[(xgb.DMatrix(x[stop:], label=y[stop:], enable_categorical=categorical), "stop")],
                      early_stopping_rounds=100, verbose_eval=False)
    rounds = probe.best_iteration + 1
    booster = xgb.train(params, xgb.DMatrix(x, label=y, enable_categorical=categorical), rounds)
    s = booster.predict(xgb.DMatrix(x_test, enable_categorical=categorical))
    order = np.argsort(-s, kind="stable")
    at = {k: y_test[order][:int(np.ceil(len(y_test) * k / 100))].mean() for k in (5, 10)}
    print(f"| {variant} | {rounds} | {roc_auc_score(y_test, s):.4f} | {at[5]:.3f} | {at[10]:.3f} |", flush=True)


if __name__ == "__main__":
    data = peer.read(TRAIN).sort_values("Date", kind="stable").reset_index(drop=True)
    print("| variant | rounds | holdout AUC | P@5% | P@10% |\n|---|---:|---:|---:|---:|")
    for v in sys.argv[1:] or ["base", "freq", "hs4", "cat"]:
        run(data, v)
