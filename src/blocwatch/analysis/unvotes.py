"""UN General Assembly voting agreement, after Voeten's UNGA roll-call data and agreement scores.

Data: Voeten's UNGA voting data (Voeten 2013, "Data and Analyses of Voting in
the UN General Assembly", in Reinalda (ed.), Routledge Handbook of International
Organization; Bailey, Strezhnev and Voeten 2017, "Estimating Dynamic State
Preferences from United Nations Voting Data", Journal of Conflict Resolution
61(2): 430–456) as packaged by the R ``unvotes`` package: ``un_votes.csv.gz``
(rcid, country, country_code, vote ∈ yes/no/abstain; absences are not rows)
and ``un_roll_calls.csv`` (rcid, session, importantvote, date, unres, amend,
para, ...).

Which roll calls count. Amendment votes (``amend == 1``) and votes on single
paragraphs (``para == 1``) are dropped; a missing flag (empty in the file for
every roll call of sessions 40–51 and 68–74, and for some of 52–67) counts as
"not an amendment/paragraph vote", so those roll calls are kept. (Requiring
``amend == 0`` instead would silently drop whole sessions.) ``importantvote``
plays no part. Sessions are read as numbers (the file writes ``74.0``).

Agreement of a pair in a session (Voeten's ``agree``): among the kept roll calls
where both countries cast yes, abstain or no (absences dropped), the share where
they cast the same vote. With this rule session 74 gives China–Russia
69 / 87 = 0.7931, Voeten's published value.

For Häge's (2011) chance-corrected measures, ``vote_profiles`` codes votes
ordinally as in Voeten's data: yes = 1, abstain = 2, no = 3, NaN = absent; feed
them to :mod:`blocwatch.analysis.alignment`.

Countries are named by ISO 3166-1 alpha-2 (as in the file), alpha-3 (via
``data/iso3_iso2.tsv``) or the country name used in the file.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import duckdb
import numpy as np
from numpy.typing import NDArray

VOTE_CODES: dict[str, int] = {"yes": 1, "abstain": 2, "no": 3}
_ISO_TABLE = ("data", "iso3_iso2.tsv")


class UNVotesError(ValueError):
    """A votes file, country or session that cannot be used; the message names it and says what to do."""


@dataclass(frozen=True)
class Agreement:
    """Share of common votes that agree, and how many common votes it rests on (NaN when none)."""

    value: float
    n_votes: int


@dataclass(frozen=True)
class UNVotes:
    """Votes loaded into an in-memory DuckDB database (tables ``votes`` and ``roll_calls``)."""

    con: duckdb.DuckDBPyConnection
    names: dict[str, str]  # lower-cased country name, ISO2 or ISO3 → the country name in the file
    sessions: tuple[int, ...]


def _existing(path: str | Path, what: str) -> Path:
    p = Path(path)
    if not p.is_file():
        raise UNVotesError(f"{what} not found: {p} — pass the directory or file that holds the unvotes data")
    return p


def _sql_string(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _load_tables(con: duckdb.DuckDBPyConnection, votes_path: Path, roll_calls_path: Path) -> None:
    codes = " ".join(f"WHEN '{vote}' THEN {code}" for vote, code in VOTE_CODES.items())
    con.execute(
        f"""
        CREATE TABLE roll_calls AS
        SELECT CAST(rcid AS BIGINT) AS rcid, CAST(session AS INTEGER) AS session
        FROM read_csv({_sql_string(roll_calls_path)}, header = true)
        WHERE coalesce(amend, 0) <> 1 AND coalesce(para, 0) <> 1
        """
    )
    con.execute(
        f"""
        CREATE TABLE votes AS
        SELECT r.session, r.rcid, v.country, v.country_code,
               CAST(CASE lower(v.vote) {codes} END AS TINYINT) AS code
        FROM read_csv({_sql_string(votes_path)}, header = true,
                      types = {{'country': 'VARCHAR', 'country_code': 'VARCHAR', 'vote': 'VARCHAR'}}) AS v
        JOIN roll_calls AS r ON CAST(v.rcid AS BIGINT) = r.rcid
        WHERE lower(v.vote) IN ('yes', 'abstain', 'no')
        """
    )


def _iso3_to_iso2() -> dict[str, str]:
    text = resources.files("blocwatch.analysis").joinpath(*_ISO_TABLE).read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    return {row["iso3"]: row["iso2"] for row in rows}


def _country_names(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Every accepted spelling (lower-cased) → the country name used in the file."""
    pairs = con.execute("SELECT DISTINCT country, country_code FROM votes").fetchall()
    by_iso2 = {code.upper(): country for country, code in pairs if code}
    names = {iso3.lower(): by_iso2[iso2] for iso3, iso2 in _iso3_to_iso2().items() if iso2 in by_iso2}
    names.update({code.lower(): country for code, country in by_iso2.items()})
    names.update({country.lower(): country for country, _ in pairs})
    return names


