"""Fixes: apply them to text, show them as a diff, write them back safely.

A rule marks each fix safe or unsafe. ``--fix`` applies safe fixes; ``--unsafe-fixes``
adds the rest. Fixes that overlap are not applied together: the non-overlapping ones
are applied, the text is linted again, and the loop repeats (at most
:data:`MAX_PASSES` times, like ruff) until no fix is left.

Files are written only with ``--fix``, atomically: a temporary file in the same folder
(unnamed until the last moment on Linux, so a killed process leaves nothing behind),
flushed and fsynced, given the original's permissions and owner, then ``os.replace``d
over it -- unless the file changed since it was read (its bytes are hashed right before
the replace), in which case it is left alone. Only regular files are ever replaced. The encoding, the byte-order mark and the
newlines are kept: fixes replace spans of the decoded text, which keeps ``\\r\\n``.
"""

from __future__ import annotations

import codecs
import difflib
import errno
import hashlib
import os
import stat
import tempfile
from collections.abc import Iterable

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


def choose_fixes(text: str, fixes: list[Fix]) -> list[Fix]:
    """The fixes :func:`apply_fixes` applies, in order: each one that changes the text and
    does not overlap (or share an insertion point with) one chosen before it."""
    chosen: list[Fix] = []
    last_end = -1
    for fix in sorted(set(fixes), key=lambda x: (x.offset, x.end_offset, x.replacement)):
        if fix.offset < last_end or (fix.offset == last_end and chosen and chosen[-1].offset == fix.offset):
            continue  # overlaps (or shares an insertion point with) a fix already chosen
        if text[fix.offset : fix.end_offset] == fix.replacement:
            continue
        chosen.append(fix)
        last_end = fix.end_offset
    return chosen


def apply_fixes(text: str, fixes: list[Fix]) -> tuple[str, int]:
    """``text`` with the fixes that do not overlap an earlier one applied; (text, count)."""
    chosen = choose_fixes(text, fixes)
    if not chosen:
        return text, 0
    parts = []
    pos = 0
    for fix in chosen:
        parts.append(text[pos : fix.offset])
        parts.append(fix.replacement)
        pos = fix.end_offset
    parts.append(text[pos:])
    return "".join(parts), len(chosen)


