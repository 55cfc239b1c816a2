#!/usr/bin/env python3
"""Precision and recall of `nightwatcherd match` against a truth file, through the real CLI.

    bench/match_cli_eval.py target/release/nightwatcherd ../shared/corpus/match-dev

Imports items.json into a fresh database (item id = index + 1), pipes releases.txt through `match`,
and compares each line's "matches" with truth.json (release title -> item indexes).
"""
import json
import os
import subprocess
import sys
import tempfile

daemon, corpus = sys.argv[1], sys.argv[2]
db = os.path.join(tempfile.mkdtemp(), "match.db")
subprocess.run([daemon, "--db", db, "watchlist", "import", os.path.join(corpus, "items.json")], check=True,
               stdout=subprocess.DEVNULL)
with open(os.path.join(corpus, "releases.txt"), "rb") as releases:
    out = subprocess.run([daemon, "--db", db, "match"], stdin=releases, capture_output=True, check=True).stdout
truth = json.load(open(os.path.join(corpus, "truth.json")))
tp = fp = fn = 0
for line in out.decode().splitlines():
    row = json.loads(line)
    got = {i - 1 for i in row["matches"]}
    want = set(truth.get(row["title"], []))
    tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
print(f"releases {len(out.splitlines())}  TP {tp}  FP {fp}  FN {fn}  "
      f"precision {tp / (tp + fp):.4f}  recall {tp / (tp + fn):.4f}")
