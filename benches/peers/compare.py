#!/usr/bin/env python3
"""Side-by-side timings of stakenet and its peers on the same generated graphs.

Runs stakenet as a whole process (load, validate, view, compute, write) and each peer —
igraph, networkit, rustworkx, NetworkX — in its own Python process that loads the same graph
first (not timed) and then times the algorithm call alone. Checks that the numbers agree and
prints a Markdown table of times, peak memory and ratios (stakenet / peer).

    python3 benches/peers/compare.py                 # the PERFORMANCE.md cases
    python3 benches/peers/compare.py --quick         # small sizes, a smoke test
    python3 benches/peers/compare.py --threads 2 --networkx
    python3 benches/peers/compare.py --only pagerank --only load   # some parts only
    python3 benches/peers/compare.py --only pagerank --repeat 5     # medians of 5 runs
    python3 benches/peers/compare.py --only xlsx --work peers-work   # a workbook; reruns reuse it

With --repeat N each tool runs once untimed (a warm-up, as hyperfine's --warmup) and then N
times in a row; the table shows the median time and the largest peak memory. The warm-up
matters on virtual machines whose host takes back memory another process just freed: the next
process to touch that memory pays for it again (on the reference machine about 0.4 s for
stakenet's PageRank case, right after a peer's 500 MB process).

The workbook case (`xlsx`) writes the generated workspace once as an .xlsx workbook with
XlsxWriter (sheets actors, relations, coalitions, members; numbers and dates as typed cells),
kept in the work folder, and times `stakenet check WORKBOOK.xlsx` (whole process) against
pandas' `read_excel` of the same four sheets with openpyxl (the call alone).

Peak memory is each process's maximum resident set size (wait4). For peers the Python
interpreter and library baseline (measured after imports, before loading) is subtracted in the
"per relation" column, so the comparison favours the peers.
"""

import argparse
import importlib.util
import csv
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / "target" / "release" / "stakenet"

