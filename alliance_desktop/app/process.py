"""Process hardening done first thing by both front ends.

A core dump of this process would hold the passphrase and decrypted vault content,
so core dumps are switched off (soft and hard limit 0, which an unprivileged process
cannot raise again) and, on Linux, the process is marked non-dumpable, which also
keeps other processes of the same user from attaching a debugger or reading
``/proc/PID/mem``. Like KeePassXC's bootstrap, failures are ignored: hardening must
never stop the app from starting.

The desktop app hardens once its unlock window has been painted (``ctypes`` is ~2 ms
of start-up), and in any case before a passphrase field takes its first key: no
passphrase or vault content exists before that. ``harden_once`` is what both call.
"""

from __future__ import annotations

import os
import sys

# numpy's OpenBLAS starts a worker thread per core that spins while it waits for work;
# the matrices here are small (the strategy bootstrap, the charts), and on a two-core
# desktop those threads took the second core from the window's painting while the
# estimates ran. One BLAS thread, set before numpy is first imported (both front ends
# import this module at start); a value the user set stays.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3


def _no_core_dumps() -> bool:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        return True
    except (ImportError, OSError, ValueError):
        return False


def _not_dumpable() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0
    except (OSError, AttributeError, TypeError):
        return False


def harden_process() -> bool:
    """Switch core dumps off; True when everything asked for took effect. Never raises."""
    try:
        cores = _no_core_dumps()
        dumpable = _not_dumpable() if sys.platform.startswith("linux") else True
        return cores and dumpable
    except Exception:  # hardening is best effort by design
        return False


_hardened = False


def harden_once() -> None:
    """:func:`harden_process`, the first time it is called in this process; cheap after."""
    global _hardened
    if not _hardened:
        _hardened = True
        harden_process()


__all__ = ["harden_once", "harden_process"]
