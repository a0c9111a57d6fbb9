"""Definite descriptions: "the bill" / "the measure", "the country", and "the company".

A claim that says "The House approved the measure 234-193" cannot be checked on its own. When
the article names exactly one bill before the claim ("HR 1", "the Religious Freedom Restoration
Act"; an acronym of the same name, "RFRA", counts as the same bill), the description takes the
name: "The House approved the HR 1 measure 234-193". With two bills named, or none, the
description stays and the claim is flagged ambiguous (:func:`unnamed`).

"The country's military was placed on alert" likewise takes the one country the article has
named before it, by name or adjective ("South Korean troops", ``countries``), the claim's own
words up to "the country" included. An article that names places or bodies of the United States
("Congress", "Texas", "the FBI") counts the United States as named even where it never says so,
so "entered the country unlawfully" in a report naming Mexico once and Arizona stays unresolved
rather than becoming Mexico.

"The company said" takes the one company the article has named before it. An organisation
counts as a company when its name says so ("Amoco Corp", "Repsol SA", "Lufthansa Group"), when
a company noun stands before it ("oil company Repsol", "retailer Wal-Mart") or when an
appositive says so ("Yahoo, the internet company,"); a ministry, a party or a union never
does. Two companies, or none, leave "the company" as written; like an unnamed bill or
country, the claim is then flagged ambiguous with the reason.
"""

from __future__ import annotations

from ..read import regex as re
from .claims_checks import blank_quotes, name_matches
from .countries import US_STATES, countries_named
from .verbs import is_finite

_BILL_NUMBER = re.compile(r"\b(?:H\.\s?R\.|HR|S\.)\s?\d{1,4}\b")
_ACT = re.compile(
    r"\b(?:[A-Z][\w’'-]*\s+(?:(?:of|the|and|for|to|on)\s+)?){1,7}Act\b|\b[A-Z]{4,}\s+(?:Act|ACT)\b"
)
_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")
DESCRIPTION = re.compile(
    r"\b(?P<det>[Tt]he)\s+(?:(?P<mod>new|amended|revised|proposed|original|final|initial|"
    r"same)\s+)?(?P<noun>bill|measure|legislation|proposal|plan)\b(?!\s+(?:to|of|for|that)\b)"
)


def _key(name: str) -> str:
    """One key per bill: its number, or the initials of its name ("RFRA")."""
    number = _BILL_NUMBER.search(name)
    if number:
        return re.sub(r"[\s.]", "", number.group(0)).upper()
    words = [w for w in re.findall(r"[A-Za-z]+", name) if w[:1].isupper()]
    if len(words) == 1 or name.isupper():
        return words[0].upper() if len(words) == 1 else name.upper()
    return "".join(w[0] for w in words).upper()


def bill_names(text: str) -> list[tuple[int, str, str]]:
    """(offset, name, key) for every bill the text names, in order."""
    found = []
    if "Act" not in text and "ACT" not in text and not _BILL_NUMBER.search(text):
        return found  # most articles name no bill: skip the slower name patterns
    for m in _BILL_NUMBER.finditer(text):
        found.append((m.start(), re.sub(r"\s+", " ", m.group(0)), _key(m.group(0))))
    for m in _ACT.finditer(text):
        name = re.sub(r"^(?:The|the)\s+", "", m.group(0))
        found.append((m.start(), name, _key(name)))
    keys = {k for _, _, k in found}
    for m in _ACRONYM.finditer(text):
        if m.group(0) in keys and not any(o == m.start() for o, _, _ in found):
            found.append((m.start(), m.group(0), m.group(0)))
    return sorted(found)


def resolve_bill(claim: str, offset: int, bills: list[tuple[int, str, str]]) -> str:
    """``claim`` with "the bill" naming the one bill mentioned before ``offset``, if one is."""
    m = DESCRIPTION.search(claim)
    if m is None:
        return claim
    before = [(o, name, key) for o, name, key in bills if o < offset]
    keys = {key for _, _, key in before}
    if len(keys) != 1 or any(name in claim for _, name, _ in before):
        return claim
    # the fullest name the article gives that bill
    name = max((name for _, name, _ in before), key=len)
    mod = f"{m.group('mod')} " if m.group("mod") else ""
    noun = "" if name.endswith(("Act", "ACT")) else f" {m.group('noun')}"
    named = f"{m.group('det')} {mod}{name}{noun}"
    return claim[: m.start()] + named + claim[m.end() :]


