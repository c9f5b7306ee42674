"""Atom 1.0 feeds (RFC 4287) of stored alerts: one entry per alert, linked to its dyad's page."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, time
from typing import Any

ATOM = "http://www.w3.org/2005/Atom"
ET.register_namespace("", ATOM)


def _stamp(value: Any) -> str:
    """RFC 3339 in UTC (stored timestamps are naive UTC; a bare date is its midnight)."""
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
    elif isinstance(value, date):
        moment = datetime.combine(value, time(), tzinfo=UTC)
    else:
        moment = datetime.now(UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        node.text = text
    return node


def _title(alert: dict[str, Any]) -> str:
    period = alert["period"].strftime("%Y-%m") if isinstance(alert["period"], date) else str(alert["period"])
    direction = f" {alert['direction']}" if alert.get("direction") else ""
    return f"{alert['subject']} {alert['measure']}{direction} in {period}"


def alerts_feed(alerts: list[dict[str, Any]], feed_id: str, title: str, self_url: str, base_url: str) -> bytes:
    """The feed document; ``base_url`` ends with "/" and roots the links to dyad pages."""
    feed = ET.Element(f"{{{ATOM}}}feed")
    _add(feed, "id", feed_id)
    _add(feed, "title", title)
    stamps = [a.get("created") or a.get("period") for a in alerts]
    _add(feed, "updated", max((_stamp(s) for s in stamps), default=_stamp(None)))
    _add(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    _add(feed, "link", rel="alternate", type="text/html", href=base_url)
    author = _add(feed, "author")
    _add(author, "name", "blocwatch")
    _add(feed, "generator", "blocwatch")
    for alert in alerts:
        entry = _add(feed, "entry")
        _add(entry, "id", f"urn:blocwatch:{alert['alert_id']}")
        _add(entry, "title", _title(alert))
        _add(entry, "updated", _stamp(alert.get("created") or alert.get("period")))
        target = f"{base_url}dyad/{alert['a']}/{alert['b']}" if alert.get("a") else base_url
        _add(entry, "link", rel="alternate", type="text/html", href=target)
        _add(entry, "summary", f"{alert.get('detail') or ''} ({alert.get('events', 0)} events behind it)".strip())
        _add(entry, "category", term=str(alert.get("kind") or "alert"))
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
