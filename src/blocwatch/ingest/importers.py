"""Import event data coded elsewhere: GDELT 1.0/2.0, raw ICEWS, ICEWS quadruples, Phoenix.

Each importer turns a file into an Arrow table with the store's event columns,
marked by ``origin``, so the same analytics run on imported and coded events.
Formats follow the GDELT 1.0 and 2.0 event codebooks (57/58 and 61 tab-separated
columns, or a CSV export with a header), the ICEWS coded event data files
(Boschee et al., Harvard Dataverse), the temporal-knowledge-graph ICEWS extracts
(subject, relation, object, date), and the Phoenix data format of the Open
Event Data Alliance. ICEWS actor names ("Police (Nigeria)", "Citizen_(Nigeria)",
"Xi_Jinping") are mapped to CAMEO state + agent codes with blocwatch's lexicons.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import yaml

from blocwatch.lexicon.cameo import load_cameo
from blocwatch.lexicon.loader import Lexicon, load_lexicon

GDELT1_COLUMNS = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
]
GDELT2_COLUMNS = [
    c
    for name in GDELT1_COLUMNS
    for c in ([name, name.replace("ADM1Code", "ADM2Code")] if name.endswith("ADM1Code") else [name])
]
PHOENIX_COLUMNS = [
    "EventID",
    "Date",
    "Year",
    "Month",
    "Day",
    "SourceActorFull",
    "SourceActorEntity",
    "SourceActorRole",
    "SourceActorAttribute",
    "TargetActorFull",
    "TargetActorEntity",
    "TargetActorRole",
    "TargetActorAttribute",
    "EventCode",
    "EventRootCode",
    "PentaClass",
    "GoldsteinScore",
    "Issues",
    "Lat",
    "Lon",
    "LocationName",
    "StateName",
    "CountryCode",
    "SentenceID",
    "URLs",
    "NewsSources",
]
FORMATS = ("gdelt", "icews", "icews-quads", "phoenix")


class ImportFormatError(ValueError):
    """A file is not in the format asked for; the message names it and what was expected."""


@dataclass
class ImportResult:
    table: pa.Table
    rows_read: int
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (where, why)


# ---------------------------------------------------------------------------- codes
@cache
def _cameo_arrays() -> tuple[pa.Array, pa.Array, pa.Array, pa.Array]:
    table = load_cameo()
    codes = table.codes()
    return (
        pa.array(codes),
        pa.array([table.get(c).plover_type for c in codes]),
        pa.array([table.get(c).plover_mode for c in codes]),
        pa.array([table.get(c).quad_class for c in codes], pa.int8()),
    )


def _plover_columns(codes: pa.Array) -> tuple[pa.Array, pa.Array, pa.Array]:
    keys, types, modes, quads = _cameo_arrays()
    idx = pc.index_in(codes, value_set=keys)
    return pc.take(types, idx), pc.take(modes, idx), pc.take(quads, idx)


@cache
def icews_event_codes() -> dict[str, str]:
    text = resources.files("blocwatch.lexicon").joinpath("data/icews_event_names.tsv").read_text("utf-8")
    rows = csv.reader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    next(rows)
    return {_name_key(name): code for name, code in rows}


def _name_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", name.replace("_", " ").lower()).strip()


@cache
def _icews_sector_rules() -> list[tuple[str, tuple[str, ...]]]:
    text = resources.files("blocwatch.lexicon").joinpath("data/icews_sectors.yaml").read_text("utf-8")
    return [(r["code"], tuple(str(m).lower() for m in r["match"])) for r in yaml.safe_load(text)]


def sector_code(*texts: str) -> str:
    """The CAMEO agent code the first matching ICEWS sector rule gives, or ''."""
    joined = " | ".join(t.lower() for t in texts if t)
    for code, words in _icews_sector_rules():
        if any(w in joined for w in words):
            return code
    return ""


class ActorResolver:
    """ICEWS actor names and country names → CAMEO codes, through blocwatch's lexicons."""

    _PAREN = re.compile(r"^(.*?)\s*\(([^()]+)\)\s*$")

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        lexicon = lexicon or load_lexicon()
        self.lexicon = lexicon
        self.states: dict[str, str] = {}
        self.people: dict[str, str] = {}
        for p in lexicon.phrases:
            key = _name_key(p.text)
            if p.kind == "state" and p.form in ("name", "adjective", "abbreviation", "demonym"):
                self.states.setdefault(key, p.ref)
            elif p.kind == "person" and p.form == "alias":
                self.people.setdefault(key, p.ref)
            elif p.kind == "org" and p.form in ("name", "abbreviation"):
                self.states.setdefault(key, p.ref)
        for code, name in lexicon.state_names.items():
            self.states.setdefault(_name_key(name), code)

    def country(self, name: str) -> str:
        return self.states.get(_name_key(name), "")

    def actor(self, name: str, day: date | None, country: str = "", sectors: str = "") -> str:
        """Code for an ICEWS actor; '' when neither its country nor its name is known."""
        clean = name.replace("_", " ").strip()
        state = self.country(country) if country else ""
        label = clean
        m = self._PAREN.match(clean)
        if m:
            label, inner = m.group(1), m.group(2)
            state = state or self.country(inner)
        if not state:
            direct = self.states.get(_name_key(clean))
            if direct:
                return direct
            person = self.people.get(_name_key(clean))
            if person:
                return self.lexicon.dated_actors[person].code_on(day)
            return ""
        if state.startswith(("IGO", "NGO")):
            return state
        if _name_key(label) == _name_key(country or state):
            return state
        return state + sector_code(sectors, label)


