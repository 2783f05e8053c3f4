#!/usr/bin/env python3
"""Checks that NetworkX reads the timeline of `stakenet export --format gexf` back as the
workspace's dates: the dynamic GEXF for Gephi's timeline.

Usage: gexf_dynamic.py [--stakenet BINARY]

Without --stakenet the script runs `cargo run --release --quiet -- export ...` from the
repository root (as .ci/run does); the Rust test `export_timeline` passes the binary it built.
It exports fixtures/twente-analyst (since and until on ties and memberships, two ended ties,
coalitions with a start and an end) and the bundled Regio Deals (no workspace argument: since
only, coalitions with a start), both with --mixed directed, because NetworkX refuses graphs with
directed and undirected edges. It reads each GEXF with `networkx.read_gexf` and the workspace's
CSV files with the csv module, and checks, exactly:

1. The graph is dynamic (`G.graph["mode"] == "dynamic"`).
2. Every relation (edge `r<i>`, row i of relations.csv) and membership (edge `m<i>`, row i of
   members.csv) has `start` = its `since` and `end` = its `until`, each absent when the cell is
   empty; no other edge.
3. Every coalition node (`coalition:<id>`) has `start`/`end` = coalitions.csv `start`/`end`.
4. Every actor node has the span of its ties, computed here from the rows: the earliest `since`
   and the latest `until` of the relations it is an end of and the memberships it has; a side is
   absent when any of those rows leaves it empty, both when the actor has no row.
5. Gephi hides an edge while an end is absent: every edge's interval lies within its actor
   ends' intervals (so no tie disappears while it holds).
6. `--no-timeline`: the same workspace read back static, no node or edge with `start`/`end`;
   a workspace without dates (fixtures/knoke) is static without the flag.

Dates are YYYY-MM-DD text, so comparing them as strings orders them as days. Prints one line
per check and exits with 1 on any mismatch.
"""

import argparse
import csv
import io
import subprocess
import sys
import tempfile
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[2]

failures = []


def check(condition, what):
    print(("ok    " if condition else "FAIL  ") + what)
    if not condition:
        failures.append(what)


def read_table(path):
    """Rows of a workspace CSV file as dicts with lower-case keys; [] when the file is absent."""
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8-sig")
    header = text.splitlines()[0]
    delimiter = max([",", ";", "\t"], key=header.count)
    rows = []
    for row in csv.DictReader(io.StringIO(text), delimiter=delimiter):
        row = {key.strip().lower(): (value or "").strip() for key, value in row.items()}
        if any(row.values()):
            rows.append(row)
    return rows


def interval(start, end):
    """The read-back form of an interval: {"start": .., "end": ..} without the empty sides."""
    return {k: v for k, v in (("start", start), ("end", end)) if v}


def expectation(folder):
    """Edges {id: interval} and nodes {id: interval} of a workspace folder, from its rows."""
    edges, spans = {}, {}

    def widen(actor, since, until):
        if actor not in spans:
            spans[actor] = [since, until]
        else:
            span = spans[actor]
            span[0] = min(span[0], since) if span[0] and since else ""
            span[1] = max(span[1], until) if span[1] and until else ""

    for i, r in enumerate(read_table(folder / "relations.csv")):
        since, until = r.get("since", ""), r.get("until", "")
        edges[f"r{i}"] = interval(since, until)
        widen(r["source"], since, until)
        widen(r["target"], since, until)
    for i, m in enumerate(read_table(folder / "members.csv")):
        since, until = m.get("since", ""), m.get("until", "")
        edges[f"m{i}"] = interval(since, until)
        widen(m["actor"], since, until)
    nodes = {}
    for a in read_table(folder / "actors.csv"):
        nodes[a["id"]] = interval(*spans.get(a["id"], ["", ""]))
    for c in read_table(folder / "coalitions.csv"):
        node_id = "coalition:" + c["id"]
        assert node_id not in nodes, "the script assumes coalition ids do not clash"
        nodes[node_id] = interval(c.get("start", ""), c.get("end", ""))
    return nodes, edges


