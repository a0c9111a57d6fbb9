"""benchmarks/claims_diff.py: the review tool behind every claims change reports what changed."""

from __future__ import annotations

import json
import runpy
from pathlib import Path

import pytest

TOOL = Path(__file__).resolve().parents[1] / "benchmarks" / "claims_diff.py"


@pytest.fixture()
def claims_diff():
    return runpy.run_path(str(TOOL))


def _dump(path: Path, claims: list[list]) -> str:
    path.write_text(json.dumps([{"claims": c, "nv": [], "times": []} for c in claims]))
    return str(path)


def test_diff_lists_removed_and_added_claims_per_article(tmp_path, capsys, claims_diff):
    before = _dump(tmp_path / "a.json", [[["A met B.", "event", False, None]],
                                         [["C won.", "event", False, None]]])
    after = _dump(tmp_path / "b.json", [[["A met B.", "event", False, None]],
                                        [["C won the race.", "event", False, None]]])
    assert claims_diff["diff"](before, after) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == ["1 - C won. | event | False | None",
                   "1 + C won the race. | event | False | None",
                   "articles changed: 1"]


def test_diff_refuses_dumps_of_different_sizes_and_unknown_fields(tmp_path, capsys, claims_diff):
    one = _dump(tmp_path / "a.json", [[]])
    two = _dump(tmp_path / "b.json", [[], []])
    assert claims_diff["diff"](one, two) == 2
    assert claims_diff["diff"](one, one, "verdicts") == 2
    assert claims_diff["main"](["diff"]) == 2  # too few arguments: the usage, not a traceback
