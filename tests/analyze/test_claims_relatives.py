"""Relative clauses about named things: subject relatives, object relatives."""

from __future__ import annotations

import newsdesk


def _brief(text: str, published: str = "2019-03-08"):
    return [c.text for c in newsdesk.brief(text, published=published).claims]


def test_a_relative_clause_keeps_the_article_of_its_named_antecedent():
    texts = _brief(
        "Lawsuit\n\n"
        "Republicans criticised the ACLU, which filed a lawsuit on Monday against the "
        "Patriot Act, which expired in 2020."
    )
    assert "The ACLU filed a lawsuit on 4 March 2019 against the Patriot Act." in texts or \
        any(t.startswith("The ACLU filed a lawsuit on 4 March 2019") for t in texts), texts
    assert not any(t.startswith("ACLU filed") for t in texts), texts


def test_an_object_relative_about_a_named_thing_is_not_a_claim_of_its_own():
    texts = _brief(
        "Report\n\n"
        "The report did not address the government's reliance on the dossier in its FISA "
        "court application, which the OIG is investigating separately."
    )
    assert not any("application the OIG" in t for t in texts), texts


def test_an_object_relative_with_a_named_subject_is_its_own_claim():
    texts = _brief(
        "Tennis\n\n"
        "The match turned on the third-set tiebreaker, which the American won 7-5. "
        "Malaysia has maintained a policy of turning away boats, which the United Nations and "
        "the United States have both criticised."
    )
    assert "The American won the third-set tiebreaker 7-5." in texts, texts
    assert "The match turned on the third-set tiebreaker." in texts, texts
    assert ("The United Nations and the United States have both criticised a policy of "
            "turning away boats.") in texts, texts


def test_an_object_relative_that_cannot_be_rebuilt_stays_in_its_clause():
    texts = _brief(
        "Facebook\n\n"
        "The group's Facebook page, which Jamie helped run with Steve Amundson, was removed "
        "in 2015. Rep. Mark Meadows asked if the two agents were Kevin Clinesmith and Sally "
        "Moyer, which the IG declined to confirm. Mr. Trump reversed his decision about "
        "Syria, which Mr. Trump announced on Monday."
    )
    assert not any(t.startswith("Jamie helped") for t in texts), texts
    assert not any("declined to confirm Sally" in t or "confirm Kevin" in t for t in texts), texts
    # "which" after "about Syria" may be the decision: no "Mr. Trump announced Syria"
    assert not any("announced Syria" in t for t in texts), texts


def test_a_closing_where_clause_is_a_claim_about_its_place():
    texts = _brief(
        "Campaign\n\n"
        "Mitt Romney spoke at the Oklahoma Republican Party headquarters, where he garnered the "
        "endorsement of Oklahoma Gov. Mary Fallin. A defector was persuaded to travel back to "
        "a management building in California, where he was interrogated by an attorney. "
        "The team joined the squad for the journey to Moscow, where Brazil will face Russia."
    )
    assert "Mitt Romney spoke at the Oklahoma Republican Party headquarters." in texts, texts
    assert any(t.startswith("Mitt Romney garnered the endorsement of") and
               t.endswith("at the Oklahoma Republican Party headquarters.") for t in texts), texts
    # the one the sentence describes, not the last person named before it
    assert "The defector was interrogated by an attorney in California." in texts, texts
    assert any(t.startswith("Brazil will face Russia in Moscow") for t in texts), texts


def test_a_where_clause_after_a_time_or_inside_a_quote_is_not_split():
    texts = _brief(
        "Iowa\n\n"
        "Michele Bachmann was asked about the cover during an appearance in Iowa on Monday, "
        "where she is campaigning ahead of the debate. "
        "Thousands in Calcutta, where she founded her order in 1949, prayed for Mother Teresa."
    )
    # the place is Iowa, not the day: no "... is campaigning ahead of the debate on 4 March"
    assert not any("campaigning ahead of the debate on" in t for t in texts), texts
    assert not any(t.startswith("Thousands in Calcutta, prayed") for t in texts), texts


def test_a_leading_while_or_although_clause_is_split_off_its_main_clause():
    texts = _brief(
        "Court\n\n"
        "Although she may ultimately side with the plaintiffs, even Justice Ruth Bader "
        "Ginsburg, an ardent defender of women's rights, expressed some concerns about the "
        "lawsuit. While 57 percent of the population supported negotiations with ETA, 30 "
        "percent opposed them. While Israel chose not to take sides in the war, it has bombed "
        "convoys inside Syria."
    )
    # the hedge is the concession's; the main clause is a claim even with an aside in it
    assert any(t.endswith("Ruth Bader Ginsburg expressed some concerns about the lawsuit.")
               for t in texts), texts
    assert "57 percent of the population supported negotiations with ETA." in texts, texts
    assert "30 percent opposed them." in texts or any(
        t.startswith("30 percent opposed") for t in texts), texts
    # "it" after a While clause is that clause's subject: kept in one claim
    assert not any(t.startswith(("It has bombed", "Syria has bombed")) for t in texts), texts
