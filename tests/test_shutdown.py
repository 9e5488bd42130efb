"""A forked batch worker inherits the parent's raising signal handler until its
initializer (shutdown.watch_parent) resets it. A SIGTERM from the parent's
clean-up in that window once printed a traceback from inside the pool's
initializer (seen in CI: test_a_signal_removes_the_part_file_and_stops_the_workers).
In a child the inherited handler now does what the worker's own will: exit
quietly on SIGTERM and SIGHUP, ignore SIGINT."""

from __future__ import annotations

import os
import signal

import pytest

from screener.shutdown import Terminated, stop_signals_raise

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")


def _child_after(signum: int) -> tuple[int, bytes]:
    """Fork under the raising handler; the child signals itself at once and
    reports on stderr (a pipe) what happened. Returns (exit code, stderr)."""
    read_end, write_end = os.pipe()
    with stop_signals_raise():
        pid = os.fork()
        if pid == 0:  # the child: never returns into pytest
            code = 3
            try:
                os.dup2(write_end, 2)
                os.kill(os.getpid(), signum)
                code = 7  # the signal was ignored
            except Terminated:
                os.write(2, b"Terminated raised in the child")
                code = 9
            finally:
                os._exit(code)
    os.close(write_end)
    _pid, status = os.waitpid(pid, 0)
    with os.fdopen(read_end, "rb") as pipe:
        printed = pipe.read()
    return os.waitstatus_to_exitcode(status), printed


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_forked_child_dies_quietly_on_sigterm_and_sighup(signum: int) -> None:
    assert _child_after(signum) == (128 + signum, b"")


def test_a_forked_child_ignores_sigint() -> None:
    assert _child_after(signal.SIGINT) == (7, b"")


def test_the_parent_still_raises() -> None:
    with stop_signals_raise(), pytest.raises(Terminated):
        os.kill(os.getpid(), signal.SIGTERM)  # the handler runs as kill returns
