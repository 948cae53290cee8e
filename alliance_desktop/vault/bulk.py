"""Bulk loads without the cyclic garbage collector walking every new object.

Loading or writing tens of thousands of records creates millions of small objects
(rows, sessions, dicts) and no reference cycles; the collector's passes over them
grow with everything already alive, so a 100k-session export or import spends much
of its time collecting nothing and grows faster than linear. ``paused_gc`` turns it
off for one block and puts it back as it was on every way out (return, exception,
KeyboardInterrupt); reference counting still frees everything as usual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic collection inside the block; nested blocks restore what they found."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


__all__ = ["paused_gc"]
