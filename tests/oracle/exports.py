#!/usr/bin/env python3
"""Checks that graph tools read stakenet's GraphML and GEXF exports: NetworkX (the parser
stakenet's users most often script against) and Python's own XML parser.

For the bundled workspace (fixtures/regio-deals) and fixtures/tiny, the script runs
`cargo run --release --quiet -- export ...` into a temporary folder and compares what the
readers find with what it computes itself from the CSV files:

- nodes: every actor id plus `coalition:<id>` for every coalition, each with its name as label;
- edges: every relation, then every membership (actor -> coalition), in file order, each with
  its direction (the `directed` column, else `collaboration` undirected and every other layer
  directed; memberships undirected).

Checks:
1. The default export, parsed with xml.etree: the node ids and labels, and per edge its source,
   target and direction (GraphML `directed`, GEXF `type`).
2. NetworkX (`read_graphml`, `read_gexf`) on the default export when the network is not mixed,
   and on `--mixed directed` always (NetworkX refuses graphs with both directed and undirected
   edges): numbers of nodes and edges, directedness, labels, and the `directed` edge attribute.
3. A workspace made here whose names hold markup, quotes, a backslash, a line break, a control
   character and a right-to-left override: NetworkX reads every name back as text (the control
   character as U+FFFD, which is what XML can hold).

Prints one line per check and exits with 1 on any mismatch.
"""

import csv
import io
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[2]
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
GEXF = "{http://gexf.net/1.3}"
NASTY = "<script>alert(1)</script> & \"double\" 'single' back\\slash\nline two \x01 \u202emirrored"

failures = []


def check(condition, what):
    print(("ok    " if condition else "FAIL  ") + what)
    if not condition:
        failures.append(what)


def xml_text(text):
    """What XML 1.0 can hold: the characters it cannot become U+FFFD."""
    bad = set(range(0x00, 0x09)) | {0x0B, 0x0C} | set(range(0x0E, 0x20)) | {0xFFFE, 0xFFFF}
    return "".join("\ufffd" if ord(c) in bad else c for c in text)


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


def expectation(folder):
    """Nodes {id: label} and edges [(source, target, directed)] of a workspace folder."""
    actors = read_table(folder / "actors.csv")
    coalitions = read_table(folder / "coalitions.csv")
    nodes = {a["id"]: a.get("name", "") for a in actors}
    for c in coalitions:
        node_id = "coalition:" + c["id"]
        assert node_id not in nodes, "the script assumes coalition ids do not clash"
        nodes[node_id] = c.get("name", "")
    edges = []
    for r in read_table(folder / "relations.csv"):
        layer = r.get("layer") or "collaboration"
        cell = r.get("directed", "").lower()
        if cell in ("true", "yes", "1"):
            directed = True
        elif cell in ("false", "no", "0"):
            directed = False
        else:
            directed = layer.lower() != "collaboration"
        edges.append((r["source"], r["target"], directed))
    for m in read_table(folder / "members.csv"):
        edges.append((m["actor"], "coalition:" + m["coalition"], False))
    return nodes, edges


def export(workspace, fmt, out, mixed=None):
    command = ["cargo", "run", "--release", "--quiet", "--", "export"]
    if workspace is not None:
        command.append(str(workspace))
    command += ["--format", fmt, "-o", str(out)]
    if mixed:
        command += ["--mixed", mixed]
    subprocess.run(command, cwd=ROOT, check=True)
    return out


