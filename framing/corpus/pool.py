"""The warm pool of worker processes that :func:`~framing.corpus.count_corpus` counts with.

Starting a worker process is slow (a fresh Python that imports pandas, pyarrow and
framing), so the pool outlives a call for :attr:`WarmPool.idle_seconds`: counting again
(another lexicon, another grouping) reuses the processes at once. The workers ignore
interrupts (Ctrl-C, a Jupyter kernel's interrupt: the parent handles them), exit by
themselves when their parent process dies (a killed kernel), and :func:`shutdown_workers`
stops them at once.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import inspect
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import wait as wait_for

from .. import _cache
from .._errors import FramingError

__all__ = ["IDLE_WORKER_SECONDS", "WarmPool", "shutdown_workers"]

#: Seconds an idle pool of worker processes is kept for the next count_corpus call.
IDLE_WORKER_SECONDS = 300


def _pool_key(n_workers: int) -> tuple:
    """What a kept pool's workers were started with: a pool is reused only while this holds
    (a spawned worker has the parent's sys.path, working folder and environment of the time
    it started)."""
    return (n_workers, tuple(sys.path), os.getcwd(), tuple(sorted(os.environ.items())),
            concurrent.futures.ProcessPoolExecutor)  # fmt: skip


class WarmPool:
    """A process pool of spawned workers, kept warm between uses for a bounded idle time.

    ``with pool.use(n) as executor`` gives a :class:`~concurrent.futures.ProcessPoolExecutor`
    of ``n`` workers: the kept one when it was started with ``n`` workers, this
    ``sys.path``, working folder and environment and is not broken, else a new one. After
    the last user leaves, the pool is kept for :attr:`idle_seconds`, then shut down. A pool
    that saw an error is shut down at once, never reused.

    Parameters
    ----------
    idle_seconds : float, default IDLE_WORKER_SECONDS
        The bound on how long idle workers are kept (and hold their memory) after the last
        use; read when a use ends, so it may be changed on a live pool.
    """

    def __init__(self, idle_seconds: float = IDLE_WORKER_SECONDS):
        self.idle_seconds = idle_seconds
        self._lock = threading.Lock()
        self._key: tuple | None = None
        self._executor = None
        self._users = 0
        self._timer: threading.Timer | None = None

    @contextlib.contextmanager
    def use(self, n_workers: int):
        """``with pool.use(n) as executor``: the executor of ``n`` workers, warm if kept."""
        executor = self._acquire(n_workers)
        try:
            yield executor
        except BaseException:
            self._release(executor, failed=True)
            raise
        self._release(executor, failed=False)

    def kept_workers(self) -> int:
        """The number of worker processes kept idle from an earlier use that a use now would
        reuse (started with this sys.path, folder and environment, not broken), or 0."""
        with self._lock:
            if self._executor is None or self._users:
                return 0
            n = self._key[0]
            return n if self._usable(_pool_key(n)) else 0

    def worker_pids(self) -> list[int]:
        """The process ids of the kept workers (for diagnostics and tests)."""
        with self._lock:
            return sorted(getattr(self._executor, "_processes", None) or ())

    def shutdown(self) -> None:
        """Stop the kept workers now, unless a count is using them."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            executor = self._executor if not self._users else None
            if executor is not None:
                self._forget()
        if executor is not None:
            executor.shutdown(wait=True)

    def _usable(self, key: tuple) -> bool:
        """Whether the kept executor (there is one) was started as ``key`` and is not broken;
        call with the lock held."""
        return self._key == key and not getattr(self._executor, "_broken", False)

    def _forget(self) -> None:
        """Drop the kept executor (its timer too); call with the lock held."""
        self._key = self._executor = self._timer = None
        self._users = 0

    def _acquire(self, n_workers: int):
        _stop_if_importing_main()
        key = _pool_key(n_workers)
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self._executor is not None and not self._usable(key):
                if not self._users:
                    self._executor.shutdown(wait=False, cancel_futures=True)
                self._forget()
            if self._executor is None:
                self._executor = concurrent.futures.ProcessPoolExecutor(
                    max_workers=n_workers,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start_worker,
                )
                self._key = key
            self._users += 1
            return self._executor

    def _release(self, executor, *, failed: bool) -> None:
        with self._lock:
            kept = self._executor is executor
            if kept:
                self._users -= 1
            if failed:
                if kept:
                    self._forget()
                executor.shutdown(wait=True, cancel_futures=True)
            elif kept and not self._users:
                self._timer = threading.Timer(self.idle_seconds, self._retire, (executor,))
                self._timer.daemon = True
                self._timer.start()
            elif not kept:
                executor.shutdown(wait=False)

    def _retire(self, executor) -> None:
        """Shut down the kept executor if it is still ``executor`` and idle."""
        with self._lock:
            if self._executor is not executor or self._users:
                return
            self._forget()
        executor.shutdown(wait=False)


#: The pool count_corpus keeps between calls.
WARM_POOL = WarmPool()


