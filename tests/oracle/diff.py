#!/usr/bin/env python3
"""Independent oracle for `stakenet diff` and `stakenet whatif --rank` (issue 20).

Diff: seeded random workspaces (`ws1`, `ws2`, `ws3`: 30 actors, a directed layer `funding`
and an undirected layer `collaboration`) with planted changes — ties that hold throughout,
ties that end on 2020-12-31 (lost) and ties that start on 2021-06-01 (gained) — compared on
FROM = 2020-06-01 and TO = 2022-01-01. Per layer the ties gained, lost and kept and their
Jaccard stability are worked out from the planted sets; the network figures (density over
the arcs, an undirected tie two; weak components; mean number of distinct partners) with
NetworkX on the graph of the ties holding on each date. `ws1_followup` is the same network
on TO as a second workspace without dates, with two actors of ws1 gone and two new ones: the
two-workspace form must agree with the date form on the ties among shared actors and list the
actors only one side has.

Fragmentation (Borgatti 2006): random graphs G(n, p) with n from 3 to 24 and p low enough
that most are disconnected, each node removed in turn and the remaining graph measured by
brute force with NetworkX: F = 1 - sum_k s_k(s_k - 1) / (n'(n' - 1)) over
`connected_components`, DF = 1 - sum_{i != j} 1/d_ij / (n'(n' - 1)) over
`all_pairs_shortest_path_length`.

With networkx==3.6.1 (see requirements.txt); versions recorded in the expected file.

    python3 tests/oracle/diff.py           # (re)write the workspaces and diff/expected.json
    python3 tests/oracle/diff.py --check   # compare with the committed files (exit 1 if not equal)
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import sys
from pathlib import Path

import networkx as nx

HERE = Path(__file__).resolve().parent / "diff"
FROM, TO = "2020-06-01", "2022-01-01"
END, START = "2020-12-31", "2021-06-01"
SECTORS = ["government", "business", "knowledge", "civil_society"]
LEVELS = ["national", "provincial", "regional", "municipal"]
LAYERS = {"funding": True, "collaboration": False}
TOLERANCE = 1e-9


def csv_text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def workspace(seed: int) -> tuple[dict[str, str], dict, dict[str, str]]:
    rng = random.Random(seed)
    n = 30
    actors = [f"a{i:02d}" for i in range(n)]
    actor_rows = [["id", "name", "sector", "level"]] + [
        [a, f"Actor {a}", rng.choice(SECTORS), rng.choice(LEVELS)] for a in actors
    ]
    relations = [["source", "target", "layer", "directed", "since", "until"]]
    planted: dict[str, dict[str, set]] = {}
    for layer, directed in LAYERS.items():
        sets = {"kept": set(), "lost": set(), "gained": set()}
        used = set()
        while sum(len(s) for s in sets.values()) < 36:
            u, v = rng.sample(actors[:26], 2)  # a26..a29 stay without ties
            key = (u, v) if directed else tuple(sorted((u, v)))
            if key in used:
                continue
            used.add(key)
            kind = rng.choice(["kept", "kept", "lost", "gained"])
            sets[kind].add(key)
            since = START if kind == "gained" else ""
            until = END if kind == "lost" else ""
            relations.append([u, v, layer, "true" if directed else "false", since, until])
        planted[layer] = sets
    files = {"actors.csv": csv_text(actor_rows), "relations.csv": csv_text(relations)}
    follow = None
    if seed == 1:
        gone = {"a26", "a27"}  # tieless, so the ties among shared actors are the same
        follow_actors = [r for r in actor_rows if r[0] not in gone] + [
            ["b01", "New b01", "knowledge", "regional"],
            ["b02", "New b02", "business", "regional"],
        ]
        follow_rel = [["source", "target", "layer", "directed"]]
        for layer, directed in LAYERS.items():
            for key in sorted(planted[layer]["kept"] | planted[layer]["gained"]):
                follow_rel.append([key[0], key[1], layer, "true" if directed else "false"])
        follow = {"actors.csv": csv_text(follow_actors), "relations.csv": csv_text(follow_rel)}
    return files, planted, follow


def graph_on(planted: dict, actors: list[str], when: str) -> nx.DiGraph:
    g = nx.DiGraph()
    g.add_nodes_from(actors)
    for layer, directed in LAYERS.items():
        sets = planted[layer]
        ties = sets["kept"] | (sets["lost"] if when == "before" else sets["gained"])
        for u, v in ties:
            g.add_edge(u, v)
            if not directed:
                g.add_edge(v, u)
    return g


def figures(g: nx.DiGraph) -> dict:
    n = g.number_of_nodes()
    partners = [len(set(g.predecessors(v)) | set(g.successors(v))) for v in g]
    return {
        "actors": n,
        "density": nx.density(g),
        "weak_components": nx.number_weakly_connected_components(g),
        "mean_degree": sum(partners) / n,
    }


def diff_expected(seed: int, planted: dict) -> dict:
    actors = [f"a{i:02d}" for i in range(30)]
    layers = {}
    for layer in LAYERS:
        s = planted[layer]
        union = len(s["kept"]) + len(s["lost"]) + len(s["gained"])
        layers[layer] = {
            "gained": sorted(list(t) for t in s["gained"]),
            "lost": sorted(list(t) for t in s["lost"]),
            "kept": len(s["kept"]),
            "jaccard": len(s["kept"]) / union,
        }
    return {
        "layers": layers,
        "before": figures(graph_on(planted, actors, "before")),
        "after": figures(graph_on(planted, actors, "after")),
    }


def fragmentation_cases() -> list[dict]:
    rng = random.Random(2006)
    cases = []
    for index in range(40):
        n = rng.randint(3, 24)
        p = rng.choice([0.05, 0.1, 0.15, 0.25, 0.4])
        g = nx.gnp_random_graph(n, p, seed=rng.randint(0, 10**9))
        edges = sorted([min(u, v), max(u, v)] for u, v in g.edges())

        def measures(h: nx.Graph) -> tuple[float | None, float | None]:
            m = h.number_of_nodes()
            if m < 2:
                return None, None
            pairs = m * (m - 1)
            f = 1 - sum(len(c) * (len(c) - 1) for c in nx.connected_components(h)) / pairs
            inverse = sum(
                1 / d for s, ds in nx.all_pairs_shortest_path_length(h) for t, d in ds.items() if s != t
            )
            return f, 1 - inverse / pairs

        whole = measures(g)
        per_node = []
        for v in range(n):
            h = g.copy()
            h.remove_node(v)
            f, df = measures(h)
            per_node.append({"fragmentation": f, "distance_fragmentation": df})
        cases.append({
            "n": n,
            "p": p,
            "edges": edges,
            "components": nx.number_connected_components(g),
            "fragmentation": whole[0],
            "distance_fragmentation": whole[1],
            "removed": per_node,
        })
    return cases


def build() -> tuple[dict[Path, str], dict]:
    files: dict[Path, str] = {}
    expected = {"versions": {"networkx": nx.__version__, "python": sys.version.split()[0]},
                "from": FROM, "to": TO, "workspaces": {}}
    for seed in (1, 2, 3):
        ws, planted, follow = workspace(seed)
        for name, text in ws.items():
            files[HERE / f"ws{seed}" / name] = text
        expected["workspaces"][f"ws{seed}"] = diff_expected(seed, planted)
        if follow:
            for name, text in follow.items():
                files[HERE / f"ws{seed}_followup" / name] = text
            expected["followup"] = {
                "baseline_on": FROM,
                "only_before": ["a26", "a27"],
                "only_after": ["b01", "b02"],
            }
    expected["fragmentation"] = fragmentation_cases()
    files[HERE / "expected.json"] = json.dumps(expected, indent=1, sort_keys=True) + "\n"
    return files, expected


def close(a, b) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(close(a[k], b[k]) for k in a if k != "versions")
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(close(x, y) for x, y in zip(a, b))
    if isinstance(a, float) or isinstance(b, float):
        return a is not None and b is not None and abs(a - b) <= TOLERANCE * max(1.0, abs(a), abs(b))
    return a == b


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed files")
    args = parser.parse_args()
    files, expected = build()
    if args.check:
        bad = []
        for path, text in files.items():
            if path.name == "expected.json":
                committed = json.loads(path.read_text()) if path.exists() else None
                if committed is None or not close(committed, expected):
                    bad.append(path)
            elif not path.exists() or path.read_text() != text:
                bad.append(path)
        for path in bad:
            print(f"{path.relative_to(HERE.parent.parent.parent)}: differs from the oracle", file=sys.stderr)
        return 1 if bad else 0
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
