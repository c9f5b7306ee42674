"""Heads of state and government of the world, 1985-2025: a leader named without their country codes
as that state's government while in office and as its elite (or another role) outside it."""

from __future__ import annotations

from datetime import date

import pytest

from blocwatch.coding.coder import code_text
from blocwatch.lexicon.loader import load_lexicon

# (mention, day in office, expected code, day out of office, expected code)
CASES = [
    # Middle East and North Africa
    ("Saddam Hussein", date(1990, 8, 2), "IRQGOV", date(2005, 1, 1), "IRQELI"),
    ("Nouri al-Maliki", date(2010, 3, 1), "IRQGOV", date(2016, 1, 1), "IRQELI"),
    ("Muammar Gaddafi", date(2009, 6, 1), "LBYGOV", date(1968, 1, 1), "LBYELI"),
    ("Moammar Gadhafi", date(2003, 12, 19), "LBYGOV", date(2011, 9, 15), "LBYELI"),
    ("Yasser Arafat", date(2000, 7, 25), "PSEGOV", date(2005, 6, 1), "PSEELI"),
    ("Abu Mazen", date(2012, 11, 29), "PSEGOV", date(2004, 6, 1), "PSEELI"),
    ("Abdelaziz Bouteflika", date(2005, 1, 1), "DZAGOV", date(2020, 1, 1), "DZAELI"),
    ("Zine El Abidine Ben Ali", date(2008, 1, 1), "TUNGOV", date(2012, 1, 1), "TUNELI"),
    ("Ali Abdullah Saleh", date(2008, 1, 1), "YEMGOV", date(2015, 1, 1), "YEMELI"),
    ("Rafik Hariri", date(1995, 1, 1), "LBNGOV", date(1990, 1, 1), "LBNELI"),
    ("King Hussein", date(1994, 10, 26), "JORGOV", date(1999, 6, 1), "JORELI"),
    ("Sultan Qaboos", date(2015, 1, 1), "OMNGOV", date(2020, 6, 1), "OMNELI"),
    ("Hamad bin Khalifa Al Thani", date(2005, 1, 1), "QATGOV", date(2015, 1, 1), "QATELI"),
    # Sub-Saharan Africa
    ("Robert Mugabe", date(2008, 3, 29), "ZWEGOV", date(2018, 6, 1), "ZWEELI"),
    ("Mugabe", date(1985, 1, 1), "ZWEGOV", date(2019, 1, 1), "ZWEELI"),
    ("Laurent Gbagbo", date(2005, 3, 1), "CIVGOV", date(2015, 1, 1), "CIVELI"),
    ("Paul Kagame", date(2010, 1, 1), "RWAGOV", date(1990, 1, 1), "RWAELI"),
    ("Omar al-Bashir", date(2009, 3, 4), "SDNGOV", date(2020, 1, 1), "SDNELI"),
    ("Meles Zenawi", date(2000, 1, 1), "ETHGOV", date(2013, 1, 1), "ETHELI"),
    ("Mobutu Sese Seko", date(1990, 1, 1), "CODGOV", date(1997, 8, 1), "CODELI"),
    ("Ellen Johnson Sirleaf", date(2010, 1, 1), "LBRGOV", date(2019, 1, 1), "LBRELI"),
    ("Yoweri Museveni", date(2016, 1, 1), "UGAGOV", date(1985, 1, 1), "UGAELI"),
    ("Daniel arap Moi", date(1995, 1, 1), "KENGOV", date(2005, 1, 1), "KENELI"),
    ("Idriss Deby", date(2008, 2, 2), "TCDGOV", date(1989, 1, 1), "TCDELI"),
    # Europe
    ("Slobodan Milosevic", date(1995, 11, 21), "SRBGOV", date(2001, 6, 28), "SRBELI"),
    ("Franjo Tudjman", date(1995, 8, 4), "HRVGOV", date(1985, 1, 1), "HRVELI"),
    ("Alexander Lukashenko", date(2020, 8, 9), "BLRGOV", date(1990, 1, 1), "BLRELI"),
    ("Mikheil Saakashvili", date(2008, 8, 8), "GEOGOV", date(2015, 1, 1), "GEOELI"),
    ("Nicolae Ceausescu", date(1987, 1, 1), "ROUGOV", date(1990, 1, 1), "ROUELI"),
    ("Alexis Tsipras", date(2015, 7, 5), "GRCGOV", date(2020, 1, 1), "GRCELI"),
    ("Helmut Kohl", date(1990, 10, 3), "DEUGOV", date(2000, 1, 1), "DEUELI"),
    ("Sebastian Kurz", date(2018, 6, 1), "AUTGOV", date(2022, 1, 1), "AUTELI"),
    ("Bertie Ahern", date(1998, 4, 10), "IRLGOV", date(2010, 1, 1), "IRLELI"),
    # Asia
    ("Sheikh Hasina", date(2015, 1, 1), "BGDGOV", date(2005, 1, 1), "BGDELI"),
    ("Mahinda Rajapaksa", date(2009, 5, 18), "LKAGOV", date(2017, 1, 1), "LKAELI"),
    ("Islam Karimov", date(2005, 5, 13), "UZBGOV", date(2017, 1, 1), "UZBELI"),
    ("Hun Sen", date(2010, 1, 1), "KHMGOV", date(2024, 1, 1), "KHMELI"),
    ("Xanana Gusmao", date(2004, 1, 1), "TLSGOV", date(2020, 1, 1), "TLSELI"),
    ("Yitzhak Rabin", date(1993, 9, 13), "ISRGOV", date(1991, 1, 1), "ISRELI"),
    ("Akbar Hashemi Rafsanjani", date(1993, 1, 1), "IRNGOV", date(2000, 1, 1), "IRNELI"),
    # The Americas
    ("Alvaro Uribe", date(2008, 3, 1), "COLGOV", date(2012, 1, 1), "COLELI"),
    ("Alberto Fujimori", date(1995, 1, 1), "PERGOV", date(2001, 1, 1), "PERELI"),
    ("Augusto Pinochet", date(1985, 1, 1), "CHLGOV", date(1999, 1, 1), "CHLELI"),
    ("Rafael Correa", date(2010, 9, 30), "ECUGOV", date(2018, 1, 1), "ECUELI"),
    ("Evo Morales", date(2008, 9, 1), "BOLGOV", date(2020, 1, 1), "BOLELI"),
    ("Manuel Noriega", date(1988, 1, 1), "PANGOV", date(1990, 1, 4), "PANELI"),
    ("Jean-Bertrand Aristide", date(2003, 1, 1), "HTIGOV", date(1993, 1, 1), "HTIELI"),
    ("Nayib Bukele", date(2023, 1, 1), "SLVGOV", date(2015, 1, 1), "SLVELI"),
]


