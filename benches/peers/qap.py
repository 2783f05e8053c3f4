#!/usr/bin/env python3
"""QAP against R sna: `stakenet qap` and sna's qaptest (gcor) and netlm (qapspp) on the same
500-actor workspace, 1,000 permutations each.

The workspace is the QAP oracle's model at a larger size (tests/oracle/qap.py): three directed
layers over N actors — `advice` at random (density 0.02), `funding` following advice (a tie
likelier where advice runs) and `reporting` at random. stakenet runs as a whole process
(`qap --y funding --x advice --x reporting --permutations 1000`: the regression with its
MR-QAP tests and the correlation of funding with each predictor with its QAP test, so 3,000
permutations in all); R's times are taken inside R (`system.time`) for each call alone, the
process start and reading the matrices left out. Times are the median of --repeat runs.

    python3 benches/peers/qap.py                 # N = 500, three runs each (about 5 minutes)
    python3 benches/peers/qap.py --actors 100 --repeat 1 --netlm   # with netlm (2.5 minutes)
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

R_SCRIPT = r"""
suppressPackageStartupMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
y <- as.matrix(read.table(args[1])); x1 <- as.matrix(read.table(args[2]))
x2 <- as.matrix(read.table(args[3])); reps <- as.integer(args[4])
set.seed(11)
t1 <- system.time(q <- qaptest(list(y, x1), gcor, g1 = 1, g2 = 2, reps = reps))[["elapsed"]]
t2 <- NA; m <- list(coefficients = NA)
if (args[5] == "netlm") {
  t2 <- system.time(m <- netlm(y, list(x1, x2), mode = "digraph", nullhyp = "qapspp",
                               reps = reps))[["elapsed"]]
}
cat(sprintf("sna %s\nR %s\n", as.character(packageVersion("sna")), getRversion()))
cat(sprintf("qaptest %.3f\nnetlm %.3f\n", t1, t2))
cat(sprintf("r %.6f\np %.4f\n", gcor(y, x1, mode = "digraph"), q$pgreq))
cat(sprintf("coef %s\n", paste(sprintf("%.6f", m$coefficients), collapse = " ")))
"""


def build(n: int, rng: random.Random):
    advice = [[int(i != j and rng.random() < 0.02) for j in range(n)] for i in range(n)]
    funding = [[int(i != j and rng.random() < (0.5 if advice[i][j] else 0.01)) for j in range(n)]
               for i in range(n)]
    reporting = [[int(i != j and rng.random() < 0.02) for j in range(n)] for i in range(n)]
    return funding, advice, reporting


def write_workspace(folder: Path, matrices) -> None:
    funding, advice, reporting = matrices
    n = len(funding)
    ids = [f"p{i:04d}" for i in range(n)]
    (folder / "actors.csv").write_text(
        "id,name,sector,level\n" + "".join(f"{a},Party {a},government,regional\n" for a in ids))
    rows = []
    for name, m in (("advice", advice), ("funding", funding), ("reporting", reporting)):
        rows += [f"{ids[i]},{ids[j]},{name},true\n" for i in range(n) for j in range(n) if m[i][j]]
    (folder / "relations.csv").write_text("source,target,layer,directed\n" + "".join(rows))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=500)
    parser.add_argument("--permutations", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--netlm", action="store_true",
                        help="time sna's netlm too (about 150 s at 100 actors, hours at 500)")
    args = parser.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    binary = ROOT / "target" / "release" / "stakenet"
    matrices = build(args.actors, random.Random(31))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        workspace = tmp / "workspace"
        workspace.mkdir()
        write_workspace(workspace, matrices)
        paths = []
        for k, m in enumerate(matrices):
            path = tmp / f"m{k}.txt"
            path.write_text("".join(" ".join(map(str, row)) + "\n" for row in m))
            paths.append(str(path))
        script = tmp / "qap.R"
        script.write_text(R_SCRIPT)
        ours, qaptest, netlm = [], [], []
        out = ""
        for _ in range(args.repeat):
            start = time.perf_counter()
            run = subprocess.run(
                [str(binary), "qap", str(workspace), "--y", "funding", "--x", "advice", "--x",
                 "reporting", "--permutations", str(args.permutations), "--format", "csv"],
                capture_output=True, text=True, check=True)
            ours.append(time.perf_counter() - start)
            out = run.stdout
            r = subprocess.run(["Rscript", str(script), *paths, str(args.permutations),
                                "netlm" if args.netlm else "-"],
                               capture_output=True, text=True, check=True).stdout
            values = dict(line.split(" ", 1) for line in r.splitlines())
            qaptest.append(float(values["qaptest"]))
            netlm.append(float(values["netlm"]) if args.netlm else float("nan"))
    ours_m, qap_m, lm_m = (statistics.median(v) for v in (ours, qaptest, netlm))
    print(f"{args.actors} actors, {args.permutations} permutations per test, "
          f"{os.cpu_count()} cores; sna {values['sna']}, R {values['R']}")
    print(f"R sna: r = {values['r']}, p = {values['p']}; netlm coefficients {values['coef']}")
    print("stakenet's table:\n" + "\n".join(out.splitlines()[:6]))
    print()
    print("| run | seconds (median) | stakenet / this |")
    print("| --- | ---: | ---: |")
    print(f"| stakenet qap, whole process (regression + 2 correlations) | {ours_m:.3f} | 1 |")
    print(f"| sna qaptest (one correlation), the call alone | {qap_m:.3f} | {ours_m / qap_m:.3f} |")
    if args.netlm:
        print(f"| sna netlm qapspp (the regression), the call alone | {lm_m:.3f} | "
              f"{ours_m / lm_m:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