def export(stakenet, workspace, out, *flags):
    command = [stakenet] if stakenet else ["cargo", "run", "--release", "--quiet", "--"]
    command.append("export")
    if workspace is not None:
        command.append(str(workspace))
    command += ["--format", "gexf", "--mixed", "directed", "-o", str(out), *flags]
    subprocess.run(command, cwd=ROOT, check=True)
    return out


def spells(data):
    return {k: data[k] for k in ("start", "end") if k in data}


def check_dynamic(graph, folder, name):
    nodes, edges = expectation(folder)
    check(graph.graph.get("mode") == "dynamic", f"{name}: mode is dynamic")
    found_edges = {data["id"]: spells(data) for _, _, data in graph.edges(data=True)}
    check(set(found_edges) == set(edges), f"{name}: {len(found_edges)} edges, one per relation and membership")
    for kind, prefix in (("relation", "r"), ("membership", "m")):
        wrong = [(e, found_edges.get(e), want) for e, want in edges.items()
                 if e.startswith(prefix) and found_edges.get(e) != want]
        dated = sum(1 for e, want in edges.items() if e.startswith(prefix) and want)
        ended = sum(1 for e, want in edges.items() if e.startswith(prefix) and "end" in want)
        check(not wrong, f"{name}: every {kind}'s start/end is its since/until "
              f"({dated} dated, {ended} ended) {wrong[:3]}")
    found_nodes = {n: spells(data) for n, data in graph.nodes(data=True)}
    check(set(found_nodes) == set(nodes), f"{name}: {len(found_nodes)} nodes")
    coalitions = {n: w for n, w in nodes.items() if n.startswith("coalition:")}
    wrong = [(n, found_nodes.get(n), w) for n, w in coalitions.items() if found_nodes.get(n) != w]
    check(not wrong, f"{name}: every coalition's start/end is its term ({len(coalitions)}) {wrong[:3]}")
    actors = {n: w for n, w in nodes.items() if not n.startswith("coalition:")}
    wrong = [(n, found_nodes.get(n), w) for n, w in actors.items() if found_nodes.get(n) != w]
    spelled = sum(1 for w in actors.values() if w)
    check(not wrong, f"{name}: every actor spans its ties ({spelled} of {len(actors)} with a spell) {wrong[:3]}")
    hidden = []
    for u, v, data in graph.edges(data=True):
        tie = spells(data)
        for end in (u, v):
            if end.startswith("coalition:"):
                continue
            node = found_nodes[end]
            if ("start" in node and (tie.get("start") is None or tie["start"] < node["start"])) or (
                "end" in node and (tie.get("end") is None or tie["end"] > node["end"])
            ):
                hidden.append((data["id"], end))
    check(not hidden, f"{name}: every tie lies within its actors' spells {hidden[:3]}")


def check_static(graph, name):
    check(graph.graph.get("mode") == "static", f"{name}: mode is static")
    timed = [n for n, d in graph.nodes(data=True) if spells(d)]
    timed += [d["id"] for _, _, d in graph.edges(data=True) if spells(d)]
    check(not timed, f"{name}: no start or end {timed[:3]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stakenet", help="the stakenet binary (default: cargo run --release)")
    args = parser.parse_args()
    print(f"networkx {nx.__version__}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        twente = ROOT / "fixtures" / "twente-analyst"
        for name, workspace, folder in (
            ("twente-analyst", twente, twente),
            ("bundled regio-deals", None, ROOT / "fixtures" / "regio-deals"),
        ):
            out = export(args.stakenet, workspace, tmp / f"{folder.name}.gexf")
            check_dynamic(nx.read_gexf(out), folder, name)
        out = export(args.stakenet, twente, tmp / "static.gexf", "--no-timeline")
        check_static(nx.read_gexf(out), "twente-analyst --no-timeline")
        out = export(args.stakenet, ROOT / "fixtures" / "knoke", tmp / "knoke.gexf")
        check_static(nx.read_gexf(out), "knoke (no dates)")
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("every timeline check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
