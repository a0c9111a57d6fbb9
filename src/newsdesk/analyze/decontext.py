"""Decontextualisation: rewrite a piece of an article so it stands on its own.

* People by full name: a bare surname or title + surname ("Petro", "Mr. Steele") becomes the full
  name the article gives ("Gustavo Petro", "Michael Steele"); "the president", "the governor",
  "the cardinal" become the one person the article gives that title in full ("Gov. Mike
  Pence"), when there is exactly one (a vice president or a lieutenant governor is not one).
* A personal pronoun as subject ("He said ...", "..., she added") takes the person mentioned
  last before the piece; "it said" takes the organisation mentioned last.
* Relative dates become absolute against the publication date ("this Tuesday" -> "3 February
  2026", "last week" -> "9 February 2026 to 15 February 2026").

What cannot be resolved with confidence is reported as ambiguity (the claim is kept and
flagged), never guessed: a surname two people share, a pronoun with no person before it, a
relative date with no publication date.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from dataclasses import dataclass, field

from ..model import Entity, EntityLabel, TimeExpression
from ..read import regex as re
from .acronyms import acronym_names, expand_acronyms
from .claims_checks import (
    blank_quotes,
    is_full_name,
    name_matches,
    self_containment_problems,
    strip_title,
)
from .descriptions import bill_names, company_names, country_mentions, state_mentions
from .gender import compatible, person_genders
from .name_variants import SUFFIXES as _SUFFIXES
from .name_variants import name_variants
from .role_titles import role_holders
from .verbs import is_plural_subject, subject_of

_CENTURY_OR_DECADE = re.compile(
    r"\bcentur(?:y|ies)\b|\d0s\b|['’]\d0s\b|\b(?:twenties|thirties|forties|fifties|sixties|"
    r"seventies|eighties|nineties)\b", re.IGNORECASE)
_HAS_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d(?:s|’s|'s)?\b")
_TITLES = (
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Lt|Col|Sgt|Capt|Adm|Rev)\.?|President|Senator|"
    r"Governor|Justice|Cardinal|Bishop|Judge|Minister|Prime Minister|Chancellor|Secretary|"
    r"Ambassador|Director|Chairman|Coach|General|Pope|Congressman|Congresswoman|Representative|"
    r"Assemblyman|Assemblywoman|Councilman|Councilwoman"
)
_TITLE_BEFORE = re.compile(rf"(?:{_TITLES})\s+$")
#: what may stand before the name a clause opens with: "President ", "Former Sen. ", ""
_OPENING_TITLES = re.compile(rf"\s*(?:(?:Former|former|U\.S\.)\s+)?(?:(?:{_TITLES})\s+)*")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_SUBJECT_PRONOUN = re.compile(r"^(He|She|he|she)\b")
_TRAILING_SPEECH = re.compile(
    r"(?P<pro>\b(?:he|she|it|they)\b|^It\b)\s+(?P<verb>said|says|added|told|wrote|explained|noted|"
    r"argued|insisted|claimed|stated|declared)\b"
)
_RELATIVE_DAY = re.compile(
    r"^(?:yesterday|today|tomorrow|tonight|(?:this|last|next)\s+\w+|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b.*)$",
    re.IGNORECASE,
)


#: numbers read with a vowel first ("eight", "eleven", "eighteen"): "an 8 June 2011 audience"
_SAID_WITH_AN = re.compile(r"(?:8|11|18)\b")


def format_date(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def format_time(expr: TimeExpression) -> str | None:
    """An absolute rendering of a resolved time expression, or None if unresolved."""
    if not expr.resolved:
        return None
    if expr.value is not None:
        return format_date(expr.value)
    if expr.range_start and expr.range_end:
        start, end = expr.range_start, expr.range_end
        if start.day == 1 and end.month == start.month and (end + dt.timedelta(days=1)).day == 1:
            return f"{start.strftime('%B')} {start.year}"
        if start == dt.date(start.year, 1, 1) and end == dt.date(start.year, 12, 31):
            return str(start.year)
        return f"{format_date(start)} to {format_date(end)}"
    return None


def _bare(name: str) -> str:
    return _POSSESSIVE.sub("", name.strip())


def _count_whole(text: str, name: str) -> int:
    """``len(re.findall(rf"\\b{re.escape(name)}\\b", text))``, with the candidates found by
    ``str.find`` (a regex scan that starts with ``\\b`` tries every position of the text)."""
    if not name:
        return 0
    pattern = re.compile(rf"\b{re.escape(name)}\b")
    count, i = 0, text.find(name)
    while i >= 0:
        if pattern.match(text, i):
            count += 1
            i = text.find(name, i + len(name))
        else:
            i = text.find(name, i + 1)
    return count


@dataclass
class NameIndex:
    """Who the article names, for resolving short mentions and pronouns."""

    people: list[str] = field(default_factory=list)
    short: dict[str, str | None] = field(default_factory=dict)  # short form -> full (None: shared)
    title: dict[str, str] = field(default_factory=dict)  # "president" -> full name ("": two)
    mentions: list[tuple[int, str, EntityLabel]] = field(default_factory=list)
    bills: list[tuple[int, str, str]] = field(default_factory=list)  # (offset, name, key)
    countries: list[tuple[int, str]] = field(default_factory=list)  # (offset, country)
    states: list[tuple[int, str]] = field(default_factory=list)  # (offset, US state)
    companies: list[tuple[int, str, str]] = field(default_factory=list)  # (offset, name, key)
    organisations: list[str] = field(default_factory=list)  # every organisation's name
    text: str = ""  # the article text the offsets point into
    short_keys: list[str] = field(default_factory=list)  # ``short``, longest first
    #: acronym -> (full name, written with "the") for those the article spells out
    acronyms: dict[str, tuple[str, bool]] = field(default_factory=dict)
    #: full name -> "m"/"f" where the article makes it clear (``analyze.gender``)
    genders: dict[str, str] = field(default_factory=dict)
    ends: dict[int, int] = field(default_factory=dict)  # mention offset -> its end

    def subject_at(self, start: int) -> str | None:
        """The person a clause starting at ``start`` opens with ("President Trump, 24 hours
        from his deadline, told ..." -> "Donald Trump", or "President Trump" when the article
        never gives the full name), if it opens with one."""
        pos = bisect_left(self.mentions, (start,))
        for offset, name, label in self.mentions[pos : pos + 3]:
            if offset - start > 40:
                break
            if label != EntityLabel.person:
                continue
            if not _OPENING_TITLES.fullmatch(self.text[start:offset]):
                return None
            if is_full_name(name):
                return name
            if strip_title(name) in self.short:  # a surname two people of the article share
                return None
            return self.text[start : self.ends.get(offset, offset + len(name))].strip()
        return None

    def full(self, name: str) -> str | None:
        name = strip_title(_bare(name))
        if name in self.people:
            return name
        return self.short.get(name)

    def people_between(self, start: int, end: int) -> list[str]:
        """Distinct full names of people mentioned in [start, end)."""
        lo, hi = bisect_left(self.mentions, (start,)), bisect_left(self.mentions, (end,))
        found = [
            n
            for _o, n, lab in self.mentions[lo:hi]
            if lab == EntityLabel.person and is_full_name(n)
        ]
        return list(dict.fromkeys(found))

    def last_before(self, offset: int, label: EntityLabel, pronoun: str = "") -> str | None:
        """The last mention of ``label`` before ``offset`` (for a person, the last one
        ``pronoun`` can refer to: "she" skips a Mr. or a Pope)."""
        pos = bisect_left(self.mentions, (offset, "", EntityLabel.person))
        for i in range(pos - 1, -1, -1):
            if self.mentions[i][2] == label and compatible(self.mentions[i][1], pronoun,
                                                            self.genders):
                return self.mentions[i][1]
        return None


def build_index(text: str, entities: list[Entity]) -> NameIndex:
    index = NameIndex()
    people = []
    for ent in entities:
        if ent.label != EntityLabel.person:
            continue
        name = strip_title(_bare(ent.canonical or ent.text))
        if is_full_name(name) and name not in people:
            people.append(name)
    # a longer name that extends a shorter one ("Donald Trump Jr." vs "Donald Trump") stays apart
    index.people = sorted(people, key=lambda n: (-len(n), n))
    claimants: dict[str, list[str]] = {}
    mention_counts: dict[str, int] = {}

    def _full_mentions(name: str) -> int:  # how often the text names ``name`` in full
        if name not in mention_counts:
            mention_counts[name] = _count_whole(text, name)
        return mention_counts[name]

    variant_of = name_variants(index.people, _full_mentions)
    forms: dict[str, list[str]] = {}  # a person -> the other forms of their name
    for variant, person in variant_of.items():
        forms.setdefault(person, []).append(variant)

    def _mentions_with_variants(name: str) -> int:  # "Jared Padalecki" counts for "Jared
        # Tristan Padalecki": one person, however the article writes the name in full
        return _full_mentions(name) + sum(_full_mentions(v) for v in forms.get(name, []))
    for name in index.people:
        words = name.split()
        keys = {" ".join(words[i:]) for i in range(1, len(words))}
        if words[-1] in _SUFFIXES and len(words) >= 3:
            keys = {" ".join(words[-2:]), words[-2] + " " + words[-1].rstrip(".")}
        for key in keys:
            person = variant_of.get(name, name)
            if person not in claimants.setdefault(key, []):
                claimants[key].append(person)
    for variant, person in variant_of.items():
        claimants.setdefault(variant, [person])
    for key, names in claimants.items():
        if len(names) == 1:
            index.short[key] = names[0]
            continue
        # two people share the short form ("Ahmed Mohamed", "Mohamed El-Hassan Mohamed"): the
        # one the article names in full at least twice as often is meant; otherwise unresolved
        counts = sorted(((_mentions_with_variants(n), n) for n in names), reverse=True)
        index.short[key] = counts[0][1] if counts[0][0] >= 2 * max(counts[1][0], 1) else None
    index.short_keys = sorted(index.short, key=lambda k: (-len(k), k))
    mention_ends: dict[int, int] = {}
    for ent in entities:
        if ent.label == EntityLabel.person:
            full = index.full(ent.canonical or ent.text) or _bare(ent.canonical or ent.text)
        else:
            full = _bare(ent.canonical or ent.text)
        index.mentions.append((ent.start, full, ent.label))
        mention_ends[ent.start] = ent.end
    index.mentions.sort()
    index.title = role_holders(text, index)
    index.bills = bill_names(text)
    index.countries = country_mentions(text)
    index.states = state_mentions(text)
    orgs = [e for e in entities if e.label == EntityLabel.organization]
    index.companies = company_names(text, [(e.start, e.end) for e in orgs])
    index.organisations = sorted({text[e.start : e.end] for e in orgs})
    index.acronyms = acronym_names(text)
    index.genders = person_genders(text, index.mentions, mention_ends)
    index.ends = mention_ends
    index.text = text
    return index


_SPEAKER_AFTER = re.compile(
    r"(?:,\s+|\b(?:said|says|added|wrote)\s+)(?P<who>(?:[A-Za-z][\w.'’-]*\s+){0,5}"
    r"[A-Z][\w.'’-]*)(?:\s+(?:said|says|added|told|wrote)\b[^,]*)?\W*$"
)
_SPEECH_LEAD = re.compile(r"^(?:He|She)\s+(?:said|says|added|told|wrote|explained|noted)\b")


def _preferred(people: list[str], previous: str, claim: str) -> str | None:
    """Which of several people a leading "He"/"She" means, when the previous sentence says:
    for "He said ..." the speaker that sentence ends on ("..., attorney Marc Victor said."),
    otherwise that sentence's subject ("Writing in a blog post, Matthew Ingram ... dubbed").
    None when neither picks exactly one."""
    def pick(phrase: str | None) -> str | None:
        if not phrase:
            return None
        hits = [p for p in people if p in phrase or p.split()[-1] in phrase.split()]
        return hits[0] if len(hits) == 1 else None

    if _SPEECH_LEAD.match(claim):
        speaker = _SPEAKER_AFTER.search(blank_quotes(previous).rstrip())
        return pick(speaker.group("who") if speaker else None)
    return pick(subject_of(previous))


@dataclass
class Rewritten:
    text: str
    ambiguity: list[str]


def _replace_names(text: str, index: NameIndex, ambiguity: list[str]) -> str:
    own = blank_quotes(text)
    edits: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for full in index.people:  # longest first: "Donald Trump Jr." before "Donald Trump"
        if full not in own:  # each pattern below needs its name verbatim
            continue
        taken.extend(name_matches(own, full))
    for key in index.short_keys:
        if key not in own:
            continue
        for m_start, m_end in name_matches(own, key, _TITLE_BEFORE):
            if not free(m_start, m_end):
                continue
            if key in _MONTH_NAMES and (re.match(r"\s*\d", own[m_end:]) or re.search(
                    r"\b(?:in|on|of|since|until|by|from|early|late|mid|last|next|this)\s+$",
                    own[:m_start], re.IGNORECASE)):
                continue  # "on May 22" is a date, not Theresa May
            found = own[m_start:m_end]
            if (
                re.search(r"[A-Z][\w'’-]*\s+$", own[:m_start])
                and not re.match(rf"(?:{_TITLES})\s", found)
                or re.match(r"\s+[A-Z][a-z]", own[m_end:])
            ):
                continue  # "Ben Chan" is not "Tanya Chan", nor "Lee Cheuk-yan" "Starry Lee"
            full = index.short[key]
            if full is None:
                ambiguity.append(f"'{found}' could be more than one person in the article")
                taken.append((m_start, m_end))
                continue
            edits.append((m_start, m_end, full))
            taken.append((m_start, m_end))
    lowered = own.lower()
    for key, full in index.title.items():
        if key not in lowered:
            continue
        for m in re.finditer(rf"\b[Tt]he\s+(?i:{key})\b(?!\s+(?:[A-Z]|of\b|and\b|or\b))", own):
            if not free(m.start(), m.end()):
                continue
            if full:
                edits.append((m.start(), m.end(), full))
                taken.append((m.start(), m.end()))
    return _apply(text, edits)


#: words after which a resolved date takes no "on"/"in" of its own ("his own Dec. 27 debate",
#: "as late as Monday", "between July 23 and ...")
_DATE_DETERMINERS = frozenset("a an the this that his its their our own".split())
_DATE_PREPOSITIONS = frozenset(
    "on in since until till by from of before after during at as between into through "
    "throughout around about over within to dated for across amid - – —".split())


_MONTH_NAMES = frozenset("January February March April May June July August September "
                         "October November December".split())
_WEEKDAY = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$")
#: words that make a weekday part of a name ("endorsed Clinton Wednesday" is a date)
_DAY_NAMES = frozenset(
    "News Super Black Cyber Good Easter Palm Bloody Ash Holy Maundy Giving".split())


def _in_name(text: str, pos: int, expr: str) -> bool:
    """A weekday that ends a name: "Fox News Sunday", "Super Tuesday", "Black Friday"."""
    if not _WEEKDAY.match(expr.strip()):
        return False
    before = re.search(r"([A-Z][\w'’.-]*)\s+$", text[:pos])
    return bool(before) and before.group(1) in _DAY_NAMES


def _replace_times(text: str, times: list[TimeExpression], ambiguity: list[str]) -> str:
    edits = []
    own = blank_quotes(text)
    for expr in times:
        if _HAS_YEAR.search(expr.text) or _CENTURY_OR_DECADE.search(expr.text):
            continue  # already absolute ("the 19th century", "the '90s": no "the period ...")
        pos = own.find(expr.text)
        if pos < 0:
            # inside a quotation the words stay as they were said; the date follows in
            # brackets, as an editor's insertion: "earlier today [13 November 2017]"
            quoted = text.find(expr.text)
            absolute = format_time(expr)
            if quoted >= 0 and absolute is not None and not _in_name(text, quoted, expr.text):
                end = quoted + len(expr.text)
                possessive = re.match(r"['’]s\b", text[end:])
                end += possessive.end() if possessive else 0  # "Today's [13 July 2018] charges"
                if not re.match(r"\s*(?:\[|\d)", text[end:]):  # "February 28, 2019": whole
                    edits.append((end, end, f" [{absolute}]"))
            continue
        if _in_name(text, pos, expr.text):
            continue
        absolute = format_time(expr)
        if absolute is None:
            if _RELATIVE_DAY.match(expr.text.strip()):
                ambiguity.append(
                    f"relative date '{expr.text}' has no publication date to resolve it"
                )
            continue
        before = text[:pos].rstrip().split(" ")[-1].lower() if text[:pos].strip() else ""
        # "Saturday's race" -> "1 December 2011's race", not "on 1 December 2011's race"
        possessive = bool(re.match(r"['’]s\b", text[pos + len(expr.text) :]))
        determiner = before in _DATE_DETERMINERS
        preposition = determiner or possessive or before in _DATE_PREPOSITIONS
        if " to " in absolute:
            if re.search(r"\b(?:a|an)\s+$", text[:pos]):
                continue  # "an Aug. 25-26 papal pilgrimage": a span used as an adjective
            first, last = absolute.split(" to ")
            absolute = (
                f"{'' if before == 'the' else 'the '}period {first} to {last}"  # "over the ..."
                if preposition else f"between {first} and {last}"
            )
        elif expr.value is not None and not preposition:
            absolute = "on " + absolute
        elif expr.value is None and not preposition:
            absolute = "in " + absolute  # "last year" -> "in 2009", "last month" -> "in March 2011"
        article = re.search(r"\b([Aa])(\s+)$", text[:pos])
        if article and _SAID_WITH_AN.match(absolute):  # "a Wednesday audience" -> "an 8 June ..."
            edits.append((article.start(1), pos + len(expr.text),
                          f"{article.group(1)}n{article.group(2)}{absolute}"))
            continue
        edits.append((pos, pos + len(expr.text), absolute))
    return _apply(text, edits)


def rewrite(
    text: str,
    offset: int,
    index: NameIndex,
    times: list[TimeExpression],
    subject: str | None = None,
    antecedent_window: tuple[int, int] | None = None,
    same_sentence: bool = False,
) -> Rewritten:
    """Rewrite ``text`` (whose source starts at article ``offset``) to stand alone.

    A leading "He"/"She" of a clause inside a sentence (``same_sentence``: the window is the
    sentence up to the clause) takes the person the sentence opens with, when it opens with one
    of a fitting gender ("President Trump ... told reporters ..., and he named ..."). Otherwise
    it takes the one person named in ``antecedent_window`` (the previous sentence, or the start
    of this one), else the person mentioned last before ``offset``.
    """
    ambiguity: list[str] = []
    result = _replace_times(text, times, ambiguity)
    lead = _SUBJECT_PRONOUN.match(result)
    if lead:
        window = index.people_between(*antecedent_window) if antecedent_window else []
        opener = (index.subject_at(antecedent_window[0])
                  if antecedent_window and same_sentence else None)
        if opener and compatible(opener, lead.group(1), index.genders) and not _named_in(
                opener, _ADJUNCT.split(result[lead.end():], 1)[0]):
            # "President Trump ... told reporters ..., and he named Joseph I. Lieberman": the
            # pronoun takes the subject the sentence (or the one before) opens with
            window = [opener]
        described = (None if same_sentence or not antecedent_window
                     else _described_subject(index.text, antecedent_window[0], lead.group(1)))
        if described:
            # "The unidentified woman says ... Kavanaugh ... . She alleges ...": the pronoun
            # takes the person the sentence before opens with, though it names no one
            window = [described]
        # "She" is not the Pope, "He" not a Mrs.: people of the other gender are left out
        window = [p for p in window if compatible(p, lead.group(1), index.genders)]
        if len(window) > 1 and index.text:
            preferred = _preferred(window, index.text[slice(*antecedent_window)], result)
            window = [preferred] if preferred else window
        if len(window) > 1:
            # two or more people just before: say so rather than guess which one is meant
            ambiguity.append(f"'{lead.group(1)}' could be {' or '.join(window[:3])}: not resolved")
            person = None
        else:
            person = window[0] if window else index.last_before(
                offset, EntityLabel.person, lead.group(1))
            if not person:
                ambiguity.append(f"'{lead.group(1)}' has no person before it to refer to")
        if person and _named_in(person, _ADJUNCT.split(result[lead.end():], 1)[0]):
            # "She alleges Kavanaugh ..." is not Kavanaugh alleging: a pronoun subject does not
            # refer to a person its clause names (a relative or adverbial clause may: "He met
            # Sessions, who said Lieberman ...")
            ambiguity.append(f"'{lead.group(1)}' is not {person}, whom the claim names: not "
                             "resolved")
            person = None
        if person:
            result = person + result[lead.end() :]
    elif result.startswith("They ") and antecedent_window and not same_sentence:
        group = _plural_subject(index.text[slice(*antecedent_window)])
        if group:
            # "The authors say the results confirm ... . They call for ...": the authors
            result = group + result[len("They"):]
    speech = _TRAILING_SPEECH.search(blank_quotes(result))
    if speech:
        pro = speech.group("pro").lower()
        label = EntityLabel.organization if pro == "it" else EntityLabel.person
        before = result[: speech.start()]
        # an inner tag ("the bill, which he said ..."), not one closing a quotation or a clause
        inner = bool(before.strip()) and blank_quotes(before) == before and not (
            before.rstrip().endswith((",", "—", "–")))
        source = _TRAILING_SPEECH.search(blank_quotes(text)) if inner else None
        own = [p for p in index.people_between(offset, offset + source.start())
               if compatible(p, pro, index.genders)] if source and label == EntityLabel.person else []
        if pro != "they" and len(own) == 1:
            # "CEO Doug McMillon called on the governor to veto the bill, which he said ...":
            # inside a claim, the one person the claim names before it
            who = own[0]
        elif pro != "they":
            who = index.last_before(offset, label, pro)
            if who and label == EntityLabel.organization and (
                    (who.isupper() and len(who) > 5)
                    or (speech.group("pro") == "It"
                        and not _mentioned_after(index, who, offset - PRONOUN_WINDOW, offset))):
                # "COLOMBO (Reuters) - ...": a dateline, not the one speaking; and an
                # organisation named long before is not what a leading "It said" means
                who = None
            quoted = " ".join(re.findall(r"“[^”]*”|\"[^\"]*\"", result))
            if who and label == EntityLabel.person and (
                    _named_in(who, blank_quotes(result[speech.end():]))
                    or _named_in(who, quoted)):
                # "By lifting the ban, he said, Trump was ...", "he said of Stephen Paddock":
                # the speaker is not the person the words after "said" name ("Haig did it, he
                # said" may well be Haig), nor one the quotation speaks of ("... shaking
                # Putin's hand would be ...," he said)
                who = None
        else:  # only a closing ", they said": inside the claim "they" may be its own "people"
            tail = result[speech.end():]
            closing = (result[: speech.start()].rstrip().endswith(",")
                       and len(tail.split()) <= 3 and "," not in tail)
            who = _plural_speakers_before(index.text, offset) if closing else None
        if who:
            result = result[: speech.start("pro")] + who + result[speech.end("pro") :]
        else:
            ambiguity.append(
                f"'{speech.group('pro')} {speech.group('verb')}': the speaker is not named"
            )
    result = _replace_names(result, index, ambiguity)
    result = expand_acronyms(result, index.acronyms)
    result = _resolve_inner_pronoun(result, offset, index)
    result = _articles_agree(result)
    result = result[:1].upper() + result[1:]
    for problem in self_containment_problems(result, index.people):
        if problem not in ambiguity:
            ambiguity.append(problem)
    return Rewritten(text=result, ambiguity=list(dict.fromkeys(ambiguity)))


#: A sentence opening with a person described, not named, whose gender the noun gives: "The
#: unidentified woman says ... . She alleges ..." is the woman, not the last woman named.
_DESCRIBED = re.compile(
    r"(?:The|A|An)\s+(?P<mods>(?:[a-z][a-z-]*\s+){0,2})(?P<noun>(?P<f>woman|girl|mother|wife|"
    r"daughter|sister|grandmother|widow|actress|businesswoman|policewoman|spokeswoman|"
    r"congresswoman|chairwoman|lady)|(?P<m>man|boy|father|husband|son|brother|grandfather|"
    r"widower|actor|businessman|policeman|spokesman|congressman|chairman|gentleman))"
    r"(?=\s+(?:[a-z]+s|has|had|was|is|said|told|[a-z]+ed)\b)")
_DESCRIPTION_MODIFIERS = frozenset(
    "unidentified unnamed anonymous young old elderly older younger same other first second "
    "injured wounded missing dead accused alleged local".split())


def _described_subject(text: str, start: int, pronoun: str) -> str | None:
    """"The woman" when the sentence at ``start`` opens with a described person of the
    pronoun's gender ("The unidentified woman says ..."), else None."""
    found = _DESCRIBED.match(text, start)
    if not found or (pronoun.lower() == "she") != bool(found.group("f")):
        return None
    mods = found.group("mods").split()
    if any(m not in _DESCRIPTION_MODIFIERS for m in mods):
        return None
    return " ".join(["The", *mods, found.group("noun")])


