"""Run worker functions in several 'spawn' processes at once and collect their results."""

from __future__ import annotations

import multiprocessing
import queue as queue_module
from collections.abc import Callable
from typing import Any

TIMEOUT = 150


def run_parallel(target: Callable[..., None], per_worker_args: list[tuple]) -> dict[int, Any]:
    """Start one process per args tuple: target(*args, barrier, queue); return {index: results}.

    Each args tuple must start with whatever the target expects before (barrier, queue); the
    worker puts (index, results) on the queue. A barrier shared by all workers lines them up."""
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(len(per_worker_args))
    results_queue = ctx.Queue()
    procs = [
        ctx.Process(target=target, args=(*args, barrier, results_queue), daemon=True)
        for args in per_worker_args
    ]
    for proc in procs:
        proc.start()
    results: dict[int, Any] = {}
    try:
        for _ in procs:
            index, result = results_queue.get(timeout=TIMEOUT)
            results[index] = result
    except queue_module.Empty:
        raise AssertionError(
            f"workers did not report in {TIMEOUT}s: got {sorted(results)}"
        ) from None
    finally:
        for proc in procs:
            proc.join(timeout=30)
            if proc.is_alive():
                proc.kill()
                proc.join()
    assert all(proc.exitcode == 0 for proc in procs), [proc.exitcode for proc in procs]
    return results