def load_votes(votes_path: str | Path, roll_calls_path: str | Path) -> UNVotes:
    """Read ``un_votes.csv.gz`` and ``un_roll_calls.csv``, keeping only the roll calls that count."""
    votes_file = _existing(votes_path, "votes file (un_votes.csv.gz)")
    roll_calls_file = _existing(roll_calls_path, "roll-calls file (un_roll_calls.csv)")
    con = duckdb.connect()
    try:
        _load_tables(con, votes_file, roll_calls_file)
    except duckdb.Error as exc:
        con.close()
        first_line = str(exc).splitlines()[0]
        raise UNVotesError(
            f"cannot read {votes_file.name} / {roll_calls_file.name}: {first_line} — "
            "expected the unvotes columns (rcid,country,country_code,vote and rcid,session,amend,para)"
        ) from exc
    sessions = tuple(s for (s,) in con.execute("SELECT DISTINCT session FROM roll_calls ORDER BY 1").fetchall())
    return UNVotes(con=con, names=_country_names(con), sessions=sessions)


def resolve_country(votes: UNVotes, country: str) -> str:
    """The file's country name for an ISO2 code, ISO3 code or name (case-insensitive)."""
    name = votes.names.get(country.strip().lower())
    if name is None:
        raise UNVotesError(
            f"unknown country {country!r}: use an ISO2 (CN) or ISO3 (CHN) code or a country name from un_votes.csv.gz"
        )
    return name


def _check_session(votes: UNVotes, session: int) -> int:
    if session not in votes.sessions:
        first, last = votes.sessions[0], votes.sessions[-1]
        raise UNVotesError(f"no roll-call votes in session {session}: pick a session between {first} and {last}")
    return int(session)


def _pair_counts(votes: UNVotes, session: int, countries: list[str]) -> dict[tuple[str, str], tuple[int, int]]:
    """(country a, country b) → (common votes, agreeing votes) in a session, for all pairs of ``countries``."""
    rows = votes.con.execute(
        """
        SELECT a.country, b.country, count(*), sum(CASE WHEN a.code = b.code THEN 1 ELSE 0 END)
        FROM votes AS a JOIN votes AS b ON a.rcid = b.rcid
        WHERE a.session = $session AND list_contains($names, a.country) AND list_contains($names, b.country)
        GROUP BY 1, 2
        """,
        {"session": session, "names": countries},
    ).fetchall()
    return {(a, b): (int(n), int(agree)) for a, b, n, agree in rows}


def _agreement(counts: tuple[int, int] | None) -> Agreement:
    if counts is None or counts[0] == 0:
        return Agreement(value=float("nan"), n_votes=0)
    n, agree = counts
    return Agreement(value=agree / n, n_votes=n)


def agreement(votes: UNVotes, session: int, a: str, b: str) -> Agreement:
    """Share of the session's counted roll calls where ``a`` and ``b`` both voted and voted alike."""
    session = _check_session(votes, session)
    name_a, name_b = resolve_country(votes, a), resolve_country(votes, b)
    return _agreement(_pair_counts(votes, session, [name_a, name_b]).get((name_a, name_b)))


def agreement_matrix(votes: UNVotes, session: int, countries: list[str]) -> tuple[list[str], NDArray[np.float64]]:
    """Symmetric agreement matrix over ``countries`` (names as given); NaN where a pair never voted together."""
    session = _check_session(votes, session)
    if not countries:
        raise UNVotesError("countries is empty: pass at least one country code or name")
    resolved = [resolve_country(votes, c) for c in countries]
    counts = _pair_counts(votes, session, sorted(set(resolved)))
    matrix = np.array([[_agreement(counts.get((ra, rb))).value for rb in resolved] for ra in resolved], dtype=float)
    return list(countries), matrix


def session_roll_calls(votes: UNVotes, session: int) -> list[int]:
    """The rcids counted in a session, ascending: the item order of ``vote_profiles``."""
    session = _check_session(votes, session)
    rows = votes.con.execute("SELECT rcid FROM roll_calls WHERE session = ? ORDER BY rcid", [session]).fetchall()
    return [rcid for (rcid,) in rows]


def vote_profiles(votes: UNVotes, session: int, countries: list[str]) -> dict[str, NDArray[np.float64]]:
    """Per country (keys as given), its votes on the session's counted roll calls in ``session_roll_calls``
    order: yes = 1, abstain = 2, no = 3, NaN = absent."""
    rcids = np.array(session_roll_calls(votes, session), dtype=np.int64)
    profiles: dict[str, NDArray[np.float64]] = {}
    for country in countries:
        rows = votes.con.execute(
            "SELECT rcid, code FROM votes WHERE session = ? AND country = ?",
            [session, resolve_country(votes, country)],
        ).fetchall()
        profile = np.full(rcids.size, np.nan)
        if rows:
            cast_rcids, codes = (np.array(column) for column in zip(*rows, strict=True))
            profile[np.searchsorted(rcids, cast_rcids)] = codes
        profiles[country] = profile
    return profiles
