"""Helpers shared by the corpus tests: a small, fast analysis pipeline and article records."""

from __future__ import annotations

import json
from pathlib import Path

from newsdesk.model import Claim, ClaimKind, Span, Takeaway
from newsdesk.pipeline import Doc, Pipeline


class SentenceClaims:
    """Every sentence with a digit is a claim; the first sentence is the takeaway (test stub)."""

    requires = ("sentences",)
    provides = ("claims", "takeaways")

    def __call__(self, doc: Doc) -> Doc:
        for s in doc.sentences:
            if any(ch.isdigit() for ch in s.text):
                doc.claims.append(Claim(
                    id=f"c{s.index}", text=s.text, sentence=s.index,
                    spans=[Span(start=s.start, end=s.end, text=s.text)], kind=ClaimKind.event,
                    checkworthiness=0.8))
        if doc.sentences:
            doc.takeaways.append(Takeaway(text=doc.sentences[0].text, sentences=[0]))
        return doc


def fast_pipeline() -> Pipeline:
    from newsdesk.read.stages import Sentences

    return Pipeline([Sentences(), SentenceClaims()])


EVENT_A = [
    ("reuters", "Flood waters hit Rotterdam harbour", "Flood waters swept through the port of "
     "Rotterdam on Monday, forcing the Dutch authorities to evacuate 2,400 residents from the "
     "harbour district. Mayor Ahmed Aboutaleb said the Maas river rose 3 metres overnight. "
     "Rijkswaterstaat engineers closed the Maeslantkering storm barrier."),
    ("ap", "Rotterdam evacuates harbour district as Maas floods", "Dutch officials evacuated "
     "2,400 people from Rotterdam's harbour district on Monday after the Maas river rose 3 metres. "
     "Mayor Ahmed Aboutaleb called the flooding a disaster. The Maeslantkering barrier was closed "
     "by Rijkswaterstaat."),
    ("bbc", "Maeslantkering closed as Rotterdam floods", "The Maeslantkering storm barrier was "
     "shut on Monday as flood waters from the Maas reached the Rotterdam harbour. Aboutaleb, the "
     "mayor, ordered 2,400 residents out of their homes, and Rijkswaterstaat warned of more rain."),
]
EVENT_B = [
    ("reuters", "Kenyan runner Kipchoge wins Berlin marathon", "Eliud Kipchoge of Kenya won the "
     "Berlin marathon on Sunday in 2 hours 1 minute, his fifth victory on the flat course through "
     "the Tiergarten. Ethiopian Tadese Takele finished second."),
    ("ap", "Kipchoge takes fifth Berlin marathon title", "Kenya's Eliud Kipchoge claimed his fifth "
     "Berlin marathon title on Sunday, crossing the line at the Brandenburg Gate in 2 hours 1 "
     "minute ahead of Ethiopia's Tadese Takele."),
]


def records(day_a: str = "2024-05-06", day_b: str = "2024-05-05") -> list[dict]:
    out = []
    for i, (outlet, title, text) in enumerate(EVENT_A):
        out.append({"text": text, "title": title, "outlet": outlet, "published": day_a,
                    "url": f"https://{outlet}.example/a{i}"})
    for i, (outlet, title, text) in enumerate(EVENT_B):
        out.append({"text": text, "title": title, "outlet": outlet, "published": day_b,
                    "url": f"https://{outlet}.example/b{i}"})
    return out


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path
