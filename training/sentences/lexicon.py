"""Build ``loaded_words.lexicon.json``: the word lists the sentence features use at inference.

Sources (all read at training time only):
- VADER's ``vader_lexicon.txt`` shipped inside the vaderSentiment package (MIT): valence -4..4;
- wordfreq (Apache-2.0 code; CC-BY-SA 4.0 data): Zipf frequency x10 of the top English words;
- BABE's ``bias/bias_word_lexicon.xlsx`` (AGPL-3.0 repository): words marked as bias-inducing.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

TOP_WORDS = 40000


def vader_valence() -> dict[str, float]:
    import vaderSentiment

    path = Path(vaderSentiment.__file__).with_name("vader_lexicon.txt")
    out: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and re.fullmatch(r"[a-z][a-z'-]*", parts[0]):
            out[parts[0]] = round(float(parts[1]), 2)
    return out


def zipf_table(n: int = TOP_WORDS) -> dict[str, int]:
    import wordfreq

    out: dict[str, int] = {}
    for word in wordfreq.top_n_list("en", n):
        if re.fullmatch(r"[a-z][a-z'’-]*", word):
            out[word.replace("’", "'")] = int(round(wordfreq.zipf_frequency(word, "en") * 10))
    return out


def xlsx_words(path: Path) -> list[str]:
    """The strings of a one-column .xlsx (read with zipfile + XML, no openpyxl)."""
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    with zipfile.ZipFile(path) as zf:
        root = ElementTree.fromstring(zf.read("xl/sharedStrings.xml"))
    words = []
    for si in root.iter(f"{ns}si"):
        text = "".join(t.text or "" for t in si.iter(f"{ns}t")).strip().lower()
        if re.fullmatch(r"[a-z][a-z'-]*", text):
            words.append(text)
    return sorted(set(words))


def build(data_dir: Path) -> dict:
    return {
        "about": "VADER valence (vaderSentiment, MIT); wordfreq Zipf x10 (top "
                 f"{TOP_WORDS} English words; wordfreq data CC-BY-SA 4.0); bias words from "
                 "BABE bias_word_lexicon.xlsx (AGPL-3.0 repository)",
        "valence": vader_valence(),
        "zipf10": zipf_table(),
        "biased": xlsx_words(data_dir / "bias" / "bias_word_lexicon.xlsx"),
    }
