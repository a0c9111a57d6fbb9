"""Verification commands: ``check`` and ``corpus add`` (registered by ``cli.py``).

Every import is inside the command so ``newsdesk --help`` stays fast.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    claimreview = "claimreview"


def _default_db() -> Path:
    from .store import default_location

    return Path(default_location())


def check(
    claim: str = typer.Argument(..., help="The claim to check, in quotes."),
    db: Path | None = typer.Option(
        None, "--db", help="SQLite file with a corpus store and/or reference corpus "
        "(default: the store's default location)."),
    fmt: CheckFormat = typer.Option(CheckFormat.text, "--format", "-f", help="Output format."),
    limit: int = typer.Option(12, min=1, max=100, help="Passages to retrieve and judge."),
) -> None:
    """Check one claim against the stored coverage and the reference corpus.

    Example: newsdesk check "The bridge cost 12 million dollars" --db corpus.db
    """
    from .verify.check import check_claim, source_for_db

    result = check_claim(claim, source_for_db(db or _default_db()), limit=limit)
    if fmt == CheckFormat.json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    if fmt == CheckFormat.claimreview:
        from .render.claimreview import claim_review

        review = claim_review(result.claim, result.verdict, evidence=result.evidence)
        sys.stdout.write(json.dumps(review, ensure_ascii=False, indent=2) + "\n")
        return
    _print_result(result)


_COLOURS = {"supported": "green", "contradicted": "red", "mixed": "yellow",
            "not enough evidence": "bright_black", "not checkable": "bright_black"}
_STANCE_COLOURS = {"supports": "green", "contradicts": "red", "unrelated": "bright_black"}


def _print_result(result) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.panel import Panel

    console = Console(highlight=False)
    colour = _COLOURS[result.verdict.value]
    console.print(Panel(escape(result.claim), title="claim", title_align="left"))
    console.print(f"Verdict: [bold {colour}]{result.verdict.value}[/]  "
                  f"({len(result.judged)} passages considered)")
    if not result.evidence:
        console.print("No passage bears on this claim.")
    for e in result.evidence:
        tone = _STANCE_COLOURS.get(e.stance, "white")
        console.print(f"\n[{tone}]{e.stance}[/] {e.score:.2f} - [bold]{escape(e.source)}[/]"
                      + (f" <{escape(e.url)}>" if e.url else ""))
        console.print(f"  “{escape(e.quote)}”")


corpus_app = typer.Typer(
    help="The reference corpus checks use besides the stored coverage.\n\n"
         "Example: newsdesk corpus add reports/ encyclopedia.jsonl --db corpus.db",
    no_args_is_help=True, rich_markup_mode=None)


@corpus_app.command("add")
def corpus_add(
    paths: list[Path] = typer.Argument(..., help="Files (.txt .md .html .jsonl .pdf) or folders."),
    db: Path | None = typer.Option(
        None, "--db", help="SQLite file to add them to (default: the store's default location)."),
) -> None:
    """Add reference documents (text, HTML, JSONL, PDF-extracted text) for `newsdesk check`.

    Example: newsdesk corpus add report.txt wiki.jsonl --db corpus.db
    """
    from .verify.corpus import ReferenceCorpus

    target = db or _default_db()
    target.parent.mkdir(parents=True, exist_ok=True)
    added = 0
    with ReferenceCorpus(target) as corpus:
        for path in paths:
            for name, n in corpus.add_path(path):
                added += n
                typer.echo(f"{name}\t{n} passages" + ("" if n else " (already there)"), err=True)
        docs, passages = corpus.count()
    typer.echo(f"added {added} passages; {target} now holds {docs} documents, {passages} passages")


def register(app: typer.Typer) -> None:
    """Add ``check`` and the ``corpus`` group to the ``newsdesk`` app."""
    app.command()(check)
    app.add_typer(corpus_app, name="corpus")
