#!/usr/bin/env python3
"""Independent oracle for `stakenet mixing`: the mixing matrix, the E-I index per group and
overall, and Newman's nominal assortativity, on the bundled Regio Deals and the analyst's
workspace (fixtures/twente-analyst) on 2024-12-31.

Reads the fixtures' CSV files with Python's csv module and applies the README's definitions: the
view holds every actor and every relation layer; a relation counts on a date between its since
and until; `collaboration` runs both ways when `directed` is empty, every other layer one way;
parallel ties of one direction are one arc; an actor's side is `rijk` when the root of its
parent chain is a national government (sector government, level national), else `region`; an
actor without a sector is in the group `(none)`. NetworkX (networkx==3.6.1, see
requirements.txt) counts the mixing matrix (`attribute_mixing_matrix`, not normalized, each arc
once: an undirected tie is two arcs) and the assortativity (`attribute_assortativity_coefficient`);
the E-I index is (E - I) / (E + I) worked from the arcs by hand.

    python3 tests/oracle/mixing.py           # (re)write mixing/expected.json
    python3 tests/oracle/mixing.py --check   # compare with the committed file (exit 1 if not)
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import date
from pathlib import Path

import networkx as nx

from oracle_files import rounded

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = Path(__file__).resolve().parent / "mixing" / "expected.json"
ON = date(2024, 12, 31)
FIXTURES = ("regio-deals", "twente-analyst")
SECTORS = ["government", "business", "knowledge", "civil_society", "citizens", "hybrid"]


def rows(fixture: str, name: str) -> list[dict[str, str]]:
    with open(ROOT / "fixtures" / fixture / name, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def holds(row: dict[str, str]) -> bool:
    since = date.fromisoformat(row["since"]) if row.get("since") else None
    until = date.fromisoformat(row["until"]) if row.get("until") else None
    return (since is None or since <= ON) and (until is None or ON <= until)


def directed(row: dict[str, str]) -> bool:
    text = (row.get("directed") or "").strip().lower()
    if text:
        return text in ("true", "ja", "yes", "1")
    return row["layer"].strip().lower() != "collaboration"


def graph(fixture: str) -> nx.DiGraph:
    actors = {a["id"]: a for a in rows(fixture, "actors.csv")}

    def root(actor: str) -> str:
        while actors[actor].get("parent"):
            actor = actors[actor]["parent"]
        return actor

    g = nx.DiGraph()
    for key, actor in actors.items():
        top = actors[root(key)]
        national = top.get("sector") == "government" and top.get("level") == "national"
        g.add_node(key, side="rijk" if national else "region", sector=actor.get("sector") or "(none)")
    for r in rows(fixture, "relations.csv"):
        if not holds(r) or r["source"] == r["target"]:
            continue
        g.add_edge(r["source"], r["target"])
        if not directed(r):
            g.add_edge(r["target"], r["source"])
    return g


def figures(g: nx.DiGraph, attribute: str) -> dict:
    present = {g.nodes[v][attribute] for v in g}
    order = ["rijk", "region"] if attribute == "side" else [s for s in SECTORS + ["(none)"] if s in present]
    mapping = {label: i for i, label in enumerate(order)}
    m = nx.attribute_mixing_matrix(g, attribute, mapping=mapping, normalized=False)
    matrix = [[float(m[i][j]) for j in range(len(order))] for i in range(len(order))]
    total = sum(map(sum, matrix))
    within = sum(matrix[i][i] for i in range(len(order)))
    groups = {}
    for i, label in enumerate(order):
        internal = matrix[i][i]
        external = sum(matrix[i][j] + matrix[j][i] for j in range(len(order)) if j != i)
        ei = (external - internal) / (external + internal) if external + internal else None
        groups[label] = {"actors": sum(1 for v in g if g.nodes[v][attribute] == label),
                         "internal": internal, "external": external, "ei": ei}
    return {
        "labels": order,
        "matrix": matrix,
        "groups": groups,
        "ei": ((total - within) - within) / total,
        "assortativity": float(nx.attribute_assortativity_coefficient(g, attribute)),
    }


def compute() -> dict:
    result = {"networkx": nx.__version__, "on": ON.isoformat()}
    for fixture in FIXTURES:
        g = graph(fixture)
        result[fixture] = {attribute: figures(g, attribute) for attribute in ("side", "sector")}
    return result




def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed file")
    args = parser.parse_args()
    text = json.dumps(rounded(compute()), indent=2, sort_keys=True) + "\n"
    if args.check:
        committed = EXPECTED.read_text(encoding="utf-8")
        if committed != text:
            print(f"{EXPECTED} differs from what the oracle computes now", file=sys.stderr)
            return 1
        print("mixing oracle: expected.json is up to date")
        return 0
    EXPECTED.parent.mkdir(parents=True, exist_ok=True)
    EXPECTED.write_text(text, encoding="utf-8")
    print(f"wrote {EXPECTED.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