_THE_COUNTRY = re.compile(
    r"\b(?P<det>[Tt]he)\s+country(?P<poss>['’]s)?\b(?!\s+(?:of|music|singer|star|club|side)\b)"
)
#: places and bodies of the United States: an article naming them is about the United States
#: even where it never names the country
_US_CUES = re.compile(
    r"\b(?:Congress|White House|Pentagon|Senate|House of Representatives|Capitol Hill|"
    r"Supreme Court|FBI|CIA|ICE|federal|Republicans?|Democrats?|GOP|" + US_STATES + r")\b"
)


def country_mentions(text: str) -> list[tuple[int, str]]:
    """(offset, country) for the countries ``text`` names, with the United States at the
    first place or body of its that the text names (``_US_CUES``)."""
    found = countries_named(text)
    cue = _US_CUES.search(text)
    if cue is not None:
        found = sorted([*found, (cue.start(), "the United States")])
    return found


def resolve_country(claim: str, offset: int, mentions: list[tuple[int, str]]) -> str:
    """``claim`` with "the country" naming the one country named before it (the article's
    text before ``offset``, and the claim's own words before the description). "the country"
    inside a quotation stays as the speaker said it."""
    m = _THE_COUNTRY.search(blank_quotes(claim))  # a quotation is never rewritten
    if m is None:
        return claim
    named = {c for o, c in mentions if o < offset} | {c for _o, c in country_mentions(
        claim[: m.start()])}
    if len(named) != 1:
        return claim
    country = next(iter(named))
    if m.group("det") == "The" and country.startswith("the "):
        country = "The" + country[3:]
    poss = m.group("poss") or ""
    if poss and country.endswith("s"):
        poss = poss[0]  # "the United States’", "the Philippines'"
    return claim[: m.start()] + country + poss + claim[m.end() :]


#: a state named ("Arkansas"), not a city, paper or team of its name ("New York Times")
_STATE_NAME = re.compile(
    rf"\b{US_STATES}\b(?!\s+(?:City|Times|Post|Daily|Stock|Knicks|Yankees|Mets|Giants|Jets|"
    r"Rangers|Avenue|Street|Instruments)\b)"
)
#: "the state" where it is a place or a state's body, not the government in the abstract:
#: after a preposition ("in the state"), before a noun ("the state legislature"), or possessive
_THE_STATE = re.compile(
    r"(?:(?P<prep>\b(?:in|throughout|across|of|from|to|outside|around)\s+)the|\b(?P<det>[Tt]he))"
    r"\s+state(?P<poss>['’]s)?\b(?P<next>\s+[a-z]+)?"
)
_NOT_NOUN_AFTER = frozenset(
    "of in on to for and or but with that which where who by from as at into is are was were "
    "has have had will would can could may might should must does did not".split())


def state_mentions(text: str) -> list[tuple[int, str]]:
    """(offset, state) for the states of the United States ``text`` names ("Washington" is as
    often the capital, and is left out)."""
    return [(m.start(), m.group(0)) for m in _STATE_NAME.finditer(text)
            if m.group(0) != "Washington"]


def resolve_state(claim: str, offset: int, mentions: list[tuple[int, str]]) -> str:
    """``claim`` with "the state" naming the one state the article names before it: "Walmart is
    headquartered in the state" -> "... in Arkansas", "the state legislature" -> "the Arkansas
    state legislature". Only as a place, a state's body or a possessive; "The state has no
    business ..." (the government) and quotations stay as written."""
    for m in _THE_STATE.finditer(blank_quotes(claim)):
        nxt = (m.group("next") or "").strip()
        adjective = bool(nxt) and nxt not in _NOT_NOUN_AFTER and not is_finite(nxt)
        if not (m.group("prep") or m.group("poss") or adjective):
            continue
        named = {s for o, s in mentions if o < offset} | {
            s for _o, s in state_mentions(claim[: m.start()])}
        if len(named) != 1:
            return claim
        state = next(iter(named))
        start = m.start("prep") + len(m.group("prep")) if m.group("prep") else m.start("det")
        end = m.end("poss") if m.group("poss") else m.start("next") if m.group("next") else m.end()
        if m.group("poss"):
            words = state + (m.group("poss")[0] if state.endswith("s") else m.group("poss"))
        elif adjective:
            words = f"{claim[start:start + 3]} {state} state"
        else:
            words = state
        return claim[:start] + words + claim[end:]
    return claim


