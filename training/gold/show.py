"""Print an article's sentence units with their indices, as the gold files count them.

    /work/venv/bin/python training/gold/show.py gum gum/dep/GUM_news_afghan.conllu [N]

For writing gold files by hand: the indices printed are the ``sentence`` values to use.
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsdesk.evaluate.claims_gold import cut, rebuild
from newsdesk.paths import shared_data_dir


def main(argv: list[str]) -> None:
    dataset, rel = argv[0], argv[1]
    first = int(argv[2]) if len(argv) > 2 else None
    text, units, title, date = rebuild(
        {"dataset": dataset, "path": rel}, shared_data_dir(), Path(rel)
    )
    text, units = cut(text, units, first)
    print(f"title: {title}\ndate: {date}\nunits: {len(units)}")
    for i, (s, e) in enumerate(units):
        print(f"[{i}] {text[s:e]}")


if __name__ == "__main__":
    main(sys.argv[1:])
