"""The result cache: a second run over unchanged drafts reads findings instead of linting.

Like ruff's cache, results are stored per file and found by a key made of

* the SHA-256 of the file's bytes (its content, not its name or time),
* the format it is read as (Markdown or plain text),
* the *settings key* of its configuration: factlint's version and a stamp of its own
  code, the content of every rule file that was loaded and the house lexicons, the
  effective selection, severities, thresholds and accepted terms, ``min-severity``,
  and the options that change what is stored (``--report-unused-suppressions``,
  fingerprints).

What is stored is the file's findings after its configuration is applied (house terms,
suppression comments, ``min-severity``) and before the filters that depend on the
world outside the file (``--diff-base``, ``--baseline``), which are applied afresh on
every run. Nothing is cached for standard input, with ``--fix`` or ``--diff``, or for
a file on which a rule failed (a pattern past its time limit).

The cache is one SQLite database, ``results.sqlite3``, in the cache folder (default
``.factlint_cache`` in the project root: the folder of the configuration file that
applies to the current folder, else the current folder; ``--cache-dir``,
``FACTLINT_CACHE_DIR``). Payloads are JSON, never pickles, so a foreign or damaged
database cannot run code: any entry that does not read back as findings is a miss, a
file that is not a usable database is replaced, and if the folder cannot be written the
run goes on without a cache. A second table remembers each file's size, times and
inode with its digest, so an unchanged file is not even read again (a file modified
within two seconds of being recorded is always re-read, as git does for "racily
clean" files). Every row of both tables carries an HMAC-SHA256 tag made with the
per-user key (:mod:`factlint.signing`): a row planted or edited by anyone else is a miss.
The folder itself is untrusted (it may come from a pull request): see
:func:`folder_problem`.

The folder also holds compiled rule sets (``rules-*.pickle``, see
:func:`factlint.ruleset.load_rules`), which spare start-up the YAML and the compiling.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import stat
import time
from functools import lru_cache
from pathlib import Path

from . import __version__
from .finding import Finding, Fix
from .safefile import create_new, is_regular, read_regular
from .signing import same, tag

CACHE_DIR_NAME = ".factlint_cache"
CACHE_ENV = "FACTLINT_CACHE_DIR"
DB_NAME = "results.sqlite3"
SCHEMA = 3  # 2: file paths stored as bytes; 3: every row carries an HMAC tag
#: a file modified less than this long before its digest was recorded is re-read next time
RACY_SECONDS = 2.0
_BATCH = 500
#: past this many stored results, the oldest half is dropped
MAX_RESULTS = 200_000


@lru_cache(maxsize=1)
def code_stamp() -> str:
    """factlint's version and a stamp of its own source files (name, size, mtime), so a
    changed installation -- or an edited checkout -- never reads stale results."""
    package = Path(__file__).resolve().parent
    h = hashlib.sha256(__version__.encode())
    for root, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                try:
                    st = os.stat(os.path.join(root, name))
                except OSError:
                    continue
                rel = os.path.relpath(os.path.join(root, name), package)
                h.update(f"{rel}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:32]


def default_cache_dir(project_root: str | None = None) -> str:
    """``$FACTLINT_CACHE_DIR``, else ``.factlint_cache`` in the project root (or here)."""
    env = os.environ.get(CACHE_ENV)
    if env:
        return env
    return os.path.join(project_root or os.getcwd(), CACHE_DIR_NAME)


_TAG_TEXT = b"Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by factlint.\n"
_GITIGNORE_TEXT = b"# Created by factlint automatically.\n*\n"
#: the names factlint makes in a cache folder (and SQLite makes beside its databases)
_OURS = re.compile(
    r"(?:CACHEDIR\.TAG|\.gitignore"
    r"|results\.sqlite3|rules-[0-9a-f]{24}\.pickle|\.rules-[^/]*\.tmp"
    r"|cmudict-[^/]*\.sqlite3(?:\.\d+\.tmp)?|\.factlint-[^/]*\.tmp)"
    r"(?:-wal|-shm|-journal)?\Z"
)


def folder_problem(folder: str) -> str | None:
    """Why ``folder`` cannot be factlint's cache folder, or None when it can (it is then
    made, with a CACHEDIR.TAG and a .gitignore, if it was missing or empty).

    A cache folder is untrusted: it may come from a pull request. It is used only when it
    is a real folder (not a symbolic link) holding nothing but regular files with the
    names factlint gives its own, and a CACHEDIR.TAG with factlint's text; so a planted
    link is never written through and ``--cache-dir .`` never replaces a project's files."""
    try:
        st = os.lstat(folder)
    except (FileNotFoundError, NotADirectoryError):
        try:
            os.makedirs(folder)
            st = os.lstat(folder)
        except OSError:
            return None  # nothing there to distrust: the cache just cannot be written (no warning)
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if stat.S_ISLNK(st.st_mode):
        return "is a symbolic link"
    if not stat.S_ISDIR(st.st_mode):
        return "is not a folder"
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    for name in names:
        if not _OURS.match(name):
            return f"holds files factlint did not make ({name})"
        if not is_regular(os.path.join(folder, name)):
            return f"holds files factlint did not make ({name} is not a regular file)"
    tag = os.path.join(folder, "CACHEDIR.TAG")
    if names and "CACHEDIR.TAG" not in names:
        return f"holds files factlint did not make (no CACHEDIR.TAG beside {names[0]})"
    if "CACHEDIR.TAG" in names and read_regular(tag) != _TAG_TEXT:
        return "holds files factlint did not make (CACHEDIR.TAG)"
    if not names:
        create_new(tag, _TAG_TEXT)
    if ".gitignore" not in names:
        create_new(os.path.join(folder, ".gitignore"), _GITIGNORE_TEXT)
    return None