PEER_CODE = r'''
import json, resource, sys, time
lib, algo, edges_path, n, threads, directed, result_path = sys.argv[1:8]
n = int(n); threads = int(threads); directed = directed == "1"
def rss():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
def resident():
    # The current resident set: the peak above counts what the launching process held when
    # it started this one (Linux carries it over exec), so the baseline is read here instead.
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize()
if lib == "igraph":
    import igraph as ig
elif lib == "networkit":
    import networkit as nk
    nk.setNumberOfThreads(threads)
elif lib == "rustworkx":
    import os; os.environ["RAYON_NUM_THREADS"] = str(threads)
    import rustworkx as rx
elif lib == "networkx":
    import networkx as nx
base = resident()
src, dst, w = [], [], []
t0 = time.perf_counter()
with open(edges_path) as f:
    for line in f:
        a, b, c = line.split()
        src.append(int(a)); dst.append(int(b)); w.append(float(c))
if algo == "load":
    # Each library's own edge-list reader.
    t0 = time.perf_counter()
    if lib == "igraph":
        g = ig.Graph.Read_Ncol(edges_path, names=False, weights=True, directed=directed)
    elif lib == "networkit":
        g = nk.graphio.EdgeListReader(" ", 0, continuous=True, directed=directed).read(edges_path)
    elif lib == "rustworkx":
        g = (rx.PyDiGraph if directed else rx.PyGraph).read_edge_list(edges_path, deliminator=" ")
    elif lib == "networkx":
        g = nx.read_weighted_edgelist(edges_path, create_using=nx.DiGraph if directed else nx.Graph, nodetype=int)
    seconds = time.perf_counter() - t0
    json.dump({"seconds": seconds, "peak": rss(), "base": base, "values": None}, open(result_path, "w"))
    sys.exit(0)
if lib == "igraph":
    g = ig.Graph(n=n, edges=list(zip(src, dst)), directed=directed)
    g.es["weight"] = w
    t0 = time.perf_counter()
    if algo == "betweenness":
        raw = g.betweenness(directed=directed)
        scale = (1 if directed else 2) / ((n - 1) * (n - 2))
        values = [x * scale for x in raw]
    elif algo == "pagerank":
        values = g.pagerank(damping=0.85, weights="weight", directed=directed)
    elif algo == "multilevel":
        g = g.as_undirected(mode="collapse", combine_edges="max") if directed else g.simplify(combine_edges="max")
        t0 = time.perf_counter()
        membership = g.community_multilevel(weights="weight").membership
        values = [g.modularity(membership, weights="weight")]
    elif algo == "leiden":
        g = g.as_undirected(mode="collapse", combine_edges="max") if directed else g.simplify(combine_edges="max")
        t0 = time.perf_counter()
        membership = g.community_leiden(objective_function="modularity", weights="weight", n_iterations=-1).membership
        values = [g.modularity(membership, weights="weight")]
    elif algo == "core":
        g = g.as_undirected(mode="collapse") if directed else g.simplify()
        t0 = time.perf_counter()
        values = g.coreness()
    elif algo == "triads":
        t0 = time.perf_counter()
        values = list(g.triad_census())
elif lib == "networkit":
    g = nk.Graph(n, weighted=True, directed=directed)
    for a, b, c in zip(src, dst, w):
        if g.hasEdge(a, b):
            g.setWeight(a, b, g.weight(a, b) + c)
        else:
            g.addEdge(a, b, c)
    t0 = time.perf_counter()
    if algo == "betweenness":
        gu = nk.graphtools.toUnweighted(g)
        t0 = time.perf_counter()
        bc = nk.centrality.Betweenness(gu, normalized=True)
        bc.run()
        values = bc.scores()
        if not directed:
            # networkit normalizes undirected scores by (n-1)(n-2)/2 like NetworkX: keep.
            pass
    elif algo == "leiden":
        t0 = time.perf_counter()
        plm = nk.community.PLM(g, refine=True)
        plm.run()
        values = [nk.community.Modularity().getQuality(plm.getPartition(), g)]
    elif algo == "core":
        t0 = time.perf_counter()
        cd = nk.centrality.CoreDecomposition(g)
        cd.run()
        values = [int(x) for x in cd.scores()]
    elif algo == "pagerank":
        pr = nk.centrality.PageRank(g, damp=0.85, tol=1e-12)
        pr.norm = nk.centrality.Norm.L1_NORM
        pr.run()
        values = pr.scores()
elif lib == "rustworkx":
    if algo == "betweenness":
        g = (rx.PyDiGraph if directed else rx.PyGraph)()
        g.add_nodes_from(range(n))
        g.add_edges_from(list(zip(src, dst, w)))
        t0 = time.perf_counter()
        res = rx.betweenness_centrality(g, normalized=True, parallel_threshold=0)
        values = [res[i] for i in range(n)]
    elif algo == "pagerank":
        g = rx.PyDiGraph()
        g.add_nodes_from(range(n))
        edges = list(zip(src, dst, w))
        if not directed:
            edges += [(b, a, c) for a, b, c in edges]
        g.add_edges_from(edges)
        t0 = time.perf_counter()
        res = rx.pagerank(g, alpha=0.85, weight_fn=lambda x: x, tol=1e-12)
        values = [res[i] for i in range(n)]
elif lib == "networkx":
    g = (nx.DiGraph if directed else nx.Graph)()
    g.add_nodes_from(range(n))
    for a, b, c in zip(src, dst, w):
        if g.has_edge(a, b):
            g[a][b]["weight"] += c
        else:
            g.add_edge(a, b, weight=c)
    t0 = time.perf_counter()
    if algo == "betweenness":
        res = nx.betweenness_centrality(g, normalized=True)
    elif algo == "pagerank":
        res = nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-12)
    values = [res[i] for i in range(n)]
seconds = time.perf_counter() - t0
json.dump({"seconds": seconds, "peak": rss(), "base": base, "values": values}, open(result_path, "w"))
'''


