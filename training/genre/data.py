"""Article-genre labels built honestly from the shared data (no genre-labelled corpus exists).

* reporting: GUM Wikinews news documents (``gum/dep/GUM_news_*.conllu``), BASIL articles (news
  reports from Fox News, NYT and HuffPost news sections; no BASIL URL is an opinion/editorial
  path), and PTC articles in which fewer than 10% of the sentences hold a persuasion-technique
  span (wire-style reports that happen to sit on partisan sites).
* opinion: PTC articles in which at least 35% of the sentences hold a human-annotated
  persuasion-technique span. This is a PROXY for opinion/analysis (persuasive writing), not an
  editor's genre label. PTC articles in between are left out.
* GUM interviews and the other GUM genres are left out (neither news reporting nor opinion).
* satire: no source of satire in the shared data, so no example.

``python -m training.genre.data --data ../shared/data --out DIR`` writes the dev split in the
``newsdesk eval genre`` format (``DIR/articles/article<ID>.txt`` = title, blank line, body; and
``DIR/labels.txt``); ``--split train`` or ``--split all`` write the other parts. Write it to a
temporary or git-ignored folder: the texts are research-only and must not be committed.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from newsdesk.evaluate.propaganda import read_folder
from newsdesk.models.techniques import body_lines

OPINION_MIN = 0.35
REPORTING_MAX = 0.10
DEV_SHARE = 0.3


@dataclass
class GenreDoc:
    id: str
    title: str
    body: str
    label: str
    source: str  # gum, basil, ptc
    group: str  # documents of one group stay in one split (BASIL: the event)

    @property
    def split(self) -> str:
        h = int(hashlib.sha256(self.group.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
        return "dev" if h < DEV_SHARE else "train"


def gum_docs(root: Path) -> list[GenreDoc]:
    out = []
    for path in sorted(glob.glob(str(root / "gum" / "dep" / "GUM_news_*.conllu"))):
        title, sents, paras = "", [], []
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.startswith("# meta::title = "):
                title = line.split("=", 1)[1].strip()
            elif line.startswith("# newpar"):
                if sents:
                    paras.append(" ".join(sents))
                    sents = []
            elif line.startswith("# text = "):
                sents.append(line.split("=", 1)[1].strip())
        if sents:
            paras.append(" ".join(sents))
        name = Path(path).stem
        # the first paragraph is the headline itself
        if paras and title and paras[0].strip() == title.strip():
            paras = paras[1:]
        out.append(GenreDoc(name, title or paras[0], "\n".join(paras), "reporting", "gum", name))
    return out


def basil_docs(root: Path) -> list[GenreDoc]:
    out = []
    for path in sorted(glob.glob(str(root / "basil" / "articles" / "*" / "*.json"))):
        d = json.loads(Path(path).read_text(encoding="utf-8"))
        paras = [" ".join(s.strip() for s in p) for p in d.get("body-paragraphs", [])]
        body = "\n".join(p for p in paras if p.strip())
        if not body:
            continue
        out.append(
            GenreDoc(
                "basil_" + Path(path).stem.replace("-", ""),
                d.get("title", "").strip(),
                body,
                "reporting",
                "basil",
                "basil_" + d.get("triplet-uuid", Path(path).stem),
            )
        )
    return out


def ptc_docs(root: Path) -> list[GenreDoc]:
    out = []
    for art in read_folder(root / "propaganda"):
        lines = body_lines(art.text)
        if len(lines) < 3:
            continue
        hit = sum(1 for s, e in lines if any(a < e and s < b for a, b, _ in art.spans))
        share = hit / len(lines)
        if share >= OPINION_MIN:
            label = "opinion"
        elif share < REPORTING_MAX:
            label = "reporting"
        else:
            continue
        title_end = art.text.find("\n")
        title = art.text[:title_end].strip()
        body = "\n".join(art.text[s:e] for s, e in lines[1:])
        out.append(GenreDoc("ptc_" + art.id, title, body, label, "ptc", "ptc_" + art.id))
    return out


def all_docs(data_dir: str | Path) -> list[GenreDoc]:
    root = Path(data_dir)
    return gum_docs(root) + basil_docs(root) + ptc_docs(root)


def source_files(data_dir: str | Path) -> list[Path]:
    root = Path(data_dir)
    files = glob.glob(str(root / "gum" / "dep" / "GUM_news_*.conllu"))
    files += glob.glob(str(root / "basil" / "articles" / "*" / "*.json"))
    files += [str(p) for p in (root / "propaganda").rglob("article*") if p.is_file()]
    return sorted(Path(f) for f in files)


def write_eval_folder(docs: list[GenreDoc], out: Path) -> None:
    (out / "articles").mkdir(parents=True, exist_ok=True)
    with (out / "labels.txt").open("w", encoding="utf-8") as fh:
        for d in docs:
            (out / "articles" / f"article{d.id}.txt").write_text(
                f"{d.title}\n\n{d.body}\n", encoding="utf-8"
            )
            fh.write(f"{d.id}\t{d.label}\n")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--out", required=True)
    ap.add_argument("--split", choices=["dev", "train", "all"], default="dev")
    args = ap.parse_args(argv)
    docs = [d for d in all_docs(args.data) if args.split == "all" or d.split == args.split]
    write_eval_folder(docs, Path(args.out))
    counts: dict[str, int] = {}
    for d in docs:
        counts[f"{d.source}:{d.label}"] = counts.get(f"{d.source}:{d.label}", 0) + 1
    print(f"wrote {len(docs)} articles to {args.out}: {counts}")


if __name__ == "__main__":
    main()
