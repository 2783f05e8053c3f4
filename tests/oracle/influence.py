#!/usr/bin/env python3
"""Independent oracle for `stakenet influence`: perceived influence against degree.

Writes a seeded random workspace (40 actors with an `influence` rating from 0 to 10, many tied,
and undirected collaboration ties; 5 actors unrated) to influence/workspace/, computes each
rated actor's degree with NetworkX (networkx==3.6.1), Spearman's rho and Kendall's tau-b with
scipy (scipy==1.17.1, `spearmanr`, `kendalltau`), and the percentiles ((average rank - 1) /
(n - 1)), gaps and readings (gap >= 0.5: paper tiger, <= -0.5: hidden influencer) by hand, into
influence/expected.json.

    python3 tests/oracle/influence.py           # (re)write the workspace and expected.json
    python3 tests/oracle/influence.py --check   # compare with the committed files (exit 1 if not)
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import networkx as nx
import scipy
from scipy.stats import kendalltau, rankdata, spearmanr

from oracle_files import rounded, write_or_check

HERE = Path(__file__).resolve().parent / "influence"
GAP = 0.5


def build() -> tuple[dict[str, str], dict]:
    rng = random.Random(2026)
    n = 45
    ids = [f"a{i:02d}" for i in range(n)]
    sectors = ["government", "business", "knowledge", "civil_society"]
    influence = {a: (str(rng.randint(0, 10)) if i >= 5 else "") for i, a in enumerate(ids)}
    g = nx.gnm_random_graph(n, 90, seed=7)
    actors = "id,name,sector,level,influence\n" + "".join(
        f"{a},Actor {a},{sectors[i % 4]},regional,{influence[a]}\n" for i, a in enumerate(ids))
    relations = "source,target,layer\n" + "".join(
        f"{ids[u]},{ids[v]},collaboration\n" for u, v in sorted(g.edges()))
    files = {"actors.csv": actors, "relations.csv": relations}

    rated = [a for a in ids if influence[a]]
    perceived = [float(influence[a]) for a in rated]
    degree = [float(g.degree(ids.index(a))) for a in rated]
    rp, rs = rankdata(perceived), rankdata(degree)
    m = len(rated)
    rows = {}
    for a, p, d, x, y in zip(rated, perceived, degree, rp, rs):
        pp, sp = (x - 1) / (m - 1), (y - 1) / (m - 1)
        gap = pp - sp
        reading = "paper_tiger" if gap >= GAP - 1e-12 else (
            "hidden_influencer" if -gap >= GAP - 1e-12 else "in_line")
        rows[a] = {"influence": p, "structural": d, "perceived_percentile": pp,
                   "structural_percentile": sp, "gap": gap, "reading": reading}
    expected = {
        "networkx": nx.__version__, "scipy": scipy.__version__,
        "rated": m,
        "spearman": float(spearmanr(perceived, degree).statistic),
        "kendall": float(kendalltau(perceived, degree).statistic),  # tau-b
        "actors": rows,
    }
    return files, expected




def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed files")
    args = parser.parse_args()
    files, expected = build()
    outputs = {f"workspace/{name}": text for name, text in files.items()}
    outputs["expected.json"] = json.dumps(rounded(expected), indent=2, sort_keys=True) + "\n"
    return write_or_check("influence", HERE, outputs, args.check)


if __name__ == "__main__":
    sys.exit(main())
