"""Load test of the web dashboard over a store of one million synthetic events.

It builds (or, with --keep, reuses) a DuckDB store of N synthetic events (default 1,000,000) inserted with
DuckDB SQL straight into a ``DuckDBStore``'s events table: the 28 dyads of the eight Northeast Asian states with
realistic weights (USA–CHN, CHN–JPN, KOR–PRK ... busy; MNG–TWN rare), a CAMEO code mix dominated by
statements and consultations, dates 2015–2024, every tenth event with a document, an evidence sentence and its
spans; and the alerts that ``blocwatch analyze alerts --save`` would store. It then starts the server with
uvicorn on 127.0.0.1 in a subprocess (read-only, no access log, W worker processes), warms nothing up, and lets C
concurrent clients (asyncio + aiohttp, one keep-alive connection each, default 100) send requests for D seconds
(default 30), each client picking at random: the overview (HTML and JSON twin), a dyad page (HTML, JSON), the
events explorer (HTML, JSON, random filters and pages), the events behind a random dyad-month (/api/events, what a
chart click loads) — and /healthz, the baseline: a trivial endpoint under the same load shows what the server and
client cost alone.

It prints, per endpoint: requests, errors, p50/p95/p99 latency in ms, and p95 as a multiple of /healthz's p95.
Target: 0 errors and p95 < 200 ms.

Usage: python benchmarks/load_web.py [--db /tmp/blocwatch-load.duckdb] [--events 1000000] [--keep]
                                     [--clients 100] [--duration 30] [--workers 1]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import httpx
import numpy as np

STATES = {"USA": "the United States", "CHN": "China", "JPN": "Japan", "KOR": "South Korea",
          "PRK": "North Korea", "RUS": "Russia", "MNG": "Mongolia", "TWN": "Taiwan"}
# relative event volume of each undirected dyad (roughly the shape of GDELT's Northeast Asian pairs)
DYAD_WEIGHTS = {("USA", "CHN"): 30, ("CHN", "JPN"): 14, ("KOR", "PRK"): 14, ("USA", "JPN"): 12, ("USA", "KOR"): 12,
                ("USA", "PRK"): 10, ("USA", "RUS"): 12, ("CHN", "RUS"): 9, ("CHN", "TWN"): 10, ("JPN", "KOR"): 8,
                ("CHN", "KOR"): 7, ("CHN", "PRK"): 5, ("JPN", "RUS"): 4, ("JPN", "PRK"): 4, ("RUS", "PRK"): 4,
                ("USA", "TWN"): 6, ("KOR", "RUS"): 2, ("JPN", "TWN"): 2, ("CHN", "MNG"): 2, ("RUS", "MNG"): 2,
                ("USA", "MNG"): 1, ("JPN", "MNG"): 1, ("KOR", "MNG"): 1, ("KOR", "TWN"): 1, ("PRK", "MNG"): 1,
                ("RUS", "TWN"): 1, ("PRK", "TWN"): 1, ("MNG", "TWN"): 1}
# (code, QuadClass, Goldstein, verb phrase, weight)
CODES = [("010", 1, 0.0, "made a statement about", 14), ("020", 1, 3.0, "appealed to", 4),
         ("036", 1, 4.0, "expressed intent to meet", 5), ("040", 1, 1.0, "held talks with", 18),
         ("042", 1, 1.9, "made a visit to", 5), ("043", 1, 2.8, "hosted a visit by", 4),
         ("051", 1, 3.4, "praised", 4), ("057", 1, 8.0, "signed an agreement with", 3),
         ("061", 2, 6.4, "expanded trade with", 3), ("062", 2, 7.4, "held military exercises with", 2),
         ("070", 2, 7.0, "sent aid to", 1), ("111", 3, -2.0, "criticized", 8), ("112", 3, -2.0, "accused", 6),
         ("114", 3, -2.0, "protested to", 3), ("130", 3, -4.4, "warned", 5), ("138", 3, -7.0, "threatened", 2),
         ("163", 4, -8.0, "imposed sanctions on", 2), ("172", 4, -5.0, "seized a vessel of", 1),
         ("190", 4, -10.0, "fired missiles toward", 1), ("195", 4, -10.0, "struck", 1)]
MODES = [("asserted", 90), ("negated", 5), ("hypothetical", 3), ("future", 2)]
PUBLISHERS = ["Peninsula Wire", "Pacific Desk", "Northeast Asia Monitor", "Harbour Times", "Steppe Courier"]
TAGS = ['["security"]', '["trade"]', '["security", "missiles"]', '["diplomacy"]', None]


def weighted(items: list, weights: list[int], size: int = 2000) -> list:
    """A list in which each item appears in proportion to its weight (sampled by a uniform index in SQL)."""
    total = sum(weights)
    out = []
    for item, w in zip(items, weights, strict=True):
        out += [item] * max(1, round(size * w / total))
    return out


def build_store(path: Path, n: int) -> None:
    """N synthetic events (1 in 10 with a document and evidence), then the stored alerts."""
    import pyarrow as pa

    from blocwatch.store.duckdb_store import DuckDBStore

    path.unlink(missing_ok=True)
    started = time.perf_counter()
    dyads = weighted([f"{a}-{b}" for a, b in DYAD_WEIGHTS], list(DYAD_WEIGHTS.values()))
    codes = weighted(list(range(len(CODES))), [c[4] for c in CODES])
    modes = weighted([m for m, _ in MODES], [w for _, w in MODES], 100)
    code_table = pa.table({"k": list(range(len(CODES))), "code": [c[0] for c in CODES],
                           "quad": pa.array([c[1] for c in CODES], pa.int8()), "gold": [c[2] for c in CODES],
                           "verb": [c[3] for c in CODES]})
    names = pa.table({"state": list(STATES), "name": list(STATES.values())})
    with DuckDBStore(path) as store:
        con = store.con
        con.register("code_table", code_table)
        con.register("names", names)
        con.execute("SELECT setseed(0.42)")
        con.execute(
            """CREATE TEMP TABLE draws AS
               SELECT i, list_extract($dyads, 1 + CAST(floor(random() * len($dyads)) AS INTEGER)) AS dyad,
                      list_extract($codes, 1 + CAST(floor(random() * len($codes)) AS INTEGER)) AS k,
                      list_extract($modes, 1 + CAST(floor(random() * len($modes)) AS INTEGER)) AS mode,
                      DATE '2015-01-01' + CAST(floor(random() * 3653) AS INTEGER) AS date,
                      random() < 0.5 AS flip, 1 + CAST(floor(random() * random() * 6) AS INTEGER) AS mentions
               FROM range($n) t(i)""",
            {"dyads": dyads, "codes": codes, "modes": modes, "n": n})
        con.execute(
            """CREATE TEMP TABLE synth AS
               SELECT d.i, d.date, d.mode, d.mentions, c.code, c.quad, c.gold, c.verb,
                      CASE WHEN d.flip THEN split_part(d.dyad, '-', 2) ELSE split_part(d.dyad, '-', 1) END AS s,
                      CASE WHEN d.flip THEN split_part(d.dyad, '-', 1) ELSE split_part(d.dyad, '-', 2) END AS t
               FROM draws d JOIN code_table c ON c.k = d.k""")
        con.execute(
            """INSERT INTO events (event_id, origin, doc_id, date, source, target, code, root, quad_class, goldstein,
                                   mode, sentence, sentence_index, sentence_start, sentence_end, trigger, trigger_start,
                                   trigger_end, source_text, source_start, source_end, target_text, target_start,
                                   target_end, rule, coder_version, num_mentions, num_sources, run_id)
               SELECT 'syn' || x.i, 'imported', CASE WHEN x.i % 10 = 0 THEN 'doc' || x.i END, x.date,
                      x.s || CASE WHEN x.i % 3 = 0 THEN 'GOV' ELSE '' END, x.t, x.code, substr(x.code, 1, 2), x.quad,
                      x.gold, x.mode,
                      CASE WHEN x.i % 10 = 0 THEN ns.name || ' ' || x.verb || ' ' || nt.name || ' on ' ||
                           strftime(x.date, '%A') || ', officials said.' END,
                      CASE WHEN x.i % 10 = 0 THEN 0 END, CASE WHEN x.i % 10 = 0 THEN 0 END,
                      CASE WHEN x.i % 10 = 0 THEN length(ns.name || ' ' || x.verb || ' ' || nt.name || ' on ' ||
                           strftime(x.date, '%A') || ', officials said.') END,
                      CASE WHEN x.i % 10 = 0 THEN x.verb END,
                      CASE WHEN x.i % 10 = 0 THEN length(ns.name) + 1 END,
                      CASE WHEN x.i % 10 = 0 THEN length(ns.name) + 1 + length(x.verb) END,
                      CASE WHEN x.i % 10 = 0 THEN ns.name END, CASE WHEN x.i % 10 = 0 THEN 0 END,
                      CASE WHEN x.i % 10 = 0 THEN length(ns.name) END,
                      CASE WHEN x.i % 10 = 0 THEN nt.name END,
                      CASE WHEN x.i % 10 = 0 THEN length(ns.name) + length(x.verb) + 2 END,
                      CASE WHEN x.i % 10 = 0 THEN length(ns.name) + length(x.verb) + 2 + length(nt.name) END,
                      'synthetic', 'load-benchmark', x.mentions, 1, 'synthetic'
               FROM synth x JOIN names ns ON ns.state = x.s JOIN names nt ON nt.state = x.t
               ORDER BY x.date, x.i""")
        con.execute(
            """INSERT INTO documents (doc_id, content_hash, title, source, url, published, tags, text, input, run_id)
               SELECT doc_id, md5(doc_id), source_text || ' and ' || target_text, list_extract($publishers,
                      1 + CAST(hash(doc_id) % len($publishers) AS INTEGER)), 'https://example.org/' || doc_id, date,
                      list_extract($tags, 1 + CAST(hash(doc_id) % len($tags) AS INTEGER)), sentence, 'synthetic',
                      'synthetic'
               FROM events WHERE doc_id IS NOT NULL""", {"publishers": PUBLISHERS, "tags": TAGS})
        count = con.execute("SELECT count(*) FROM events").fetchone()[0]
    print(f"built {count:,} events in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    store_alerts(path)


def store_alerts(path: Path) -> None:
    """What `blocwatch analyze alerts --save` stores: monthly NC baseline alerts with their events."""
    from dataclasses import replace

    from blocwatch.analysis.alerts import alert_evidence, series_alerts
    from blocwatch.analysis.dyads import DyadOptions, dyad_table
    from blocwatch.analysis.events import open_events
    from blocwatch.analysis.series import dyad_series
    from blocwatch.store.duckdb_store import DuckDBStore

    options = DyadOptions(period="month", undirected=True, min_events=3)
    with open_events(path) as events:
        rows = series_alerts(dyad_series(dyad_table(events, options), "nc", "month"), "nc", window=12, k=2.0)
        links = alert_evidence(events, rows, replace(options), per_alert=50)
    with DuckDBStore(path) as store:
        added = store.write_alerts("synthetic", rows, links)
    print(f"stored {added} alerts", file=sys.stderr)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def app_from_env():
    """The application for uvicorn's worker processes (``--workers`` > 1 needs an import string)."""
    from blocwatch.web.app import create_app

    return create_app(os.environ["BLOCWATCH_LOAD_DB"])


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen:
    """uvicorn on 127.0.0.1 in a subprocess, read-only, without an access log; each worker opens the store."""
    code = ("import uvicorn\n"
            f"uvicorn.run('load_web:app_from_env', factory=True, host='127.0.0.1', port={port}, workers={workers}, "
            "log_level='warning', access_log=False)\n")
    env = {**os.environ, "BLOCWATCH_LOAD_DB": str(db), "PYTHONPATH": str(Path(__file__).parent)}
    return subprocess.Popen([sys.executable, "-c", code], env=env)


