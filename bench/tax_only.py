"""Reference for the revenue objective: rank 2021Q1 by declared tax alone (item price x tax rate),
with no model, and print precision and revenue caught at the top n %. Usage: bench/tax_only.py"""
import csv
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "data/customs/df_syn_valid_eng.csv"
rows = [(float(r["Item Price"]) * float(r["Tax Rate"]) / 100, r["Fraud"] == "1") for r in csv.DictReader(open(path))]
at_stake = sum(tax for tax, fraud in rows if fraud)
ranked = sorted(rows, key=lambda r: -r[0])
print("| ranked by declared tax alone | P@n% | Rev@n% |")
print("|---|---:|---:|")
for n in (1, 2, 5, 10):
    top = ranked[: int(len(ranked) * n / 100)]
    frauds = sum(1 for _, fraud in top if fraud)
    caught = sum(tax for tax, fraud in top if fraud)
    print(f"| top {n} % | {frauds / len(top):.3f} | {caught / at_stake:.3f} |")
