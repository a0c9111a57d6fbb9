"""The records that flow between stages: the contract for the pipeline, the JSON output,
the published JSON Schema (``newsdesk schema``) and, later, the database rows.

Every annotation is a span of character offsets into ``Article.text``; text copies on records
(``text`` fields) are for readability only and always equal ``article.text[start:end]``.
Identifiers are content hashes, so re-reading the same article yields the same ids.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"


def content_id(*parts: str, prefix: str = "", length: int = 16) -> str:
    """A stable identifier: sha256 of the parts joined by NUL, hex, truncated."""
    digest = hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:length]
    return f"{prefix}{digest}"


def claim_id(article_id: str, claim_text: str) -> str:
    """``c_<article hash><claim hash>``: stable, and names the article it comes from."""
    return "c_" + article_id.removeprefix("a_") + content_id(claim_text, length=10)


def article_of_claim(claim_id_: str) -> str | None:
    """The id of the article a claim id comes from (see :func:`claim_id`), or None."""
    if not claim_id_.startswith("c_") or len(claim_id_) != 2 + 16 + 10:
        return None
    return "a_" + claim_id_[2:18]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Span(Record):
    start: int = Field(ge=0, description="Character offset into Article.text (inclusive).")
    end: int = Field(ge=0, description="Character offset into Article.text (exclusive).")
    text: str = Field(description="article.text[start:end], for readability.")


# ---------------------------------------------------------------- article


class Article(Record):
    id: str = Field(description="sha256-based id of the text (stable across re-ingest).")
    text: str = Field(description="The article body; every offset points into this string.")
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: dt.date | None = Field(
        default=None, description="Publication date; relative dates are resolved against it."
    )
    language: str | None = Field(default=None, description="ISO 639-1 code when detected.")
    source: str = Field(default="text", description="How it came in: text, html, url, sample.")
    attribution: str | None = Field(default=None, description="Licence/attribution for samples.")

    @staticmethod
    def make_id(text: str) -> str:
        return content_id(text, prefix="a_")


# ---------------------------------------------------------------- reading


class SentenceKind(str, Enum):
    body = "body"
    heading = "heading"
    bullet = "bullet"


class Sentence(Span):
    index: int
    paragraph: int = Field(description="0-based paragraph number.")
    kind: SentenceKind = SentenceKind.body


class EntityLabel(str, Enum):
    person = "PERSON"
    organization = "ORG"
    place = "PLACE"
    other = "OTHER"


class Entity(Span):
    label: EntityLabel
    score: float = Field(ge=0, le=1, default=1.0)
    canonical: str | None = Field(
        default=None, description="Fullest name this entity goes by in the article."
    )


class TimeGranularity(str, Enum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"
    range = "range"
    time = "time"


class TimeExpression(Span):
    value: dt.date | None = Field(
        default=None, description="The resolved day (ISO), when the expression names one day."
    )
    range_start: dt.date | None = None
    range_end: dt.date | None = None
    granularity: TimeGranularity = TimeGranularity.day
    resolved: bool = Field(description="False when no anchor date was known to resolve it.")


# ---------------------------------------------------------------- analysis


class SentenceRole(str, Enum):
    fact = "fact"  # a checkable statement of fact
    opinion = "opinion"
    mixed = "mixed"  # a checkable core wrapped in evaluation
    other = "other"  # heading, question, bare quote, fragment


class SentenceAnalysis(Record):
    index: int = Field(description="Index of the sentence this describes.")
    role: SentenceRole
    checkworthiness: float = Field(
        ge=0, le=1, description="Check-worthiness score (0.5 = the model's decision threshold)."
    )
    subjectivity: float = Field(
        ge=0, le=1, description="Subjectivity score (0.5 = the model's decision threshold)."
    )
    bias: float = Field(
        ge=0, le=1, description="Biased-wording score (0.5 = the model's decision threshold)."
    )
    opinion: float = Field(ge=0, le=1, description="Combined opinion score the role rests on.")
    reason: str = Field(default="", description="Why this role, in a few words.")


class LoadedWord(Span):
    score: float = Field(ge=0, le=1)
    sentence: int


class Technique(Span):
    technique: str = Field(description="One of the 14 PTC persuasion techniques.")
    score: float = Field(ge=0, le=1)
    sentence: int | None = None


class Genre(str, Enum):
    opinion = "opinion"  # opinion or analysis
    reporting = "reporting"
    satire = "satire"


class Takeaway(Record):
    text: str
    sentences: list[int] = Field(description="Indices of the sentences it rests on.")
    sentence: int | None = Field(None, description="Index of the sentence it condenses.")
    role: SentenceRole | None = Field(
        None, description="That sentence's role: an opinion or mixed takeaway is the writer's "
        "point, not a checked fact.")


class ClaimKind(str, Enum):
    event = "event"
    quantity = "quantity"
    attribution = "attribution"
    status = "status"
    comparison = "comparison"
    causal = "causal"
    prediction = "prediction"


class Verdict(str, Enum):
    supported = "supported"
    contradicted = "contradicted"
    mixed = "mixed"
    not_enough_evidence = "not enough evidence"
    not_checkable = "not checkable"


class Evidence(Record):
    quote: str
    source: str = Field(description="Outlet or document the quote comes from.")
    url: str | None = None
    stance: str = Field(description="supports, contradicts or unrelated.")
    score: float = Field(ge=0, le=1)


class Claim(Record):
    id: str
    text: str = Field(description="The self-contained claim (names in full, dates resolved).")
    sentence: int = Field(description="Index of the sentence it comes from.")
    spans: list[Span] = Field(description="The source text the claim rests on.")
    kind: ClaimKind
    checkworthiness: float = Field(ge=0, le=1)
    ambiguous: bool = False
    ambiguity: str | None = Field(default=None, description="Why it is not fully self-contained.")
    verdict: Verdict = Verdict.not_enough_evidence
    evidence: list[Evidence] = Field(default_factory=list)


class NotVerifiable(Span):
    sentence: int
    reason: str


class Quote(Span):
    speaker: str | None = None
    sentence: int


# ---------------------------------------------------------------- the brief


class EditorialPerspectives(Record):
    genre: Genre | None = Field(
        description="None when the article was not analysed (not English; see the notices).")
    genre_scores: dict[str, float]
    opinion_share: float = Field(ge=0, le=1, description="Share of sentences that are opinion.")
    fact_share: float = Field(ge=0, le=1)
    loaded_words: list[LoadedWord] = Field(default_factory=list)
    techniques: list[Technique] = Field(default_factory=list)
    quoted: list[str] = Field(default_factory=list, description="Who is quoted.")


class Brief(Record):
    schema_version: str = SCHEMA_VERSION
    generator: str = Field(description="newsdesk version and backend that produced it.")
    article: Article
    summary: str = Field(description="One-line summary.")
    sentences: list[Sentence]
    entities: list[Entity] = Field(default_factory=list)
    times: list[TimeExpression] = Field(default_factory=list)
    analysis: list[SentenceAnalysis] = Field(default_factory=list)
    perspectives: EditorialPerspectives
    takeaways: list[Takeaway] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    not_verifiable: list[NotVerifiable] = Field(default_factory=list)
    notices: list[str] = Field(
        default_factory=list, description="Plain-language notes, e.g. 'nothing checkable here'."
    )


def brief_json_schema() -> dict:
    schema = Brief.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://newsdesk.invalid/schema/brief-v{SCHEMA_VERSION}.json"
    return schema
