"""The ``blocwatch`` command: one verb per pipeline stage (Typer + Rich).

Thin by design: it parses options, calls the stages and reports. Every error a
user can cause ends in a one-line message naming the input and a non-zero exit.
"""

from __future__ import annotations

import csv
import json
import sys
import time
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from blocwatch import __version__
from blocwatch.cli_analyze import analyze_app, html_report
from blocwatch.cli_common import DB_HELP, db_location, err, fail
from blocwatch.cli_demo import demo
from blocwatch.cli_forecast import forecast_app, scenario
from blocwatch.cli_web import serve
from blocwatch.store import BATCH_SIZE, LOAD_BATCH

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="blocwatch: news text to evidence-backed CAMEO/PLOVER events and a model of an interstate system.",
)
app.add_typer(analyze_app, name="analyze")
app.command("report")(html_report)
app.command("demo")(demo)
app.command("scenario")(scenario)
app.add_typer(forecast_app, name="forecast")
app.command("serve")(serve)

EVENT_COLUMNS = [
    "event_id",
    "doc_id",
    "date",
    "source",
    "target",
    "code",
    "root",
    "quad_class",
    "goldstein",
    "plover_type",
    "plover_mode",
    "mode",
    "trigger",
    "source_text",
    "target_text",
    "rule",
    "sentence_index",
    "sentence",
    "trigger_span",
    "source_span",
    "target_span",
    "sentence_span",
    "coder_version",
]


def _load_coder(petrarch_dicts: Path | None):
    from blocwatch.coding.petrarch_engine import coder_for
    from blocwatch.lexicon.loader import LexiconError, load_lexicon

    lexicon = load_lexicon()
    if petrarch_dicts is not None:
        from blocwatch.lexicon.petrarch import PetrarchError, load_petrarch_dir

        try:
            lexicon = load_petrarch_dir(petrarch_dicts, lexicon)
        except (PetrarchError, LexiconError, OSError) as exc:
            raise fail(f"{petrarch_dicts}: {exc}") from None
    return coder_for(lexicon)


def _sample_path() -> Path:
    return Path(str(resources.files("blocwatch").joinpath("data/sample/neasia_sample.jsonl")))


class _Writer:
    """Streams events as JSONL or CSV; collects them for Parquet."""

    def __init__(self, fmt: str, out: Path | None) -> None:
        self.fmt = fmt
        self.out = out
        self.rows: list[dict] = []
        if fmt in ("jsonl", "csv"):
            self.handle = open(out, "w", encoding="utf-8", newline="") if out else sys.stdout  # noqa: SIM115
            if fmt == "csv":
                self.csv = csv.DictWriter(self.handle, fieldnames=EVENT_COLUMNS, extrasaction="ignore")
                self.csv.writeheader()

    def write(self, record: dict) -> None:
        if self.fmt == "jsonl":
            self.handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif self.fmt == "csv":
            flat = {k: (json.dumps(v) if isinstance(v, list) else v) for k, v in record.items()}
            self.csv.writerow(flat)
        else:
            self.rows.append(record)

    def close(self) -> None:
        if self.fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.Table.from_pylist(
                [{k: r.get(k) for k in EVENT_COLUMNS} for r in self.rows],
                schema=_parquet_schema(pa),
            )
            pq.write_table(table, self.out)
        elif self.out:
            self.handle.close()
        else:
            self.handle.flush()


def _parquet_schema(pa):
    span = pa.list_(pa.int64())
    types = {
        "quad_class": pa.int8(),
        "goldstein": pa.float64(),
        "sentence_index": pa.int32(),
        "trigger_span": span,
        "source_span": span,
        "target_span": span,
        "sentence_span": span,
    }
    return pa.schema([(c, types.get(c, pa.string())) for c in EVENT_COLUMNS])


