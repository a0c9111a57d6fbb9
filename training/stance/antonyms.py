"""Extract direct antonym pairs from WordNet 3.0 data files (Debian's ``wordnet-base``).

    apt-get install wordnet-base
    python -m training.stance.antonyms --wordnet /usr/share/wordnet \
        --out src/newsdesk/models/artifacts/stance.antonyms.json

Reads the ``!`` (antonym) pointers of ``data.adj``, ``data.adv``, ``data.verb`` and ``data.noun``
and keeps single-word lemma pairs, lowercased, plus their regular inflections for verbs/nouns
that the pair's lemma shares. The output is a small JSON list carrying the WordNet licence.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

WORDNET_LICENSE = (
    "WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Permission to use, "
    "copy, modify and distribute this software and database and its documentation for any purpose "
    "and without fee or royalty is hereby granted, provided that you agree to comply with the "
    "following copyright notice and statements, including the disclaimer, and that the same appear "
    "on ALL copies of the software, database and documentation, including modifications that you "
    "make for internal use or for distribution. THIS SOFTWARE AND DATABASE IS PROVIDED \"AS IS\" AND "
    "PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. The name of "
    "Princeton University or Princeton may not be used in advertising or publicity pertaining to "
    "distribution of the software and/or database. Title to copyright in this software, database "
    "and any associated documentation shall at all times remain with Princeton University and LICENSEE "
    "agrees to preserve same."
)


def _read(path: Path) -> dict[str, tuple[list[str], list[tuple[str, str, int, int]]]]:
    synsets = {}
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.startswith("  "):
                continue
            parts = line.split(" | ")[0].split()
            offset, _lex, _ss, w_cnt = parts[0], parts[1], parts[2], int(parts[3], 16)
            words = [parts[4 + 2 * i] for i in range(w_cnt)]
            k = 4 + 2 * w_cnt
            p_cnt = int(parts[k])
            ptrs = []
            for i in range(p_cnt):
                sym, off, _pos, st = parts[k + 1 + 4 * i: k + 5 + 4 * i]
                ptrs.append((sym, off, int(st[:2], 16), int(st[2:], 16)))
            synsets[offset] = (words, ptrs)
    return synsets


def _clean(word: str) -> str | None:
    word = word.split("(")[0].lower()
    if "_" in word or "-" in word or not word.isalpha() or len(word) < 3:
        return None
    return word


def extract(wordnet: Path) -> list[list[str]]:
    pairs: set[tuple[str, str]] = set()
    for name in ("data.adj", "data.adv", "data.verb", "data.noun"):
        synsets = _read(wordnet / name)
        for words, ptrs in synsets.values():
            for sym, off, src, dst in ptrs:
                if sym != "!" or off not in synsets or src == 0:
                    continue
                a = _clean(words[src - 1])
                target = synsets[off][0]
                b = _clean(target[dst - 1]) if dst else None
                if a and b and a != b:
                    pairs.add(tuple(sorted((a, b))))
    return [list(p) for p in sorted(pairs)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    pairs = extract(args.wordnet)
    payload = {
        "source": "WordNet 3.0 (Debian package wordnet-base), direct antonym pointers",
        "license": WORDNET_LICENSE,
        "pairs": pairs,
    }
    args.out.write_text(json.dumps(payload, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(pairs)} antonym pairs -> {args.out}")


if __name__ == "__main__":
    main()
