"""A chart area that loads matplotlib only when it first shows a figure.

The unlock window must never wait for matplotlib, so nothing here imports it at
module level: the canvas (``backend_qtagg.FigureCanvasQTAgg``, never pyplot) is
created on the first ``setFigure`` after unlock. Until then, and after ``clear``, the
area shows a plain label.

Every chart has a text alternative (``charts.text.ChartText``, given with
``setChartText`` or ``setFigure``): its name and description become the accessible
name and description of the view, the canvas and the table, and the "Show as table"
toggle (``showAsTableButton``, a checkable tool button in the chart's corner or its
owner's row) swaps the figure for a ``QTableView`` of the same data. The table needs
no matplotlib: it shows even before a figure has been drawn. ``setFigure`` with the
figure already shown redraws it in place (a builder that updated its artists).

There is no matplotlib navigation toolbar: its Save wrote an unencrypted image with
the default file mode, and zoom/pan were clutter on small charts. A "⋯" button in the
top-right corner (and the canvas's context menu) offers "Save as image…", which goes
through ``app.charts.export_chart`` (``file_dialogs``; a chart with its builder is
built anew and written by a background job): 0600 from the first byte, and never over
an existing file without asking.

``setFigureLater(build, text)`` builds and first draws a big chart on a worker thread
(the insights page's charts: 100-250 ms each at 200 x 100, matplotlib's first import
with the first), shows its text and table at once and the figure when it is drawn
(``figureShown``; ``isDrawing()`` until then): the canvas shows the pixels the worker
drew instead of drawing again on the UI thread. A lock or a newer figure meanwhile
drops the worker's figure, emptied.

Every figure gets a fresh canvas: since matplotlib 3.6 a canvas's event callbacks
live on its figure, so swapping figures under one canvas would drop the click handler.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QSizePolicy,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

if TYPE_CHECKING:  # pragma: no cover - typing only; never imported at run time here
    from matplotlib.backend_bases import MouseEvent
    from matplotlib.figure import Figure

    from alliance_desktop.charts.text import ChartText
    from alliance_desktop.vault import Vault


#: A figure given to ``setFigureLater`` starts drawing when the view paints, or this
#: long after, whichever comes first.
START_LATEST_MS = 50
#: charts._common.DESCRIPTION_ATTR (not imported: that module loads matplotlib).
DESCRIPTION_ATTR = "alliance_description"


def chart_theme(is_dark: bool) -> Any:
    """The charts' theme for the app's scheme (charts.theme does not import matplotlib)."""
    from alliance_desktop.charts.theme import theme_for

    return theme_for("dark" if is_dark else "light")


class ChartTableModel(QAbstractTableModel):
    """A chart's data as rows of text (``ChartText.headers`` and ``rows``), read-only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers: tuple[str, ...] = ()
        self._rows: tuple[tuple[str, ...], ...] = ()

    def setChartText(self, text: ChartText | None) -> None:
        self.beginResetModel()
        self._headers = () if text is None else tuple(text.headers)
        self._rows = () if text is None else tuple(text.rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        value = row[index.column()] if index.column() < len(row) else ""
        if role == Qt.ItemDataRole.DisplayRole:
            return value
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # "Trust: 7" rather than a bare number, and a word for an empty cell.
            header = self._headers[index.column()] if index.column() < len(self._headers) else ""
            shown = (
                value if value not in ("", "–") else QCoreApplication.translate("charts", "none")
            )
            return f"{header}: {shown}" if header and index.column() else shown
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column():
            return Qt.AlignmentFlag.AlignCenter
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return str(section + 1)


class ChartView(QWidget):
    """Holds one figure in a Qt canvas, with "Show as table" and a "⋯" menu to save it.

    ``clicked`` carries matplotlib's MouseEvent for left clicks, so callers map data
    coordinates to sessions themselves. ``toolbar`` is accepted for older callers and
    ignored: no chart carries matplotlib's toolbar any more. ``overlay_menu=False``
    leaves ``tools`` (the toggle and the menu button) for the owner to put in its own
    row instead of the chart's top-right corner.
    """

    clicked = Signal(object)
    #: A figure built and drawn off the UI thread (``setFigureLater``) now shows.
    figureShown = Signal()
    #: The table toggle changed (True: the table shows instead of the figure).
    tableModeChanged = Signal(bool)

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
        self._overlay_menu = overlay_menu
        self._text: ChartText | None = None
        #: How to build the figure shown again (for saving it on a worker); None
        #: when the view was given a figure only.
        self._rebuild: Callable[[], Figure] | None = None
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

        self.tableModel = ChartTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName(f"{name}Table")
        self.table.setModel(self.tableModel)
        self._drawing = 0  # the token of a figure being drawn off the UI thread, or 0
        self._start: tuple[int, Callable[[], Figure]] | None = None  # the next to start
        self._tokens = 0
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # Sized to its contents only while it shows (``_show_current``): a hidden table
        # sized to contents still read every cell at each new chart (3,000 calls, 25 ms).
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(min(min_height, 240))
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.table.hide()
        self._layout.insertWidget(0, self.table, 1)
        if fixed_height:
            self._layout.addStretch(0)  # a short chart sits at the top, not mid-page

        self.tools = QWidget(self)
        self.tools.setObjectName(f"{name}Tools")
        tools_layout = QHBoxLayout(self.tools)
        tools_layout.setContentsMargins(0, 0, 0, 0)
        tools_layout.setSpacing(2)
        self.showAsTableAction = QAction(self)
        self.showAsTableAction.setObjectName(f"{name}ShowAsTableAction")
        self.showAsTableAction.setCheckable(True)
        self.showAsTableAction.setEnabled(False)
        self.showAsTableAction.toggled.connect(self.setTableMode)
        self.showAsTableButton = QToolButton(self.tools)
        self.showAsTableButton.setObjectName("showAsTableButton")
        self.showAsTableButton.setDefaultAction(self.showAsTableAction)
        self.showAsTableButton.setAutoRaise(True)
        self.showAsTableButton.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.showAsTableButton.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tools_layout.addWidget(self.showAsTableButton)
        self.menu = QMenu(self)
        self.menu.setObjectName(f"{name}Menu")
        self.saveAction = QAction(self)
        self.saveAction.setObjectName(f"{name}SaveAction")
        self.saveAction.triggered.connect(self.saveAs)
        self.menu.addAction(self.saveAction)
        self.menuButton = QToolButton(self.tools)
        self.menuButton.setObjectName(f"{name}MenuButton")
        self.menuButton.setText("⋯")
        self.menuButton.setAutoRaise(True)
        self.menuButton.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.menuButton.setMenu(self.menu)
        self.menuButton.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menuButton.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0; }")
        self.menuButton.hide()
        tools_layout.addWidget(self.menuButton)
        self.tools.hide()
        QWidget.setTabOrder(self.showAsTableButton, self.menuButton)
        QWidget.setTabOrder(self.menuButton, self.table)
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
        self.showAsTableAction.setText(tr("charts", "Show as table"))
        self.showAsTableAction.setToolTip(
            tr("charts", "Show this chart's data as a table instead of the figure")
        )
        self.showAsTableButton.setAccessibleName(tr("charts", "Show as table"))

    # -- the text alternative ----------------------------------------------------

    def chartText(self) -> ChartText | None:
        return self._text

    def setChartText(self, text: ChartText | None) -> None:
        """The chart's name, description and table (see ``charts.text``)."""
        self._text = text
        self.tableModel.setChartText(text)
        name = "" if text is None else text.name
        description = "" if text is None else text.description
        for widget in (self, self.table, self.canvas):
            if widget is not None:
                widget.setAccessibleName(name)
                widget.setAccessibleDescription(description)
        self.showAsTableAction.setEnabled(text is not None)
        self.tools.setVisible(text is not None or self.canvas is not None)
        self._place_tools()
        self._show_current()

    def isTableMode(self) -> bool:
        return self.showAsTableAction.isChecked()

    def setTableMode(self, on: bool) -> None:
        """Show the data as a table (True) or as the figure (False)."""
        if self.showAsTableAction.isChecked() != on:
            self.showAsTableAction.setChecked(on)  # re-enters through toggled
            return
        self._show_current()
        self.tableModeChanged.emit(on)

    def _show_current(self) -> None:
        table = self.isTableMode() and self._text is not None
        # The figure leaves room for the tools in its corner; a table starts below them.
        top = self.tools.sizeHint().height() + 4 if table and self._overlay_menu else 0
        self._layout.setContentsMargins(0, top, 0, 0)
        header = self.table.horizontalHeader()
        mode = (
            QHeaderView.ResizeMode.ResizeToContents if table else QHeaderView.ResizeMode.Interactive
        )
        if header.sectionResizeMode(0) != mode or not header.count():
            header.setSectionResizeMode(mode)
        self.table.setVisible(table)
        if self.canvas is not None:
            self.canvas.setVisible(not table)
        self.placeholder.setVisible(not table and self.canvas is None)
        self.menuButton.setVisible(self.canvas is not None and not table)
        # The corner sized for the buttons now shown (a figure drawn on a worker arrives
        # with no resize after it; the menu button's showing would elide the toggle).
        self._place_tools()

    # -- the figure --------------------------------------------------------------

    def figure(self) -> Figure | None:
        return None if self.canvas is None else self.canvas.figure

    def saveAs(self) -> Path | None:
        """Ask where, then save the chart privately (see ``save_chart_as``)."""
        fig = self.figure()
        if fig is None:
            return None
        return save_chart_as(fig, self, kind=self.objectName(), build=self._rebuild)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_tools()

    def _place_tools(self) -> None:
        if not self._overlay_menu:
            return
        hint = self.tools.sizeHint()
        self.tools.setGeometry(self.width() - hint.width() - 4, 4, hint.width(), hint.height())
        self.tools.raise_()

    def _context_menu(self, pos: QPoint) -> None:
        if self.canvas is not None:
            self.menu.popup(self.canvas.mapToGlobal(pos))

    def setPlaceholder(self, text: str) -> None:
        """Show a sentence instead of a chart (before the first draw, or while empty)."""
        self._drawing = 0
        self._rebuild = None
        self.placeholder.setText(text)
        if self.canvas is not None:
            self._drop_canvas()
        self.setChartText(None)

    def setFigure(
        self,
        fig: Figure,
        text: ChartText | None = None,
        build: Callable[[], Figure] | None = None,
    ) -> None:
        """Show ``fig`` (the figure already shown: redraw it in place) and its text.
        ``build`` makes the same figure anew (as ``setFigureLater``'s does): saving the
        chart then builds and writes it on a worker, never touching the one shown."""
        self._drawing = 0
        self._rebuild = build
        if self.canvas is not None and self.canvas.figure is fig:
            self.canvas.draw_idle()
        else:
            self._new_canvas(fig)
        if text is None:
            # What the chart shows, in words (set by every chart builder).
            description = str(getattr(fig, DESCRIPTION_ATTR, ""))
            self.canvas.setAccessibleName(self.accessibleName())
            self.canvas.setAccessibleDescription(description)
            self.tools.show()
            self._place_tools()
            self._show_current()
        else:
            self.setChartText(text)

    # -- a figure built and drawn off the UI thread -------------------------------

    def isDrawing(self) -> bool:
        """True from ``setFigureLater`` until its figure shows (or is dropped)."""
        return bool(self._drawing)

    def setFigureLater(self, build: Callable[[], Figure], text: ChartText | None = None) -> None:
        """Build the figure with ``build()`` and draw it, both on a worker thread, then
        show it (``figureShown``); the text and table show at once.

        A big chart's build and first Agg draw take 100-250 ms (and the first one
        imports matplotlib): on the UI thread that froze the window as the tab first
        showed. The worker draws at the size the canvas will have, and the canvas shows
        those pixels without drawing again; a size that changed meanwhile is drawn as
        usual. ``build`` must make a new ``Figure`` (never pyplot's) and touch nothing
        else of the window; chart builds are serialised with ``charts.build_lock``.
        """
        self._tokens += 1
        token = self._drawing = self._tokens
        if text is not None:
            self.setChartText(text)
        # The worker starts once the view has painted (or 50 ms on, if it is not on
        # screen): while it runs the UI thread waits a little for the interpreter at
        # each Python call, and the page's first paint makes many.
        self._start = (token, build)
        QTimer.singleShot(START_LATEST_MS, self, self._start_drawing)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._start is not None:
            QTimer.singleShot(0, self, self._start_drawing)

    def _start_drawing(self) -> None:
        from alliance_desktop.gui.common import background

        start, self._start = self._start, None
        if start is None:
            return
        token, build = start
        if token != self._drawing:  # cleared or redrawn meanwhile
            return
        ratio = self.devicePixelRatioF()
        size = (self.width(), None if self._fixed_height else self.height())
        scroll = _scroll_room(self) if self._fixed_height else None
        # A relay of its own, kept until the result arrives, so the interpreter hold is
        # released even when the view (its window closed) is gone by then.
        relay = _Relay()
        _relays.add(relay)

        def arrived(token: int, result: Any) -> None:
            _relays.discard(relay)
            background.release_interpreter()
            if isValid(self):
                self._drawn(token, result, build)
            elif not isinstance(result, BaseException):
                _forget(result[0])

        relay.drawn.connect(arrived)

        def work() -> None:
            result: Any = None
            try:
                result = _render(build, size, ratio, scroll)
            except Exception as exc:
                result = exc
            relay.drawn.emit(token, result)

        background.hold_interpreter()  # released as the result arrives
        threading.Thread(target=work, name=f"{self.objectName()}Draw", daemon=True).start()

    def _drawn(self, token: int, result: Any, build: Callable[[], Figure]) -> None:
        if token != self._drawing:  # cleared, locked or redrawn meanwhile
            if not isinstance(result, BaseException):
                _forget(result[0])
            return
        self._drawing = 0
        if isinstance(result, BaseException):
            self.setPlaceholder("")
            raise result
        fig, renderer = result
        text = self._text
        self.setFigure(fig, text, build)
        if renderer is not None and self.canvas is not None:
            self.canvas.prepared = renderer
        self.figureShown.emit()

    def _new_canvas(self, fig: Figure) -> None:
        old_canvas = self.canvas
        canvas = _prepared_canvas_class()(fig)
        canvas.setParent(self)
        canvas.setObjectName(f"{self.objectName()}Canvas")
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
        if old_canvas is not None:
            old_canvas.hide()
            self._layout.removeWidget(old_canvas)
            old_canvas.deleteLater()

    def _drop_canvas(self) -> None:
        """Empty the figure and overwrite its pixels, then remove the canvas."""
        fig = self.canvas.figure
        _forget(fig)
        self.canvas.draw()  # overwrite the rendered buffer, not just the artists
        self.canvas.hide()
        self._layout.removeWidget(self.canvas)
        self.canvas.deleteLater()
        self.canvas = None

    def clear(self, text: str = "") -> None:
        """Drop the figure, its pixels and its table (on lock: nothing of the data stays)."""
        self._drawing = 0
        self._rebuild = None
        if self.canvas is not None:
            self._drop_canvas()
        self.placeholder.setText(text)
        self.setChartText(None)
        self.tools.hide()

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
    fig: Any,
    parent: Any,
    *,
    vault: Vault | None = None,
    kind: str = "",
    build: Callable[[], Figure] | None = None,
) -> Path | None:
    """Save a chart where the user chooses, as PNG, SVG or PDF, through ``app.charts``.

    The file is private (0600) from its creation, never written through a symlink, and
    an existing file is replaced only after the user said Yes (the run asks; Qt's own
    question is turned off so there is exactly one). The dialog is ``file_dialogs``':
    the path reaches neither the desktop's recently-used list nor Qt's dialog history.
    ``vault`` defaults to the open vault of the window the chart is in (for the audit).

    With ``build`` (what made ``fig``) the chart is built anew at ``fig``'s size and
    written by a background job (``background.run``): the same file, while the window
    keeps painting (writing a big chart took 90-175 ms on the UI thread), and the
    figure on screen is never touched by the worker. Without it, ``fig`` is written
    here (``operations.run``).
    """
    from alliance_desktop.app.charts import export_chart
    from alliance_desktop.gui import operations
    from alliance_desktop.gui.common import background, file_dialogs

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
    kind = kind or "chart"
    if build is None:
        outcome = operations.run(parent, export_chart, vault, fig, target, kind=kind)
    else:
        width, height = fig.get_size_inches()
        size = (float(width), float(height))
        outcome = background.run(
            parent,
            export_rebuilt_chart,
            vault,
            build,
            size,
            target,
            kind=kind,
            vault=vault,
            title=tr("charts", "Save chart"),
            label=tr("charts", "Saving {name}…").format(name=target.name),
        )
    return None if outcome is None else outcome.value


