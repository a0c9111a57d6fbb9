"""Every command is documented: an example in its --help and a mention in the README; every
environment setting the code reads is named in the README."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsdesk.cli import _register_commands, app

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def commands():
    _register_commands()
    names = []
    for info in app.registered_commands:
        names.append(info.name or info.callback.__name__.rstrip("_").replace("_", "-"))
    for group in app.registered_groups:
        names.append(group.name)
    return sorted(set(names))


@pytest.mark.parametrize("name", commands())
def test_every_command_has_an_example_and_is_in_the_readme(name):
    result = CliRunner().invoke(app, [name, "--help"])
    assert result.exit_code == 0, result.output
    if name != "corpus":  # a group: its subcommands carry the examples
        assert "Example:" in result.output, f"`newsdesk {name} --help` has no example"
    assert re.search(rf"newsdesk {name}\b", README), f"README never shows `newsdesk {name}`"


def test_every_environment_setting_is_documented():
    source = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "src").rglob("*.py"))
    settings = set(re.findall(r"\b(NEWSDESK_[A-Z_]+)\b", source))
    assert settings, "no settings found: the pattern is wrong"
    missing = sorted(s for s in settings if s not in README)
    assert not missing, f"settings not in the README: {missing}"
