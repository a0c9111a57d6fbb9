"""Ingest streams of articles into a store: analyse, deduplicate, group into stories.

    ingest(sources, store, ...) -> IngestReport

Every article goes through the same pipeline as ``newsdesk brief`` (``api.default_pipeline``)
and is stored with its analysis, its near-duplicate link and its story; a transaction commits
every ``COMMIT_ARTICLES`` items or ``COMMIT_SECONDS``, whichever comes first (a commit per batch
of 32 cost as much as the inserts themselves on a large corpus). A verbatim copy of an analysed
text (same title, date and language: a wire story printed by another outlet) takes the
original's analysis instead of being analysed again (``store.reuse``). Ingest is idempotent (an
article's identity is the hash of its text *and* where it appeared, its outlet or else its url:
the same article from the same outlet twice is stored once, while a wire story printed by two
outlets is stored twice, the later copy linked to the first as a near-duplicate through the
shared text hash) and resumable: items already stored are recognised by their stable key before
any work is done, and what a crash (even kill -9) interrupts is simply not committed, so the
rerun does it again. Per-item failures are recorded with their reason (``store.failures()``);
an item that later succeeds has its failure cleared. With ``any_language``, a stored article
that an earlier run left unanalysed for its language is analysed now, in place.

Analysis runs in ``workers`` processes (0 = in this process); storing and story placement run in
this process, in input order, so the result does not depend on the number of workers.
"""

from __future__ import annotations

import datetime as dt
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .errors import NewsdeskError
from .model import Article, Brief
from .sources import Broken, Item

BATCH = 32
COMMIT_ARTICLES = 256  # commit once this many items are written ...
COMMIT_SECONDS = 2.0  # ... or this long after the last commit, whichever comes first


@dataclass
class IngestReport:
    """Counts of one ingest run."""

    items: int = 0  # items seen, including skipped and failed ones
    added: int = 0  # articles stored by this run
    skipped: int = 0  # already stored (same item key, or same text from the same place)
    duplicates: int = 0  # added, but near-duplicates of a stored article
    reused: int = 0  # added with the analysis of a copy of the same text (not analysed again)
    reanalysed: int = 0  # stored unanalysed (not English), analysed now (``any_language``)
    new_stories: int = 0
    failed: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (item, reason), first 20

    @property
    def rate(self) -> float:
        """Items handled per second."""
        return self.items / self.seconds if self.seconds > 0 else 0.0


@dataclass
class Prepared:
    """What a worker hands back for one item: the article and everything derived from it."""

    key: str
    source: str
    article: Article | None = None
    analysis: bytes | None = None
    terms: dict | None = None
    lead_terms: dict | None = None
    minhash: bytes | None = None
    content_hash: str | None = None
    error: str | None = None
    reason: str | None = None
    reused: bool = False  # the analysis is an analysed copy's (``store.reuse``)
    deferred: bool = False  # not analysed: to take its original's analysis (``InFlight``)


def encode_analysis(brief: Brief) -> bytes:
    return zlib.compress(brief.model_dump_json(exclude={"article"}).encode("utf-8"), 3)


def decode_analysis(data: bytes, article: Article) -> Brief:
    import json

    record = json.loads(zlib.decompress(data))
    record["article"] = article.model_dump(mode="json")
    return Brief.model_validate(record)


def _days(brief: Brief | None) -> list[str]:
    if brief is None:
        return []
    return sorted({t.value.isoformat() for t in brief.times if t.value is not None and t.resolved})


def _encoded_days(data: bytes) -> list[str]:
    """``_days`` of an encoded analysis, read without building the Brief."""
    import json

    times = json.loads(zlib.decompress(data)).get("times") or []
    return sorted({t["value"] for t in times if t.get("value") and t.get("resolved")})


def prepare(item: Item, *, pipeline=None, analyze: bool = True, fetcher=None,
            allow_private: bool = False, copies=None, defer: bool = False,
            any_language: bool = False) -> Prepared:
    """Load, analyse and fingerprint one item (runs in a worker process).

    ``any_language``: an article not in English is analysed by the (English) built-in models
    anyway, as ``newsdesk brief --any-language`` does (without it, its brief says why not).

    ``copies`` (a ``store.reuse.CopyAnalyses``) gives the analysis of a copy of the same text
    already analysed, so a syndicated copy is not analysed again; ``defer``: no analysis (the
    ingest process gives it, see ``store.reuse.InFlight``)."""
    from .sources import load_item
    from .store.records import place_of, stored_id
    from .stories import minhash
    from .stories.features import article_terms

    out = Prepared(item.key, item.source)
    try:
        article = load_item(item, fetcher=fetcher, allow_private=allow_private)
        out.content_hash = Article.make_id(article.text)
        identity = stored_id(out.content_hash, place_of(article.outlet, article.url))
        if article.id != identity:  # the brief's (and its claims') ids name the stored copy
            article = article.model_copy(update={"id": identity})
        days: list[str] = []
        out.deferred = analyze and defer
        if analyze and not defer:
            out.analysis = copies.find(article, out.content_hash) if copies is not None else None
            out.reused = out.analysis is not None
            if out.analysis is None:
                from .api import brief_article

                brief = brief_article(article, pipeline, any_language=any_language)
                out.analysis = encode_analysis(brief)
                days = _days(brief)
                if copies is not None:
                    copies.remember(article, out.content_hash, out.analysis)
            else:
                days = _encoded_days(out.analysis)
        lead = article.text[:400]
        out.terms = article_terms(article.text, article.title, days)
        out.lead_terms = article_terms(lead, article.title)
        out.minhash = minhash.to_bytes(minhash.signature(article.text))
        out.article = article
    except NewsdeskError as exc:
        out.error, out.reason = type(exc).__name__, str(exc) or type(exc).__name__
    except Exception as exc:  # a bug in one component must not stop a corpus; record it
        out.error, out.reason = type(exc).__name__, f"internal error: {exc}"
    return out