def export_rebuilt_chart(
    vault: Vault,
    build: Callable[[], Figure],
    size: tuple[float, float],
    out: Path,
    *,
    kind: str,
    overwrite: bool = False,
) -> Any:
    """On a worker: ``build()`` a new figure, give it ``size`` (inches, the shown
    figure's) and write it with ``app.charts.export_chart``; chart builds are
    serialised with ``charts.build_lock``."""
    from alliance_desktop.app.charts import export_chart
    from alliance_desktop.charts import build_lock

    with build_lock:
        fig = build()
        try:
            fig.set_size_inches(size[0], size[1], forward=False)
            return export_chart(vault, fig, out, kind=kind, overwrite=overwrite)
        finally:
            _forget(fig)


#: The relays of figures being drawn on workers (see ``_start_drawing``).
_relays: set[QObject] = set()


def _scroll_room(view: QWidget) -> tuple[int, int] | None:
    """The height of the scroll area ``view`` is the body of, and its scroll bar's width
    (None: not in a scroll area that scrolls as needed)."""
    from PySide6.QtWidgets import QScrollArea

    viewport = view.parentWidget()
    area = None if viewport is None else viewport.parentWidget()
    if viewport is None or not isinstance(area, QScrollArea) or area.widget() is not view:
        return None
    if area.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAsNeeded:
        return None
    if area.verticalScrollBar().isVisible():
        return None  # already scrolling: the view's width is the narrow one
    return viewport.height(), area.verticalScrollBar().sizeHint().width()