#: People in the plural: a sentence that names some after its subject leaves "They" open
#: ("Police arrested three men. They were charged ..." may be the men).
_PEOPLE_PLURAL = re.compile(
    r"\b(?:men|women|people|children|boys|girls|suspects|victims|members|students|soldiers|"
    r"troops|players|families|parents|residents|officers|protesters|workers|employees|"
    r"migrants|refugees|prisoners|hostages|passengers|patients|voters|lawmakers|officials|"
    r"leaders|police|rebels|militants|fighters|activists|others|couple|[A-Z][a-z]+s)\b")
_COUNTED = re.compile(
    r"(?:At|No|Only|Around|About|Some|Many|Most|Few|Several|More|Fewer|Less|Up|Nearly|Almost|"
    r"Over|Under|Dozens|Hundreds|Thousands|Millions|One|Two|Three|Four|Five|Six|Seven|Eight|"
    r"Nine|Ten|A\s+few|All)\b|.*\d")


def _plural_subject(previous: str) -> str | None:
    """The plural subject the sentence ``previous`` opens with, when nothing after it is a
    group of people that "They" might mean instead ("The authors say the results ..." ->
    "The authors"); else None. (``claims._resolve_it`` has already taken the plain cases,
    "They also claim ...", with a plural subject ending in -s; this one also takes "They
    are/were ...", "X and Y", "men", where a second group could be meant, so it checks for one.)"""
    subject = subject_of(previous.strip())
    if not subject or len(subject.split()) > 6 or subject.split()[0] in (
            "They", "These", "Those", "It", "He", "She", "This", "That", "There", "Their"):
        return None
    if not is_plural_subject(subject) or _COUNTED.match(subject):
        return None  # "At least 30 people", "No pleas": a count, not a group "They" can mean
    rest = previous.strip()[len(subject):] if previous.strip().startswith(subject) else None
    if rest is None or _PEOPLE_PLURAL.search(blank_quotes(rest)):
        return None
    return subject


