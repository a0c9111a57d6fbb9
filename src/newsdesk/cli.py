"""The ``newsdesk`` command: thin commands over the library.

Every command's help carries an example. Errors from the library become one line on stderr and
the exit code documented in ``newsdesk --help`` (see ``newsdesk.errors.EXIT_CODES``).
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from .errors import EXIT_CODES, InputError, NewsdeskError

_EXIT_HELP = "Exit codes: " + "; ".join(f"{code} {text}" for code, text in EXIT_CODES.items()) + "."

app = typer.Typer(
    name="newsdesk",
    help="Turn news coverage into briefs that keep facts and opinions apart.\n\n" + _EXIT_HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Format(str, Enum):
    md = "md"
    json = "json"
    html = "html"
    claimreview = "claimreview"


def _emit(text: str, output: Optional[Path], fmt: str, brief=None) -> None:
    if output is not None:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot write {output}: {exc.strerror or exc}") from exc
        typer.echo(f"wrote {output}", err=True)
        return
    if fmt == "md" and brief is not None and sys.stdout.isatty():
        from .render.terminal import print_brief

        print_brief(brief, text)
        return
    sys.stdout.write(text)


def _read_stdin() -> bytes:
    return sys.stdin.buffer.read()


@app.command()
def brief(
    source: Optional[str] = typer.Argument(
        None, help="A file (.txt, .md, .html), a URL, or - for stdin."
    ),
    fmt: Format = typer.Option(Format.md, "--format", "-f", help="Output format."),
    published: Optional[str] = typer.Option(
        None, help="Publication date YYYY-MM-DD (resolves 'this Tuesday', 'last week')."
    ),
    outlet: Optional[str] = typer.Option(None, help="Outlet name to record."),
    title: Optional[str] = typer.Option(None, help="Title, if the source has none."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to FILE."),
    allow_private: bool = typer.Option(
        False, "--allow-private", help="Allow URLs on loopback/private addresses."
    ),
    timeout: float = typer.Option(15.0, help="Seconds to wait when connecting to or reading a URL."),
    story: Optional[str] = typer.Option(
        None, "--story", help="Brief a stored story (see `newsdesk stories`) instead of SOURCE."
    ),
    db: Optional[str] = typer.Option(
        None, help="Store (or reference corpus) to check each claim against; with --story, the "
        "store holding the story."
    ),
    any_language: bool = typer.Option(
        False, "--any-language", help="Run the built-in (English) models on text detected as "
        "another language too (by default such a brief says it was not analysed)."
    ),
) -> None:
    """Brief one article, or with --story a story across outlets. With --db, each Key
    Verifiable Fact gets a verdict and quoted evidence from the stored coverage.

    Example: newsdesk brief article.html --published 2026-02-03 --format html -o brief.html
    """
    from .api import brief as make_brief
    from .render import render

    if story is not None:
        _story_brief(story, db, fmt.value, output)
        return
    if source is None:
        raise InputError("give a SOURCE (file, URL or -) or --story ID")

    data = _read_stdin() if source == "-" else source
    result = make_brief(
        data, published=published, outlet=outlet, title=title, allow_private=allow_private,
        timeout=timeout, evidence_db=db, any_language=any_language,
    )
    _emit(render(result, fmt.value), output, fmt.value, result)


def _story_brief(story_id: str, db: Optional[str], fmt: str, output: Optional[Path]) -> None:
    from .store import open_store
    from .stories.brief import render_story_markdown, story_brief

    if fmt not in ("md", "json"):
        raise InputError("a story brief is written as md or json")
    with open_store(db) as store:
        result = story_brief(store, story_id)
    text = render_story_markdown(result) if fmt == "md" else result.model_dump_json(indent=2) + "\n"
    _emit(text, output, fmt)


@app.command()
def demo(
    sample: Optional[str] = typer.Option(None, help="Sample id (see `newsdesk samples`)."),
    fmt: Format = typer.Option(Format.md, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to FILE."),
) -> None:
    """Brief a bundled sample article (Wikinews, CC-BY 2.5).

    Example: newsdesk demo --sample GUM_news_korea --format html -o korea.html
    """
    from .api import brief_article
    from .render import render
    from .samples import load_sample, sample_ids

    article = load_sample(sample or sample_ids()[0])
    result = brief_article(article)
    _emit(render(result, fmt.value), output, fmt.value, result)


class AuditFormat(str, Enum):
    md = "md"
    json = "json"


@app.command()
def audit(
    source: str = typer.Argument(..., help="A brief-like document (Markdown or text), or -."),
    fmt: AuditFormat = typer.Option(AuditFormat.md, "--format", "-f", help="Output format."),
    published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to FILE."),
) -> None:
    """Check a document's own Takeaways and Key Verifiable Facts against its body: which are
    interpretation, which the body supports, contradicts or does not support.

    Example: newsdesk audit ../shared/seed/000_696fa4c0dd33f581.txt --format json
    """
    from .audit import audit as run_audit
    from .audit import render_audit
    from .ingest.decode import decode_bytes

    if source == "-":
        data = _read_stdin()
    else:
        path = Path(source)
        if not path.is_file():
            raise InputError(f"no such file: {source}")
        if path.stat().st_size > 10_000_000:
            raise InputError(f"{source} is larger than 10 MB")
        data = path.read_bytes()
    report = run_audit(decode_bytes(data), published=published)
    _emit(render_audit(report, fmt.value), output, fmt.value)


@app.command()
def samples() -> None:
    """List the bundled sample articles.

    Example: newsdesk samples
    """
    from .samples import sample_record, sample_ids

    for sample_id in sample_ids():
        record = sample_record(sample_id)
        typer.echo(f"{sample_id}\t{record.get('published') or '':10}\t{record['title']}")


@app.command()
def schema() -> None:
    """Print the JSON Schema that `newsdesk brief --format json` output validates against.

    Example: newsdesk schema > brief.schema.json
    """
    from .render.json import render_schema

    sys.stdout.write(render_schema())


@app.command(name="eval")
def eval_(
    task: str = typer.Argument(..., help="checkworthy, subjectivity, bias, ner, propaganda, genre, claims"),
    data: Path = typer.Option(..., "--data", help="A file or folder in the task's format."),
) -> None:
    """Score a built-in model on labelled data; prints one JSON object.

    Example: newsdesk eval checkworthy --data ../shared/data/checkworthy/dev.tsv
    """
    import json

    from .evaluate import evaluate

    typer.echo(json.dumps(evaluate(task, data)))


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    db: Optional[str] = typer.Option(None, help="Store path or postgresql:// URL (NEWSDESK_DB)."),
) -> None:
    """Run the web app and REST API (needs `pip install newsdesk[web]`).

    Example: NEWSDESK_API_TOKEN=secret newsdesk serve --port 8000
    """
    import os

    try:
        import uvicorn
    except ImportError as exc:
        raise InputError("the web app needs its extras: pip install 'newsdesk[web]'") from exc
    if db:
        os.environ["NEWSDESK_DB"] = db
    uvicorn.run("newsdesk.serve:create_app", factory=True, host=host, port=port)


@app.command()
def version() -> None:
    """Print the version.

    Example: newsdesk version
    """
    from . import __version__

    typer.echo(__version__)


#: Modules that add their own commands with ``register(app)`` (imports stay lazy inside them).
_COMMAND_MODULES = ("newsdesk.cli_corpus", "newsdesk.cli_verify")


_registered: set[str] = set()


def _register_commands() -> None:
    """Add the command modules' commands once per process (safe to call again)."""
    import importlib

    for name in _COMMAND_MODULES:
        if name in _registered:
            continue
        _registered.add(name)
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(app)


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the app, turning library errors into one-line messages."""
    _register_commands()
    try:
        app(args=argv, prog_name="newsdesk")  # standalone: usage errors exit 2 with a message
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except NewsdeskError as exc:
        typer.echo(f"newsdesk: error: {exc}", err=True)
        return exc.exit_code
    except KeyboardInterrupt:
        typer.echo("newsdesk: interrupted", err=True)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: say so in one line unless debugging
        import os

        if os.environ.get("NEWSDESK_DEBUG"):
            raise
        typer.echo(f"newsdesk: internal error: {type(exc).__name__}: {exc} "
                   "(set NEWSDESK_DEBUG=1 for the traceback, and please report it)", err=True)
        return 1
    return 0


def entry() -> None:
    import os

    # The models multiply small matrices: BLAS threads only cost start-up time (about 0.1 s of
    # CPU when numpy loads). A user's own setting wins.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    sys.exit(main())


if __name__ == "__main__":
    entry()