class _Relay(QObject):
    """Carries a worker's drawn figure to the UI thread (a queued connection)."""

    drawn = Signal(int, object)  # token, (figure, renderer) or the exception


#: The canvas class, made on first use (it subclasses matplotlib's Qt canvas).
_canvas_class: list[type] = []


def _prepared_canvas_class() -> type:
    """``FigureCanvasQTAgg`` that shows pixels a worker drew (``prepared``) instead of
    drawing again, when the figure's size and dpi are the ones they were drawn at."""
    if not _canvas_class:
        from alliance_desktop.charts import import_safely

        # Loaded by the worker that drew the figure: no wait for the lock then (the
        # supervision preview may hold it for its chart build).
        import_safely("matplotlib.backends.backend_qtagg")
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        class PreparedCanvas(FigureCanvasQTAgg):
            prepared: Any = None

            def draw(self) -> None:
                renderer, self.prepared = self.prepared, None
                if renderer is not None:
                    w, h = self.figure.bbox.size
                    if _pixels((w, h, self.figure.dpi)) == _pixels(renderer.alliance_key):
                        # The key exactly as Agg's get_renderer makes it (whole physical
                        # pixels): a float one (459.99999999999994) never equals it, so
                        # the paint's copy_from_bbox swapped in a new, blank renderer.
                        self.renderer = renderer
                        self._lastKey = (*self.get_width_height(physical=True), self.figure.dpi)
                        if self.get_renderer() is renderer:  # kept: its pixels show
                            self.update()
                            return
                super().draw()

        _canvas_class.append(PreparedCanvas)
    return _canvas_class[0]