# ---------------------------------------------------------------------------- GDELT
def _sniff(path: Path) -> str:
    with path.open("rb") as handle:
        head = handle.read(65536).decode("utf-8", "replace")
    return head.splitlines()[0] if head else ""


def read_gdelt(path: Path) -> ImportResult:
    """GDELT 1.0 (57/58 columns) or 2.0 (61 columns) exports, tab-separated, or a CSV with a header."""
    first = _sniff(path)
    if not first:
        raise ImportFormatError(f"{path}: empty file")
    rejected: list[tuple[str, str]] = []
    other_widths: dict[int, list[str]] = {}

    def skip(row: pacsv.InvalidRow) -> str:
        width = row.actual_columns
        if width in (57, 58, 61) and row.text:
            other_widths.setdefault(width, []).append(row.text)  # a file mixing 1.0 layouts
        else:
            rejected.append((f"{path}:{row.number}" if row.number else str(path), "malformed GDELT row"))
        return "skip"

    if "globaleventid" in first.lower():
        delimiter = "\t" if first.count("\t") > first.count(",") else ","
        read = pacsv.ReadOptions(block_size=1 << 24)
        parse = pacsv.ParseOptions(delimiter=delimiter, invalid_row_handler=skip)
        names = None
    else:
        fields = first.count("\t") + 1
        if fields in (57, 58):
            names = GDELT1_COLUMNS[:fields]
        elif fields == 61:
            names = GDELT2_COLUMNS
        else:
            raise ImportFormatError(
                f"{path}: {fields} tab-separated columns; a GDELT event export has 57, 58 (1.0) or 61 (2.0)"
            )
        read = pacsv.ReadOptions(column_names=names, block_size=1 << 24)
        parse = pacsv.ParseOptions(delimiter="\t", quote_char=False, invalid_row_handler=skip)
    wanted = [
        "GLOBALEVENTID",
        "SQLDATE",
        "Actor1Code",
        "Actor1Name",
        "Actor2Code",
        "Actor2Name",
        "EventCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "SOURCEURL",
    ]
    try:
        header_names = names or [c for c in first.replace('"', "").split("\t" if "\t" in first else ",")]
        present = {c.lower(): c for c in header_names}
        include = [present[c.lower()] for c in wanted if c.lower() in present]
        convert = pacsv.ConvertOptions(
            include_columns=include,
            column_types=dict.fromkeys(include, pa.string()),
            null_values=["", "NA"],
            strings_can_be_null=True,
        )
        table = pacsv.read_csv(path, read_options=read, parse_options=parse, convert_options=convert)
        for width, lines in other_widths.items():
            layout = GDELT2_COLUMNS if width == 61 else GDELT1_COLUMNS[:width]
            extra = pacsv.read_csv(
                io.BytesIO("\n".join(lines).encode("utf-8")),
                read_options=pacsv.ReadOptions(column_names=layout),
                parse_options=pacsv.ParseOptions(delimiter="\t", quote_char=False),
                convert_options=pacsv.ConvertOptions(
                    include_columns=[c for c in wanted if c in layout],
                    column_types={c: pa.string() for c in wanted if c in layout},
                    null_values=["", "NA"],
                    strings_can_be_null=True,
                ),
            )
            for name in table.column_names:
                if name not in extra.column_names:
                    extra = extra.append_column(name, pa.nulls(extra.num_rows, pa.string()))
            table = pa.concat_tables([table, extra.select(table.column_names)])
    except (pa.ArrowInvalid, KeyError) as exc:
        raise ImportFormatError(f"{path}: not a GDELT event file ({exc})") from exc
    table = table.rename_columns([_canonical_gdelt(c) for c in table.column_names])
    n = table.num_rows

    def col(name: str, default: object = None) -> pa.Array:
        if name in table.column_names:
            return table.column(name).combine_chunks()
        return pa.nulls(n, pa.string()) if default is None else pa.array([default] * n)

    codes = pc.fill_null(col("EventCode"), "")
    plover_type, plover_mode, quads = _plover_columns(codes)
    quad = pc.cast(pc.fill_null(col("QuadClass"), "0"), pa.int8(), safe=False)
    out = {
        "event_id": pc.binary_join_element_wise("gdelt:", col("GLOBALEVENTID"), ""),
        "origin": pa.array(["gdelt"] * n),
        "doc_id": col("SOURCEURL"),
        "date": pc.cast(pc.strptime(col("SQLDATE"), format="%Y%m%d", unit="s", error_is_null=True), pa.date32()),
        "source": pc.fill_null(col("Actor1Code"), ""),
        "target": pc.fill_null(col("Actor2Code"), ""),
        "code": codes,
        "root": pc.fill_null(col("EventRootCode"), pc.utf8_slice_codeunits(codes, 0, 2)),
        "quad_class": pc.if_else(pc.equal(quad, 0), quads, quad),
        "goldstein": pc.cast(col("GoldsteinScale"), pa.float64(), safe=False),
        "plover_type": plover_type,
        "plover_mode": plover_mode,
        "mode": pa.array(["asserted"] * n),
        "source_text": col("Actor1Name"),
        "target_text": col("Actor2Name"),
        "num_mentions": pc.cast(col("NumMentions"), pa.int32(), safe=False),
        "num_sources": pc.cast(col("NumSources"), pa.int32(), safe=False),
    }
    valid = pc.and_(pc.is_valid(out["date"]), pc.not_equal(codes, ""))
    bad = n - pc.sum(pc.cast(valid, pa.int64())).as_py() if n else 0
    if bad:
        rejected.append((str(path), f"{bad} rows without a date or an event code"))
    result = pa.table(out).filter(valid)
    return ImportResult(result, n + len(rejected) - (1 if bad else 0), rejected)


