"""Named entities in the brief: the tagger's spans, a place name split off a person's name,
and short mentions linked to the fullest name."""

from __future__ import annotations

from newsdesk.model import EntityLabel
from newsdesk.read.entities import canonical_names, find_entities
from newsdesk.read.sentences import split_sentences


def _entities(text):
    return [(e.text, e.label) for e in find_entities(text, split_sentences(text))]


def test_a_place_before_a_persons_name_is_its_own_entity():
    text = ("Afghan Ambassador to the United States Hamdullah Mohib said the talks had failed. "
            "New York Governor Kathy Hochul agreed.")
    found = _entities(text)
    assert ("United States", EntityLabel.place) in found
    assert ("Hamdullah Mohib", EntityLabel.person) in found
    assert ("Kathy Hochul", EntityLabel.person) in found
    assert not any("Mohib" in name and "United" in name for name, _ in found)


def test_a_role_word_or_a_doctrine_is_no_part_of_a_persons_name():
    text = ("Progressivism, he told the crowd, is a cancer. It was about Scientologist Tom "
            "Cruise, and Jihadism also vowed to fight.")
    found = _entities(text)
    people = [name for name, label in found if label == EntityLabel.person]
    assert "Tom Cruise" in people, found
    assert not any(name.startswith("Scientologist") for name in people), found
    assert "Progressivism" not in people and "Jihadism" not in people, found


def test_long_personal_names_stay_whole():
    text = "Martin Luther King spoke in Atlanta. George W. Bush and Paris Hilton were not there."
    people = [name for name, label in _entities(text) if label == EntityLabel.person]
    assert "Martin Luther King" in people and "George W. Bush" in people
    assert "Paris Hilton" in people


def test_short_mentions_take_the_fullest_name():
    mentions = [(EntityLabel.person, "Gustavo Petro"), (EntityLabel.person, "Petro's"),
                (EntityLabel.place, "Bogota")]
    assert canonical_names(mentions) == ["Gustavo Petro", "Gustavo Petro", "Bogota"]
