"""He and she are not given a person the article marks as the other gender."""

from __future__ import annotations

from newsdesk.analyze.decontext import build_index, rewrite
from newsdesk.analyze.gender import compatible, person_genders
from newsdesk.model import Entity, EntityLabel


def _people(text, names):
    out = []
    for name in names:
        start = 0
        while (i := text.find(name, start)) >= 0:
            out.append(Entity(start=i, end=i + len(name), text=name, label=EntityLabel.person,
                              canonical=None))
            start = i + len(name)
    return sorted(out, key=lambda e: e.start)


def test_titles_and_reflexives_give_a_gender_plain_pronouns_do_not():
    text = ("Mrs. Ann Lee met Pope Francis. Tom Reed described himself as tired. "
            "Barack Obama praised her campaign.")
    index = build_index(text, _people(text, ["Ann Lee", "Francis", "Tom Reed", "Barack Obama"]))
    genders = person_genders(text, index.mentions)
    assert genders.get("Ann Lee") == "f" and genders.get("Tom Reed") == "m"
    assert "Barack Obama" not in genders  # "her" after his name is someone else's
    assert compatible("Ann Lee", "she", genders) and not compatible("Ann Lee", "he", genders)
    assert compatible("Barack Obama", "she", genders)  # unknown: anything goes


def test_she_skips_a_man_named_just_before():
    text = ("Mrs. Ann Lee chairs the board. Mr. Tom Reed opened the meeting. "
            "She said the budget was balanced.")
    index = build_index(text, _people(text, ["Ann Lee", "Tom Reed"]))
    start = text.index("She said")
    out = rewrite("She said the budget was balanced", start, index, [],
                  antecedent_window=(text.index("Mr. Tom"), start))
    assert out.text == "Ann Lee said the budget was balanced", out
    out = rewrite("He said the budget was balanced", start, index, [],
                  antecedent_window=(text.index("Mr. Tom"), start))
    assert out.text == "Tom Reed said the budget was balanced", out
