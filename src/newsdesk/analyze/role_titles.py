"""Who holds a role the article gives by title: "Gov. Mike Pence" ... "the governor".

:func:`role_holders` maps each role ("president", "governor", "cardinal", ...) to the one person
the article titles so in full, for ``decontext`` to put in for "the governor"; a role two people
hold, or that a more often named and never titled person may hold, maps to "".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import EntityLabel
from ..read import regex as re
from .claims_checks import strip_title

if TYPE_CHECKING:
    from .decontext import NameIndex

#: a title before a name, and the role "the ..." names later ("Gov. Asa Hutchinson" ... "the
#: governor"); a role two people hold in the article resolves to nobody
_ROLE_OF_TITLE = {
    "president": "president", "prime minister": "prime minister", "chancellor": "chancellor",
    "governor": "governor", "gov": "governor", "pope": "pope", "cardinal": "cardinal",
    "archbishop": "archbishop", "bishop": "bishop", "mayor": "mayor", "senator": "senator",
    "sen": "senator", "judge": "judge", "sheriff": "sheriff", "general": "general", "gen":
    "general", "coach": "coach", "ambassador": "ambassador", "rabbi": "rabbi", "imam": "imam",
}
#: words that make the title after them another role ("Vice President", "Lt. Gov.")
_NOT_THAT_ROLE = re.compile(
    r"\b(?:Vice|Lt\.|Lieutenant|Attorney|Surgeon|Inspector|Secretary|Solicitor|Major|Brig\.)\s$"
)
_TITLED = re.compile(
    r"\b(?P<title>President|Prime Minister|Chancellor|Governor|Gov\.|Pope|Cardinal|Archbishop|"
    r"Bishop|Mayor|Senator|Sen\.|Judge|Sheriff|General|Gen\.|Coach|Ambassador|Rabbi|Imam)\s+"
    r"(?P<name>(?:[A-Z][\w.'’-]+\s+){0,2}[A-Z][\w'’-]+)"
)


def role_holders(text: str, index: NameIndex) -> dict[str, str]:
    """Role -> the one person the article gives that title ("Gov. Asa Hutchinson": governor),
    "" when it is not exactly one. Only a titled full name identifies the holder; a titled
    surname ("President Trump") must be that person's, else the role is shared. A person the
    article mentions more often than the holder and never titles ("Mr. Trump", in an article
    that says "President Barack Obama" once) may be the one meant: the role stays unresolved."""
    named: dict[str, set[str]] = {}
    surnames: dict[str, set[str]] = {}
    titled: set[str] = set()
    for match in _TITLED.finditer(text):
        if _NOT_THAT_ROLE.search(text, max(match.start() - 12, 0), match.start()):
            continue
        key = _ROLE_OF_TITLE[match.group("title").rstrip(".").lower()]
        name = strip_title(match.group("name"))
        titled.add(name.split()[-1])
        full = index.full(name) if len(name.split()) >= 2 else None
        if full is not None:
            named.setdefault(key, set()).add(full)
        else:
            surnames.setdefault(key, set()).add(name.split()[-1])
    counts: dict[str, int] = {}
    for _o, name, label in index.mentions:
        if label == EntityLabel.person:
            counts[name] = counts.get(name, 0) + 1
    holders = {}
    for key in named.keys() | surnames.keys():
        fulls = named.get(key, set())
        holder = next(iter(fulls)) if len(fulls) == 1 else ""
        if holder and any(s not in holder.split() for s in surnames.get(key, ())):
            holder = ""  # "President Juan Manuel Santos" and "President Trump"
        if holder and any(n != holder and c > counts.get(holder, 0)
                          and n.split()[-1] not in titled for n, c in counts.items()):
            holder = ""
        holders[key] = holder
    return holders
