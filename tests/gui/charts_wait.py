"""Waiting for the charts a worker builds and draws (ChartView.setFigureLater)."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QApplication


def drawn(hub, timeout: float = 20.0) -> None:
    """Turn the event loop until no chart of ``hub`` is being built or drawn."""
    deadline = time.monotonic() + timeout
    QApplication.processEvents()
    while hub.isDrawingCharts():
        assert time.monotonic() < deadline, "a chart was still being drawn"
        QApplication.processEvents()
        time.sleep(0.002)