def _pixels(key: tuple[float, float, float]) -> tuple[int, int, float]:
    """A renderer's size in whole pixels (846 / 100 * 100 is 846.0000000000001)."""
    return round(key[0]), round(key[1]), key[2]


def _render(
    build: Callable[[], Any],
    size: tuple[int, int | None],
    ratio: float,
    scroll: tuple[int, int] | None = None,
) -> tuple[Any, Any]:
    """On a worker: the figure and an Agg renderer holding it drawn at ``size`` (widget
    pixels; None: the figure's own height), as the canvas will draw it. ``scroll``:
    the height of the scroll area the view is in and its scroll bar's width, which a
    figure taller than the area takes from the canvas's width."""
    from alliance_desktop.charts import build_lock

    with build_lock:  # matplotlib's first import too: one thread imports it at a time
        import matplotlib.backends.backend_qtagg  # noqa: F401 - the UI thread's next import
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        fig = build()
        agg: Any = FigureCanvasAgg(fig)  # _set_device_pixel_ratio is matplotlib's own
        agg._set_device_pixel_ratio(ratio)
        width, given = size
        # A fixed-height canvas (given None) is as tall as its figure.
        height = int(fig.get_size_inches()[1] * fig._original_dpi) if given is None else given
        if given is None and scroll is not None and height > scroll[0]:
            width -= scroll[1]
        if width <= 0 or height <= 0:
            agg._set_device_pixel_ratio(1)
            return fig, None
        dpi = fig.dpi
        fig.set_size_inches(width * ratio / dpi, height * ratio / dpi, forward=False)
        agg.draw()
        renderer = agg.renderer
        w, h = fig.bbox.size
        renderer.alliance_key = (w, h, fig.dpi)
        agg._set_device_pixel_ratio(1)
        return fig, renderer


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
