"""Issue 15, the insights refresh's worker yields the CPU to the window: the analysis
and the strategy estimates run on a thread of their own at a lower priority (Linux:
nice 10), so when both cores are busy (another program, a test run) the UI thread
gets them first; the jobs' pool threads, which run every other job after, keep theirs.
"""

from __future__ import annotations

import os
import sys
import threading
from functools import cached_property

import pytest

from alliance_desktop.gui.insights import refresher
from alliance_desktop.insights import analysis as insights_analysis

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="a thread's own nice value is Linux's"
)


def _priority() -> tuple[int, str]:
    thread = threading.current_thread()
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id()), thread.name


def test_the_analysis_and_the_estimates_run_on_a_lowered_thread(open_demo, qtbot, monkeypatch):
    seen: dict[str, tuple[int, str]] = {}
    real_analyse, real_estimates = refresher.analyse, insights_analysis.Insights.estimates

    def analyse(*args, **kwargs):
        seen["analysis"] = _priority()
        return real_analyse(*args, **kwargs)

    def estimates(self):
        seen.setdefault("estimates", _priority())  # the first computation, the only one
        return real_estimates.func(self)

    spied = cached_property(estimates)
    spied.__set_name__(insights_analysis.Insights, "estimates")
    monkeypatch.setattr(refresher, "analyse", analyse)
    monkeypatch.setattr(insights_analysis.Insights, "estimates", spied)
    ctl = open_demo(refresh=False, shown=True)
    hub = ctl.window.insights
    hub.refresh()
    qtbot.waitUntil(lambda: hub.estimatesReady() and not hub.isRefreshing(), timeout=30000)
    base = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    for what in ("analysis", "estimates"):
        nice, name = seen[what]
        assert name == "insights-analysis", what
        assert nice >= min(19, base + 1), what
    # The UI thread is untouched.
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == base
