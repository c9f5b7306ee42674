"""Every source type through ingest: HTML (bulletin page, truncated page), RSS and Atom (file and
URL on 127.0.0.1, with page fetching), a forum thread with quoted repeats, a story syndicated in
five variants, and broken inputs, with counts that add up."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

import pytest

from blocwatch.coding.coder import Coder
from blocwatch.ingest.feeds import Fetcher
from blocwatch.ingest.readers import ReadProblem, read_inputs
from blocwatch.scale.pipeline import Ingestor
from blocwatch.store.duckdb_store import DuckDBStore

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    db = tmp_path_factory.mktemp("store") / "s.duckdb"
    store = DuckDBStore(db)
    counts = Ingestor(store, Coder(), batch_size=4).run([str(FIXTURES)])
    yield store, counts
    store.close()


def test_counts_add_up(ingested):
    _, counts = ingested
    assert counts.balanced
    # 5 wire variants (1 stored, 4 duplicates), bulletin, forum, 2 RSS items + 1 empty, 1 Atom entry,
    # a broken feed and a truncated page
    assert (counts.stored, counts.duplicates, counts.quarantined) == (6, 4, 3)


def test_syndicated_variants_link_to_one_story(ingested):
    store, _ = ingested
    links = store.con.execute("SELECT doc_id, canonical_id, kind FROM duplicates ORDER BY doc_id").fetchall()
    assert len({c for _, c, _ in links}) == 1
    assert {k for _, _, k in links} <= {"exact", "near"} and "near" in {k for _, _, k in links}
    canonical = links[0][1]
    mentions = store.con.execute("SELECT DISTINCT num_mentions FROM events WHERE doc_id = ?", [canonical]).fetchall()
    assert mentions == [(5,)]


def test_bulletin_header_becomes_tags_and_footer_goes(ingested):
    store, _ = ingested
    text, tags, source, published = store.con.execute(
        "SELECT text, tags, source, published FROM documents WHERE doc_id LIKE '%bulletin.html'"
    ).fetchall()[0]
    assert "Categories" not in text and "FREE SUBSCRIPTION" not in text and "Share if you like" not in text
    assert "SOUTH KOREA" in tags and "source:NK NEWS" in tags
    assert source == "Peninsula Watch Bulletin" and str(published) == "2019-07-02"
    events = store.con.execute(
        "SELECT source, target, code FROM events WHERE doc_id LIKE '%bulletin.html' AND mode = 'asserted'"
    ).fetchall()
    assert ("KOR", "JPN", "114") in events


def test_forum_quotes_are_kept_once(ingested):
    store, _ = ingested
    (text,) = store.con.execute("SELECT text FROM documents WHERE doc_id LIKE '%forum_thread.txt'").fetchall()[0]
    assert text.count("agreed at Camp David") == 1 and text.count("Asian NATO") == 1
    assert "Moscow might coordinate" in text


def test_quarantine_reasons(ingested):
    store, _ = ingested
    reasons = {q["input"].rsplit("/", 1)[-1]: q["reason"] for q in store.quarantine_items()}
    assert reasons["broken_feed.xml"].startswith("not a readable RSS/Atom feed")
    assert reasons["truncated.html"].startswith("HTML page without a main text")
    assert reasons["feed.xml#3"] == "feed entry without text"


class _Site(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output quiet
        pass


def test_feed_url_with_page_fetching_and_unreachable_pages(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    page = (FIXTURES / "bulletin.html").read_text()
    (site / "story.html").write_text(page)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: _Site(*a, directory=str(site)))
    port = server.server_address[1]
    (site / "feed.xml").write_text(
        f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>
<item><title>Curbs</title><link>http://127.0.0.1:{port}/story.html</link><guid>l1</guid>
<description>Short teaser.</description></item>
<item><title>Gone</title><link>http://127.0.0.1:{port}/missing.html</link><guid>l2</guid>
<description>Seoul protested to Tokyo about the curbs on Tuesday.</description></item>
</channel></rss>"""
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        problems: list[ReadProblem] = []
        docs = list(
            read_inputs(
                [f"http://127.0.0.1:{port}/feed.xml", "http://127.0.0.1:9/nowhere.xml"],
                problems=problems,
                fetch_pages=True,
            )
        )
    finally:
        server.shutdown()
    by_id = {d.doc_id: d for d in docs}
    assert "three chemicals" in by_id["l1"].text  # the page replaced the teaser
    assert "Seoul protested" in by_id["l2"].text  # the page failed, the feed text stays
    failed = {p.source: p.reason for p in problems}
    assert failed[f"http://127.0.0.1:{port}/missing.html"] == "HTTP 404"
    assert failed["http://127.0.0.1:9/nowhere.xml"].startswith("unreachable")


def test_fetcher_is_polite():
    fetcher = Fetcher(timeout=1.0, delay=0.2, retries=1)
    assert fetcher.get("http://127.0.0.1:9/x") is None
    assert fetcher.failures and fetcher.failures[0][1].startswith("unreachable")