def unified_diff(path: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), fromfile=f"a/{path}", tofile=f"b/{path}"
    )
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def encode(text: str, encoding: str, bom: bool) -> bytes:
    data = text.encode(encoding)
    return (_BOMS.get(encoding, b"") + data) if bom else data


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def atomic_write(path: str, data: bytes | Iterable[bytes], expected_digest: str | None = None) -> None:
    """Replace ``path`` with ``data`` atomically, keeping its permissions.

    With ``expected_digest``, refuse (FixError) when the file's current bytes differ
    from those that were read: someone changed it meanwhile. Only a regular file (or a
    new one) is ever replaced: a device, a pipe or a folder is refused.

    The new bytes go to a temporary file in the same folder, which is fsynced, given the
    original's mode and owner, and then renamed over the original. On Linux the
    temporary file has no name (``O_TMPFILE``) until the moment before the rename, so a
    process killed while writing leaves nothing behind; elsewhere it is a hidden
    ``.NAME.*.factlint-tmp`` file, removed on any error."""
    target = os.path.realpath(path)  # write through a symlink, not over it
    folder = os.path.dirname(target) or "."
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise FixError(f"cannot write: {_reason(exc)}") from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        kind = "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file (a pipe, socket or device)"
        raise FixError(f"cannot write: {kind}; it is never replaced")
    mode = stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask()
    owner = (st.st_uid, st.st_gid) if st is not None else None

    def unchanged() -> None:
        if expected_digest is None:
            return
        try:
            with open(target, "rb") as current:
                now = current.read()
        except OSError as exc:
            raise FixError(f"cannot re-read before writing: {_reason(exc)}") from None
        if digest(now) != expected_digest:
            raise FixError("changed since it was read; not fixed (run factlint again)")

    tmp = None
    try:
        tmp = _write_temporary(folder, os.path.basename(target), data, mode, owner, unchanged)
        os.replace(tmp, target)
        tmp = None
        _fsync_dir(folder)
    except OSError as exc:
        raise FixError(f"cannot write: {_reason(exc)}") from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _write_temporary(folder: str, name: str, data: bytes | Iterable[bytes], mode: int, owner, check) -> str:
    """Write ``data`` to a new file in ``folder`` (fsynced, with ``mode`` and ``owner``),
    call ``check()`` (which may raise), and return the new file's name. Where the system
    allows, the file has no name until after ``check``: only then is it linked in."""
    if _UNNAMED_OK.get(folder, True) and bool(getattr(os, "O_TMPFILE", 0)) and os.path.isdir("/proc/self/fd"):
        try:
            fd = os.open(folder, os.O_TMPFILE | os.O_WRONLY | getattr(os, "O_CLOEXEC", 0), 0o600)
        except OSError as exc:
            if exc.errno not in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
                raise
            _UNNAMED_OK[folder] = False  # this file system cannot: use a named file
        else:
            with os.fdopen(fd, "wb") as fh:
                _fill(fh, data, mode, owner)
                check()
                try:
                    return _link_unnamed(fh.fileno(), folder, name)
                except OSError as exc:
                    if exc.errno == errno.EEXIST:
                        raise
                    _UNNAMED_OK[folder] = False  # /proc cannot link it here: use a named file
    fd, tmp = tempfile.mkstemp(dir=folder, prefix="." + name + ".", suffix=_TMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as fh:
            _fill(fh, data, mode, owner)
        check()
    except BaseException:
        os.unlink(tmp)
        raise
    return tmp


def _fill(fh, data: bytes | Iterable[bytes], mode: int, owner) -> None:
    if isinstance(data, bytes):
        fh.write(data)
    else:  # a report written as it is made (pieces), not joined first
        for piece in data:
            fh.write(piece)
    fh.flush()
    os.fsync(fh.fileno())
    if hasattr(os, "fchmod"):  # not on Windows, which has no such modes
        os.fchmod(fh.fileno(), mode)
    if owner is not None and hasattr(os, "fchown"):
        try:
            os.fchown(fh.fileno(), *owner)
        except OSError:
            pass


def write_output(path: str, data: bytes | Iterable[bytes]) -> None:
    """Write a report or a baseline (bytes, or pieces of them): atomically to a regular
    (or new) file; straight into a pipe or a device (``-o /dev/stdout``), which is never
    replaced."""
    try:
        st = os.stat(path)
    except OSError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode):
        try:
            with open(path, "wb") as fh:
                for piece in (data,) if isinstance(data, bytes) else data:
                    fh.write(piece)
        except OSError as exc:
            raise FixError(f"cannot write: {_reason(exc)}") from None
        return
    atomic_write(path, data)


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return (exc.strerror or str(exc)).lower()


_TMP_SUFFIX = ".factlint-tmp"


_UNNAMED_OK: dict[str, bool] = {}


def _link_unnamed(fd: int, folder: str, name: str) -> str:
    """Give an O_TMPFILE file a (hidden, unique) name in ``folder``."""
    dir_fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        for _ in range(100):
            candidate = f".{name}.{os.urandom(6).hex()}{_TMP_SUFFIX}"
            try:
                # linkat(AT_SYMLINK_FOLLOW) through /proc: no privilege needed (unlike AT_EMPTY_PATH)
                os.link(f"/proc/self/fd/{fd}", candidate, dst_dir_fd=dir_fd, follow_symlinks=True)
                return os.path.join(folder, candidate)
            except FileExistsError:
                continue
    finally:
        os.close(dir_fd)
    raise FileExistsError(errno.EEXIST, "no free temporary name", folder)


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
