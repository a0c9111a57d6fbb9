"""Corpus commands: ``ingest``, ``failures``, ``stories``, ``story`` (registered by ``cli.py``).

Thin wrappers over :mod:`newsdesk.corpus`, :mod:`newsdesk.store` and :mod:`newsdesk.stories`;
every import is inside the command so ``newsdesk --help`` stays fast.
"""

from __future__ import annotations

import sys
from enum import Enum
from typing import List, Optional

import typer

_DB_HELP = ("SQLite file or postgresql://user:pass@host/db URL "
            "(default: $NEWSDESK_DB, else $NEWSDESK_HOME/corpus.db, else the user data dir).")


class ListFormat(str, Enum):
    table = "table"
    json = "json"


def _open(db: Optional[str]):
    from .store import open_store

    return open_store(db)


def ingest(
    sources: List[str] = typer.Argument(..., help="Files, folders, JSONL, RSS/Atom feeds (files or "
                                        "URLs), WARC files or page URLs."),
    db: Optional[str] = typer.Option(None, "--db", help=_DB_HELP),
    workers: Optional[int] = typer.Option(
        None, "--workers", "-j", help="Analysis processes (default: CPU count; 0 = in-process)."),
    no_analysis: bool = typer.Option(
        False, "--no-analysis", help="Store and group articles without the brief analysis."),
    allow_private: bool = typer.Option(
        False, "--allow-private", help="Allow URLs on loopback/private addresses."),
    any_language: bool = typer.Option(
        False, "--any-language",
        help="Run the English models on articles detected as another language too (also "
             "on those of SOURCE stored unanalysed by an earlier run)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Analyse and store articles, linking near-duplicates and grouping stories.

    Safe to rerun or resume after an interruption: what is stored is skipped, nothing is doubled.

    Example: newsdesk ingest coverage.jsonl feeds/world.xml crawl.warc.gz --db corpus.db
    """
    import os

    from .corpus import ingest as run_ingest

    if workers is None:
        workers = min(os.cpu_count() or 1, 8)
    with _open(db) as store:
        show = not quiet and sys.stderr.isatty()
        if show:
            from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            columns = (SpinnerColumn(), TextColumn("ingest"), BarColumn(bar_width=None),
                       TextColumn("{task.completed} items {task.fields[rate]:.1f}/s  "
                                  "{task.fields[added]} added  {task.fields[skipped]} skipped  "
                                  "{task.fields[failed]} failed"), TimeElapsedColumn())
            with Progress(*columns, transient=False) as progress:
                task = progress.add_task("ingest", total=None, rate=0.0, added=0, skipped=0,
                                         failed=0)

                def update(r):
                    progress.update(task, completed=r.items, rate=r.rate, added=r.added,
                                    skipped=r.skipped, failed=r.failed)

                report = run_ingest(sources, store, analyze=not no_analysis, workers=workers,
                                    allow_private=allow_private, on_progress=update,
                                    any_language=any_language)
        else:
            report = run_ingest(sources, store, analyze=not no_analysis, workers=workers,
                                allow_private=allow_private, any_language=any_language)
        reused = (f", {report.reused} copies with their original's analysis"
                  if report.reused else "")
        reanalysed = (f", {report.reanalysed} stored unanalysed and analysed now"
                      if report.reanalysed else "")
        typer.echo(
            f"{report.items} items in {report.seconds:.1f}s ({report.rate:.1f}/s): "
            f"{report.added} added ({report.duplicates} near-duplicates, {report.new_stories} new "
            f"stories{reused}), {report.skipped} already stored{reanalysed}, "
            f"{report.failed} failed"
            + (" (see `newsdesk failures`)" if report.failed else ""),
            err=True,
        )


def failures(
    db: Optional[str] = typer.Option(None, "--db", help=_DB_HELP),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table or json."),
) -> None:
    """List the items that could not be ingested, with the reason.

    Example: newsdesk failures --db corpus.db --format json
    """
    import json

    with _open(db) as store:
        rows = store.failures()
    if fmt == ListFormat.json:
        typer.echo(json.dumps([r.__dict__ for r in rows], indent=2))
        return
    if not rows:
        typer.echo("no failures")
    for r in rows:
        typer.echo(f"{r.item}\t{r.error}\t{r.reason}\t(attempts: {r.attempts}, last {r.at})")


def stories(
    db: Optional[str] = typer.Option(None, "--db", help=_DB_HELP),
    since: Optional[str] = typer.Option(None, "--since", help="Only stories active on or after "
                                        "this date (YYYY-MM-DD)."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Only stories with an article "
                                         "from this outlet."),
    min_articles: int = typer.Option(1, "--min-articles", help="Only stories this large."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table or json."),
) -> None:
    """List stories (articles about one event across outlets), newest first.

    JSON lists each story with its articles' url, outlet and title.

    Example: newsdesk stories --since 2026-01-01 --outlet reuters --format json --db corpus.db
    """
    import json

    from .api import parse_date
    from .stories.listing import story_records

    with _open(db) as store:
        records = story_records(store, since=parse_date(since), outlet=outlet,
                                min_size=min_articles)
    if fmt == ListFormat.json:
        sys.stdout.write(json.dumps(records, indent=1, ensure_ascii=False) + "\n")
        return
    if not records:
        typer.echo("no stories")
    for s in records:
        span = s["start"] if s["start"] == s["end"] else f"{s['start']}..{s['end']}"
        typer.echo(f"{s['id']}  {span:22}  {s['size']:3} art. {len(s['outlets']):2} outlets  "
                   f"{(s['title'] or '')[:70]}")


def story(
    story_id: str = typer.Argument(..., help="A story id from `newsdesk stories`."),
    db: Optional[str] = typer.Option(None, "--db", help=_DB_HELP),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table or json."),
) -> None:
    """Show one story: its span, outlets, key entities and articles.

    Example: newsdesk story s_3f2a9c01d4e5 --db corpus.db
    """
    import json

    from .stories.listing import story_record

    with _open(db) as store:
        record = story_record(store, story_id)
    if fmt == ListFormat.json:
        sys.stdout.write(json.dumps(record, indent=1, ensure_ascii=False) + "\n")
        return
    typer.echo(f"{record['id']}: {record['title'] or '(untitled)'}")
    typer.echo(f"  {record['start']} .. {record['end']}, {record['size']} articles "
               f"({record['independent']} independent), outlets: {', '.join(record['outlets'])}")
    if record["entities"]:
        typer.echo(f"  key entities: {', '.join(record['entities'])}")
    for a in record["articles"]:
        dup = f"  [copy of {a['duplicate_of']}]" if a["duplicate_of"] else ""
        typer.echo(f"  - {a['published'] or '?':10}  {a['outlet'] or '?':12}  {a['title'] or ''}"
                   f"  {a['url'] or ''}{dup}")


def register(app: typer.Typer) -> None:
    """Add the corpus commands to the ``newsdesk`` app."""
    app.command()(ingest)
    app.command()(failures)
    app.command()(stories)
    app.command()(story)
