from newsdesk.analyze.cues import cues


def test_month_may_is_not_a_hedge_but_the_modal_is():
    assert not cues("The law took effect in May 2019.").hedge
    assert not cues("In May, officials met.").hedge
    assert cues("Trump may visit Bogotá next month.").hedge


def test_first_person_but_not_party_labels():
    assert cues("We must act now.").first_person
    assert cues("I think the plan fails.").first_person
    assert not cues("Senator Bernie Sanders (I-Vt.) voted against it.").first_person


def test_counterfactual_would_have_is_not_a_prediction():
    assert not cues("He would have won the seat.").prediction
    assert cues("The plant will close in March.").prediction


def test_quoted_speech_is_not_the_writers_own():
    c = cues('“We will win,” the senator said.')
    assert c.attribution and not c.first_person and c.quoted_share > 0.3