@app.command()
def code(
    inputs: Annotated[
        list[str] | None, typer.Argument(help="Files or directories (text, JSONL, CSV); stdin if none.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or parquet.")] = "jsonl",
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Output file (stdout if omitted; required for parquet).")
    ] = None,
    doc_date: Annotated[
        str | None, typer.Option("--date", help="Document date (YYYY-MM-DD) for inputs without one.")
    ] = None,
    petrarch_dicts: Annotated[
        Path | None,
        typer.Option(help="PETRARCH/TABARI dictionaries to add: a directory or a glob (DIR/PETR.Validate.*)."),
    ] = None,
    sample: Annotated[bool, typer.Option("--sample", help="Code the sample corpus shipped with blocwatch.")] = False,
    text_field: Annotated[str, typer.Option(help="JSONL/CSV column holding the text.")] = "text",
    id_field: Annotated[str, typer.Option(help="JSONL/CSV column holding the document id.")] = "id",
    date_field: Annotated[str, typer.Option(help="JSONL/CSV column holding the date.")] = "date",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary on stderr.")] = False,
) -> None:
    """Code news text into CAMEO/PLOVER events (one JSON object per event by default)."""
    from blocwatch.ingest.readers import ColumnMap, InputError, ReadProblem, parse_date, read_inputs

    if fmt not in ("jsonl", "csv", "parquet"):
        raise fail(f"--format {fmt}: use jsonl, csv or parquet")
    if fmt == "parquet" and out is None:
        raise fail("--format parquet needs --out FILE.parquet")
    default_date = None
    if doc_date:
        default_date = parse_date(doc_date)
        if default_date is None:
            raise fail(f"--date {doc_date}: not a date; use YYYY-MM-DD")
    paths = list(inputs or [])
    if sample:
        paths.append(str(_sample_path()))
    if not paths and sys.stdin.isatty():
        raise fail("no input: give files or directories, pipe text on stdin, or use --sample")
    coder = _load_coder(petrarch_dicts)
    problems: list[ReadProblem] = []
    columns = ColumnMap(id=id_field, text=text_field, date=date_field)
    writer = _Writer(fmt, out)
    docs = events = sentences = 0
    warnings: list[str] = []
    started = time.perf_counter()
    try:
        progress = Progress(
            TextColumn("coding"),
            BarColumn(),
            TextColumn("{task.completed} docs · {task.fields[events]} events"),
            TimeElapsedColumn(),
            console=err,
            disable=quiet or not err.is_terminal,
            transient=True,
        )
        with progress:
            task = progress.add_task("code", total=None, events=0)
            for document in read_inputs(paths, columns, default_date, problems):
                result = coder.code(document)
                docs += 1
                sentences += result.sentences
                warnings.extend(result.warnings)
                for event in result.events:
                    writer.write(event.to_dict())
                    events += 1
                progress.update(task, advance=1, events=events)
    except InputError as exc:
        raise fail(str(exc)) from None
    except BrokenPipeError:
        return
    finally:
        writer.close()
    elapsed = time.perf_counter() - started
    for problem in problems:
        err.print(f"[yellow]warning:[/] {problem.source}: {problem.reason}", highlight=False)
    for warning in warnings:
        err.print(f"[yellow]warning:[/] {warning}", highlight=False)
    if not quiet:
        rate = sentences / elapsed if elapsed > 0 else 0.0
        err.print(
            f"coded {docs} documents, {sentences} sentences, {events} events "
            f"in {elapsed:.2f}s ({rate:,.0f} sentences/s)" + (f" → {out}" if out else ""),
            highlight=False,
        )
    if docs == 0:
        raise fail("nothing could be read from the inputs; see the warnings above", 1)


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold file.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, petrarch or plover.")] = "jsonl",
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object with the scores.")] = False,
    petrarch_dicts: Annotated[
        Path | None,
        typer.Option(help="PETRARCH/TABARI dictionaries to add: a directory or a glob (DIR/PETR.Validate.*)."),
    ] = None,
    failures: Annotated[int, typer.Option(help="Show this many failed records.")] = 0,
) -> None:
    """Score the coder against a gold file (precision, recall, F1, modes)."""
    from blocwatch.coding.evaluate import READERS, SUMMARY_KEYS, GoldFormatError, score
    from blocwatch.ingest.readers import parse_date
    from blocwatch.model import Document

    if fmt not in READERS:
        raise fail(f"--format {fmt}: use jsonl, petrarch or plover")
    if not gold.is_file():
        raise fail(f"{gold}: no such file; give the path of a gold file")
    try:
        records = READERS[fmt](gold)
    except (GoldFormatError, UnicodeDecodeError) as exc:
        raise fail(str(exc)) from None
    if petrarch_dicts is None and fmt == "petrarch" and any(gold.parent.glob("PETR.Validate.*")):
        petrarch_dicts = gold.parent / "PETR.Validate.*"
    coder = _load_coder(petrarch_dicts)
    predictions = [
        coder.code(Document(doc_id=rec.id, text=rec.text, date=parse_date(rec.date))).events for rec in records
    ]
    scores = score(records, predictions, strict=fmt == "petrarch")
    summary = scores.summary()
    if failures:
        summary["failures"] = scores.failures[:failures]
    if as_json:
        typer.echo(json.dumps(summary, indent=2))
        return
    table = Table(title=f"{gold.name} ({fmt})")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for key in SUMMARY_KEYS:
        table.add_row(key, str(summary[key]))
    Console().print(table)
    for item in summary.get("failures", []):
        typer.echo(json.dumps(item, ensure_ascii=False))


