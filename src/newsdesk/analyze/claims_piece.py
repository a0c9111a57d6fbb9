"""A candidate claim cut from a sentence: its text and the source spans it rests on."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Piece:
    """A candidate claim: its text (may be rebuilt) and the source spans (sentence offsets)."""

    text: str
    spans: list[tuple[int, int]]
    form: str = "clause"  # clause, aside, appositive, relative
    subject: str | None = field(default=None)
    #: days from the date its sentence gives to the day this piece's event happened ("one
    #: day after refusing to sign": -1), when the piece says so; None otherwise
    shift_days: int | None = field(default=None)
