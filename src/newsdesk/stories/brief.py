"""A brief for a story: the outlets' articles side by side.

    story_brief(store, story_id) -> StoryBrief
    render_story_markdown(story_brief) -> str

Per outlet (near-duplicate copies excluded: they are not independent sources): its share of
opinion, its loaded words, who it quotes, the claims it reports, what it stresses (names and words
it uses that the other outlets do not) and what it omits (the story's key terms it never uses).
Across outlets: takeaways ranked by how many outlets make them, and every checkable claim with the
outlets reporting it (claims from different articles are one claim when their content words
overlap enough).
"""

from __future__ import annotations

import re
from collections import Counter

from pydantic import BaseModel, Field

from ..analyze.other_language import NOTICE_PREFIX as NOT_ANALYSED
from ..analyze.other_language import language_name
from ..store.base import Store

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]+|\d[\d.,]*")
SAME_CLAIM = 0.5


class OutletPerspective(BaseModel):
    outlet: str
    articles: list[str] = Field(description="Ids of the outlet's (independent) articles.")
    titles: list[str]
    genre: str = Field(description='Most common genre of its analysed articles; "not analysed" '
                             'when none was (stored without analysis, or not in English).')
    analysed: int = Field(0, ge=0, description="How many of its articles have an analysis by the "
                          "built-in models; opinion share, loaded words, quotes and claims come "
                          "from these only.")
    opinion_share: float = Field(ge=0, le=1)
    loaded_words: list[str] = Field(description="Most frequent loaded words, most used first.")
    quoted: list[str]
    claims: list[int] = Field(description="Indices into StoryBrief.claims this outlet reports.")
    stresses: list[str] = Field(description="Terms this outlet uses that no other outlet does.")
    omits: list[str] = Field(description="Key story terms this outlet never uses.")


class StoryClaim(BaseModel):
    text: str
    kind: str
    checkworthiness: float = Field(ge=0, le=1)
    outlets: list[str]
    articles: list[str]


class StoryTakeaway(BaseModel):
    text: str
    outlets: list[str]
    article: str


class StoryBrief(BaseModel):
    story_id: str
    title: str | None
    start: str
    end: str
    outlets: list[str]
    entities: list[str]
    perspectives: list[OutletPerspective]
    takeaways: list[StoryTakeaway]
    claims: list[StoryClaim]
    copies: list[tuple[str, str]] = Field(description="(copy id, original id) near-duplicates.")
    notices: list[str] = Field(default_factory=list)


def _content(text: str) -> set[str]:
    from .features import rarity

    return {w.lower() for w in _WORD.findall(text) if w[0].isdigit() or rarity(w.lower()) > 0.3}


def _same(a: set[str], b: set[str]) -> bool:
    """The same claim: enough shared content words, and no figure of one missing from the other
    (a claim that gives another figure is a different claim, not the same one reworded)."""
    numbers_a = {w for w in a if w[0].isdigit()}
    numbers_b = {w for w in b if w[0].isdigit()}
    if not (numbers_a <= numbers_b or numbers_b <= numbers_a):
        return False
    return bool(a and b) and len(a & b) / min(len(a), len(b)) >= SAME_CLAIM


def _find_same(words: set[str], seen: list[set[str]]) -> int | None:
    """Index of the first earlier item that says the same thing as ``words``, if any."""
    return next((i for i, existing in enumerate(seen) if _same(words, existing)), None)


def _balanced(takeaways: list[StoryTakeaway], n: int) -> list[StoryTakeaway]:
    """Those several outlets make first, then one outlet's after another's, in article order."""
    shared = [t for t in takeaways if len(t.outlets) > 1]
    shared.sort(key=lambda t: -len(t.outlets))
    queues: dict[str, list[StoryTakeaway]] = {}
    for t in takeaways:
        if len(t.outlets) == 1:
            queues.setdefault(t.outlets[0], []).append(t)
    out = shared[:n]
    while len(out) < n and any(queues.values()):
        for queue in queues.values():
            if queue and len(out) < n:
                out.append(queue.pop(0))
    return out


