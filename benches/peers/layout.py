#!/usr/bin/env python3
"""The network map's layout against its peers: normalized stress and time on the same graphs.

For each graph, stakenet's layout (through `examples/layout_positions.rs`, which prints the
view's ties, the positions and the time of the `layout` call) is compared with Graphviz `neato`
(stress majorization), igraph's Kamada–Kawai and Fruchterman–Reingold, and, for the speed
case, Graphviz `sfdp`. Every layout's normalized stress is computed here, by this script, with
igraph's breadth-first distances on the same graph (ties undirected, one hop each):

    stress = Σ (s‖x_i − x_j‖ − d_ij)² / d_ij² / pairs,   s = Σ(‖x‖/d) / Σ(‖x‖²/d²)

over the pairs in one component: every pair up to 3,000 actors, beyond it the pairs of 200
sources drawn with Python's `random.Random(7)` (the same sources for every tool).

Times: stakenet's is the `layout` call alone (the example measures it in-process); Graphviz
runs as a process on a DOT file (parse and `-Tplain` output included, both small beside the
layout); igraph's is the layout call alone.

    python3 benches/peers/layout.py            # the PERFORMANCE.md table (tens of minutes)
    python3 benches/peers/layout.py --quick    # small graphs only

Needs: cargo, Graphviz (neato, sfdp), python-igraph, numpy (versions printed at the top).
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time

import igraph
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLE = os.path.join(ROOT, "target", "release", "examples", "layout_positions")
EXACT_LIMIT = 3000
SAMPLE_SOURCES = 200


def stakenet(source, method="auto", seed=1):
    out = subprocess.run([EXAMPLE, source, method, str(seed)], check=True, capture_output=True,
                         text=True, cwd=ROOT).stdout
    return json.loads(out)


def normalized_stress(graph, positions, sources):
    pos = np.asarray(positions, dtype=float)
    a = b = count = 0.0
    for start in range(0, len(sources), 100):
        chunk = sources[start:start + 100]
        dist = np.asarray(graph.distances(source=chunk), dtype=float)
        for row, s in zip(dist, chunk):
            mask = np.isfinite(row) & (row > 0)
            if len(sources) == graph.vcount():
                mask &= np.arange(len(row)) > s
            d = row[mask]
            length = np.hypot(*(pos[mask] - pos[s]).T)
            a += np.sum(length / d)
            b += np.sum(length * length / (d * d))
            count += len(d)
    if count == 0:
        return 0.0
    if b <= 0:
        return 1.0
    return max(0.0, (count - a * a / b) / count)


def graphviz(program, n, edges, timeout):
    with tempfile.NamedTemporaryFile("w", suffix=".dot", delete=False) as f:
        f.write("graph G {\nnode [shape=point, width=0.02];\n")
        for i in range(n):
            f.write(f"{i};\n")
        for a, b in edges:
            f.write(f"{a} -- {b};\n")
        f.write("}\n")
        path = f.name
    try:
        started = time.perf_counter()
        out = subprocess.run([program, "-Tplain", path], check=True, capture_output=True,
                             text=True, timeout=timeout).stdout
        seconds = time.perf_counter() - started
    except subprocess.TimeoutExpired:
        return None, None
    finally:
        os.unlink(path)
    positions = [[0.0, 0.0]] * n
    for line in out.splitlines():
        parts = line.split()
        if parts and parts[0] == "node":
            positions[int(parts[1])] = [float(parts[2]), float(parts[3])]
    return positions, seconds


def igraph_layout(graph, kind, limit):
    if graph.vcount() > limit:
        return None, None
    random.seed(1)
    started = time.perf_counter()
    if kind == "kk":
        layout = graph.layout_kamada_kawai()
    else:
        layout = graph.layout_fruchterman_reingold()
    return [list(p) for p in layout.coords], time.perf_counter() - started


def fmt(value, digits=4):
    return "—" if value is None else f"{value:.{digits}f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--timeout", type=float, default=900.0)
    args = parser.parse_args()
    subprocess.run(["cargo", "build", "--release", "--example", "layout_positions"], check=True,
                   cwd=ROOT)
    neato_version = subprocess.run(["neato", "-V"], capture_output=True, text=True).stderr.strip()
    print(f"# {neato_version}; python-igraph {igraph.__version__}; numpy {np.__version__}")
    cases = [("Regio Deals (bundled)", "bundled"), ("twente-analyst", "fixtures/twente-analyst"),
             ("BA 100", "ba:100"), ("BA 1,000", "ba:1000")]
    if not args.quick:
        cases.append(("BA 10,000", "ba:10000"))
    print()
    print("| graph | actors | ties | stakenet (method) | neato | igraph KK | igraph FR "
          "| stakenet / neato | stakenet / FR | times s: stakenet, neato, KK, FR |")
    print("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for name, source in cases:
        ours = stakenet(source)
        n, edges = ours["n"], ours["edges"]
        graph = igraph.Graph(n=n, edges=edges)
        rng = random.Random(7)
        sources = (list(range(n)) if n <= EXACT_LIMIT
                   else rng.sample(range(n), SAMPLE_SOURCES))
        ours_stress = normalized_stress(graph, ours["positions"], sources)
        neato_pos, neato_s = graphviz("neato", n, edges, args.timeout)
        neato_stress = None if neato_pos is None else normalized_stress(graph, neato_pos, sources)
        kk_pos, kk_s = igraph_layout(graph, "kk", 3000)
        kk_stress = None if kk_pos is None else normalized_stress(graph, kk_pos, sources)
        fr_pos, fr_s = igraph_layout(graph, "fr", 100_000)
        fr_stress = normalized_stress(graph, fr_pos, sources)
        ratio_neato = None if neato_stress is None else ours_stress / neato_stress
        print(f"| {name} | {n:,} | {len(edges):,} | {fmt(ours_stress)} ({ours['method']}) "
              f"| {fmt(neato_stress)} | {fmt(kk_stress)} | {fmt(fr_stress)} "
              f"| {fmt(ratio_neato, 3)} | {fmt(ours_stress / fr_stress, 3)} "
              f"| {fmt(ours['seconds'], 3)}, {fmt(neato_s, 2)}, {fmt(kk_s, 2)}, {fmt(fr_s, 2)} |",
              flush=True)
    # Speed: 20,000 actors against sfdp.
    source = "ba:2000" if args.quick else "ba:20000"
    print()
    print("| graph | tool | normalized stress | time s | time / sfdp |")
    print("| --- | --- | ---: | ---: | ---: |")
    runs = [(m, stakenet(source, m)) for m in ("auto", "force")]
    n, edges = runs[0][1]["n"], runs[0][1]["edges"]
    graph = igraph.Graph(n=n, edges=edges)
    sources = random.Random(7).sample(range(n), SAMPLE_SOURCES)
    sfdp_pos, sfdp_s = graphviz("sfdp", n, edges, args.timeout)
    sfdp_stress = normalized_stress(graph, sfdp_pos, sources)
    label = f"BA {n:,}"
    print(f"| {label} | sfdp | {fmt(sfdp_stress)} | {fmt(sfdp_s, 2)} | 1 |")
    for method, run in runs:
        stress = normalized_stress(graph, run["positions"], sources)
        print(f"| {label} | stakenet {method} ({run['method']}) | {fmt(stress)} "
              f"| {fmt(run['seconds'], 2)} | {fmt(run['seconds'] / sfdp_s, 2)} |", flush=True)


if __name__ == "__main__":
    sys.exit(main())