#: How far back (characters) a pronoun inside a claim looks for the one person it can mean.
PRONOUN_WINDOW = 400
_INNER_PRONOUN = re.compile(r"(?<=\w )\b(he|him|she)\b")


#: Speakers a "they said" usually refers back to: "..., livestock analysts said." then
#: "..., they said." (news wire style).
_PLURAL_SPEAKERS = re.compile(
    r"(?:\b(?P<mod>[A-Za-z][\w.'’-]*)\s+)?\b(?P<noun>analysts|traders|dealers|brokers|"
    r"economists|strategists|officials|sources|diplomats|police|witnesses|experts|"
    r"investigators|residents|organi[sz]ers|officers|authorities|doctors|scientists|"
    r"researchers|lawyers|prosecutors|aides|lawmakers|legislators|activists|rebels|protesters|"
    r"employees|workers|critics|supporters|students|villagers|executives|analysts)\s+"
    r"(?:said|say|says|told|added|reported|estimated|warned)\b")
_NOT_MODIFIERS = frozenset(
    "and or but that which who as while said says told the a an of to in on at by for with "
    "from".split())
_QUANTIFIERS = frozenset("many some several most other few all both local senior".split())
#: How far back (characters) "they said" looks for those speakers.
SPEAKERS_WINDOW = 600