def _vocabulary(texts: list[str]) -> Counter:
    """Names (as written) and rare words an outlet's articles use, with their counts."""
    from .features import _POSSESSIVE, _names, rarity

    counts: Counter = Counter()
    for text in texts:
        text = _POSSESSIVE.sub("", text)
        for name, count in _names(text).items():
            if len(name) > 2 and name[-1].isalnum() and (" " in name or rarity(name) >= 2.0):
                counts[name] += count
        for word in _WORD.findall(text):
            lower = word.lower()
            if not lower[0].isdigit() and len(lower) > 3 and rarity(lower) >= 2.5:
                counts[lower] += 1
    return counts


def story_brief(store: Store, story_id: str, max_claims: int = 30) -> StoryBrief:
    """The cross-outlet brief of a stored story (articles need their stored analysis)."""
    from ..corpus import decode_analysis
    from ..model import Article

    story = store.story(story_id)
    rows = store.story_articles(story_id, full=True)
    copies = [(r.id, r.duplicate_of) for r in rows if r.duplicate_of]
    independent = [r for r in rows if not r.duplicate_of]
    notices: list[str] = []
    briefs = {}
    for r in independent:
        if r.analysis is None:
            continue
        article = Article(id=r.id, text=r.text, title=r.title, url=r.url, outlet=r.outlet,
                          published=r.published, language=r.language, source=r.source)
        briefs[r.id] = decode_analysis(r.analysis, article)
    if len(briefs) < len(independent):
        notices.append(f"{len(independent) - len(briefs)} article(s) were stored without analysis "
                       "(ingest --no-analysis) and are left out of perspectives and claims.")
    other_language = {i: b for i, b in briefs.items()
                      if any(n.startswith(NOT_ANALYSED) for n in b.notices)}
    if other_language:
        languages = sorted({language_name(b.article.language) for b in other_language.values()})
        notices.append(
            f"{len(other_language)} article(s) in {' and '.join(languages)} were not "
            "run through the English models and are left out of perspectives and claims; "
            "`newsdesk ingest --any-language` into a new store analyses them anyway.")
        briefs = {i: b for i, b in briefs.items() if i not in other_language}
    by_outlet: dict[str, list] = {}
    for r in independent:
        by_outlet.setdefault(r.outlet or "(unknown outlet)", []).append(r)
    if len(by_outlet) < 2:
        notices.append("Only one outlet covers this story: nothing to compare across outlets.")

    claims: list[StoryClaim] = []
    claim_words: list[set[str]] = []
    for r in independent:
        brief = briefs.get(r.id)
        if brief is None:
            continue
        outlet = r.outlet or "(unknown outlet)"
        for claim in brief.claims:
            words = _content(claim.text)
            i = _find_same(words, claim_words)
            if i is not None:
                target = claims[i]
                if outlet not in target.outlets:
                    target.outlets.append(outlet)
                if r.id not in target.articles:
                    target.articles.append(r.id)
                target.checkworthiness = max(target.checkworthiness, claim.checkworthiness)
            else:
                claims.append(StoryClaim(text=claim.text, kind=claim.kind.value,
                                         checkworthiness=claim.checkworthiness, outlets=[outlet],
                                         articles=[r.id]))
                claim_words.append(words)
    order = sorted(range(len(claims)),
                   key=lambda i: (-len(claims[i].outlets), -claims[i].checkworthiness, i))[:max_claims]
    claims = [claims[i] for i in order]

    takeaways: list[StoryTakeaway] = []
    take_words: list[set[str]] = []
    for r in independent:
        brief = briefs.get(r.id)
        if brief is None:
            continue
        outlet = r.outlet or "(unknown outlet)"
        for takeaway in brief.takeaways:
            words = _content(takeaway.text)
            i = _find_same(words, take_words)
            if i is not None:
                if outlet not in takeaways[i].outlets:
                    takeaways[i].outlets.append(outlet)
            else:
                takeaways.append(StoryTakeaway(text=takeaway.text, outlets=[outlet], article=r.id))
                take_words.append(words)
    takeaways = _balanced(takeaways, 6)

    vocab = {o: _vocabulary([r.text for r in rs]) for o, rs in by_outlet.items()}
    everyone: Counter = Counter()
    for counts in vocab.values():
        everyone.update(set(counts))
    perspectives = []
    for outlet, outlet_rows in by_outlet.items():
        outlet_briefs = [briefs[r.id] for r in outlet_rows if r.id in briefs]
        mine = vocab[outlet]
        others = len(by_outlet) - 1
        stresses = [w for w, c in mine.most_common() if c >= 2 and everyone[w] == 1][:8] if others else []
        omits = ([w for w, _ in sum((vocab[o] for o in by_outlet if o != outlet), Counter()).most_common()
                  if w not in mine and everyone[w] == others][:8] if others >= 1 else [])
        loaded = Counter(w.text.lower() for b in outlet_briefs for w in b.perspectives.loaded_words)
        genres = Counter(b.perspectives.genre.value for b in outlet_briefs
                         if b.perspectives.genre is not None)
        quoted = list(dict.fromkeys(q for b in outlet_briefs for q in b.perspectives.quoted))
        share = (sum(b.perspectives.opinion_share for b in outlet_briefs) / len(outlet_briefs)
                 if outlet_briefs else 0.0)
        perspectives.append(OutletPerspective(
            outlet=outlet, articles=[r.id for r in outlet_rows],
            titles=[r.title or "(untitled)" for r in outlet_rows],
            genre=genres.most_common(1)[0][0] if genres else
            ("unknown" if outlet_briefs else "not analysed"),
            analysed=len(outlet_briefs),
            opinion_share=round(share, 4), loaded_words=[w for w, _ in loaded.most_common(10)],
            quoted=quoted[:8], claims=[i for i, c in enumerate(claims) if outlet in c.outlets],
            stresses=stresses, omits=omits,
        ))
    perspectives.sort(key=lambda p: p.outlet)
    return StoryBrief(
        story_id=story.id, title=story.title, start=story.start.isoformat(),
        end=story.end.isoformat(), outlets=sorted(by_outlet), entities=story.entities,
        perspectives=perspectives, takeaways=takeaways, claims=claims, copies=copies,
        notices=notices,
    )


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_story_markdown(brief: StoryBrief) -> str:
    """The story brief as Markdown: takeaways, perspectives side by side, facts with outlets."""
    out = [f"# {brief.title or 'Untitled story'}", ""]
    span = brief.start if brief.start == brief.end else f"{brief.start} to {brief.end}"
    out.append(f"Story `{brief.story_id}`, {span}; outlets: {', '.join(brief.outlets) or 'none'}.")
    if brief.entities:
        out.append(f"Key entities: {', '.join(brief.entities)}.")
    out.append("")
    for notice in brief.notices:
        out.append(f"> {notice}")
    if brief.notices:
        out.append("")
    out += ["## Takeaways", ""]
    for t in brief.takeaways:
        out.append(f"- {t.text} ({', '.join(t.outlets)})")
    if not brief.takeaways:
        analysed = sum(p.analysed for p in brief.perspectives)
        out.append("- (no takeaways: no article of this story was analysed)" if not analysed
                   else "- (no takeaways found)")
    out += ["", "## Editorial Perspectives", ""]
    if brief.perspectives:
        header = "| | " + " | ".join(_cell(p.outlet) for p in brief.perspectives) + " |"
        out += [header, "|---" * (len(brief.perspectives) + 1) + "|"]
        rows = [
            ("Articles", lambda p: "; ".join(p.titles)),
            ("Genre", lambda p: p.genre),
            ("Share of opinion", lambda p: f"{p.opinion_share:.0%}" if p.analysed else "-"),
            ("Loaded words", lambda p: ", ".join(p.loaded_words) or "none found"),
            ("Quotes", lambda p: ", ".join(p.quoted) or "nobody"),
            ("Stresses", lambda p: ", ".join(p.stresses) or "-"),
            ("Omits", lambda p: ", ".join(p.omits) or "-"),
            ("Claims reported", lambda p: str(len(p.claims))),
        ]
        for label, cell in rows:
            out.append(f"| {label} | " + " | ".join(_cell(cell(p)) for p in brief.perspectives) + " |")
    out += ["", "## Key Verifiable Facts", ""]
    for c in brief.claims:
        out.append(f"- {c.text} — reported by {', '.join(c.outlets)} "
                   f"(check-worthiness {c.checkworthiness:.2f})")
    if not brief.claims:
        out.append("- (no checkable claims found)")
    if brief.copies:
        out += ["", "## Copies", ""]
        out += [f"- `{copy}` is a near-duplicate of `{original}` (not an independent source)"
                for copy, original in brief.copies]
    return "\n".join(out) + "\n"
