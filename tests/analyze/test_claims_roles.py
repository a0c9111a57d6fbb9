"""A role written before a name becomes a status claim of its own (``analyze.claims_roles``)."""

from __future__ import annotations

import pytest

import newsdesk
from newsdesk.analyze.claims_roles import role_pieces
from newsdesk.model import ClaimKind, Entity, EntityLabel


def _roles(sentence: str, *names: str) -> list[str]:
    people = []
    for name in names:
        at = sentence.index(name)
        people.append(Entity(start=at, end=at + len(name), text=name, label=EntityLabel.person))
    return [p.text for p in role_pieces(sentence, 0, people, set())]


@pytest.mark.parametrize(
    "sentence, name, claim",
    [
        ("The bill is dead, said Senate Majority Leader Mitch McConnell.", "Mitch McConnell",
         "Mitch McConnell is the Senate Majority Leader."),
        ("Former Vatican doctrine chief Cardinal Gerhard Ludwig Müller rejected it.",
         "Gerhard Ludwig Müller",
         "Cardinal Gerhard Ludwig Müller is a former Vatican doctrine chief."),
        ("Secretary of the Interior Ryan Zinke echoed it.", "Ryan Zinke",
         "Ryan Zinke is the Secretary of the Interior."),
        ("It shows Scientologist Tom Cruise.", "Tom Cruise", "Tom Cruise is a Scientologist."),
        ("ROME – Former Vatican doctrine chief Cardinal Gerhard Müller spoke.", "Gerhard Müller",
         "Cardinal Gerhard Müller is a former Vatican doctrine chief."),
        ("White House press secretary Sarah Sanders spoke.", "Sarah Sanders",
         "Sarah Sanders is the White House press secretary."),
        ("He met Trump’s former lawyer Michael Cohen.", "Michael Cohen",
         "Michael Cohen is Trump’s former lawyer."),
        ("Nation of Islam leader Louis Farrakhan spoke.", "Louis Farrakhan",
         "Louis Farrakhan is the Nation of Islam leader."),
        ("Israeli Prime Minister Benjamin Netanyahu agreed.", "Benjamin Netanyahu",
         "Benjamin Netanyahu is the Israeli Prime Minister."),
        ("They asked outgoing United Nations ambassador Nikki Haley.", "Nikki Haley",
         "Nikki Haley is an outgoing United Nations ambassador."),
    ],
)
def test_a_role_before_a_name_is_a_status_claim(sentence, name, claim):
    assert _roles(sentence, name) == [claim]


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("President Barack Obama spoke.", "Barack Obama"),  # a title of address
        ("Prime Minister Stefan Lofven said so.", "Stefan Lofven"),
        ("U.S. President Donald Trump agreed.", "Donald Trump"),
        ("Democrat Senator Dianne Feinstein asked.", "Dianne Feinstein"),
        ("Major General Fuad Basya said.", "Fuad Basya"),
        ("Sen. Dick Durbin met economist John Smith.", "John Smith"),  # a bare occupation
        ("Lead attorney Matt Gonzalez argued.", "Matt Gonzalez"),
        ("He met the President of the United States, Barack Obama.", "Barack Obama"),
        ("Mr. Clapper and Attorney General Eric Holder met.", "Mr. Clapper"),
    ],
)
def test_titles_occupations_and_appositives_are_no_role_claims(sentence, name):
    assert _roles(sentence, name) == []


def test_coordination_does_not_join_two_people_into_one_role():
    sentence = "Mr. Clapper and Attorney General Eric Holder met."
    assert _roles(sentence, "Eric Holder") == ["Eric Holder is the Attorney General."]


def test_one_role_claim_per_person_and_the_sentence_claim_stays_whole():
    brief = newsdesk.brief(
        "House Speaker John Boehner is from Ohio.\n\n"
        "Senate Majority Leader Harry Reid met House Speaker John Boehner on Monday.\n\n"
        "Scientologist Tom Cruise appeared in a video.",
        published="2011-03-08",
    )
    texts = [c.text for c in brief.claims]
    assert "House Speaker John Boehner is from Ohio." in texts, texts
    assert "Harry Reid is the Senate Majority Leader." in texts, texts
    assert "Tom Cruise is a Scientologist." in texts, texts
    assert sum("Boehner is the House Speaker" in t for t in texts) <= 1, texts
    # the tagger's "Scientologist Tom Cruise" is the person Tom Cruise
    assert not any("Scientologist Tom Cruise is" in t for t in texts), texts
    role = next(c for c in brief.claims if c.text == "Tom Cruise is a Scientologist.")
    assert role.kind == ClaimKind.status
    assert [s.text for s in role.spans] == ["Scientologist", "Tom Cruise"]
