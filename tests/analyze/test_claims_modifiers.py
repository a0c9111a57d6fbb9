"""Compound modifiers ("the Republican-controlled legislature") as status claims."""

from __future__ import annotations

import newsdesk
from newsdesk.analyze.claims_modifiers import modifier_pieces
from newsdesk.model import Entity, EntityLabel


def _entity(sentence: str, text: str, label: EntityLabel) -> Entity:
    start = sentence.index(text)
    return Entity(start=start, end=start + len(text), text=text, label=label)


def test_a_party_or_a_named_agent_before_the_hyphen_makes_a_status_claim():
    claims = newsdesk.brief(
        "Arkansas\n\n"
        "Earlier Thursday, the Republican-controlled state legislature passed a new version "
        "of the religious freedom bill at the request of Governor Asa Hutchinson. "
        "An aide to the Republican-led House Ways and Means Committee said so.",
        published="2015-04-03").claims
    texts = [c.text for c in claims]
    assert "The state legislature is controlled by Republicans." in texts, texts
    # which state the article does not say in this sentence: kept, but flagged
    legislature = next(c for c in claims if c.text.startswith("The state legislature"))
    assert legislature.ambiguous and "state legislature" in legislature.ambiguity
    assert "The House Ways and Means Committee is led by Republicans." in texts, texts


def test_the_agent_must_be_a_party_or_a_name_and_the_phrase_stops_at_its_verb():
    sentence = "Iraq massed troops in the north, where a U.S.-led allied air force protects " \
               "the local population, and a Saudi-led coalition and a Colorado-based group."
    pieces = modifier_pieces(sentence, [_entity(sentence, "U.S.", EntityLabel.place),
                                        _entity(sentence, "Colorado", EntityLabel.place)])
    texts = [p.text for p in pieces]
    assert "The allied air force is led by the U.S." in texts, texts
    assert "The group is based in Colorado" in texts, texts
    # "Saudi" is an adjective here, not a name the recogniser found
    assert not any("Saudi" in t for t in texts), texts


def test_a_modifier_inside_a_quotation_is_the_speaker_s():
    sentence = "“Why did a Republican-led campaign name and shame me?” wrote Lew."
    assert modifier_pieces(sentence, []) == []


def test_the_state_names_the_one_state_the_article_names():
    from newsdesk.analyze.descriptions import resolve_state, state_mentions

    text = "Arkansas Gov. Asa Hutchinson signed the bill on Thursday."
    mentions = state_mentions(text)
    at = len(text) + 1
    assert resolve_state("Walmart is headquartered in the state.", at, mentions) == \
        "Walmart is headquartered in Arkansas."
    assert resolve_state("The state legislature passed it.", at, mentions) == \
        "The Arkansas state legislature passed it."
    assert resolve_state("He signed the state's law.", at, mentions) == \
        "He signed Arkansas' law."
    # the government in the abstract, and an article naming two states, stay as written
    assert resolve_state("The state has no business in marriage.", at, mentions) == \
        "The state has no business in marriage."
    two = state_mentions("Indiana and Arkansas passed laws.")
    assert resolve_state("Walmart is in the state.", at, two) == "Walmart is in the state."
    # a paper or a city of a state's name is not the state
    assert state_mentions("The New York Times reported it from Washington.") == []
