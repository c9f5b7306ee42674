"""An e-mail digest of the alerts stored since a given time, with a sentence or two of evidence each.

Plain SMTP through ``smtplib`` (no authentication or TLS here: point it at a local relay). Alerts count
from the time they were stored (``alerts.created``), so a daily digest carries what the last run added.
"""

from __future__ import annotations

import smtplib
from datetime import date, datetime, time
from email.message import EmailMessage
from pathlib import Path

from blocwatch.store.duckdb_store import DuckDBStore

EVIDENCE_PER_ALERT = 2

_ALERTS = """
    SELECT alert_id, subject, period, direction, detail, created FROM alerts
    WHERE coalesce(created, CAST(period AS TIMESTAMP)) >= ? ORDER BY period DESC, subject, alert_id"""
_EVIDENCE = """
    SELECT e.date, e.source, e.target, e.code, e.sentence FROM alert_events l JOIN events e USING (event_id)
    WHERE l.alert_id = ? AND e.sentence IS NOT NULL ORDER BY e.date, e.event_id LIMIT ?"""


def digest_text(alerts: list[dict], since: datetime, base_url: str | None = None) -> str:
    """The body of the digest."""
    lines = [f"{len(alerts)} blocwatch alert{'s' if len(alerts) != 1 else ''} stored since {since:%Y-%m-%d %H:%M} UTC.",
             ""]
    for alert in alerts:
        lines.append(f"* {alert['subject']} {alert['period']:%Y-%m}: {alert['direction'] or ''} {alert['detail'] or ''}"
                     .rstrip())
        pair = alert["subject"].replace("–", "/") if "–" in alert["subject"] else None
        if base_url and pair:
            lines.append(f"  {base_url.rstrip('/')}/dyad/{pair}")
        for day, source, target, code, sentence in alert["evidence"]:
            lines.append(f"  > {day} {source}→{target} ({code}): {sentence}")
        lines.append("")
    return "\n".join(lines)


def _since(value: date | datetime) -> datetime:
    return value if isinstance(value, datetime) else datetime.combine(value, time())


def send_digest(db: str | Path, smtp_host: str, smtp_port: int, sender: str, recipients: list[str],
                since: date | datetime, base_url: str | None = None, timeout: float = 30.0) -> int:
    """Mail the alerts stored since ``since`` (naive UTC) to ``recipients``; returns how many were sent (0: no mail)."""
    if not recipients:
        raise ValueError("no recipients")
    start = _since(since)
    with DuckDBStore(db, read_only=True) as store:
        cur = store.con
        found = cur.execute(_ALERTS, [start]).fetchall()
        alerts = [dict(zip(("alert_id", "subject", "period", "direction", "detail", "created"), row, strict=True))
                  for row in found]
        for alert in alerts:
            alert["evidence"] = cur.execute(_EVIDENCE, [alert["alert_id"], EVIDENCE_PER_ALERT]).fetchall()
    if not alerts:
        return 0
    message = EmailMessage()
    message["Subject"] = f"blocwatch: {len(alerts)} new alert{'s' if len(alerts) != 1 else ''}"
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message.set_content(digest_text(alerts, start, base_url))
    with smtplib.SMTP(smtp_host, smtp_port, timeout=timeout) as smtp:
        smtp.send_message(message)
    return len(alerts)
