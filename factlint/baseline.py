"""Baselines: record today's findings, then report only new ones.

A finding's fingerprint is a hash of its rule, its matched text and the sentence it is
in (whitespace collapsed, case kept) -- never its line number -- so a paragraph that
moves keeps its fingerprint, while an edited sentence is new copy and is checked
again. Fingerprints are counted per file: with two identical findings in the
baseline, a third is new.

The file (JSON, sorted, meant to be committed)::

    {
      "version": 1,
      "tool": "factlint",
      "files": {
        "stories/harbour.md": {
          "3f1c…": {"rule": "sourcing/vague-reports", "match": "reportedly", "count": 1}
        }
      }
    }

Paths are relative to the folder of the baseline file, with ``/`` separators.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass, field

from .finding import Finding

BASELINE_VERSION = 1


class BaselineError(Exception):
    pass


def _normal(text: str) -> str:
    return " ".join(text.split())


def fingerprint(doc, finding: Finding) -> str:
    """Rule + matched text + the text of its sentence (or its line, outside sentences)."""
    context = ""
    if doc is not None and doc.sentences:
        p = doc.to_prose(finding.offset)
        idx = doc.sentence_index_at(p)
        if idx >= 0:
            context = doc.sentence_text(doc.sentences[idx])
    if not context and doc is not None:
        start = doc.lines.line_start(finding.line)
        end = doc.text.find("\n", start)
        context = doc.text[start : end if end != -1 else len(doc.text)]
    key = "\x00".join((finding.rule, _normal(finding.match), _normal(context)))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def _key(path: str, folder: str) -> str:
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute, folder)
    except ValueError:
        rel = absolute
    return rel.replace(os.sep, "/")


@dataclass
class Baseline:
    folder: str
    files: dict[str, Counter] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str) -> "Baseline":
        try:
            with open(path, encoding="utf-8-sig") as fh:
                data = json.load(fh)
        except FileNotFoundError:
            raise BaselineError(f"{path}: baseline file not found (create it with --write-baseline)") from None
        except UnicodeDecodeError as exc:
            raise BaselineError(f"{path}: not a factlint baseline (not UTF-8 text: byte {exc.start})") from None
        except IsADirectoryError:
            raise BaselineError(f"{path}: is a directory, not a baseline file") from None
        except PermissionError:
            raise BaselineError(f"{path}: cannot read baseline: permission denied") from None
        except OSError as exc:
            raise BaselineError(f"{path}: cannot read baseline: {(exc.strerror or str(exc)).lower()}") from None
        except RecursionError:
            raise BaselineError(f"{path}: not a factlint baseline (nested too deeply)") from None
        except json.JSONDecodeError as exc:
            raise BaselineError(f"{path}:{exc.lineno}: not a factlint baseline (invalid JSON: {exc.msg})") from None
        except ValueError as exc:  # e.g. an integer too long to convert
            raise BaselineError(f"{path}: not a factlint baseline ({exc})") from None
        version = data.get("version") if isinstance(data, dict) else None
        if (
            not isinstance(data, dict)
            or type(version) is not int
            or data.get("tool", "factlint") != "factlint"
            or not isinstance(data.get("files"), dict)
        ):
            raise BaselineError(f"{path}: not a factlint baseline (version {BASELINE_VERSION} with 'files' expected)")
        if version != BASELINE_VERSION:
            raise BaselineError(
                f"{path}: baseline version {version} is not supported (this factlint reads "
                f"version {BASELINE_VERSION}; write a new one with --write-baseline)"
            )
        baseline = cls(os.path.dirname(os.path.abspath(path)))
        for name, entries in data["files"].items():
            if not isinstance(entries, dict):
                raise BaselineError(f"{path}: files.{name}: must be a mapping of fingerprints")
            counts: Counter[str] = Counter()
            for fp, entry in entries.items():
                count = entry.get("count", 1) if isinstance(entry, dict) else entry
                if not isinstance(count, int) or isinstance(count, bool) or count < 1:
                    raise BaselineError(f"{path}: files.{name}.{fp}: count must be a positive integer")
                counts[fp] = count
            baseline.files[name] = counts
        return baseline

    def new_findings(self, path: str, findings: list[Finding]) -> list[Finding]:
        """The findings of ``path`` beyond those the baseline counts (in order)."""
        known = Counter(self.files.get(_key(path, self.folder), Counter()))
        out = []
        for f in findings:
            if known[f.fingerprint] > 0:
                known[f.fingerprint] -= 1
            else:
                out.append(f)
        return out


def write_baseline(path: str, findings: list[Finding]) -> int:
    """Write the baseline of ``findings`` to ``path`` (atomically); return how many it holds."""
    folder = os.path.dirname(os.path.abspath(path))
    files: dict[str, dict[str, dict]] = {}
    for f in findings:
        entries = files.setdefault(_key(f.path, folder), {})
        entry = entries.get(f.fingerprint)
        if entry is None:
            entries[f.fingerprint] = {"rule": f.rule, "match": f.match, "count": 1}
        else:
            entry["count"] += 1
    payload = {
        "version": BASELINE_VERSION,
        "tool": "factlint",
        "files": {k: dict(sorted(v.items())) for k, v in sorted(files.items())},
    }
    text = json.dumps(payload, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    from .fixes import write_output

    write_output(path, text.encode("utf-8", "backslashreplace"))
    return len(findings)