@app.command()
def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files or directories (text, JSONL, CSV).")],
    db: Annotated[str | None, typer.Option(help=DB_HELP)] = None,
    doc_date: Annotated[str | None, typer.Option("--date", help="Date (YYYY-MM-DD) for inputs without one.")] = None,
    text_field: Annotated[str, typer.Option(help="JSONL/CSV column holding the text.")] = "text",
    id_field: Annotated[str, typer.Option(help="JSONL/CSV column holding the document id.")] = "id",
    date_field: Annotated[str, typer.Option(help="JSONL/CSV column holding the date.")] = "date",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress on stderr.")] = False,
    batch_size: Annotated[
        int | None,
        typer.Option(min=1, help=f"Documents per transaction (default {BATCH_SIZE}; {LOAD_BATCH} loading shards)."),
    ] = None,
    fetch_pages: Annotated[
        bool, typer.Option(help="For feeds, fetch each entry's page (timeouts, polite delay, retries).")
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option(min=0, help="Processes for coding (0 = all cores; default 1, all cores with --engine)."),
    ] = None,
    engine: Annotated[
        str | None,
        typer.Option(
            help="Code through Parquet shards on: local (this process), processes (a local process pool) or "
            "dask (a Dask cluster). Default: in-process batches, or processes for inputs of 64 MB or more."
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(help="Dask scheduler address (tcp://host:8786) for --engine dask; default a local cluster."),
    ] = None,
    shards: Annotated[
        Path | None,
        typer.Option(
            help="Directory for the shards and their manifest (re-runs skip finished shards); every worker must "
            "see it. Default: next to the store (blocwatch.shards)."
        ),
    ] = None,
) -> None:
    """Ingest and code sources into the store; re-running resumes without duplicating anything."""
    from blocwatch.coding.coder import Coder
    from blocwatch.ingest.readers import ColumnMap, InputError, parse_date
    from blocwatch.scale.pipeline import Ingestor
    from blocwatch.scale.runners import ENGINES, ScaleError
    from blocwatch.scale.sharded import auto_engine, default_shards_dir, ingest_sharded
    from blocwatch.store import open_store
    from blocwatch.store.duckdb_store import StoreError

    if engine is not None and engine not in ENGINES:
        raise fail(f"--engine {engine}: use local, processes or dask")
    if scheduler and engine != "dask":
        raise fail(f"--scheduler {scheduler}: only used with --engine dask")

    default_date = None
    if doc_date:
        default_date = parse_date(doc_date)
        if default_date is None:
            raise fail(f"--date {doc_date}: not a date; use YYYY-MM-DD")
    path = db_location(db)
    try:
        store = open_store(path)
    except StoreError as exc:
        raise fail(str(exc)) from None
    started = time.perf_counter()
    progress = Progress(
        TextColumn("ingesting"),
        BarColumn(),
        TextColumn("{task.fields[read]} read · {task.fields[stored]} stored · {task.fields[events]} events"),
        TimeElapsedColumn(),
        console=err,
        disable=quiet or not err.is_terminal,
        transient=True,
    )
    try:
        with store, progress:
            task = progress.add_task("ingest", total=None, read=0, stored=0, events=0)

            def show(c) -> None:
                progress.update(task, read=c.read, stored=c.stored, events=c.events)

            columns = ColumnMap(id=id_field, text=text_field, date=date_field)
            import os

            chosen = engine or auto_engine(sources)
            stats, shards_dir = None, shards or default_shards_dir(path)
            if chosen:
                counts, stats = ingest_sharded(
                    store,
                    sources,
                    chosen,
                    shards_dir,
                    workers=workers,
                    scheduler=scheduler,
                    batch_size=batch_size or LOAD_BATCH,
                    columns=columns,
                    default_date=default_date,
                    fetch_pages=fetch_pages,
                    progress=show,
                )
            else:
                processes = 1 if workers is None else workers or os.cpu_count() or 1
                ingestor = Ingestor(store, Coder(), batch_size or BATCH_SIZE, workers=processes)
                ingestor.fetch_pages = fetch_pages
                counts = ingestor.run(sources, columns, default_date, show)
    except (InputError, ScaleError) as exc:
        raise fail(str(exc)) from None
    elapsed = time.perf_counter() - started
    err.print(
        f"read {counts.read} · stored {counts.stored} · duplicates {counts.duplicates} · "
        f"quarantined {counts.quarantined} · events {counts.events} "
        f"({counts.read / elapsed if elapsed else 0:,.0f} docs/s) → {path}",
        highlight=False,
    )
    if stats is not None and not quiet:
        err.print(f"{stats.shards} shards ({stats.skipped} coded on an earlier run) in {shards_dir}", highlight=False)
    if counts.quarantined:
        err.print(f"see what was set aside with: blocwatch quarantine --db {path}", highlight=False)
    if counts.read == 0 or counts.quarantined == counts.read:
        raise fail("nothing could be ingested from the sources; see `blocwatch quarantine`", 1)


