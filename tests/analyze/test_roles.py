from newsdesk.analyze.cues import cues
from newsdesk.analyze.roles import calibrated, decide
from newsdesk.model import SentenceKind, SentenceRole


def test_calibration_puts_each_threshold_at_one_half():
    assert calibrated(0.32, 0.32) == 0.5
    assert calibrated(0.0, 0.32) == 0.0 and calibrated(1.0, 0.32) == 1.0
    assert calibrated(0.2, 0.55) < calibrated(0.5, 0.55) < 0.5 < calibrated(0.6, 0.55)


def role(text, checkworthiness=0.7, opinion=0.2, anchored=True):
    return decide(text, SentenceKind.body, checkworthiness, opinion, anchored, cues(text))[0]


def test_headings_questions_and_fragments_are_other():
    assert decide("Key facts", SentenceKind.heading, 0.9, 0.1, True, cues("Key facts"))[0] == SentenceRole.other
    assert role("Will the council approve the budget on Monday?") == SentenceRole.other
    assert role("Big day.") == SentenceRole.other


def test_evaluation_with_a_checkable_core_is_mixed_without_one_opinion():
    text = "The meeting between Donald Trump and Gustavo Petro on Tuesday was cynical theatre."
    assert role(text, checkworthiness=0.8, opinion=0.9) == SentenceRole.mixed
    assert role(text, checkworthiness=0.2, opinion=0.9) == SentenceRole.opinion
    assert role(text, checkworthiness=0.8, opinion=0.9, anchored=False) == SentenceRole.opinion


def test_predictions_and_speculation_are_not_facts():
    assert role("The plant will close in March, cutting 400 jobs.") == SentenceRole.opinion
    assert role("The softening of the tone could indicate a strategic realignment.") == SentenceRole.opinion


def test_attributed_quotation_is_a_fact_about_what_was_said():
    text = '“This is the worst deal in history and a disgrace,” Senator Jane Roe said on Monday.'
    assert role(text, opinion=0.95) == SentenceRole.fact


def test_plain_report_is_fact():
    assert role("The council approved a budget of 12 million dollars on Monday.") == SentenceRole.fact
