#!/usr/bin/env python3
"""Independent oracle for `stakenet cohesion` and the descriptives of `centrality` (issue 21).

Writes seeded test graphs as workspaces (cohesion/graphs/<name>/actors.csv, relations.csv) and
the expected values to cohesion/<name>.json, computed with NetworkX on the graph taken as
undirected the way stakenet takes it (a pair tied either way is one edge, weighing the larger
of its arcs' weights):

- core_number, find_cliques, transitivity, average_clustering, and per connected component
  average_shortest_path_length and diameter (hops);
- triadic_census of the directed graph;
- community.modularity of stakenet's own partition (the script runs
  `cargo run --release -- cohesion GRAPH --format json --seed 1`), and the modularity of
  igraph's community_leiden(objective_function="modularity") and community_multilevel, which
  stakenet must reach within 0.01 (tests/cohesion.rs);
- for graphs with planted communities, the planted partition (and whether it is clear), which
  stakenet must recover with NMI >= 0.95 when clear.

    python3 tests/oracle/cohesion.py           # (re)write cohesion/
    python3 tests/oracle/cohesion.py --check   # regenerate into a temporary folder and compare
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import platform
import random
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

import igraph as ig
import networkx as nx

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
OUT = HERE / "cohesion"
REL_TOL = 1e-9


def versions() -> dict:
    return {"python": platform.python_version(), "networkx": metadata.version("networkx"),
            "igraph": metadata.version("igraph")}


def graphs() -> list[dict]:
    """(name, directed, nodes, arcs [(u, v, w)], planted or None, clear)"""
    out = []
    karate = nx.karate_club_graph()
    out.append(dict(name="karate", directed=False, nodes=[f"n{v}" for v in karate],
                    arcs=[(f"n{u}", f"n{v}", d["weight"]) for u, v, d in karate.edges(data=True)],
                    planted=None, clear=False))
    flo = nx.florentine_families_graph()
    out.append(dict(name="florentine", directed=False, nodes=sorted(flo),
                    arcs=[(u, v, 1) for u, v in flo.edges()], planted=None, clear=False))
    rng = random.Random(21)

    def gnp(n, p, directed, weights, seed, prefix="n"):
        g = nx.gnp_random_graph(n, p, seed=seed, directed=directed)
        r = random.Random(seed)
        return [(f"{prefix}{u}", f"{prefix}{v}", r.randint(1, 5) if weights else 1) for u, v in g.edges()]

    out.append(dict(name="random_undirected", directed=False, nodes=[f"n{i}" for i in range(60)],
                    arcs=gnp(60, 0.1, False, True, 1), planted=None, clear=False))
    out.append(dict(name="random_directed", directed=True, nodes=[f"n{i}" for i in range(50)],
                    arcs=gnp(50, 0.08, True, True, 2), planted=None, clear=False))
    # Disconnected: three random parts of different sizes and four isolated actors.
    arcs, nodes = [], []
    for part, (size, p) in enumerate([(25, 0.2), (12, 0.3), (6, 0.5)]):
        nodes += [f"p{part}_{i}" for i in range(size)]
        arcs += gnp(size, p, False, False, 3 + part, prefix=f"p{part}_")
    nodes += [f"alone{i}" for i in range(4)]
    out.append(dict(name="disconnected", directed=False, nodes=nodes, arcs=arcs, planted=None,
                    clear=False))
    arcs, nodes = [], []
    for part, (size, p) in enumerate([(20, 0.15), (10, 0.3)]):
        nodes += [f"d{part}_{i}" for i in range(size)]
        arcs += gnp(size, p, True, True, 7 + part, prefix=f"d{part}_")
    nodes += ["lone"]
    out.append(dict(name="directed_disconnected", directed=True, nodes=nodes, arcs=arcs,
                    planted=None, clear=False))
    # Planted communities: clear ones (recovered), and a fuzzier one (modularity only).
    for name, sizes, p_in, p_out, seed, clear in [
        ("planted_clear", [40, 40, 40, 40], 0.3, 0.01, 11, True),
        ("planted_uneven", [20, 35, 50, 70, 90], 0.25, 0.005, 12, True),
        ("planted_fuzzy", [50, 50, 50, 50, 50, 50], 0.12, 0.03, 13, False),
    ]:
        g = nx.random_partition_graph(sizes, p_in, p_out, seed=seed)
        r = random.Random(seed)
        planted = {}
        for group, block in enumerate(g.graph["partition"]):
            for v in block:
                planted[f"v{v}"] = group
        out.append(dict(name=name, directed=False, nodes=[f"v{v}" for v in g],
                        arcs=[(f"v{u}", f"v{v}", r.randint(1, 3)) for u, v in g.edges()],
                        planted=planted, clear=clear))
    del rng
    return out


def write_workspace(spec: dict, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "actors.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name"])
        for v in spec["nodes"]:
            w.writerow([v, v])
    layer = "information" if spec["directed"] else "collaboration"
    with open(folder / "relations.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target", "layer", "directed", "weight"])
        for u, v, wt in spec["arcs"]:
            w.writerow([u, v, layer, "true" if spec["directed"] else "false", wt])


def undirected(spec: dict) -> nx.Graph:
    """The graph as stakenet takes it for cohesion: either way, the larger weight."""
    g = nx.Graph()
    g.add_nodes_from(spec["nodes"])
    for u, v, w in spec["arcs"]:
        if g.has_edge(u, v):
            g[u][v]["weight"] = max(g[u][v]["weight"], w)
        else:
            g.add_edge(u, v, weight=w)
    return g


def directed(spec: dict) -> nx.DiGraph:
    g = nx.DiGraph()
    g.add_nodes_from(spec["nodes"])
    for u, v, _ in spec["arcs"]:
        g.add_edge(u, v)
        if not spec["directed"]:
            g.add_edge(v, u)
    return g


def stakenet_partition(folder: Path) -> dict:
    run = subprocess.run(
        ["cargo", "run", "--release", "--quiet", "--", "cohesion", str(folder), "--format", "json",
         "--seed", "1"], cwd=REPO, check=True, capture_output=True, text=True)
    doc = json.loads(run.stdout)
    return {row["id"]: row["community"] for row in doc["actors"]}


def igraph_modularities(g: nx.Graph) -> dict:
    nodes = list(g)
    index = {v: i for i, v in enumerate(nodes)}
    h = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in g.edges()])
    h.es["weight"] = [d["weight"] for _, _, d in g.edges(data=True)]
    random.seed(1)
    best_leiden = max(
        h.modularity(h.community_leiden(objective_function="modularity", weights="weight",
                                         n_iterations=-1).membership, weights="weight")
        for _ in range(5))
    multilevel = h.modularity(h.community_multilevel(weights="weight").membership,
                              weights="weight")
    return {"igraph_leiden_modularity": best_leiden, "igraph_multilevel_modularity": multilevel}


def expected(spec: dict, folder: Path) -> dict:
    g = undirected(spec)
    d = directed(spec)
    components = []
    for nodes in nx.connected_components(g):
        if len(nodes) < 2:
            continue
        sub = g.subgraph(nodes)
        components.append({"actors": len(nodes),
                           "first": min(nodes),
                           "average_path_length": nx.average_shortest_path_length(sub),
                           "diameter": nx.diameter(sub)})
    components.sort(key=lambda c: (-c["actors"], c["first"]))
    cliques = sorted((sorted(c) for c in nx.find_cliques(g)), key=lambda c: (-len(c), c))
    partition = stakenet_partition(folder)
    groups: dict[int, set] = {}
    for v, c in partition.items():
        groups.setdefault(c, set()).add(v)
    doc = {
        "versions": versions(),
        "directed": spec["directed"],
        "core_number": dict(sorted(nx.core_number(g).items())),
        "cliques": cliques,
        "transitivity": nx.transitivity(g),
        "average_clustering": nx.average_clustering(g),
        "components": components,
        "isolated": sum(1 for v in g if g.degree(v) == 0),
        "triadic_census": nx.triadic_census(d),
        "stakenet_partition": dict(sorted(partition.items())),
        "modularity_of_stakenet_partition": nx.community.modularity(g, list(groups.values()),
                                                                    weight="weight"),
    }
    doc.update(igraph_modularities(g))
    if spec["planted"] is not None:
        doc["planted"] = dict(sorted(spec["planted"].items()))
        doc["planted_is_clear"] = spec["clear"]
    return doc


def generate(root: Path) -> None:
    for spec in graphs():
        folder = root / "graphs" / spec["name"]
        write_workspace(spec, folder)
        doc = expected(spec, folder)
        with open(root / f"{spec['name']}.json", "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=1, sort_keys=False)
            f.write("\n")


def same(a, b, path="") -> list[str]:
    if isinstance(a, float) or isinstance(b, float):
        if isinstance(a, (int, float)) and isinstance(b, (int, float)) and \
                abs(a - b) <= max(REL_TOL * max(abs(a), abs(b)), 1e-12):
            return []
        return [f"{path}: {a} != {b}"]
    if isinstance(a, dict) and isinstance(b, dict):
        if a.keys() != b.keys():
            return [f"{path}: keys differ"]
        return [p for k in a for p in same(a[k], b[k], f"{path}.{k}")]
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{path}: lengths {len(a)} != {len(b)}"]
        return [p for i, (x, y) in enumerate(zip(a, b)) for p in same(x, y, f"{path}[{i}]")]
    return [] if a == b else [f"{path}: {a!r} != {b!r}"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if not args.check:
        generate(OUT)
        print(f"wrote {OUT.relative_to(REPO)}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp)
        generate(fresh)
        problems = []
        for path in sorted(fresh.rglob("*")):
            if path.is_dir():
                continue
            rel = path.relative_to(fresh)
            committed = OUT / rel
            if not committed.exists():
                problems.append(f"{rel}: missing")
            elif path.suffix == ".json":
                old = json.loads(committed.read_text(encoding="utf-8"))
                new = json.loads(path.read_text(encoding="utf-8"))
                old.pop("versions", None)
                new.pop("versions", None)
                problems += [f"{rel}{p}" for p in same(old, new)]
            elif committed.read_bytes() != path.read_bytes():
                problems.append(f"{rel}: differs")
        for p in problems:
            print(p, file=sys.stderr)
        if problems:
            return 1
        print("cohesion oracle: committed values agree")
        return 0


if __name__ == "__main__":
    sys.exit(main())