# pandas reading the four sheets of a workbook with openpyxl; only the read_excel call is timed.
PANDAS_XLSX_CODE = r'''
import json, resource, sys, time
path, result_path = sys.argv[1:3]
def resident():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize()
import pandas as pd
import openpyxl
base = resident()
t0 = time.perf_counter()
frames = pd.read_excel(path, sheet_name=["actors", "relations", "coalitions", "members"], engine="openpyxl")
seconds = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
json.dump({"seconds": seconds, "peak": peak, "base": base,
           "rows": {name: len(frame) for name, frame in frames.items()},
           "versions": {"pandas": pd.__version__, "openpyxl": openpyxl.__version__}},
          open(result_path, "w"))
'''

WORKBOOK_SHEETS = ["actors", "relations", "coalitions", "members"]
WORKBOOK_NUMBERS = {"weight", "amount", "contribution", "national_contribution", "cofinancing", "influence"}
WORKBOOK_DATES = {"since", "until", "start", "end"}


def write_workbook(folder, target):
    """Writes the CSV workspace in `folder` as an .xlsx workbook at `target`, once: numbers
    and dates as typed cells, text as text, empty cells left out (XlsxWriter in its
    constant-memory mode, row by row). An existing workbook is kept."""
    if target.exists():
        return
    import datetime
    import xlsxwriter

    partial = target.with_suffix(".partial.xlsx")
    book = xlsxwriter.Workbook(partial, {"constant_memory": True})
    date_format = book.add_format({"num_format": "yyyy-mm-dd"})
    for name in WORKBOOK_SHEETS:
        sheet = book.add_worksheet(name)
        with open(folder / f"{name}.csv", newline="", encoding="utf-8") as f:
            reader = csv.reader(f)
            header = next(reader)
            sheet.write_row(0, 0, header)
            numbers = [c in WORKBOOK_NUMBERS for c in header]
            dates = [c in WORKBOOK_DATES for c in header]
            for r, row in enumerate(reader, start=1):
                for c, text in enumerate(row):
                    if text == "":
                        continue
                    if numbers[c]:
                        sheet.write_number(r, c, float(text))
                    elif dates[c]:
                        sheet.write_datetime(r, c, datetime.date.fromisoformat(text), date_format)
                    else:
                        sheet.write_string(r, c, text)
    book.close()
    partial.rename(target)


def run_measured(cmd, env=None, timeout=None):
    """Runs cmd, returns (wall seconds, peak RSS bytes of that child, stdout).

    Output goes to temporary files, so a chatty child cannot block on a full pipe while we
    wait for it."""
    start = time.perf_counter()
    out_file, err_file = tempfile.TemporaryFile(), tempfile.TemporaryFile()
    proc = subprocess.Popen(cmd, stdout=out_file, stderr=err_file, env=env)
    # A blocking wait: polling would wake this process hundreds of times a second and take
    # a core from the measured one. A timer kills a run that overstays its timeout.
    timed_out = threading.Event()

    def kill():
        timed_out.set()
        proc.kill()

    timer = None if timeout is None else threading.Timer(timeout, kill)
    if timer is not None:
        timer.start()
    pid, status, usage = os.wait4(proc.pid, 0)
    if timer is not None:
        timer.cancel()
    if timed_out.is_set():
        return None, None, None
    wall = time.perf_counter() - start
    out_file.seek(0)
    err_file.seek(0)
    out = out_file.read().decode()
    err = err_file.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} failed:\n{err}")
    return wall, usage.ru_maxrss * 1024, out


