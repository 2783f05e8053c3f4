#!/usr/bin/env python3
"""Independent oracle for the figures an analyst reads on fixtures/twente-analyst.

Reads the fixture's CSV files with Python's csv module, applies the definitions the README
states — a coalition's scope is its members on the date plus their units (actors below a member
at the same level, or without a level); the default layers are the relations (never shared
membership); a relation counts on a date between its since and until; a layer whose relations
all carry an amount is weighed in euros — and computes the figures with NetworkX
(networkx==3.6.1, see requirements.txt):

- per coalition and date: the parties in scope, the ties (directed arcs plus undirected pairs,
  each once), the density of the view (NetworkX `density` of the digraph in which an undirected
  tie is two arcs), each party's number of distinct neighbours (NetworkX `Graph.degree` of the
  undirected graph), reciprocity over the directed ties only (NetworkX `overall_reciprocity`),
  and the euros the funding layer carries from the Rijk to the region and back;
- the dependence of the ROC on its funders (share of its inflow in euros).

    python3 tests/oracle/twente.py           # (re)write twente/expected.json
    python3 tests/oracle/twente.py --check   # compare with the committed file (exit 1 if not equal)
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import date
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "fixtures" / "twente-analyst"
EXPECTED = Path(__file__).resolve().parent / "twente" / "expected.json"
UNDIRECTED_LAYERS = {"collaboration"}


def rows(name: str) -> list[dict[str, str]]:
    with open(FIXTURE / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def holds(row: dict[str, str], on: date) -> bool:
    since, until = day(row.get("since", "")), day(row.get("until", ""))
    return (since is None or since <= on) and (until is None or on <= until)


ACTORS = {a["id"]: a for a in rows("actors.csv")}
MEMBERS = rows("members.csv")
RELATIONS = rows("relations.csv")


def root(actor: str) -> str:
    while ACTORS[actor]["parent"]:
        actor = ACTORS[actor]["parent"]
    return actor


def rijk_side(actor: str) -> bool:
    top = ACTORS[root(actor)]
    return top["sector"] == "government" and top["level"] == "national"


def scope(coalition: str, on: date) -> set[str]:
    members = {m["actor"] for m in MEMBERS if m["coalition"] == coalition and holds(m, on)}
    parties = set(members)
    for actor in ACTORS:
        chain, current = [], actor
        while current:
            chain.append(current)
            current = ACTORS[current]["parent"]
        # The actor is a unit of the first member above it when every step up keeps the level.
        for below, above in zip(chain, chain[1:]):
            level = ACTORS[below]["level"]
            if level and level != ACTORS[above]["level"]:
                break
            if above in members:
                parties.add(actor)
                break
    return parties


def figures(coalition: str, on: date) -> dict:
    parties = scope(coalition, on)
    relations = [
        r for r in RELATIONS if holds(r, on) and r["source"] in parties and r["target"] in parties
    ]
    whole = nx.DiGraph()
    whole.add_nodes_from(parties)
    directed = nx.DiGraph()
    directed.add_nodes_from(parties)
    undirected_pairs = set()
    for r in relations:
        s, t = r["source"], r["target"]
        if s == t:
            continue
        whole.add_edge(s, t)
        if r["layer"] in UNDIRECTED_LAYERS:
            whole.add_edge(t, s)
            undirected_pairs.add(frozenset((s, t)))
        else:
            directed.add_edge(s, t)
    neighbours = nx.Graph(whole.to_undirected())
    funding = [r for r in relations if r["layer"] == "funding"]
    down = sum(float(r["amount"]) for r in funding if rijk_side(r["source"]) and not rijk_side(r["target"]))
    up = sum(float(r["amount"]) for r in funding if not rijk_side(r["source"]) and rijk_side(r["target"]))
    return {
        "parties": sorted(parties),
        "ties": directed.number_of_edges() + len(undirected_pairs),
        "density": nx.density(whole),
        "neighbours": {a: neighbours.degree(a) for a in sorted(parties)},
        "reciprocity_of_directed_ties": nx.overall_reciprocity(directed)
        if directed.number_of_edges()
        else None,
        "funding_rijk_to_region_euros": down,
        "funding_region_to_rijk_euros": up,
    }


def dependence(actor: str, coalition: str, on: date) -> dict[str, float]:
    parties = scope(coalition, on)
    inflow: dict[str, float] = {}
    for r in RELATIONS:
        if r["layer"] == "funding" and r["target"] == actor and holds(r, on) and r["source"] in parties:
            inflow[r["source"]] = inflow.get(r["source"], 0.0) + float(r["amount"])
    total = sum(inflow.values())
    return {source: amount / total for source, amount in sorted(inflow.items())}


def expected() -> dict:
    return {
        "networkx": nx.__version__,
        "rd_twente@2022-12-31": figures("rd_twente", date(2022, 12, 31)),
        "rd_twente@2020-06-01": figures("rd_twente", date(2020, 6, 1)),
        "rd_twente_2@2024-01-01": figures("rd_twente_2", date(2024, 1, 1)),
        "grensregio@2024-01-01": figures("grensregio", date(2024, 1, 1)),
        "kn_roc_dependence@2022-12-31": dependence("kn_roc", "rd_twente", date(2022, 12, 31)),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed file")
    args = parser.parse_args()
    text = json.dumps(expected(), indent=2, sort_keys=True) + "\n"
    if args.check:
        if EXPECTED.read_text(encoding="utf-8") != text:
            print(f"{EXPECTED.name}: differs from what the oracle computes now", file=sys.stderr)
            return 1
        print(f"{EXPECTED.name}: agrees")
        return 0
    EXPECTED.write_text(text, encoding="utf-8")
    print(f"wrote {EXPECTED.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
