"""`blocwatch demo`: the whole pipeline on the demo corpus shipped with the package, in one command.

It ingests the demo news (HTML pages, feeds, bulletins, a forum thread and wire
items, written for blocwatch about real episodes of 2017–2025), codes it into a
fresh store, finds the months where a relation left its baseline and stores
those alerts with their events, writes the HTML report and prints where
everything is and what to run next.
"""

from __future__ import annotations

import time
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from blocwatch.cli_common import err, fail

DEMO_SPAN = ("2017-01-01", "2025-12-31")


def demo_corpus() -> Path:
    """The directory of the shipped demo corpus."""
    return Path(str(resources.files("blocwatch").joinpath("data/demo")))


def demo_inputs(corpus: Path) -> list[Path]:
    """The corpus's news: every folder and data file, not its README."""
    return sorted(p for p in corpus.iterdir() if p.is_dir() or p.suffix in (".jsonl", ".csv", ".xml", ".html"))


def demo(
    directory: Annotated[Path, typer.Option("--dir", help="Where to put the demo store and report.")]
    = Path("blocwatch-demo"),
    serve: Annotated[bool, typer.Option("--serve", help="Then open the dashboard on the demo store.")] = False,
    port: Annotated[int, typer.Option(help="Port for --serve (on 127.0.0.1).")] = 8000,
) -> None:
    """Build a store from the shipped demo corpus, analyse it and write an HTML report."""
    from datetime import date

    from blocwatch.analysis.alerts import alert_evidence, series_alerts
    from blocwatch.analysis.dyads import DyadOptions, dyad_table
    from blocwatch.analysis.events import open_events
    from blocwatch.analysis.html_report import build_html
    from blocwatch.analysis.output import render
    from blocwatch.analysis.series import dyad_series
    from blocwatch.coding.coder import Coder
    from blocwatch.scale.pipeline import Ingestor
    from blocwatch.store.duckdb_store import DuckDBStore, StoreError

    corpus = demo_corpus()
    if not corpus.is_dir():
        raise fail(f"{corpus}: the demo corpus is missing from this installation; reinstall blocwatch")
    started = time.perf_counter()
    store_path = directory / "demo.duckdb"
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with DuckDBStore(store_path) as store:
            counts = Ingestor(store, Coder()).run([str(p) for p in demo_inputs(corpus)])
    except (OSError, StoreError) as exc:
        raise fail(f"{directory}: cannot build the demo store there ({exc}); pick another --dir") from None
    err.print(f"ingested the demo corpus: read {counts.read} · stored {counts.stored} · duplicates "
              f"{counts.duplicates} · quarantined {counts.quarantined} · events {counts.events}", highlight=False)
    options = DyadOptions(since=date.fromisoformat(DEMO_SPAN[0]), until=date.fromisoformat(DEMO_SPAN[1]))
    quarterly = DyadOptions(period="quarter", undirected=True, min_events=2, since=options.since, until=options.until)
    with open_events(db=store_path) as events:
        series = dyad_series(dyad_table(events, quarterly), "nc", "quarter")
        alerts = series_alerts(series, "nc", window=8, k=2.0, min_periods=2)
        links = alert_evidence(events, alerts, quarterly)
        yearly = dyad_table(events, DyadOptions(period="year", undirected=True, min_events=2))
        page = build_html(events, options, title="Northeast Asia 2017–2025: the blocwatch demo", min_events=2,
                          period="quarter", window=8, k=2.0, min_periods=2)
    with DuckDBStore(store_path) as store:
        run_id = store.start_run("demo alerts")
        store.write_alerts(run_id, alerts, links)
        store.finish_run(run_id, {})
    report_path = directory / "report.html"
    report_path.write_text(page, encoding="utf-8")
    top = sorted(yearly.to_pylist(), key=lambda r: -r["events"])[:10]
    render(top, ["period", "source", "target", "events", "vc", "mc", "vk", "mk", "nc"], "table",
           "busiest dyad-years in the demo corpus")
    elapsed = time.perf_counter() - started
    err.print(f"{len(alerts)} alerts stored with their events · finished in {elapsed:.1f} s", highlight=False)
    typer.echo(f"store:  {store_path}\nreport: {report_path.resolve()}")
    if serve:
        from blocwatch.web.server import serve as run_server

        typer.echo(f"dashboard: http://127.0.0.1:{port}/  (Ctrl-C to stop)")
        run_server(str(store_path), host="127.0.0.1", port=port)
        return
    typer.echo("next:   blocwatch serve --db " + str(store_path) + "\n"
               "        blocwatch scenario --db " + str(store_path) + "\n"
               "        blocwatch analyze report --db " + str(store_path) + " --since 2023-01-01\n"
               "        blocwatch analyze blocs --db " + str(store_path) + " --period year --min-events 2\n"
               "        blocwatch events --db " + str(store_path) + " --actor PRK -f csv")
