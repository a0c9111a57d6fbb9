"""Key Verifiable Facts: atomic, self-contained claims; not-verifiable statements; the gold gate."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import newsdesk
from newsdesk.analyze.claims import claim_kind, strip_evaluative
from newsdesk.analyze.claims_checks import evaluative_terms, self_containment_problems
from newsdesk.analyze.claims_split import split_sentence
from newsdesk.analyze.decontext import build_index, rewrite
from newsdesk.errors import EvalDataError
from newsdesk.model import ClaimKind, Entity, EntityLabel, TimeExpression

GOLD = Path(__file__).resolve().parents[2] / "training" / "gold"


def _pieces(text: str) -> list[str]:
    """The texts of ``split_sentence``'s pieces."""
    return [p.text for p in split_sentence(text)]


# ---------------------------------------------------------------- the seed, end to end


def test_seed_meeting_claim_is_dated_and_plain(seed_brief):
    meeting = [c for c in seed_brief.claims if "met" in c.text and "White House" in c.text]
    assert meeting, [c.text for c in seed_brief.claims]
    claim = meeting[0]
    assert "3 February 2026" in claim.text
    assert "Donald Trump" in claim.text and "Gustavo Petro" in claim.text
    assert evaluative_terms(claim.text) == []
    assert "cynical" not in claim.text and "transcends" not in claim.text
    assert claim.kind == ClaimKind.event


def test_seed_evaluation_goes_to_not_verifiable(seed_brief):
    texts = " | ".join(n.text for n in seed_brief.not_verifiable)
    assert "cynical pragmatism" in texts
    assert "transcends a mere bilateral sit-down" in texts
    assert all(n.reason for n in seed_brief.not_verifiable)
    assert not any("cynical" in c.text for c in seed_brief.claims)
    # the seed's own fact list: "marks a pragmatic turn" is interpretation, not a claim (an
    # adjective "alleged" in the same sentence does not make it reported speech)
    assert not any(" marks a " in c.text for c in seed_brief.claims), [
        c.text for c in seed_brief.claims
    ]
    # a cut-out relative clause does not take the checkable head with it
    assert any(c.text.startswith("Donald Trump accuses Colombia") for c in seed_brief.claims)


def test_seed_claims_keep_offsets_and_stand_alone(seed_brief):
    text = seed_brief.article.text
    people = ["Donald Trump", "Gustavo Petro"]
    for claim in seed_brief.claims:
        assert claim.spans
        for span in claim.spans:
            assert text[span.start : span.end] == span.text
        assert 0 <= claim.checkworthiness <= 1
        if not claim.ambiguous:
            assert self_containment_problems(claim.text, people) == [], claim.text
    for item in seed_brief.not_verifiable:
        assert text[item.start : item.end] == item.text


def test_seed_no_bare_surnames_in_claims(seed_brief):
    bare = [
        c.text
        for c in seed_brief.claims
        if self_containment_problems(c.text, ["Donald Trump", "Gustavo Petro"])
    ]
    assert len(bare) <= 1, bare


def test_superlative_without_its_domain_is_flagged():
    assert self_containment_problems("The U.S. is the largest consumer.")
    assert self_containment_problems("Germany is the biggest contributor.")
    for whole in (
        "Colombia is the world’s largest cocaine producer.",
        "China is the largest exporter of steel.",
        "Saudi Arabia is the leading oil exporter.",
    ):
        assert self_containment_problems(whole) == [], whole


def test_seed_elided_superlative_is_kept_but_flagged(seed_brief):
    elided = [c for c in seed_brief.claims if c.text.endswith("the largest consumer.")]
    assert elided and all(c.ambiguous and "of what" in c.ambiguity for c in elided)


# ---------------------------------------------------------------- splitting and rewriting


def test_appositive_becomes_status_piece():
    pieces = split_sentence(
        "Michael Steele, chairman of the Republican National Committee, drew criticism on Friday."
    )
    texts = [p.text for p in pieces]
    assert "Michael Steele is chairman of the Republican National Committee" in texts
    assert "Michael Steele drew criticism on Friday." in texts


def test_relative_clause_takes_its_antecedent():
    pieces = split_sentence(
        "The six-member Afghan team, which consists entirely of girls, had been denied visas."
    )
    texts = [p.text for p in pieces]
    assert "The six-member Afghan team consists entirely of girls" in texts
    assert "The six-member Afghan team had been denied visas." in texts


def test_restrictive_relative_after_the_object_is_its_own_claim():
    pieces = split_sentence(
        "Justice Ruth Bader Ginsburg expressed concerns about the particulars of the sex "
        "discrimination lawsuit that covers 1.5 million women."
    )
    texts = [p.text for p in pieces]
    assert "The sex discrimination lawsuit covers 1.5 million women" in texts
    assert (
        "Justice Ruth Bader Ginsburg expressed concerns about the particulars of the sex "
        "discrimination lawsuit" in [t.rstrip(".") for t in texts]
    )
    # the verb agrees with the noun before "of": the video was circulated, not the remarks
    texts = [
        p.text
        for p in split_sentence(
            "Steele spoke, according to a video of his remarks that was circulated by Democrats."
        )
    ]
    assert "The video of his remarks was circulated by Democrats" in texts


def test_that_clauses_and_unclear_antecedents_are_not_relatives():
    for sentence in (
        "The lawsuit alleges that the company fosters the advancement of male workers.",
        "By the end, her eczema was so severe that her skin broke every time.",
        "The bullet was fired from a handgun belonging to a federal ranger that had been stolen.",
        "He said he was, according to Bloomberg, a former Democrat who won the mayoralty.",
    ):
        pieces = split_sentence(sentence)
        assert all(p.form != "relative" for p in pieces), (sentence, [p.text for p in pieces])


def test_relative_inside_the_subject_stays_in_the_main_clause():
    pieces = split_sentence(
        "An Arizona man who sold ammunition to the gunman was disturbed, his lawyer said."
    )
    texts = [p.text for p in pieces]
    assert "The Arizona man sold ammunition to the gunman" in texts
    assert any(t.startswith("An Arizona man who sold ammunition") for t in texts)


def test_quotation_over_two_sentences_is_attributed_to_its_speaker():
    import newsdesk

    brief = newsdesk.brief(
        "Obama spoke to Clinton.\n\n"
        '"The President congratulated Secretary Clinton for securing the delegates. '
        'Her campaign inspired millions of voters," White House Press Secretary Josh Earnest '
        "said in a statement.\n\n"
        '"The President thanked Senator Bernie Sanders for energizing millions of Americans."',
        published="2016-06-07",
    )
    texts = [c.text for c in brief.claims]
    assert any(
        t.startswith("Josh Earnest said") and "congratulated Secretary Clinton" in t for t in texts
    ), texts
    assert any(t.startswith("Josh Earnest said") and "thanked" in t for t in texts), texts


def test_dateline_is_not_part_of_the_clause():
    pieces = split_sentence(
        "BRATISLAVA, Slovakia, February 13, 2018 (LifeSiteNews) – Cardinal Gerhard Ludwig Müller "
        "has criticised the modern Church and rejected the idea of blessing couples."
    )
    texts = [p.text for p in pieces]
    assert all("BRATISLAVA" not in t for t in texts), texts
    assert any(t.endswith("rejected the idea of blessing couples") for t in texts), texts


def test_a_page_label_is_not_part_of_the_clause():
    texts = _pieces("Updated: Rick Santorum on Sunday tried to clarify his comment.")
    assert texts == ["Rick Santorum on Sunday tried to clarify his comment."], texts
    assert _pieces("BREAKING: The Senate passed the bill.") == ["The Senate passed the bill."]


def test_a_trailing_saying_is_an_attribution_of_its_own():
    import newsdesk

    brief = newsdesk.brief(
        "Santorum clarifies\n\n"
        "Rick Santorum on Sunday tried to clarify his comment that Barack Obama subscribed to a "
        "“phony theology,” saying he was referring not to the faith of Barack Obama but to his "
        "view of the world.\n\n"
        "“I just feel terrible for her,” Anthony Weiner said, adding that he had never "
        "corresponded with her.\n\n"
        "Mike Elliott of the Marijuana Industry Group echoed the sentiment, adding that despite "
        "the federal war on drugs, marijuana remains available in Nebraska.\n\n"
        "The senator left the chamber early, noting the late hour.",
        published="2012-02-20",
    )
    texts = [c.text for c in brief.claims]
    said = [t for t in texts if t.startswith("Rick Santorum said he was referring")]
    assert said and "phony" not in said[0], texts
    assert any(t.startswith("Rick Santorum on 19 February 2012 tried to clarify") and
               "referring" not in t for t in texts), texts
    # the speaker, not the quotation before him; what he said runs to the end of the sentence
    assert "Anthony Weiner added that he had never corresponded with her." in texts, texts
    elliott = [t for t in texts if t.startswith("Mike Elliott") and "added" in t]
    assert elliott and elliott[0].endswith("marijuana remains available in Nebraska."), texts
    assert not any("noted" in t for t in texts), texts  # "noting the late hour": no report
    for claim in brief.claims:
        if " added that " in claim.text or " said he was referring" in claim.text:
            assert claim.kind == ClaimKind.attribution