def _canonical_gdelt(name: str) -> str:
    lower = name.lower()
    for canonical in GDELT2_COLUMNS:
        if canonical.lower() == lower:
            return canonical
    return name


# ---------------------------------------------------------------------------- rows → table
def _rows_table(rows: list[dict], origin: str) -> pa.Table:
    n = len(rows)
    codes = pa.array([r["code"] for r in rows], pa.string())
    plover_type, plover_mode, quads = _plover_columns(codes)
    cameo = load_cameo()

    def gold(code: str, given: float | None) -> float | None:
        if given is not None:
            return given
        try:
            return cameo.get(code).goldstein
        except KeyError:
            return None

    return pa.table(
        {
            "event_id": pa.array([r["event_id"] for r in rows], pa.string()),
            "origin": pa.array([origin] * n, pa.string()),
            "doc_id": pa.array([r.get("doc_id") for r in rows], pa.string()),
            "date": pa.array([r["date"] for r in rows], pa.date32()),
            "source": pa.array([r["source"] for r in rows], pa.string()),
            "target": pa.array([r["target"] for r in rows], pa.string()),
            "code": codes,
            "root": pa.array([r["code"][:2] for r in rows], pa.string()),
            "quad_class": quads,
            "goldstein": pa.array([gold(r["code"], r.get("goldstein")) for r in rows], pa.float64()),
            "plover_type": plover_type,
            "plover_mode": plover_mode,
            "mode": pa.array(["asserted"] * n, pa.string()),
            "source_text": pa.array([r.get("source_text") for r in rows], pa.string()),
            "target_text": pa.array([r.get("target_text") for r in rows], pa.string()),
            "num_mentions": pa.array([r.get("num_mentions") for r in rows], pa.int32()),
            "num_sources": pa.array([r.get("num_sources") for r in rows], pa.int32()),
        }
    )


