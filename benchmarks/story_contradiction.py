"""Worked example: one story, four outlets, one misreported number.

    python benchmarks/story_contradiction.py [--keep DIR]

Four short synthetic articles (written for this example) report the opening of a bridge. Three
give its cost as 48 million dollars (two of them carry the same wire copy); the Evening Ledger
says 84 million. The articles go through the real pipeline into the real corpus store
(``newsdesk.corpus.ingest``), which groups them into one story; the Ledger's brief is then
verified against the story's other articles (``newsdesk.verify.verify_brief`` over a
``StoreSource``). The Ledger's cost claim comes out *contradicted*, citing the other outlets, with
the wire copy counted once; its other facts are supported by the other coverage. Prints Markdown.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

WIRE = ("The new Millbrook River Bridge opened to traffic on Monday, linking the towns of Ashford "
        "and Kelso. The bridge cost 48 million dollars, according to the state transport "
        "department. Governor Helen Marsh cut the ribbon at a ceremony attended by about 300 "
        "people. The four-lane bridge replaces a ferry service that ran for 60 years.")

ARTICLES = [
    {"outlet": "Wire Service", "title": "Millbrook River Bridge opens", "text": WIRE,
     "url": "https://wire.example/millbrook-bridge", "published": "2026-03-02"},
    {"outlet": "Kelso Courier", "title": "Millbrook River Bridge opens",
     "text": WIRE + " Reporting by Wire Service.",
     "url": "https://courier.example/millbrook-bridge", "published": "2026-03-02"},
    {"outlet": "Ashford Gazette", "title": "Ashford celebrates new river crossing",
     "url": "https://gazette.example/bridge", "published": "2026-03-02",
     "text": ("Ashford residents crowded the riverbank on Monday as the Millbrook River Bridge "
              "opened to traffic. The state transport department said the bridge cost 48 million "
              "dollars and was finished two months ahead of schedule. Governor Helen Marsh cut the "
              "ribbon. Commuters said the crossing would save them half an hour each day.")},
    {"outlet": "Evening Ledger", "title": "Governor opens Millbrook River Bridge",
     "url": "https://ledger.example/millbrook", "published": "2026-03-02",
     "text": ("Governor Helen Marsh opened the Millbrook River Bridge on Monday. The bridge cost 84 "
              "million dollars, the state transport department said. The four-lane bridge "
              "replaces a ferry service between Ashford and Kelso. Critics called the project a "
              "waste of money.")},
]
MISREPORTING = "Evening Ledger"


def _claims_of(article):
    """The article's claims through the real pipeline; if a model artifact of the pipeline is
    unavailable, each body sentence stands in as a claim (said in the output)."""
    from newsdesk.api import brief_article
    from newsdesk.errors import NewsdeskError
    from newsdesk.model import Claim, ClaimKind
    from newsdesk.read.sentences import split_sentences

    try:
        return brief_article(article).claims, "claims from the brief pipeline"
    except NewsdeskError as exc:
        claims = [Claim(id=f"c_{i}", text=s.text, sentence=i, spans=[], kind=ClaimKind.event,
                        checkworthiness=1.0) for i, s in enumerate(split_sentences(article.text))]
        return claims, f"pipeline unavailable ({exc}); sentences used as claims"


def run(workdir: Path) -> tuple[str, bool]:
    from newsdesk.corpus import ingest
    from newsdesk.model import Verdict
    from newsdesk.store import open_store
    from newsdesk.verify.check import verify_claims
    from newsdesk.verify.store_source import StoreSource, _article

    feed = workdir / "story.jsonl"
    feed.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    store = open_store(str(workdir / "corpus.db"))
    report = ingest([str(feed)], store)
    if report.failed:
        report = ingest([str(feed)], store, analyze=False)
    rows = [store.article(i) for i, _t in store.search("Millbrook", 10)]
    ledger = next(r for r in rows if r.outlet == MISREPORTING)
    story = ledger.story_id
    members = store.story_articles(story) if story else []
    article = _article(ledger)
    claims, how = _claims_of(article)
    claims = verify_claims(claims, StoreSource(store, story_id=story), own_article=article.id)

    lines = [f"# {article.title} ({article.outlet})", "",
             f"Story `{story}`: {len(members)} articles from "
             f"{', '.join(sorted({m.outlet for m in members if m.outlet}))}; "
             f"near-duplicates (syndicated copies): {sum(1 for m in members if m.duplicate_of)}; "
             f"{how}.", "", "## Key Verifiable Facts", ""]
    contradicted = False
    for claim in claims:
        lines.append(f"- **{claim.verdict.value}**: {claim.text}")
        for e in claim.evidence:
            lines.append(f"  - {e.stance} ({e.score:.2f}), {e.source}: “{e.quote}”")
        if "84" in claim.text and claim.verdict == Verdict.contradicted:
            cited = {s.strip() for e in claim.evidence for s in e.source.split(",")}
            contradicted = bool(cited) and MISREPORTING not in cited
    store.close()
    lines += ["", f"cost claim contradicted, citing other outlets: {'yes' if contradicted else 'NO'}"]
    return "\n".join(lines) + "\n", contradicted


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--keep", type=Path, help="Keep the store and the JSONL in this folder.")
    args = ap.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        text, ok = run(args.keep)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            text, ok = run(Path(tmp))
    sys.stdout.write(text)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
