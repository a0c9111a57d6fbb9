"""Build the bundled sample articles from the GUM Wikinews news documents (CC-BY 2.5).

    python -m training.build_samples [--data ../shared/data]

Writes src/newsdesk/samples/wikinews.jsonl: one article per line with its text rebuilt from the
``# text =`` lines (paragraphs from ``# newpar``), title, creation date, source URL, the human
summary and the attribution the licence requires.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from newsdesk.paths import shared_data_dir

OUT = Path(__file__).resolve().parents[1] / "src" / "newsdesk" / "samples" / "wikinews.jsonl"
ATTRIBUTION = (
    "Text from Wikinews ({url}), via the GUM corpus (Zeldes 2017, github.com/amir-zeldes/gum), "
    "licensed CC-BY 2.5 (creativecommons.org/licenses/by/2.5/)."
)


def read_gum_news(path: Path) -> dict:
    meta: dict[str, str] = {}
    paragraphs: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# meta::"):
            key, _, value = line[len("# meta::") :].partition(" = ")
            meta[key.strip()] = value.strip()
        elif line.startswith("# newpar") and not line.startswith("# newpar_"):
            paragraphs.append([])
        elif line.startswith("# text = "):
            if not paragraphs:
                paragraphs.append([])
            paragraphs[-1].append(line[len("# text = ") :])
    paragraphs = [p for p in paragraphs if p]
    title = meta.get("title", "")
    # The first paragraph is the headline itself: keep it as the title, not in the body.
    if paragraphs and " ".join(paragraphs[0]).strip() == title.strip():
        paragraphs = paragraphs[1:]
    text = "\n\n".join(" ".join(p) for p in paragraphs)
    summary = meta.get("summary1", "")
    if summary.startswith("("):
        summary = summary.split(")", 1)[1].strip()
    return {
        "id": path.stem,
        "title": title,
        "text": text,
        "published": meta.get("dateCreated"),
        "url": meta.get("sourceURL"),
        "outlet": "Wikinews",
        "summary": summary,
        "licence": "CC-BY-2.5",
        "attribution": ATTRIBUTION.format(url=meta.get("sourceURL", "")),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=shared_data_dir())
    args = parser.parse_args(argv)
    files = sorted((args.data / "gum" / "dep").glob("GUM_news_*.conllu"))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        for path in files:
            fh.write(json.dumps(read_gum_news(path), ensure_ascii=False) + "\n")
    print(f"wrote {len(files)} samples to {OUT}")


if __name__ == "__main__":
    main()
