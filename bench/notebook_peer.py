#!/usr/bin/python3
"""The plain notebook peer: what a data scientist writes first with pandas and Debian's
python3-xgboost. Every categorical field and party gets a label encoding and a count encoding
(how often the value occurs in the training file), the amounts are used as they are, and XGBoost
grows 400 trees of depth 8 (learning rate 0.1, no early stopping). No history features, no reasons.

  notebook_peer.py train TRAIN.csv VALID.csv MODEL_DIR   train, then evaluate on VALID (one JSON line)
  notebook_peer.py score MODEL_DIR IN.csv OUT.csv        read, encode, predict, daily lanes
                                                         (red 3 %, yellow 7 %), write id, score, lane

Reading, ranking and lanes are bench/peer.py's, so the two peers differ only in features and model.
"""
import json
import os
import pickle
import sys
import time

import numpy as np
import xgboost as xgb

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from peer import CATEGORICAL, ranking, read, write_lanes  # noqa: E402

ENCODED = CATEGORICAL + ["Declarant ID", "Importer ID", "Seller ID", "Courier ID", "hs6"]
PARAMS = {"objective": "binary:logistic", "tree_method": "hist", "eta": 0.1, "max_depth": 8,
          "subsample": 0.8, "colsample_bytree": 0.8, "nthread": 2, "seed": 42}
ROUNDS = 400


def fit_encodings(df):
    """Per column: value -> label (in order of frequency) and value -> count in training."""
    enc = {}
    for c in ENCODED:
        counts = df[c].value_counts()
        enc[c] = ({v: i for i, v in enumerate(counts.index)}, counts.to_dict())
    return enc


def matrix(df, enc):
    cols = [df["Tax Rate"], df["Item Price"], df["Net Mass"], df["luv"]]
    for c in ENCODED:
        labels, counts = enc[c]
        v = df[c]
        cols.append(v.map(labels))                        # unseen values are missing (NaN)
        cols.append(v.map(counts).fillna(0))
    return np.column_stack([np.asarray(c, dtype=np.float32) for c in cols])


def train(train_csv, valid_csv, model_dir):
    t0 = time.time()
    df = read(train_csv)
    enc = fit_encodings(df)
    booster = xgb.train(PARAMS, xgb.DMatrix(matrix(df, enc), label=df["Fraud"].to_numpy()), ROUNDS)
    os.makedirs(model_dir, exist_ok=True)
    booster.save_model(os.path.join(model_dir, "model.json"))
    with open(os.path.join(model_dir, "state.pkl"), "wb") as out:
        pickle.dump(enc, out)
    res = {"rounds": ROUNDS, "train_seconds": round(time.time() - t0, 2)}
    v = read(valid_csv)
    res.update(ranking(booster.predict(xgb.DMatrix(matrix(v, enc))), v["Fraud"].to_numpy()))
    print(json.dumps(res))


def score(model_dir, in_csv, out_csv):
    with open(os.path.join(model_dir, "state.pkl"), "rb") as inp:
        enc = pickle.load(inp)
    booster = xgb.Booster(model_file=os.path.join(model_dir, "model.json"))
    booster.set_param({"nthread": 2})
    df = read(in_csv)
    df["risk_score"] = booster.predict(xgb.DMatrix(matrix(df, enc)))
    write_lanes(df, out_csv)


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "train":
        train(*sys.argv[2:5])
    elif len(sys.argv) == 5 and sys.argv[1] == "score":
        score(*sys.argv[2:5])
    else:
        sys.exit(__doc__)
