"""The per-user secret that authenticates what factlint reads back from its cache folder.

A cache folder may sit in a checkout that a pull request can write to. A compiled rule
set there is a pickle (loading one can run code) and a cached result decides which
findings a run reports, so factlint trusts either only when it carries an HMAC-SHA256
tag made with this key. The key lives in the user's own cache folder
(``~/.cache/factlint/signing-key``, or under ``XDG_CACHE_HOME``; never in a project), is
32 random bytes created on first use, mode 0600, and is refused if anyone else can read
it. Where no private key can be kept, nothing is cached.
"""

from __future__ import annotations

import hashlib
import hmac
import os

_KEY: bytes | None = None  # b"": looked for, none usable


def signing_key() -> bytes | None:
    """This user's key (created on first use), or None when none can be kept privately."""
    global _KEY
    if _KEY is not None:
        return _KEY or None
    from .safefile import create_new, read_regular

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = os.path.join(base, "factlint", "signing-key")
    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        create_new(path, os.urandom(32), 0o600)  # False when it is already there
        st = os.lstat(path)
        if st.st_uid != os.getuid() or st.st_mode & 0o077:
            raise PermissionError("the signing key is not private")
        key = read_regular(path) or b""
        _KEY = key if len(key) == 32 else b""
    except (OSError, AttributeError):
        _KEY = b""
    return _KEY or None


def tag(key: bytes, *parts: bytes) -> str:
    """The hex HMAC-SHA256 of ``parts`` (each length-prefixed, so no two splits collide)."""
    mac = hmac.new(key, digestmod=hashlib.sha256)
    for part in parts:
        mac.update(b"%d:" % len(part))
        mac.update(part)
    return mac.hexdigest()


def same(a: str | bytes, b: str | bytes) -> bool:
    """Constant-time comparison of two tags."""
    if isinstance(a, str):
        a = a.encode("ascii", "replace")
    if isinstance(b, str):
        b = b.encode("ascii", "replace")
    return hmac.compare_digest(a, b)
