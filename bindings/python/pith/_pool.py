"""Calls in worker threads, results in input order.

ctypes lets go of the GIL for the length of each C call, so the library's
work on separate pages runs in parallel; the Python around the calls is
small. At most a few items per thread are in flight, so an endless input
(a crawl) is read as fast as it is extracted, not all at once.
"""

from __future__ import annotations

import collections
import concurrent.futures
import os
from typing import Callable, Iterable, Iterator, Optional, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Items queued per thread: enough that no thread waits for the reader.
_AHEAD = 4


def threads_or_default(threads: Optional[int]) -> int:
    """`threads`, or one per core when None; ValueError under 1."""
    if threads is None:
        return os.cpu_count() or 1
    if isinstance(threads, bool) or not isinstance(threads, int):
        raise TypeError(f"threads must be an int, not {type(threads).__name__}")
    if threads < 1:
        raise ValueError(f"threads={threads!r}: must be 1 or more")
    return threads


def ordered_map(func: Callable[[T], R], items: Iterable[T], threads: int) -> Iterator[R]:
    """func(item) for every item, computed in `threads` threads (in the
    calling one when 1), yielded in the order of `items`. An exception of
    func is raised where its result would have been yielded."""
    if threads == 1:
        for item in items:
            yield func(item)
        return
    with concurrent.futures.ThreadPoolExecutor(threads) as pool:
        pending: collections.deque = collections.deque()
        try:
            for item in items:
                pending.append(pool.submit(func, item))
                if len(pending) >= threads * _AHEAD:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:  # the caller stopped early or failed
                future.cancel()