def test_a_discourse_marker_is_no_name_with_an_appositive():
    for marker in ("So", "Instead", "Finally", "Interestingly"):
        texts = _pieces(f"{marker}, the government relies on a series of patches.")
        assert not any(" is the government" in t for t in texts), texts
        assert any(t.endswith("the government relies on a series of patches.") for t in texts)


def test_a_question_or_an_inverted_conditional_is_no_claim():
    brief = newsdesk.brief(
        "Budget\n\nHad they been a heterosexual couple, Edie Windsor's tax would have been zero."
        "\n\nIs the surge in immigrant workers over?\n\nIf last year's keynote speech - "
        "delivered by radio host Rush Limbaugh - was defined by anger, this one was calm.",
        published="2013-08-30")
    texts = [c.text for c in brief.claims]
    assert not any(t.startswith(("Had they", "Is the", "Delivered by")) for t in texts), texts


def test_a_dash_inside_a_range_of_dates_splits_nothing():
    assert _pieces("Shipment is for Nov 15 - Dec 10, traders said.") == [
        "Shipment is for Nov 15 - Dec 10, traders said."]
    assert len(_pieces("The deal was signed - and the talks ended.")) == 2


def test_a_participle_after_a_named_law_is_a_claim_of_its_own():
    texts = _pieces("Legislators in Indiana have made changes to the controversial RFRA signed "
                    "into law by Gov. Mike Pence (R) last week.")
    assert texts == ["Legislators in Indiana have made changes to the controversial RFRA",
                     "The controversial RFRA was signed into law by Gov. Mike Pence (R) last week"]
    for whole in ("The bill passed by a vote of 220-207 on Friday.",  # "passed" is the verb
                  "Critics attacked the report released by the agency on Monday."):  # which one?
        assert _pieces(whole) == [whole]


def test_an_opening_absolute_clause_is_a_claim_of_its_own():
    texts = _pieces("With tension rising among the parties ahead of the elections, the interior "
                    "ministry banned the carrying of guns.")
    assert texts == ["Tension rose among the parties ahead of the elections",
                     "the interior ministry banned the carrying of guns."], texts
    assert _pieces("With no sunspots reported in 96 days, the sun is going dark.")[0] == (
        "No sunspots were reported in 96 days")
    for whole in (
        "With his wife looking on, the mayor signed the bill.",  # whose wife: the main clause's
        "With Hillary Clinton reaching the delegate count, Barack Obama congratulated her.",
        "With the lifting of the sanctions, Iran gained billions.",  # a noun, not a participle
        "With AARP potentially backing off its opposition, other groups are poised to fight.",
    ):
        assert len(_pieces(whole)) == 1 and _pieces(whole)[0].startswith("With"), whole


def test_the_subject_after_a_source_or_a_relative_is_no_appositive():
    for whole in (
        "As reported by The Washington Times, the recent school shooting at Parkland, Fla., was "
        "the last straw for scores of parents.",
        "According to a study by the Institute in Oregon, the top three reasons that parents "
        "choose homeschooling are a desire to provide religious instruction.",
    ):
        texts = _pieces(whole)
        assert not any(" is the recent" in t or "Oregon is" in t for t in texts), texts
    assert "Michael Steele is chairman of the Republican National Committee" in _pieces(
        "Michael Steele, chairman of the Republican National Committee, drew criticism.")
    assert "John Smith is the man who founded the company that was sold" in _pieces(
        "He met John Smith, the man who founded the company that was sold.")


def test_coordinated_clauses_split_but_names_do_not():
    pieces = [
        p.text
        for p in split_sentence(
            "Fishermen rescued 700 people, and the Indonesian Navy saved 200 more."
        )
    ]
    assert pieces == ["Fishermen rescued 700 people", "the Indonesian Navy saved 200 more."]
    whole = "North and South Korea exchanged artillery fire yesterday."
    assert [p.text for p in split_sentence(whole)] == [whole]
    # a named subject with a present-tense verb the verb list lacks still opens a clause
    rates = "the United Nations rates the Rohingya among the most persecuted groups."
    pieces = [p.text for p in split_sentence(f"Myanmar is mainly Buddhist and {rates}")]
    assert pieces == ["Myanmar is mainly Buddhist", rates]


def test_leading_subordinate_clause_is_its_own_piece():
    pieces = split_sentence(
        "Though YouTube is complying with the requests, other sites such as Gawker.com have"
        " stated that they will keep hosting the video."
    )
    assert [p.text for p in pieces][0] == "YouTube is complying with the requests"
    assert len(split_sentence("As a result, the plan failed.")) == 1


def test_coordinated_predicate_after_time_adjunct_is_split():
    pieces = split_sentence(
        "Mr. Obama shifted the focus from Iraq to Afghanistan and in 2009 announced his plan"
        " to send 30,000 more troops."
    )
    assert [p.text for p in pieces] == [
        "Mr. Obama shifted the focus from Iraq to Afghanistan",
        "Mr. Obama in 2009 announced his plan to send 30,000 more troops",
    ]


def test_an_adjunct_of_two_gerunds_is_not_split_into_one_past_tense():
    texts = _pieces(
        "The bank manages money supply by reducing or increasing the ratio.")
    assert not any("reduced or increasing" in t for t in texts), texts
    texts = _pieces(
        "The senator resigned on Friday after admitting the affair.")
    assert any(t.endswith("admitted the affair") for t in texts), texts


def test_past_tense_of_an_ing_form():
    from newsdesk.analyze.verbs import past_of

    for ing, past in (("admitting", "admitted"), ("planning", "planned"), ("adding", "added"),
                      ("rallying", "rallied"), ("playing", "played"), ("fleeing", "fled"),
                      ("hoping", "hoped"), ("cutting", "cut"), ("overseeing", "oversaw")):
        assert past_of(ing) == past


def test_both_or_all_after_two_names_is_not_one_person_s_appositive():
    texts = _pieces(
        "David Long and Brian Bosma, both Republicans, held a press conference.")
    assert not any(t.startswith("Brian Bosma is") for t in texts), texts


def test_appositive_after_a_party_tag_describes_the_person():
    texts = _pieces(
        "Sen. Max Baucus, D-Mont., the representative for Senate Democrats, indicated on "
        "Wednesday he is not worried.")
    assert texts == ["Sen. Max Baucus is the representative for Senate Democrats",
                     "Sen. Max Baucus indicated on Wednesday he is not worried."]
    texts = _pieces(
        "Obama struck a deal with Republicans, an agreement that liberals criticised.")
    assert not any(t.startswith("Republicans is") for t in texts), texts


def test_an_ed_word_after_a_determiner_is_not_the_verb():
    texts = _pieces(
        "The classified program is code-named PRISM, the Washington Post reported, and has not "
        "been disclosed publicly before.")
    assert "The classified program has not been disclosed publicly before" in texts, texts
    texts = _pieces(
        "Two of the named plaintiffs, Christine Kwapnoski and Betty Dukes, attended the argument.")
    assert not any(t.startswith("Two of the attended") for t in texts), texts


def test_dateline_with_a_horizontal_bar_is_cut():
    texts = _pieces(
        "WASHINGTON ―House Majority Whip Steve Scalise was in critical condition on Thursday.")
    assert texts == ["House Majority Whip Steve Scalise was in critical condition on Thursday."]
    assert _pieces("AFL-CIO leaders said the deal was bad.") == [
        "AFL-CIO leaders said the deal was bad."]


def test_even_though_clause_is_split_off_like_though():
    texts = _pieces(
        "Even though more than 40 million copies have been sold, the product has fallen short "
        "of its potential.")
    assert texts[0] == "more than 40 million copies have been sold", texts


def test_clauses_that_say_which_one_or_who_said_it_stay_whole():
    # a relative clause after "the only ..." says which ones: no claim of its own
    assert _pieces("Newt Gingrich and Rick Santorum were the only two Republicans who agreed to "
                  "participate.") == ["Newt Gingrich and Rick Santorum were the only two "
                                      "Republicans who agreed to participate."]
    # ", said a Republican aide" is the attribution, not the subject's second predicate
    texts = _pieces("Mr. McCarthy spent the day calling members, said a Republican aide.")
    assert not any(t.startswith("Mr. McCarthy said") for t in texts), texts
    # "few of them give ..." is a clause, not an appositive of "Capitol Hill"
    texts = _pieces("They hoped to regain influence on Capitol Hill, few of them give Mr. Labrador "
                   "a chance.")
    assert not any(t.startswith("Capitol Hill is") for t in texts), texts
    # "the 9/12 Project, which ...": the number belongs to the name
    texts = _pieces("Beck also launched the 9/12 Project, which sets forth nine values.")
    assert "The 9/12 Project sets forth nine values." in texts, texts


def test_so_far_and_as_long_as_are_not_connectives_to_cut():
    brief = newsdesk.brief(
        "Race\n\nSo far, the only Democrat in the race is Edward J. Markey. As long as the "
        "Hammonds remain in jail, ranchers will protest the ruling.", published="2013-01-30")
    texts = [c.text for c in brief.claims] + [n.text for n in brief.not_verifiable]
    assert not any(t.startswith(("Far,", "Long as", "long as")) for t in texts), texts
    assert "So far, the only Democrat in the race is Edward J. Markey." in texts, texts


