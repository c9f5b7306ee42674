"""Every read endpoint of the web API over a small real store: pages and their JSON twins, filters, bad
parameters (422 with a message), injection attempts, empty states, OpenAPI and the security headers."""

from __future__ import annotations

import csv
import io
from urllib.parse import quote

import pytest

from blocwatch.forecast.scenario import example_scenario

JSON = {"Accept": "application/json"}
HTML = {"Accept": "text/html"}


def total_events(client) -> int:
    return client.get("/events.json").json()["total"]


# ----------------------------------------------------------------------------------------------- overview


def test_overview_page_and_twins(client):
    page = client.get("/", headers=HTML)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "Who stands with whom" in page.text and "Latest alerts" in page.text
    twin = client.get("/overview.json", params={"min_events": 1})
    negotiated = client.get("/", params={"min_events": 1}, headers=JSON)
    assert twin.status_code == negotiated.status_code == 200
    assert twin.json() == negotiated.json() == client.get("/overview", params={"min_events": 1}, headers=JSON).json()
    assert client.get("/overview", headers=HTML).text == page.text
    data = twin.json()
    assert data["window"] == {"since": "2023-07-11", "until": "2024-07-10", "days": 366,
                              "previous_since": "2022-07-10", "previous_until": "2023-07-10"}
    assert data["events"] > 0 and data["network"]["edges"]
    assert {n["actor"] for n in data["network"]["nodes"]} == {"USA", "CHN", "JPN", "KOR", "PRK", "RUS", "MNG", "TWN"}
    assert data["capabilities"]["year"] == 2022
    assert abs(sum(s["share"] for s in data["capabilities"]["shares"]) - 1) < 1e-9
    assert data["capabilities"]["polarity"]["effective_poles"] > 1
    assert [a["alert_id"] for a in data["alerts"]] == ["alert:chn-jpn-2024-07", "alert:jpn-kor-2024-06"]
    assert data["changed"] and all({"a", "b", "nc", "nc_previous", "delta", "trend"} <= set(r) for r in data["changed"])


def test_overview_window_and_empty_form_fields(client):
    data = client.get("/overview.json", params={"since": "2024-01-01", "until": "2024-06-30"}).json()
    assert data["window"]["since"] == "2024-01-01" and data["window"]["previous_until"] == "2023-12-31"
    assert client.get("/?since=&until=&min_events=", headers=HTML).status_code == 200  # an empty form


@pytest.mark.parametrize("query", ["since=2024-13-01", "until=yesterday", "since=2024-06-01&until=2024-01-01",
                                   "min_events=0", "min_events=many"])
def test_overview_bad_parameters(client, query):
    response = client.get(f"/overview.json?{query}")
    assert response.status_code == 422 and response.json()["detail"]


def test_bad_parameter_on_a_page_is_an_html_error(client):
    response = client.get("/?since=2024-02-30", headers=HTML)
    assert response.status_code == 422 and "text/html" in response.headers["content-type"]
    assert "since" in response.text


# ----------------------------------------------------------------------------------------------- dyads


def test_dyad_page_and_twins(client):
    page = client.get("/dyad/KOR/JPN", headers=HTML)
    assert page.status_code == 200 and 'id="chart"' in page.text and "uPlot.iife.min.js" in page.text
    data = client.get("/dyad/KOR/JPN.json").json()
    assert client.get("/dyad/KOR/JPN", headers=JSON).json() == data
    assert (data["a"], data["b"]) == ("JPN", "KOR")  # undirected, in order
    months = data["months"]
    assert months[0]["month"] == "2023-04-01" and months[-1]["month"] == "2024-07-01"  # to the latest data
    assert sum(m["events"] for m in months) == data["events"] > 0
    assert all(m["vc"] + m["mc"] + m["vk"] + m["mk"] == m["events"] for m in months)
    june = next(m for m in months if m["month"] == "2024-06-01")
    assert june["alert"] and june["until"] == "2024-06-30" and june["nc"] == -1.0
    assert [a["alert_id"] for a in data["alerts"]] == ["alert:jpn-kor-2024-06"]
    assert all(m["nc"] is None for m in months if m["events"] == 0)


def test_dyad_span_and_empty_state(client):
    data = client.get("/dyad/JPN/KOR.json", params={"since": "2024-01-01", "until": "2024-03-31"}).json()
    assert [m["month"] for m in data["months"]] == [] and data["events"] == 0
    page = client.get("/dyad/MNG/TWN", headers=HTML)
    assert page.status_code == 200 and "No events between MNG and TWN" in page.text and 'id="chart"' not in page.text


