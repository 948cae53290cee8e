"""Issue 15, client switch: the timeline's texts are measured and elided once, and a
chip's rounded rectangle is drawn once, not again on every switch.

Dates, counts, rupture words and rating chips ("Trust 8") repeat from client to
client; measuring each anew (``horizontalAdvance``), eliding each again per row and
antialiasing four rounded rectangles per row were a fifth of a switch's UI time at
200 clients × 100 sessions. The chips' rectangles are now copied from pixmaps: the
pixels must be those the drawn rectangles give, but for the rounding of one blend.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtGui import QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QApplication

from alliance_desktop.gui.workspace import rating_chips, timeline_delegate

OURS = ("timeline.py", "timeline_delegate.py", "rating_chips.py")


@contextmanager
def counting(monkeypatch, calls: Counter[str], owner: Any, name: str) -> Iterator[None]:
    """Counts ``owner.name`` calls made from the timeline's own modules."""
    real: Callable[..., Any] = getattr(owner, name)

    def counted(self, *args):
        caller = Path(sys._getframe(1).f_code.co_filename).name
        if caller in OURS:
            calls[name] += 1
        return real(self, *args)

    with monkeypatch.context() as patch:
        patch.setattr(owner, name, counted)
        yield


def _switch(window, app, row: int) -> None:
    window.selectClientRow(row)
    app.processEvents()
    window.repaint()


def test_switching_back_to_a_client_measures_elides_and_draws_no_chip_again(
    open_demo, qtbot, monkeypatch
):
    ctl = open_demo(size=(1280, 800), shown=True)
    window = ctl.window
    app = QApplication.instance()
    assert window is not None and app is not None
    assert window.clientModel.rowCount() >= 2
    # Both shown once, and each once more now that the columns have widened for
    # both (they only widen: Timeline.fitColumns): from here on, the same widths.
    for row in (0, 1, 0, 1):
        _switch(window, app, row)
    calls: Counter[str] = Counter()
    with (
        counting(monkeypatch, calls, QFontMetrics, "horizontalAdvance"),
        counting(monkeypatch, calls, QFontMetrics, "elidedText"),
        counting(monkeypatch, calls, QPainter, "drawRoundedRect"),
        counting(monkeypatch, calls, QPainter, "drawText"),
        counting(monkeypatch, calls, QPainter, "drawStaticText"),
    ):
        _switch(window, app, 0)
    assert window.timeline.model.rowCount() > 0
    assert calls["drawStaticText"] > 0  # the timeline was painted, from kept layouts
    assert calls["drawText"] == 0  # and no text of it laid out again
    assert calls["horizontalAdvance"] == 0
    assert calls["elidedText"] == 0
    assert calls["drawRoundedRect"] == 0


def _timeline_image(window, app) -> QImage:
    view = window.timeline.view
    view.viewport().update()
    app.processEvents()
    return view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)


def _pixels_match_with(open_demo, monkeypatch, module: Any, switch: str) -> None:
    """The timeline (a selected row too) looks the same with ``module.switch`` off:
    the same pixels, give or take the rounding of one blend."""
    ctl = open_demo(size=(1280, 800), shown=True)
    window = ctl.window
    app = QApplication.instance()
    assert window is not None and app is not None
    _switch(window, app, 0)
    window.timeline.selectSession(window.timeline.model.session(1).id)
    fast = _timeline_image(window, app)
    monkeypatch.setattr(module, switch, False)
    drawn = _timeline_image(window, app)
    assert fast.size() == drawn.size()
    a, b = bytes(fast.constBits()), bytes(drawn.constBits())
    assert len(a) == len(b)
    assert max(abs(x - y) for x, y in zip(a, b, strict=True)) <= 2


def test_copied_chips_look_like_drawn_ones(open_demo, qtbot, monkeypatch):
    _pixels_match_with(open_demo, monkeypatch, rating_chips, "COPY_SHAPES")


def test_kept_text_layouts_look_like_drawn_texts(open_demo, qtbot, monkeypatch):
    """The timeline's texts drawn from kept layouts sit where ``drawText`` puts them."""
    _pixels_match_with(open_demo, monkeypatch, timeline_delegate, "STATIC_TEXTS")


def test_whole_chips_copied_with_their_text_look_like_texts_drawn_on_the_cell(
    open_demo, qtbot, monkeypatch
):
    """A chip's text is drawn once into its copied pixmap, where the cell's own
    drawing puts it (the same fractional place relative to the box)."""
    _pixels_match_with(open_demo, monkeypatch, rating_chips, "WHOLE_CHIPS")
