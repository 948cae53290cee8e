"""After the last background job ends, the memory its worker freed goes back to the
system (glibc keeps a thread's freed memory in that thread's heap otherwise: ~18 MiB
of idle RSS after the insights analysis at 100,000 sessions)."""

from __future__ import annotations

import threading

from alliance_desktop.gui.common import background


def test_the_c_heap_is_trimmed_once_after_the_last_job_ends(qtbot, monkeypatch):
    trims: list[int] = []
    monkeypatch.setattr(background, "trim_c_heap", lambda: trims.append(1))
    gate = threading.Event()

    def work(n: int) -> int:
        gate.wait(5)
        return n

    first = background.start(None, work, 1, dialog=False)
    second = background.start(None, work, 2, dialog=False)
    qtbot.wait(50)
    assert trims == []  # nothing while the jobs run
    with qtbot.waitSignals([first.ended, second.ended], timeout=10000):
        gate.set()
    qtbot.waitUntil(lambda: bool(trims), timeout=5000)
    qtbot.wait(50)
    assert trims == [1]  # once, when the second (last) one ended
    assert (first.outcome, second.outcome) == (1, 2)
