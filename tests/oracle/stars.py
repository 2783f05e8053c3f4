#!/usr/bin/env python3
"""Independent oracle for PageRank and eigenvector centrality on stars (issue 17, findings 15
and 16): an undirected star of a hub and 20,000 leaves, and the near-star that adds ten ties
between leaves (l0–l1, l2–l3, …, l18–l19). tests/stars.rs writes the same graphs as a
workspace (actors `hub`, `l0` … `l19999`, one undirected layer of weight-1 ties) and compares
stakenet's values with these.

With NetworkX (networkx==3.6.1, see requirements.txt):

- `pagerank` (alpha 0.85, tol 1e-15, so that the committed values sit on the fixed point);
- `eigenvector_centrality_numpy` (ARPACK's dominant eigenvector, unit Euclidean norm), and as a
  cross-check `eigenvector_centrality`, NetworkX's power iteration on A + I, which converges on
  these bipartite and near-bipartite graphs too (to its tolerance, 1e-9 here).

By symmetry every leaf of the star has one value; in the near-star a leaf tied to another leaf
has one value and a leaf tied to the hub only another. The file keeps the hub, `l0` (paired in
the near-star) and `l100` (a plain leaf).

    python3 tests/oracle/stars.py           # (re)write stars/expected.json
    python3 tests/oracle/stars.py --check   # compare with the committed file (exit 1 if not equal)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import networkx as nx

EXPECTED = Path(__file__).resolve().parent / "stars" / "expected.json"
LEAVES = 20_000
PAIRS = 10
KEPT = ["hub", "l0", "l100"]
RELATIVE = 1e-9


def graphs() -> dict[str, nx.Graph]:
    star = nx.Graph()
    star.add_edges_from(("hub", f"l{i}") for i in range(LEAVES))
    near = star.copy()
    near.add_edges_from((f"l{2 * i}", f"l{2 * i + 1}") for i in range(PAIRS))
    return {"star": star, "near_star": near}


def expected() -> dict:
    out: dict = {
        "versions": {"networkx": nx.__version__},
        "leaves": LEAVES,
        "leaf_pairs": PAIRS,
    }
    for name, graph in graphs().items():
        pagerank = nx.pagerank(graph, alpha=0.85, tol=1e-15, max_iter=10_000)
        eigen = nx.eigenvector_centrality_numpy(graph)
        iterated = nx.eigenvector_centrality(graph, max_iter=100_000, tol=1e-9)
        for node in KEPT:
            # The cross-check: A + I power iteration agrees with ARPACK.
            if abs(iterated[node] - eigen[node]) > 1e-5 * eigen[node]:
                sys.exit(f"{name} {node}: eigenvector_centrality {iterated[node]} != numpy {eigen[node]}")
        out[name] = {
            node: {"pagerank": pagerank[node], "eigenvector": abs(eigen[node])} for node in KEPT
        }
    return out


def close(a, b) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(close(a[k], b[k]) for k in a if k != "versions")
    if isinstance(a, float) or isinstance(b, float):
        return abs(a - b) <= RELATIVE * max(abs(a), abs(b))
    return a == b


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed file")
    args = parser.parse_args()
    values = expected()
    if args.check:
        committed = json.loads(EXPECTED.read_text())
        if committed.get("versions") != values["versions"]:
            print(f"note: versions differ: {committed.get('versions')} vs {values['versions']}")
        if not close(committed, values):
            print(f"{EXPECTED.name} differs from what the oracle computes now", file=sys.stderr)
            print(json.dumps(values, indent=2), file=sys.stderr)
            return 1
        print("stars: the committed expected values agree")
        return 0
    EXPECTED.parent.mkdir(parents=True, exist_ok=True)
    EXPECTED.write_text(json.dumps(values, indent=2, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
