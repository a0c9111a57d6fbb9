"""Where newsdesk finds the shared training/evaluation data (never shipped with the package)."""

from __future__ import annotations

import os
from pathlib import Path


def shared_data_dir() -> Path:
    """``$NEWSDESK_DATA`` if set, else ``../shared/data`` beside the source checkout."""
    env = os.environ.get("NEWSDESK_DATA")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent.parent / "shared" / "data"
        if (parent / "pyproject.toml").exists() and candidate.is_dir():
            return candidate
    return Path.cwd().parent / "shared" / "data"