def test_an_including_aside_is_not_an_event():
    texts = _pieces(
        "Three people, including two village guards, died when a mine exploded.")
    assert not any("included" in t for t in texts), texts
    texts = _pieces("The senator, announcing his retirement, thanked "
                                            "voters.")
    assert "The senator announced his retirement" in texts, texts


def test_a_paragraph_cut_after_the_goes_on_in_the_next():
    from newsdesk.read.sentences import split_sentences

    text = ("Debt\n\nHungary's debt rose to 27.53 billion dollars in June, the\n\nNational Bank "
            "of Hungary said on Friday.\n\nPrices fell.")
    texts = [s.text for s in split_sentences(text)]
    assert texts[1] == ("Hungary's debt rose to 27.53 billion dollars in June, the\n\nNational "
                        "Bank of Hungary said on Friday.")
    assert texts[2] == "Prices fell."


def test_aside_between_dashes_is_its_own_piece():
    pieces = [
        p.text
        for p in split_sentence(
            "After months of rhetoric—during which Trump threatened military operations—the "
            "scene has shifted."
        )
    ]
    assert "Trump threatened military operations" in pieces


def test_evaluative_modifier_is_stripped():
    text, removed, left = strip_evaluative("Michael Steele drew fierce criticism on Friday.")
    assert text == "Michael Steele drew criticism on Friday."
    assert removed == ["fierce"] and left == []


def _entity(text, full, word, label=EntityLabel.person):
    start = text.index(word)
    return Entity(start=start, end=start + len(word), text=word, label=label, canonical=full)


def test_rewrite_resolves_surname_pronoun_and_date():
    article = (
        "Gustavo Petro met Donald Trump on Tuesday. He said Petro accepted a cap. Mr. Trump smiled."
    )
    entities = [
        _entity(article, "Gustavo Petro", "Gustavo Petro"),
        _entity(article, "Donald Trump", "Donald Trump"),
    ]
    index = build_index(article, entities)
    tuesday = article.index("Tuesday")
    times = [
        TimeExpression(
            start=tuesday, end=tuesday + 7, text="Tuesday", value=dt.date(2026, 2, 3), resolved=True
        )
    ]
    out = rewrite("Gustavo Petro met Donald Trump on Tuesday", 0, index, times)
    assert out.text == "Gustavo Petro met Donald Trump on 3 February 2026"
    start = article.index("He said")
    out = rewrite("He said Petro accepted a cap", start, index, [])
    assert out.text == "Donald Trump said Gustavo Petro accepted a cap"
    assert out.ambiguity == []
    out = rewrite("Mr. Trump smiled", article.index("Mr."), index, [])
    assert out.text == "Donald Trump smiled"


def test_a_resolved_date_takes_on_only_where_it_reads():
    import datetime as dt_

    def at(text, word, day):
        i = text.index(word)
        return TimeExpression(start=i, end=i + len(word), text=word, value=day, resolved=True)

    monday = dt_.date(2010, 12, 6)
    for text, want in (
        ("The bill could pass as early as Monday", "as early as 6 December 2010"),
        ("He missed Monday's game", "missed 6 December 2010's game"),
        ("He pulled out of his own Monday debate", "his own 6 December 2010 debate"),
        ("Up to Monday, none arrived", "Up to 6 December 2010, none"),
        ("The vote was held Monday", "held on 6 December 2010"),
        ("The vote is scheduled for Monday", "scheduled for 6 December 2010"),
    ):
        out = rewrite(text, 0, build_index(text, []), [at(text, "Monday", monday)])
        assert want in out.text, out.text
    week = TimeExpression(start=0, end=0, text="last week", resolved=True,
                          range_start=dt_.date(2010, 11, 29), range_end=dt_.date(2010, 12, 5))
    for text, want in (("Reports over the last week rose", "over the period 29 November 2010 to"),
                       ("Orders are planned for last week", "for the period 29 November 2010 to"),
                       ("Prices fell last week", "between 29 November 2010 and")):
        i = text.index("last week")
        expr = week.model_copy(update={"start": i, "end": i + len("last week")})
        out = rewrite(text, 0, build_index(text, []), [expr])
        assert want in out.text and "the the" not in out.text, out.text
    for day, want in ((dt_.date(2010, 12, 8), "at an 8 December 2010 hearing"),
                      (dt_.date(2010, 12, 18), "at an 18 December 2010 hearing"),
                      (dt_.date(2010, 12, 10), "at a 10 December 2010 hearing")):
        text = "He spoke at a Monday hearing"
        out = rewrite(text, 0, build_index(text, []), [at(text, "Monday", day)])
        assert want in out.text, out.text


def test_a_name_put_in_keeps_its_article_right():
    article = "Yasser Arafat arrived. Israel ended the crisis, an Arafat adviser said."
    index = build_index(article, [_entity(article, "Yasser Arafat", "Yasser Arafat")])
    out = rewrite("Israel ended the crisis, an Arafat adviser said", article.index("Israel"),
                  index, [])
    assert out.text == "Israel ended the crisis, a Yasser Arafat adviser said"
    out = rewrite("A European diplomat met an Israeli official", 0, build_index("", []), [])
    assert out.text == "A European diplomat met an Israeli official"


def test_a_date_inside_a_quotation_is_added_in_brackets_not_rewritten():
    brief = newsdesk.brief(
        "Reply\n\nTrump Jr. replied, “Already did that earlier today.” Bill Kristol said on "
        "“Fox News Sunday” that Steele must go. The vote is held today.",
        published="2017-11-13")
    texts = [c.text for c in brief.claims]
    assert "Trump Jr. replied, “Already did that earlier today [13 November 2017].”" in texts
    assert any("“Fox News Sunday”" in t for t in texts), texts  # a show, not a day
    assert "The vote is held on 13 November 2017." in texts, texts


def test_absolute_periods_and_dates_near_a_namesake_stay_as_written():
    brief = newsdesk.brief(
        "Pope\n\nThe statement came ahead of an Aug. 25-26 papal pilgrimage to Ireland. "
        "Theresa May spoke. Lee Rigby was murdered on May 22 by a jihadist, Theresa May said. "
        "The 19th-century boom made Lodz rich. Trey Gowdy set a May 1 deadline for the "
        "interview.", published="2018-08-20")
    texts = [c.text for c in brief.claims]
    assert "The statement came ahead of an Aug. 25-26 papal pilgrimage to Ireland." in texts
    assert any("murdered on 22 May 2018" in t for t in texts), texts  # not "Theresa May 22"
    assert "The 19th-century boom made Lodz rich." in texts, texts
    assert any("a 1 May 2018 deadline" in t for t in texts), texts


def test_unresolvable_pronoun_is_flagged_not_guessed():
    out = rewrite("She resigned on Friday", 0, build_index("She resigned.", []), [])
    assert out.text.startswith("She")
    assert out.ambiguity


def test_a_pronoun_is_not_given_the_person_its_own_claim_names():
    article = ("Brett Kavanaugh was nominated. A letter says the incident took place in 1982. "
               "She alleges Kavanaugh and a friend cornered her. He denied it.")
    index = build_index(article, [_entity(article, "Brett Kavanaugh", "Brett Kavanaugh")])
    start = article.index("She alleges")
    out = rewrite("She alleges Kavanaugh and a friend cornered her", start, index, [],
                  antecedent_window=(article.index("A letter"), start))
    assert out.text == "She alleges Brett Kavanaugh and a friend cornered her"
    assert any("is not Brett Kavanaugh" in a for a in out.ambiguity)
    # when the sentence before opens with a woman described, not named, she is that woman
    described = article.replace("A letter", "The woman")
    index = build_index(described, [_entity(described, "Brett Kavanaugh", "Brett Kavanaugh")])
    out = rewrite("She alleges Kavanaugh and a friend cornered her", start, index, [],
                  antecedent_window=(described.index("The woman"), start))
    assert out.text == "The woman alleges Brett Kavanaugh and a friend cornered her"
    assert out.ambiguity == []
    # with no such name in the claim the one person before it is still taken
    out = rewrite("He denied it", article.index("He denied"), index, [])
    assert out.text == "Brett Kavanaugh denied it" and out.ambiguity == []
    # another person of the same surname, or the name in a relative clause, does not stop it
    article = "Hillary Clinton spoke. She praised the deal that Bill Clinton signed."
    entities = [_entity(article, n, n) for n in ("Hillary Clinton", "Bill Clinton")]
    index = build_index(article, entities)
    start = article.index("She praised")
    out = rewrite("She praised the deal that Bill Clinton signed", start, index, [],
                  antecedent_window=(0, start))
    assert out.text == "Hillary Clinton praised the deal that Bill Clinton signed"
    article = "Joe Lieberman spoke. He knows Jeff Sessions, who said Lieberman would win."
    entities = [_entity(article, n, n) for n in ("Joe Lieberman", "Jeff Sessions")]
    start = article.index("He knows")
    out = rewrite("He knows Jeff Sessions, who said Lieberman would win", start,
                  build_index(article, entities), [], antecedent_window=(0, start))
    assert out.text.startswith("Joe Lieberman knows Jeff Sessions")


