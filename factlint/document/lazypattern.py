"""Regular expressions compiled on first use rather than at import.

Compiling the finder's larger patterns with ``regex`` costs several milliseconds each,
and a one-page draft must lint within a quarter of a second including start-up (issue
#6); commands that never search with a pattern should not pay for it. A
:class:`LazyPattern` stands where the compiled pattern stood and answers the same calls
(``search``, ``match``, ``finditer``, …). The first call compiles the pattern and binds
the compiled pattern's methods on the instance, so later calls go straight to them.
"""

from __future__ import annotations

import regex


class LazyPattern:
    """``regex.compile(pattern, flags)``, done on the first call."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def compiled(self) -> regex.Pattern:
        pattern = regex.compile(*self._source)
        # instance attributes win over the methods below: later calls skip this wrapper
        for name in ("search", "match", "fullmatch", "finditer", "findall", "sub", "split"):
            setattr(self, name, getattr(pattern, name))
        # an instance attribute shadowing the method, like those above (setattr: mypy forbids
        # assigning to a method, which is the point here)
        setattr(self, "compiled", lambda: pattern)  # noqa: B010
        return pattern

    def search(self, *args, **kwargs):
        return self.compiled().search(*args, **kwargs)

    def match(self, *args, **kwargs):
        return self.compiled().match(*args, **kwargs)

    def fullmatch(self, *args, **kwargs):
        return self.compiled().fullmatch(*args, **kwargs)

    def finditer(self, *args, **kwargs):
        return self.compiled().finditer(*args, **kwargs)

    def findall(self, *args, **kwargs):
        return self.compiled().findall(*args, **kwargs)

    def sub(self, *args, **kwargs):
        return self.compiled().sub(*args, **kwargs)

    def split(self, *args, **kwargs):
        return self.compiled().split(*args, **kwargs)

    def __getattr__(self, name: str):
        # anything else a compiled pattern has (``pattern``, ``flags``, ``groups``, …)
        if name.startswith("__") or name == "_source":
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._source[0]!r}, {self._source[1]!r})"