def _plural_speakers_before(text: str, offset: int) -> str | None:
    """The plural speakers ("livestock analysts") named with a verb of saying nearest before
    ``offset`` within ``SPEAKERS_WINDOW`` characters, or None."""
    found = None
    for m in _PLURAL_SPEAKERS.finditer(text, max(0, offset - SPEAKERS_WINDOW), offset):
        found = m
    if found is None:
        return None
    mod = found.group("mod")
    if mod and mod.lower() not in _NOT_MODIFIERS and not mod[0].isdigit():
        if mod.lower() in _QUANTIFIERS:
            mod = mod.lower()  # "Many analysts said" at a sentence start: "many analysts"
        return f"{mod} {found.group('noun')}"
    return found.group("noun")


#: A common noun for a person, which a later "he"/"she" in the same claim usually refers to.
_PERSON_NOUN = re.compile(
    r"\b(?:woman|man|girl|boy|child|daughter|son|mother|father|wife|husband|officer|lawyer|"
    r"attorney|suspect|victim|teenager|student|friend|client|customer|patient|witness|"
    r"spokesman|spokeswoman|worker|employee|resident|driver|passenger|soldier|accuser)\b"
)


#: Where a relative or adverbial clause begins, whose names a pronoun subject may refer to.
_ADJUNCT = re.compile(
    r",?\s+(?:who|whom|whose|which|though|although|while|because|as|after|before|when|until|"
    r"since|where)\b")


