"""From paths to text: finding drafts in folders, reading bytes, decoding them.

Text is decoded exactly: a UTF-8 byte-order mark is dropped, UTF-16 and UTF-32 are
recognised by theirs, and newlines are left as they are (offsets count CRLF as two
characters). Anything that cannot be read or decoded becomes a :class:`ReadError`
with one clear sentence naming the file.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

DEFAULT_EXTENSIONS = (".md", ".markdown", ".txt")
SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", ".bzr", "_darcs", "CVS", "node_modules", "__pycache__"})
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class ReadError(Exception):
    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


@dataclass(slots=True)
class Source:
    """A decoded draft, with what is needed to write it back the same way."""

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    digest: str = ""  # sha256 of the bytes read (files only): fixes refuse if the file changed


def decode(data: bytes, path: str, errors: str = "strict") -> Source:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Source(path, data[len(bom) :].decode(encoding, errors), encoding, True)
            except UnicodeDecodeError as exc:
                raise ReadError(path, f"not valid {encoding.upper()} at byte {exc.start + len(bom)}") from None
    if b"\x00" in data[:8192]:
        raise ReadError(path, "binary file (it contains NUL bytes); skipped")
    try:
        return Source(path, data.decode("utf-8", errors), "utf-8", False)
    except UnicodeDecodeError as exc:
        raise ReadError(
            path, f"not valid UTF-8 at byte {exc.start} (use --encoding-errors replace to lint it anyway)"
        ) from None


def read_source(path: str, errors: str = "strict") -> Source:
    try:
        # O_NONBLOCK: a path that became a FIFO after it was found must not hang the run;
        # what was opened is checked with fstat, so nothing can be swapped in between
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise ReadError(path, _why(path, exc)) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise ReadError(path, "is a directory")
        if not stat.S_ISREG(st.st_mode):
            raise ReadError(path, "not a regular file (a pipe, socket or device); skipped")
        with os.fdopen(fd, "rb") as fh:
            fd = -1
            data = fh.read()
    except OSError as exc:
        raise ReadError(path, _why(path, exc)) from None
    finally:
        if fd >= 0:
            os.close(fd)
    source = decode(data, path, errors)
    source.digest = hashlib.sha256(data).hexdigest()
    return source


def _why(path: str, exc: OSError) -> str:
    """One short phrase for an OSError about ``path``."""
    if exc.errno == errno.ENOENT:
        return (
            "broken symbolic link (its target does not exist)" if os.path.islink(path) else "no such file or directory"
        )
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.EISDIR:
        return "is a directory"
    if exc.errno == errno.ENOTDIR:
        return "not a directory in the path"
    if exc.errno == errno.ENXIO:
        return "not a regular file (a pipe, socket or device); skipped"
    return (exc.strerror or str(exc)).lower()


def discover(paths: Iterable[str], extensions: Iterable[str] = DEFAULT_EXTENSIONS) -> Iterator[str | ReadError]:
    """Files to lint, in a stable order: named files as given, folders walked recursively.

    Hidden and version-control folders are skipped, and so are hidden files. A named
    path that does not exist, or a folder without matching files, yields a ReadError.
    """
    exts = tuple(e.lower() if e.startswith(".") else "." + e.lower() for e in extensions)
    for raw in paths:
        path = raw
        try:
            st = os.stat(path)
        except OSError as exc:  # missing, a broken link, a link loop, no permission to look
            yield ReadError(path, _why(path, exc))
            continue
        if not stat.S_ISDIR(st.st_mode):
            yield path
            continue
        found = False
        visited: set[tuple[int, int]] = set()
        unreadable: list[OSError] = []
        reported = 0
        for root, dirs, files in os.walk(path, followlinks=True, onerror=unreadable.append):
            # a folder that cannot be listed is reported, never skipped silently
            yield from _unlistable(unreadable[reported:], root)
            reported = len(unreadable)
            try:
                st = os.stat(root)
                key = (st.st_dev, st.st_ino)
            except OSError:
                dirs[:] = []
                continue
            if key in visited:  # a symlink loop
                dirs[:] = []
                continue
            visited.add(key)
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
            for name in sorted(files):
                if name.startswith(".") or not name.lower().endswith(exts):
                    continue
                found = True
                yield _without_dot(os.path.join(root, name))
        yield from _unlistable(unreadable[reported:], path)
        if not found and not unreadable:
            yield ReadError(path, f"no files with extensions {', '.join(exts)} in this folder")


def _unlistable(errors: list[OSError], default: str) -> Iterator[ReadError]:
    for exc in errors:
        where = exc.filename if isinstance(exc.filename, str) else default
        yield ReadError(_without_dot(where), "cannot list this folder: " + _why(where, exc))


def _without_dot(path: str) -> str:
    """'./news/a.md' -> 'news/a.md' (when walking '.'), as ruff and git show paths."""
    prefix = "." + os.sep
    while path.startswith(prefix) and len(path) > len(prefix):
        path = path[len(prefix) :]
    return path


def display_path(path: str) -> str:
    """Paths as the user typed them, without a leading './'."""
    return str(Path(path)) if path not in ("-",) else path
