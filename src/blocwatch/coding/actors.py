"""Actor mentions: lexicon phrases found with spaCy's PhraseMatcher, composed into actors.

Composition follows the CAMEO actor grammar (state code + sector/agent code,
Gerner et al. 2002; PETRARCH's agent rules): "Japan's foreign minister",
"the Japanese foreign minister" and "the foreign minister of Japan" are all
JPNGOV; a title before a name ("Foreign Minister Wang Yi") defers to the
person's dated role; a person resolves by the document date. Mentions joined
by "and", commas, "as well as" or hyphens ("US-Japan-South Korea") form
coordinated groups.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from blocwatch.lexicon.entries import ActorPhrase
from blocwatch.lexicon.loader import Lexicon

LOCATIVE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "inside",
        "outside",
        "across",
        "around",
        "throughout",
        "within",
        "off",
        "via",
        "over",
        "into",
        "along",
        "toward",
        "towards",
        "beyond",
    }
)
# words that describe a party or armed group between its state and its name ("Japan's ruling LDP")
_PARTY_MODIFIERS = frozenset(
    {"ruling", "governing", "conservative", "liberal", "progressive", "centrist", "leftist", "rightist", "left",
     "right", "far", "wing", "-", "centre", "center", "nationalist", "communist", "socialist", "islamist",
     "hardline", "largest", "biggest", "second", "junior", "coalition", "minor", "small", "fledgling", "long",
     "once", "dominant", "pro", "independence", "militant", "armed", "outlawed", "banned", "jihadist", "shiite",
     "shia", "sunni", "kurdish", "powerful", "populist", "separatist", "reformist", "dovish", "ultranationalist"}
)
# words of leaving a place: "from" after them names the place left ("withdrew troops from Panama")
_LEAVING = frozenset(
    {"withdrawal", "withdraw", "withdrew", "withdrawn", "withdrawing", "pullout", "pull-out", "pull", "pulled",
     "pulling", "evacuation", "evacuate", "evacuated", "removal", "redeployment"}
)
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "two", "both"})
# violent incidents named after the city where they happened
_PLACE_OF_VIOLENCE = frozenset(
    {"bombing", "bombings", "blast", "blasts", "explosion", "explosions", "bomb", "bombs", "car", "suicide",
     "shooting", "shootings", "massacre", "riot", "riots", "violence", "clashes", "unrest", "siege", "hostage",
     "carnage", "gunfight", "ambush"}
)
# what a state once ruled: "the former French colony" is another state
_COLONY_NOUNS = frozenset({"colony", "colonies", "protectorate", "possession", "territory", "mandate"})
# a state's own representatives at the UN: "Iran's U.N. ambassador" speaks for Iran, not for the UN
_MISSION_NOUNS = frozenset(
    {"ambassador", "ambassadors", "envoy", "envoys", "diplomat", "diplomats", "mission", "representative",
     "representatives", "delegate", "delegates", "delegation", "spokesman", "spokeswoman"}
)
_AGENT_MODIFIERS = frozenset(
    {
        "new",
        "former",
        "top",
        "chief",
        "senior",
        "deputy",
        "vice",
        "first",
        "acting",
        "incoming",
        "outgoing",
        "visiting",
        "own",
        "main",
        "leading",
        "state",
        "then",
        "current",
        "veteran",
        "hawkish",
        "newly",
        "appointed",
        "elected",
        "special",
        "powerful",
        "official",
        "federal",
    }
)
# capitalised words after a title that are not part of a name ("President Tuesday said")
_NOT_NAMES = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
     "april", "may", "june", "july", "august", "september", "october", "november", "december", "the", "on", "in",
     "at", "said", "says", "told", "i"}
)
# sectors of society (not of the state) that belong to the state they are "in": "protesters in Seoul";
# soldiers or diplomats "in" a country are usually foreign ones
# state organs that, "in" a state, are that state's own ("authorities in Croatia", "police in Hong Kong");
# diplomats and troops "in" a state are as often foreign ones, so they are not listed
_LOCAL_ORGANS = frozenset(
    {"authorities", "police", "officials", "government", "security forces", "courts", "court", "prosecutors",
     "regime", "leadership", "judicial authorities", "local authorities", "riot police"}
)
SOCIETY_SECTORS = frozenset({"OPP", "REB", "INS", "SEP", "CVL", "LAB", "EDU"})
_NAME_PARTICLES = frozenset({"bin", "al", "el", "de", "da", "van", "von", "der", "ibn", "-", "la", "le", "du"})
_JOINERS = {
    ("and",): "and",
    ("or",): "and",
    ("&",): "and",
    (",", "and"): "comma-and",
    (",", "or"): "comma-and",
    ("as", "well", "as"): "and",
    ("along", "with"): "and",
    ("together", "with"): "and",
    ("and", "the"): "and",
    (",", "and", "the"): "comma-and",
    (",",): "comma",
    (",", "the"): "comma",
    ("-",): "hyphen",
    ("–",): "hyphen",
    ("/",): "hyphen",
}


@dataclass(slots=True)
class Mention:
    """An actor in a sentence: tokens ``[start, end)`` of the chunk doc and a CAMEO code."""

    start: int
    end: int
    code: str
    kind: str
    form: str
    locative: bool = False
    possessive: bool = False
    state: str = ""  # the state of a national institution ("the PLA"), when no state is named with it


@dataclass(slots=True)
class Group:
    """Coordinated mentions acting together ("China and Russia", "US-Japan")."""

    members: list[Mention]
    hyphen: bool = False
    start: int = 0
    end: int = 0
    codes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.start = self.members[0].start
        self.end = self.members[-1].end
        self.codes = list(dict.fromkeys(m.code for m in self.members))

    @property
    def locative(self) -> bool:
        return self.members[0].locative


_COUNTS = frozenset(
    {"thousands", "hundreds", "dozens", "scores", "millions", "tens", "many", "several", "some", "few", "two",
     "three", "four", "five", "six", "seven", "eight", "nine", "ten", "hundred", "thousand", "million"}
)


def _counted(lowers: list[str], pos: int, start: int) -> bool:
    """Whether a plural demonym at ``pos`` is counted ("thousands of South Koreans", "300 Palestinians")."""
    k = pos - 1
    if k > start and lowers[k] == "of":
        k -= 1
    while k > start and lowers[k] in ("more", "than", "at", "least", "about", "some", "over", "nearly"):
        k -= 1
    if k >= start and lowers[k] in _PEOPLE_ADJECTIVES:
        return True  # "young Algerians", "angry Palestinians": people described, not the state
    return k >= start and (lowers[k] in _COUNTS or lowers[k][:1].isdigit())


# adjectives that describe people, before a plural demonym
_PEOPLE_ADJECTIVES = frozenset(
    {"young", "angry", "ordinary", "elderly", "jobless", "unemployed", "poor", "wealthy", "ethnic", "local",
     "stranded", "displaced", "frightened", "furious", "enraged", "jubilant", "fleeing"}
)


# words before "capital" that make it the seat of a region rather than of a state
_SUBNATIONAL_CAPITALS = [[w, "capital"] for w in ("regional", "provincial", "state", "district")]


# nouns for another party acting on a state's side: "Israel's militia ally", "Russia's allies"
_ALLY_NOUNS = frozenset({"ally", "allies", "proxy", "proxies", "surrogate", "surrogates", "client", "clients"})


def _names_an_ally(lowers: list[str], m: Mention, end: int) -> bool:
    """ "Syria's Lebanese allies", "the deputy chief of Israel's militia ally": a state in the possessive before
    "ally" or "proxy" names whose side the ally is on, not the actor itself, which is another party."""
    if m.kind not in ("state", "person"):
        return False  # "NATO allies" are the alliance's members, acting as NATO
    k = m.end
    if k < end and lowers[k] in ("'s", "'"):
        k += 1
    elif "'s" not in lowers[m.start : m.end]:
        return False  # "US allies", "Lebanese allies": the adjective may name the allies' own state
    for j in range(k, min(end, k + 3)):
        if lowers[j] in _ALLY_NOUNS:
            return True
        if not lowers[j].isalpha():
            return False
    return False


class ActorMatcher:
    """Finds actor phrases in a Doc and composes them into coded mentions."""

    def __init__(self, lexicon: Lexicon, nlp: Language) -> None:
        self.lexicon = lexicon
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.groups: dict[int, list[ActorPhrase]] = {}
        by_key: dict[tuple[str, bool], list[ActorPhrase]] = {}
        self.stems: dict[str, list[tuple[tuple[str, ...], list[ActorPhrase]]]] = {}
        for phrase in lexicon.phrases:
            if phrase.form == "stem":
                toks = tuple(t.lower_ for t in nlp.make_doc(phrase.text))
                if toks:
                    self.stems.setdefault(toks[0] if len(toks) > 1 else toks[0][:3], []).append((toks, [phrase]))
            key = (phrase.text if phrase.case_sensitive else phrase.text.lower(), phrase.case_sensitive)
            by_key.setdefault(key, []).append(phrase)
        # last words of the titles that stand before a name: "Bulgarian President [Todor Zhivkov]"
        self.title_heads = frozenset(p.text.split()[-1].lower() for p in lexicon.phrases if p.kind == "title")
        strings = nlp.vocab.strings
        for n, ((text, case), phrases) in enumerate(by_key.items()):
            label = f"ACTOR{n}"
            self.groups[strings.add(label)] = phrases
            # tokenize the phrase as written: spaCy keeps "U.S." whole but splits a lower-cased "u.s." in two, so
            # "U.N. Security Council" would never match its own lower-cased pattern
            pattern = nlp.make_doc(phrases[0].text if not case else text)
            (self.orth if case else self.lower).add(label, [pattern])

    def raw_matches(self, doc: Doc, lowers: list[str] | None = None) -> list[tuple[int, int, list[ActorPhrase]]]:
        """Longest non-overlapping phrase matches, left to right."""
        found = [(s, e, self.groups[m]) for m, s, e in self.lower(doc)]
        found += [(s, e, self.groups[m]) for m, s, e in self.orth(doc)]
        if self.stems and lowers is not None:
            found += self._stem_matches(lowers)
        n = len(doc)
        # "the South" but not "the South China Sea" / "the South Korean ambassador"
        found = [f for f in found if not (f[2][0].form == "contextual" and f[1] < n and doc[f[1]].text[:1].isupper())]
        found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        out: list[tuple[int, int, list[ActorPhrase]]] = []
        last_end = -1
        for s, e, phrases in found:
            if s >= last_end:
                out.append((s, e, phrases))
                last_end = e
            elif out and e - s > out[-1][1] - out[-1][0] and s == out[-1][0]:
                out[-1] = (s, e, phrases)
                last_end = e
        return out

    def _stem_matches(self, lowers: list[str]) -> list[tuple[int, int, list[ActorPhrase]]]:
        """TABARI stems: the last word of a phrase may carry any suffix ("ARGENTIN" → Argentina)."""
        out = []
        for i, word in enumerate(lowers):
            for key in (word, word[:3]):
                for toks, phrases in self.stems.get(key, ()):
                    n = len(toks)
                    if (
                        tuple(lowers[i : i + n - 1]) == toks[:-1]
                        and i + n <= len(lowers)
                        and lowers[i + n - 1].startswith(toks[-1])
                    ):
                        out.append((i, i + n, phrases))
        return out

    def resolve_person(self, phrases: list[ActorPhrase], day: date | None) -> str:
        people = [self.lexicon.dated_actors[p.ref] for p in phrases if p.kind == "person"]
        for person in people:
            if person.role_on(day) is not None:
                return person.code_on(day)
        return people[0].code_on(day) if people else ""

    def mentions(
        self,
        doc: Doc,
        lowers: list[str],
        start: int,
        end: int,
        raw: list[tuple[int, int, list[ActorPhrase]]],
        day: date | None,
    ) -> list[Mention]:
        """Compose raw matches inside the sentence ``[start, end)`` into coded mentions."""
        items: list[Mention] = []
        for s, e, phrases in raw:
            if s < start or e > end:
                continue
            first = phrases[0]
            kind = first.kind
            if kind == "place":
                continue
            if kind == "anaphor":
                # "the two sides": the last two states named before, in this sentence
                named = [
                    m
                    for m in items
                    if m.kind in ("state", "person", "group", "org")
                    and not (m.start > start and lowers[m.start - 1] in LOCATIVE_PREPS)
                ]
                if named and _clause_subject_before(lowers, named[-1].end, s):
                    # "Pyongyang accused the allies": the subject of the anaphor's own clause is not one of them
                    named.pop()
                prior = list(dict.fromkeys(m.code[:3] for m in reversed(named)))
                if len(prior) < 2:
                    continue
                items.append(Mention(s, e, f"{prior[1]}|{prior[0]}", "group", "anaphor"))
                continue
            code = self.resolve_person(phrases, day) if kind == "person" else first.ref
            if first.form == "prefix" and not (e < end and lowers[e] in ("-", "–")):
                continue
            if (
                first.form == "region"
                and not _reached(lowers, s, start)
                and not _insurgents_of(lowers, s, e, start, end)
            ):
                continue
            if kind == "person" and e + 1 < end and lowers[e] == "-" and lowers[e + 1].isalpha():
                continue  # "Park Jin" inside "Park Jin-young"
            if (
                kind == "person"
                and all(p.form == "short" for p in phrases if p.kind == "person")
                and e < end
                and doc[e].text[:1].isupper()
                and doc[e].is_alpha
                and not any(m[0] == e for m in raw)
                and not _title_case(doc, start, end)
            ):
                continue  # "Korean resident Kim Suk": a surname before an unknown given name is someone else
            if not code:
                continue
            if (
                code.startswith("IGOUNO")
                and e < end
                and lowers[e] in _MISSION_NOUNS
                and s > start
                and (
                    lowers[s - 1] in ("'s", "'", "its", "their")
                    or (items and items[-1].end == s and items[-1].kind == "state" and items[-1].form == "adjective")
                )
            ):
                continue  # "North Korea's U.N. ambassador", "its UN diplomats": the state's mission to the UN
            if first.form in ("capital", "city") and e < end and lowers[e] in _PLACE_OF_VIOLENCE:
                continue  # "Baghdad bombings kill a US soldier", "a Kabul blast": the city is where, not who
            if first.form == "capital" and s - 2 >= start and lowers[s - 2 : s] in _SUBNATIONAL_CAPITALS:
                continue  # "the southern regional capital Juba" (in 1990): a provincial seat, not a state's capital
            if (
                first.form == "adjective"
                and s - 1 >= start
                and lowers[s - 1] == "former"
                and e < end
                and lowers[e] in _COLONY_NOUNS
            ):
                continue  # "the capital of the former Portuguese colony": Guinea-Bissau, not Portugal
            if first.form == "adjective" and s - 2 >= start and lowers[s - 1] == "-" and lowers[s - 2] == "pro":
                continue  # "the pro-Iranian Hizbollah group": an allegiance, not the state itself
            if first.form in ("adjective", "demonym") and s - 1 >= start and lowers[s - 1] == "ethnic":
                # "ethnic Albanian guerrillas operating in Macedonia", "three ethnic Albanians": an ethnicity,
                # not the state or its citizens
                continue
            if first.form == "demonym" and all(p.form == "demonym" for p in phrases) and _counted(lowers, s, start):
                code += "CVL"  # "thousands of South Koreans", "300 Palestinians": people, not the state
            items.append(Mention(s, e, code, kind, first.form, state=first.state))
        composed = self._absorb_names(self._compose(items, doc, lowers, start), doc, lowers, start, end)
        return [m for m in composed if not _names_an_ally(lowers, m, end)]

    def _absorb_names(self, out: list[Mention], doc: Doc, lowers: list[str], start: int, end: int) -> list[Mention]:
        """A state's titled official followed by a name the lexicon does not know is one person:
        "Libyan leader Muammar Gaddafi and Bulgarian President Todor Zhivkov signed ..." coordinates two
        people, where the bare names would otherwise sit between the mentions and break the group.
        Title-case headlines are left alone (every word there looks like a name)."""
        if not self.title_heads or not any(len(m.code) > 3 and lowers[m.end - 1] in self.title_heads for m in out):
            return out
        words = [t for t in doc[start:end] if t.is_alpha]
        if words and sum(t.text[0].isupper() for t in words) > 0.6 * len(words):
            return out
        starts = {m.start for m in out}
        for i, m in enumerate(out):
            if m.kind == "person" or len(m.code) <= 3 or lowers[m.end - 1] not in self.title_heads:
                continue
            stop = min(end, (out[i + 1].start if i + 1 < len(out) else end), m.end + 5)
            k = last = m.end
            while k < stop and k not in starts:
                text = doc[k].text
                if (
                    text[:1].isupper()
                    and text.lower() not in _NOT_NAMES
                    and text.replace(".", "").replace("-", "").isalpha()
                ):
                    last = k + 1
                elif text.lower() not in _NAME_PARTICLES:
                    break
                k += 1
            if last > m.end:
                out[i] = Mention(
                    m.start,
                    last,
                    m.code,
                    "person",
                    "name",
                    m.locative,
                    lowers[last] in ("'s", "'") if last < len(lowers) else False,
                )
        return out

    def _compose(self, items: list[Mention], doc: Doc, lowers: list[str], start: int) -> list[Mention]:
        out: list[Mention] = []
        i = 0
        n = len(items)
        while i < n:
            m = items[i]
            if m.kind in ("state", "org", "group") and i + 1 < n:
                nxt = items[i + 1]
                gap = lowers[m.end : nxt.start]
                if (
                    not gap
                    and m.kind == nxt.kind == "state"
                    and m.form == "adjective"
                    and nxt.form == "demonym"
                    and m.code[:3] != nxt.code[:3]
                ):
                    # "Bosnian Serbs", "Croatian Serbs": a people named after one state living in another belongs
                    # to the state they live in
                    out.append(Mention(m.start, nxt.end, m.code, "state", "name"))
                    i += 2
                    continue
                poss = gap[:1] == ["'s"] or gap[:1] == ["'"]
                body = gap[1:] if poss else gap
                gap_ok = all(t in _AGENT_MODIFIERS or t in _DETERMINERS for t in body)
                # "Japan's ruling Liberal Democratic Party", "Taiwan's opposition Kuomintang": a state's own
                # party or armed group named after the state is one actor, the group
                own = _own_group(m, items, i, lowers)
                if own is not None:
                    out.append(Mention(m.start, items[own].end, items[own].code, "org", items[own].form))
                    i = own + 1
                    continue
                if nxt.kind in ("sector", "title") and len(gap) <= 3 and gap_ok:
                    merged = Mention(m.start, nxt.end, _with_sector(m, nxt.code), m.kind, m.form)
                    # "Chinese Foreign Minister Wang Yi": the person decides.
                    if (
                        i + 2 < n
                        and items[i + 2].kind == "person"
                        and _name_gap(doc, nxt.end, items[i + 2].start)
                    ):
                        person = items[i + 2]
                        merged = Mention(m.start, person.end, person.code, "person", person.form)
                        i += 1
                    out.append(merged)
                    i += 2
                    continue
                if nxt.kind == "person" and (not gap or poss) and len(gap) <= 1:
                    out.append(Mention(m.start, nxt.end, nxt.code, "person", nxt.form))
                    i += 2
                    continue
            if m.kind in ("sector", "title"):
                # "the foreign minister of Japan" / "Foreign Minister Wang Yi"
                if i + 1 < n:
                    nxt = items[i + 1]
                    gap = lowers[m.end : nxt.start]
                    if nxt.kind == "person" and _name_gap(doc, m.end, nxt.start):
                        out.append(Mention(m.start, nxt.end, nxt.code, "person", nxt.form))
                        i += 2
                        continue
                    if (
                        gap == ["of"]
                        and nxt.kind == "state"
                        and nxt.form == "adjective"
                        and i + 2 < n
                        and items[i + 2].kind == "sector"
                        and items[i + 2].start == nxt.end
                    ):
                        # "a company of Nigerian infantry", "a group of Japanese lawmakers": the first noun counts
                        # or groups the people the adjective and the later noun name
                        i += 1
                        continue
                    owned = m.start > 0 and lowers[m.start - 1] in ("its", "their", "his", "her", "'s")
                    civil_in = (
                        # "students throughout Indonesia", "rebels in the Ivory Coast"
                        gap[:1] in (["in"], ["throughout"], ["across"])
                        and gap[1:] in ([], ["the"])
                        and nxt.kind == "state"
                        and (m.code in SOCIETY_SECTORS or " ".join(lowers[m.start : m.end]) in _LOCAL_ORGANS)
                    )
                    # "the withdrawal of some invasion forces from Panama": the place they leave, not their state
                    leaving = any(w in _LEAVING for w in lowers[max(start, m.start - 5) : m.start])
                    if nxt.kind in ("state", "group") and (
                        gap in (["of"], ["of", "the"])
                        or (gap[:1] == ["from"] and _counted_from(gap) and not owned and not leaving)
                        or civil_in
                    ):
                        # "opposition groups in Zimbabwe", "protesters in Seoul": people of the place
                        # "the envoy from China" is China's; "its ambassador from Seoul" is not
                        out.append(Mention(m.start, nxt.end, _with_sector(nxt, m.code), nxt.kind, "name"))
                        i += 2
                        continue
                    if nxt.kind in ("sector", "title") and not gap:
                        # "defense ministry spokesman" → keep scanning with the later agent
                        i += 1
                        continue
                owner = _pronoun_owner(m, out, lowers, start)
                if owner is not None:
                    out.append(Mention(m.start, m.end, _with_sector(owner, m.code), owner.kind, "owned"))
                elif m.state:
                    out.append(Mention(m.start, m.end, m.state + m.code, "state", "national"))
                i += 1
                continue
            out.append(m)
            i += 1
        _share_sector(out, lowers)
        out = _expand_groups(out)
        for m in out:
            k = _word_before(lowers, m.start, start)
            m.locative = k >= start and lowers[k] in LOCATIVE_PREPS
            m.possessive = m.end < len(lowers) and lowers[m.end] in ("'s", "'")
        for prev, m in pairwise(out):
            # "in the Iraqi capital Baghdad", "in East Timor's capital Dili": the city in apposition to a place
            # is that place
            placed = prev.locative or any(w in ("in", "throughout", "across") for w in lowers[prev.start : prev.end])
            if placed and not m.locative and lowers[prev.end : m.start] in _CITY_APPOSITIONS:
                m.locative = True  # ("protesters in the Thai capital Bangkok": the protesters are Thai)
        return out


# what stands between a place and the name of its city in apposition: "the Iraqi capital Baghdad"
_CITY_APPOSITIONS = [[w] for w in ("capital", "city", "port", "town")] + [
    ["'s", w] for w in ("capital", "city", "port", "town")
]


# prepositions through which an act reaches a place: "flew over Hokkaido", "the annexation of Crimea"
_REGION_PREPS = frozenset({"over", "to", "into", "toward", "towards", "near", "around", "off", "of", "against"})


def _word_before(lowers: list[str], s: int, start: int) -> int:
    """Position of the word before the mention at ``s`` and its determiners ("over [the] Sea of Japan"); below
    ``start`` when the sentence begins there."""
    k = s - 1
    while k >= start and lowers[k] in _DETERMINERS:
        k -= 1
    return k


def _reached(lowers: list[str], s: int, start: int) -> bool:
    """Whether the region named at ``s`` is where an act is aimed ("a missile flew over Hokkaido" is aimed at
    Japan): a region stands for its state only then, never as the doer ("Okinawa protested") or the mere
    scene ("talks in Busan")."""
    k = _word_before(lowers, s, start)
    return k >= start and lowers[k] in _REGION_PREPS


# armed opponents named after the region they fight in: "Darfur rebels", "separatists in Aceh"
_INSURGENT_WORDS = frozenset(
    {"rebel", "rebels", "separatist", "separatists", "insurgent", "insurgents", "guerrilla", "guerrillas",
     "guerilla", "guerillas", "militants", "militia", "militias"}
)


def _insurgents_of(lowers: list[str], s: int, e: int, start: int, end: int) -> bool:
    """Whether the region named at ``[s, e)`` names the home of rebels or separatists ("Darfur rebels", "the
    rebels in Darfur"): they are that state's armed opposition, as "Sudanese rebels" would be."""
    if e < end and lowers[e] in _INSURGENT_WORDS:
        return True
    k = _word_before(lowers, s, start)
    return k - 1 >= start and lowers[k] in ("in", "from") and lowers[k - 1] in _INSURGENT_WORDS


def _title_case(doc: Doc, start: int, end: int) -> bool:
    """Whether the sentence is a title-case headline ("Kim Visits Troops on Front Line"), where a capital letter
    says nothing about names."""
    words = [t.text for t in doc[start:end] if t.is_alpha and len(t.text) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) > 0.6 * len(words)


def _counted_from(gap: list[str]) -> bool:
    """ "envoys from China", "doctors from two American charities": "from", then at most a count or "the"."""
    return len(gap) == 1 or (len(gap) == 2 and (gap[1] in _COUNTS or gap[1].isdigit() or gap[1] == "the"))


def _clause_subject_before(lowers: list[str], end: int, s: int) -> bool:
    """Whether an actor ending at ``end`` is the subject of a verb that governs the phrase at ``s``: only plain
    words stand between (no punctuation or coordination, which would begin another clause)."""
    gap = lowers[end:s]
    return 0 < len(gap) <= 4 and all(w.isalpha() and w not in ("and", "but", "or", "while", "as") for w in gap)


def _name_gap(doc: Doc, a: int, b: int) -> bool:
    """Whether a title and a name may stand ``doc[a:b]`` apart and still be one person: nothing, a first name
    the lexicon does not know ("Foreign Minister Sergei Lavrov") or an apposition comma ("the foreign
    minister, Wang Yi"). A lower-case word is a verb or preposition between two actors ("North Korean police
    arrested Kim Jong Nam", "American journalists after Kim Jong Il pardoned them")."""
    if b - a > 1:
        return False
    return all(doc[k].text == "," or doc[k].text[:1].isupper() for k in range(a, b))


def _own_group(m: Mention, items: list[Mention], i: int, lowers: list[str]) -> int | None:
    """Index of a non-state group (party, movement, armed group) of the state ``m`` that follows it as its
    owner: "Japan's ruling LDP", "the Japanese opposition DPJ", "Taiwan's main opposition Kuomintang". Only
    describing words ("ruling", "main", "far-right", ...) and the word "opposition" may stand between. None
    otherwise."""
    if m.kind != "state" or len(m.code) != 3:
        return None
    k = m.end
    if lowers[k : k + 1] in (["'s"], ["'"]):
        k += 1
    elif m.form != "adjective":
        return None
    j = i + 1
    while j < len(items) and items[j].kind == "sector" and items[j].code == "OPP":
        j += 1  # "Taiwan's opposition Kuomintang"
    if j >= len(items) or items[j].kind != "org" or items[j].code[:3] != m.code:
        return None
    covered = {t for x in items[i + 1 : j] for t in range(x.start, x.end)}
    gap = [lowers[t] for t in range(k, items[j].start) if t not in covered]
    if len(gap) > 4 or not all(t in _PARTY_MODIFIERS or t in _AGENT_MODIFIERS for t in gap):
        return None
    return j


def _share_sector(mentions: list[Mention], lowers: list[str]) -> None:
    """ "Chinese and Russian bombers", "US and South Korean troops": coordinated adjectives share the sector
    of the noun they both modify."""
    for i in range(len(mentions) - 1, 0, -1):
        head, prev = mentions[i], mentions[i - 1]
        if head.kind != "state" or head.form != "adjective" or len(head.code) <= 3:
            continue
        shares = prev.kind == "state" and prev.form in ("adjective", "abbreviation") and len(prev.code) == 3
        if shares and lowers[prev.end : head.start] in (["and"], [","], [",", "and"]):
            prev.code += head.code[3:]


def _pronoun_owner(m: Mention, before: list[Mention], lowers: list[str], start: int) -> Mention | None:
    """The state(s) a possessive pronoun before a sector stands for, within the sentence: "Seoul said its
    troops ..." (the last state named), "Tokyo and Seoul ... their foreign ministers met" (the last pair of
    states joined by "and"). None for other owners or when no state came before."""
    owner = lowers[m.start - 1] if m.start > start else ""
    states = [x for x in before if x.kind == "state" and len(x.code) == 3]
    if owner not in ("its", "their") or not states:
        return None
    last = states[-1]
    if owner == "its":
        return last
    if len(states) >= 2 and lowers[states[-2].end : last.start] in (["and"], [",", "and"]):
        pair = states[-2]
        return Mention(pair.start, last.end, f"{pair.code}|{last.code}", "group", "owned")
    return None


def _with_sector(m: Mention, sector: str) -> str:
    """Append a CAMEO sector to a state (or to each state of a multi-state phrase)."""
    if m.kind == "state":
        return m.code + sector
    if m.kind == "group":
        return "|".join(code + sector for code in m.code.split("|"))
    return m.code


def _expand_groups(items: list[Mention]) -> list[Mention]:
    """A multi-state phrase ("the two Koreas") becomes one mention per state, same span."""
    out = []
    for m in items:
        if "|" in m.code:
            out.extend(Mention(m.start, m.end, code, "state", "group") for code in m.code.split("|"))
        else:
            out.append(m)
    return out


def _aside_before_last(gap: tuple[str, ...]) -> str | None:
    """ "to Iran, Libya, Sudan, and with strings attached, Cuba": a short aside set off by a comma between
    the list's closing "and" and its last item; like ", and" it joins only at the end of a comma list."""
    words = gap[1:] if gap[:1] == (",",) else gap
    if len(words) < 3 or words[0] not in ("and", "or") or words[-1] != ",":
        return None
    aside = words[2:-1] if words[1] == "," else words[1:-1]
    return "comma-and" if 0 < len(aside) <= 4 and all(w.isalpha() for w in aside) else None


def _between_sides(lowers: list[str], a: Mention, gap: tuple[str, ...]) -> str | None:
    """ "a meeting between an Israeli peace movement and the PLO": after "between", the "and" joins the two
    sides even when the first is an adjective with a head noun the lexicon does not know."""
    k = a.start - 1
    while k >= 0 and lowers[k] in ("a", "an", "the"):
        k -= 1
    if k < 0 or lowers[k] != "between":
        return None
    words = gap[:-1] if gap[-1:] == ("the",) else gap
    if len(words) < 2 or words[-1] != "and":
        return None
    head = words[:-1]
    return "and" if len(head) <= 3 and all(w.isalpha() and w not in ("and", "or") for w in head) else None


def group_mentions(
    mentions: list[Mention], lowers: list[str], headline: bool = False, identity_nouns: frozenset[str] = frozenset()
) -> list[Group]:
    """Join coordinated mentions; a comma joins only in a list closed by "and"/"or".

    Headlines drop the "and": "China, Russia Begin Joint Drills" joins the pair.
    """
    if not mentions:
        return []
    links: list[str | None] = []
    for a, b in pairwise(mentions):
        if a.start == b.start:
            links.append("group")
            continue
        gap = tuple(lowers[a.end : b.start])
        links.append(
            None if a.possessive else _JOINERS.get(gap) or _aside_before_last(gap) or _between_sides(lowers, a, gap)
        )
    # a chain of commas must end in an "and" link, otherwise it is not a list;
    # ", and" joins only at the end of such a list ("A, B, and C", not "A, and B")
    for i, link in enumerate(links):
        if link == "comma":
            j = i
            while j < len(links) and links[j] == "comma":
                j += 1
            if (j >= len(links) or links[j] not in ("and", "comma-and")) and not headline:
                links[i] = None
        elif link == "comma-and" and (i == 0 or links[i - 1] != "comma"):
            links[i] = None
    # "an Iraqi-Polish woman": a hyphenated pair before a person noun is one identity (the last one)
    for i, link in enumerate(links):
        if link == "hyphen" and mentions[i + 1].end < len(lowers) and lowers[mentions[i + 1].end] in identity_nouns:
            links[i] = "identity"
    mentions = [m for i, m in enumerate(mentions) if not (i < len(links) and links[i] == "identity")]
    links = [link for link in links if link != "identity"]
    if not mentions:
        return []
    groups: list[Group] = []
    current = [mentions[0]]
    hyphen = False
    for link, m in zip(links, mentions[1:], strict=False):
        if link is None:
            groups.append(Group(current, hyphen))
            current, hyphen = [m], False
        else:
            current.append(m)
            # a hyphen makes a compound modifier ("US-Japan talks"); one phrase for several states ("the two
            # Koreas", "their militaries") is a noun phrase, after which a verb may follow
            hyphen = hyphen or link == "hyphen"
    groups.append(Group(current, hyphen))
    return groups
