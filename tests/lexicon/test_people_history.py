"""Leaders, foreign and defence ministers of 1979-2000 (people.yaml): named without their country, they
code as their state's government on the dates they held office, Soviet leaders as USRGOV."""

from __future__ import annotations

from datetime import date

import pytest

from blocwatch.lexicon.loader import load_lexicon


def _pairs(events) -> set[tuple[str, str]]:
    return {(e.source, e.target) for e in events}


@pytest.mark.parametrize(
    ("text", "day", "pair"),
    [
        ("Gorbachev met Reagan in Reykjavik.", "1986-10-11", ("USRGOV", "USAGOV")),
        ("Deng Xiaoping received Nakasone in Beijing.", "1984-03-24", ("CHNGOV", "JPNGOV")),
        ("Thatcher criticized Mitterrand over the budget rebate.", "1984-03-20", ("GBRGOV", "FRAGOV")),
        ("Kim Il Sung accused Chun Doo-hwan of plotting a war.", "1983-10-12", ("PRKGOV", "KORGOV")),
        ("Roh Tae-woo met Gorbachev in San Francisco.", "1990-06-04", ("KORGOV", "USRGOV")),
        ("Yeltsin praised Bush for his support.", "1991-08-22", ("RUSGOV", "USAGOV")),
        ("Shultz met Shevardnadze in Geneva.", "1987-09-15", ("USAGOV", "USRGOV")),
        ("Brezhnev met Carter in Vienna.", "1979-06-16", ("USRGOV", "USAGOV")),
        ("Kozyrev met Qian Qichen in Beijing.", "1994-01-26", ("RUSGOV", "CHNGOV")),
        ("Kim Young-sam accused Kim Il Sung of aggression.", "1993-03-15", ("KORGOV", "PRKGOV")),
        ("Li Peng met Kaifu in Beijing.", "1991-08-10", ("CHNGOV", "JPNGOV")),
        ("John Major met Yeltsin in London.", "1992-11-09", ("GBRGOV", "RUSGOV")),
        ("Jimmy Carter met Kim Il Sung in Pyongyang.", "1994-06-16", ("USAELI", "PRKGOV")),
    ],
)
def test_leaders_of_the_1980s_and_1990s(code, text, day, pair):
    assert pair in _pairs(code(text, day))


@pytest.mark.parametrize(
    ("text", "day", "source"),
    [
        ("Chiang Ching-kuo condemned Beijing.", "1985-01-10", "TWNGOV"),
        ("Perez de Cuellar urged Iran to accept a ceasefire.", "1987-07-21", "IGOUNO"),
        ("Boutros-Ghali criticized North Korea.", "1994-05-01", "IGOUNO"),
        ("Tsedenbal accused China of hostility.", "1981-05-01", "MNGGOV"),
        ("Hosokawa apologized to South Korea.", "1993-11-07", "JPNGOV"),
    ],
)
def test_heads_of_state_and_of_international_bodies(code, text, day, source):
    assert source in {e.source for e in code(text, day)}


@pytest.mark.parametrize(
    ("text", "day", "source"),
    [
        # "Bush" is George H. W. Bush as vice president and president, George W. Bush after 2001
        ("Bush accused Iraq of aggression.", "1985-06-01", "USAGOV"),
        ("Bush accused Iraq of aggression.", "1990-08-08", "USAGOV"),
        ("Bush accused Iraq of aggression.", "2003-03-20", "USAGOV"),
        ("George Bush accused Iraq of aggression.", "2003-03-20", "USAGOV"),
        ("Bush accused Iraq of aggression.", "1996-06-01", "USAELI"),
        # "Carter" is Jimmy Carter as president and Ash Carter as defense secretary
        ("Carter accused Iran of aggression.", "1980-04-25", "USAGOV"),
        ("Carter accused China of hacking.", "2015-05-01", "USAGOV"),
        # "Abe" is Shintaro Abe as foreign minister and Shinzo Abe later
        ("Abe accused China of aggression.", "1984-01-01", "JPNGOV"),
        ("Abe accused China of aggression.", "1995-01-01", "JPNELI"),
        ("Abe accused China of aggression.", "2014-01-01", "JPNGOV"),
        # "Kim" is Kim Il Sung until his death, then Kim Jong Il
        ("Kim accused Seoul of aggression.", "1985-01-01", "PRKGOV"),
    ],
)
def test_surnames_shared_by_holders_of_different_times(code, text, day, source):
    assert source in {e.source for e in code(text, day)}


def test_roles_end_with_the_office():
    lexicon = load_lexicon()
    deng = lexicon.dated_actors["person:Deng Xiaoping"]
    assert deng.code_on(date(1981, 7, 1)) == "CHNGOV"
    assert deng.code_on(date(1995, 1, 1)) == "CHNELI"
    gorbachev = lexicon.dated_actors["person:Mikhail Gorbachev"]
    assert gorbachev.code_on(date(1991, 12, 25)) == "USRGOV"
    assert gorbachev.code_on(date(1996, 6, 16)) == "RUSELI"
    yeltsin = lexicon.dated_actors["person:Boris Yeltsin"]
    assert yeltsin.code_on(date(1986, 6, 1)) == "USRGOV"
    assert yeltsin.code_on(date(1993, 10, 4)) == "RUSGOV"
    shevardnadze = lexicon.dated_actors["person:Eduard Shevardnadze"]
    assert shevardnadze.code_on(date(1987, 9, 15)) == "USRGOV"
    assert shevardnadze.code_on(date(1995, 1, 1)) == "GEOGOV"
    kim = lexicon.dated_actors["person:Kim Il Sung"]
    assert kim.code_on(date(1994, 7, 8)) == "PRKGOV"
    assert kim.code_on(date(1994, 7, 9)) == "PRKELI"
