"""--jobs (worker processes) and the result cache: the same findings, in the same order,
whatever the number of jobs and whether the cache answers; a damaged cache is never fatal.

Speed itself is measured by bench/speed.py, never asserted here."""

from __future__ import annotations

import json
import os
import pickle
import signal
import sqlite3
import subprocess
import sys

import pytest
from conftest import draft, factlint, write

from factlint import cache, document, lint_text, load_rules, parallel, runner

STORY = """\
    # Council weighs new ferry fares

    The transport minister reportedly wants higher fares.

    Councillor Mia Grant slammed the proposal on Monday. The the vote is on Friday.
    """
PLAIN = """\
    Harbour board meets

    According to multiple reports the board will meet.It has not said when.
    """


def newsroom(root, count=12):
    """A small archive: Markdown and plain text, two configurations, an unreadable file."""
    write(root, "opinion/.factlint.yaml", "ignore: [sourcing]\nseverity: {framing: error}\n")
    for i in range(count):
        write(root, f"news/{i:02d}.md", STORY.replace("Friday", f"day {i}"))
        write(root, f"opinion/{i:02d}.txt", PLAIN.replace("when", f"when ({i})"))
    (root / "news" / "zz-broken.md").write_bytes(b"caf\xe9 au lait\n")


@pytest.fixture
def fork_always(monkeypatch):
    """Make even a tiny run use worker processes."""
    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 0)


def run_json(root, *args):
    run = factlint("--format", "json", *args, cwd=root)
    return run.code, json.loads(run.out), run.err


# -- --jobs --------------------------------------------------------------------------------
def test_jobs_give_the_same_findings_problems_and_order(tmp_path, fork_always):
    newsroom(tmp_path)
    one = run_json(tmp_path, "--no-cache", "--jobs", "1", ".")
    assert one[0] == 2  # the broken file
    assert "zz-broken.md: not valid UTF-8" in one[2]
    rules = {f["rule"] for f in one[1]["findings"]}
    assert {"sourcing/vague-reports", "framing/loaded-said", "editing/repeated-word", "editing/missing-space"} <= rules
    # the per-folder configuration applies in workers too
    assert all(
        f["severity"] == "error"
        for f in one[1]["findings"]
        if f["path"].startswith("opinion/") and f["rule"].startswith("framing/")
    )
    assert not any(f["path"].startswith("opinion/") and f["rule"].startswith("sourcing/") for f in one[1]["findings"])
    for jobs in ("2", "3", "8"):
        assert run_json(tmp_path, "--no-cache", "--jobs", jobs, ".") == one


def test_workers_do_the_linting(tmp_path, monkeypatch, fork_always):
    newsroom(tmp_path)
    log = tmp_path / "pids.txt"
    real = runner.lint_file

    def logged(state, task, stdin=None):
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()}\n")
        return real(state, task, stdin)

    monkeypatch.setattr(runner, "lint_file", logged)
    factlint("--no-cache", "--jobs", "2", ".", cwd=tmp_path)
    pids = log.read_text(encoding="utf-8").split()
    assert len(pids) == 25 and str(os.getpid()) not in pids and 1 <= len(set(pids)) <= 2
    log.unlink()
    factlint("--no-cache", "--jobs", "1", ".", cwd=tmp_path)
    assert set(log.read_text(encoding="utf-8").split()) == {str(os.getpid())}


def test_a_worker_that_dies_does_not_hang_the_run_and_loses_no_file(tmp_path, monkeypatch, fork_always):
    """A worker killed mid-run (the out-of-memory killer, a crash in a C extension): the
    run says so and lints what the workers did not finish in the main process, with the
    same findings as ever -- instead of waiting forever for the dead worker's results."""
    newsroom(tmp_path)
    expected = run_json(tmp_path, "--no-cache", "--jobs", "1", ".")
    parent = os.getpid()
    real = runner.lint_file

    def dies_in_a_worker(state, task, stdin=None):
        if os.getpid() != parent and task.item.endswith("05.md"):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(state, task, stdin)

    monkeypatch.setattr(runner, "lint_file", dies_in_a_worker)
    code, report, err = run_json(tmp_path, "--no-cache", "--jobs", "2", ".")
    assert (code, report) == expected[:2]
    assert "factlint: a worker process died while linting; linting the rest in one process" in err