def prepare_dir(folder: str) -> bool:
    """True when ``folder`` is a usable cache folder that can be written (see
    :func:`folder_problem`); False if it cannot be, or must not be."""
    return folder_problem(folder) is None and os.path.isdir(folder) and os.access(folder, os.W_OK)


def settings_key(eff, options) -> str | None:
    """The part of a cache key that comes from a file's settings (None: do not cache)."""
    ruleset = eff.ruleset
    digest = getattr(ruleset, "digest", "")
    if not digest:
        return None
    accepted = sorted((rule, sorted(terms)) for rule, terms in eff.accepted.items())
    parts = [
        SCHEMA,
        code_stamp(),
        digest,
        repr(eff.overrides),
        eff.min_severity,
        accepted,
        bool(options.report_unused_suppressions),
        bool(options.fingerprints or options.baseline),
        options.encoding_errors,
    ]
    return hashlib.sha256(json.dumps(parts, default=repr).encode()).hexdigest()[:32]


def result_key(settings: str, digest: str, fmt: str) -> str:
    return hashlib.sha256(f"{settings}\0{digest}\0{fmt}".encode()).hexdigest()


# -- payloads: findings as JSON ----------------------------------------------------------
def encode_findings(findings: list[Finding]) -> str:
    rows = []
    for f in findings:
        fix = [f.fix.offset, f.fix.end_offset, f.fix.replacement, f.fix.safe] if f.fix is not None else None
        rows.append(
            [
                f.line,
                f.column,
                f.end_line,
                f.end_column,
                f.offset,
                f.end_offset,
                f.rule,
                f.category,
                f.severity,
                f.message,
                f.match,
                list(f.suggestions),
                fix,
                f.fingerprint,
            ]
        )
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def decode_findings(payload, path: str) -> list[Finding] | None:
    """Findings for ``path`` from a payload, or None when it is not one of ours."""
    try:
        rows = json.loads(payload)
        out = []
        for (
            line,
            column,
            end_line,
            end_column,
            offset,
            end_offset,
            rule,
            category,
            severity,
            message,
            match,
            suggestions,
            fix,
            fingerprint,
        ) in rows:
            for n in (line, column, end_line, end_column, offset, end_offset):
                if type(n) is not int:
                    return None
            if not all(type(s) is str for s in (rule, category, severity, message, match, fingerprint)):
                return None
            if type(suggestions) is not list or not all(type(s) is str for s in suggestions):
                return None
            if fix is not None:
                a, b, replacement, safe = fix
                if type(a) is not int or type(b) is not int or type(replacement) is not str:
                    return None
                fix = Fix(a, b, replacement, bool(safe))
            out.append(
                Finding(
                    path,
                    line,
                    column,
                    end_line,
                    end_column,
                    offset,
                    end_offset,
                    rule,
                    category,
                    severity,
                    message,
                    match,
                    suggestions,
                    fix,
                    fingerprint,
                )
            )
        return out
    except (ValueError, TypeError, RecursionError):
        return None


