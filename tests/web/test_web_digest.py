"""The e-mail digest against a tiny local SMTP server started here (enough of RFC 5321 for smtplib)."""

from __future__ import annotations

import email
import socketserver
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from email.message import Message

import pytest

from blocwatch.web.digest import send_digest


class _Session(socketserver.StreamRequestHandler):
    def reply(self, line: bytes) -> None:
        self.wfile.write(line + b"\r\n")

    def handle(self) -> None:
        server: MailSink = self.server  # type: ignore[assignment]
        self.reply(b"220 sink ESMTP")
        envelope: dict = {"rcpt": []}
        while line := self.rfile.readline():
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                self.reply(b"250 sink")
            elif verb == b"MAIL":
                envelope["from"] = line[10:].strip().decode()
                self.reply(b"250 OK")
            elif verb == b"RCPT":
                envelope["rcpt"].append(line[8:].strip().decode())
                self.reply(b"250 OK")
            elif verb == b"DATA":
                self.reply(b"354 end with <CRLF>.<CRLF>")
                body = []
                while (data := self.rfile.readline()) not in (b".\r\n", b""):
                    body.append(data[1:] if data.startswith(b"..") else data)
                server.received.append({**envelope, "message": email.message_from_bytes(b"".join(body))})
                envelope = {"rcpt": []}
                self.reply(b"250 queued")
            elif verb == b"QUIT":
                self.reply(b"221 bye")
                return
            else:
                self.reply(b"250 OK")


class MailSink(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Session)
        self.received: list[dict] = []


@pytest.fixture
def sink() -> Iterator[MailSink]:
    server = MailSink()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_digest_sends_the_stored_alerts_with_evidence(store_path, sink):
    host, port = sink.server_address
    sent = send_digest(store_path, host, port, "blocwatch@localhost", ["analyst@example.org", "desk@example.org"],
                       since=date(2000, 1, 1), base_url="http://127.0.0.1:8000/")
    assert sent == 2 and len(sink.received) == 1
    mail = sink.received[0]
    assert mail["from"] == "<blocwatch@localhost>"
    assert mail["rcpt"] == ["<analyst@example.org>", "<desk@example.org>"]
    message: Message = mail["message"]
    assert message["Subject"] == "blocwatch: 2 new alerts"
    body = message.get_payload(decode=True).decode()
    assert "JPN–KOR 2024-06: down" in body and "CHN–JPN 2024-07: down" in body
    assert "http://127.0.0.1:8000/dyad/JPN/KOR" in body
    assert "Japan condemned the treaty" in body  # the evidence sentence of the JPN–KOR alert


def test_no_new_alerts_sends_nothing(store_path, sink):
    host, port = sink.server_address
    tomorrow = datetime.now(UTC).replace(tzinfo=None) + timedelta(days=1)
    assert send_digest(store_path, host, port, "blocwatch@localhost", ["analyst@example.org"], tomorrow) == 0
    assert sink.received == []


def test_digest_needs_recipients(store_path):
    with pytest.raises(ValueError, match="recipients"):
        send_digest(store_path, "127.0.0.1", 25, "blocwatch@localhost", [], date(2000, 1, 1))
