"""A chart area that loads matplotlib only when it first shows a figure.

The unlock window must never wait for matplotlib, so nothing here imports it at
module level: the canvas (``backend_qtagg.FigureCanvasQTAgg``, never pyplot) and the
optional navigation toolbar are created on the first ``setFigure`` after unlock.
Until then, and after ``clear``, the area shows a plain label.

Every figure gets a fresh canvas: since matplotlib 3.6 a canvas's event callbacks
live on its figure, so swapping figures under one canvas would drop the click and
toolbar handlers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

if TYPE_CHECKING:  # pragma: no cover - typing only; never imported at run time here
    from matplotlib.backend_bases import MouseEvent
    from matplotlib.figure import Figure

    from alliance_desktop.vault import Vault


#: charts._common.DESCRIPTION_ATTR (not imported: that module loads matplotlib).
DESCRIPTION_ATTR = "alliance_description"


def chart_theme(is_dark: bool) -> Any:
    """The charts' theme for the app's scheme (charts.theme does not import matplotlib)."""
    from alliance_desktop.charts.theme import theme_for

    return theme_for("dark" if is_dark else "light")


class ChartView(QWidget):
    """Holds one figure in a Qt canvas, with an optional zoom/pan/save toolbar.

    ``clicked`` carries matplotlib's MouseEvent for left clicks that are not zoom or
    pan gestures, so callers map data coordinates to sessions themselves.
    """

    clicked = Signal(object)

    def __init__(
        self, name: str, *, toolbar: bool = False, fixed_height: bool = False, parent=None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._want_toolbar = toolbar
        self._fixed_height = fixed_height  # tall charts (caseload) scroll in a scroll area
        self.canvas: Any = None
        self.toolbar: Any = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self.placeholder = QLabel(self)
        self.placeholder.setObjectName(f"{name}Placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._layout.addWidget(self.placeholder)
        if fixed_height:
            self._layout.addStretch(0)  # a short chart sits at the top, not mid-page

    def figure(self) -> Figure | None:
        return None if self.canvas is None else self.canvas.figure

    def setPlaceholder(self, text: str) -> None:
        """Show a sentence instead of a chart (before the first draw, or while empty)."""
        self.placeholder.setText(text)
        self.placeholder.show()
        if self.canvas is not None:
            self.canvas.hide()
        if self.toolbar is not None:
            self.toolbar.hide()

    def setFigure(self, fig: Figure) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        old_canvas, old_toolbar = self.canvas, self.toolbar
        canvas = FigureCanvasQTAgg(fig)
        canvas.setParent(self)
        canvas.setObjectName(f"{self.objectName()}Canvas")
        canvas.setAccessibleName(self.accessibleName())
        # What the chart shows, in words (set by every chart builder), for screen readers.
        canvas.setAccessibleDescription(str(getattr(fig, DESCRIPTION_ATTR, "")))
        canvas.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        if self._fixed_height:
            w_in, h_in = fig.get_size_inches()
            canvas.setMinimumHeight(int(h_in * fig.dpi))
            canvas.setMinimumWidth(int(min(w_in, 7.5) * fig.dpi))
            canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        else:
            canvas.setMinimumHeight(260)
            canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        canvas.mpl_connect("button_press_event", self._pressed)
        self.canvas = canvas
        if self._want_toolbar:
            toolbar = _toolbar_class()(canvas, self, coordinates=False)
            toolbar.setObjectName(f"{self.objectName()}Toolbar")
            toolbar.setAccessibleName(self.tr("Chart tools: zoom, pan, save"))
            self.toolbar = toolbar
            self._layout.insertWidget(self._layout.indexOf(self.placeholder), toolbar)
        # Before the placeholder (and the stretch of a fixed-height chart).
        self._layout.insertWidget(
            self._layout.indexOf(self.placeholder), canvas, 0 if self._fixed_height else 1
        )
        self.placeholder.hide()
        for widget in (old_toolbar, old_canvas):
            if widget is not None:
                widget.hide()
                self._layout.removeWidget(widget)
                widget.deleteLater()

    def clear(self, text: str = "") -> None:
        """Drop the figure and its pixels: the canvas is redrawn blank, then removed."""
        if self.canvas is not None:
            fig = self.canvas.figure
            _forget(fig)
            self.canvas.draw()  # overwrite the rendered buffer, not just the artists
            if self.toolbar is not None:
                self.toolbar.update()  # forget zoom history (view limits of old data)
                self.toolbar.hide()
                self._layout.removeWidget(self.toolbar)
                self.toolbar.deleteLater()
            self.canvas.hide()
            self._layout.removeWidget(self.canvas)
            self.canvas.deleteLater()
        self.canvas = None
        self.toolbar = None
        self.placeholder.setText(text)
        self.placeholder.show()

    def _pressed(self, event: MouseEvent) -> None:
        if getattr(event, "button", None) != 1:
            return
        if self.toolbar is not None and self.toolbar.mode:
            return  # a zoom or pan gesture, not a pick
        self.clicked.emit(event)

    def simulateClick(self, xdata: float, ydata: float, axes: Any = None) -> None:
        """Click at data coordinates of ``axes`` (the first axes by default); for tests."""
        from matplotlib.backend_bases import MouseButton, MouseEvent

        fig = self.figure()
        if fig is None:
            return
        ax = axes or fig.axes[0]
        x, y = ax.transData.transform((xdata, ydata))
        event = MouseEvent("button_press_event", self.canvas, x, y, button=MouseButton.LEFT)
        self.canvas.callbacks.process("button_press_event", event)


_TOOLBAR: Any = None


def _toolbar_class() -> Any:
    """matplotlib's Qt toolbar without the subplot and axes editors.

    Our charts place their axes by fixed margins, which the subplot sliders would
    fight; zoom, pan, history and save are what a reader of these charts needs.
    """
    global _TOOLBAR
    if _TOOLBAR is None:
        from matplotlib.backends.backend_qtagg import NavigationToolbar2QT

        keep = {"Home", "Back", "Forward", "Pan", "Zoom", "Save", None}

        class ChartToolbar(NavigationToolbar2QT):
            toolitems = [t for t in NavigationToolbar2QT.toolitems if t[0] in keep]  # noqa: RUF012 (matplotlib's own type)

            def save_figure(self, *_args: Any) -> None:
                view = self.parent()
                kind = view.objectName() if isinstance(view, QWidget) else ""
                save_chart_as(self.canvas.figure, self, kind=kind)

        _TOOLBAR = ChartToolbar
    return _TOOLBAR


def save_chart_as(
    fig: Any, parent: Any, *, vault: Vault | None = None, kind: str = ""
) -> Path | None:
    """Save a chart where the user chooses, as PNG, SVG or PDF, through ``app.charts``.

    The file is private (0600) from its creation, never written through a symlink, and
    an existing file is replaced only after the user said Yes (``operations.run`` asks;
    Qt's own question is turned off so there is exactly one). The dialog is
    ``file_dialogs``': the path reaches neither the desktop's recently-used list nor
    Qt's dialog history.
    ``vault`` defaults to the open vault of the window the chart is in (for the audit).
    """
    from alliance_desktop.app.charts import export_chart
    from alliance_desktop.gui import file_dialogs, operations

    tr = QCoreApplication.translate
    if vault is None:
        vault = operations.current_vault(parent)
    if vault is None:
        operations.show_problem(parent, tr("charts", "Unlock the vault to save a chart."))
        return None
    filters = ";;".join(
        (tr("charts", "PNG image (*.png)"), tr("charts", "SVG drawing (*.svg)"),
         tr("charts", "PDF document (*.pdf)"))
    )  # fmt: skip
    path, chosen = file_dialogs.get_save_file_name(parent, tr("charts", "Save chart"), "", filters)
    if not path:
        return None
    target = Path(path)
    if not target.suffix:
        target = target.with_suffix("." + chosen.rsplit("*.", 1)[-1].rstrip(")"))
    outcome = operations.run(parent, export_chart, vault, fig, target, kind=kind or "chart")
    return None if outcome is None else outcome.value


def _forget(fig: Any) -> None:
    """Empty a figure: artists, axes and the ids the chart builders hung on it."""
    fig.clear()
    for name in list(vars(fig)):
        if name.startswith("alliance_"):
            delattr(fig, name)


def data_point(
    fig: Any, event: Any, axes_filter: Callable[[Any], bool]
) -> tuple[float, float] | None:
    """The event's position in the data coordinates of the first axes that passes the filter.

    Clicks on labels drawn outside an axes (like the caseload's client codes) have no
    ``inaxes``, so the position is inverted from pixels rather than read off the event.
    """
    for ax in fig.axes:
        if axes_filter(ax):
            x, y = ax.transData.inverted().transform((event.x, event.y))
            return float(x), float(y)
    return None