def test_text_and_statistics_output_are_identical_with_jobs(tmp_path, fork_always):
    newsroom(tmp_path)
    for extra in ((), ("--statistics",), ("--format", "grouped"), ("--format", "sarif")):
        one = factlint("--no-cache", "--jobs", "1", *extra, ".", cwd=tmp_path)
        two = factlint("--no-cache", "--jobs", "2", *extra, ".", cwd=tmp_path)
        assert (one.code, one.out, one.err) == (two.code, two.out, two.err)


def test_fix_with_jobs_fixes_every_file_as_one_job_does(tmp_path, fork_always):
    newsroom(tmp_path / "a")
    newsroom(tmp_path / "b")
    one = factlint("--no-cache", "--jobs", "1", "--fix", ".", cwd=tmp_path / "a")
    two = factlint("--no-cache", "--jobs", "2", "--fix", ".", cwd=tmp_path / "b")
    assert (one.code, one.out, one.err) == (two.code, two.out, two.err)
    assert "fixed" in one.err
    for path in sorted((tmp_path / "a").rglob("*.*")):
        twin = tmp_path / "b" / path.relative_to(tmp_path / "a")
        assert path.read_bytes() == twin.read_bytes()
    assert "The the" not in (tmp_path / "a/news/00.md").read_text(encoding="utf-8")


def test_baseline_and_diff_output_with_jobs(tmp_path, fork_always):
    newsroom(tmp_path)
    assert factlint("--no-cache", "--jobs", "2", "--write-baseline", "base.json", ".", cwd=tmp_path).code == 2
    write(tmp_path, "news/new.md", "# New\n\nThe ferry captain reportedly resigned.\n")
    one = factlint("--no-cache", "--jobs", "1", "--baseline", "base.json", ".", cwd=tmp_path)
    two = factlint("--no-cache", "--jobs", "2", "--baseline", "base.json", ".", cwd=tmp_path)
    assert (one.code, one.out) == (two.code, two.out)
    assert "news/new.md" in one.out and "news/00.md" not in one.out
    diff1 = factlint("--no-cache", "--jobs", "1", "--diff", ".", cwd=tmp_path)
    diff2 = factlint("--no-cache", "--jobs", "2", "--diff", ".", cwd=tmp_path)
    assert diff1.out == diff2.out and diff1.out.count("+++ b/") == 24


def test_diff_base_with_jobs(tmp_path, fork_always):
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    newsroom(tmp_path)
    subprocess.run(git + ["add", "."], cwd=tmp_path, check=True)
    subprocess.run(git + ["commit", "-qm", "start"], cwd=tmp_path, check=True)
    path = tmp_path / "news/03.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nOfficials reportedly agreed.\n", encoding="utf-8")
    one = factlint("--no-cache", "--jobs", "1", "--diff-base", "HEAD", "news", cwd=tmp_path)
    two = factlint("--no-cache", "--jobs", "2", "--diff-base", "HEAD", "news", cwd=tmp_path)
    assert (one.code, one.out) == (two.code, two.out)
    assert {line.split(":")[0] for line in one.out.splitlines() if ": " in line} == {"news/03.md"}


def test_small_runs_never_start_workers(tmp_path, monkeypatch):
    import multiprocessing.pool

    def no_pool(*args, **kwargs):
        raise AssertionError("a worker pool was started for a small run")

    monkeypatch.setattr(multiprocessing.pool, "Pool", no_pool)
    newsroom(tmp_path)
    assert factlint("--no-cache", "--jobs", "4", ".", cwd=tmp_path).code == 2
    assert not parallel.worth_forking([], 4)


