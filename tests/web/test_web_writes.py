"""The write rule: ingest and saving scenarios need `Authorization: Bearer <token>`; without a configured token
the server refuses every write; a successful write is visible to the next read (caches follow the store)."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from blocwatch.forecast.scenario import example_scenario
from blocwatch.web import routes_api
from blocwatch.web.app import create_app

TOKEN = "test-token-0123456789"  # conftest.TOKEN, the token of the `writable` fixture
STORY = {"id": "new-001", "date": "2024-07-20", "title": "Seoul and Ulaanbaatar sign deal",
         "text": "South Korea signed a mining agreement with Mongolia on Saturday."}
BODY = json.dumps(STORY) + "\n"
NDJSON = {"Content-Type": "application/x-ndjson"}


def bearer(token: str) -> dict[str, str]:
    return {**NDJSON, "Authorization": f"Bearer {token}"}


@pytest.mark.parametrize("headers", [NDJSON, bearer(TOKEN), bearer("wrong")])
def test_read_only_server_refuses_every_write(client, headers):
    """Without a configured token every write is 403, whatever is sent."""
    before = client.get("/events.json").json()["total"]
    assert client.post("/api/ingest", content=BODY, headers=headers).status_code == 403
    scenario = {"name": "mine", "yaml": example_scenario().read_text()}
    assert client.post("/api/scenarios", json=scenario, headers=headers).status_code == 403
    assert client.get("/events.json").json()["total"] == before


@pytest.mark.parametrize(("headers", "status"), [
    (NDJSON, 401), ({**NDJSON, "Authorization": "Basic dXNlcjpwYXNz"}, 401),
    ({**NDJSON, "Authorization": "Bearer"}, 401), ({**NDJSON, "Authorization": "Bearer  "}, 401),
    (bearer("wrong-token-0123456789"), 403), (bearer(TOKEN + "x"), 403), (bearer(TOKEN[:-1]), 403),
])
def test_writes_need_the_right_token(writable, headers, status):
    response = writable.post("/api/ingest", content=BODY, headers=headers)
    assert response.status_code == status
    if status == 401:
        assert response.headers["www-authenticate"].startswith("Bearer")
    assert writable.get("/document/new-001.json").status_code == 404


def test_ingest_with_the_token_is_visible_at_once(writable):
    before = writable.get("/events.json").json()["total"]
    overview = writable.get("/overview.json", params={"min_events": 1}).json()
    response = writable.post("/api/ingest", content=BODY, headers=bearer(TOKEN))
    assert response.status_code == 200, response.text
    counts = response.json()
    assert counts["read"] == counts["stored"] == 1 and counts["events"] >= 1 and counts["run_id"]
    assert writable.get("/events.json").json()["total"] == before + counts["events"]
    assert writable.get("/document/new-001.json").json()["title"] == STORY["title"]
    after = writable.get("/overview.json", params={"min_events": 1}).json()
    assert after["window"]["until"] == "2024-07-20" != overview["window"]["until"]  # the cache followed the store
    again = writable.post("/api/ingest", content=BODY, headers=bearer(TOKEN)).json()
    assert again["stored"] == 1 and writable.get("/events.json").json()["total"] == before + counts["events"]


def test_ingest_plain_text_with_a_date(writable):
    text = "Japan and South Korea held talks on export controls in Tokyo on Friday."
    response = writable.post("/api/ingest", params={"date": "2024-07-26"}, content=text,
                             headers={"Content-Type": "text/plain", "Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200 and response.json()["stored"] == 1
    rows = writable.get("/api/events", params={"since": "2024-07-26", "until": "2024-07-26"}).json()["rows"]
    assert rows and all(r["sentence"] == text for r in rows)
    doc_id = rows[0]["doc_id"]  # the kept upload's path: slashes and all
    assert "/" in doc_id and doc_id.endswith(".txt")
    page = writable.get("/document/" + quote(doc_id, safe=""), headers={"Accept": "text/html"})
    assert page.status_code == 200 and "export controls" in page.text
    assert writable.get("/document/" + quote(doc_id, safe="") + ".json").json()["doc_id"] == doc_id


def test_ingest_bad_bodies(writable, monkeypatch):
    assert writable.post("/api/ingest", content=b"  \n", headers=bearer(TOKEN)).status_code == 422
    assert writable.post("/api/ingest", params={"kind": "xml"}, content=BODY, headers=bearer(TOKEN)).status_code == 422
    assert writable.post("/api/ingest", params={"date": "soon"}, content=BODY, headers=bearer(TOKEN)).status_code \
        == 422
    monkeypatch.setattr(routes_api, "MAX_BYTES", 10)
    assert writable.post("/api/ingest", content=BODY, headers=bearer(TOKEN)).status_code == 413


def test_saving_scenarios(writable):
    text = example_scenario().read_text().replace("count: 12", "count: 2")
    headers = {"Authorization": f"Bearer {TOKEN}"}
    assert writable.get("/api/scenarios").json() == {"scenarios": []}  # (now in the response cache)
    assert writable.post("/api/scenarios", json={"name": "fewer-missiles", "yaml": text}).status_code == 401
    assert writable.post("/api/scenarios", json={"name": "fewer-missiles", "yaml": text},
                         headers={"Authorization": "Bearer wrong-token"}).status_code == 403
    saved = writable.post("/api/scenarios", json={"name": "fewer-missiles", "yaml": text}, headers=headers)
    assert saved.status_code == 201 and saved.headers["location"] == "/api/scenarios/fewer-missiles"
    assert writable.get("/api/scenarios").json() == {"scenarios": ["fewer-missiles"]}
    assert writable.get("/api/scenarios/fewer-missiles").json()["yaml"] == text
    assert writable.get("/scenario.json", params={"name": "fewer-missiles"}).json()["text"] == text
    assert "fewer-missiles" in writable.get("/scenario", headers={"Accept": "text/html"}).text
    for bad in ({"name": "../escape", "yaml": text}, {"name": "Upper", "yaml": text},
                {"name": "ok", "yaml": "name: [broken"}, {"name": "ok"}):
        assert writable.post("/api/scenarios", json=bad, headers=headers).status_code == 422, bad
    assert writable.get("/api/scenarios").json() == {"scenarios": ["fewer-missiles"]}


def test_token_must_be_long_enough(store_path):
    with pytest.raises(ValueError, match="at least 8"):
        create_app(str(store_path), token="short")