def generate(folder, model, actors, ties, seed=7):
    if not (folder / "actors.csv").exists():
        subprocess.run([BIN, "generate", "--model", model, "--actors", str(actors),
                        "--ties-per-actor", str(ties), "--coalitions", "0", "--one-layer",
                        "--seed", str(seed), "-o", folder], check=True, capture_output=True)
    # An integer edge list for the peers: actor aK is node K.
    edges = folder / "edges.txt"
    n_relations = 0
    if not edges.exists():
        with open(folder / "relations.csv") as f, open(edges, "w") as out:
            for row in csv.DictReader(f):
                out.write(f"{row['source'][1:]} {row['target'][1:]} {row['weight']}\n")
    with open(edges) as f:
        n_relations = sum(1 for _ in f)
    return edges, n_relations


def stakenet_values(csv_path, column, n):
    values = [0.0] * n
    with open(csv_path) as f:
        for row in csv.DictReader(f):
            values[int(row["id"][1:])] = float(row[column])
    return values


def peer(lib, algo, edges, n, threads, timeout, keep_values=True):
    """One peer run's result; its values only when keep_values, so that this process stays
    small: a process it starts reports at least this one's peak memory as its own."""
    result_path = Path(edges).parent / f"result-{lib}-{algo}.json"
    wall, peak, out = run_measured([sys.executable, "-c", PEER_CODE, lib, algo, str(edges), str(n),
                                    str(threads), "0", str(result_path)], timeout=timeout)
    if out is None:
        return None
    result = json.loads(result_path.read_text())
    if not keep_values:
        result["values"] = None
    return result


def fmt_seconds(s):
    return "—" if s is None else (f"{s:.2f} s" if s >= 0.1 else f"{s * 1000:.0f} ms")