@pytest.mark.parametrize("url", ["/dyad/usa/CHN", "/dyad/USA/USA", "/dyad/US/CHN.json", "/dyad/USAX/CHN",
                                 "/dyad/USA/CHN.json?since=2024-05-01&until=2024-01-01",
                                 "/dyad/USA'--/CHN", "/dyad?a=USA&b=USA", "/dyad?a=USA"])
def test_dyad_bad_parameters(client, url):
    response = client.get(url)
    assert response.status_code == 422, url


def test_dyad_picker_redirects(client):
    response = client.get("/dyad", params={"a": "USA", "b": "CHN", "since": "2024-01-01"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/dyad/USA/CHN?since=2024-01-01"


# ----------------------------------------------------------------------------------------------- actors


def test_actor_page_and_twins(client):
    assert "Latest alerts" in client.get("/actor/JPN", headers=HTML).text
    data = client.get("/actor/JPN.json", params={"min_events": 1}).json()
    assert client.get("/actor/JPN", params={"min_events": 1}, headers=JSON).json() == data
    others = {r["other"]: r for r in data["relations"]}
    assert set(others) == {"USA", "CHN", "KOR", "PRK", "RUS", "MNG", "TWN"}
    assert others["KOR"]["events"] > 0 and others["KOR"]["trend"] in {"up", "down", "flat", "new"}
    assert others["MNG"]["events"] == 0 and others["MNG"]["trend"] == "none"
    assert {a["alert_id"] for a in data["alerts"]} == {"alert:chn-jpn-2024-07", "alert:jpn-kor-2024-06"}


def test_actor_outside_the_region_is_an_empty_state(client):
    data = client.get("/actor/FRA.json").json()
    assert data["known"] is False and data["events"] == 0
    assert "has no events with the other states" in client.get("/actor/FRA", headers=HTML).text


@pytest.mark.parametrize("url", ["/actor/jpn", "/actor/JP", "/actor/JPN1.json", "/actor/J'N"])
def test_actor_bad_code(client, url):
    assert client.get(url).status_code == 422


# ----------------------------------------------------------------------------------------------- events


def test_events_page_twins_and_marks(client):
    page = client.get("/events", headers=HTML)
    assert page.status_code == 200 and "<mark class=\"trigger\">" in page.text
    data = client.get("/events.json").json()
    assert client.get("/events", headers=JSON).json() == data
    assert data["total"] == len(data["rows"]) > 15 and data["pages"] == 1
    dates = [r["date"] for r in data["rows"]]
    assert dates == sorted(dates, reverse=True)  # newest first by default
    row = next(r for r in data["rows"] if r["doc_id"] == "w-004")
    start, end, _ = next(m for m in row["marks"] if m[2] == "trigger")
    assert row["sentence"][start:end] == row["trigger"]


@pytest.mark.parametrize(("params", "check"), [
    ({"actor": "PRK"}, lambda r: "PRK" in (r["source"][:3], r["target"][:3])),
    ({"dyad": "KOR-JPN"}, lambda r: {r["source"][:3], r["target"][:3]} == {"JPN", "KOR"}),
    ({"root": "11"}, lambda r: r["code"].startswith("11")),
    ({"quad": 3}, lambda r: r["quad_class"] == 3),
    ({"mode": "asserted"}, lambda r: r["mode"] == "asserted"),
    ({"publisher": "Peninsula Wire"}, lambda r: r["publisher"] == "Peninsula Wire"),
    ({"tag": "SECURITY"}, lambda r: r["doc_id"] in {"w-001", "w-004"}),
    ({"q": "Camp David"}, lambda r: "Camp David" in r["sentence"]),
    ({"since": "2024-06-01", "until": "2024-06-30"}, lambda r: "2024-06-01" <= r["date"] <= "2024-06-30"),
])
def test_event_filters(client, params, check):
    data = client.get("/events.json", params=params).json()
    assert data["total"] > 0 and all(check(r) for r in data["rows"]), params


def test_event_sort_and_pagination(client):
    everything = client.get("/events.json", params={"sort": "goldstein", "order": "asc", "size": 500}).json()
    values = [r["goldstein"] for r in everything["rows"]]
    assert values == sorted(values)
    first = client.get("/events.json", params={"sort": "goldstein", "order": "asc", "size": 5}).json()
    second = client.get("/events.json", params={"sort": "goldstein", "order": "asc", "size": 5, "page": 2}).json()
    assert first["pages"] == -(-everything["total"] // 5)
    assert [r["event_id"] for r in first["rows"] + second["rows"]] == [r["event_id"] for r in everything["rows"][:10]]
    for sort in ("source", "target", "code", "quad_class", "mode", "mentions", "publisher", "date"):
        assert client.get("/events.json", params={"sort": sort}).status_code == 200


def test_api_events_is_what_a_chart_point_loads(client):
    data = client.get("/api/events", params={"dyad": "JPN-KOR", "since": "2024-06-01", "until": "2024-06-30",
                                             "mode": "asserted"}).json()
    assert data["total"] == 1 and data["rows"][0]["doc_id"] == "w-011"
    assert data["rows"][0]["date"] == "2024-06-19" and "condemned" in data["rows"][0]["sentence"]


@pytest.mark.parametrize("query", ["size=501", "size=0", "page=0", "sort=date;DROP", "order=sideways", "quad=5",
                                   "root=21", "root=1", "mode=maybe", "dyad=USA", "dyad=USA-USA", "actor=usa",
                                   "since=2024-06-01&until=2024-01-01", "q=" + "x" * 201])
def test_event_bad_parameters(client, query):
    paging = query.startswith(("size=", "page="))  # the export has a limit instead
    for url in ("/events.json", "/api/events") + (() if paging else ("/events/export",)):
        response = client.get(f"{url}?{query}")
        assert response.status_code == 422 and response.json()["detail"], (url, query)


@pytest.mark.parametrize(("name", "value"), [
    ("actor", "USA' OR '1'='1"), ("dyad", "USA-CHN' --"), ("root", "01' OR 1=1"), ("sort", "date DESC; DROP TABLE x"),
])
def test_injection_into_validated_parameters_is_refused(client, name, value):
    assert client.get("/events.json", params={name: value}).status_code == 422


@pytest.mark.parametrize(("name", "value"), [
    ("publisher", "x' OR '1'='1"), ("tag", "' OR 1=1 --"), ("q", "%' OR '1'='1"), ("q", "%"), ("q", "_"),
    ("publisher", "Peninsula Wire' --"),
])
def test_injection_into_free_text_finds_nothing(client, name, value):
    before = total_events(client)
    response = client.get("/events.json", params={name: value})
    assert response.status_code == 200 and response.json()["total"] == 0
    assert total_events(client) == before


def test_export_csv_and_json(client):
    response = client.get("/events/export", params={"dyad": "JPN-KOR", "format": "csv"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows and {"event_id", "date", "source", "target", "code", "sentence", "publisher"} <= set(rows[0])
    as_json = client.get("/events/export", params={"dyad": "JPN-KOR", "format": "json"}).json()
    assert [r["event_id"] for r in as_json] == [r["event_id"] for r in rows]
    assert len(client.get("/events/export", params={"format": "json", "limit": 3}).json()) == 3
    assert client.get("/events/export", params={"limit": 50_001}).status_code == 422


# ----------------------------------------------------------------------------------------------- documents


def test_document_page_and_twins(client):
    page = client.get("/document/w-011", headers=HTML)
    assert page.status_code == 200 and "Moscow and Pyongyang sign pact" in page.text
    assert '<mark class="sentence trigger">signed a mutual defence treaty</mark>' in page.text
    data = client.get("/document/w-011.json").json()
    assert client.get("/document/w-011", headers=JSON).json() == data
    assert data["publisher"] == "Peninsula Wire" and len(data["events"]) >= 2
    assert "".join(s["text"] for s in data["segments"]) == data["text"]
    for e in data["events"]:
        assert data["text"][e["trigger_start"]:e["trigger_end"]] == e["trigger"]
    assert client.get("/document/w-001.json").json()["tags"] == ["security", "alliances"]


@pytest.mark.parametrize("doc_id", ["missing", "w-001' OR '1'='1", "../../etc/passwd", "a/b/c.json", "%00"])
def test_unknown_documents_are_404(client, doc_id):
    response = client.get("/document/" + quote(doc_id, safe=""))
    assert response.status_code == 404


# ----------------------------------------------------------------------------------------------- scenarios


def test_scenario_page_is_prefilled_with_the_example(client):
    example = example_scenario().read_text(encoding="utf-8")
    page = client.get("/scenario", headers=HTML)
    assert page.status_code == 200 and "US intermediate-range missiles in Japan" in page.text
    data = client.get("/scenario.json").json()
    assert data["text"] == example and data["result"] is None and data["writable"] is False


def test_running_a_scenario_reads_only(client):
    before = total_events(client)
    example = example_scenario().read_text(encoding="utf-8")
    form = client.post("/scenario", data={"yaml": example}, headers=HTML)
    assert form.status_code == 200 and "Actors changing side" in form.text
    result = client.post("/scenario.json", json={"yaml": example}).json()["result"]
    api = client.post("/api/scenario/run", content=example, headers={"Content-Type": "text/plain"}).json()
    assert api == result
    assert result["scenario"] == "US intermediate-range missiles in Japan" and result["hypothetical_events"] == 92
    assert result["baseline"] and result["what_if"] and len(result["sides"]) == 8
    assert total_events(client) == before


@pytest.mark.parametrize("text", ["name: [unclosed", "just a string", "name: x\nevents:\n  - {source: USA}",
                                  "name: x\nactors: [USA, CHN]\nevents:\n  - {source: USA, target: JPN, code: '040'}",
                                  "name: x\nwindow: 5", "name: x\nsizes_year: 1700", "x" * 70_000])
def test_bad_scenarios_are_422(client, text):
    assert client.post("/api/scenario/run", json={"yaml": text}).status_code == 422
    page = client.post("/scenario", data={"yaml": text}, headers=HTML)
    assert page.status_code == 422 and 'class="error"' in page.text


def test_scenario_listing_and_unknown_names(client):
    assert client.get("/api/scenarios").json() == {"scenarios": []}
    assert client.get("/api/scenarios/nothing-here").status_code == 404
    assert client.get("/api/scenarios/Bad Name").status_code == 422
    assert client.get("/scenario", params={"name": "../etc"}).status_code == 422
    assert client.get("/scenario", params={"name": "missing"}).status_code == 404
    assert client.post("/api/scenario/run", content=b"{", headers={"Content-Type": "application/json"}).status_code \
        == 422


# ----------------------------------------------------------------------------------------------- alerts, misc


def test_api_alerts(client):
    assert len(client.get("/api/alerts").json()) == 2
    assert [a["subject"] for a in client.get("/api/alerts", params={"dyad": "KOR-JPN"}).json()] == ["JPN–KOR"]
    assert [a["subject"] for a in client.get("/api/alerts", params={"actor": "CHN"}).json()] == ["CHN–JPN"]
    assert client.get("/api/alerts", params={"actor": "MNG"}).json() == []
    for query in ("actor=chn", "dyad=CHN", "limit=0", "limit=501", "actor=C'--"):
        assert client.get(f"/api/alerts?{query}").status_code == 422


def test_health_static_openapi_and_no_cdn_docs(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    script = client.get("/static/vendor/uplot/uPlot.iife.min.js")
    assert script.status_code == 200 and "javascript" in script.headers["content-type"]
    assert client.get("/static/vendor/uplot/LICENSE").status_code == 200
    assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404
    spec = client.get("/openapi.json").json()
    for path in ("/", "/overview.json", "/dyad/{a}/{b}", "/dyad/{a}/{b}.json", "/actor/{code}", "/events",
                 "/events.json", "/api/events", "/events/export", "/document/{doc_id}", "/scenario", "/api/scenarios",
                 "/api/scenario/run", "/api/ingest", "/api/alerts", "/alerts.atom", "/alerts/dyad/{a}/{b}.atom",
                 "/alerts/actor/{code}.atom", "/healthz"):
        assert path in spec["paths"], path
    params = {p["name"]: p for p in spec["paths"]["/events"]["get"]["parameters"]}
    assert {"since", "until", "actor", "dyad", "root", "quad", "mode", "publisher", "tag", "q", "sort", "order", "page",
            "size"} <= set(params)
    assert all(p.get("description") for p in params.values())
    assert params["size"]["schema"]["maximum"] == 500


def test_security_headers(client):
    headers = client.get("/", headers=HTML).headers
    assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"
    assert "script-src 'self'" in headers["content-security-policy"]


def test_pages_escape_stored_text(client):
    page = client.get("/events", params={"q": "<script>alert(1)</script>"}, headers=HTML)
    assert page.status_code == 200 and "<script>alert(1)</script>" not in page.text


def test_empty_store_has_friendly_pages(empty_client):
    assert "This store has no events yet" in empty_client.get("/", headers=HTML).text
    assert empty_client.get("/overview.json").json()["empty"] is True
    assert "No events match" in empty_client.get("/events", headers=HTML).text
    assert empty_client.get("/dyad/USA/CHN.json").json()["months"] == []
    assert empty_client.get("/actor/USA.json").json()["empty"] is True
    assert empty_client.get("/api/alerts").json() == []
    assert empty_client.post("/api/scenario/run", content=example_scenario().read_text()).status_code == 200
