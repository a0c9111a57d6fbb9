"""Readers for the training data in ../shared/data (never copied into the repo)."""

from __future__ import annotations

import ast
import csv
import json
import sys
from dataclasses import dataclass
from pathlib import Path

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))

OPINION_SUBJ = {"Expresses writer’s opinion", "Expresses writer's opinion"}
OPINION_MIXED = {"Somewhat factual but also opinionated"}
OPINION_OBJ = {"Entirely factual"}


@dataclass
class BabeRow:
    text: str
    bias: str  # Biased / Non-biased / No agreement
    opinion: str
    biased_words: list[str]
    outlet: str


def read_babe(path: Path) -> list[BabeRow]:
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh, delimiter=";"):
            try:
                words = ast.literal_eval(r.get("biased_words") or "[]")
            except (ValueError, SyntaxError):
                words = []
            rows.append(BabeRow(r["text"].strip(), r["label_bias"].strip(),
                                (r.get("label_opinion") or "").strip(),
                                [str(w) for w in words], r.get("outlet", "")))
    return rows


@dataclass
class BasilSentence:
    event: str
    text: str
    lex_spans: list[tuple[int, int]]  # character offsets into text


def read_basil(root: Path) -> list[BasilSentence]:
    """Every body sentence of every BASIL article with its lexical-bias spans.

    Annotation offsets are relative to the sentence (not the paragraph or article) and carry no
    sentence index, so a span goes to the sentence(s) whose text[start:end] equals its ``txt``.
    """
    out: list[BasilSentence] = []
    for ann_path in sorted((root / "annotations").glob("*/*_ann.json")):
        art_path = root / "articles" / ann_path.parent.name / ann_path.name.replace("_ann", "")
        if not art_path.exists():
            continue
        ann = json.loads(ann_path.read_text(encoding="utf-8"))
        art = json.loads(art_path.read_text(encoding="utf-8"))
        event = art.get("triplet-uuid") or ann.get("triplet-uuid") or ann_path.stem
        sents = [s for para in art.get("body-paragraphs", []) for s in para if s.strip()]
        spans: list[list[tuple[int, int]]] = [[] for _ in sents]
        for p in ann.get("phrase-level-annotations", []):
            if p.get("bias") != "lex":
                continue
            s, e, txt = int(p["start"]), int(p["end"]), p.get("txt", "")
            for i, sent in enumerate(sents):
                if sent[s:e] == txt:
                    spans[i].append((s, e))
        out.extend(BasilSentence(event, sent, sp) for sent, sp in zip(sents, spans))
    return out