def fmt_mb(b):
    return "—" if b is None else f"{b / 1e6:.0f} MB"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--quick", action="store_true", help="small sizes (a smoke test)")
    parser.add_argument("--networkx", action="store_true", help="include NetworkX (slow)")
    parser.add_argument("--work", type=Path, help="folder for generated graphs (kept)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per peer run")
    parser.add_argument("--repeat", type=int, default=1,
                        help="timed runs per tool, in a row after one warm-up run; the table "
                             "shows the median time")
    parser.add_argument("--only", action="append", choices=["betweenness", "pagerank", "load", "sampled", "xlsx", "cohesion"],
                        help="run only this part (repeatable); default: all")
    args = parser.parse_args()

    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    work = args.work or Path(tempfile.mkdtemp(prefix="stakenet-peers-"))
    work.mkdir(parents=True, exist_ok=True)
    peers = ["igraph", "networkit", "rustworkx"] + (["networkx"] if args.networkx else [])
    rows = []
    env = dict(os.environ)

    def median(values):
        return statistics.median(values)

    def repeated(run_ours, run_peers):
        """Runs stakenet and then each peer args.repeat times in a row, after one untimed run
        when repeating; returns stakenet's (median wall, max peak) and each peer's result with
        its median seconds and max peak."""
        runs = max(1, args.repeat)
        warm_up = 1 if runs > 1 else 0
        ours = [run_ours() for _ in range(warm_up + runs)][warm_up:]
        # Only each peer's last run keeps its values (see `peer`).
        theirs = {lib: [run(i == warm_up + runs - 1) for i in range(warm_up + runs)][warm_up:]
                  for lib, run in run_peers.items()}
        wall = median([w for w, _ in ours])
        peak = max(p for _, p in ours)
        results = {}
        for lib, runs in theirs.items():
            if any(r is None for r in runs):
                results[lib] = None
                continue
            result = dict(runs[-1])
            result["seconds"] = median([r["seconds"] for r in runs])
            result["peak"] = max(r["peak"] for r in runs)
            results[lib] = result
        return wall, peak, results

    def compare(case, algo, folder, n, n_relations, stakenet_args, column, tolerance):
        out_csv = folder / f"out-{algo}.csv"
        command = [BIN, "centrality", folder, "--format", "csv", "-o", out_csv,
                   "--threads", str(args.threads)] + stakenet_args
        libs = [lib for lib in peers if not (lib == "networkx" and n > 20000 and algo == "betweenness")]
        wall, peak, results = repeated(
            lambda: run_measured(command, env=env)[:2],
            {lib: (lambda last, lib=lib: peer(lib, algo, folder / "edges.txt", n, args.threads,
                                              args.timeout, keep_values=last))
             for lib in libs})
        ours = stakenet_values(out_csv, column, n)
        rows.append((case, "stakenet (whole process)", wall, peak, n_relations, "", ""))
        for lib in libs:
            result = results[lib]
            if result is None:
                rows.append((case, lib, None, None, n_relations, "timeout", ""))
                continue
            diff = max(abs(a - b) for a, b in zip(ours, result["values"]))
            agree = "agree" if diff <= tolerance else f"DIFFER (max {diff:.1e})"
            ratio = f"{wall / result['seconds']:.2f}×"
            rows.append((case, lib, result["seconds"], result["peak"], n_relations, agree, ratio))

    wanted = set(args.only or ["betweenness", "pagerank", "load", "sampled", "xlsx", "cohesion"])
    sizes = [(2000, 5)] if args.quick else [(5000, 5), (10000, 5)]
    for actors, m in sizes if "betweenness" in wanted else []:
        folder = work / f"ba-{actors}-{m}"
        edges, n_rel = generate(folder, "ba", actors, m)
        compare(f"betweenness, BA n={actors:,} m={m}", "betweenness", folder, actors, n_rel,
                ["--measures", "betweenness"], "betweenness", 1e-9)

    n_pr, ties_pr = (20000, 5) if args.quick else (200000, 5)
    folder = work / f"gnm-{n_pr}-{ties_pr}"
    edges, n_rel = generate(folder, "gnm", n_pr, ties_pr) if "pagerank" in wanted else (None, 0)
    if "pagerank" in wanted:
        compare(f"PageRank, G(n,m) n={n_pr:,} m={n_rel:,}", "pagerank", folder, n_pr, n_rel,
                ["--measures", "pagerank"], "pagerank", 1e-6)

    # Loading: stakenet reads, validates and summarizes its CSV workspace; peers read an
    # integer edge list with their own readers.
    if "load" in wanted:
        n_load = 20000 if args.quick else 100000
        folder = work / f"ba-{n_load}-10"
        edges, n_rel = generate(folder, "ba", n_load, 10)
        summary = folder / "summary.json"
        wall, peak, results = repeated(
            lambda: run_measured([BIN, "check", folder, "--format", "json", "-o", summary])[:2],
            {lib: (lambda last, lib=lib: peer(lib, "load", edges, n_load, args.threads, args.timeout))
             for lib in peers})
        rows.append((f"load {n_rel:,} relations", "stakenet check (whole process)", wall, peak, n_rel, "", ""))
        for lib in peers:
            result = results[lib]
            if result is None:
                rows.append((f"load {n_rel:,} relations", lib, None, None, n_rel, "timeout", ""))
                continue
            rows.append((f"load {n_rel:,} relations", f"{lib} (reader; minus {fmt_mb(result['base'])} baseline)",
                         result["seconds"], result["peak"] - result["base"], n_rel, "", f"{wall / result['seconds']:.2f}×"))

    # Sampled betweenness: accuracy on a graph small enough for exact, then time at scale.
    if "sampled" in wanted:
        n_acc = 5000 if args.quick else 20000
        folder = work / f"ba-{n_acc}-5"
        generate(folder, "ba", n_acc, 5)
        exact_csv, sampled_csv = folder / "exact.csv", folder / "sampled.csv"
        run_measured([BIN, "centrality", folder, "--measures", "betweenness", "--format", "csv", "-o", exact_csv])
        exact = stakenet_values(exact_csv, "betweenness", n_acc)
        top = sorted(range(n_acc), key=lambda i: -exact[i])[:100]
        pivots = [500, 1000] if args.quick else [2000, 5000]
        for k in pivots:
            means, worsts, within = [], [], []
            for seed in (1, 2, 3):
                run_measured([BIN, "centrality", folder, "--measures", "betweenness", "--sample", str(k),
                              "--seed", str(seed), "--format", "csv", "-o", sampled_csv])
                sampled = stakenet_values(sampled_csv, "betweenness", n_acc)
                errors = [abs(sampled[i] - exact[i]) / exact[i] for i in top]
                means.append(sum(errors) / len(errors))
                worsts.append(max(errors))
                within.append(sum(e <= 0.05 for e in errors))
            rows.append((f"sampled betweenness K={k:,}, BA n={n_acc:,}, seeds 1–3: relative error on the exact top 100",
                         "stakenet", None, None, 0,
                         f"mean {max(means):.1%}, worst {max(worsts):.1%}, within 5%: {min(within)}–{max(within)} of 100", ""))
        n_big = 20000 if args.quick else 100000
        folder = work / f"ba-{n_big}-5"
        generate(folder, "ba", n_big, 5)
        for k in pivots:
            wall, peak, _ = run_measured([BIN, "centrality", folder, "--measures", "betweenness", "--sample", str(k),
                                          "--format", "csv", "-o", folder / "sampled.csv", "--threads", str(args.threads)])
            rows.append((f"sampled betweenness K={k:,}, BA n={n_big:,}", "stakenet (whole process)", wall, peak, 0, "", ""))

    # A workbook workspace: stakenet reads, validates and summarizes it; pandas reads its four
    # sheets with openpyxl into data frames (no validation).
    if "xlsx" in wanted:
        n_book = 20000 if args.quick else 100000
        folder = work / f"workbook-{n_book}-10"
        if not (folder / "actors.csv").exists():
            subprocess.run([BIN, "generate", "--actors", str(n_book), "--ties-per-actor", "10",
                            "--seed", "7", "-o", folder], check=True, capture_output=True)
        book = folder / "workspace.xlsx"
        started = time.perf_counter()
        write_workbook(folder, book)
        if time.perf_counter() - started > 1:
            print(f"wrote {book} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        summary = folder / "summary.json"
        result_path = folder / "result-pandas-xlsx.json"
        # Reading a million rows through openpyxl takes minutes: a longer timeout.
        timeout = max(args.timeout, 3600)

        def pandas_run(last):
            out = run_measured([sys.executable, "-c", PANDAS_XLSX_CODE, str(book), str(result_path)],
                               timeout=timeout)[2]
            return None if out is None else json.loads(result_path.read_text())

        wall, peak, results = repeated(
            lambda: run_measured([BIN, "check", book, "--format", "json", "-o", summary])[:2],
            {"pandas": pandas_run})
        n_rel = sum(1 for _ in open(folder / "relations.csv")) - 1
        size = f"{book.stat().st_size / 1e6:.0f} MB"
        case = f"read a workbook, {n_book:,} actors and {n_rel:,} relations (.xlsx, {size})"
        rows.append((case, "stakenet check (whole process)", wall, peak, n_rel, "", ""))
        result = results["pandas"]
        if result is None:
            rows.append((case, "pandas read_excel (openpyxl)", None, None, n_rel, "timeout", ""))
        else:
            read = result["rows"]
            agree = "same rows" if read["relations"] == n_rel and read["actors"] == n_book else f"rows {read}"
            versions = ", ".join(f"{k} {v}" for k, v in result["versions"].items())
            rows.append((case, f"pandas read_excel ({versions}; minus {fmt_mb(result['base'])} baseline)",
                         result["seconds"], result["peak"] - result["base"], n_rel, agree,
                         f"{wall / result['seconds']:.2f}×"))

    # Cohesion (issue 21): Leiden against igraph's multilevel (Louvain) and Leiden and
    # networkit's PLM (modularity compared, higher is better), core numbers and the triad census
    # against igraph. stakenet runs as a whole process (load, view, the one measure, CSV or
    # JSON out); `stakenet check` on the same folder times the load alone, and the last column
    # gives the ratio of the measure without it too.
    if "cohesion" in wanted:
        n_c, ties_c = (20000, 5) if args.quick else (200000, 5)
        folder = work / f"gnm-{n_c}-{ties_c}"
        edges, n_rel = generate(folder, "gnm", n_c, ties_c)
        summary = folder / "summary.json"
        load_wall, _, _ = repeated(
            lambda: run_measured([BIN, "check", folder, "--format", "json", "-o", summary])[:2], {})
        if importlib.util.find_spec("networkit") is None:
            rows.append(("cohesion", "networkit", None, None, 0, "not installed: skipped", ""))
        rows.append((f"load {n_rel:,} relations (for the ratios below)", "stakenet check (whole process)",
                     load_wall, None, n_rel, "", ""))
        cohesion_peers = {"leiden": ["igraph", "networkit"], "multilevel": ["igraph"], "core": ["igraph", "networkit"],
                          "triads": ["igraph"]}
        for measure, algos in [("community", ["multilevel", "leiden"]), ("core", ["core"]), ("triads", ["triads"])]:
            out_json = folder / f"cohesion-{measure}.json"
            command = [BIN, "cohesion", folder, "--measures", measure, "--format", "json", "-o", out_json,
                       "--threads", str(args.threads)]
            runs_peers = {}
            for algo in algos:
                for lib in cohesion_peers[algo]:
                    if lib in peers and importlib.util.find_spec(lib) is not None:
                        runs_peers[(lib, algo)] = (lambda last, lib=lib, algo=algo: peer(
                            lib, algo, edges, n_c, args.threads, args.timeout, keep_values=last))
            wall, peak, results = repeated(lambda: run_measured(command, env=env)[:2], runs_peers)
            doc = json.loads(out_json.read_text())
            case = f"{measure}, G(n,m) n={n_c:,} m={n_rel:,}"
            ours_note = ""
            if measure == "community":
                ours_note = f"modularity {doc['communities']['modularity']:.4f}"
            rows.append((case, "stakenet (whole process)", wall, peak, n_rel, ours_note, ""))
            for (lib, algo), result in results.items():
                if result is None:
                    rows.append((case, f"{lib} {algo}", None, None, n_rel, "timeout", ""))
                    continue
                values = result["values"]
                if measure == "community":
                    agree = f"modularity {values[0]:.4f}"
                elif measure == "core":
                    ours = [row["core"] for row in sorted(doc["actors"], key=lambda r: int(r["id"][1:]))]
                    agree = "agree" if ours == values else "DIFFER"
                else:
                    agree = "agree" if list(doc["triad_census"].values()) == values else "DIFFER"
                ratio = f"{wall / result['seconds']:.2f}× ({max(wall - load_wall, 0) / result['seconds']:.2f}× without load)"
                rows.append((case, f"{lib} {algo}", result["seconds"], result["peak"], n_rel, agree, ratio))

    runs = max(1, args.repeat)
    print(f"threads: {args.threads}; machine: {os.cpu_count()} cores; timed runs per tool: {runs}"
          f"{' after a warm-up (median time)' if runs > 1 else ''}; work folder: {work}\n")
    print("| case | tool | time | peak memory | bytes per relation | numbers | stakenet ÷ peer |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for case, tool, seconds, peak, n_rel, agree, ratio in rows:
        per_relation = "—" if (peak is None or not n_rel) else f"{peak / n_rel:.0f}"
        print(f"| {case} | {tool} | {fmt_seconds(seconds)} | {fmt_mb(peak)} | {per_relation} | {agree} | {ratio} |")


if __name__ == "__main__":
    main()
