#!/usr/bin/env python3
"""Independent oracle for `stakenet twomode` and the `comembership` layers (issue 21): the
Borgatti-Everett two-mode measures and the one-mode projections of the actors x coalitions
network.

The two-mode data, as the README defines it: a membership counts when the member is a party (any
role but `programme`) and it holds on the date (`since` <= date <= `until`; every membership when
no date is asked for); its actor must be in the scope (all actors; or a coalition's members of
any role on the date plus their units: actors below a member whose every step up keeps the level,
or has none); with `level`, an actor stands for its topmost ancestor at that level (itself
included; itself when its chain has none). An (actor, coalition) pair counts once. The actor mode
is the actors with a membership, the coalition mode the coalitions with a member.

NetworkX (networkx==3.6.1, see requirements.txt) computes on that bipartite graph, with the
actors as `nodes`: `bipartite.degree_centrality`, `bipartite.closeness_centrality`
(normalized=True), `bipartite.betweenness_centrality` (Borgatti & Everett 1997),
`bipartite.weighted_projected_graph` (the coalitions a pair shares: the `comembership` layer)
and `bipartite.collaboration_weighted_projected_graph` (Newman 2001: the sum over the shared
coalitions of 1 / (n_k - 1): `comembership-newman`), with each actor's weighted degree on both
projections (`G.degree(weight="weight")`: the strength `centrality` reports on those layers).

Cases: the bundled Regio Deals (fixtures/regio-deals) with every membership, on 2020-01-01
(deals of later tranches not yet signed), folded to the national level, and in the scope of
rd_twente (its members and their units, with all their coalitions); seeded random workspaces
written to twomode/<name>/: one connected, one in several parts (with a lone actor-coalition
pair), both with units folded by --level provincial, roles `programme` (left out), actors with
two roles in one coalition, memberships that ended or had not started on the date.

    python3 tests/oracle/twomode.py           # (re)write twomode/ and twomode/expected.json
    python3 tests/oracle/twomode.py --check   # compare with the committed files (exit 1 if not)
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import sys
from datetime import date
from pathlib import Path

import networkx as nx
from networkx.algorithms import bipartite

from oracle_files import rounded

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent / "twomode"
TOLERANCE = 1e-9
ROLES = ["signatory", "lead", "involved", "project_partner", "steering_group"]
LEVELS = ["provincial", "municipal"]


def tables(texts: dict[str, str]) -> dict[str, list[dict[str, str]]]:
    """The rows of each CSV file of a workspace, read from their texts."""
    return {name: list(csv.DictReader(io.StringIO(text))) for name, text in texts.items()}


def folder_texts(folder: Path) -> dict[str, str]:
    return {
        name: (folder / name).read_text(encoding="utf-8-sig")
        for name in ("actors.csv", "coalitions.csv", "members.csv")
    }


def day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def holds(row: dict[str, str], on: date | None) -> bool:
    if on is None:
        return True
    since, until = day(row.get("since")), day(row.get("until"))
    return (since is None or since <= on) and (until is None or on <= until)


def two_mode(workspace: dict, options: dict) -> tuple[nx.Graph, list, list]:
    """The bipartite graph of `options` (at, level, coalition) on the workspace's tables:
    nodes ("actor", id) and ("coalition", id)."""
    actors = {a["id"]: a for a in workspace["actors.csv"]}
    members = workspace["members.csv"]
    on = day(options.get("at"))

    def chain(actor: str) -> list[str]:
        out = []
        while actor:
            out.append(actor)
            actor = actors[actor].get("parent") or ""
        return out

    in_scope = set(actors)
    if "coalition" in options:
        marked = {m["actor"] for m in members if m["coalition"] == options["coalition"] and holds(m, on)}
        in_scope = set(marked)
        for actor in actors:
            steps = chain(actor)
            for below, above in zip(steps, steps[1:]):
                level = actors[below].get("level")
                if level and level != actors[above].get("level"):
                    break
                if above in marked:
                    in_scope.add(actor)
                    break

    def fold(actor: str) -> str:
        if "level" not in options:
            return actor
        at_level = [a for a in chain(actor) if actors[a].get("level") == options["level"]]
        return at_level[-1] if at_level else actor

    b = nx.Graph()
    for m in members:
        if m["role"] != "programme" and holds(m, on) and m["actor"] in in_scope:
            b.add_edge(("actor", fold(m["actor"])), ("coalition", m["coalition"]))
    top = sorted(n for n in b if n[0] == "actor")
    bottom = sorted(n for n in b if n[0] == "coalition")
    return b, top, bottom


def expected(workspace: dict, options: dict) -> dict:
    b, top, bottom = two_mode(workspace, options)
    degree = bipartite.degree_centrality(b, top)
    closeness = bipartite.closeness_centrality(b, top, normalized=True)
    betweenness = bipartite.betweenness_centrality(b, top)

    def scores(nodes: list) -> dict:
        return {
            n[1]: {
                "degree": b.degree(n),
                "degree_centrality": degree[n],
                "closeness": closeness[n],
                "betweenness": betweenness[n],
            }
            for n in nodes
        }

    projections = {
        "comembership": bipartite.weighted_projected_graph(b, top),
        "comembership-newman": bipartite.collaboration_weighted_projected_graph(b, top),
    }
    return {
        "options": options,
        "memberships": b.number_of_edges(),
        "components": nx.number_connected_components(b),
        "actors": scores(top),
        "coalitions": scores(bottom),
        "projections": {
            name: {
                "ties": sorted([min(u[1], v[1]), max(u[1], v[1]), w] for u, v, w in g.edges(data="weight")),
                "strength": {n[1]: s for n, s in g.degree(weight="weight")},
            }
            for name, g in projections.items()
        },
    }


def csv_text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def random_workspace(seed: int, parts: int) -> dict[str, str]:
    """Actors (a third of them units of another actor, at its level or below it) in `parts`
    groups, each group with its own coalitions, each actor a party to one to three of its
    group's coalitions; some with two roles in one coalition, some only the programme of one,
    some memberships ended on 2020-12-31 or starting on 2022-01-01; a few actors in none. With
    more than one part, a last coalition of one member: a part of two nodes."""
    rng = random.Random(seed)
    actors = [["id", "name", "sector", "level", "parent"]]
    coalitions = [["id", "name"]]
    members = [["coalition", "actor", "role", "since", "until"]]
    n_actors, n_coalitions = 36, 9
    ids = [f"a{i:02d}" for i in range(n_actors)]
    for i, actor in enumerate(ids):
        level = rng.choice(LEVELS)
        parent = ""
        if i >= 6 and rng.random() < 0.33:
            parent = ids[rng.randrange(i)]
        actors.append([actor, f"Actor {i}", "government", level, parent])
    groups = [[c for c in range(n_coalitions) if c % parts == g] for g in range(parts)]
    for c in range(n_coalitions):
        coalitions.append([f"k{c}", f"Coalition {c}"])
    for i, actor in enumerate(ids):
        group = groups[i % parts]
        if rng.random() < 0.08:
            continue  # in no coalition
        for c in rng.sample(group, min(len(group), rng.randint(1, 3))):
            roll = rng.random()
            since, until = "", ""
            if roll < 0.1:
                until = "2020-12-31"
            elif roll < 0.2:
                since = "2022-01-01"
            role = rng.choice(ROLES)
            members.append([f"k{c}", actor, role, since, until])
            if rng.random() < 0.1:
                second = "steering_group" if role != "steering_group" else "lead"
                members.append([f"k{c}", actor, second, "", ""])
        if rng.random() < 0.1:
            members.append([f"k{rng.choice(group)}", actor, "programme", "", ""])
    if parts > 1:
        actors.append(["lone", "Lone actor", "business", "", ""])
        coalitions.append(["k_lone", "Coalition of one"])
        members.append(["k_lone", "lone", "signatory", "", ""])
    return {
        "actors.csv": csv_text(actors),
        "coalitions.csv": csv_text(coalitions),
        "members.csv": csv_text(members),
    }


def build() -> tuple[dict[Path, str], dict]:
    files: dict[Path, str] = {}
    result = {
        "versions": {"networkx": nx.__version__, "python": sys.version.split()[0]},
        "cases": {},
    }
    deals = tables(folder_texts(ROOT / "fixtures" / "regio-deals"))
    for name, options in [
        ("regio_deals", {}),
        ("regio_deals_2020", {"at": "2020-01-01"}),
        ("regio_deals_national", {"level": "national"}),
        ("regio_deals_twente", {"coalition": "rd_twente"}),
    ]:
        case = expected(deals, options)
        case["workspace"] = "fixtures/regio-deals"
        result["cases"][name] = case
    for name, seed, parts in [("connected", 21, 1), ("parts", 22, 3)]:
        texts = random_workspace(seed, parts)
        for file, text in texts.items():
            files[HERE / name / file] = text
        # The cases read the files as written (under --check, before they are compared).
        workspace = tables(texts)
        for suffix, options in [
            ("", {}),
            ("_2021", {"at": "2021-06-01"}),
            ("_provincial", {"level": "provincial", "at": "2021-06-01"}),
        ]:
            case = expected(workspace, options)
            case["workspace"] = f"tests/oracle/twomode/{name}"
            result["cases"][name + suffix] = case
    if result["cases"]["parts"]["components"] < 3 or result["cases"]["connected"]["components"] != 1:
        raise SystemExit("a random case is not in the parts it should be; choose another seed")
    files[HERE / "expected.json"] = json.dumps(rounded(result), indent=1, sort_keys=True) + "\n"
    return files, result




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
    files, result = build()
    print(f"networkx {nx.__version__}, python {sys.version.split()[0]}")
    if args.check:
        bad = []
        for path, text in files.items():
            if path.name == "expected.json":
                committed = json.loads(path.read_text()) if path.exists() else None
                if committed is None or not close(committed, json.loads(text)):
                    bad.append(path)
            elif not path.exists() or path.read_text() != text:
                bad.append(path)
        for path in bad:
            print(f"{path.relative_to(ROOT)}: differs from the oracle", file=sys.stderr)
        if not bad:
            print("twomode oracle: the committed files are up to date")
        return 1 if bad else 0
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