def test_spawned_workers_get_everything_by_pickle(tmp_path, monkeypatch, fork_always):
    """Where fork is not used (macOS, Windows), workers are spawned and sent their state."""
    newsroom(tmp_path, count=3)
    one = run_json(tmp_path, "--no-cache", "--jobs", "1", ".")
    monkeypatch.setattr(parallel.sys, "platform", "spawn-please")
    assert run_json(tmp_path, "--no-cache", "--jobs", "2", ".") == one


# -- the cache -------------------------------------------------------------------------------
def db_rows(folder, table="results"):
    with sqlite3.connect(folder / ".factlint_cache" / "results.sqlite3") as db:
        return db.execute(f"SELECT * FROM {table}").fetchall()


def test_a_second_run_reads_the_cache_and_prints_the_same(tmp_path, monkeypatch):
    newsroom(tmp_path)
    first = factlint("--format", "json", ".", cwd=tmp_path)
    assert (tmp_path / ".factlint_cache" / "CACHEDIR.TAG").is_file()
    assert len(db_rows(tmp_path)) == 24  # not the unreadable file
    with monkeypatch.context() as m:
        m.setattr(document, "parse", lambda *a, **k: pytest.fail("parsed a cached file"))
        second = factlint("--format", "json", ".", cwd=tmp_path)
    assert (first.code, first.out, first.err) == (second.code, second.out, second.err)
    uncached = factlint("--no-cache", "--format", "json", ".", cwd=tmp_path)
    assert (uncached.code, uncached.out) == (first.code, first.out)


def test_unchanged_files_are_not_even_read_again(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "RACY_SECONDS", -1e9)  # trust the stat of a brand-new file
    write(tmp_path, "story.md", STORY)
    first = factlint("story.md", cwd=tmp_path)
    assert len(db_rows(tmp_path, "files")) == 1
    monkeypatch.setattr(runner, "read_source", lambda *a, **k: pytest.fail("read an unchanged file"))
    assert factlint("story.md", cwd=tmp_path).out == first.out