def _source(mention: str, day: date) -> str:
    events = code_text(f"{mention} accused Japan of aggression.", day=day)
    assert events, (mention, day)
    return events[0].source


@pytest.mark.parametrize(("mention", "inside", "code", "outside", "other"), CASES, ids=[c[0] for c in CASES])
def test_leader_codes_by_date(mention, inside, code, outside, other):
    assert _source(mention, inside) == code
    assert _source(mention, outside) == other


def test_other_roles_outside_the_top_office():
    lexicon = load_lexicon()
    haftar = lexicon.dated_actors["person:Khalifa Haftar"]
    assert haftar.code_on(date(2019, 4, 4)) == "LBYMIL"
    pinochet = lexicon.dated_actors["person:Augusto Pinochet"]
    assert pinochet.code_on(date(1995, 1, 1)) == "CHLMIL"
    bachelet = lexicon.dated_actors["person:Michelle Bachelet"]
    assert bachelet.code_on(date(2020, 1, 1)).startswith("IGO")
    garang = lexicon.dated_actors["person:John Garang"]
    assert garang.code_on(date(2005, 7, 20)) == "SDNGOV"


@pytest.mark.parametrize(
    ("mention", "day", "code"),
    [
        # a surname shared by two leaders of one state goes to the one in office
        ("Kabila", date(1998, 1, 1), "CODGOV"),
        ("Kabila", date(2010, 1, 1), "CODGOV"),
        ("Déby", date(2023, 1, 1), "TCDGOV"),
        ("Aliyev", date(1995, 1, 1), "AZEGOV"),
        ("Hariri", date(2010, 1, 1), "LBNGOV"),
        ("Marcos", date(1985, 1, 1), "PHLGOV"),
        # a longer name that contains another state's name or a shared surname names the person
        ("Luís Montenegro", date(2024, 6, 1), "PRTGOV"),
        ("Ludovic Orban", date(2020, 3, 1), "ROUGOV"),
        ("Mahamat Idriss Deby", date(2022, 1, 1), "TCDGOV"),
    ],
)
def test_shared_and_embedded_names(mention, day, code):
    assert _source(mention, day) == code


def test_new_heads_of_state_are_covered():
    names = {a.name for a in load_lexicon().dated_actors.values()}
    for name in [
        "Saddam Hussein",
        "Muammar Gaddafi",
        "Yasser Arafat",
        "Mahmoud Abbas",
        "Robert Mugabe",
        "Slobodan Milošević",
        "Helmut Kohl",
        "Nelson Mandela",
        "Hosni Mubarak",
        "Hafez al-Assad",
    ]:
        assert name in names, name
