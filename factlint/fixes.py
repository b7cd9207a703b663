"""Fixes: apply them to text, show them as a diff, write them back safely.

A rule marks each fix safe or unsafe. ``--fix`` applies safe fixes; ``--unsafe-fixes``
adds the rest. Fixes that overlap are not applied together: the non-overlapping ones
are applied, the text is linted again, and the loop repeats (at most
:data:`MAX_PASSES` times, like ruff) until no fix is left.

Files are written only with ``--fix``, atomically: a temporary file in the same folder,
flushed and fsynced, given the original's permissions, then ``os.replace``d over it --
unless the file changed since it was read (its bytes are hashed right before the
replace), in which case it is left alone. The encoding, the byte-order mark and the
newlines are kept: fixes replace spans of the decoded text, which keeps ``\\r\\n``.
"""
from __future__ import annotations

import codecs
import difflib
import hashlib
import os
import stat
import tempfile

from .finding import Finding, Fix

MAX_PASSES = 10

_BOMS = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
}


class FixError(Exception):
    pass


def applicable(findings: list[Finding], unsafe: bool = False) -> list[Fix]:
    return [f.fix for f in findings if f.fix is not None and (f.fix.safe or unsafe)]


def apply_fixes(text: str, fixes: list[Fix]) -> tuple[str, int]:
    """``text`` with the fixes that do not overlap an earlier one applied; (text, count)."""
    chosen: list[Fix] = []
    last_end = -1
    for fix in sorted(set(fixes), key=lambda x: (x.offset, x.end_offset, x.replacement)):
        if fix.offset < last_end or (fix.offset == last_end and chosen and chosen[-1].offset == fix.offset):
            continue  # overlaps (or shares an insertion point with) a fix already chosen
        if text[fix.offset:fix.end_offset] == fix.replacement:
            continue
        chosen.append(fix)
        last_end = fix.end_offset
    if not chosen:
        return text, 0
    parts = []
    pos = 0
    for fix in chosen:
        parts.append(text[pos:fix.offset])
        parts.append(fix.replacement)
        pos = fix.end_offset
    parts.append(text[pos:])
    return "".join(parts), len(chosen)


def unified_diff(path: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=f"a/{path}", tofile=f"b/{path}")
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def encode(text: str, encoding: str, bom: bool) -> bytes:
    data = text.encode(encoding)
    return (_BOMS.get(encoding, b"") + data) if bom else data


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def atomic_write(path: str, data: bytes, expected_digest: str | None = None) -> None:
    """Replace ``path`` with ``data`` atomically, keeping its permissions.

    With ``expected_digest``, refuse (FixError) when the file's current bytes differ
    from those that were read: someone changed it meanwhile."""
    target = os.path.realpath(path)  # write through a symlink, not over it
    folder = os.path.dirname(target) or "."
    try:
        st = os.stat(target)
        mode = stat.S_IMODE(st.st_mode)
    except FileNotFoundError:
        st = None
        mode = 0o666 & ~_umask()
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix="." + os.path.basename(target) + ".",
                                   suffix=".factlint-tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        if st is not None and hasattr(os, "chown"):
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except OSError:
                pass
        if expected_digest is not None:
            try:
                with open(target, "rb") as fh:
                    current = fh.read()
            except OSError as exc:
                raise FixError(f"cannot re-read before writing: {exc.strerror or exc}") from None
            if digest(current) != expected_digest:
                raise FixError("changed since it was read; not fixed (run factlint again)")
        os.replace(tmp, target)
        tmp = None
        _fsync_dir(folder)
    except OSError as exc:
        raise FixError(f"cannot write: {exc.strerror or exc}") from None
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_dir(folder: str) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