def _float(value: str) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def read_icews(path: Path, resolver: ActorResolver | None = None) -> ImportResult:
    """Raw ICEWS event files (tab- or comma-separated, with the ICEWS header)."""
    resolver = resolver or ActorResolver()
    text = path.read_text("utf-8", errors="replace")
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    fields = {f.lower().replace(" ", "_"): f for f in reader.fieldnames or []}
    needed = ["event_id", "event_date", "source_name", "target_name", "cameo_code"]
    missing = [f for f in needed if f not in fields]
    if missing:
        raise ImportFormatError(f"{path}: not an ICEWS event file (no {', '.join(missing)} column)")
    f = fields.__getitem__
    rows, rejected, read = [], [], 0
    for n, row in enumerate(reader, 2):
        read += 1
        try:
            day = date.fromisoformat(row[f("event_date")][:10])
        except ValueError:
            rejected.append((f"{path}:{n}", "unreadable event date"))
            continue
        code = (row[f("cameo_code")] or "").strip()
        if not code.isdigit():
            rejected.append((f"{path}:{n}", "no CAMEO code"))
            continue
        code = code.zfill(3) if len(code) < 3 else code

        def get(name: str, row: dict = row) -> str:
            return row.get(fields.get(name, ""), "") or ""

        rows.append(
            {
                "event_id": f"icews:{row[f('event_id')]}",
                "doc_id": get("story_id") or None,
                "date": day,
                "source": resolver.actor(get("source_name"), day, get("source_country"), get("source_sectors")),
                "target": resolver.actor(get("target_name"), day, get("target_country"), get("target_sectors")),
                "code": code,
                "goldstein": _float(get("intensity")),
                "source_text": get("source_name"),
                "target_text": get("target_name"),
            }
        )
    return ImportResult(_rows_table(rows, "icews"), read, rejected)


def _tsv_rows(path: Path):
    """(line number, fields) for every non-blank line of a tab-separated file."""
    with path.open(encoding="utf-8", errors="replace") as handle:
        for n, line in enumerate(handle, 1):
            if line.strip():
                yield n, line.rstrip("\n").split("\t")


def read_icews_quads(path: Path, resolver: ActorResolver | None = None) -> ImportResult:
    """ICEWS quadruples: subject, event name, object, date (tab-separated; underscores for spaces)."""
    resolver = resolver or ActorResolver()
    names = icews_event_codes()
    rows, rejected, read = [], [], 0
    repeats: Counter[str] = Counter()
    for n, parts in _tsv_rows(path):
        read += 1
        if len(parts) < 4:
            rejected.append((f"{path}:{n}", "not four tab-separated fields"))
            continue
        subject, relation, obj, when = parts[:4]
        code = names.get(_name_key(relation))
        if code is None:
            rejected.append((f"{path}:{n}", f"unknown ICEWS event name {relation!r}"))
            continue
        try:
            day = date.fromisoformat(when.strip()[:10])
        except ValueError:
            rejected.append((f"{path}:{n}", "unreadable date"))
            continue
        key = "\t".join(parts[:4])
        repeats[key] += 1
        digest = hashlib.blake2b(f"{key}\t{repeats[key]}".encode(), digest_size=10).hexdigest()
        rows.append(
            {
                "event_id": f"icewsq:{digest}",
                "date": day,
                "source": resolver.actor(subject, day),
                "target": resolver.actor(obj, day),
                "code": code,
                "source_text": subject.replace("_", " "),
                "target_text": obj.replace("_", " "),
            }
        )
    return ImportResult(_rows_table(rows, "icews-quads"), read, rejected)


def read_phoenix(path: Path) -> ImportResult:
    """Phoenix / PETRARCH output in the Phoenix data format (26 tab-separated columns, no header)."""
    rows, rejected, read = [], [], 0
    for n, parts in _tsv_rows(path):
        read += 1
        if len(parts) < 17:
            rejected.append((f"{path}:{n}", f"{len(parts)} columns; the Phoenix format has 26"))
            continue
        rec = dict(zip(PHOENIX_COLUMNS, parts, strict=False))
        try:
            day = date(int(rec["Year"]), int(rec["Month"]), int(rec["Day"]))
        except ValueError:
            rejected.append((f"{path}:{n}", "unreadable date"))
            continue
        code = rec["EventCode"].strip()
        if not code.isdigit():
            rejected.append((f"{path}:{n}", "no CAMEO code"))
            continue
        rows.append(
            {
                "event_id": f"phoenix:{rec['EventID']}",
                "doc_id": rec.get("URLs") or None,
                "date": day,
                "source": rec["SourceActorFull"],
                "target": rec["TargetActorFull"],
                "code": code,
                "goldstein": _float(rec.get("GoldsteinScore", "")),
                "source_text": rec["SourceActorFull"],
                "target_text": rec["TargetActorFull"],
            }
        )
    return ImportResult(_rows_table(rows, "phoenix"), read, rejected)


def read_events_file(fmt: str, path: Path) -> ImportResult:
    if fmt == "gdelt":
        return read_gdelt(path)
    if fmt == "icews":
        return read_icews(path)
    if fmt == "icews-quads":
        return read_icews_quads(path)
    if fmt == "phoenix":
        return read_phoenix(path)
    raise ImportFormatError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
