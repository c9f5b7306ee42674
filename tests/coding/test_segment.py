"""Sentence splitting on messy news layout, with exact offsets."""

from __future__ import annotations

from blocwatch.coding.segment import compact, normalise_layout, sentences_of


def texts(text: str) -> list[str]:
    return [text[s.char_start : s.char_end] for s in sentences_of(text)]


def test_abbreviations_do_not_split():
    got = texts("The U.S. Navy sailed near the islands on Jan. 5. Mr. Kishida said Tokyo would respond.")
    assert got == ["The U.S. Navy sailed near the islands on Jan. 5.", "Mr. Kishida said Tokyo would respond."]


def test_bullets_headings_and_wrapped_lines():
    text = (
        "Categories: Geopolitics · ASIA PACIFIC\n"
        "• Seoul protested to Tokyo on Monday\n"
        "- Beijing urged restraint\n\n"
        "The foreign ministry said the talks, which began last week in\n"
        "Hanoi, would resume.\n"
    )
    got = texts(normalise_layout(text))
    assert got == [
        "Categories: Geopolitics · ASIA PACIFIC",
        "Seoul protested to Tokyo on Monday",
        "Beijing urged restraint",
        "The foreign ministry said the talks, which began last week in Hanoi, would resume.",
    ]


def test_quotes_close_sentences():
    got = texts('"We will not back down." Pyongyang said so on Friday.')
    assert got == ['"We will not back down."', "Pyongyang said so on Friday."]


def test_compaction_maps_offsets_back():
    text = "Japan  criticized\t\tChina.\n\n\nSeoul   agreed."
    clean, offsets = compact(text)
    assert clean == "Japan criticized China.\n\nSeoul agreed."
    i = clean.index("China")
    assert text[offsets.start(i) : offsets.end(i + 5)] == "China"
    j = clean.index("Seoul")
    assert text[offsets.start(j) : offsets.end(j + 5)] == "Seoul"
