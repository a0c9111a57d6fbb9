"""``newsdesk audit``: a brief's own lists labelled and checked against its body."""

from __future__ import annotations

import json
import re

import pytest

from newsdesk.audit import Support, audit, render_audit
from newsdesk.audit.parse import heading_name, parse
from newsdesk.errors import AuditFormatError


@pytest.fixture(scope="module")
def seed_text(seed_path):
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_report(seed_text):
    return audit(seed_text, published="2026-02-03")


def _fact(report, start):
    found = [f for f in report.facts if f.text.startswith(start)]
    assert found, [f.text for f in report.facts]
    return found[0]


def test_seed_lists_are_found(seed_report):
    assert len(seed_report.takeaways) == 4
    assert len(seed_report.facts) == 5
    assert "Takeaways" not in seed_report.body


def test_seed_meeting_fact_is_verifiable_and_supported(seed_report):
    fact = _fact(seed_report, "Official meeting held on February 3, 2026")
    assert fact.verifiable and fact.label == "verifiable"
    assert fact.support == Support.supported
    assert fact.citations and fact.citations[0].index == 0
    assert "February 3, 2026" in fact.citations[0].text


def test_seed_interpretations_are_flagged(seed_report):
    for start in ("Petro accepted the “MAGA” cap", "The meeting marks a pragmatic turn"):
        fact = _fact(seed_report, start)
        assert not fact.verifiable and fact.label == "interpretation", fact
        assert fact.support == Support.not_supported, fact
        assert "not supported as stated" in fact.support_reason
        assert fact.reason


def test_seed_conditional_body_does_not_support_flat_fact(seed_report):
    fact = _fact(seed_report, "Colombia is the world’s largest cocaine producer")
    assert fact.support != Support.supported


def test_seed_takeaways_are_interpretation(seed_report):
    assert all(not t.verifiable for t in seed_report.takeaways)
    assert all(t.support != Support.supported for t in seed_report.takeaways)


def test_citations_point_into_the_document(seed_text, seed_report):
    for item in seed_report.items:
        assert seed_text[item.start : item.end].strip() == item.text
        for cite in item.citations:
            assert seed_text[cite.start : cite.end] == cite.text


def _variant(seed_text: str) -> str:
    """The seed with Markdown headings, no colons, and '*' / numbered bullets."""
    out = seed_text.replace("Takeaways:", "## Takeaways").replace(
        "Key Verifiable Facts:", "**Key Verifiable Facts**"
    )
    head, facts = out.split("**Key Verifiable Facts**")
    head = head.replace("\n- ", "\n* ")
    lines = facts.strip().splitlines()
    numbered = [f"{i}. {line[2:]}" for i, line in enumerate(lines, 1)]
    return head + "**Key Verifiable Facts**\n" + "\n".join(numbered) + "\n"


def test_variant_without_colons_and_other_bullets(seed_text):
    text = _variant(seed_text)
    assert "Takeaways:" not in text and "Facts:" not in text
    report = audit(text)
    assert len(report.takeaways) == 4 and len(report.facts) == 5
    meeting = _fact(report, "Official meeting held")
    assert meeting.verifiable and meeting.support == Support.supported
    cap = _fact(report, "Petro accepted")
    assert not cap.verifiable and cap.support == Support.not_supported


def test_plain_lists_without_bullets():
    text = (
        "Gustavo Petro met Donald Trump at the White House on 3 February 2026. "
        "The two leaders discussed drug trafficking.\n\n"
        "Key Facts\n"
        "Gustavo Petro met Donald Trump at the White House on 3 February 2026.\n"
        "Gustavo Petro met Donald Trump in Bogota on 5 March 2026.\n"
    )
    report = audit(text)
    assert [f.text[:20] for f in report.facts] == ["Gustavo Petro met Do"] * 2
    assert report.facts[0].support == Support.supported
    assert report.facts[1].support in (Support.contradicted, Support.not_supported)
    assert report.notices  # no takeaways list


def test_no_lists_raises():
    with pytest.raises(AuditFormatError):
        audit("Just a body. Nothing else here at all.")
    with pytest.raises(AuditFormatError):
        audit("   ")


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Takeaways:", "takeaways"),
        ("## Key Verifiable Facts", "facts"),
        ("**Key Verifiable Facts:**", "facts"),
        ("3. Key Facts", "facts"),
        ("KEY TAKEAWAYS", "takeaways"),
        ("Editorial Perspectives", None),
        ("- Takeaways are good for you", None),
    ],
)
def test_heading_variants(line, name):
    assert heading_name(line) == name


def test_parse_ignores_other_headings():
    parsed = parse(
        "Body sentence one.\nEditorial Perspectives\nMore body.\n"
        "Takeaways:\n- one point here\n- another point\n"
    )
    assert [t.text for t in parsed.takeaways] == ["one point here", "another point"]
    assert "Editorial Perspectives" in parsed.body


def test_render_markdown_and_json(seed_report):
    md = render_audit(seed_report, "md")
    assert md.startswith("# Audit")
    assert "interpretation" in md and "NOT supported" in md
    assert re.search(r"body sentence \d+: ", md)
    data = json.loads(render_audit(seed_report, "json"))
    assert len(data["facts"]) == 5
    assert {f["support"] for f in data["facts"]} <= {s.value for s in Support}