def _mentioned_after(index: NameIndex, name: str, start: int, end: int) -> bool:
    """Whether ``name`` is mentioned in [start, end) of the article."""
    lo, hi = bisect_left(index.mentions, (max(0, start),)), bisect_left(index.mentions, (end,))
    return any(n == name for _o, n, _lab in index.mentions[lo:hi])


def _named_in(person: str, text: str) -> bool:
    """Whether ``text`` names ``person``: the full name, or the surname alone or after a
    title ("Kavanaugh", "Mr. Kavanaugh"; not the "Clinton" of "Bill Clinton" for Hillary
    Clinton)."""
    parts = person.split()
    if not parts:
        return False
    if re.search(rf"\b{re.escape(person)}\b", text):
        return True
    surname = parts[-1].rstrip(".")
    if surname.lower() in ("jr", "sr", "ii", "iii") and len(parts) >= 3:
        surname = parts[-2]
    for m in re.finditer(rf"\b{re.escape(surname)}\b", text):
        before = text[: m.start()].rstrip()
        if _TITLE_BEFORE.search(text[: m.start()]) or not re.search(r"\b[A-Z][\w.'’-]*$", before):
            return True
        if before.split()[-1] in parts:  # "Brett Kavanaugh": the person's own name
            return True
    return False


def _resolve_inner_pronoun(text: str, offset: int, index: NameIndex) -> str:
    """ "The jury convicted him" -> "... convicted Jose Ines Garcia Zarate" when exactly one
    person is mentioned just before the claim and none inside it; otherwise left alone (the
    claim is then flagged as not self-contained)."""
    own = blank_quotes(text)
    m = _INNER_PRONOUN.search(own)
    if not m or any(name in own for name in index.people):
        return text
    if _PERSON_NOUN.search(own, 0, m.start()):
        return text  # "The woman says she ...": the claim's own person is meant
    candidates = [p for p in index.people_between(max(0, offset - PRONOUN_WINDOW), offset)
                  if compatible(p, m.group(1), index.genders)]
    if len(candidates) != 1:
        return text
    return text[: m.start()] + candidates[0] + text[m.end() :]


_AN_BEFORE_CONSONANT = re.compile(r"\b([Aa])n (?=[B-DF-GJ-NP-TV-Z][a-z])")
_A_BEFORE_VOWEL = re.compile(r"\b([Aa]) (?=(?:[AIO]|E(?!u))[a-z])")


def _articles_agree(text: str) -> str:
    """ "an Yasser Arafat adviser" -> "a Yasser Arafat adviser", "a Obama aide" -> "an Obama
    aide": a name put in for a short form or a pronoun keeps its article right (before a
    capitalised word only; "an hour", "a European" are left alone)."""
    text = _AN_BEFORE_CONSONANT.sub(lambda m: m.group(1) + " ", text)
    return _A_BEFORE_VOWEL.sub(lambda m: m.group(1) + "n ", text)


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    out, pos = [], 0
    for start, end, replacement in sorted(edits):
        if start < pos:
            continue  # overlapping edit: keep the first
        out.append(text[pos:start])
        out.append(replacement)
        pos = end
    out.append(text[pos:])
    return "".join(out)
