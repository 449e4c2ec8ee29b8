#!/usr/bin/env python3
"""Builds hs-eval.csv from pairs.tsv and pairs-blind.tsv (run from this folder: python3 make_eval.py).

Each pair (HS6 code, English line, Korean line) becomes two rows. The split is decided by the
MD5 of the English line, so it is stable, independent of file order, and both languages of a pair
land in the same split: 'tune' rows were used to set weights and glossary coverage, 'heldout'
rows were only ever scored.
"""
import csv
import hashlib

rows = []


def read(path, split_of):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            code, en, ko = line.rstrip("\n").split("\t")
            split = split_of(en)
            rows.append((en, code, "en", split))
            rows.append((ko, code, "ko", split))


read("pairs.tsv", lambda en: "tune" if int(hashlib.md5(en.encode()).hexdigest(), 16) % 2 == 0 else "heldout")
# the second set is held out: written after the glossary was frozen, never tuned on,
# except that one half of it ("calibration", again by MD5) was used to fit the single softmax
# temperature, which changes confidences but never the ranking of the retrieval suggestions
read("pairs-blind.tsv",
     lambda en: "blind-cal" if int(hashlib.md5(en.encode()).hexdigest(), 16) % 2 == 0 else "blind")

with open("hs-eval.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["description", "hs_code", "lang", "split"])
    w.writerows(rows)
print(len(rows), "rows;", sum(r[3] == "tune" for r in rows), "tune")

# history-sample.csv: the first set (tune + heldout rows) as "past declarations" for the learning
# curve on the blind set. Shuffled by MD5 so that any leading share spans all sections, the way a
# customs history grows over time across all goods.
history = sorted((r for r in rows if r[3] in ("tune", "heldout")),
                 key=lambda r: hashlib.md5(r[0].encode()).hexdigest())
with open("history-sample.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["description", "hs_code"])
    w.writerows((r[0], r[1]) for r in history)
print(len(history), "history rows")

# history-tune.csv: only the tuning rows, for the ablation curve "nomenclature alone + growing
# history", scored on the held-out rows of the first set (other goods than in this history).
tune = [r for r in history if r[3] == "tune"]
with open("history-tune.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["description", "hs_code"])
    w.writerows((r[0], r[1]) for r in tune)
print(len(tune), "tuning history rows")
