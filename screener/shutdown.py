"""Stopping cleanly: signals in the CLI, and worker processes that outlive no one.

The CLI turns SIGINT (Ctrl-C), SIGTERM and SIGHUP into one exception,
``Terminated`` (a KeyboardInterrupt), so that the same clean-up runs
whatever stops it: the temporary ``.part`` file is removed,
the workers are stopped, and the command exits with 128 + the signal number.

A worker cannot rely on its parent to stop it (SIGKILL leaves no chance), so
each one watches its parent's process id and exits once it changes.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from types import FrameType

#: The signals that stop a run cleanly.
STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
#: Signals received and not yet acted on. A handler's exception can be lost
#: (raised inside a callback Python ignores errors from, e.g. during a fork),
#: so long loops also call ``check_stop()`` at safe points.
_PENDING: list[int] = []
#: How often a worker checks that its parent is alive (seconds).
PARENT_POLL = 0.5


class Terminated(KeyboardInterrupt):
    """The process was asked to stop by a signal (SIGTERM, SIGHUP)."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(signal.Signals(signum).name)


def exit_code(exc: KeyboardInterrupt) -> int:
    """128 + the signal number, as a shell reports a process stopped by it."""
    return 128 + (exc.signum if isinstance(exc, Terminated) else int(signal.SIGINT))


#: The process that installed the raising handler (stop_signals_raise).
_OWNER: list[int] = []


def _raise_terminated(signum: int, _frame: FrameType | None) -> None:
    if _OWNER and os.getpid() != _OWNER[-1]:
        # A forked worker that has not yet reset its handlers (watch_parent):
        # raising here would print a traceback from inside the pool's
        # initializer. Do what the worker's own handlers will do.
        if signum == signal.SIGINT:
            return  # the parent handles Ctrl-C
        os._exit(128 + signum)
    _PENDING.append(signum)
    raise Terminated(signum)


def check_stop() -> None:
    """Raise Terminated if a stop signal arrived whose exception was lost."""
    if _PENDING:
        raise Terminated(_PENDING[0])


@contextlib.contextmanager
def stop_signals_raise() -> Iterator[None]:
    """Within the block, SIGINT, SIGTERM and SIGHUP raise Terminated (a
    KeyboardInterrupt) and are remembered for check_stop() (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _PENDING.clear()
    _OWNER.append(os.getpid())
    previous = {sig: signal.signal(sig, _raise_terminated) for sig in STOP_SIGNALS}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        _PENDING.clear()
        _OWNER.pop()


def watch_parent(parent: int, poll: float = PARENT_POLL) -> None:
    """In a worker: ignore Ctrl-C (the parent handles it), die quietly on
    SIGTERM (a forked worker inherits the parent's raising handler), and exit
    as soon as the process ``parent`` is no longer this one's parent (it died)."""
    with contextlib.suppress(ValueError):  # not the main thread
        for sig in STOP_SIGNALS:
            signal.signal(sig, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _PENDING.clear()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(poll)
        os._exit(1)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


def terminate_pool(pool: ProcessPoolExecutor, timeout: float = 5.0) -> None:
    """Stop a pool now: cancel what is queued and terminate its workers."""
    # The processes, before shutdown() forgets them (a private but long-stable attribute).
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    deadline = time.monotonic() + timeout
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(max(0.0, deadline - time.monotonic()))
