"""Files in a folder factlint does not trust (its cache folder, which may sit in a checkout
a pull request can write to): read without following a symbolic link and without ever
blocking, written only as new files factlint creates itself.

* :func:`read_regular` opens with ``O_NOFOLLOW | O_NONBLOCK`` and reads only a regular
  file (checked with ``fstat`` on the open descriptor), so a planted link, FIFO or
  device is never followed, opened for a blocking read, or read at all.
* :func:`create_new` creates a file with ``O_CREAT | O_EXCL | O_NOFOLLOW``: it fails on
  anything already there, a dangling link included, instead of writing through it.
* :func:`replace_with` writes a new file under a fresh temporary name (``mkstemp``, which
  is ``O_EXCL`` too) and renames it into place; a rename replaces a link itself, never
  the file it points to.
* :func:`is_regular` says whether a name is a regular file itself (``lstat``), not a link.
"""

from __future__ import annotations

import os
import stat
import tempfile

NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
NONBLOCK = getattr(os, "O_NONBLOCK", 0)
CLOEXEC = getattr(os, "O_CLOEXEC", 0)
BINARY = getattr(os, "O_BINARY", 0)


def is_regular(path: str) -> bool:
    """True when ``path`` itself (not what a link points to) is a regular file."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def read_regular(path: str) -> bytes | None:
    """The bytes of ``path`` if it is a regular file (not a link, FIFO, device or folder),
    else None. Never blocks and never follows a symbolic link."""
    try:
        fd = os.open(path, os.O_RDONLY | NOFOLLOW | NONBLOCK | CLOEXEC | BINARY)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        chunks: list[bytes] = []
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
    except OSError:
        return None
    finally:
        os.close(fd)


def create_new(path: str, data: bytes, mode: int = 0o644) -> bool:
    """Create ``path`` with ``data``; False (and nothing written) if anything is already
    there -- a file, a folder, a link, even a dangling one -- or it cannot be made."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW | CLOEXEC | BINARY, mode)
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        return True
    except OSError:
        try:
            os.unlink(path)
        except OSError:
            pass
        return False


def replace_with(path: str, data: bytes, prefix: str = ".factlint-") -> bool:
    """Put ``data`` at ``path`` by writing a new temporary file beside it and renaming it
    into place (False if that fails; the temporary file is removed)."""
    folder = os.path.dirname(path) or "."
    try:
        fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
        return True
    except OSError:
        _remove(tmp)
        return False
    except BaseException:
        _remove(tmp)
        raise


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