_WORKER: dict = {}  # per worker process: its store reader and recent analyses


def _worker_copies(reader_location: str):
    from .store.reuse import CopyAnalyses

    if "copies" not in _WORKER:
        reader = None
        if reader_location:
            from .store import open_store

            try:
                reader = open_store(reader_location, readonly=True)
            except NewsdeskError:
                reader = None  # no reuse of stored analyses: recent ones still are
        _WORKER["copies"] = CopyAnalyses(reader)
    return _WORKER["copies"]


def _prepare_batch(items: list[Item], analyze: bool, allow_private: bool,
                   reader_location: str = "", deferred: frozenset = frozenset(),
                   any_language: bool = False) -> list[Prepared]:
    copies = _worker_copies(reader_location) if analyze else None
    return [prepare(item, analyze=analyze, allow_private=allow_private, copies=copies,
                    defer=item.key in deferred, any_language=any_language) for item in items]


def _complete(results: list[Prepared], inflight, items: dict, analyse_again) -> list[Prepared]:
    """Give deferred results their original's analysis (else analyse them after all); remember
    every analysis for the copies still to come."""
    from .stories.features import article_terms

    out = []
    for result in results:
        items_item = items.pop(result.key, None)
        if result.deferred and result.article is not None:
            found = inflight.copies.find(result.article, result.content_hash)
            if found is None:
                result = analyse_again(items_item)
            else:
                article = result.article
                result.analysis, result.reused, result.deferred = found, True, False
                result.terms = article_terms(article.text, article.title, _encoded_days(found))
        if result.article is not None and result.analysis is not None:
            inflight.copies.remember(result.article, result.content_hash, result.analysis)
        out.append(result)
    return out


def _batches(items: Iterable[Item | Broken], size: int) -> Iterator[list[Item | Broken]]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _all_items(sources, fetcher, allow_private) -> Iterator[Item | Broken]:
    from .sources import iter_items

    for source in sources:
        yield from iter_items(source, fetcher=fetcher, allow_private=allow_private)


def ingest(
    sources: Iterable[str],
    store,
    *,
    pipeline=None,
    analyze: bool = True,
    workers: int = 0,
    batch_size: int = BATCH,
    fetcher=None,
    allow_private: bool = False,
    story_config=None,
    on_progress: Callable[[IngestReport], None] | None = None,
    today: dt.date | None = None,
    any_language: bool = False,
) -> IngestReport:
    """Ingest every article of ``sources`` (files, folders, feeds, WARC, URLs) into ``store``.

    ``pipeline`` (default: the ``brief`` pipeline) and ``fetcher`` are used in this process only:
    with ``workers > 0`` the workers use the defaults (both must be picklable otherwise).
    ``today`` stands in for the publication day of undated articles (default: today).
    ``any_language``: articles not in English get the built-in models' analysis anyway.
    """
    from .store.reuse import InFlight
    from .stories.cluster import StoryConfig

    config = story_config or StoryConfig()
    report = IngestReport()
    started = time.perf_counter()
    if workers > 0 and (pipeline is not None or fetcher is not None):
        raise NewsdeskError("a custom pipeline or fetcher needs workers=0")
    pool = None
    pending: deque = deque()
    copies = None
    if analyze:
        from .store.reuse import CopyAnalyses

        # a custom pipeline's analyses are reused within this run only, never the stored ones
        copies = CopyAnalyses(store if pipeline is None else None)
    commits = _Commits(store)
    inflight, held = InFlight(), {}  # deferred items by key, until their result is complete
    redo: set[str] = set()  # ids of stored, unanalysed articles to analyse now (any_language)

    def again(item: Item) -> Prepared:  # a deferred item whose original gave no analysis
        return pool.submit(_prepare_batch, [item], analyze, allow_private,
                           store.reader_location, frozenset(), any_language).result()[0]

    try:
        for batch in _batches(_all_items(sources, fetcher, allow_private), batch_size):
            broken = [b for b in batch if isinstance(b, Broken)]
            items = [i for i in batch if isinstance(i, Item)]
            known = store.known_items(list(dict.fromkeys(i.key for i in items)))
            if known and analyze and any_language:  # stored unanalysed: analyse them now
                unanalysed = store.not_analysed(sorted(known))
                redo.update(unanalysed.values())
                known -= unanalysed.keys()
            todo, seen_keys = [], set(known)
            for item in items:
                if item.key in seen_keys:
                    report.skipped += 1
                else:
                    seen_keys.add(item.key)
                    todo.append(item)
            report.items += len(batch)
            if pool is None and workers > 0 and len(batch) == batch_size:
                pool = _start_pool(workers)  # only once the stream is longer than one batch
            if pool is None:
                results = [prepare(i, pipeline=pipeline, analyze=analyze, fetcher=fetcher,
                                   allow_private=allow_private, copies=copies,
                                   any_language=any_language) for i in todo]
                _store_batch(store, broken, results, report, config, today, redo)
                commits.after(len(batch))
                _tick(report, started, on_progress)
                continue
            deferred = frozenset(i.key for i in todo if analyze and inflight.defer(i))
            held.update((i.key, i) for i in todo if i.key in deferred)
            pending.append((broken, pool.submit(_prepare_batch, todo, analyze, allow_private,
                                                store.reader_location, deferred, any_language)))
            while len(pending) > 2 * workers:
                done_broken, future = pending.popleft()
                results = _complete(future.result(), inflight, held, again)
                _store_batch(store, done_broken, results, report, config, today, redo)
                commits.after(len(results) + len(done_broken))
                _tick(report, started, on_progress)
        while pending:
            done_broken, future = pending.popleft()
            results = _complete(future.result(), inflight, held, again)
            _store_batch(store, done_broken, results, report, config, today, redo)
            commits.after(len(results) + len(done_broken))
            _tick(report, started, on_progress)
        store.commit()
    except BaseException:
        store.rollback()  # what was not committed is redone by the next run
        raise
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    report.seconds = time.perf_counter() - started
    return report


