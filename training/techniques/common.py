"""Shared helpers for the technique training scripts: data, VADER lexicon, hashing of files."""

from __future__ import annotations

import hashlib
from pathlib import Path

from newsdesk.evaluate.propaganda import PtcArticle, read_folder


def load_ptc(data_dir: str | Path) -> list[PtcArticle]:
    return read_folder(Path(data_dir) / "propaganda")


def vader_lexicon() -> dict[str, float]:
    """word -> mean valence from the lexicon vaderSentiment ships (MIT licence)."""
    import vaderSentiment

    path = Path(vaderSentiment.__file__).parent / "vader_lexicon.txt"
    lex = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isalpha():
            lex[parts[0].lower()] = round(float(parts[1]), 2)
    return lex


def ner_clusters() -> dict[str, str]:
    """word -> cluster path from the shipped NER model's lexicon (copied into the TC artifact)."""
    from newsdesk.models.artifacts import load_json
    from newsdesk.models.ner_features import unpack_lexicon

    return unpack_lexicon(load_json("ner.json")["lexicon"]).clusters


def word_info():
    """The :class:`WordInfo` training uses: NER clusters + the shipped loaded-word model."""
    from newsdesk.models import loaded_words
    from newsdesk.models.technique_words import WordInfo

    return WordInfo(ner_clusters(), loaded_words.load().word_scores_many)


def sha256_files(paths) -> str:
    h = hashlib.sha256()
    for p in sorted(str(p) for p in paths):
        h.update(Path(p).name.encode())
        h.update(Path(p).read_bytes())
    return h.hexdigest()


def ptc_files(data_dir: str | Path) -> list[Path]:
    root = Path(data_dir) / "propaganda"
    return sorted(p for p in root.rglob("article*") if p.is_file())
