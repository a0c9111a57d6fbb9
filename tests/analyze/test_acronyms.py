"""Acronyms a claim uses are written out when the article itself spells them out."""

from __future__ import annotations

from newsdesk.analyze.acronyms import acronym_names, expand_acronyms
from newsdesk.analyze.decontext import build_index, rewrite

ARTICLE = (
    "North Korea's Korean Central News Agency (KCNA) said the Korean People's Army was ready. "
    "KCNA added that KPA posts were hit. The American Civil Liberties Union criticised HR 1, "
    "which passed the House of Representatives. The FBI declined to comment. "
    "John Paul II spoke. Tom Verlaine watched TV. The CNB-120 index rose, the Czech National "
    "Bank said. PT VDH Teguh Sakti, owned by Van Der Horst, reported a loss."
)


def test_names_come_from_the_article_only():
    names = acronym_names(ARTICLE)
    assert names["KCNA"] == ("Korean Central News Agency", False)
    assert names["KPA"] == ("Korean People's Army", True)
    assert "HR" not in names  # "House of Representatives": two letters, never defined
    assert "FBI" not in names  # never spelled out: no guess
    assert "II" not in names  # a regnal number, not an acronym
    assert "TV" not in names  # two letters matching a name by chance are not enough


def test_two_letter_acronym_needs_a_definition():
    names = acronym_names("The Associated Press (AP) reported it. AP said more.")
    assert names == {"AP": ("Associated Press", True)}


def test_two_spellings_of_one_acronym_are_left_alone():
    names = acronym_names("The National Rifle Association met the National Retail Alliance. "
                          "The NRA said no.")
    assert "NRA" not in names


def test_expansion_in_claims():
    names = acronym_names(ARTICLE)
    assert expand_acronyms("KCNA said KPA posts were hit", names) == (
        "Korean Central News Agency said Korean People's Army posts were hit")
    # "the" at the start of the claim when the article writes it; a bill number stays a name
    assert expand_acronyms("KPA fired", names) == "The Korean People's Army fired"
    defined = acronym_names("The House of Representatives (HR) met. HR 1 passed. HR voted.")
    assert expand_acronyms("HR 1 passed and HR voted", defined) == (
        "HR 1 passed and House of Representatives voted")
    assert expand_acronyms("The CNB-120 index rose", names) == "The CNB-120 index rose"
    assert expand_acronyms("PT VDH Teguh Sakti reported a loss", acronym_names(ARTICLE)) == (
        "PT VDH Teguh Sakti reported a loss")
    assert expand_acronyms('He said "KCNA lies"', names) == 'He said "KCNA lies"'


def test_rewrite_writes_out_the_acronym():
    index = build_index(ARTICLE, [])
    out = rewrite("KCNA added that KPA posts were hit", ARTICLE.index("KCNA added"), index, [])
    assert out.text == (
        "Korean Central News Agency added that Korean People's Army posts were hit")