def test_an_inner_pronoun_after_a_person_noun_is_left_to_that_noun():
    article = "Brett Kavanaugh was nominated. The woman says she needed treatment."
    index = build_index(article, [_entity(article, "Brett Kavanaugh", "Brett Kavanaugh")])
    start = article.index("The woman")
    out = rewrite("The woman says she needed treatment", start, index, [])
    assert out.text == "The woman says she needed treatment"
    # without the noun, the one person mentioned just before is meant
    out = rewrite("The jury convicted him", start, index, [])
    assert out.text == "The jury convicted Brett Kavanaugh"


def test_relative_date_without_publication_date_is_flagged():
    times = [TimeExpression(start=20, end=27, text="Tuesday", resolved=False)]
    out = rewrite("The minister resigned Tuesday", 0, build_index("", []), times)
    assert any("Tuesday" in reason for reason in out.ambiguity)


def test_claim_kinds_from_cues():
    assert (
        claim_kind("Barack Obama will meet Bernie Sanders on 9 June 2016.", "clause")
        == ClaimKind.prediction
    )
    assert (
        claim_kind("Josh Earnest said the meeting was arranged.", "clause") == ClaimKind.attribution
    )
    assert claim_kind("The storm killed 107 people.", "clause") == ClaimKind.quantity
    assert (
        claim_kind("Wal-Mart is the largest retailer in the world.", "clause")
        == ClaimKind.comparison
    )
    assert claim_kind("Michael Steele is chairman of the RNC", "appositive") == ClaimKind.status


# ---------------------------------------------------------------- evaluator and gold gate


def test_gold_files_are_well_formed():
    files = sorted(GOLD.glob("*.json"))
    assert len(files) >= 30
    kinds = {k.value for k in ClaimKind}
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["source"]["dataset"] in ("gum", "basil", "ptc", "text")
        assert data["split"] in ("dev", "test")
        assert data["claims"], path
        for claim in data["claims"]:
            assert claim["kind"] in kinds
            assert isinstance(claim["sentence"], int)
        if data["source"]["dataset"] in ("basil", "ptc"):
            assert "text" not in data["source"]  # research-only text is never committed


