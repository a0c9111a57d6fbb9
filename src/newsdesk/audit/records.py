"""The records ``newsdesk audit`` produces (its JSON output is ``AuditReport.model_dump``)."""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict, Field


class Support(str, Enum):
    supported = "supported"
    partly_supported = "partly supported"
    not_supported = "not supported"
    contradicted = "contradicted"


class Section(str, Enum):
    takeaways = "takeaways"
    facts = "facts"


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Citation(_Record):
    index: int = Field(description="Index of the body sentence (0-based, body only).")
    text: str
    start: int = Field(description="Character offset of the sentence in the audited document.")
    end: int
    overlap: float = Field(ge=0, le=1, description="Share of the item's content words it holds.")


class AuditItem(_Record):
    section: Section
    index: int = Field(description="Position in its list (0-based).")
    text: str
    start: int = Field(description="Character offset of the item text in the document.")
    end: int
    verifiable: bool = Field(description="False: interpretation, judgement, motive or forecast.")
    label: str = Field(description="'verifiable' or 'interpretation'.")
    reason: str = Field(description="Why it is (or is not) verifiable, in a few words.")
    support: Support
    support_reason: str
    citations: list[Citation] = Field(default_factory=list)


class AuditReport(_Record):
    body: str = Field(description="The body text the lists were checked against.")
    body_sentences: int
    takeaways: list[AuditItem] = Field(default_factory=list)
    facts: list[AuditItem] = Field(default_factory=list)
    notices: list[str] = Field(default_factory=list)

    @property
    def items(self) -> list[AuditItem]:
        return [*self.takeaways, *self.facts]
