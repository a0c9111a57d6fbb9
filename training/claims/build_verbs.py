"""Build ``claims_verbs.json``: finite verb forms seen in GUM, for the claim clause splitter.

    /work/venv/bin/python -m training.claims.build_verbs

Reads every ``gum/dep/*.conllu`` under ``shared_data_dir()`` (annotations CC-BY 4.0) and keeps
lower-cased word forms tagged as finite verbs (PTB VBD, VBZ, VBP, MD) at least half of the times
they occur; also past participles (VBN) the same way. Writes
``src/newsdesk/models/artifacts/claims_verbs.json`` and its card.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from newsdesk.paths import shared_data_dir

OUT = Path(__file__).resolve().parents[2] / "src/newsdesk/models/artifacts"
FINITE = {"VBD", "VBZ", "VBP", "MD"}


def main() -> None:
    files = sorted((shared_data_dir() / "gum/dep").glob("*.conllu"))
    total, finite, participle = Counter(), Counter(), Counter()
    past, gerund = Counter(), Counter()
    digest = hashlib.sha256()
    for path in files:
        data = path.read_bytes()
        digest.update(data)
        for line in data.decode("utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 5 or "-" in cols[0] or "." in cols[0]:
                continue
            form, xpos, lemma = cols[1].lower(), cols[4], cols[2].lower()
            if xpos == "VBD":
                past[(lemma, form)] += 1
            elif xpos == "VBG":
                gerund[(form, lemma)] += 1
            total[form] += 1
            if xpos in FINITE:
                finite[form] += 1
            elif xpos == "VBN":
                participle[form] += 1
    keep_f = sorted(w for w, n in finite.items() if n * 2 >= total[w] and w.isalpha())
    keep_p = sorted(w for w, n in participle.items() if n * 2 >= total[w] and w.isalpha())
    past_of: dict[str, str] = {}
    for (lemma, form), _n in past.most_common():
        if lemma.isalpha() and form.isalpha():
            past_of.setdefault(lemma, form)
    lemma_of: dict[str, str] = {}
    for (form, lemma), _n in gerund.most_common():
        if lemma.isalpha() and form.isalpha():
            lemma_of.setdefault(form, lemma)
    # -ing form -> simple past, where GUM has both
    ing_past = {f: past_of[lem] for f, lem in sorted(lemma_of.items()) if lem in past_of}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "claims_verbs.json").write_text(
        json.dumps(
            {"version": "1", "finite": keep_f, "participle": keep_p, "ing_past": ing_past},
            separators=(",", ":"),
        )
        + "\n"
    )
    (OUT / "claims_verbs.card.md").write_text(f"""# claims_verbs.json

Word lists (no weights) and an -ing form -> simple past map, used by the claim clause splitter (`newsdesk.analyze.claims_split`) to
tell whether a stretch of text holds a finite verb.

- data: GUM corpus `dep/*.conllu` ({len(files)} files), PTB tags VBD/VBZ/VBP/MD (finite) and VBN
  (participle), VBG/VBD lemmas for the -ing -> past map; a form is kept when it carries the tag in at least half of its occurrences.
- licence: GUM annotations CC-BY 4.0 (Zeldes 2017, amir-zeldes/gum); word lists only, no text.
- size: {len(keep_f)} finite forms, {len(keep_p)} participles, {len(ing_past)} -ing forms.
- training command: `/work/venv/bin/python -m training.claims.build_verbs`
- version: 1
- sha256 of the concatenated input files: {digest.hexdigest()}
""")
    print(len(keep_f), len(keep_p))


if __name__ == "__main__":
    main()
