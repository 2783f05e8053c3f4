#!/usr/bin/env python3
"""Checks that NetworkX reads back what `stakenet export --with-layout --with-measures` writes.

Usage: export_layout.py EXPECTED.json

EXPECTED.json (written by the Rust test `export_layout`, from the library's own map and
centrality) holds:
  "gexf", "graphml": the exported files (written with --mixed directed, which NetworkX needs);
  "actors": {id: {"label", "x", "y", "radius", "colour" ("#RRGGBB"), "measures": {name: value}}};
  "coalitions": {id: label};
  "measures": the names of every measure column.

Checks, exactly (the files write numbers in their shortest round-trip form):
1. read_gexf: every actor's `viz` has the map's position (y negated: Gephi's y points up), its
   radius as size and its colour; every coalition a grey `viz` of size 4; every measure an
   actor has is its attribute, and coalitions have none; labels as expected.
2. read_graphml: the measures as in 1, the labels, and yEd's geometry read by NetworkX as `x`,
   `y`: the top-left corner of the map's circle.

Prints one line per check and exits with 1 on any mismatch.
"""

import json
import sys

import networkx as nx

failures = []


def check(condition, what):
    print(("ok    " if condition else "FAIL  ") + what)
    if not condition:
        failures.append(what)


def rgb(hex_colour):
    return {"r": int(hex_colour[1:3], 16), "g": int(hex_colour[3:5], 16), "b": int(hex_colour[5:7], 16)}


def check_measures(graph, expected, name):
    found = {}
    for node, data in graph.nodes(data=True):
        found[node] = {m: data[m] for m in expected["measures"] if m in data}
    wanted = {node: actor["measures"] for node, actor in expected["actors"].items()}
    wanted.update({node: {} for node in expected["coalitions"]})
    check(found == wanted, f"{name}: every actor's centrality figures, none for coalitions")
    labels = {node: data.get("label") for node, data in graph.nodes(data=True)}
    wanted_labels = {node: actor["label"] for node, actor in expected["actors"].items()}
    wanted_labels.update(expected["coalitions"])
    check(labels == wanted_labels, f"{name}: every label")


def main():
    expected = json.load(open(sys.argv[1], encoding="utf-8"))
    gexf = nx.read_gexf(expected["gexf"])
    check_measures(gexf, expected, "gexf")
    wrong = []
    for node, actor in expected["actors"].items():
        viz = gexf.nodes[node].get("viz", {})
        want = {
            "position": {"x": actor["x"], "y": -actor["y"], "z": 0.0},
            "size": actor["radius"],
            "color": {**rgb(actor["colour"]), "a": 1.0},
        }
        if viz != want:
            wrong.append((node, viz, want))
    check(not wrong, f"gexf: every actor's viz is the map's position, size and colour {wrong[:2]}")
    grey = [n for n in expected["coalitions"] if gexf.nodes[n].get("viz", {}).get("color") == {"r": 158, "g": 158, "b": 158, "a": 1.0}
            and gexf.nodes[n]["viz"].get("size") == 4.0 and "position" in gexf.nodes[n]["viz"]]
    check(len(grey) == len(expected["coalitions"]), "gexf: every coalition small, grey and placed")

    graphml = nx.read_graphml(expected["graphml"])
    check_measures(graphml, expected, "graphml")
    wrong = []
    for node, actor in expected["actors"].items():
        data = graphml.nodes[node]
        corner = (float(data.get("x", "nan")), float(data.get("y", "nan")))
        want = (actor["x"] - actor["radius"], actor["y"] - actor["radius"])
        if corner != want:
            wrong.append((node, corner, want))
    check(not wrong, f"graphml: every actor's yEd geometry is the map's circle {wrong[:2]}")

    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("every layout export check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
