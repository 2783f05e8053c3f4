#!/usr/bin/env python3
"""Independent oracle for the real-data fixtures of issue 18: fixtures/knoke,
fixtures/rijksoverheid, fixtures/rijksbijdragen-2014 and fixtures/subsidies-2015.

Reads each fixture's CSV files with Python's csv module, applies the definitions the README
states, and computes the figures with NetworkX (networkx==3.6.1, see requirements.txt) or sums
them by hand (euros with `decimal`, exact to the cent):

- knoke: per layer (`information`, `money`) the ties, density (`nx.density`) and reciprocity
  (`nx.overall_reciprocity`) of the digraph; per actor in- and out-degree, distinct neighbours
  (`Graph.degree` of the undirected graph) and betweenness (`nx.betweenness_centrality`,
  normalized, directed); the money ties between sectors counted by hand;
- rijksoverheid: actors by kind, the depth of the parent tree, and the reporting network folded
  twice — `--fold ministry` (each actor into its nearest ancestor of kind `ministry`, itself if
  none) and `--level national` (into its topmost ancestor at level national): the number of
  actors of each folded view and each folded actor's in-degree (distinct reporting bodies);
- rijksbijdragen-2014: the funding digraph (ties summed per pair, `weight` = euros): each actor's
  in- and out-degree (distinct payers / recipients) and strength (`in_degree`/`out_degree` with
  `weight`); the same folded by ministry (the budgets into BZK); the euros from the Rijk side (the
  actors whose root is the national government) to the region and within the Rijk; the money of
  each policy topic;
- subsidies-2015: per ministry the distinct recipients (of more than 0 euros: in a view weighed
  in euros a relation of 0 euros is no tie) and the euros paid; the 20 largest
  recipients by euros received; the euros going to each recipient sector (empty = none), summed
  by hand; the numbers of actors, recipients and relations.

    python3 tests/oracle/real_fixtures.py           # (re)write real_fixtures/expected.json
    python3 tests/oracle/real_fixtures.py --check   # compare with the committed file (exit 1 if not equal)
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
EXPECTED = Path(__file__).resolve().parent / "real_fixtures" / "expected.json"


def rows(fixture: str, name: str) -> list[dict[str, str]]:
    with open(FIXTURES / fixture / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def cents(value: Decimal) -> float:
    return float(value.quantize(Decimal("0.01")))


def knoke() -> dict:
    actors = {a["id"]: a for a in rows("knoke", "actors.csv")}
    relations = rows("knoke", "relations.csv")
    layers = {}
    for layer in sorted({r["layer"] for r in relations}):
        graph = nx.DiGraph()
        graph.add_nodes_from(actors)
        for r in relations:
            if r["layer"] == layer:
                graph.add_edge(r["source"], r["target"])
        undirected = nx.Graph(graph.to_undirected())
        betweenness = nx.betweenness_centrality(graph, normalized=True)
        by_sector = Counter(f"{actors[s]['sector']}->{actors[t]['sector']}" for s, t in graph.edges)
        layers[layer] = {
            "ties": graph.number_of_edges(),
            "density": nx.density(graph),
            "reciprocity": nx.overall_reciprocity(graph),
            "ties_between_sectors": dict(sorted(by_sector.items())),
            "actors": {
                a: {
                    "degree": undirected.degree(a),
                    "in_degree": graph.in_degree(a),
                    "out_degree": graph.out_degree(a),
                    "betweenness": betweenness[a],
                }
                for a in sorted(actors)
            },
        }
    return {"actors": len(actors), "layers": layers}


def fold(actors: dict[str, dict[str, str]], actor: str, *, kind: str | None = None,
         level: str | None = None) -> str:
    """The actor an actor folds into: its nearest ancestor (itself included) of `kind`, or its
    topmost ancestor (itself included) at `level`; itself when there is none."""
    chain, current = [], actor
    while current:
        chain.append(current)
        current = actors[current]["parent"]
    if kind is not None:
        return next((a for a in chain if actors[a]["kind"] == kind), actor)
    at_level = [a for a in chain if actors[a]["level"] == level]
    return at_level[-1] if at_level else actor


def rijksoverheid() -> dict:
    actors = {a["id"]: a for a in rows("rijksoverheid", "actors.csv")}
    relations = rows("rijksoverheid", "relations.csv")

    def depth(actor: str) -> int:
        return 1 + (depth(actors[actor]["parent"]) if actors[actor]["parent"] else 0)

    folded = {}
    for name, how in (("fold_ministry", {"kind": "ministry"}), ("level_national", {"level": "national"})):
        into = {a: fold(actors, a, **how) for a in actors}
        graph = nx.DiGraph()
        graph.add_nodes_from(set(into.values()))
        for r in relations:
            s, t = into[r["source"]], into[r["target"]]
            if s != t:
                graph.add_edge(s, t)
        folded[name] = {
            "actors": graph.number_of_nodes(),
            "ties": graph.number_of_edges(),
            "in_degree": {a: d for a, d in sorted(graph.in_degree()) if d > 0},
        }
    return {
        "actors": len(actors),
        "by_kind": dict(sorted(Counter(a["kind"] for a in actors.values()).items())),
        "depth": max(depth(a) for a in actors),
        "reporting": len(relations),
        **folded,
    }


def funding_graph(actors, relations, into=lambda a: a) -> nx.DiGraph:
    """Directed funding graph, euros summed per (folded) pair; self-ties and relations of
    no euros (amount 0) make no tie, as the README's "money in euros" says."""
    euros: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for r in relations:
        s, t = into(r["source"]), into(r["target"])
        if s != t and Decimal(r["amount"]) > 0:
            euros[(s, t)] += Decimal(r["amount"])
    graph = nx.DiGraph()
    graph.add_nodes_from({into(a) for a in actors})
    for (s, t), amount in euros.items():
        graph.add_edge(s, t, weight=amount)
    return graph


