"""JSON brief: the ``Brief`` record, valid against ``newsdesk schema``; dates in ISO form."""

from __future__ import annotations

import json

from ..model import Brief, brief_json_schema


def render_json(brief: Brief) -> str:
    return brief.model_dump_json(indent=2) + "\n"


def render_schema() -> str:
    return json.dumps(brief_json_schema(), indent=2) + "\n"
