"""Bad input never crashes the coder, always warns, and never invents events."""

from __future__ import annotations

import time

from blocwatch.model import Document


def test_empty_text_warns(coder):
    result = coder.code(Document("empty", "   \n "))
    assert result.events == [] and "empty" in result.warnings[0]


def test_binary_is_skipped(coder):
    blob = bytes(range(256)).decode("latin-1") * 20
    result = coder.code(Document("blob", blob))
    assert result.events == [] and "binary" in result.warnings[0]


def test_invalid_utf8_is_replaced_and_coded(coder):
    raw = "Japan protested to China over the \xff\xfe incident.".encode("latin-1")
    text = raw.decode("utf-8", errors="replace")
    result = coder.code(Document("bad-utf8", text))
    assert any("UTF-8" in w for w in result.warnings)
    assert [(e.source, e.target) for e in result.events] == [("JPN", "CHN")]


def test_raw_html_codes_visible_text_only(coder):
    page = (
        "<html><head><script>var Japan = 'criticized China';</script><title>x</title></head>"
        "<body><div class='nav'>Home</div><p>Japan criticized <b>China</b> on Monday.</p></body></html>"
    )
    result = coder.code(Document("page", page))
    assert any("HTML" in w for w in result.warnings)
    assert [(e.source, e.target, e.code) for e in result.events] == [("JPN", "CHN", "111")]


def test_non_english_is_skipped(coder):
    korean = "일본 정부는 월요일 한국에 대한 수출 규제를 발표했다. 한국 정부는 강하게 반발했다."
    german = (
        "Die Regierung in Tokio hat am Montag neue Exportkontrollen gegen Südkorea verhängt "
        "und die Beziehungen verschlechtert."
    )
    for text in (korean, german):
        result = coder.code(Document("foreign", text))
        assert result.events == []
        assert any("English" in w for w in result.warnings)


def test_ten_megabyte_single_line(coder):
    line = ("the markets in the region were calm and the trading was light for the day " * 140_000)[:10_000_000]
    started = time.perf_counter()
    result = coder.code(Document("huge", line))
    assert result.events == []
    assert time.perf_counter() - started < 120  # generous bound: no quadratic blow-up
    assert result.sentences > 0


def test_long_line_of_news_still_codes(coder):
    filler = "Markets were calm and trading was light across the region. " * 3000
    text = filler + "Japan criticized China over the new air defence zone. " + filler
    result = coder.code(Document("long", text.replace("\n", " ")))
    assert [(e.source, e.target) for e in result.events] == [("JPN", "CHN")]


def test_a_short_english_sentence_with_few_function_words_is_coded(coder):
    text = "Arab League envoy Chadli Klibi undertook mediation mission between Syria and Jordan."
    result = coder.code(Document("short", text))
    assert result.warnings == [] and result.events
    assert coder.code(Document("bare", "Japan's ruling Liberal Democratic Party criticized China.")).events
    spanish = "El gobierno de Japón anunció nuevas sanciones contra Corea del Norte por sus pruebas de misiles."
    skipped = coder.code(Document("es", spanish))
    assert skipped.events == [] and any("English" in w for w in skipped.warnings)