def strengths(graph: nx.DiGraph) -> dict:
    return {
        a: {
            "in_degree": graph.in_degree(a),
            "out_degree": graph.out_degree(a),
            "in_euros": cents(sum((d["weight"] for _, _, d in graph.in_edges(a, data=True)), Decimal(0))),
            "out_euros": cents(sum((d["weight"] for _, _, d in graph.out_edges(a, data=True)), Decimal(0))),
        }
        for a in sorted(graph.nodes)
    }


def rijksbijdragen() -> dict:
    fixture = "rijksbijdragen-2014"
    actors = {a["id"]: a for a in rows(fixture, "actors.csv")}
    relations = rows(fixture, "relations.csv")
    members = rows(fixture, "members.csv")

    def root(actor: str) -> str:
        while actors[actor]["parent"]:
            actor = actors[actor]["parent"]
        return actor

    def side(actor: str) -> str:
        top = actors[root(actor)]
        return "rijk" if top["sector"] == "government" and top["level"] == "national" else "region"

    flows: dict[str, Decimal] = defaultdict(Decimal)
    topics: dict[str, Decimal] = defaultdict(Decimal)
    for r in relations:
        flows[f"{side(r['source'])}->{side(r['target'])}"] += Decimal(r["amount"])
        topics[r["topic"]] += Decimal(r["amount"])
    plain = funding_graph(actors, relations)
    by_ministry = funding_graph(actors, relations, lambda a: fold(actors, a, kind="ministry"))
    return {
        "actors": len(actors),
        "relations": len(relations),
        "ties": plain.number_of_edges(),
        "coalitions": len(rows(fixture, "coalitions.csv")),
        "members": len(members),
        "total_euros": cents(sum((Decimal(r["amount"]) for r in relations), Decimal(0))),
        "flows": {k: cents(v) for k, v in sorted(flows.items())},
        "topics": {k: cents(v) for k, v in sorted(topics.items())},
        "actors_figures": strengths(plain),
        "fold_ministry": {
            "actors": by_ministry.number_of_nodes(),
            "ties": by_ministry.number_of_edges(),
            "ministries": {a: f for a, f in strengths(by_ministry).items()
                           if actors[a]["kind"] == "ministry"},
        },
    }


def subsidies() -> dict:
    fixture = "subsidies-2015"
    actors = {a["id"]: a for a in rows(fixture, "actors.csv")}
    relations = rows(fixture, "relations.csv")
    paid: dict[str, Decimal] = defaultdict(Decimal)
    received: dict[str, Decimal] = defaultdict(Decimal)
    recipients_of: dict[str, set[str]] = defaultdict(set)
    by_sector: dict[str, Decimal] = defaultdict(Decimal)
    for r in relations:
        amount = Decimal(r["amount"])
        paid[r["source"]] += amount
        received[r["target"]] += amount
        if amount > 0:  # a subsidy of 0 euros makes no tie in the view weighed in euros
            recipients_of[r["source"]].add(r["target"])
        by_sector[actors[r["target"]]["sector"] or "(none)"] += amount
    top = sorted(received.items(), key=lambda kv: (-kv[1], kv[0]))[:20]
    return {
        "actors": len(actors),
        "recipients": len(received),
        "relations": len(relations),
        "total_euros": cents(sum(paid.values(), Decimal(0))),
        "ministries": {m: {"recipients": len(recipients_of[m]), "euros": cents(paid[m])}
                       for m in sorted(paid)},
        "top_recipients": [{"id": a, "euros": cents(v)} for a, v in top],
        "euros_by_recipient_sector": {k: cents(v) for k, v in sorted(by_sector.items())},
        "recipients_by_sector": dict(sorted(Counter(
            actors[a]["sector"] or "(none)" for a in received).items())),
    }


def expected() -> dict:
    return {
        "networkx": nx.__version__,
        "knoke": knoke(),
        "rijksoverheid": rijksoverheid(),
        "rijksbijdragen-2014": rijksbijdragen(),
        "subsidies-2015": subsidies(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed file")
    args = parser.parse_args()
    text = json.dumps(expected(), indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    if args.check:
        committed = EXPECTED.read_text(encoding="utf-8") if EXPECTED.exists() else ""
        if committed != text:
            print(f"{EXPECTED.relative_to(ROOT)} is out of date; run python3 tests/oracle/real_fixtures.py")
            return 1
        print(f"{EXPECTED.relative_to(ROOT)} agrees with NetworkX and the sums")
        return 0
    EXPECTED.parent.mkdir(parents=True, exist_ok=True)
    EXPECTED.write_text(text, encoding="utf-8")
    print(f"wrote {EXPECTED.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