def _path_key(path: str) -> bytes:
    return os.fsencode(os.path.abspath(path))


# -- the database ------------------------------------------------------------------------
_READERS: dict[tuple[int, str], "ResultCache"] = {}


def reader(folder: str) -> "ResultCache":
    """This process's connection to the cache in ``folder``, for lookups (a forked worker
    must not use its parent's connection, so connections are kept per process)."""
    key = (os.getpid(), folder)
    found = _READERS.get(key)
    if found is None:
        found = _READERS[key] = ResultCache(folder, create=False)
    return found


def close_readers() -> None:
    """Close this process's lookup connections (at the end of a run)."""
    for key in [k for k in _READERS if k[0] == os.getpid()]:
        _READERS.pop(key).close()


class ResultCache:
    """Findings per (settings, content) key in ``<folder>/results.sqlite3``.

    Every method swallows database errors: a cache that cannot be read is empty, one
    that cannot be written is not written, and the run goes on."""

    def __init__(self, folder: str, create: bool = True) -> None:
        self.folder = folder
        self.create = create  # False: only read an existing database
        self.path = os.path.join(folder, DB_NAME)
        self._db: sqlite3.Connection | None = None
        self._failed = False
        self._key: bytes | None = None
        self._pending_results: list[tuple[str, str]] = []
        self._pending_files: list[tuple] = []
        self.hits = 0
        self.misses = 0

    # connection
    def _connect(self) -> sqlite3.Connection | None:
        if self._db is not None or self._failed:
            return self._db
        from .signing import signing_key

        self._key = signing_key()
        if self._key is None:  # no private key, no way to trust what is read back: no cache
            self._failed = True
            return None
        if not self.create:
            if not os.path.isfile(self.path):
                return None  # not there (yet): no lookups, and no error
            try:
                uri = Path(os.path.abspath(self.path)).as_uri() + "?mode=ro"
                self._db = sqlite3.connect(uri, uri=True, timeout=2.0, isolation_level=None)
            except (sqlite3.Error, ValueError):
                self._failed = True
            return self._db
        if not prepare_dir(self.folder):
            self._failed = True
            return None
        for attempt in (1, 2):
            try:
                db = sqlite3.connect(self.path, timeout=2.0, isolation_level=None)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                db.execute("CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT)")
                row = db.execute("SELECT v FROM meta WHERE k = 'schema'").fetchone()
                if row is None:
                    db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value TEXT, used REAL)")
                    db.execute(
                        "CREATE TABLE IF NOT EXISTS files (path BLOB PRIMARY KEY, size INTEGER, "
                        "mtime INTEGER, ctime INTEGER, ino INTEGER, digest TEXT, tag TEXT)"
                    )
                    db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA),))
                elif row[0] != str(SCHEMA):
                    raise sqlite3.DatabaseError("another cache schema")
                else:  # ours: make sure the tables are there and readable
                    db.execute("SELECT key, value FROM results LIMIT 1").fetchall()
                    db.execute("SELECT path, size, mtime, ctime, ino, digest, tag FROM files LIMIT 1").fetchall()
                self._db = db
                return db
            except (sqlite3.Error, OSError):
                try:
                    db.close()  # db may be unbound (connect failed): the except below covers that
                except Exception:
                    pass
                if attempt == 2 or not self._discard():
                    self._failed = True
                    return None
        return None

    def _discard(self) -> bool:
        """Remove a damaged or foreign database file (and its journals) so a fresh one can be made."""
        try:
            for suffix in ("", "-wal", "-shm", "-journal"):
                if os.path.exists(self.path + suffix):
                    os.remove(self.path + suffix)
            return True
        except OSError:
            return False

    # file digests from stat
    def known_digests(self, stats: list[tuple[str, os.stat_result]]) -> list[str | None]:
        """The recorded digest of each (path, stat) whose size, times and inode still match."""
        out: list[str | None] = [None] * len(stats)
        db = self._connect()
        if db is None or not stats:
            return out
        rows: dict[bytes, tuple] = {}
        paths = [_path_key(p) for p, _ in stats]  # bytes: a file name need not be valid UTF-8
        try:
            for i in range(0, len(paths), _BATCH):
                chunk = paths[i : i + _BATCH]
                marks = ",".join("?" * len(chunk))
                for row in db.execute(
                    f"SELECT path, size, mtime, ctime, ino, digest, tag FROM files WHERE path IN ({marks})", chunk
                ):
                    rows[row[0]] = row
        except (sqlite3.Error, ValueError):
            return out
        for i, (_path, st) in enumerate(stats):
            row = rows.get(paths[i])
            if (
                row
                and tuple(row[1:5]) == (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
                and isinstance(row[5], str)
                and isinstance(row[6], str)
                and same(row[6], self._file_tag(row[:6]))
            ):
                out[i] = row[5]
        return out

    def remember_digest(self, path: str, st: os.stat_result, digest: str) -> None:
        if time.time() - max(st.st_mtime, st.st_ctime) < RACY_SECONDS:
            return  # could still change within the clock's resolution: read it again next time
        row = (_path_key(path), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, digest)
        self._pending_files.append(row)

    # authentication: a row is believed only with a tag made with this user's key
    def _file_tag(self, row: tuple) -> str:
        path, *numbers, digest = row
        assert self._key is not None  # rows are tagged only over a connection, which needs the key
        return tag(self._key, b"file", path, " ".join(map(str, numbers)).encode(), digest.encode())

    def _result_tag(self, key: str, payload: str) -> str:
        assert self._key is not None  # results are tagged only over a connection, which needs the key
        return tag(self._key, b"result", key.encode(), payload.encode("utf-8", "surrogatepass"))

    def _verified(self, key: str, value) -> str | None:
        """The payload of a stored value whose tag checks (any other value is a miss)."""
        if not isinstance(value, str) or len(value) < 64:
            return None
        payload = value[64:]
        return payload if same(value[:64], self._result_tag(key, payload)) else None

    # results
    def get_many(self, keys: list[str]) -> dict[str, str]:
        db = self._connect()
        found: dict[str, str] = {}
        if db is None or not keys:
            return found
        try:
            for i in range(0, len(keys), _BATCH):
                chunk = keys[i : i + _BATCH]
                marks = ",".join("?" * len(chunk))
                for key, value in db.execute(f"SELECT key, value FROM results WHERE key IN ({marks})", chunk):
                    payload = self._verified(key, value)
                    if payload is not None:
                        found[key] = payload
        except (sqlite3.Error, ValueError):
            return {}
        return found

    def get(self, key: str) -> str | None:
        db = self._connect()
        if db is None:
            return None
        try:
            row = db.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
        except (sqlite3.Error, ValueError):
            return None
        return self._verified(key, row[0]) if row else None

    def put(self, key: str, payload: str) -> None:
        self._pending_results.append((key, payload))

    def flush(self) -> None:
        if not (self._pending_results or self._pending_files):
            return
        db = self._connect()
        if db is None:
            return
        now = time.time()
        try:
            db.execute("BEGIN IMMEDIATE")
            for i in range(0, len(self._pending_results), _BATCH):
                db.executemany(
                    "INSERT OR REPLACE INTO results VALUES (?, ?, ?)",
                    [(k, self._result_tag(k, v) + v, now) for k, v in self._pending_results[i : i + _BATCH]],
                )
            for i in range(0, len(self._pending_files), _BATCH):
                db.executemany(
                    "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [row + (self._file_tag(row),) for row in self._pending_files[i : i + _BATCH]],
                )
            if self._pending_results:
                (count,) = db.execute("SELECT COUNT(*) FROM results").fetchone()
                if count > MAX_RESULTS:
                    db.execute(
                        "DELETE FROM results WHERE key IN (SELECT key FROM results ORDER BY used LIMIT ?)",
                        (count - MAX_RESULTS // 2,),
                    )
            db.execute("COMMIT")
        except (sqlite3.Error, ValueError):
            try:
                db.execute("ROLLBACK")
            except sqlite3.Error:
                pass
        self._pending_results.clear()
        self._pending_files.clear()

    def close(self) -> None:
        self.flush()
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None
