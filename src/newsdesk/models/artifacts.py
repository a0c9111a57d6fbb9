"""Locating and loading shipped model artifacts (never pickles)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import ModelError

ARTIFACT_DIR = Path(__file__).resolve().parent / "artifacts"


def artifact_path(name: str) -> Path:
    return ARTIFACT_DIR / name


def load_json(name: str) -> Any:
    path = artifact_path(name)
    try:
        with path.open("r", encoding="utf-8") as fh:
            return json.load(fh)
    except FileNotFoundError as exc:
        raise ModelError(f"model artifact missing: {path}") from exc
    except (OSError, ValueError) as exc:
        raise ModelError(f"model artifact unreadable: {path}: {exc}") from exc


def load_npz(name: str) -> dict[str, Any]:
    import numpy as np

    path = artifact_path(name)
    try:
        with np.load(path, allow_pickle=False) as data:
            return {key: data[key] for key in data.files}
    except FileNotFoundError as exc:
        raise ModelError(f"model artifact missing: {path}") from exc
    except (OSError, ValueError) as exc:
        raise ModelError(f"model artifact unreadable: {path}: {exc}") from exc


def cached(fn):
    """Decorator for zero-argument model loaders: load once per process."""
    return lru_cache(maxsize=1)(fn)