_COMPANY_SUFFIX = re.compile(
    r"\s*,?\s*\b(?:Inc|Corp|Corporation|Co|Ltd|Limited|LLC|plc|PLC|AG|SA|NV|GmbH|Group|"
    r"Holdings|Airlines|Airways|Motors)\b\.?$"
)
_SUFFIX_AFTER = re.compile(r"\s*,?\s+(?:Inc|Corp|Co|Ltd|LLC|plc|PLC|AG|SA|NV|GmbH)\b")
_COMPANY_NOUN = (
    r"(?:company|firm|maker|retailer|giant|conglomerate|carrier|airline|automaker|carmaker|"
    r"insurer|manufacturer|producer|chain|supplier|startup|start-up|publisher|broadcaster|"
    r"group|bank|lender|distributor|developer|contractor|operator)"
)
_NOUN_BEFORE = re.compile(rf"\b{_COMPANY_NOUN}\s+$")
_APPOSITIVE_AFTER = re.compile(
    rf"\s*,\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,5}}?{_COMPANY_NOUN}\b"
)
#: "the state legislature", "the chamber": a body the claim does not name
_THE_BODY = re.compile(
    r"\b[Tt]he\s+(?:state\s+(?:legislature|senate|house|assembly|government)|legislature|"
    r"chamber)\b(?!\s+of\b)"
)
_THE_COMPANY = re.compile(
    r"\b(?P<det>[Tt]he)\s+(?:company|firm)(?P<poss>['’]s)?\b"
    r"(?!\s+(?:of|that|which|who|whose)\b|['’]s\s+own\b)"
)


def _company_key(name: str) -> str:
    return _COMPANY_SUFFIX.sub("", name).strip().lower()


def company_names(text: str, orgs: list[tuple[int, int]]) -> list[tuple[int, str, str]]:
    """(offset, name, key) for each mention of an organisation (``orgs``: its spans) that
    the text shows to be a company; the name is the fullest the text gives that company."""
    found = []
    for start, end in orgs:
        name = text[start:end]
        suffix = _SUFFIX_AFTER.match(text, end)
        if (
            _COMPANY_SUFFIX.search(name)
            or suffix
            or _NOUN_BEFORE.search(text, max(start - 30, 0), start)
            or _APPOSITIVE_AFTER.match(text, end)
        ):
            full = text[start : suffix.end()] if suffix else name
            found.append((start, full, _company_key(full)))
    fullest: dict[str, str] = {}
    for _o, name, key in found:
        if len(name) > len(fullest.get(key, "")):
            fullest[key] = name
    return [(o, fullest[key], key) for o, _n, key in found]


def resolve_company(
    claim: str, offset: int, companies: list[tuple[int, str, str]], organisations: list[str] = ()
) -> str:
    """``claim`` with "the company" naming the one company named before ``offset`` (or in
    the claim's own words before "the company"). With no company known, the one organisation
    (of ``organisations``, every organisation the article names) that the claim's own words
    name before it is taken: "A Microsoft spokesperson said that the company ...". """
    m = _THE_COMPANY.search(blank_quotes(claim))
    if m is None:
        return claim
    head = claim[: m.start()]  # "Shares in group Repsol rose after the company ..."
    before = {key: name for o, name, key in companies if o < offset or name in head}
    if not before:
        named = {o for o in organisations if next(name_matches(head, o), None)}
        named = {o for o in named if not any(o != n and o in n for n in named)}
        before = {o.lower(): o for o in named}
    if len(before) != 1:
        return claim
    name = next(iter(before.values()))
    poss = m.group("poss") or ""
    if poss and name.endswith("s"):
        poss = poss[0]
    return claim[: m.start()] + name + poss + claim[m.end() :]


def unnamed(claim: str) -> list[str]:
    """Why ``claim`` still leans on a description it does not resolve ("the measure", "the
    company", "the country" outside quotations): one reason per kind, for the ambiguity flag."""
    own = blank_quotes(claim)
    reasons = []
    bill = DESCRIPTION.search(own)
    if bill:
        reasons.append(f"'{bill.group(0).lower()}': which one is not named")
    company = _THE_COMPANY.search(own)
    if company:
        reasons.append(f"'{company.group(0).lower()}': which one is not named")
    body = _THE_BODY.search(own)
    if body:
        reasons.append(f"'{body.group(0).lower()}': which one is not named")
    country = _THE_COUNTRY.search(own)
    if country:
        reasons.append(f"'{country.group(0).lower()}': which country is not named")
    return reasons
