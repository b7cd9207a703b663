"""Linting files in worker processes (``--jobs``).

The parent process discovers the files, reads the configuration and compiles each
distinct rule set; workers only read, parse and lint. On Linux workers are forked, so
they inherit the compiled rules and start in milliseconds; elsewhere they are spawned
and get the rules by pickle, once per worker (a :class:`~factlint.ruleset.RuleSet`
pickles, and so does everything else a worker needs). Each worker lints a share of the
files and sends back plain findings; the parent puts them back in input order, so the
output is the same whatever the number of jobs. What linting one file means is the
caller's: :func:`run_tasks` is given it (the check pipeline gives
:func:`factlint.runner.lint_file`), so this module knows processes, not linting.

Starting workers costs tens of milliseconds, so small runs -- one file, or a few
hundred kilobytes, as in a pre-commit hook -- are linted in the parent process.

The default number of workers (no ``--jobs``) is the CPUs no other process is running
on (:func:`auto_jobs`), not simply the CPUs: workers cost about 11 % more CPU in all than
one process (forking, sending findings back), so on a machine whose CPUs are already
busy they make a run slower, not faster. Measured with bench/site.py on a 200-post
site (1.05 MB), 2 CPUs, load 4.7 from other jobs, 7 interleaved pairs, ``--no-cache``:
2 workers 20.7 s median wall (15.4-23.7) against 16.4 s (15.5-25.8) in one process --
per pair 1.21x slower (0.92-1.28), CPU 1.11x. With this rule, at load 5-5.5: 17.3 s
against 17.0 s, per pair 1.03x (0.61-1.13), the same within the noise. See docs/scale.md.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from typing import Any, TypeVar, cast

T = TypeVar("T")

#: lint in workers only when there is at least this much to read ...
PARALLEL_MIN_BYTES = 256 * 1024
#: ... spread over at least this many files (one file is never split)
PARALLEL_MIN_FILES = 2

_STATE: Any = None  # the WorkerState of this worker process
_WORK: Callable[[Any, Any], object] | None = None  # and the function that handles one task there


def default_jobs() -> int:
    """The CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


#: a second worker is worth it only when it gets more CPU than the workers' extra cost
#: (CPU 1.11x measured for 2 workers against 1 process; rounded up for safety)
WORKER_OVERHEAD = 0.15


def _running_others() -> float | None:
    """How many other processes are running right now: the run queue in /proc/loadavg
    (it counts this process too), the median of three looks 2 ms apart; elsewhere the
    1-minute load average. None when the system does not say."""
    try:
        samples = []
        for i in range(3):
            with open("/proc/loadavg", encoding="ascii") as handle:
                samples.append(int(handle.read().split()[3].split("/")[0]) - 1)
            if i < 2:
                import time

                time.sleep(0.002)
        return float(sorted(samples)[1])
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return None


def auto_jobs(cpus: int) -> int:
    """The default number of workers: one per CPU that no other process is running on,
    counting a partly free CPU when it is free by more than the workers' overhead --
    and at least 1, at most ``cpus``."""
    others = _running_others()
    if others is None:
        return cpus
    free = cpus - max(0.0, others)
    return max(1, min(cpus, int(free - WORKER_OVERHEAD) + 1 if free > WORKER_OVERHEAD else 1))


def worth_forking(tasks, jobs: int) -> bool:
    if jobs <= 1 or len(tasks) < PARALLEL_MIN_FILES:
        return False
    total = 0
    for task in tasks:
        st = task.stat
        if st is None:
            try:
                st = os.stat(task.item)
            except OSError:
                continue
        total += st.st_size
        if total >= PARALLEL_MIN_BYTES:
            return True
    return False


