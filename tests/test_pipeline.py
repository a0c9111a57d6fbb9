import pytest

from newsdesk.errors import PipelineError
from newsdesk.model import Article
from newsdesk.pipeline import Doc, Pipeline


class Provides:
    requires = ("article",)
    provides = ("sentences",)

    def __call__(self, doc: Doc) -> Doc:
        doc.sentences = []
        doc.notices.append("ran")
        return doc


class Needs:
    requires = ("sentences",)
    provides = ("claims",)

    def __call__(self, doc: Doc) -> Doc:
        if doc.article.text == "boom":
            raise PipelineError("boom")
        doc.notices.append("needs ran")
        return doc


def article(text: str) -> Article:
    return Article(id=Article.make_id(text), text=text)


def test_order_is_checked_at_construction():
    with pytest.raises(PipelineError, match="needs sentences"):
        Pipeline([Needs(), Provides()])


def test_components_run_in_order():
    doc = Pipeline([Provides(), Needs()])(article("hello"))
    assert doc.notices == ["ran", "needs ran"]


def test_run_many_captures_per_item_failures():
    failures = []
    docs = list(
        Pipeline([Provides(), Needs()]).run_many(
            [article("a"), article("boom"), article("b")], on_error=lambda a, e: failures.append(a.text)
        )
    )
    assert [d.article.text for d in docs] == ["a", "b"]
    assert failures == ["boom"]


def test_default_pipeline_is_consistent():
    from newsdesk.api import default_pipeline

    assert len(default_pipeline().components) >= 8
