#!/usr/bin/env python3
"""Independent oracle for `stakenet qap`: R sna's gcor, qaptest and netlm (MR-QAP, double
semi-partialling) on a seeded workspace.

Writes a seeded workspace of 30 actors with three directed layers to qap/workspace/ — `advice`
at random, `funding` following `advice` (a tie more likely where advice runs) and `reporting` at
random — and asks R sna (see the version in expected.json) for the correlation of funding with
advice and its QAP test (`gcor`, `qaptest`, 2000 permutations) and the regression of funding on
advice and reporting (`netlm`, nullhyp "qapspp", 2000 permutations): coefficients exactly,
p-values to be met within Monte Carlo error by stakenet's own permutations.

    python3 tests/oracle/qap.py           # (re)write the workspace and expected.json
    python3 tests/oracle/qap.py --check   # compare with the committed files (exit 1 if not)
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from oracle_files import write_or_check

HERE = Path(__file__).resolve().parent / "qap"
N = 30
R_SCRIPT = r"""
suppressPackageStartupMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
y <- as.matrix(read.table(args[1])); x1 <- as.matrix(read.table(args[2]))
x2 <- as.matrix(read.table(args[3]))
set.seed(11)
r <- gcor(y, x1, mode = "digraph")
q <- qaptest(list(y, x1), gcor, g1 = 1, g2 = 2, reps = 2000)
m <- netlm(y, list(x1, x2), mode = "digraph", nullhyp = "qapspp", reps = 2000)
cat(sprintf("sna %s\n", as.character(packageVersion("sna"))))
cat(sprintf("r %.17g\nr_p_at_least %.17g\nr_p_at_most %.17g\n", r, q$pgreq, q$pleeq))
for (i in seq_along(m$coefficients)) {
  cat(sprintf("coef %d %.17g %.17g %.17g\n", i, m$coefficients[i], m$tstat[i], m$pgreqabs[i]))
}
cat(sprintf("r_squared %.17g\n", summary(m)$r.squared))
"""


def build() -> tuple[dict[str, str], list[list[list[int]]]]:
    rng = random.Random(31)
    advice = [[int(i != j and rng.random() < 0.15) for j in range(N)] for i in range(N)]
    funding = [[int(i != j and rng.random() < (0.5 if advice[i][j] else 0.05)) for j in range(N)]
               for i in range(N)]
    reporting = [[int(i != j and rng.random() < 0.1) for j in range(N)] for i in range(N)]
    ids = [f"p{i:02d}" for i in range(N)]
    actors = "id,name,sector,level\n" + "".join(
        f"{a},Party {a},government,regional\n" for a in ids)
    rows = []
    for name, m in (("advice", advice), ("funding", funding), ("reporting", reporting)):
        rows += [f"{ids[i]},{ids[j]},{name},true\n" for i in range(N) for j in range(N) if m[i][j]]
    relations = "source,target,layer,directed\n" + "".join(rows)
    return {"actors.csv": actors, "relations.csv": relations}, [funding, advice, reporting]


def sna(matrices: list[list[list[int]]]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for k, m in enumerate(matrices):
            path = Path(tmp) / f"m{k}.txt"
            path.write_text("".join(" ".join(map(str, row)) + "\n" for row in m))
            paths.append(str(path))
        script = Path(tmp) / "qap.R"
        script.write_text(R_SCRIPT)
        out = subprocess.run(["Rscript", str(script), *paths], capture_output=True, text=True,
                             check=True).stdout
    result: dict = {"coefficients": []}
    for line in out.splitlines():
        parts = line.split()
        if parts[0] == "sna":
            result["sna"] = parts[1]
        elif parts[0] == "coef":
            result["coefficients"].append(
                {"estimate": float(parts[2]), "t": float(parts[3]), "p_absolute": float(parts[4])})
        else:
            result[parts[0]] = float(parts[1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed files")
    args = parser.parse_args()
    files, matrices = build()
    outputs = {f"workspace/{name}": text for name, text in files.items()}
    outputs["expected.json"] = json.dumps(sna(matrices), indent=2, sort_keys=True) + "\n"
    return write_or_check("qap", HERE, outputs, args.check)


if __name__ == "__main__":
    sys.exit(main())