def run_tasks(work: Callable[[Any, Any], T], state, tasks, jobs: int, auto: bool = False) -> Iterator[tuple[int, T]]:
    """(index, ``work(state, task)``) for every task, run here or in up to ``jobs`` workers
    (with ``auto``, the default: as many of them as there are idle CPUs, see :func:`auto_jobs`).
    Forked workers inherit ``work`` and ``state``; spawned ones get them by pickle, once
    per worker (``work`` must then be a module-level function)."""
    if auto and worth_forking(tasks, jobs):
        jobs = auto_jobs(jobs)  # asked only for a run big enough to fork for
    if not worth_forking(tasks, jobs):
        for task in tasks:
            yield task.index, work(state, task)
        return
    import multiprocessing

    # import what every worker needs before forking, so that it is imported once, here
    from . import engine  # noqa: F401
    from .document import build  # noqa: F401

    if any(task.item.lower().endswith(build.MARKDOWN_SUFFIXES) for task in tasks):
        from .document import markdown  # noqa: F401

    global _STATE, _WORK
    workers = min(jobs, len(tasks))
    # small chunks keep the workers evenly busy; not so small that sending them dominates
    chunksize = max(1, min(32, len(tasks) // (workers * 8)))
    if sys.platform == "linux":
        ctx = multiprocessing.get_context("fork")
        _STATE, _WORK = state, work  # inherited by the forked workers: nothing to pickle
        initargs: tuple = (None, None, os.getpid())
    else:
        ctx = multiprocessing.get_context("spawn")
        initargs = (state, work, os.getpid())
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    # concurrent.futures, not multiprocessing.Pool: when a worker dies (killed by the
    # out-of-memory killer, a crash in a C extension) Pool waits for its results forever;
    # the executor says so, and the files it did not finish are linted here instead
    done: set[int] = set()
    finished_cleanly = False
    pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init, initargs=initargs)
    try:
        pending = {pool.submit(_work_chunk, tasks[i : i + chunksize]) for i in range(0, len(tasks), chunksize)}
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                for index, outcome in future.result():
                    done.add(index)
                    yield index, cast(T, outcome)  # a worker's work(state, task), sent back by pickle
        finished_cleanly = True
    except BrokenProcessPool:
        print("factlint: a worker process died while linting; linting the rest in one process", file=sys.stderr)
        for task in tasks:
            if task.index not in done:
                yield task.index, work(state, task)
    finally:
        if finished_cleanly:
            pool.shutdown(wait=True)
        else:
            _stop(pool)
        _STATE = _WORK = None


def _stop(pool) -> None:
    """Shut the pool down now: queued chunks are cancelled and running workers stopped
    (after Ctrl-C or an error there is nobody to wait for)."""
    workers = list((getattr(pool, "_processes", None) or {}).values())  # no public way to reach them
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in workers:
        if proc.is_alive():
            proc.terminate()


#: how often a worker checks that its parent is still there (seconds)
PARENT_POLL_SECONDS = 0.5


def _init(state=None, work=None, parent_pid: int | None = None) -> None:
    global _STATE, _WORK
    if parent_pid is not None:
        _exit_with_parent(parent_pid)
    if state is not None:  # spawned: the state and the work came by pickle
        from . import syllables

        _STATE, _WORK = state, work
        syllables.use_folder(state.data_folder)
    # a worker ignores Ctrl-C: the parent stops the pool and reports it; and a worker the
    # parent stops ends quietly (a forked worker would otherwise run the command line's
    # SIGTERM handler and print a traceback)
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _exit_with_parent(parent_pid: int) -> None:
    """End this worker when the parent is gone (SIGKILL, the out-of-memory killer): a
    forked worker holds both ends of the executor's pipes, so it would never see them
    close and would live on, busy or waiting, with nobody to read its results. A daemon
    thread compares ``os.getppid()`` with the parent's pid (a dead parent's children are
    re-parented to init or a subreaper) and ends the process at once."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="factlint-parent-watch", daemon=True).start()


def _work_chunk(tasks) -> list[tuple[int, object]]:
    assert _WORK is not None  # set by run_tasks (fork) or _init (spawn) before any chunk runs
    return [(task.index, _WORK(_STATE, task)) for task in tasks]
