"""Dump every attribution the finder makes, for checking that a change keeps its output.

    python bench/attdump.py OUT                  # PolNeAR texts and 2,000 Reuters stories
    PYTHONPATH=/path/to/old python bench/attdump.py OLD; cmp OLD OUT

Writes one JSON line per text (attributions in the reporter's voice and those nested in
quotations, every field; ``within`` as the cue of the attribution it points to), to a
file outside the repository: the lines hold offsets and corpus words. The corpora are
read where they lie (``../shared/corpora`` or ``--corpora``).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import quality as q  # noqa: E402


def dump(att) -> list:
    return [att.cue, att.source, att.kind, att.sentence, att.content, att.quote, att.reason, att.pronoun,
            att.form, att.head, att.refers_to, att.resolved, att.within.cue if att.within is not None else None]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--corpora", type=Path, default=q.DEFAULT_CORPORA)
    parser.add_argument("--stories", type=int, default=2000)
    args = parser.parse_args()
    from factlint.document import parse
    from factlint.document.attribution import Finder, default_cue_index, find_attributions

    texts = []
    polnear = args.corpora / "polnear-train"
    if polnear.is_dir():
        texts += [d.text for d in q.load_polnear(polnear)[0]]
    reuters = args.corpora / "reuters-bodies.jsonl"
    if reuters.is_file():
        texts += [s.text for s in q.select_stories(q.load_reuters(reuters), args.stories, q.DEFAULT_SEED)]
    digest = hashlib.sha256()
    count = 0
    with args.out.open("w") as out:
        for text in texts:
            doc = parse(text, "a.txt")
            found = find_attributions(doc)
            nested = doc.nested_attributions
            cues = default_cue_index()
            fresh = Finder(doc, cues, cues.index.scan(doc.prose))  # a whole run on the finished document
            again = fresh.run()
            line = json.dumps([[dump(a) for a in found], [dump(a) for a in nested],
                               [dump(a) for a in again], [dump(a) for a in fresh.nested]]) + "\n"
            digest.update(line.encode())
            count += len(found) + len(nested)
            out.write(line)
    print(f"{len(texts)} texts, {count} attributions, sha256 {digest.hexdigest()[:16]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