def parsed_with_etree(path, fmt):
    """Nodes {id: label} and edges [(source, target, directed)] as the XML says."""
    root = ET.parse(path).getroot()
    nodes, edges = {}, []
    if fmt == "graphml":
        keys = {k.get("id"): k.get("attr.name") for k in root.iter(GRAPHML + "key")}
        graph = root.find(GRAPHML + "graph")
        default = graph.get("edgedefault") == "directed"
        for node in graph.iter(GRAPHML + "node"):
            data = {keys[d.get("key")]: d.text or "" for d in node.iter(GRAPHML + "data")}
            nodes[node.get("id")] = data.get("label", "")
        for edge in graph.iter(GRAPHML + "edge"):
            directed = edge.get("directed", "true" if default else "false") == "true"
            edges.append((edge.get("source"), edge.get("target"), directed))
    else:
        graph = root.find(GEXF + "graph")
        default = graph.get("defaultedgetype", "undirected")
        for node in graph.iter(GEXF + "node"):
            nodes[node.get("id")] = node.get("label", "")
        for edge in graph.iter(GEXF + "edge"):
            edges.append((edge.get("source"), edge.get("target"), edge.get("type", default) == "directed"))
    return nodes, edges


def read_with_networkx(path, fmt):
    return nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)


def check_networkx(graph, nodes, edges, name, directed_attribute):
    check(graph.number_of_nodes() == len(nodes), f"{name}: {graph.number_of_nodes()} nodes, expected {len(nodes)}")
    check(graph.number_of_edges() == len(edges), f"{name}: {graph.number_of_edges()} edges, expected {len(edges)}")
    any_directed = any(d for _, _, d in edges)
    check(graph.is_directed() == any_directed, f"{name}: directed graph is {graph.is_directed()}, expected {any_directed}")
    labels = {n: graph.nodes[n].get("label") for n in graph.nodes}
    expected_labels = {n: xml_text(label) for n, label in nodes.items()}
    check(labels == expected_labels, f"{name}: every node id and label as in the CSV files")
    if directed_attribute:
        found = sorted(
            (u, v, d["directed"]) if graph.is_directed() else (*sorted((u, v)), d["directed"])
            for u, v, d in graph.edges(data=True)
        )
        wanted = sorted(
            (u, v, d) if graph.is_directed() else (*sorted((u, v)), d) for u, v, d in edges
        )
        check(found == wanted, f"{name}: every edge with its `directed` attribute")


def check_workspace(label, workspace, folder, tmp):
    nodes, edges = expectation(folder)
    directions = {d for _, _, d in edges}
    mixed = len(directions) == 2
    print(f"== {label}: {len(nodes)} nodes, {len(edges)} edges, {'mixed' if mixed else 'not mixed'}")
    for fmt in ("graphml", "gexf"):
        path = export(workspace, fmt, tmp / f"{label}.{fmt}")
        found_nodes, found_edges = parsed_with_etree(path, fmt)
        check(found_nodes == {n: xml_text(l) for n, l in nodes.items()}, f"{label}.{fmt} (xml.etree): node ids and labels")
        check(found_edges == edges, f"{label}.{fmt} (xml.etree): {len(found_edges)} edges with source, target and direction in order")
        if not mixed:
            check_networkx(read_with_networkx(path, fmt), nodes, edges, f"{label}.{fmt} (NetworkX)", False)
        path = export(workspace, fmt, tmp / f"{label}-directed.{fmt}", mixed="directed")
        check_networkx(read_with_networkx(path, fmt), nodes, edges, f"{label} --mixed directed .{fmt} (NetworkX)", True)


def write_nasty_workspace(folder):
    folder.mkdir()
    tables = {
        "actors.csv": [["id", "name", "sector"], ["nasty", NASTY, "government"], ["plain", "Plain & simple", "business"]],
        "relations.csv": [["source", "target", "layer"], ["nasty", "plain", "funding"]],
        "coalitions.csv": [["id", "name"], ["deal", NASTY + " deal"]],
        "members.csv": [["coalition", "actor", "role"], ["deal", "plain", "lead"]],
    }
    for file, rows in tables.items():
        with open(folder / file, "w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(rows)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        check_workspace("bundled", None, ROOT / "fixtures" / "regio-deals", tmp)
        check_workspace("tiny", ROOT / "fixtures" / "tiny", ROOT / "fixtures" / "tiny", tmp)
        nasty = tmp / "nasty"
        write_nasty_workspace(nasty)
        check_workspace("nasty", nasty, nasty, tmp)
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("every export check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