def server_stack() -> str:
    """What uvicorn runs on here: its C HTTP parser and event loop when installed (as blocwatch's dependencies
    ask), else the pure-Python h11 and asyncio."""
    from importlib.util import find_spec

    http = "httptools" if find_spec("httptools") else "h11"
    loop = "uvloop" if find_spec("uvloop") else "asyncio"
    return f"uvicorn with {http} and {loop}"


def wait_ready(url: str, process: subprocess.Popen, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("the server exited before it was ready")
        try:
            if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not become ready")


PAIRS = [f"{a}/{b}" for a, b in DYAD_WEIGHTS]


def pick_request(rng: random.Random) -> tuple[str, str, dict[str, str]]:
    """(endpoint label, path with query, headers): a random but realistic dashboard request."""
    kind = rng.randrange(9)
    if kind == 0:
        return "overview (HTML)", "/", {"Accept": "text/html"}
    if kind == 1:
        return "overview.json", "/overview.json", {}
    pair = rng.choice(PAIRS)
    if kind == 2:
        return "dyad (HTML)", f"/dyad/{pair}", {"Accept": "text/html"}
    if kind == 3:
        return "dyad.json", f"/dyad/{pair}.json", {}
    a, b = pair.split("/")
    filters = rng.choice([f"dyad={a}-{b}", f"actor={a}", f"actor={a}&quad={rng.randint(1, 4)}",
                          f"dyad={a}-{b}&since={rng.randint(2015, 2024)}-01-01", f"root={rng.randint(1, 20):02d}"])
    page = rng.randint(1, 5)
    if kind == 4:
        return "events (HTML)", f"/events?{filters}&page={page}", {"Accept": "text/html"}
    if kind == 5:
        return "events.json", f"/events.json?{filters}&page={page}", {}
    if kind == 6:
        year, month = rng.randint(2015, 2024), rng.randint(1, 12)
        last = 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31
        return ("api/events (chart click)",
                f"/api/events?dyad={a}-{b}&since={year}-{month:02d}-01&until={year}-{month:02d}-{last}&mode=asserted&size=50",
                {})
    return "healthz (baseline)", "/healthz", {}


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    samples: dict[str, str] = field(default_factory=dict)


async def client_loop(session: aiohttp.ClientSession, stop: float, seed: int, results: Results) -> None:
    rng = random.Random(seed)
    while time.perf_counter() < stop:
        label, path, headers = pick_request(rng)
        started = time.perf_counter()
        try:
            async with session.get(path, headers=headers) as response:
                await response.read()
                ok = response.status == 200
                if not ok:
                    results.samples.setdefault(label, f"{response.status} {path}")
        except (TimeoutError, aiohttp.ClientError) as exc:
            ok = False
            results.samples.setdefault(label, f"{type(exc).__name__} {path}")
        results.latencies[label].append(time.perf_counter() - started)
        if not ok:
            results.errors[label] += 1


async def run_load(base: str, clients: int, duration: float) -> tuple[Results, float]:
    """``clients`` independent clients, each with its own session and one keep-alive connection (like a browser
    tab), connected before the clock starts."""
    results = Results()
    timeout = aiohttp.ClientTimeout(total=60)
    pool = [aiohttp.ClientSession(base_url=base, timeout=timeout, connector=aiohttp.TCPConnector(limit=1))
            for _ in range(clients)]
    try:
        for done in await asyncio.gather(*(c.get("/healthz") for c in pool)):
            await done.read()
            done.release()
        started = time.perf_counter()
        stop = started + duration
        await asyncio.gather(*(client_loop(c, stop, seed, results) for seed, c in enumerate(pool)))
        elapsed = time.perf_counter() - started
    finally:
        await asyncio.gather(*(c.close() for c in pool))
    return results, elapsed


def report(results: Results, elapsed: float) -> bool:
    baseline = results.latencies.get("healthz (baseline)", [])
    base_p95 = float(np.percentile(baseline, 95)) if baseline else float("nan")
    total = sum(len(v) for v in results.latencies.values())
    errors = sum(results.errors.values())
    print(f"\n{total:,} requests in {elapsed:.1f} s ({total / elapsed:,.0f}/s), {errors} errors\n")
    print(f"{'endpoint':28} {'requests':>9} {'errors':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
          f"{'p95/healthz':>12}")
    worst = 0.0
    for label in sorted(results.latencies, key=lambda k: (k.startswith("healthz"), k)):
        values = np.array(results.latencies[label]) * 1000
        p50, p95, p99 = np.percentile(values, [50, 95, 99])
        worst = max(worst, p95)
        ratio = p95 / (base_p95 * 1000)
        print(f"{label:28} {len(values):>9,} {results.errors.get(label, 0):>7} {p50:>8.1f} {p95:>8.1f} {p99:>8.1f} "
              f"{ratio:>11.2f}x")
    for label, sample in results.samples.items():
        print(f"first error of {label}: {sample}")
    passed = errors == 0 and worst < 200
    print(f"\ntarget 0 errors and p95 < 200 ms: {'met' if passed else 'NOT met'} (worst p95 {worst:.1f} ms)")
    return passed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/blocwatch-load.duckdb"))
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--keep", action="store_true", help="reuse the store at --db when it exists")
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--duration", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    args = parser.parse_args()
    if not (args.keep and args.db.exists()):
        build_store(args.db, args.events)
    port = free_port()
    server = start_server(args.db.resolve(), port, args.workers)
    base = f"http://127.0.0.1:{port}"
    try:
        started = time.perf_counter()
        wait_ready(base, server)
        print(f"server ready in {time.perf_counter() - started:.1f} s; {args.clients} clients for "
              f"{args.duration:.0f} s; {server_stack()}", file=sys.stderr)
        before = os.getloadavg()[0]
        results, elapsed = asyncio.run(run_load(base, args.clients, args.duration))
        print(f"{os.cpu_count()} CPUs; load average {before:.1f} before the run, {os.getloadavg()[0]:.1f} after "
              "(client and server share these CPUs)", file=sys.stderr)
    finally:
        server.terminate()
        server.wait(timeout=30)
    sys.exit(0 if report(results, elapsed) else 1)


if __name__ == "__main__":
    main()
