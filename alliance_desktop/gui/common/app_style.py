"""The styles the application draws with once its unlock window has shown.

:class:`AppStyle` is Fusion with one Python hook, ``polish``, which hands the shared
:class:`IndicatorStyle` (Fusion with readable check box and radio button rings) to the
widgets that draw such indicators; see :mod:`alliance_desktop.gui.common.theme`.

A module of its own: subclassing QProxyStyle and setting up QStyle's Python classes
and enums is ~20 ms of start-up, and the unlock window (which draws no indicator) is
shown under the plain C++ Fusion style first; the theme installs :class:`AppStyle`
right after that window's first paint (issue 15).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget


def _mix(a: QColor, b: QColor, share_of_a: float) -> QColor:
    def channel(x: int, y: int) -> int:
        return round(x * share_of_a + y * (1 - share_of_a))

    return QColor(
        channel(a.red(), b.red()), channel(a.green(), b.green()), channel(a.blue(), b.blue())
    )


def indicator_outline(palette: QPalette) -> QColor:
    """The ring of an unchecked box or radio button: text mixed into base, so it stands
    at least 3:1 against both the window and the field (WCAG non-text contrast) in
    either theme. Fusion's own ring is the window colour darkened, which on a dark
    window is darker still and all but vanishes (1.1:1)."""
    text = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Base)
    return _mix(text, base, 0.65)


_CHECK_BOX = QStyle.PrimitiveElement.PE_IndicatorCheckBox
_RINGED = (_CHECK_BOX, QStyle.PrimitiveElement.PE_IndicatorRadioButton)


class IndicatorStyle(QProxyStyle):
    """Fusion, with check box and radio button rings drawn at a readable contrast.

    Fusion paints the indicator (fill, check mark, dot); this repaints only its ring:
    the outline colour when idle, the accent at two pixels under keyboard focus, so
    focus stays obvious with the style sheet's focus rectangles turned off. Disabled
    controls keep Fusion's faint ring.

    Set on the widgets that draw indicators (:func:`wants_indicator_style`), never as
    the application's style: see the module's note. One per application
    (:func:`indicator_style`), a child of the QApplication: a widget's style sheet
    proxy keeps a bare pointer to it, so it must outlive every widget using it."""

    def __init__(self) -> None:
        super().__init__("Fusion")

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in _RINGED:
            return
        state = option.state
        if not state & QStyle.StateFlag.State_Enabled:
            return
        focused = bool(
            state & QStyle.StateFlag.State_HasFocus
            and state & QStyle.StateFlag.State_KeyboardFocusChange
        )
        palette = option.palette
        rect = option.rect
        if focused:
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2)
            inset = 1.0
        else:
            pen = QPen(indicator_outline(palette), 1)
            inset = 0.5
        painter.save()
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if element == _CHECK_BOX:
                box = QRectF(rect).adjusted(inset, inset, -inset, -inset)
                painter.drawRect(box)
            else:
                # Fusion's circle: centred one pixel down and right of the rect's centre.
                centre = QPointF(rect.center()) + QPointF(1, 1)
                radius = (rect.width() + (rect.width() + 1) % 2) / 2.0 - 1
                if focused:
                    radius -= 0.5
                painter.drawEllipse(centre, radius, radius)
        finally:
            painter.restore()


#: The classes whose own painting draws check box or radio button indicators (a menu
#: draws a check box beside a checkable action without an icon). By name: ``inherits``
#: needs no Python type for the class, and runs in C++.
_INDICATOR_WIDGETS = ("QCheckBox", "QRadioButton", "QMenu")
_NAME = "allianceIndicatorStyle"
# What a widget's class says (once per class, then a dict look-up per polish): never
# indicators, always, or it depends on the group box or on the view's model.
_NEVER, _ALWAYS, _GROUP_BOX, _VIEW = range(4)
_kinds: dict[type, int] = {}


def _kind(widget: QWidget) -> int:
    if any(widget.inherits(name) for name in _INDICATOR_WIDGETS):
        return _ALWAYS
    if widget.inherits("QGroupBox"):
        return _GROUP_BOX
    if widget.inherits("QAbstractItemView"):
        return _VIEW
    return _NEVER


def wants_indicator_style(widget: QWidget) -> bool:
    """Whether ``widget`` draws check box or radio button indicators: a check box, a
    radio button, a menu, a checkable group box, or an item view whose model has
    check boxes (judged when the widget is polished: as it is first shown, and again
    at each theme change)."""
    kind = _kinds.get(type(widget))
    if kind is None:
        kind = _kinds[type(widget)] = _kind(widget)
    if kind == _NEVER:
        return False
    if kind == _GROUP_BOX:
        return bool(widget.isCheckable())  # type: ignore[attr-defined]
    if kind == _VIEW:
        # Here, not at the top: the model classes it needs are set up on first use, and
        # the unlock window shows no item view (test_startup_imports).
        from alliance_desktop.gui.common.checkable_model import shows_check_boxes

        return shows_check_boxes(widget.model())  # type: ignore[attr-defined]
    return True


def indicator_style(app: QApplication | None = None) -> IndicatorStyle:
    """The application's one :class:`IndicatorStyle` (made on first use)."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    assert isinstance(app, QApplication)
    found = app.findChild(QStyle, _NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    if isinstance(found, IndicatorStyle):
        return found
    style = IndicatorStyle()
    style.setObjectName(_NAME)
    # Owned by the application (not by Python, not by a ThemeManager): it is deleted
    # after every widget, at the very end, never while a widget still draws with it.
    style.setParent(app)
    return style


def use_indicator_style(widget: QWidget) -> None:
    """Draw ``widget`` with the indicator style (for a view whose model gains check
    boxes after it was first shown; :class:`AppStyle` sees to the others)."""
    if not widget.testAttribute(Qt.WidgetAttribute.WA_SetStyle):
        widget.setStyle(indicator_style())


class AppStyle(QProxyStyle):
    """The application's style: Fusion, drawn in C++ for every widget; as a widget is
    polished (first shown, or at a theme change), one that draws check box or radio
    button indicators is handed the :class:`IndicatorStyle` instead.

    ``polish`` is the one Python override: every other call goes straight to Fusion.
    A widget given a style of its own (``WA_SetStyle``) is left alone."""

    def __init__(self, indicators: IndicatorStyle) -> None:
        super().__init__("Fusion")
        self._indicators = indicators

    def polish(self, target: QWidget | QApplication | QPalette) -> None:  # type: ignore[override]
        if (
            isinstance(target, QWidget)
            and not target.testAttribute(Qt.WidgetAttribute.WA_SetStyle)
            and wants_indicator_style(target)
        ):
            # Polished again by the indicator style (through a style sheet proxy of
            # its own); this style's polish is then not the widget's.
            target.setStyle(self._indicators)
            return
        super().polish(target)