@app.command()
def quarantine(db: Annotated[str | None, typer.Option(help=DB_HELP)] = None) -> None:
    """List what ingest set aside, with the reason."""
    from blocwatch.store import open_store
    from blocwatch.store.duckdb_store import StoreError

    try:
        with open_store(db_location(db), read_only=True) as store:
            items = store.quarantine_items()
    except StoreError as exc:
        raise fail(str(exc)) from None
    if not items:
        typer.echo("nothing in quarantine")
        return
    table = Table(title=f"quarantine ({len(items)})")
    table.add_column("input")
    table.add_column("reason")
    for item in items:
        table.add_row(item["input"], item["reason"])
    Console(width=200).print(table)


@app.command()
def events(
    db: Annotated[str | None, typer.Option(help=DB_HELP)] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or parquet.")] = "jsonl",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Output file (stdout if omitted).")] = None,
    since: Annotated[str | None, typer.Option(help="First date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Last date (YYYY-MM-DD).")] = None,
    actor: Annotated[str | None, typer.Option(help="Source or target code prefix, e.g. KOR or PRKGOV.")] = None,
    mode: Annotated[list[str] | None, typer.Option(help="Modes to keep (repeatable); all if omitted.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
) -> None:
    """Export events from the store."""
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    from blocwatch.ingest.readers import parse_date
    from blocwatch.store import open_store
    from blocwatch.store.duckdb_store import StoreError

    if fmt not in ("jsonl", "csv", "parquet"):
        raise fail(f"--format {fmt}: use jsonl, csv or parquet")
    if fmt == "parquet" and out is None:
        raise fail("--format parquet needs --out FILE.parquet")
    bounds = {}
    for name, value in (("since", since), ("until", until)):
        if value:
            bounds[name] = parse_date(value)
            if bounds[name] is None:
                raise fail(f"--{name} {value}: not a date; use YYYY-MM-DD")
    modes = tuple(mode or ())
    unknown = [m for m in modes if m not in ("asserted", "negated", "hypothetical", "future")]
    if unknown:
        raise fail(f"--mode {unknown[0]}: use asserted, negated, hypothetical or future")
    try:
        with open_store(db_location(db), read_only=True) as store:
            table = store.query_events(bounds.get("since"), bounds.get("until"), actor, modes, limit=limit)
    except StoreError as exc:
        raise fail(str(exc)) from None
    if fmt == "parquet":
        pq.write_table(table, out)
    elif fmt == "csv":
        sink = pa.BufferOutputStream()
        pacsv.write_csv(table, sink)
        data = sink.getvalue().to_pybytes().decode("utf-8")
        if out:
            out.write_text(data, encoding="utf-8")
        else:
            sys.stdout.write(data)
    else:
        lines = [json.dumps(row, ensure_ascii=False, default=str) for row in table.to_pylist()]
        text = "".join(line + "\n" for line in lines)
        if out:
            out.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
    err.print(f"{table.num_rows} events", highlight=False)


@app.command("import")
def import_events(
    fmt: Annotated[str, typer.Argument(help="gdelt, icews, icews-quads or phoenix.")],
    files: Annotated[list[Path], typer.Argument(help="Event files in that format.")],
    db: Annotated[str | None, typer.Option(help=DB_HELP)] = None,
) -> None:
    """Load events coded elsewhere (GDELT, ICEWS, Phoenix) into the store, marked by origin."""
    from blocwatch.ingest.importers import FORMATS, ImportFormatError, read_events_file
    from blocwatch.store import open_store
    from blocwatch.store.duckdb_store import QuarantineItem, StoreError

    if fmt not in FORMATS:
        raise fail(f"{fmt}: unknown format; use one of {', '.join(FORMATS)}")
    for path in files:
        if not path.is_file():
            raise fail(f"{path}: no such file; give the path of a {fmt} event file")
    path = db_location(db)
    started = time.perf_counter()
    total_read = total_added = total_rejected = 0
    try:
        with open_store(path) as store:
            run_id = store.start_run(f"import {fmt} " + " ".join(map(str, files)))
            for file in files:
                try:
                    result = read_events_file(fmt, file)
                except (ImportFormatError, UnicodeDecodeError) as exc:
                    raise fail(str(exc)) from None
                problems = [QuarantineItem(where, why) for where, why in result.rejected]
                added = store.write_imported(run_id, result.table, problems)
                total_read += result.rows_read
                total_added += added
                total_rejected += len(problems)
                err.print(
                    f"{file}: {result.table.num_rows} events ({added} new), {len(problems)} rejected", highlight=False
                )
            store.finish_run(run_id, {"read": total_read, "events": total_added, "quarantined": total_rejected})
    except StoreError as exc:
        raise fail(str(exc)) from None
    elapsed = time.perf_counter() - started
    err.print(
        f"imported {total_added} new events from {len(files)} file(s) "
        f"({total_read / elapsed if elapsed else 0:,.0f} rows/s) → {path}",
        highlight=False,
    )


@app.command()
def version() -> None:
    """Print the blocwatch and lexicon versions."""
    from blocwatch.lexicon.loader import load_lexicon

    typer.echo(f"blocwatch {__version__} (lexicon {load_lexicon().version})")


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    app()
