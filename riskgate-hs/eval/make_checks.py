#!/usr/bin/env python3
"""Builds checks.csv, the evaluation set of the declaration checks (run from this folder, after
make_eval.py): python3 make_checks.py

Every row of the blind evaluation set (written after the glossary was frozen) yields three
declarations of the same description:
  honest  declared under its true code;
  far     declared under a catch-all code that carries no requirement (plastic, iron or wood
          articles n.e.c., made-up textile articles), the pattern of a review object passed off
          as a general import; picked by MD5 of the description, never in the true chapter;
  near    declared under another heading of the same chapter (first heading after the true one,
          wrapping around), the pattern of a classification error close to the truth.
Labels are not stored: `hs evaluate-checks` derives them from the codes and the requirement
table (misdeclared = other heading; review object = true code has a requirement, declared none).
"""
import csv
import hashlib

POOL = ["392690", "732690", "442199", "630790"]
nomen = {}
with open("../src/main/resources/org/riskgate/hs/data/harmonized-system.csv", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        if r["level"] == "6" and r["section"] != "TOTAL":
            nomen.setdefault(r["hscode"][:2], {}).setdefault(r["hscode"][:4], []).append(r["hscode"])

out = []
with open("hs-eval.csv", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        if not r["split"].startswith("blind"):
            continue
        d, code, split = r["description"], r["hs_code"], r["split"]
        h = int(hashlib.md5(d.encode()).hexdigest(), 16)
        out.append((d, code, code, split, "honest"))
        far = [c for c in POOL if c[:2] != code[:2]]
        out.append((d, far[h % len(far)], code, split, "far"))
        headings = sorted(nomen[code[:2]])
        if len(headings) > 1:
            nxt = headings[(headings.index(code[:4]) + 1) % len(headings)]
            out.append((d, nomen[code[:2]][nxt][0], code, split, "near"))

with open("checks.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["description", "declared_code", "true_code", "split", "kind"])
    w.writerows(out)
print(len(out), "declarations")
