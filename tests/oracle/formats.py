#!/usr/bin/env python3
"""Independent oracle for networks read from the field's file formats: the Knoke & Wood
bureaucracies (fixtures/knoke-bureaucracies/knokbur.dat, UCINET's older listing).

Parses the file on its own — blocks of a name line, a header `t , rows , cols , …, NB`, a line
of comma-separated labels and the rows; the first matrix's labels name the actors and a later
matrix lists the same actors in the same order — and builds one NetworkX digraph per matrix
(row sends to column, a non-zero cell is an arc, the diagonal left out; a symmetric matrix would
be an undirected graph, neither of Knoke's is). Per layer it computes, with NetworkX
(networkx==3.6.1, see requirements.txt):

- the number of ties (arcs), the density (`nx.density`) and the reciprocity
  (`nx.overall_reciprocity`);
- per actor: in- and out-degree, the number of distinct neighbours (`Graph.degree` of the
  undirected graph) and betweenness (`nx.betweenness_centrality`, normalized, directed).

    python3 tests/oracle/formats.py           # (re)write formats/expected.json
    python3 tests/oracle/formats.py --check   # compare with the committed file (exit 1 if not equal)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[2]
KNOKE = ROOT / "fixtures" / "knoke-bureaucracies" / "knokbur.dat"
EXPECTED = Path(__file__).resolve().parent / "formats" / "expected.json"
HEADER = re.compile(r"^\s*\d+\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*[A-Za-z]+\s*,\s*([A-Za-z]+)\s*$")


def matrices(path: Path) -> tuple[list[str], dict[str, list[list[float]]]]:
    """The actors (first matrix's labels) and each network matrix by its lower-case name."""
    lines = path.read_text(encoding="latin-1").splitlines()
    actors: list[str] = []
    found: dict[str, list[list[float]]] = {}
    name = None
    i = 0
    while i < len(lines):
        match = HEADER.match(lines[i])
        if not match:
            if lines[i].strip():
                name = lines[i].strip()
            i += 1
            continue
        rows, cols, kind = int(match[1]), int(match[2]), match[3].upper()
        labels = [label.strip() for label in lines[i + 1].split(",") if label.strip()]
        body = [line.split() for line in lines[i + 2 : i + 2 + rows]]
        if kind == "NB":
            assert rows == cols == len(labels)
            if not actors:
                actors = labels
            found[name.lower()] = [[float(cell) for cell in row] for row in body]
        name = None
        i += 2 + rows
    return actors, found


def figures(actors: list[str], matrix: list[list[float]]) -> dict:
    n = len(actors)
    symmetric = all(matrix[i][j] == matrix[j][i] for i in range(n) for j in range(n))
    graph = nx.Graph() if symmetric else nx.DiGraph()
    graph.add_nodes_from(actors)
    for i in range(n):
        for j in range(n):
            if i != j and matrix[i][j] != 0:
                graph.add_edge(actors[i], actors[j], weight=matrix[i][j])
    undirected = nx.Graph(graph.to_undirected()) if graph.is_directed() else graph
    betweenness = nx.betweenness_centrality(graph, normalized=True)
    return {
        "directed": graph.is_directed(),
        "ties": graph.number_of_edges(),
        "density": nx.density(graph),
        "reciprocity": nx.overall_reciprocity(graph) if graph.is_directed() else None,
        "actors": {
            a: {
                "degree": undirected.degree(a),
                "in_degree": graph.in_degree(a) if graph.is_directed() else graph.degree(a),
                "out_degree": graph.out_degree(a) if graph.is_directed() else graph.degree(a),
                "betweenness": betweenness[a],
            }
            for a in sorted(actors)
        },
    }


def expected() -> dict:
    actors, layers = matrices(KNOKE)
    return {
        "networkx": nx.__version__,
        "knoke": {
            "actors": actors,
            "layers": {name: figures(actors, matrix) for name, matrix in layers.items()},
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed file")
    args = parser.parse_args()
    text = json.dumps(expected(), indent=2, sort_keys=True) + "\n"
    if args.check:
        committed = EXPECTED.read_text(encoding="utf-8") if EXPECTED.exists() else ""
        if committed != text:
            print(f"{EXPECTED.relative_to(ROOT)} is out of date; run python3 tests/oracle/formats.py")
            return 1
        print(f"{EXPECTED.relative_to(ROOT)} agrees with NetworkX")
        return 0
    EXPECTED.parent.mkdir(parents=True, exist_ok=True)
    EXPECTED.write_text(text, encoding="utf-8")
    print(f"wrote {EXPECTED.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