def test_eval_rejects_malformed_folders(tmp_path):
    from newsdesk.evaluate import evaluate

    (tmp_path / "bad.json").write_text("{not json")
    with pytest.raises(EvalDataError):
        evaluate("claims", tmp_path)
    (tmp_path / "bad.json").write_text(
        json.dumps(
            {"source": {"dataset": "text", "text": "A."}, "claims": [{"text": "x", "sentence": 5}]}
        )
    )
    with pytest.raises(EvalDataError, match="sentence"):
        evaluate("claims", tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(EvalDataError):
        evaluate("claims", empty)


def test_eval_on_inline_article(tmp_path):
    from newsdesk.evaluate import evaluate

    text = (
        "Fishermen rescued 700 asylum seekers off Aceh, Indonesia, on 15 May 2015. "
        "The Indonesian Navy deployed a warship to retrieve them."
    )
    gold = {
        "source": {"dataset": "text", "text": text},
        "published": "2015-05-18",
        "claims": [
            {
                "text": "Fishermen rescued 700 asylum seekers off Aceh, Indonesia, on 15 May 2015.",
                "sentence": 0,
                "kind": "event",
            }
        ],
    }
    (tmp_path / "one.json").write_text(json.dumps(gold))
    result = evaluate("claims", tmp_path)
    assert result["task"] == "claims" and result["metric"] == "f1" and result["n"] == 1
    assert result["recall"] == 1.0
    assert 0 < result["precision"] <= 1


#: Floors just under the measured scores (all 51 articles, 2026-12-08: P 0.756, R 0.618,
#: evaluative 1.4%, not self-contained 5.7%, all of them flagged; see
#: training/gold/README.md). Held-out articles score lower (test R 0.53), so the tuned-on dev
#: split keeps its own, higher floor: dev P 0.799, R 0.757.
FLOORS = {"precision": 0.73, "recall": 0.60, "max_evaluative": 0.05, "max_not_contained": 0.08}
DEV_FLOORS = {"precision": 0.77, "recall": 0.73}


def test_quality_gate_on_gold_set(data_dir):
    from newsdesk.evaluate import evaluate

    result = evaluate("claims", GOLD)
    assert result["n"] >= 300
    assert result["precision"] >= FLOORS["precision"], result
    assert result["recall"] >= FLOORS["recall"], result
    assert result["evaluative_share"] <= FLOORS["max_evaluative"], result
    assert result["not_self_contained_share"] <= FLOORS["max_not_contained"], result
    assert result["not_self_contained_unflagged"] == 0, result  # the rest are flagged ambiguous
    assert set(result["splits"]) == {"dev", "test"}
    dev = result["splits"]["dev"]
    assert dev["precision"] >= DEV_FLOORS["precision"], dev
    assert dev["recall"] >= DEV_FLOORS["recall"], dev


def test_shared_surname_resolves_only_to_a_dominant_person():
    article = (
        "Ahmed Mohamed built a clock. Ahmed Mohamed took it to school. "
        "His father Mohamed El-Hassan Mohamed spoke. Mohamed was arrested."
    )
    people = ["Ahmed Mohamed", "Mohamed El-Hassan Mohamed"]
    entities = [_entity(article, name, name) for name in people]
    out = rewrite(
        "Mohamed was arrested", article.index("Mohamed was"), build_index(article, entities), []
    )
    assert out.text == "Ahmed Mohamed was arrested"
    balanced = "Thomas Sam and Manju Sam went to court. Sam spoke."
    entities = [_entity(balanced, n, n) for n in ("Thomas Sam", "Manju Sam")]
    out = rewrite("Sam spoke", balanced.index("Sam spoke"), build_index(balanced, entities), [])
    assert out.text == "Sam spoke" and out.ambiguity


def test_a_name_with_and_without_its_middle_name_is_one_person():
    article = ("Judge Neil M. Gorsuch testified. Neil Gorsuch later met senators. "
               "Mr. Gorsuch said he was independent. Bill Clinton and Hillary Clinton spoke.")
    entities = [_entity(article, n, n) for n in ("Neil M. Gorsuch", "Neil Gorsuch")]
    out = rewrite("Mr. Gorsuch said he was independent", article.index("Mr. Gorsuch"),
                  build_index(article, entities), [])
    assert out.text == "Neil M. Gorsuch said he was independent" and not out.ambiguity, out
    # a different first name is someone else: "Clinton" stays unresolved
    entities = [_entity(article, n, n) for n in ("Bill Clinton", "Hillary Clinton")]
    out = rewrite("Clinton spoke", len(article) - 6, build_index(article, entities), [])
    assert out.text == "Clinton spoke" and out.ambiguity


def test_value_superlative_is_not_stripped_into_a_claim():
    import newsdesk

    brief = newsdesk.brief(
        "Barack Obama, the worst president in American history, pursued the Iran nuclear deal "
        "in 2015. The papacy of Pope Francis constitutes nothing less than a menace to the "
        "Church, Father Thomas Weinandy wrote in a letter.",
        published="2017-11-02",
    )
    texts = [c.text for c in brief.claims]
    assert "Barack Obama pursued the Iran nuclear deal in 2015." in texts
    assert not any("president in American history" in t for t in texts), texts
    assert any("worst" in n.text for n in brief.not_verifiable)
    # the evaluation is the letter writer's: that he wrote it is the claim
    assert any(t.endswith("Thomas Weinandy wrote in a letter.") for t in texts), texts


def test_the_bill_takes_the_name_of_the_one_bill_named_before():
    from newsdesk.analyze.descriptions import bill_names, resolve_bill

    text = (
        "The so-called HR 1 measure aims to curb big money in politics. "
        "The House approved the measure 234-193."
    )
    bills = bill_names(text)
    assert resolve_bill("The House approved the measure 234-193.", 60, bills) == (
        "The House approved the HR 1 measure 234-193."
    )
    # nothing named before it: left as it is (and flagged elsewhere)
    assert resolve_bill("The House approved the measure.", 0, bills) == (
        "The House approved the measure."
    )
    # two different bills named before: which one is meant is not guessed
    two = bill_names("HR 1 passed. The DISCLOSE Act is part of it. ")
    assert resolve_bill("The bill is dead on arrival.", 50, two) == "The bill is dead on arrival."
    # an acronym of the name is the same bill
    same = bill_names("Arkansas signed its Religious Freedom Restoration Act. The RFRA ")
    assert resolve_bill("The amended legislation mirrors it.", 70, same) == (
        "The amended Religious Freedom Restoration Act mirrors it."
    )


def test_he_said_after_two_people_takes_the_previous_speaker():
    import newsdesk

    brief = newsdesk.brief(
        "Douglas Haig had no reason to believe Stephen Paddock would launch the shooting, "
        "attorney Marc Victor said. He said Haig defends the sale of ammunition as legal.",
        published="2018-01-31",
    )
    texts = [c.text for c in brief.claims]
    assert any(t.startswith("Marc Victor said Douglas Haig defends") for t in texts), texts


def test_gerund_subject_with_its_own_verb_is_not_a_result_clause():
    texts = [
        p.text
        for p in split_sentence(
            "They estimated by 2050, increasing population and changing diet would increase "
            "world food needs by 50 percent."
        )
    ]
    assert not any("increased population" in t for t in texts), texts


@pytest.mark.parametrize(
    "sentence, bad",
    [
        # the plural noun before a verb is the subject's, not the verb
        (
            "Two heartland states filed a court challenge on Thursday, saying that the shops were "
            "piping marijuana into neighboring states and should be shut down.",
            "Two heartland said",
        ),
        # a predicate joined inside an embedded clause keeps that clause's subject
        (
            "The attorney general described how he was stopped twice on the New Jersey Turnpike "
            "and accused of speeding.",
            "The attorney general accused",
        ),
        (
            "Holder described how he was running to catch a movie when a squad car rolled up and "
            "flashed its lights at the pair.",
            "Holder flashed",
        ),
        # "X and Y vowed" after a leading clause: one subject, not two clauses
        (
            "But when Indiana passed a more expansive version, Indiana lawmakers and Gov. Mike "
            "Pence later vowed to clarify the language.",
            "Indiana lawmakers.",
        ),
        # a clause after a comma is not an appositive
        (
            "But in all their time in New York City, their interactions have been limited, "
            "according to people who know them.",
            "New York City is their",
        ),
        # a state abbreviation is not who said it
        (
            "Sheriff Adam Hayward of Deuel County, Neb., who said that he was gratified, spoke "
            "on Thursday.",
            "Neb. said",
        ),
    ],
)
def test_splitting_does_not_make_wrong_subjects(sentence, bad):
    texts = [p.text for p in split_sentence(sentence)]
    assert not any(t.startswith(bad) or t.endswith(bad) for t in texts), texts


def test_colon_before_a_clause_splits():
    texts = [
        p.text
        for p in split_sentence(
            "They existed in different circles: Mr. Bloomberg is known as a generous "
            "philanthropist; Mr. Trump appears to have been flinty in his giving."
        )
    ]
    assert "Mr. Bloomberg is known as a generous philanthropist" in texts, texts


def test_negative_modals_are_cues():
    from newsdesk.analyze.cues import cues

    assert cues("This shouldn’t surprise anyone.").deontic
    assert cues("The bill won't pass the Senate.").prediction
    assert cues("He couldn’t say where it came from.").hedge


def test_quotation_stays_with_its_clause_and_past_roles_take_was():
    texts = [
        p.text
        for p in split_sentence(
            "Alex Bastian told reporters the verdict “was not the one we were hoping for,” but "
            "the Steinle family could be forgiven for any doubts."
        )
    ]
    assert any(t.endswith("“was not the one we were hoping for,”") for t in texts), texts
    texts = [
        p.text
        for p in split_sentence(
            "His attorney, Matt Gonzalez, Ralph Nader’s running mate in the 2008 presidential "
            "election, said the trial was about Donald Trump."
        )
    ]
    assert "Matt Gonzalez was Ralph Nader’s running mate in the 2008 presidential election" in texts
    texts = [
        p.text
        for p in split_sentence(
            "While it yielded to Mr. Acosta — whose testy questions had touched off Mr. Trump’s "
            "ire — the administration set formal rules."
        )
    ]
    assert "Mr. Acosta’s testy questions had touched off Mr. Trump’s ire" in texts, texts


def test_irregular_past_tense_verbs_make_claims():
    from newsdesk.analyze.verbs import has_finite_verb, has_past_verb

    assert has_past_verb("Benjamin Netanyahu sent the invitation")
    assert has_past_verb("The project also found that the population shrank")
    assert not has_past_verb("Congressional approval be sought for the strikes")
    assert not has_past_verb("The remarks, made in a talk in Slovakia")
    assert has_past_verb("Every former secretary, including John Kelly, sent a letter")
    assert has_past_verb("On Monday, Long and Bosma, both Republicans, held a press conference")
    assert not has_past_verb("Dionne Rose (Jamaica) 12.88")
    assert has_past_verb("Obama cut a deal with Republicans")  # what past_of("cutting") gives
    assert not has_past_verb("Or a last-ditch bid to deny Hillary Clinton the nomination")
    assert has_finite_verb("Steffi Graf beat Karina Habsudova")  # simple past only
    # a capitalised word inside the text is a name: "Rose", "Ahmed", "May"
    assert not has_finite_verb("Dionne Rose (Jamaica) 12.88")
    assert not has_finite_verb("N. Knight b Mushtaq Ahmed 17")
    assert has_finite_verb("Rose said the race was fast") and has_finite_verb("ROSE WON")
    brief = newsdesk.brief(
        "Results\n\nBenjamin Netanyahu sent the invitation to Congress on Tuesday. Steffi Graf "
        "beat Karina Habsudova 6-2 6-3 on Tuesday in the quarter-finals of the German Open.",
        published="1996-05-01")
    texts = [c.text for c in brief.claims]
    assert any(t.startswith("Benjamin Netanyahu sent the invitation") for t in texts), texts
    assert any(t.startswith("Steffi Graf beat Karina Habsudova") for t in texts), texts


def test_leftovers_are_not_claims():
    brief = newsdesk.brief(
        "Tennis\n\nSteffi Graf beat Karina Habsudova on Tuesday in Berlin.\n"
        "(Corrects that Habsudova is sixth seed).\n"
        "1 - Pete Sampras (U.S.) beat 9 - Todd Martin (U.S.) 6-4 6-4.\n",
        published="1996-05-01")
    texts = [c.text for c in brief.claims]
    assert all(any(ch.isalpha() for ch in t) for t in texts), texts
    assert not any(t.rstrip(".").endswith(("beat 9", "beat 3")) for t in texts), texts


def test_a_closing_they_said_takes_the_plural_speakers_before_it():
    brief = newsdesk.brief(
        "Cattle\n\nEarly calls on CME live cattle futures ranged from 0.2 cent higher to 0.1 "
        "lower, livestock analysts said. Cash markets are also expected to be quiet after a "
        "record week, they said. The farmers met people who said prices, which they said were "
        "falling, hurt them.", published="1996-08-12")
    texts = {c.text: c for c in brief.claims}
    quiet = next(t for t in texts if t.startswith("Cash markets"))
    assert quiet.endswith("livestock analysts said.") and not texts[quiet].ambiguous
    # a "they said" inside a claim refers to its own "people": not rewritten
    assert not any("analysts said were falling" in t for t in texts)
    # nobody named before it: flagged, not guessed
    alone = newsdesk.brief("Markets\n\nCash markets are expected to be quiet after a record "
                           "week, they said.", published="1996-08-12")
    assert alone.claims and all("they said" in c.text and c.ambiguous for c in alone.claims)


def test_the_governor_or_the_cardinal_is_the_one_person_given_that_title():
    article = ("Gov. Mike Pence signed the bill. Cardinal Gerhard Ludwig Müller spoke in Rome. "
               "Vice President Joe Biden and Lt. Gov. Sue Ellspermann said nothing. "
               "The governor defended the law. The cardinal's remarks drew criticism.")
    names = ("Mike Pence", "Gerhard Ludwig Müller", "Joe Biden", "Sue Ellspermann")
    index = build_index(article, [_entity(article, n, n) for n in names])
    out = rewrite("The governor defended the law", article.index("The governor"), index, [])
    assert out.text == "Mike Pence defended the law", out
    out = rewrite("The cardinal's remarks drew criticism", article.index("The cardinal"),
                  index, [])
    assert out.text == "Gerhard Ludwig Müller's remarks drew criticism", out
    # "the president of the company" is no one's title; a vice president is no president
    out = rewrite("The president of the union resigned", 0, index, [])
    assert out.text == "The president of the union resigned"
    out = rewrite("The president resigned", 0, index, [])
    assert out.text == "The president resigned"


def test_a_title_two_people_hold_resolves_to_nobody():
    article = ("President Juan Manuel Santos of Colombia met President Trump. "
               "The president spoke first.")
    index = build_index(article, [_entity(article, "Juan Manuel Santos", "Juan Manuel Santos")])
    out = rewrite("The president spoke first", article.index("The president"), index, [])
    assert out.text == "The president spoke first"
    article = "President Barack Obama flew to Ohio. President Obama spoke. The president left."
    index = build_index(article, [_entity(article, "Barack Obama", "Barack Obama")])
    out = rewrite("The president left", article.index("The president"), index, [])
    assert out.text == "Barack Obama left"
    # NYT style: "Mr. Trump" throughout, "President Barack Obama" once in a look back; the
    # untitled, more often named person may be the president meant
    article = ("Donald Trump spoke. Mr. Trump left. Mr. Trump returned. President Barack Obama "
               "never did that. Aides to Mr. Trump say that the president likes questions.")
    index = build_index(article, [_entity(article, "Donald Trump", "Donald Trump"),
                                  _entity(article, "Barack Obama", "Barack Obama")]
                        + [Entity(start=m, end=m + 9, text="Mr. Trump", label=EntityLabel.person,
                                  canonical="Donald Trump")
                           for m in (article.index("Mr. Trump left"),
                                     article.index("Mr. Trump returned"))])
    out = rewrite("the president likes questions", article.index("the president"), index, [])
    assert out.text == "The president likes questions", out


def test_an_age_between_a_name_and_its_appositive_goes_with_the_appositive():
    texts = _pieces("Daniel Montalvo, 19, a member of Scientology all his life, was arrested "
                    "on Monday.")
    assert "Daniel Montalvo, 19, is a member of Scientology all his life" in texts, texts
    assert any(t.startswith("Daniel Montalvo was arrested on Monday") for t in texts), texts
    # an age before a verb is no appositive; the clause stays whole
    texts = _pieces("Violeta Chamorro, 66, suffers from osteoporosis.")
    assert not any(" is suffers" in t for t in texts), texts


def test_matcher_reads_a_pronoun_one_as_a_word_not_the_number_1():
    from newsdesk.analyze.claims_match import normalise, similarity

    for text in ("I for one never paid attention to the gaffes", "No one was hurt in the fire",
                 "She is one of the senators", "a one-time customer", "the one thing to avoid"):
        assert normalise(text).numbers == frozenset(), text
    assert normalise("The army fired one shell").numbers == {"1"}
    assert normalise("One person died").numbers == {"1"}
    quoted = normalise("“Your tenure has been marked by gaffes, but I for one never minded,” "
                       "William Kristol wrote on 2 July 2010.")
    gold = normalise("William Kristol wrote on 2 July 2010 that the tenure was marked by gaffes.")
    assert similarity(gold, quoted) > 0


def test_the_country_names_the_one_country_named_before_it():
    from newsdesk.analyze.countries import countries_named
    from newsdesk.analyze.descriptions import country_mentions, resolve_country

    text = ("South Korean troops fired 36 shells. The Indonesian navy turned the boat away. "
            "Michael Jordan and Chad Smith visited New Mexico and Latin America.")
    assert [c for _o, c in countries_named(text)] == ["South Korea", "Indonesia"]
    one = country_mentions("Peruvian guerrillas took over a village.")
    assert resolve_country("Rebels attacked the country's army.", 100, one) == (
        "Rebels attacked Peru's army.")
    # the claim's own words count; a possessive of a name in -s takes an apostrophe only
    assert resolve_country("Americans say the country's deficit grew.", 0, []) == (
        "Americans say the United States' deficit grew.")
    # two countries, or a quotation: as written
    two = country_mentions("Turkey and Greece met.")
    assert resolve_country("The country's army moved.", 100, two) == "The country's army moved."
    said = "He said “we love the country” on Monday."
    assert resolve_country(said, 100, one) == said
    # a report naming Mexico and Arizona: "the country" may be the United States
    both = country_mentions("Gonzalez, of Mexico, was arrested in Arizona.")
    claim = "Gonzalez had entered the country unlawfully."
    assert resolve_country(claim, 100, both) == claim


def test_the_company_names_the_one_company_named_before_it():
    from newsdesk.analyze.descriptions import company_names, resolve_company

    text = ("Amoco Corp officials met the Yemeni oil ministry. Shares in oil group Repsol fell. "
            "Yahoo, the internet company, was hacked. The ministry said nothing.")
    orgs = [(text.index(w), text.index(w) + len(w))
            for w in ("Amoco", "Yemeni oil ministry", "Repsol", "Yahoo")]
    companies = company_names(text, orgs)
    assert [(name, key) for _o, name, key in companies] == [
        ("Amoco Corp", "amoco"), ("Repsol", "repsol"), ("Yahoo", "yahoo")]
    first = [c for c in companies if c[1] == "Amoco Corp"]
    assert resolve_company("The company said it was in talks.", 60, first) == (
        "Amoco Corp said it was in talks.")
    # two companies before it: as written; a quotation is never rewritten
    assert resolve_company("The company said so.", len(text), companies) == "The company said so."
    quoted = "He said “the company is fine” on Monday."
    assert resolve_company(quoted, 60, first) == quoted
    # with no company known, the one organisation the claim itself names before it
    claim = "A Microsoft spokesperson said that the company only provides customer data."
    assert resolve_company(claim, 0, [], ["Microsoft", "Justice Department"]) == (
        "A Microsoft spokesperson said that Microsoft only provides customer data.")
    claim = "Fox News read a Google email on how the company works."
    assert resolve_company(claim, 0, [], ["Fox News", "Google"]) == claim


def test_an_unresolved_description_flags_the_claim_ambiguous():
    brief = newsdesk.brief(
        "Acme Corp and Beta Inc reported results. The company said it was not aware of any "
        "reason for the surge. Troops from Turkey and Greece met. The country's army moved "
        "north on Monday.", published="2015-05-20")
    flags = {c.text: c.ambiguity for c in brief.claims}
    company = [a for t, a in flags.items() if t.startswith("The company said")]
    assert company and "'the company'" in company[0], flags
    country = [a for t, a in flags.items() if t.startswith("The country's army")]
    assert country and "which country" in country[0], flags


def test_people_listed_with_their_ages_are_one_subject():
    texts = _pieces("The office said that Sister Moira Lynch, 73, and Father Raphael Riel, 48, "
                    "were held in a prison.")
    assert not any(t.startswith("Father Raphael Riel, 48, were") for t in texts), texts
    assert any("Moira Lynch, 73, and Father Raphael Riel, 48, were held" in t for t in texts)


def test_the_writer_s_framing_is_cut_off_and_let_us_is_first_person():
    brief = newsdesk.brief(
        "Of course, the United Nations has reached no such conclusion in Geneva. "
        "Let's state the obvious: the CIA records were sealed in 2014. "
        "In India Mother Teresa was simply called Mother.")
    texts = [c.text for c in brief.claims]
    assert "The United Nations has reached no such conclusion in Geneva." in texts, texts
    assert not any("Let" in t for t in texts), texts
    assert any(t == "In India Mother Teresa was called Mother." for t in texts), texts
    framing = [n.text for n in brief.not_verifiable]
    assert any("Of course" in n for n in framing) and any("simply" in n for n in framing)


def test_a_place_after_a_name_is_where_it_is_and_the_accused_is_a_person():
    texts = _pieces("After the Kurds left Kirkuk, Iraq earlier this week, the militia "
                    "established five bases there.")
    assert not any(t.startswith("Kirkuk is") for t in texts), texts
    texts = _pieces("Bamerindus, Brazil's fourth-largest private bank, has faced liquidity "
                    "troubles.")
    assert "Bamerindus is Brazil's fourth-largest private bank" in texts, texts
    texts = _pieces("Marc Dutroux, the chief accused in the abuse case, visited Slovakia "
                    "several times.")
    assert "Marc Dutroux is the chief accused in the abuse case" in texts, texts
    assert any(t.startswith("Marc Dutroux visited Slovakia") for t in texts), texts


def test_they_after_a_leading_though_clause_is_its_subject_without_the_conjunction():
    brief = newsdesk.brief("Though authorities have described the investigation as a team "
                           "effort, they have not explained what role Las Vegas police play.")
    texts = [c.text for c in brief.claims]
    assert any(t.startswith("Authorities have not explained") for t in texts), texts
    assert not any(t.startswith("Though") for t in texts), texts


def test_a_participle_aside_after_another_aside_is_found_and_a_relative_keeps_its_verb():
    texts = _pieces('In their first matchup, the Afghan team\'s robot, named "Better Idea", '
                    "scored two points.")
    assert "The Afghan team's robot was named \"Better Idea\"" in [t.rstrip(",") for t in texts]
    assert any(t.endswith("the Afghan team's robot scored two points.") for t in texts), texts
    texts = _pieces("Mike Williams, who snapped a losing streak, allowed five hits, walked two "
                    "and struck out five.")
    assert not any("streak was allowed" in t for t in texts), texts


def test_a_quoted_name_s_appositive_is_a_status_claim():
    texts = _pieces('The attack was launched on the website "Insurgency Wiki", a spinoff of '
                    "4chan.")
    assert "Insurgency Wiki is a spinoff of 4chan" in texts, texts
    assert any(t.startswith('The attack was launched on the website "Insurgency Wiki"')
               and "spinoff" not in t for t in texts), texts
    texts = _pieces('The ferry is the "Rangatira", an antiquated, slow and small vessel.')
    assert not any(t.startswith("Rangatira is") for t in texts), texts
    texts = _pieces('She said "I am tired", a remark that drew laughs.')
    assert not any(t.startswith("I am tired is") for t in texts), texts


def test_variants_of_a_first_name_are_one_person():
    from newsdesk.analyze.name_variants import name_variants as _name_variants

    variants = _name_variants(["Douglas Haig", "Doug Haig", "Raúl Labrador", "Raul Labrador",
                               "Marc Dutroux", "Mark Dutroux", "Paula Manafort",
                               "Paul Manafort", "John Smith", "Joan Smith"])
    assert variants["Doug Haig"] == "Douglas Haig"
    assert variants["Raul Labrador"] == "Raúl Labrador"
    assert variants["Mark Dutroux"] == "Marc Dutroux"
    for name in ("Paula Manafort", "Paul Manafort", "John Smith", "Joan Smith"):
        assert name not in variants, variants
    # the form the article uses more often is kept
    counts = {"Dianne Feinstein": 3, "Dianna Feinstein": 1}
    assert _name_variants(["Dianna Feinstein", "Dianne Feinstein"], counts.get) == {
        "Dianna Feinstein": "Dianne Feinstein"}
    # a short first name and a middle initial: "Mike Bloomberg" is "Michael R. Bloomberg"
    people = ["Michael R. Bloomberg", "Chuck Grassley", "Charles E. Grassley", "Mike Bloomberg",
              "Mark R. Warner", "Mike Warner"]
    variants = _name_variants(sorted(people, key=lambda n: (-len(n), n)))
    assert variants["Mike Bloomberg"] == "Michael R. Bloomberg"
    assert variants["Chuck Grassley"] == "Charles E. Grassley"
    assert "Mike Warner" not in variants
    # of two longer forms, the one the article writes more often
    counts = {"Dina Habib Powell": 3, "Dina Habia Powell": 1, "Dina Powell": 2}
    assert _name_variants(["Dina Habia Powell", "Dina Habib Powell", "Dina Powell"],
                          counts.get)["Dina Powell"] == "Dina Habib Powell"


def test_a_shared_surname_counts_every_full_form_of_each_person():
    # James Brady is named in full twice, in two forms; Sarah Brady three times: neither is
    # named twice as often, so a bare "Brady" stays unresolved rather than become Sarah
    text = ("James Scott Brady was the press secretary. Sarah Brady led the campaign. "
            "James Brady was shot in 1981. Sarah Brady spoke. Sarah Brady wrote a book. "
            "Brady was close to death after being shot by John Hinckley Jr.")
    people = ["James Scott Brady", "Sarah Brady", "James Brady", "John Hinckley Jr."]
    entities = [_entity(text, name, name) for name in people]
    index = build_index(text, entities)
    assert index.short["Brady"] is None


def test_a_first_name_of_another_full_name_is_no_bare_surname():
    problems = self_containment_problems("Sen. Scott Brown won the seat.",
                                         ["Tim Scott", "Scott Brown"])
    assert problems == [], problems
    assert self_containment_problems("Sen. Scott won the seat.", ["Tim Scott", "Scott Brown"])


def test_he_in_a_coordinated_clause_is_the_person_the_sentence_opens_with():
    brief = newsdesk.brief(
        "Donald Trump spoke on Thursday. President Trump, a day before his deadline, told "
        "reporters he was close to choosing a successor to James B. Comey, and he named "
        "Joseph I. Lieberman as a finalist.", published="2017-05-18")
    texts = [c.text for c in brief.claims]
    assert any(t.startswith("Donald Trump named Joseph I. Lieberman") for t in texts), texts
    assert not any(t.startswith("James B. Comey named") for t in texts), texts
    texts = _pieces("President Trump, a day before his deadline, told reporters he was close.")
    assert not any("is a day before" in t for t in texts), texts


def test_a_referring_it_after_an_opening_phrase_is_flagged_an_expletive_it_is_not():
    for text in ("By 2085, it will be able to pay 74 percent of promised benefits.",
                 "In February 2014, it reported a loss of $33.2 million.",
                 "Founded in 1871, it has become the region's primary center."):
        assert "'it' refers to something outside the claim" in self_containment_problems(
            text), text
    for text in ("After DOMA was overturned, it was reported that the IRS owed Edie Windsor "
                 "$363,053.",
                 "When the All Blacks did break through, it was too late.",
                 "In these cases, it is up to the Holy See to decide.",
                 "On the hottest days, it can get up to 115°F.",
                 "Crucially, it was Joseph Ratzinger who suspended the offenders."):
        assert not self_containment_problems(text), text


def test_a_quotation_before_and_stays_with_the_clause_it_ends():
    texts = _pieces('Dennis accused the NAACP of playing the "race card" and called the group '
                    '"irrelevant."')
    assert any(t.startswith('Dennis accused the NAACP of playing the "race card"')
               for t in texts), texts
    brief = newsdesk.brief(
        "James Clapper spoke on Friday. He called the disclosure of the program that allows "
        'the NSA to collect data from Internet companies "reprehensible" and said the leak '
        "could cause harm.")
    texts = [c.text for c in brief.claims]
    assert "The program allows the NSA to collect data from Internet companies." in texts, texts
    assert any(t.endswith('"reprehensible".') and "called" in t for t in texts), texts


def test_a_degree_word_before_a_by_adjunct_goes_with_it():
    texts = _pieces("Republicans won control of the House in 2010 partly by arguing that "
                    "Democrats had raided Medicare.")
    assert "Republicans won control of the House in 2010" in [t.rstrip(".") for t in texts]
    assert not any(t.rstrip(".").endswith("partly") for t in texts), texts


def test_an_object_relative_is_no_claim_of_its_antecedent_but_a_said_relative_is_one():
    texts = _pieces("The editors selected a photo of Sarah Palin in running shorts, which the "
                    "former governor called sexist.")
    assert not any(t.startswith("A photo of Sarah Palin in running shorts the former")
                   for t in texts), texts
    texts = _pieces("The concerns, which the department says can be tied to the Florida "
                    "Democratic Party, center around date changes on forms.")
    assert "The department says the concerns can be tied to the Florida Democratic Party" in (
        texts), texts
    texts = _pieces("The team, which consists entirely of girls, had been denied visas.")
    assert "The team consists entirely of girls" in texts, texts


def test_a_he_said_tag_is_not_the_person_named_after_it():
    brief = newsdesk.brief(
        "Donald Trump lifted a ban on elephant trophies on Friday. By lifting the ban, he said, "
        'Trump was "encouraging Americans to kill elephants."', published="2017-11-17")
    tagged = [c for c in brief.claims if "encouraging" in c.text]
    assert tagged and not tagged[0].text.startswith("By lifting the ban, Donald Trump said"), (
        tagged)
    assert tagged[0].ambiguous
    texts = _pieces("Jon Bruning, along with Oklahoma Attorney General Scott Pruitt, filed "
                    "the lawsuit.")
    assert not any(" is along with" in t for t in texts), texts


def test_an_inner_he_said_takes_the_one_person_the_claim_named_before_it():
    brief = newsdesk.brief(
        "Gov. Asa Hutchinson faced pressure from Walmart. CEO Doug McMillon called on the "
        'governor to veto the bill, which he said "threatens to undermine the spirit of '
        'inclusion."', published="2015-04-01")
    texts = [c.text for c in brief.claims]
    assert any("which Doug McMillon said" in t for t in texts), texts
    # a tag closing a quotation is left to the speaker rules: not the person quoted about
    brief = newsdesk.brief(
        'Glenn Beck spoke at length. "Dick Cheney says it is going to be a good year," he '
        "declared at one point.", published="2010-02-20")
    assert not any(c.text.startswith('"Dick Cheney') and "Dick Cheney declared" in c.text
                   for c in brief.claims), [c.text for c in brief.claims]


def test_a_closing_he_said_is_not_a_person_the_quotation_speaks_of():
    brief = newsdesk.brief(
        "Vladimir Putin met Donald Trump in Helsinki. \"I would not trust the president alone "
        'with Putin without other Americans in the room," he said.', published="2018-07-13")
    tagged = [c for c in brief.claims if "trust the president" in c.text]
    assert tagged and "Putin said" not in tagged[0].text, tagged


def test_a_capitalised_opening_word_is_no_antecedent_for_a_pronoun():
    assert self_containment_problems("In 1983, she was head of the jury.", ["Jeanne Moreau"])
    assert not self_containment_problems("Moreau said she would go.", [])


@pytest.mark.parametrize(
    "text, want",
    [
        ("Obama added, “There are those who make their case.",
         "Obama added, “There are those who make their case.”"),
        ("I think they have it upside down,” Rick Santorum said.",
         "“I think they have it upside down,” Rick Santorum said."),
        ('Rex Tillerson said, "Iranian militias are in Iraq...',
         'Rex Tillerson said, "Iranian militias are in Iraq..."'),
        ('It was tough," Smith said.', '"It was tough," Smith said.'),
        ("Kristol added, “It was not ‘a war of Obama’s choosing.’",
         "Kristol added, “It was not ‘a war of Obama’s choosing.’”"),
        ("He called it “a war of choice.”", "He called it “a war of choice.”"),
    ],
)
def test_a_claim_closes_the_quotation_it_opens_and_opens_the_one_it_closes(text, want):
    from newsdesk.analyze.claims_text import finish

    assert finish(text) == want


def test_a_congressman_by_surname_is_the_person_the_article_names():
    brief = newsdesk.brief(
        "Paul Ryan spoke on Tuesday in Ohio.\n\n"
        "Congressman Ryan recalled when he was campaigning with Mitt Romney in Wisconsin.",
        published="2012-08-15")
    texts = [c.text for c in brief.claims]
    assert any(t.startswith("Paul Ryan recalled") for t in texts), texts


def test_a_quotation_ending_in_a_question_mark_takes_no_period_after_it():
    from newsdesk.analyze.claims_quotes import _said

    assert _said("Ilze Scamparini", "How are you confronting this issue?") == (
        "Ilze Scamparini said “How are you confronting this issue?”")
    assert _said("Lis Smith", "We extended the life of Medicare") == (
        "Lis Smith said “We extended the life of Medicare”.")


def test_a_pronoun_takes_the_described_person_the_sentence_before_opens_with():
    brief = newsdesk.brief(
        "Senator Dianne Feinstein received a letter in July. The unidentified woman says the "
        "incident took place at a party in 1982 while Brett Kavanaugh was a student. She alleges "
        "Kavanaugh and a friend cornered her in a room and turned up the music. The man said he "
        "was not there. He added that he had never met Kavanaugh.", published="2018-09-14")
    texts = [c.text for c in brief.claims]
    assert any(t.startswith("The unidentified woman alleges Brett Kavanaugh") for t in texts), texts
    assert any(t.startswith("The man added that") for t in texts), texts
    assert not any(t.startswith("Dianne Feinstein") and "music" in t for t in texts), texts


def test_predicates_after_a_complement_clause_without_that_are_the_clause_s():
    texts = [c.text for c in newsdesk.brief(
        "Deborah Ramirez claims Brett Kavanaugh exposed himself to her and brushed against her "
        "at a party.", published="2018-09-24").claims]
    assert not any(t.startswith("Deborah Ramirez brushed") for t in texts), texts


@pytest.mark.parametrize(
    "text, parts",
    [
        ("Bruce Braley worked as a lawyer in private practice before he was elected to the "
         "House of Representatives in 2006.",
         ["Bruce Braley worked as a lawyer in private practice.",
          "Bruce Braley was elected to the House of Representatives in 2006."]),
        ("Noah Lew and two other students were voted off the council in October 2016 after "
         "they were identified as having pro-Israel viewpoints.",
         ["Noah Lew and two other students were identified as having pro-Israel viewpoints."]),
    ],
)
def test_a_past_event_in_a_closing_time_clause_is_its_own_claim(text, parts):
    texts = [c.text for c in newsdesk.brief(text, published="2017-12-01").claims]
    for part in parts:
        assert part in texts, texts


@pytest.mark.parametrize(
    "text",
    [
        # a time frame, not an event
        "Donald Trump made positive comments about Michael Bloomberg when he was in office.",
        # the pronoun may be the other person named, or the object
        "Colin Powell used a private email account, as did Jeb Bush when he served as governor.",
        "Joseph Bernardin prayed with him for an hour before he died from AIDS.",
        # the clause belongs to the second clause, or to what is reported
        "The kidnappers demanded a ransom but no money was paid when they were released.",
        "Barbara Comstock said a member of Congress exposed himself when she delivered papers.",
        # "two weeks after": the time span is the main clause's
        "The police department fired Amber Guyger two weeks after she was arrested on charges.",
        # a subject that names no one
        "The president's order is similar to his February move when he cleared the memo.",
    ],
)
def test_a_time_clause_stays_when_its_pronoun_may_mean_someone_else(text):
    from newsdesk.analyze.claims_events import split_event_clauses
    from newsdesk.analyze.claims_piece import Piece

    piece = Piece(text, [(0, len(text))])
    assert split_event_clauses(piece, text) == [piece]


def test_two_joined_infinitives_are_no_antecedent_of_which():
    pieces = _pieces("Construction was underway to enlarge the mosque and improve crowd control, "
                     "which has been a recurring problem during the pilgrimage.")
    assert not any(p.startswith("The mosque and improve") for p in pieces), pieces
    pieces = _pieces("The ministry plans to expand the airport, which handles 20 million "
                     "passengers a year.")
    assert any(p.startswith("The airport handles") for p in pieces), pieces


def test_they_takes_the_plural_subject_the_sentence_before_opens_with():
    texts = [c.text for c in newsdesk.brief(
        "Poland and Slovenia applied to join the European Union in 1996. They have already "
        "signed an association agreement with the European Union.", published="1996-09-10").claims]
    assert "Poland and Slovenia have already signed an association agreement with the European "\
        "Union." in texts, texts
    # a count is no group to refer back to, nor is a subject with other people after it
    for text in ("At least 30 people were killed by the floods in Lahore. They said the rain "
                 "had drenched the city in 36 hours.",
                 "Police arrested three men in Lahore. They were charged with theft on Monday."):
        texts = [c.text for c in newsdesk.brief(text, published="1996-09-10").claims]
        assert any(t.startswith("They ") for t in texts), texts


def test_a_hedge_before_the_first_predicate_holds_for_every_predicate():
    pieces = _pieces("Kavanaugh then allegedly covered the woman’s mouth with his hand and "
                     "attempted to force himself on her.")
    assert "Kavanaugh allegedly attempted to force himself on her" in pieces, pieces


def test_an_irregular_past_after_and_is_a_predicate_of_its_own():
    assert _pieces("The gunman killed two guards, stole a car and fled the scene.") == [
        "The gunman killed two guards", "The gunman stole a car", "The gunman fled the scene"]
    # not a noun or present ("call and put warrants"), a reported clause, or a participle
    for text in ("The bank has issued 60 million call and put warrants on the future.",
                 "Police said the thieves forced her to open the safe and made off with the cash.",
                 ("Police are looking into the data the brothers downloaded and sent to "
                  "foreign governments.")):
        assert len(_pieces(text)) == 1, _pieces(text)


def test_a_leading_it_said_takes_the_organisation_named_just_before():
    texts = [c.text for c in newsdesk.brief(
        "Power New Zealand raised its line charges by 5 percent on Monday. It said the increase "
        "was consistent with the approach followed by other power companies.",
        published="1996-08-20").claims]
    assert any(t.startswith("Power New Zealand said the increase") for t in texts), texts
    # an organisation named only long before is not taken
    far = ("Power New Zealand raised its line charges on Monday. " + "The weather was mild and "
           "the streets of the city were quiet for most of the long summer afternoon. " * 6 +
           "It said the increase was consistent with the approach of other companies.")
    texts = [c.text for c in newsdesk.brief(far, published="1996-08-20").claims]
    assert not any(t.startswith("Power New Zealand said") for t in texts), texts


def test_a_leading_it_in_a_passive_takes_the_subject_before_unless_it_opens_a_clause():
    texts = [c.text for c in newsdesk.brief(
        "The draft bill passed the state Senate on Monday. It was lobbied by both sides.",
        published="2016-01-01").claims]
    assert "The draft bill was lobbied by both sides." in texts, texts
    texts = [c.text for c in newsdesk.brief(
        "The draft bill passed the state Senate on Monday. It was announced later that the "
        "governor would sign it.", published="2016-01-01").claims]
    assert not any(t.startswith("The draft bill was announced") for t in texts), texts


def test_a_lower_case_speaker_at_the_end_goes_with_every_predicate():
    assert _pieces("The storm killed 12 people and destroyed 300 homes, officials said.") == [
        "The storm killed 12 people, officials said",
        "The storm destroyed 300 homes, officials said"]
    # a pronoun speaker or a new clause is no such tail
    assert _pieces("The storm killed 12 people and destroyed 300 homes, he said.")[0] == (
        "The storm killed 12 people")


def test_an_opening_participle_clause_is_the_main_subject_s_own_act():
    assert set(_pieces("Before joining the Senate, Bruce Braley worked as a lawyer.")) == {
        "Bruce Braley joined the Senate", "Bruce Braley worked as a lawyer."}
    assert "The attorneys stalled Chuck Grassley and got repeated extensions" in _pieces(
        "After stalling Chuck Grassley and getting repeated extensions, the attorneys got the "
        "chairman to cave.")
    # no comma after the participle, or a preposition in -ing: left whole
    for text in ("After graduating Eugene A. Nida attended Camp Wycliffe, where theory was "
                 "taught.", "Following the attack, police closed the road to all traffic."):
        assert _pieces(text)[0].startswith(text.split()[0]), _pieces(text)
    # the main clause's pronoun is not a person named in the participle clause
    texts = [c.text for c in newsdesk.brief(
        "Pope Francis flew home on Sunday. After responding to a question about Carlo Maria "
        "Vigano's accusations, he said he would not say a single word.",
        published="2018-08-27").claims]
    assert not any(t.startswith("Carlo Maria Vigano said") for t in texts), texts


@pytest.mark.parametrize(
    "text, want",
    [
        ("Asa Hutchinson signed a revised version of the bill on Thursday, one day after refusing "
         "to sign an earlier version of the bill.",
         "Asa Hutchinson refused to sign an earlier version of the bill on 1 April 2015."),
        ("A convicted British paedophile was arrested on Thursday, two days after escaping from "
         "custody during a supervised day trip to a zoo, police said.",
         "A convicted British paedophile escaped from custody during a supervised day trip to a "
         "zoo on 31 March 2015, police said."),
    ],
)
def test_an_act_a_number_of_days_before_the_dated_one_is_dated_too(text, want):
    texts = [c.text for c in newsdesk.brief(text, published="2015-04-03").claims]
    assert want in texts, texts
