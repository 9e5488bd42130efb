"""Timing helpers for the linear-time tests (not a test module).

Timings on a shared machine are noisy: each size is run several times,
sizes interleaved (a burst of load then slows every size alike), the best
time kept, and the cyclic garbage collector paused (its pauses depend on the
whole test process, not on the text read)."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Sequence

from screener.errors import ScreenError

SIZES = (1, 2, 4, 8)


def best_times(run: Callable[[str], object], texts: Sequence[str], runs: int = 4) -> list[float]:
    best = [float("inf")] * len(texts)
    gc.disable()
    try:
        for _ in range(runs):
            for index, text in enumerate(texts):
                start = time.perf_counter()
                try:
                    run(text)
                except ScreenError:
                    pass
                best[index] = min(best[index], time.perf_counter() - start)
    finally:
        gc.enable()
    return best


def assert_linear(run: Callable[[str], object], build: Callable[[int], str], n: int) -> None:
    """Texts of n, 2n, 4n and 8n: linear work takes 8x from n to 8n and 4x
    from 2n to 8n, quadratic work 64x and 16x. Either ratio may be up to 4x
    (resp. 2.5x) the linear one, with a 50 ms floor: CPU caches and other
    processes move small timings, but a quadratic reading fails both."""
    t1, t2, t4, t8 = best_times(run, [build(n * k) for k in SIZES])
    assert t8 < max(4 * 8 * t1, 2.5 * 4 * t2, 0.05), (t1, t2, t4, t8)
