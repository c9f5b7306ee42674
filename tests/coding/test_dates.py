"""Event dates from the sentence, anchored on the document date."""

from __future__ import annotations

from datetime import date

from blocwatch.coding.dates import resolve

FRIDAY = date(2019, 8, 23)


def test_weekdays_look_back_or_forward_for_future():
    assert resolve("Seoul said on Thursday it would end the pact.", FRIDAY)[0] == date(2019, 8, 22)
    assert resolve("Tokyo protested last Friday.", FRIDAY)[0] == date(2019, 8, 16)
    assert resolve("The talks will resume on Tuesday.", FRIDAY, future=True)[0] == date(2019, 8, 27)
    assert resolve("He arrived on Friday.", FRIDAY)[0] == FRIDAY


def test_month_day_with_and_without_year():
    assert resolve("They met on May 9.", date(2018, 5, 12))[0] == date(2018, 5, 9)
    assert resolve("The summit of 12 June 2018 in Singapore", date(2019, 1, 1))[0] == date(2018, 6, 12)
    assert resolve("signed on Dec. 28", date(2016, 1, 3))[0] == date(2015, 12, 28)  # last year, not next
    assert resolve("on August 22, 2019", None)[0] == date(2019, 8, 22)


def test_relative_and_missing():
    assert resolve("Beijing responded yesterday.", FRIDAY)[0] == date(2019, 8, 22)
    assert resolve("No date here.", FRIDAY) == (FRIDAY, None)
    assert resolve("No date here.", None) == (None, None)
    assert resolve("May 9 was quiet", None) == (None, None)
