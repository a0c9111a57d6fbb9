"""Shared fixtures: paths to the seed and shared data, and briefs built once per session."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsdesk.paths import shared_data_dir

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "000_696fa4c0dd33f581.txt"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    path = shared_data_dir()
    if not path.is_dir():
        pytest.skip(f"shared data not found at {path}")
    return path


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip("seed brief not found beside the repo")
    return SEED


@pytest.fixture(scope="session")
def seed_brief(seed_path):
    import newsdesk

    return newsdesk.brief(seed_path, published=dt.date(2026, 2, 3))


@pytest.fixture(scope="session")
def sample_briefs():
    from newsdesk.api import brief_article
    from newsdesk.samples import load_sample, sample_ids

    return [brief_article(load_sample(i)) for i in sample_ids()[:4]]