def _start_worker() -> None:
    """Run in each worker process as it starts: ignore interrupts, and exit when the parent
    process dies.

    A Ctrl-C in a terminal, or a Jupyter kernel's interrupt or stop, sends SIGINT to the
    whole process group, workers included. The parent handles it (a count in progress stops
    and shuts its pool down); a worker that took it too would print a KeyboardInterrupt
    traceback and die, breaking the kept pool. So workers ignore SIGINT (it stayed blocked
    from their spawn until now, see :func:`_submit`) and are stopped by their parent:
    shut down with the pool, or, when the parent dies (a killed kernel), through the
    parent's end of the pipe the worker was started through, which closes only when the
    parent goes.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return

    def wait() -> None:
        wait_for([parent.sentinel])
        os._exit(0)

    threading.Thread(target=wait, daemon=True, name="framing-parent-watch").start()


def _submit(pool, function, args):
    """``pool.submit(function, *args)`` with SIGINT blocked in this thread meanwhile.

    A ProcessPoolExecutor spawns its worker processes in its first submit, and a spawned
    process starts with the signal mask of the thread that spawned it: so an interrupt that
    reaches the workers while they are still starting (importing) stays
    pending there until :func:`_start_worker` ignores it, instead of killing them with a
    traceback. This process receives it as soon as the mask is restored.
    """
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no process-group interrupts
        return pool.submit(function, *args)
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        return pool.submit(function, *args)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def shutdown_workers() -> None:
    """Stop the worker processes :func:`count_corpus` keeps for its next call.

    They stop by themselves after :data:`IDLE_WORKER_SECONDS` without work, or when Python
    exits; call this to free their memory at once.

    Examples
    --------
    >>> shutdown_workers()
    """
    WARM_POOL.shutdown()


def worker_died(spans: list[str], lower: str, executor=None, *, where: str = "count_corpus",
                doing: str = "counting") -> FramingError:  # fmt: skip
    """The error for a pool whose worker died while ``spans`` (row ranges) were in flight.

    When a worker of ``executor`` stopped because the main script calls count_corpus
    outside ``if __name__ == "__main__":`` (see :func:`_stop_if_importing_main`), the error
    says so instead.
    """
    if _UNGUARDED_EXIT in _exit_codes(executor):
        return _unguarded_main_error(where)
    shown = "; ".join(spans[:4]) + ("; ..." if len(spans) > 4 else "")
    return FramingError(
        f"a worker process died (killed, or out of memory) while {doing} {shown}",
        where=where,
        fix=f"Nothing was counted. Lower {lower}, look for very long articles in those rows, "
        "or count with workers=1 to see the error.",
    )


# The exit status of a worker process that stopped at its start because the main script
# calls count_corpus outside ``if __name__ == "__main__":``.
_UNGUARDED_EXIT = 86


def _stop_if_importing_main() -> None:
    """In a worker process that is still importing the main script, stop with
    :data:`_UNGUARDED_EXIT` instead of starting workers of its own.

    A spawned process imports the main script again, under the name ``__mp_main__``, before
    it can work; a script that calls count_corpus outside ``if __name__ == "__main__":``
    thus calls it in every worker, where starting processes fails with Python's RuntimeError
    about the "bootstrapping phase" and the parent sees only a worker that died. The parent
    reads this exit status (:func:`worker_died`) and says what to change.
    """
    frame = inspect.currentframe()
    while frame is not None:
        if frame.f_code.co_name == "<module>" and frame.f_globals.get("__name__") == "__mp_main__":
            sys.stderr.write(
                "framing: this worker process stops: importing the main script again, it ran "
                "the script's call that starts framing's workers (count_corpus, "
                'voices_in_workers), which must be under if __name__ == "__main__":\n'
            )
            raise SystemExit(_UNGUARDED_EXIT)
        frame = frame.f_back


def _exit_codes(executor) -> list:
    """The exit codes of the executor's worker processes (None for a running one).

    The pool breaks as soon as a worker's end of its pipe closes, which may be a moment
    before that worker can be reaped, and the others are being stopped meanwhile: so this
    waits up to a second for the codes to be known, less when the one sought is there.
    """
    processes = list((getattr(executor, "_processes", None) or {}).values())
    codes = [p.exitcode for p in processes]
    deadline = time.monotonic() + 1
    while None in codes and _UNGUARDED_EXIT not in codes and time.monotonic() < deadline:
        time.sleep(0.02)
        codes = [p.exitcode for p in processes]
    return codes


def _unguarded_main_error(where: str = "count_corpus") -> FramingError:
    main = sys.modules.get("__main__")
    script = getattr(main, "__file__", None) or "the main script"
    return FramingError(
        f"the worker processes could not start: each one imports {script} again (that is how "
        f"worker processes are started), and the script calls {where} outside "
        "'if __name__ == \"__main__\":', so they ran it too",
        where=where,
        fix='Put the code that counts under if __name__ == "__main__": at the end of the '
        "script (worker processes import the script under another name and skip that "
        "block), or count with workers=1.",
    )


def in_order(pool, jobs, pending: deque, collect, n_workers: int) -> None:
    """Submit ``(key, function, args)`` jobs to ``pool`` with at most two per worker in
    flight, collecting results in submission order; on any error cancel the rest."""
    try:
        for key, function, args in jobs:
            try:
                future = _submit(pool, function, args)
            except BrokenProcessPool as exc:  # a worker died while jobs were handed out
                while pending:
                    collect()  # a job of the broken pool raises the error that names it
                raise FramingError(
                    "a worker process died (killed, or out of memory) before any job finished",
                    where="count_corpus",
                    fix="Count with fewer workers (workers=1) or smaller chunk_size=.",
                ) from exc
            pending.append((key, future))
            while len(pending) >= 2 * n_workers:
                collect()
        while pending:
            collect()
    except BaseException:
        for _, future in pending:
            future.cancel()
        raise


def prepare_finish() -> None:
    """Import, in a thread, what the counts table at the end needs (scipy.special, 0.4 s),
    while this process waits for its workers instead of after them."""
    if "scipy.special" in sys.modules:
        return

    def load() -> None:
        with contextlib.suppress(ImportError):  # then the counts table says what is missing
            import scipy.special  # noqa: F401

    threading.Thread(target=load, daemon=True, name="framing-import").start()


_cache.register_cache(
    "worker pool",
    shutdown_workers,
    f"the worker processes of count_corpus and voices_in_workers, kept {IDLE_WORKER_SECONDS:.0f} s "
    "after their last job "
    "(WARM_POOL.idle_seconds)",
)
