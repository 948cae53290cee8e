"""The keyboard focus of a list, table or tree, drawn as a ring in the accent colour.

The style sheet turns Qt's dotted focus rectangles off, so focus must show another
way. For text fields the style sheet draws a border; for item views it must not: any
box rule on a list or table (even one under ``:focus``) sends every cell of every
paint through the style sheet's box model, which made the timeline and the client
list paint about ten times slower (most of a client switch). Instead one small,
mouse-transparent widget draws the same 2 px accent ring over the focused view's
edge, and follows the focus (``QApplication.focusChanged``); nothing is drawn or
filtered for a view without the focus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, QRectF
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtGui import QPaintEvent

#: The views whose focus the ring shows (those the style sheet's rule used to cover).
#: By class name: importing the view classes before the unlock window cost ~2 ms.
VIEWS = ("QListView", "QTableView", "QTreeView")


def is_view(widget: QWidget) -> bool:
    return any(widget.inherits(name) for name in VIEWS)


WIDTH = 2
RADIUS = 3.0


class FocusRing(QWidget):
    """A ring over the edge of its parent view, in the palette's highlight colour."""

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self.setObjectName("focusRing")
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        self.hide()

    def follow(self) -> None:
        """Shown over the view, kept to its size while it has the focus."""
        view = self.parentWidget()
        if view is None:
            return
        view.installEventFilter(self)
        self.setGeometry(view.rect())
        self.raise_()
        self.show()

    def leave(self) -> None:
        view = self.parentWidget()
        if view is not None:
            view.removeEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        return False

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), WIDTH))
        painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        inset = WIDTH / 2
        painter.drawRoundedRect(
            QRectF(self.rect()).adjusted(inset, inset, -inset, -inset), RADIUS, RADIUS
        )
        painter.end()


class FocusRings(QObject):
    """Moves a ring to whichever list, table or tree has the keyboard focus."""

    def __init__(self, app: QApplication, parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else app)
        self.setObjectName("focusRings")
        app.focusChanged.connect(self._moved)

    @staticmethod
    def ring(view: QWidget, *, create: bool = False) -> FocusRing | None:
        ring = view.findChild(
            FocusRing, "focusRing", QtCore.Qt.FindChildOption.FindDirectChildrenOnly
        )
        if ring is None and create:
            ring = FocusRing(view)
        return ring

    def _moved(self, old: QWidget | None, new: QWidget | None) -> None:
        if old is not None and isValid(old) and is_view(old):
            ring = self.ring(old)
            if ring is not None:
                ring.leave()
        if new is not None and isValid(new) and is_view(new):
            ring = self.ring(new, create=True)
            if ring is not None:
                ring.follow()


__all__ = ["FocusRing", "FocusRings"]
