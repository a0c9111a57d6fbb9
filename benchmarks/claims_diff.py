"""Claims of the 1,644 real articles of ``realtexts`` (BASIL and the unrelated set), dumped
and compared, to read what a change to the extractor does outside the gold set.

    python benchmarks/claims_diff.py dump /tmp/before.json     # on the old code
    python benchmarks/claims_diff.py dump /tmp/after.json      # on the new code
    python benchmarks/claims_diff.py diff /tmp/before.json /tmp/after.json [claims|nv|times]

``dump`` writes, per article, its claims (text, kind, ambiguous, ambiguity), its not-verifiable
statements (text, reason) and its time expressions (text, value); ``diff`` prints, per changed
article, the lines only in the first ("i - ...") and only in the second ("i + ..."), and how
many articles changed. A dump takes about two minutes on one core.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

FIELDS = ("claims", "nv", "times")


def dump(out: str) -> int:
    from realtexts import basil_records, unrelated_records

    from newsdesk.api import brief_article, default_pipeline, parse_date
    from newsdesk.model import Article

    pipeline = default_pipeline()
    rows = []
    for record in basil_records() + unrelated_records():
        article = Article(id=Article.make_id(record["text"]), text=record["text"],
                          title=record.get("title"), published=parse_date(record.get("published")),
                          source="benchmark")
        brief = brief_article(article, pipeline)
        text = brief.article.text
        rows.append({
            "claims": [[c.text, c.kind.value, c.ambiguous, c.ambiguity] for c in brief.claims],
            "nv": [[text[n.start:n.end], n.reason] for n in brief.not_verifiable],
            "times": [[text[t.start:t.end], str(t.value)] for t in brief.times],
        })
    Path(out).write_text(json.dumps(rows), encoding="utf-8")
    print(f"{len(rows)} articles -> {out}")
    return 0


def diff(before: str, after: str, field: str = "claims") -> int:
    if field not in FIELDS:
        print(f"field must be one of {', '.join(FIELDS)}", file=sys.stderr)
        return 2
    old = json.loads(Path(before).read_text(encoding="utf-8"))
    new = json.loads(Path(after).read_text(encoding="utf-8"))
    if len(old) != len(new):
        print(f"the dumps hold {len(old)} and {len(new)} articles", file=sys.stderr)
        return 2
    changed = 0
    for i, (a, b) in enumerate(zip(old, new)):
        rows_a = [tuple(map(str, row)) for row in a[field]]
        rows_b = [tuple(map(str, row)) for row in b[field]]
        if rows_a == rows_b:
            continue
        changed += 1
        for row in rows_a:
            if row not in rows_b:
                print(i, "-", " | ".join(row))
        for row in rows_b:
            if row not in rows_a:
                print(i, "+", " | ".join(row))
    print("articles changed:", changed)
    return 0


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "dump":
        return dump(argv[1])
    if len(argv) >= 3 and argv[0] == "diff":
        return diff(*argv[1:4])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
