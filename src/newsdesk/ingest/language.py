"""A cheap language guess: stopword ratios for six Latin-script languages, script for a few others.

Good enough to tell English from not-English (the built-in models are trained on English);
it returns None rather than guess when the evidence is thin.
"""

from __future__ import annotations

import re
from collections import Counter

# Frequent function words, chosen to overlap little between the languages.
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the and of to is in that it was for with as on be at by this have from or had not but "
        "are were which they has been their would will said what there an who when also its he she "
        "his her we you than about after more can".split()
    ),
    "es": frozenset(
        "el los las del que y en por con para una es se lo como más pero sus su al fue "
        "ha este esta entre cuando muy sin sobre también ya hasta desde porque la hay está pero "
        "fueron según".split()
    ),
    "fr": frozenset(
        "le les des du et est dans que qui une pour pas sur au avec ce il elle sont ont "
        "mais ou par plus cette été aux leur nous vous se ses la très était aussi être avait dont "
        "ces sans fait à l d qu n un".split()
    ),
    "de": frozenset(
        "der die das und ist nicht mit den dem ein eine zu von sich auf für im sie es "
        "auch wird wurde des bei nach aus noch wie aber hat oder sind ich war werden einem einer "
        "diese kann nur schon über".split()
    ),
    "it": frozenset(
        "il di che e la è per un una sono del della non con nel gli si ma anche "
        "come più alla dei delle questo sua suo ha ci molto questa era stato essere dalla nella "
        "sul tra".split()
    ),
    "pt": frozenset(
        "o os as do da dos das que e em um uma para com não no na se por mais foi "
        "ao pela pelo como mas são também ou seu sua já muito está isso ele ela foram nas "
        "pelos".split()
    ),
}

_WORD = re.compile(r"[^\W\d_]+")
_MIN_WORDS = 5
_MIN_STOPWORD_SHARE = 0.12
_MIN_LEAD = 1.3  # the winner needs this many times the runner-up's hits

# Scripts that name one language well enough (checked on letters only).
_SCRIPTS = (
    ("ja", re.compile(r"[\u3040-\u30ff]")),  # kana (checked before Han)
    ("ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
)
_SCRIPT_SHARE = 0.3


def detect_language(text: str, *, sample_chars: int = 20_000) -> str | None:
    """ISO 639-1 code of the text's language (en, es, fr, de, it, pt, a few by script) or None."""
    sample = text[:sample_chars]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return None
    for code, pattern in _SCRIPTS:
        if len(pattern.findall(sample)) / len(letters) >= _SCRIPT_SHARE:
            return code
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < _MIN_WORDS:
        return None
    hits = Counter({code: sum(1 for w in words if w in stop) for code, stop in _STOPWORDS.items()})
    ranked = hits.most_common(2)
    (best, best_hits), (_, second_hits) = ranked[0], ranked[1]
    if best_hits / len(words) < _MIN_STOPWORD_SHARE or best_hits < _MIN_LEAD * second_hits:
        return None
    return best
