"""A purpose read into an event, what a bill would do, hedges."""

from __future__ import annotations

import newsdesk
from newsdesk.analyze.claims_checks import motive_cut
from newsdesk.analyze.cues import cues


def _brief(text: str, published: str = "2019-03-08"):
    brief = newsdesk.brief(text, published=published)
    return [c.text for c in brief.claims], brief.not_verifiable


def test_a_closing_purpose_is_cut_off_and_the_event_stays_a_claim():
    texts, nv = _brief(
        "Strike talks\n\n"
        "Talks will resume next Tuesday in an attempt to avoid a major strike in Irish retail "
        "chain Dunnes Stores."
    )
    assert "Talks will resume on 12 March 2019." in texts, texts
    assert not any("attempt" in t for t in texts), texts
    purpose = [n for n in nv if n.text.startswith("in an attempt to avoid")]
    assert purpose and "purpose or motive" in purpose[0].reason, [n.text for n in nv]


def test_a_purpose_that_is_the_clause_itself_is_not_cut():
    # "is meant to" is the claim's verb; "because ... in order to" closes an inner clause
    assert motive_cut("The new law is meant to protect workers from the heat.") is None
    assert motive_cut("It is precisely because they have proven that making concessions in "
                      "order to obtain commitments is dangerous.") is None
    cut = motive_cut("Construction was underway at the mosque in order to enlarge it.")
    assert cut is not None
    assert "Construction was underway at the mosque in order to enlarge it."[cut:].strip() \
        .startswith("in order to")


def test_a_subjective_piece_with_a_purpose_stays_whole_in_not_verifiable():
    texts, nv = _brief(
        "Hearing\n\n"
        "Democrats are pulling out all the stops and enabling salacious last-minute "
        "accusations against Supreme Court nominee Judge Brett Kavanaugh in order to sink "
        "his candidacy."
    )
    assert not any("pulling out all the stops" in t for t in texts), texts
    assert any("pulling out all the stops" in n.text for n in nv), [n.text for n in nv]


def test_what_a_bill_would_do_is_checkable_not_a_forecast():
    texts, nv = _brief(
        "Election bill\n\n"
        "One concern of civil libertarians is the inclusion of the DISCLOSE ACT, which would "
        "require all organizations that spend money on elections to disclose donors. "
        "One provision would require the Defense Department to report to Congress the costs "
        "of presidential travel. The governor said the storm would hit Ohio."
    )
    assert ("The DISCLOSE ACT would require all organizations that spend money on elections "
            "to disclose donors.") in texts, texts
    assert any(t.startswith("A provision would require the Defense Department") or
               t.startswith("One provision would require the Defense Department")
               for t in texts), texts
    # a forecast by a person is still attributed, never stated as what will happen
    assert not any(t.startswith("The storm would") for t in texts), texts


def test_presumably_is_a_hedge():
    assert cues("He presumably got what he wanted.").hedge
    assert not cues("He got what he wanted.").hedge


def test_a_reported_pluperfect_keeps_its_subject_on_the_next_predicate():
    texts, _ = _brief(
        "Fighting\n\n"
        "The minister said the army had captured the town and killed 20 rebels."
    )
    assert "The minister said the army killed 20 rebels." in texts, texts
    assert "The minister said the army had captured the town." in texts, texts
    assert not any(t.startswith("The minister killed") for t in texts), texts


def test_a_present_predicate_after_but_is_split_only_outside_reported_speech():
    texts, _ = _brief(
        "Ammunition\n\n"
        "Douglas Haig sold the ammunition to the gunman in 2017 but defends the sale as "
        "legal. Attorney Marc Victor said Douglas Haig wishes he could have figured out the "
        "intentions of the gunman but defends the sale of ammunition as legal."
    )
    assert "Douglas Haig defends the sale as legal." in texts, texts
    # the lawyer does not defend the sale himself
    assert not any(t.startswith(("Marc Victor defends", "Attorney Marc Victor defends"))
                   for t in texts), texts


def test_a_piece_with_nothing_to_look_up_says_so_rather_than_calling_it_evaluation():
    _, nv = _brief(
        "Crane\n\n"
        "Construction was underway at the mosque in order to enlarge the mosque and improve "
        "crowd control, which has been a recurring problem during Mecca's pilgrimages.",
        published="2015-09-12",
    )
    head = [n for n in nv if n.text.startswith("Construction was underway at the mosque")]
    assert head, [(n.text, n.reason) for n in nv]
    assert head[0].reason.startswith("nothing to check it against"), head[0].reason
    assert "evaluation" not in head[0].reason
    # the purpose cut off the head is still reported, though the head is not a claim either
    assert any(n.text.startswith("in order to enlarge the mosque") and "purpose" in n.reason
               for n in nv), [(n.text, n.reason) for n in nv]
