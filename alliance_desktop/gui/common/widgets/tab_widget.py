"""A tab widget that repaints its tab strip, not the whole of itself, when only the
strip changed.

A tab's new text ("Ruptures" becomes "Ruptures (2 open)") changes the tab bar's size,
and ``QTabWidget`` then lays itself out again and repaints all of itself: its frame,
the current page and everything on it, and under it every widget it sits on. On the
client page that was a third of a client switch, in more than half of the switches.
When the new layout moves only the tab bar (the pages keep their rectangle), this
widget moves the bar and repaints the strip it left and took; anything else is Qt's
own layout.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtWidgets import (
    QStackedWidget,
    QStyle,
    QStyleOptionTabWidgetFrame,
    QTabWidget,
    QWidget,
)

#: False lays out and repaints the Qt way every time (what the tests compare with).
STRIP_ONLY = True

_BAR = QStyle.SubElement.SE_TabWidgetTabBar
_PANE = QStyle.SubElement.SE_TabWidgetTabPane
_CONTENTS = QStyle.SubElement.SE_TabWidgetTabContents


class TabWidget(QTabWidget):
    """``QTabWidget``, repainting only its tab strip when nothing else moved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: The pane rectangle of the last full layout (the frame is drawn around it).
        self._pane: QRect | None = None

    def setTabText(self, index: int, text: str) -> None:
        # Through the bar: QTabWidget's own lays itself out and repaints whole at once;
        # the bar asks for a layout instead, which ``event`` may do for the strip only.
        if STRIP_ONLY:
            self.tabBar().setTabText(index, text)
        else:
            super().setTabText(index, text)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            if self._move_the_strip_only():
                return True
            handled = super().event(event)
            self._pane = self._rects()[1] if self.isVisible() else None
            return handled
        return super().event(event)

    def _rects(self) -> tuple[QRect, QRect, QRect]:
        """Where the style puts the tab bar, the pane and the pages, as Qt lays out."""
        option = QStyleOptionTabWidgetFrame()
        self.initStyleOption(option)
        style = self.style()
        return (
            style.subElementRect(_BAR, option, self),
            style.subElementRect(_PANE, option, self),
            style.subElementRect(_CONTENTS, option, self),
        )

    def _move_the_strip_only(self) -> bool:
        if (
            not STRIP_ONLY
            or self._pane is None
            or not self.isVisible()
            or self.cornerWidget(Qt.Corner.TopRightCorner) is not None
            or self.cornerWidget(Qt.Corner.TopLeftCorner) is not None
        ):
            return False
        stack = self.findChild(QStackedWidget, "qt_tabwidget_stackedwidget")
        bar_rect, pane, contents = self._rects()
        if stack is None or pane != self._pane or contents != stack.geometry():
            return False
        # Moving the bar repaints what it left and what it takes (the frame's edge
        # along the strip is under it): nothing else changed.
        self.tabBar().setGeometry(bar_rect)
        self.updateGeometry()  # the size hints may have changed: as Qt's layout does
        return True


__all__ = ["STRIP_ONLY", "TabWidget"]
