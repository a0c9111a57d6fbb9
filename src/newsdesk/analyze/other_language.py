"""Articles not in English: told so plainly, not run through models that read only English.

Every built-in model (sentence roles, loaded words, persuasion techniques, entities, dates,
claims) is trained on English. Run on German or Japanese they produce confident nonsense:
function words listed as loaded language, sentences called checkable facts. So a brief of an
article detected as another language keeps its text and sentences, labels nothing, and says
why; ``any_language=True`` (``--any-language``) runs the English models anyway.
"""

from __future__ import annotations

from ..model import Article, SentenceAnalysis, SentenceRole
from ..pipeline import Doc

NAMES = {
    "de": "German", "es": "Spanish", "fr": "French", "it": "Italian", "pt": "Portuguese",
    "ja": "Japanese", "zh": "Chinese", "ko": "Korean", "ar": "Arabic", "el": "Greek",
    "he": "Hebrew", "th": "Thai", "ru": "Russian", "hi": "Hindi",
}
#: The start of the notice a brief of such an article carries.
NOTICE_PREFIX = "Not analysed:"
#: Below this share of Latin letters, text of no recognised language is not read as English.
_MIN_LATIN_SHARE = 0.5


def language_name(code: str | None) -> str:
    if code is None:
        return "a language newsdesk does not recognise"
    return NAMES.get(code, f"language '{code}'")


def _latin_share(text: str, sample_chars: int = 20_000) -> float:
    letters = [c for c in text[:sample_chars] if c.isalpha()]
    if not letters:
        return 1.0
    return sum(c < "\u0250" for c in letters) / len(letters)


def reads_as_english(article: Article) -> bool:
    """Whether the built-in (English) models apply: detected English, or no language detected
    in mostly Latin-script text (short English passages often carry too few function words)."""
    if article.language is not None:
        return article.language == "en"
    return _latin_share(article.text) >= _MIN_LATIN_SHARE


class NotAnalysed:
    """Stands in for every analysis stage after sentence splitting: each sentence is "other",
    nothing is extracted, and the brief says why and how to analyse it anyway."""

    requires = ("sentences",)
    provides = ("entities", "times", "loaded_words", "techniques", "analysis", "genre",
                "genre_scores", "quotes", "claims", "not_verifiable", "takeaways", "summary")

    def __call__(self, doc: Doc) -> Doc:
        name = language_name(doc.article.language)
        doc.analysis = [
            SentenceAnalysis(index=s.index, role=SentenceRole.other, checkworthiness=0.0,
                             subjectivity=0.0, bias=0.0, opinion=0.0,
                             reason=f"not analysed: the text is in {name}")
            for s in doc.sentences
        ]
        count = len(doc.sentences)
        doc.summary = (f"An article in {name} ({count} sentence{'' if count == 1 else 's'}), "
                       "not analysed: the built-in models read English.")
        doc.notices.append(
            f"{NOTICE_PREFIX} the text looks like {name}, and newsdesk's built-in models are "
            "trained on English, so no sentence is labelled fact or opinion and nothing "
            "checkable is listed. To run the English models anyway: --any-language "
            "(Python: any_language=True)."
        )
        return doc
