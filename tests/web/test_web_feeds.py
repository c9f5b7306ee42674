"""Atom 1.0 feeds of the stored alerts: well-formed, with the elements RFC 4287 requires, links to dyad pages."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

NS = {"a": "http://www.w3.org/2005/Atom"}
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def parse_feed(client, url: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    for name in ("id", "title", "updated"):  # required once in a feed
        assert len(feed.findall(f"a:{name}", NS)) == 1, name
    assert RFC3339.match(feed.findtext("a:updated", namespaces=NS))
    self_link = feed.find("a:link[@rel='self']", NS).get("href")
    assert self_link.startswith("http://testserver/alerts") and self_link.endswith(".atom")
    assert client.get(self_link).content == response.content
    entries = feed.findall("a:entry", NS)
    if entries:  # without an author on every entry, the feed must have one
        assert feed.findtext("a:author/a:name", namespaces=NS)
    ids = []
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert entry.findtext(f"a:{name}", namespaces=NS), name
        assert RFC3339.match(entry.findtext("a:updated", namespaces=NS))
        assert entry.find("a:link[@rel='alternate']", NS) is not None
        ids.append(entry.findtext("a:id", namespaces=NS))
    assert len(ids) == len(set(ids))
    return feed


def entry_links(feed: ET.Element) -> list[str]:
    return [e.find("a:link[@rel='alternate']", NS).get("href") for e in feed.findall("a:entry", NS)]


def test_all_alerts_feed(client):
    feed = parse_feed(client, "/alerts.atom")
    assert entry_links(feed) == ["http://testserver/dyad/CHN/JPN", "http://testserver/dyad/JPN/KOR"]
    titles = [e.findtext("a:title", namespaces=NS) for e in feed.findall("a:entry", NS)]
    assert titles == ["CHN–JPN nc down in 2024-07", "JPN–KOR nc down in 2024-06"]
    summary = feed.find("a:entry/a:summary", NS).text
    assert "events behind it" in summary
    # a link from the feed opens the dyad page
    assert client.get(entry_links(feed)[1]).status_code == 200


@pytest.mark.parametrize(("url", "links"), [
    ("/alerts/dyad/KOR/JPN.atom", ["http://testserver/dyad/JPN/KOR"]),
    ("/alerts/dyad/JPN/KOR.atom", ["http://testserver/dyad/JPN/KOR"]),
    ("/alerts/actor/JPN.atom", ["http://testserver/dyad/CHN/JPN", "http://testserver/dyad/JPN/KOR"]),
    ("/alerts/actor/CHN.atom", ["http://testserver/dyad/CHN/JPN"]),
    ("/alerts/actor/MNG.atom", []),
    ("/alerts/dyad/MNG/TWN.atom", []),
])
def test_filtered_feeds(client, url, links):
    assert entry_links(parse_feed(client, url)) == links


def test_feed_ids_are_stable_and_distinct(client):
    ids = {parse_feed(client, u).findtext("a:id", namespaces=NS)
           for u in ("/alerts.atom", "/alerts/dyad/JPN/KOR.atom", "/alerts/actor/JPN.atom")}
    assert len(ids) == 3
    assert parse_feed(client, "/alerts.atom").findtext("a:id", namespaces=NS) == "urn:blocwatch:alerts"


@pytest.mark.parametrize("url", ["/alerts/dyad/jpn/KOR.atom", "/alerts/dyad/JPN/JPN.atom", "/alerts/actor/JP.atom",
                                 "/alerts/actor/J'N.atom"])
def test_feed_bad_codes(client, url):
    assert client.get(url).status_code == 422


def test_empty_store_feed_is_valid(empty_client):
    feed = parse_feed(empty_client, "/alerts.atom")
    assert feed.findall("a:entry", NS) == []
