"""The dashboard in a real browser: headless Chromium (Debian's /usr/bin/chromium) against uvicorn on a free
local port. Open the overview, pick a dyad, click a month on the chart and read its evidence sentence; then do
the same with the keyboard only. Screenshots go to tests/web/artifacts/; no console errors are allowed."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from blocwatch.web.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"

# CI installs Debian's chromium and sets BLOCWATCH_REQUIRE_CHROMIUM=1, so there a missing browser fails, not skips.
REQUIRED = os.environ.get("BLOCWATCH_REQUIRE_CHROMIUM") == "1"
pytestmark = pytest.mark.skipif(not CHROMIUM.exists() and not REQUIRED,
                                reason="no /usr/bin/chromium for the browser test")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(store_path) -> Iterator[str]:
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(str(store_path)), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        try:
            instance = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
        except Exception as exc:  # a broken Chromium install is an environment problem, not a failure of ours
            if REQUIRED:
                raise
            pytest.skip(f"cannot start Chromium: {exc}")
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    tab = context.new_page()
    problems: list[str] = []
    tab.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    tab.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    tab.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    tab.problems = problems
    yield tab
    context.close()
    assert problems == []


def test_overview_to_dyad_to_evidence_with_the_mouse(page, base_url):
    page.goto(f"{base_url}/?min_events=1")
    assert page.locator("svg.network line").count() > 0
    page.screenshot(path=ARTIFACTS / "overview.png", full_page=True)
    page.select_option("select[name=a]", "JPN")
    page.select_option("select[name=b]", "KOR")
    page.click("text=Open dyad")
    page.wait_for_url("**/dyad/JPN/KOR")
    page.wait_for_function("window.blocwatchChart !== undefined")
    # click the chart at June 2024, the month of the stored alert
    x = page.evaluate("""() => {
        const c = window.blocwatchChart, i = c.months.findIndex(m => m.month === "2024-06-01");
        return c.plot.valToPos(c.plot.data[0][i], "x");
    }""")
    over = page.locator(".u-over").bounding_box()
    page.mouse.click(over["x"] + x, over["y"] + over["height"] / 2)
    item = page.locator("#evidence-list li").first
    item.wait_for()
    assert "Japan condemned the treaty" in item.inner_text()
    assert item.locator("mark.trigger").inner_text() == "condemned"
    assert "1 event in 2024-06" in page.locator("#evidence-hint").inner_text()
    page.screenshot(path=ARTIFACTS / "dyad-evidence.png", full_page=True)
    item.locator("a", has_text="document").click()
    page.wait_for_url("**/document/w-011")
    assert page.locator("article mark.trigger", has_text="condemned").count() == 1
    page.screenshot(path=ARTIFACTS / "document.png", full_page=True)


def test_evidence_with_the_keyboard_only(page, base_url):
    page.goto(f"{base_url}/dyad/JPN/KOR")
    link = page.locator("a.load-month[data-since='2023-08-01']")
    link.focus()
    page.keyboard.press("Enter")
    page.locator("#evidence-list li").first.wait_for()
    texts = page.locator("#evidence-list li").all_inner_texts()
    assert len(texts) == 2 and all("Camp David" in t for t in texts)
    assert page.evaluate("document.activeElement.id") == "evidence"


def test_event_filters_with_the_keyboard(page, base_url):
    page.goto(f"{base_url}/events")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.name") == "since"
    page.fill("input[name=actor]", "prk")
    page.press("input[name=actor]", "Enter")
    page.wait_for_url("**actor=PRK**")
    rows = page.locator("tbody tr")
    assert rows.count() > 0
    assert all("PRK" in t for t in rows.all_inner_texts())
    page.screenshot(path=ARTIFACTS / "events.png", full_page=True)


def test_scenario_runs_in_the_browser(page, base_url):
    page.goto(f"{base_url}/scenario")
    page.click("text=Run scenario")
    page.wait_for_selector("text=Actors changing side")
    page.screenshot(path=ARTIFACTS / "scenario.png", full_page=True)