def test_changed_content_and_settings_are_linted_afresh(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "RACY_SECONDS", -1e9)
    path = write(tmp_path, "story.md", STORY)
    first = factlint("story.md", cwd=tmp_path).out
    assert "framing/loaded-said" in first
    # same size and modification time, different words: the change of ctime gives it away
    st = os.stat(path)
    path.write_text(path.read_text(encoding="utf-8").replace("slammed", "blasted"), encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert os.stat(path).st_size == st.st_size
    assert "'blasted'" in factlint("story.md", cwd=tmp_path).out
    path.write_text(draft(STORY), encoding="utf-8")
    assert factlint("story.md", cwd=tmp_path).out == first
    write(tmp_path, ".factlint.yaml", "ignore: [framing]\n")
    assert "framing/loaded-said" not in factlint("story.md", cwd=tmp_path).out
    write(tmp_path, ".factlint.yaml", "severity: {framing: error}\n")
    assert "error framing/loaded-said" in factlint("story.md", cwd=tmp_path).out
    (tmp_path / ".factlint.yaml").unlink()
    assert factlint("story.md", cwd=tmp_path).out == first
    assert "readability" not in first
    assert "info" not in factlint("--severity", "warning", "story.md", cwd=tmp_path).out


def test_rule_pack_edits_change_the_findings_not_the_cache(tmp_path):
    write(tmp_path, "story.md", "# Ferry\n\nThe ferry is late and the fares are up.\n")
    pack = write(
        tmp_path,
        "pack/house.yaml",
        """\
        rules:
          - id: house/word
            kind: phrase
            category: house
            severity: warning
            words: [ferry]
            message: "House word '{match}'."
            why: House style.
            link: https://example.org/style
            examples: {flag: [The ferry.], pass: [The boat.]}
        """,
    )
    assert "House word 'ferry'" in factlint("--rules", "pack", "story.md", cwd=tmp_path).out
    pack.write_text(
        pack.read_text(encoding="utf-8")
        .replace("words: [ferry]", "words: [fares]")
        .replace("The ferry.", "The fares."),
        encoding="utf-8",
    )
    out = factlint("--rules", "pack", "story.md", cwd=tmp_path).out
    assert "House word 'fares'" in out and "House word 'ferry'" not in out


@pytest.mark.parametrize("damage", ["garbage", "empty", "foreign-db", "bad-payload", "truncated"])
def test_a_damaged_or_foreign_cache_is_ignored(tmp_path, damage):
    newsroom(tmp_path, count=3)
    clean = factlint("--no-cache", "--format", "json", ".", cwd=tmp_path)
    factlint("--format", "json", ".", cwd=tmp_path)
    db = tmp_path / ".factlint_cache" / "results.sqlite3"
    if damage == "garbage":
        db.write_bytes(os.urandom(5000))
    elif damage == "empty":
        db.write_bytes(b"")
    elif damage == "foreign-db":
        db.unlink()
        with sqlite3.connect(db) as con:
            con.execute("CREATE TABLE results (a, b)")
            con.execute("INSERT INTO results VALUES (1, 2)")
    elif damage == "bad-payload":
        with sqlite3.connect(db) as con:
            con.execute("UPDATE results SET value = CASE WHEN rowid % 2 THEN 'not json' ELSE '[[1, 2, \"x\"]]' END")
    elif damage == "truncated":
        data = db.read_bytes()
        db.write_bytes(data[: len(data) // 3])
    for rules_pickle in (tmp_path / ".factlint_cache").glob("rules-*.pickle"):
        rules_pickle.write_bytes(b"factlint-rules\n" + b"0" * 32 + b"\n" + pickle.dumps("not a rule set"))
    for _ in range(2):  # the damaged cache is read, then replaced
        run = factlint("--format", "json", ".", cwd=tmp_path)
        assert (run.code, run.out, run.err) == (clean.code, clean.out, clean.err)


def test_an_unwritable_cache_folder_is_no_cache(tmp_path):
    write(tmp_path, "story.md", STORY)
    (tmp_path / "blocked").write_text("a file where the folder should be", encoding="utf-8")
    run = factlint("--cache-dir", "blocked/cache", "story.md", cwd=tmp_path)
    assert run.code == 1 and "framing/loaded-said" in run.out and run.err == ""


def test_no_cache_cache_dir_and_the_environment(tmp_path, monkeypatch):
    write(tmp_path, "story.md", STORY)
    factlint("--no-cache", "story.md", cwd=tmp_path)
    assert not (tmp_path / ".factlint_cache").exists()
    factlint("--cache-dir", "elsewhere", "story.md", cwd=tmp_path)
    assert (tmp_path / "elsewhere" / "results.sqlite3").is_file()
    assert not (tmp_path / ".factlint_cache").exists()
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "from-env"))
    factlint("story.md", cwd=tmp_path)
    assert (tmp_path / "from-env" / "results.sqlite3").is_file()
    assert not (tmp_path / ".factlint_cache").exists()


def test_the_cache_lives_in_the_project_root(tmp_path):
    write(tmp_path, ".factlint.yaml", "ignore: [readability]\n")
    write(tmp_path, "desk/story.md", STORY)
    factlint("story.md", cwd=tmp_path / "desk")
    assert (tmp_path / ".factlint_cache").is_dir() and not (tmp_path / "desk" / ".factlint_cache").exists()


def test_stdin_is_never_cached(tmp_path):
    write(tmp_path, "story.md", STORY)
    factlint("story.md", cwd=tmp_path)
    before = db_rows(tmp_path)
    run = factlint("-", "--stdin-filename", "other.md", cwd=tmp_path, stdin=draft(STORY) + "\nMore.\n")
    assert "framing/loaded-said" in run.out
    assert db_rows(tmp_path) == before
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    factlint("-", cwd=fresh, stdin=draft(STORY))
    assert os.listdir(fresh) == []  # and linting stdin never creates a cache folder


def test_fix_is_never_fooled_by_the_cache(tmp_path):
    path = write(tmp_path, "story.md", STORY)
    assert "editing/repeated-word" in factlint("story.md", cwd=tmp_path).out
    run = factlint("--fix", "story.md", cwd=tmp_path)
    assert "fixed 1 finding" in run.err and "The the" not in path.read_text(encoding="utf-8")
    assert "editing/repeated-word" not in factlint("story.md", cwd=tmp_path).out
    path.write_text(draft(STORY), encoding="utf-8")  # back to the cached content
    run = factlint("--fix", "story.md", cwd=tmp_path)
    assert "fixed 1 finding" in run.err and "The the" not in path.read_text(encoding="utf-8")


def test_cached_fingerprints_serve_baselines_and_sarif(tmp_path):
    newsroom(tmp_path, count=2)
    factlint(".", cwd=tmp_path)  # a cache without fingerprints
    assert factlint("--write-baseline", "base.json", ".", cwd=tmp_path).code == 2  # the broken file
    for _ in range(2):  # the second time from the cache, with the fingerprints stored
        run = factlint("--baseline", "base.json", ".", cwd=tmp_path)
        assert run.code == 2 and ": " not in run.out.replace("No findings", "")  # only the broken file
    sarif = [json.loads(factlint("--format", "sarif", ".", cwd=tmp_path).out) for _ in range(2)]
    assert sarif[0] == sarif[1]
    prints = [r["partialFingerprints"] for r in sarif[1]["runs"][0]["results"]]
    assert prints and all(prints)


# -- past one machine --------------------------------------------------------------------------
def test_rules_and_lint_text_pickle():
    rules = load_rules()
    again = pickle.loads(pickle.dumps(rules))
    text = draft(STORY)
    assert lint_text(text, "story.md", again) == lint_text(text, "story.md", rules)
    found = lint_text(text, "story.md", again)
    assert pickle.loads(pickle.dumps(found)) == found
    assert pickle.loads(pickle.dumps(lint_text)) is lint_text


def test_compiled_rules_are_cached_on_disk_and_a_bad_copy_is_ignored(tmp_path):
    from factlint.ruleset import load_rules as load

    fresh = load(cache_dir=str(tmp_path))
    [cached] = list(tmp_path.glob("rules-*.pickle"))
    again = load(cache_dir=str(tmp_path))
    assert [r.id for r in again.rules] == [r.id for r in fresh.rules] and again.digest == fresh.digest
    text = draft(STORY)
    assert lint_text(text, "s.md", again) == lint_text(text, "s.md", fresh)
    for bad in (b"", b"junk", cached.read_bytes()[:200], b"factlint-rules\n" + b"x" * 40):
        cached.write_bytes(bad)
        assert [r.id for r in load(cache_dir=str(tmp_path)).rules] == [r.id for r in fresh.rules]


def test_a_planted_rules_cache_never_runs_code(tmp_path):
    """A pull request can commit files into the project's cache folder: a cached rule set
    that this user's factlint did not sign is never unpickled."""
    from factlint.ruleset import load_rules as load

    fresh = load(cache_dir=str(tmp_path))
    [cached] = list(tmp_path.glob("rules-*.pickle"))
    magic, digest, _signature, _payload = cached.read_bytes().split(b"\n", 3)
    marker = tmp_path / "pwned"

    class Exploit:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    cached.write_bytes(b"\n".join([magic, digest, b"0" * 64, pickle.dumps(Exploit())]))
    again = load(cache_dir=str(tmp_path))
    assert not marker.exists()
    assert [r.id for r in again.rules] == [r.id for r in fresh.rules]


@pytest.mark.slow  # minutes-class: left out of the quick loop (pytest -m "not slow")
def test_a_subprocess_run_with_jobs_matches_the_library(tmp_path):
    """The real command line (fork, no monkeypatching) on enough text to use workers."""
    root = tmp_path / "archive"
    for i in range(40):
        write(root, f"{i:02d}.md", (STORY + "\n" + PLAIN * 3) * 30)
    cmd = [sys.executable, "-m", "factlint", "--no-cache", "--format", "json", str(root)]
    one = subprocess.run(cmd + ["--jobs", "1"], capture_output=True, text=True)
    two = subprocess.run(cmd + ["--jobs", "2"], capture_output=True, text=True)
    assert one.returncode == two.returncode == 1 and one.stdout == two.stdout
    rules = load_rules()
    expected = []
    for path in sorted(root.iterdir()):
        expected.extend(f.to_dict() for f in lint_text(path.read_text(encoding="utf-8"), str(path), rules))
    assert json.loads(one.stdout)["findings"] == expected


def _children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(c) for c in f.read().split()]
    except OSError:
        return []


