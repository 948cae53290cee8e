"""Painting stays on the UI thread: Qt's pool of fill threads is never started.

Qt's raster painter hands tall fills to a pool of threads and waits for them; on a
two-core machine those hand-overs made a client switch about 1.6 times slower
(benchmarks/run.py). Importing the GUI package turns the pool off before anything is
painted. Checked in a fresh process, since the pool is made once per process.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="threads are listed from /proc"
)

PAINT = textwrap.dedent(
    """
    import glob, sys
    if sys.argv[1] == "ours":
        import alliance_desktop.gui  # what every entry point of the app imports first
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtWidgets import QApplication, QWidget

    class Panel(QWidget):
        def paintEvent(self, event):
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(QColor(20, 60, 160, 128))  # a translucent fill, span by span
            painter.drawRoundedRect(self.rect().adjusted(4, 4, -4, -4), 12, 12)
            painter.end()

    app = QApplication(sys.argv[:1])
    panel = Panel()
    panel.resize(1280, 800)
    panel.show()
    app.processEvents()
    panel.repaint()
    names = [open(path).read().strip() for path in glob.glob("/proc/self/task/*/comm")]
    print(sum(name == "Thread (pooled)" for name in names))
    """
)


def _pool_threads(kind: str) -> int:
    env = {key: value for key, value in os.environ.items() if key != "QT_NO_GUI_THREADPOOL"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(
        [sys.executable, "-c", PAINT, kind],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return int(done.stdout.strip().splitlines()[-1])


def test_a_large_paint_starts_no_pool_threads_once_the_gui_is_imported():
    if _pool_threads("bare") == 0:
        pytest.skip("this Qt build paints such a fill without its thread pool")
    assert _pool_threads("ours") == 0