def _exit_with_parent(parent: int) -> None:
    """Worker initializer: exit when the ingest process dies (even by kill -9), leaving no orphans."""
    import os
    import threading

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, daemon=True, name="newsdesk-parent-watch").start()


def _start_pool(workers: int):
    import multiprocessing
    import os
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_exit_with_parent, initargs=(os.getpid(),))


class _Commits:
    """Commit every ``COMMIT_ARTICLES`` items or ``COMMIT_SECONDS``, whichever comes first."""

    def __init__(self, store):
        self.store, self.items, self.since = store, 0, time.monotonic()

    def after(self, items: int) -> None:
        self.items += items
        if self.items >= COMMIT_ARTICLES or time.monotonic() - self.since >= COMMIT_SECONDS:
            self.store.commit()
            self.items, self.since = 0, time.monotonic()


def _tick(report: IngestReport, started: float, on_progress) -> None:
    report.seconds = time.perf_counter() - started
    if on_progress is not None:
        on_progress(report)


def _fail(store, report: IngestReport, item: str, source: str, error: str, reason: str) -> None:
    store.record_failure(item, source, error, reason)
    report.failed += 1
    if len(report.failures) < 20:
        report.failures.append((item, reason))


def _store_batch(store, broken: list[Broken], results: list[Prepared], report: IngestReport,
                 config, today, redo: set[str] | None = None) -> None:
    from .stories import minhash
    from .stories.cluster import place
    from .store.base import now
    from .store.records import ArticleRow, place_of

    for b in broken:
        _fail(store, report, b.key, b.source, b.error, b.reason)
    done: list[str] = []
    stored = [r for r in results if r.article is not None]
    known_ids = store.known_ids([r.article.id for r in stored])
    known = store.known_copies(list(dict.fromkeys(r.content_hash for r in stored)))
    for result in results:
        if result.article is None:
            _fail(store, report, result.key, result.source, result.error or "Error",
                  result.reason or "unknown")
            continue
        done += [result.key, result.source]  # the source itself may have failed before
        article = result.article
        copy = (result.content_hash, place_of(article.outlet, article.url))
        if redo and article.id in redo and result.analysis is not None:
            store.replace_analysis(article.id, result.analysis, result.terms or {})
            redo.discard(article.id)
            report.reanalysed += 1
            continue
        if article.id in known_ids or copy in known:
            report.skipped += 1
            continue
        known_ids.add(article.id)
        known.add(copy)
        row = ArticleRow(
            id=article.id, text=article.text, source=article.source, ingested_at=now(),
            terms=result.terms or {}, lead_terms=result.lead_terms or {}, item=result.key,
            url=article.url, title=article.title, outlet=article.outlet,
            published=article.published, language=article.language,
            analysis=result.analysis, minhash=result.minhash,
            content_hash=result.content_hash,
        )
        signature = minhash.from_bytes(result.minhash)
        placement, term_keys, band_keys = place(store, row, signature, config, today)
        index_day = row.day if row.day is not None else (today or dt.date.today()).toordinal()
        store.add_article(row, term_keys, band_keys, index_day=index_day)
        report.added += 1
        report.reused += result.reused
        report.duplicates += placement.duplicate_of is not None
        report.new_stories += placement.new_story
    store.clear_failures(list(dict.fromkeys(done)))
