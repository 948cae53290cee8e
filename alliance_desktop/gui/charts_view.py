"""A chart area that loads matplotlib only when it first shows a figure.

The unlock window must never wait for matplotlib, so nothing here imports it at
module level: the canvas (``backend_qtagg.FigureCanvasQTAgg``, never pyplot) is
created on the first ``setFigure`` after unlock. Until then, and after ``clear``, the
area shows a plain label.

There is no matplotlib navigation toolbar: its Save wrote an unencrypted image with
the default file mode, and zoom/pan were clutter on small charts. A "⋯" button in the
top-right corner (and the canvas's context menu) offers "Save as image…", which goes
through ``app.charts.export_chart`` (``operations.run``, ``file_dialogs``): 0600 from
the first byte, and never over an existing file without asking.

Every figure gets a fresh canvas: since matplotlib 3.6 a canvas's event callbacks
live on its figure, so swapping figures under one canvas would drop the click handler.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import QLabel, QMenu, QSizePolicy, QToolButton, QVBoxLayout, QWidget

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
    """Holds one figure in a Qt canvas, with a small "⋯" menu to save it as an image.

    ``clicked`` carries matplotlib's MouseEvent for left clicks, so callers map data
    coordinates to sessions themselves. ``toolbar`` is accepted for older callers and
    ignored: no chart carries matplotlib's toolbar any more.
    """

    clicked = Signal(object)

    def __init__(
        self,
        name: str,
        *,
        toolbar: bool | None = None,
        fixed_height: bool = False,
        min_height: int = 260,
        overlay_menu: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        del toolbar
        self.setObjectName(name)
        self._fixed_height = fixed_height  # tall charts (caseload) scroll in a scroll area
        self._min_height = min_height
        # False: the owner puts ``menuButton`` in its own row instead of over the chart.
        self._overlay_menu = overlay_menu
        self.canvas: Any = None
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
        self.menu = QMenu(self)
        self.menu.setObjectName(f"{name}Menu")
        self.saveAction = QAction(self)
        self.saveAction.setObjectName(f"{name}SaveAction")
        self.saveAction.triggered.connect(self.saveAs)
        self.menu.addAction(self.saveAction)
        self.menuButton = QToolButton(self)
        self.menuButton.setObjectName(f"{name}MenuButton")
        self.menuButton.setText("⋯")
        self.menuButton.setAutoRaise(True)
        self.menuButton.setMenu(self.menu)
        self.menuButton.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menuButton.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0; }")
        self.menuButton.hide()
        self.retranslate()

    def retranslate(self) -> None:
        tr = QCoreApplication.translate
        self.saveAction.setText(tr("charts", "Save as image…"))
        self.menuButton.setToolTip(tr("charts", "Chart options"))
        self.menuButton.setAccessibleName(tr("charts", "Chart options"))
        self.menuButton.setAccessibleDescription(
            tr("charts", "Save this chart as a private image file")
        )
        self.menu.setTitle(tr("charts", "Chart"))

    def figure(self) -> Figure | None:
        return None if self.canvas is None else self.canvas.figure

    def saveAs(self) -> Path | None:
        """Ask where, then save the chart privately (see ``save_chart_as``)."""
        fig = self.figure()
        if fig is None:
            return None
        return save_chart_as(fig, self, kind=self.objectName())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_menu_button()

    def _place_menu_button(self) -> None:
        if not self._overlay_menu:
            return
        hint = self.menuButton.sizeHint()
        self.menuButton.setGeometry(self.width() - hint.width() - 4, 4, hint.width(), hint.height())
        self.menuButton.raise_()

    def _context_menu(self, pos: QPoint) -> None:
        if self.canvas is not None:
            self.menu.popup(self.canvas.mapToGlobal(pos))

    def setPlaceholder(self, text: str) -> None:
        """Show a sentence instead of a chart (before the first draw, or while empty)."""
        self.placeholder.setText(text)
        self.placeholder.show()
        if self.canvas is not None:
            self.canvas.hide()
        self.menuButton.hide()

    def setFigure(self, fig: Figure) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        old_canvas = self.canvas
        canvas = FigureCanvasQTAgg(fig)
        canvas.setParent(self)
        canvas.setObjectName(f"{self.objectName()}Canvas")
        canvas.setAccessibleName(self.accessibleName())
        # What the chart shows, in words (set by every chart builder), for screen readers.
        canvas.setAccessibleDescription(str(getattr(fig, DESCRIPTION_ATTR, "")))
        canvas.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        canvas.customContextMenuRequested.connect(self._context_menu)
        if self._fixed_height:
            w_in, h_in = fig.get_size_inches()
            canvas.setMinimumHeight(int(h_in * fig.dpi))
            canvas.setMinimumWidth(int(min(w_in, 7.5) * fig.dpi))
            canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        else:
            canvas.setMinimumHeight(self._min_height)
            canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        canvas.mpl_connect("button_press_event", self._pressed)
        self.canvas = canvas
        # Before the placeholder (and the stretch of a fixed-height chart).
        self._layout.insertWidget(
            self._layout.indexOf(self.placeholder), canvas, 0 if self._fixed_height else 1
        )
        self.placeholder.hide()
        if old_canvas is not None:
            old_canvas.hide()
            self._layout.removeWidget(old_canvas)
            old_canvas.deleteLater()
        self.menuButton.show()
        self._place_menu_button()

    def clear(self, text: str = "") -> None:
        """Drop the figure and its pixels: the canvas is redrawn blank, then removed."""
        if self.canvas is not None:
            fig = self.canvas.figure
            _forget(fig)
            self.canvas.draw()  # overwrite the rendered buffer, not just the artists
            self.canvas.hide()
            self._layout.removeWidget(self.canvas)
            self.canvas.deleteLater()
        self.canvas = None
        self.menuButton.hide()
        self.placeholder.setText(text)
        self.placeholder.show()

    def _pressed(self, event: MouseEvent) -> None:
        if getattr(event, "button", None) != 1:
            return
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
    from alliance_desktop.gui import operations
    from alliance_desktop.gui.common import file_dialogs

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
