"""Long inputs (up to the 10 MB cap) cost time in proportion to their length: the parts that
compared everything with everything (techniques' repetition counts, quotation speakers, claim
de-duplication, short-name counts) give the same answers as before on ordinary articles and
stay linear on long ones."""

from __future__ import annotations

import random
import re

from newsdesk import samples
from newsdesk.analyze import loaded
from newsdesk.analyze.claims import DEDUPE_JACCARD, _Duplicates
from newsdesk.analyze.decontext import _count_whole
from newsdesk.api import default_pipeline
from newsdesk.ingest.text import article_from_text
from newsdesk.models import techniques
from newsdesk.pipeline import Doc


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def test_a_text_under_the_limit_is_searched_whole():
    text = samples.load_samples()[0].text
    sents = _sentences(text)
    assert len(text) < loaded.WHOLE_TEXT_CHARS
    model = techniques.load()
    assert loaded.find_techniques(model, text, sents) == model.find(text, sents)


def test_a_long_text_is_searched_in_runs_with_offsets_into_the_whole_text():
    articles = samples.load_samples()
    text = "\n\n".join(a.text for a in articles)
    while len(text) <= 2 * loaded.WHOLE_TEXT_CHARS:
        text += "\n\n" + text
    sents = _sentences(text)
    runs = loaded._chunks(sorted(sents))
    assert len(runs) >= 4 and [s for run in runs for s in run] == sorted(sents)
    assert all(run[-1][1] - run[0][0] <= loaded.CHUNK_CHARS + 2_000 for run in runs)
    model = techniques.load()
    found = loaded.find_techniques(model, text, sents)
    assert found and found[-1][0] > len(text) // 2  # the later runs are searched too
    first = articles[0].text
    alone = {(s, e, name) for s, e, name, _ in model.find(first, _sentences(first))}
    # the first article's spans come out of the first run at the same offsets
    assert {(s, e, n) for s, e, n, _ in found if e <= len(first)} & alone
    for s, e, _name, _score in found:
        assert 0 <= s < e <= len(text) and text[s:e].strip()


def test_a_long_article_is_briefed_with_every_stage():
    body = "\n\n".join(a.text for a in samples.load_samples())
    article = article_from_text("A long file\n\n" + "\n\n".join([body] * 2))
    doc = Doc(article=article)
    for component in default_pipeline().components:
        doc = component(doc)
    text = article.text
    assert len(text) > loaded.WHOLE_TEXT_CHARS
    assert doc.techniques and doc.claims and doc.quotes
    for t in doc.techniques:
        assert text[t.start:t.end] == t.text
    # the second copy's claims repeat the first's: de-duplicated, with both spans
    assert any(len({s.start < len(text) // 2 for s in c.spans}) == 2 for c in doc.claims)


def test_duplicate_index_finds_what_comparing_with_every_claim_finds():
    rng = random.Random(7)
    vocab = [f"w{i}" * rng.randint(1, 3) for i in range(40)]
    numbers = [frozenset(), frozenset({"2024"}), frozenset({"3", "5"})]
    seen, kept = _Duplicates(), []
    for _ in range(3000):
        base = kept[rng.randrange(len(kept))] if kept and rng.random() < 0.5 else None
        if base is None:
            words = frozenset(rng.sample(vocab, rng.randint(0, 12)))
            key = (words, rng.choice(numbers))
        else:  # a near copy: a word or two changed
            words = set(base[0])
            for _ in range(rng.randint(0, 2)):
                if words and rng.random() < 0.5:
                    words.discard(rng.choice(sorted(words)))
                else:
                    words.add(rng.choice(vocab))
            key = (frozenset(words), base[1])
        brute = next((i for i, k in enumerate(kept) if k[1] == key[1] and k[0] and
                      len(k[0] & key[0]) / len(k[0] | key[0]) >= DEDUPE_JACCARD), None)
        assert seen.find(key) == brute
        if brute is None:
            seen.add(key)
            kept.append(key)
    assert 100 < len(kept) < 2900  # both outcomes were exercised


def test_whole_name_count_is_the_regex_count():
    text = ("Donald Trump Jr. met Donald Trump, then Trump. Trumpet, TrumpTrump and Trump's "
            "O'Brien O'Briens Jr.x Jr. Jr..")
    for name in ("Donald Trump", "Trump", "Donald Trump Jr.", "O'Brien", "Jr.", "Jr", "x",
                 "Nobody"):
        assert _count_whole(text, name) == len(re.findall(rf"\b{re.escape(name)}\b", text))
