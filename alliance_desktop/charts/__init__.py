"""Chart builders: each returns a matplotlib ``Figure`` made without pyplot.

Importing this package does not import matplotlib; the first chart asked for does,
so the unlock window appears before any plotting library is loaded.

- ``client_trend(sessions, scale, alerts, *, theme, ...)``: one client over time;
  ``update_trend(fig, ...)`` puts new data on such a figure's artists in place
- ``caseload(rows, dimension, *, theme)``: every client's last 12 sessions, riskiest first
- ``practice_trend(months, *, theme)``: monthly means across the practice
- ``strategy_outcomes(outcomes, *, theme, catalogue)``: what followed each strategy
- ``rupture_timeline(months, *, theme)``: ruptures per month, and the share resolved
- ``perspective_gap(sessions, scale, *, theme)``: the therapist's view vs the client's
- ``save(fig, path)``: PNG (200 dpi), SVG or PDF by extension
- ``LIGHT``, ``DARK``, ``theme_for(name)``: the two themes
- ``charts.text``: ``ChartText`` and one ``describe_<chart>()`` per builder (no matplotlib)
- ``build_lock``: held by every build (``_common.themed``, which sets matplotlib's global
  rcParams for its duration) and by a worker's first draw, so a chart built or drawn on
  a worker thread (``gui.common.chart_view.ChartView.setFigureLater``) never sees
  another build's rcParams; matplotlib's first import happens under it too
- ``import_safely(name)``: a chart module (or matplotlib's) imported under
  ``build_lock``, or at once when it already is
"""

from __future__ import annotations

import sys
import threading
from importlib import import_module
from types import ModuleType
from typing import Any

build_lock = threading.RLock()

_EXPORTS = {
    "client_trend": "trend",
    "session_at": "trend",
    "update_trend": "trend",
    "caseload": "overview",
    "practice_trend": "practice",
    "rupture_timeline": "practice",
    "strategy_outcomes": "outcomes",
    "perspective_gap": "perspective",
    "save": "_common",
    "SAVE_FORMATS": "_common",
    "EMPTY_GID": "_common",
    "LIGHT": "theme",
    "DARK": "theme",
    "Theme": "theme",
    "theme_for": "theme",
}

__all__ = sorted([*_EXPORTS, "build_lock", "import_safely"])


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_safely(f"{__name__}.{module}"), name)


def import_safely(full: str) -> ModuleType:
    """The module ``full``, imported under ``build_lock``: two threads importing
    matplotlib at once (a chart's worker and the supervision preview's) can each meet
    the other's half-initialised modules. One already imported (and not still
    initialising) comes at once, without waiting for the lock: the UI thread asks while
    a worker builds or draws a chart."""
    loaded = sys.modules.get(full)
    if loaded is not None and not getattr(loaded.__spec__, "_initializing", False):
        return loaded
    with build_lock:
        return import_module(full)
