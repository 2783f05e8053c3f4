#!/usr/bin/env python3
"""Independent oracle for `stakenet ego` on the analyst's workspace (fixtures/twente-analyst).

Reads the fixture with Python's csv module; the whole network on 2024-06-01 (a relation counts
between its since and until; `collaboration` runs both ways when `directed` is empty, every other
layer one way). NetworkX (networkx==3.6.1) gives the ego network (`ego_graph` with
`undirected=True`), the density of the alters' graph (`density` of the undirected subgraph
without the ego), and Burt's `effective_size` and `constraint` of the ego on the directed graph
(an undirected tie as two arcs). Blau's heterogeneity 1 - sum p_k^2 over the alters' known
sectors, and IQV = Blau / (1 - 1/6), are worked by hand.

    python3 tests/oracle/ego.py           # (re)write ego/expected.json
    python3 tests/oracle/ego.py --check   # compare with the committed file (exit 1 if not)
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import networkx as nx

from oracle_files import rounded

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "fixtures" / "twente-analyst"
EXPECTED = Path(__file__).resolve().parent / "ego" / "expected.json"
ON = date(2024, 6, 1)
EGOS = (("ministerie_bzk", 1), ("ministerie_bzk", 2), ("prov_overijssel", 1), ("gem_enschede", 2))


def rows(name: str) -> list[dict[str, str]]:
    with open(FIXTURE / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def holds(row: dict[str, str]) -> bool:
    since = date.fromisoformat(row["since"]) if row.get("since") else None
    until = date.fromisoformat(row["until"]) if row.get("until") else None
    return (since is None or since <= ON) and (until is None or ON <= until)


def compute() -> dict:
    actors = {a["id"]: a for a in rows("actors.csv")}
    g = nx.DiGraph()
    g.add_nodes_from(actors)
    for r in rows("relations.csv"):
        if not holds(r) or r["source"] == r["target"]:
            continue
        text = (r.get("directed") or "").strip().lower()
        directed = text in ("true", "ja", "yes", "1") if text else r["layer"].lower() != "collaboration"
        g.add_edge(r["source"], r["target"])
        if not directed:
            g.add_edge(r["target"], r["source"])
    effective, constraint = nx.effective_size(g), nx.constraint(g)
    result = {"networkx": nx.__version__, "on": ON.isoformat()}
    for ego, radius in EGOS:
        ball = nx.ego_graph(g, ego, radius=radius, undirected=True)
        alters = sorted(set(ball) - {ego})
        among = g.to_undirected().subgraph(alters)
        sectors = Counter(actors[a]["sector"] for a in alters if actors[a]["sector"])
        known = sum(sectors.values())
        blau = 1 - sum((c / known) ** 2 for c in sectors.values()) if known else None
        result[f"{ego}/{radius}"] = {
            "alters": alters,
            "ties_among_alters": among.number_of_edges(),
            "density": nx.density(among) if len(alters) >= 2 else None,
            "blau": blau,
            "iqv": blau / (1 - 1 / 6) if blau is not None else None,
            "effective_size": effective[ego],
            "constraint": constraint[ego],
        }
    return result




def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed file")
    args = parser.parse_args()
    text = json.dumps(rounded(compute()), indent=2, sort_keys=True) + "\n"
    if args.check:
        if EXPECTED.read_text(encoding="utf-8") != text:
            print(f"{EXPECTED} differs from what the oracle computes now", file=sys.stderr)
            return 1
        print("ego oracle: expected.json is up to date")
        return 0
    EXPECTED.parent.mkdir(parents=True, exist_ok=True)
    EXPECTED.write_text(text, encoding="utf-8")
    print(f"wrote {EXPECTED.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
