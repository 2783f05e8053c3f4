#!/usr/bin/env python3
"""Independent oracle for the bundled Regio Deal workspace (fixtures/regio-deals): euros per side.

For every deal and two dates (2019-01-01: the first era, LNV's deals of 2018; 2024-12-31: all
five tranches) it sums, from the CSV files alone, the euros that run between the Rijk and the
region inside the deal, per layer that carries amounts (funding, cofinancing):

- the deal's scope on the date: its members whose membership has begun (`since` <= date), plus
  the units below a member at the same level (a parent chain that stays at the member's level);
- the relations in force on the date (`since` <= date) with both ends in the scope;
- an actor is on the Rijk side when the top of its parent chain is `rijk`, else on the region's.

It uses the standard library only (csv, json) and nothing of stakenet. It also checks a few sums
worked by hand from the sources (below, `HAND_WORKED`), so that a slip in the fixture or in this
script shows up as well. Writes `regio_deals/expected.json`; `--check` compares instead and
exits 1 on a difference. Run from anywhere:

    python3 tests/oracle/regio_deals.py            # rewrite the expected file
    python3 tests/oracle/regio_deals.py --check    # compare with the committed file
    python3 tests/oracle/regio_deals.py --summary  # the per-tranche figures of the README
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "fixtures" / "regio-deals"
EXPECTED = Path(__file__).resolve().parent / "regio_deals" / "expected.json"
DATES = ("2019-01-01", "2024-12-31")
EURO_LAYERS = ("cofinancing", "funding")

# Sums worked by hand from the sources (relations_found.csv and coalitions_t45.csv), each with
# the figures it adds: (deal, date, layer, direction) -> euros.
HAND_WORKED = {
    # Zuid- en Oost-Drenthe I: six municipalities 818 868 + 819 870 + 1 142 347 + 3 462 316
    # + 1 959 760 + 1 796 840 = 10 000 001, and the province 10 000 000, into the deal.
    ("rd_zuid_oost_drenthe", "2024-12-31", "cofinancing", "region->region"): 20_000_001,
    # ... and LNV pays the national contribution, 20 000 000, into the deal (derived).
    ("rd_zuid_oost_drenthe", "2024-12-31", "funding", "rijk->region"): 20_000_000,
    # Foodvalley I: Gelderland 33m + Utrecht 10m + 8 municipalities 10m + Ede 7m = 60m.
    ("rd_foodvalley", "2024-12-31", "cofinancing", "region->region"): 60_000_000,
    # Brainport: the Rijk's 25.4m first part + 1.3m for the uitvoeringsorganisatie = 26.7m
    # (stated; not the whole 130m); MRE's 2.4m for the uitvoeringsorganisatie.
    ("rd_brainport", "2024-12-31", "funding", "rijk->region"): 26_700_000,
    ("rd_brainport", "2024-12-31", "funding", "region->region"): 2_400_000,
    # Cleantech: the Rijk 7.5m and Gelderland 4m to Apeldoorn, the kassier. BZK's 15m to
    # Gelderland as regiokassier of Arnhem-Nijmegen (since 2023-11-01) is part of that deal
    # (the relation's `coalition`), so it does not count here, though BZK and Gelderland both
    # sit at Cleantech's table.
    ("rd_cleantech", "2024-12-31", "funding", "rijk->region"): 7_500_000,
    ("rd_cleantech", "2019-01-01", "funding", "rijk->region"): 0,  # signed 2020
    ("rd_cleantech", "2024-12-31", "funding", "region->region"): 4_000_000,
    # Twente II: BZK's 25m national contribution into the deal; the deal's co-financing is
    # not stated (renegotiated), so no region -> region euros.
    ("rd4_twente_ii", "2024-12-31", "funding", "rijk->region"): 25_000_000,
    # Waddeneilanden: the provinces 9m and the islands 9m (the reported 36m does not add up).
    ("rd4_waddeneilanden", "2024-12-31", "cofinancing", "region->region"): 18_000_000,
    # Arnhem-Nijmegen: 15m from BZK to the regiokassier, the province of Gelderland.
    ("rd4_arnhem_nijmegen", "2024-12-31", "funding", "rijk->region"): 15_000_000,
    # ZaanIJ II: of the 20m only Amsterdam-Noord's 10m is stated; the region's 20m.
    ("rd4_zaanij_ii", "2024-12-31", "funding", "rijk->region"): 10_000_000,
    ("rd4_zaanij_ii", "2024-12-31", "cofinancing", "region->region"): 20_000_000,
    # In 2019 the tranche-V deal of Achterhoek had not begun: no euros.
    ("rd5_achterhoek_ii", "2019-01-01", "funding", "rijk->region"): 0,
    # Brainport was signed on 2018-07-06: in force on 2019-01-01.
    ("rd_brainport", "2019-01-01", "funding", "rijk->region"): 26_700_000,
}


def rows(name: str) -> list[dict[str, str]]:
    with open(FIXTURE / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def compute() -> dict:
    actors = {a["id"]: a for a in rows("actors.csv")}
    members = rows("members.csv")
    relations = rows("relations.csv")
    deals = sorted(c["id"] for c in rows("coalitions.csv"))

    def root(actor: str) -> str:
        while actors[actor]["parent"]:
            actor = actors[actor]["parent"]
        return actor

    def side(actor: str) -> str:
        return "rijk" if root(actor) == "rijk" else "region"

    def scope(deal: str, date: str) -> set[str]:
        marked = {m["actor"] for m in members
                  if m["coalition"] == deal and (not m["since"] or m["since"] <= date)}
        covered = set(marked)
        for actor in actors:
            unit = actor
            while actors[unit]["parent"]:
                parent = actors[unit]["parent"]
                level = actors[unit]["level"]
                if level and level != actors[parent]["level"]:
                    break
                if parent in marked:
                    covered.add(actor)
                    break
                unit = parent
        return covered

    result: dict = {"dates": {}}
    for date in DATES:
        per_deal = {}
        for deal in deals:
            inside = scope(deal, date)
            flows: dict[str, dict[str, float]] = {}
            for layer in EURO_LAYERS:
                sums: dict[str, float] = defaultdict(float)
                for r in relations:
                    if r["layer"] != layer or (r["since"] and r["since"] > date):
                        continue
                    # a tie that is part of another deal does not count in this one
                    if r["coalition"] and r["coalition"] != deal:
                        continue
                    if r["source"] in inside and r["target"] in inside:
                        sums[f"{side(r['source'])}->{side(r['target'])}"] += float(r["amount"])
                if sums:
                    flows[layer] = {k: sums[k] for k in sorted(sums)}
            per_deal[deal] = {"members_in_scope": len(inside), "flows": flows}
        result["dates"][date] = per_deal
    return result


def hand_checks(result: dict) -> list[str]:
    problems = []
    for (deal, date, layer, direction), euros in sorted(HAND_WORKED.items()):
        got = result["dates"][date][deal]["flows"].get(layer, {}).get(direction, 0.0)
        if got != euros:
            problems.append(f"{deal} {date} {layer} {direction}: computed {got}, worked by hand {euros}")
    return problems


def summary() -> None:
    """Per tranche: national money, deals with a non-government signatory, national share."""
    actors = {a["id"]: a for a in rows("actors.csv")}
    deals = rows("coalitions.csv")
    members = rows("members.csv")
    by_id = {d["id"]: d for d in deals}
    sectors = defaultdict(set)  # deal -> sectors at the table (members of any role; hybrid none)
    nongov_signatory = set()
    for m in members:
        kind = actors[m["actor"]]["kind"]
        if kind in ("deal", "joint_parties"):
            continue  # bookkeeping nodes of the fixture, not parties
        sector = actors[m["actor"]]["sector"]
        if sector != "hybrid":
            sectors[m["coalition"]].add(sector)
        if m["role"] == "signatory" and sector != "government":
            nongov_signatory.add(m["coalition"])
    for tranche in "12345":
        ds = [d for d in deals if d["tranche"] == tranche]
        national = sum(int(d["national_contribution"]) for d in ds)
        stated = [d for d in ds if d["cofinancing"]]
        n_st = sum(int(d["national_contribution"]) for d in stated)
        c_st = sum(int(d["cofinancing"]) for d in stated)
        partijen = {m["coalition"] for m in members if m["evidence"] == "partijen"}
        print(f"tranche {tranche}: {len(ds)} deals, national {national}, "
              f"non-government signatory {sum(1 for d in ds if d['id'] in nongov_signatory)}/{len(ds)}, "
              f"with a partijen list {sum(1 for d in ds if d['id'] in partijen)}, "
              f"co-financing stated {len(stated)}: national share {n_st / (n_st + c_st) if stated else 0:.3f} "
              f"({n_st} vs {c_st})")
    print("returning regions (later deal: sectors at the table, first deal: sectors):")
    for d in sorted(deals, key=lambda d: d["id"]):
        if d["follows"]:
            first = by_id[d["follows"]]
            print(f"  {d['id']}: {sorted(sectors[d['id']])} vs {first['id']}: {sorted(sectors[first['id']])}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed file")
    parser.add_argument("--summary", action="store_true", help="print the per-tranche figures")
    args = parser.parse_args()
    if args.summary:
        summary()
        return 0
    result = compute()
    problems = hand_checks(result)
    for problem in problems:
        print(f"hand-worked sum differs: {problem}", file=sys.stderr)
    if problems:
        return 1
    text = json.dumps(result, indent=1, sort_keys=True) + "\n"
    if args.check:
        if not EXPECTED.is_file() or EXPECTED.read_text(encoding="utf-8") != text:
            print(f"check: {EXPECTED.name} differs from a fresh computation", file=sys.stderr)
            return 1
        print(f"check: {EXPECTED.name} is up to date; {len(HAND_WORKED)} hand-worked sums agree")
        return 0
    EXPECTED.write_text(text, encoding="utf-8")
    print(f"wrote {EXPECTED.relative_to(ROOT)}; {len(HAND_WORKED)} hand-worked sums agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