def _alive(pid):
    """Running, not a zombie (an orphan's zombie waits for init to reap it)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="reads /proc (Linux)")
def test_workers_exit_when_the_parent_is_killed(tmp_path):
    """Issue 18 item 6: after SIGKILL of the main process the workers lived on for 20 minutes."""
    import time

    paragraph = "Officials said the ferry fares would rise. The mayor reportedly slammed it.\n\n"
    for i in range(400):
        write(tmp_path, f"news/{i:03d}.md", f"# Story {i}\n\n" + paragraph * 60)
    proc = subprocess.Popen(
        [sys.executable, "-m", "factlint", "--no-cache", "--jobs", "2", "news"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        workers = []
        deadline = time.monotonic() + 60
        while len(workers) < 2 and proc.poll() is None and time.monotonic() < deadline:
            workers = _children(proc.pid)
            time.sleep(0.05)
        assert len(workers) == 2, "the run never started its two workers"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 30  # generous: the workers poll every half second
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert [w for w in workers if _alive(w)] == []
    finally:
        for w in workers:
            if _alive(w):
                os.kill(w, signal.SIGKILL)
        if proc.poll() is None:
            proc.kill()


# -- the default --jobs: only the CPUs no other process is running on ------------------
@pytest.mark.parametrize(
    "cpus, others, expected",
    [
        (2, 0, 2),  # an idle machine: every CPU
        (2, 1, 1),  # one CPU busy elsewhere: a second worker would only share it
        (2, 0.6, 2),  # 1.4 CPUs free: the second worker gets more than its overhead
        (2, 0.9, 1),  # 1.1 free: not enough to pay for the workers' extra CPU
        (2, 4, 1),  # overloaded: one process, never zero
        (8, 3, 5),
        (8, None, 8),  # the system does not say: the CPUs, as before
    ],
)
def test_auto_jobs_counts_idle_cpus(monkeypatch, cpus, others, expected):

    monkeypatch.setattr(parallel, "_running_others", lambda: others)
    assert parallel.auto_jobs(cpus) == expected


def test_auto_jobs_is_asked_only_for_runs_big_enough_to_fork_for(monkeypatch, tmp_path):

    asked = []
    monkeypatch.setattr(parallel, "auto_jobs", lambda cpus: asked.append(cpus) or 1)

    class Task:
        def __init__(self, index, item):
            self.index, self.item, self.stat = index, item, None

    small = [Task(i, str(write(tmp_path, f"s{i}.md", "A line.\n"))) for i in range(3)]
    assert [i for i, _ in parallel.run_tasks(lambda state, t: t.item, None, small, 2, auto=True)] == [0, 1, 2]
    assert asked == []
    big = [Task(i, str(write(tmp_path, f"b{i}.md", "A line of copy.\n" * 20000))) for i in range(2)]
    assert [i for i, _ in parallel.run_tasks(lambda state, t: t.item, None, big, 2, auto=True)] == [0, 1]
    assert asked == [2]  # and with 1 idle CPU the big run stayed in this process
