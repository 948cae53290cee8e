"""The packet preview, built off the UI thread (issue 15).

The wizard reads the vault once (``app.packets.read_source``) and hands that snapshot
to a ``PreviewJob`` on its own one-thread pool: the job builds the packet with
``app.packets.build_from`` (no vault, nothing opened), gives back its text, then draws
each chart in turn into the box the text leaves for it, as a QImage at the screen's
device pixel ratio (so charts are sharp on a HiDPI screen), dropping each figure once
drawn. ``PacketPreview`` shows the first pages as soon as the text is there and appends
the rest in slices between events; only once every page is in does the job draw, so
the two never compete for the interpreter's lock. Each chart is dropped in as it
arrives, with nothing to decode; the job sends at most ``IN_FLIGHT`` charts ahead of
what the UI thread has shown, so a busy UI thread never meets a backlog it would show
in one turn. A progress bar and a Stop button sit above it. A newer request cancels
the running job: it stops at its next client or chart, and whatever it still sends is
ignored (each job carries a generation number).
"""

from __future__ import annotations

import io
import os
import re
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QTextCursor, QTextDocument
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QTextBrowser

from alliance_desktop.app import packets as app_packets
from alliance_desktop.charts.theme import LIGHT
from alliance_desktop.domain.errors import ValidationError
from alliance_desktop.gui.common import background
from alliance_desktop.gui.supervision.chart_painter import (
    client_chart_image,
    load_fonts,
    place_in_box,
)
from alliance_desktop.reports.packet_chart import ClientChart

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.app.packets import PacketSource
    from alliance_desktop.reports.supervision import Packet, PacketOptions

_IMG = re.compile(r'<img src="chart:([^"]+)" width="(\d+)" height="(\d+)"')
_STYLE = re.compile(r"<style>(.*?)</style>", re.S)
_PAGE = '<h2 style="page-break-before: always">'
_ROW = re.compile(r"<tr>.*?</tr>", re.S)
_CELL = re.compile(r"<(td|th)>")
TABLE_ROWS = 10  # rows of the cover's client table laid out per piece
SLICE = 12  # client sections appended per turn of the event loop, at most
SLICE_S = 0.012  # and no more once this long was spent in a turn
PREVIEW_WIDTH = 640
#: Charts sent to the UI thread and not yet shown there, at most: the worker waits
#: rather than queue more (charts queued up were shown several in one turn). The UI
#: thread asks for the next one only in its next turn (``_ask_next``), so each turn of
#: the loop shows one chart at most; the worker draws the next meanwhile.
IN_FLIGHT = 1
#: The progress line above the preview is brought up to date at most this often
#: (a progress bar's new value repaints it at once).
PROGRESS_EVERY_S = 0.1
#: How long the charts wait for the text to be laid out before they are drawn anyway.
TEXT_WAIT_S = 3.0


class Cancelled(Exception):
    """The job was asked to stop."""


class _Watched(Mapping[str, Any]):
    """The strategy catalogue, which the packet builder reads for every client: the
    place where a cancelled build stops instead of running to its end."""

    def __init__(self, inner: Mapping[str, Any], stop: threading.Event) -> None:
        self._inner, self._stop = inner, stop

    def __getitem__(self, key: str) -> Any:
        if self._stop.is_set():
            raise Cancelled
        return self._inner[key]

    def __iter__(self) -> Iterator[str]:
        if self._stop.is_set():
            raise Cancelled
        return iter(self._inner)

    def __len__(self) -> int:
        return len(self._inner)


class _Signals(QObject):
    text = Signal(int, object, str)  # generation, packet, html
    #: generation, chart name, the QImage to show (its box, at the pixel ratio), charts
    #: drawn so far, charts in all
    chart = Signal(int, str, object, int, int)
    failed = Signal(int, str)
    done = Signal(int)


def _emit(signal: Any, *args: Any) -> None:
    """Emit from the worker; a wizard closed meanwhile (its receiver gone) is no error."""
    try:
        signal.emit(*args)
    except RuntimeError:
        raise Cancelled from None


def _cover_pieces(cover: str) -> list[str]:
    """The cover in pieces to lay out one per turn: what precedes its first table, the
    table in runs of TABLE_ROWS rows (laying out a 150-row table at once took 70 ms),
    and the rest. Each run is a table of its own with the same column widths, so the
    runs line up as one table."""
    start = cover.find("<table")
    end = cover.find("</table>", start)
    if start < 0 or end < 0:
        return [cover]
    opening = cover[start : cover.index(">", start) + 1]
    rows = _ROW.findall(cover, start, end)
    if len(rows) <= TABLE_ROWS or not rows:
        return [cover]
    columns = max(1, len(_CELL.findall(rows[0])))
    other = 70 // max(1, columns - 1) if columns > 1 else 100
    first = 100 - other * (columns - 1)
    widths = [first] + [other] * (columns - 1)

    def sized(row: str) -> str:
        cells = iter(widths)
        return _CELL.sub(lambda m: f'<{m.group(1)} width="{next(cells, other)}%">', row)

    runs = [
        opening + sized(rows[i]) + "".join(rows[i + 1 : i + TABLE_ROWS]) + "</table>"
        for i in range(0, len(rows), TABLE_ROWS)
    ]
    tail = cover[end + len("</table>") :]
    return [cover[:start] + runs[0], *runs[1:], *([tail] if tail.strip() else [])]


#: Put before a page's HTML laid in at the document's end: inserted HTML's first block
#: joins the block the cursor is in (a client's heading ran on at the end of the last
#: lens, or of the last paragraph, and lost its heading level). A non-breaking space
#: is that first block here, so the page's heading stays a heading of its own.
_OWN_BLOCK = "<p>&nbsp;</p>"


def chart_sizes(html: str) -> list[tuple[str, int, int]]:
    """The charts of a packet's HTML in reading order, with their width and height."""
    return [(m.group(1), int(m.group(2)), int(m.group(3))) for m in _IMG.finditer(html)]


class PreviewJob(QRunnable):
    """Build one packet and draw its charts; every result goes out through signals."""

    def __init__(
        self,
        generation: int,
        source: PacketSource,
        options: PacketOptions,
        signals: _Signals,
        *,
        width_px: int = PREVIEW_WIDTH,
        pixel_ratio: float = 1.0,
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.generation = generation
        self.source = source
        self.options = options
        self.signals = signals
        self.width_px = width_px
        self.pixel_ratio = max(1.0, pixel_ratio)
        self.stop = threading.Event()
        #: Set by the UI thread once the packet's text is laid out, to its last page.
        self.text_shown = threading.Event()
        #: Taken for each chart sent, given back by the UI thread as it shows it.
        self.slots = threading.Semaphore(IN_FLIGHT)
        #: Set when nobody waits on the UI thread's turns (``PacketPreview.wait``): the
        #: job neither waits for the text nor for charts to be shown.
        self.unpaced = threading.Event()

    def run(self) -> None:
        # Nothing may leave run(): Qt's pool cannot carry a Python exception.
        try:
            self._run()
        except Cancelled:
            pass
        except ValidationError as exc:
            _emit(self.signals.failed, self.generation,
                  "; ".join(p.message for p in exc.problems))  # fmt: skip
        except Exception:  # never a traceback on screen
            if os.environ.get("ALLIANCE_DEBUG_PREVIEW"):
                import traceback

                traceback.print_exc()
            _emit(self.signals.failed, self.generation, "")

    def _run(self) -> None:
        gen, out = self.generation, self.signals
        if self.stop.is_set():
            return
        source = self.source
        watched = replace(source, strategies=_Watched(source.strategies, self.stop))
        packet = app_packets.build_from(watched, self.options)
        if self.stop.is_set():
            return
        html = packet.html(self.width_px)
        _emit(out.text, gen, packet, html)
        began = time.perf_counter()
        # The UI thread lays the whole text out first, page by page, without the charts
        # competing with it for the interpreter (that tripled the 30-70 ms it takes).
        while not self.unpaced.is_set() and not self.text_shown.wait(0.05):
            if self.stop.is_set():
                return
            if time.perf_counter() - began > TEXT_WAIT_S:
                break  # a UI too busy to say so: draw anyway
        charts = chart_sizes(html)
        for i, (name, width, height) in enumerate(charts):
            image = self._image(packet, name, width, height)
            # At most IN_FLIGHT charts wait for the UI thread: a busy UI gets them one
            # per turn, never a backlog shown in one go.
            while not self.unpaced.is_set() and not self.slots.acquire(timeout=0.05):
                if self.stop.is_set():
                    return
            if self.stop.is_set():
                return
            _emit(out.chart, gen, name, image, i + 1, len(charts))
        _emit(out.done, gen)

    def _image(self, packet: Packet, name: str, width: int, height: int) -> QImage | None:
        """The chart fitted into its ``width`` × ``height`` box at the screen's pixel ratio
        (its own proportions kept, centred in the box), ready to show; its figure is
        dropped once drawn."""
        if self.stop.is_set():
            raise Cancelled
        spec = packet.charts.get(name)
        if spec is None:
            return None
        if isinstance(spec, ClientChart):
            # The PDF's own drawer on a QPainter: milliseconds, and no matplotlib.
            return client_chart_image(spec, width, height, self.pixel_ratio)
        from alliance_desktop.charts import build_lock

        # Under the charts' lock: the build imports matplotlib's modules the first time,
        # and two threads importing them at once (the main window's chart warm-up) can
        # each meet the other's half-made modules; the build also sets rcParams.
        with build_lock:
            fig = packet.figure(name)
        try:
            w_in, h_in = (float(x) or 1.0 for x in fig.get_size_inches())
            dpi = min(width / w_in, height / h_in) * self.pixel_ratio
            drawn = _figure_image(fig, dpi)
        finally:
            fig.clear()
        return place_in_box(drawn, width, height, self.pixel_ratio)


def _figure_image(fig: Any, dpi: float) -> QImage:
    """A matplotlib figure drawn at ``dpi`` on white, as a QImage: Agg's own pixels
    (``savefig(format="raw")``), with no PNG to encode and decode again."""
    buf = io.BytesIO()
    fig.savefig(buf, format="raw", dpi=dpi, facecolor="white")
    raw = buf.getvalue()
    w_in, h_in = fig.get_size_inches()
    width, height = int(w_in * dpi), int(h_in * dpi)
    if width * height * 4 != len(raw):  # another size than Agg's: the PNG way
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=dpi, facecolor="white")
        return QImage.fromData(buf.getvalue())
    image = QImage(raw, width, height, 4 * width, QImage.Format.Format_RGBA8888)
    return image.convertToFormat(QImage.Format.Format_RGB32)  # a copy: raw goes


class PacketPreview(QObject):
    """Shows what the packet will hold: text first, charts as they are drawn."""

    #: The packet's text is on screen (the packet object is ``packet``).
    textShown = Signal()
    #: Every chart is drawn (or the preview failed or stopped).
    finished = Signal()

    def __init__(
        self,
        browser: QTextBrowser,
        state: QLabel,
        progress: QProgressBar,
        stop: QPushButton,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.browser, self.state, self.bar, self.stopButton = browser, state, progress, stop
        load_fonts()  # the client charts' faces, before a job paints with them
        self.hold = background.InterpreterHold()
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one packet at a time; figures stay in one thread
        self.signals = _Signals(self)
        self.signals.text.connect(self._text)
        self.signals.chart.connect(self._chart)
        self.signals.failed.connect(self._failed)
        self.signals.done.connect(self._done)
        self.generation = 0
        self.job: PreviewJob | None = None
        self.packet: Packet | None = None
        self.doc: QTextDocument | None = None
        self._blank = QTextDocument(self)
        self._pending: list[str] = []
        #: The text is set but not yet announced (``_announce_text``, the next turn).
        self._announce = False
        #: Charts shown since the worker was last told it may send more.
        self._owed = 0
        self._asker = QTimer(self, singleShot=True, interval=0)
        self._asker.timeout.connect(self._ask_next)
        self._progressed = 0.0
        self._slicer = QTimer(self, singleShot=True, interval=0)
        self._slicer.timeout.connect(self._append_slice)
        self._placeholders: dict[tuple[int, int], QImage] = {}
        self._boxes: dict[str, tuple[int, int]] = {}
        self.charts_total = 0
        self.charts_drawn = 0
        self.stopButton.clicked.connect(self.stopPreview)
        # The packet is paper: its own colours on white in light and dark themes alike.
        browser.setStyleSheet(
            "QTextBrowser#packetPreview { background: #ffffff; "
            f"color: {LIGHT.text}; padding: 14px; }}"
        )
        self._idle()

    # -- state -------------------------------------------------------------------------

    def isBusy(self) -> bool:
        return self.job is not None

    def _idle(self) -> None:
        self.bar.hide()
        self.stopButton.hide()

    def _busy(self, text: str) -> None:
        self.state.setText(text)
        self.bar.show()
        self.stopButton.show()
        self.stopButton.setEnabled(True)

    # -- requests ----------------------------------------------------------------------

    def request(self, source: PacketSource, options: PacketOptions) -> None:
        """Build the preview for ``options``; a running build is abandoned."""
        self._cancel_job()
        self.generation += 1
        self.bar.setRange(0, 0)  # busy until the first chart tells how many there are
        self._busy(self.tr("Building the preview…"))
        ratio = self.browser.devicePixelRatioF() if self.browser.window() else 1.0
        self.job = PreviewJob(self.generation, source, options, self.signals,
                              width_px=self.chartWidth(), pixel_ratio=ratio)  # fmt: skip
        self.hold.on()
        self.pool.start(self.job)

    def chartWidth(self) -> int:
        """Charts as wide as the text column the preview leaves, within reason."""
        # The viewport's width, without viewport(): its first call in a process makes
        # the Python wrapper of a QWidget made in C++, and PySide's enums with it (17-30
        # ms in one turn).
        browser = self.browser
        width = browser.maximumViewportSize().width()
        bar = browser.verticalScrollBar()
        if bar.isVisible():
            width -= bar.width()
        free = width - 2 * browser.document().documentMargin()
        return int(max(360, min(PREVIEW_WIDTH, free - 24)))

    def showMessage(self, text: str) -> None:
        """No packet: a message in the preview's place (never inside a packet)."""
        self._cancel_job()
        self.generation += 1
        self._set_doc(None)
        self.browser.setPlainText(text)
        self.state.clear()
        self._idle()

    def stopPreview(self) -> None:
        """Stop drawing: what is shown stays, the rest is not drawn."""
        if self.job is None:
            return
        self._cancel_job()
        self.generation += 1
        self._pending.clear()
        self.state.setText(self.tr("Preview stopped; the PDF will still hold everything."))
        self._idle()
        self.finished.emit()

    def _cancel_job(self) -> None:
        if self.job is not None:
            self.job.stop.set()
            self.job = None
        self._slicer.stop()
        self._announce = False
        self._asker.stop()
        self._owed = 0
        self.hold.off()  # a stopped job ends at its next client or chart

    def wait(self, msecs: int = -1) -> bool:
        """Block until the pool is idle (tests and shutdown). The UI thread turns no more
        meanwhile, so the running job stops pacing itself by it."""
        if self.job is not None:
            self.job.unpaced.set()
        return bool(self.pool.waitForDone(msecs))

    def clear(self) -> None:
        """Forget the packet and the document (lock, close)."""
        self._cancel_job()
        self.generation += 1
        self._pending.clear()
        self._set_doc(None)
        self.browser.clear()
        self.state.clear()
        self._idle()

    # -- results (UI thread) -----------------------------------------------------------

    def _text(self, gen: int, packet: Packet, html: str) -> None:
        if gen != self.generation:
            return
        self.packet = packet
        sizes = chart_sizes(html)
        self._boxes = {name: (w, h) for name, w, h in sizes}
        self.charts_total, self.charts_drawn = len(sizes), 0
        doc = QTextDocument(self.browser)
        font = QFont("DejaVu Serif", 10)
        font.setFeature(QFont.Tag("liga"), 0)
        doc.setDefaultFont(font)
        for name, width, height in sizes:
            doc.addResource(
                QTextDocument.ResourceType.ImageResource,
                QUrl(f"chart:{name}"),
                self._placeholder(width, height),
            )
        style = _STYLE.search(html)
        doc.setDefaultStyleSheet(style.group(1) if style else "")
        body = html.split("<body>", 1)[-1].rsplit("</body>", 1)[0]
        parts = body.split(_PAGE)
        cover = _cover_pieces(parts[0])
        head, rest = cover[0], cover[1:] + [_PAGE + p for p in parts[1:]]
        # The cover's first lines at once; the rest between events: the preview's state
        # and the private key in the next turn (showing that label lays the dialog out
        # again), then the pages (laying out the cover and a long first client at once
        # took 50-120 ms; setting the document with 30 rows of the cover's table, 10).
        doc.setHtml(head)
        self._pending = rest
        self._set_doc(doc)
        self._announce = True
        self._slicer.start()

    def _announce_text(self) -> None:
        """The text is on screen: say so (the state line, the wizard's private key)."""
        self._announce = False
        # (A job no longer paced by the UI, ``wait``, may have drawn charts or ended.)
        if self.job is not None and self.charts_total and not self.charts_drawn:
            self.bar.setRange(0, self.charts_total)
            self.bar.setValue(0)
            self._busy(self.tr("Drawing charts: 0 of {n}…").format(n=self.charts_total))
        elif self.job is not None and not self.charts_total:
            self.job = None
            self.hold.off()
            self._idle()
            self.state.setText(self.summary())
        self.textShown.emit()

    def _text_laid_out(self) -> None:
        """Every page is in the document: the charts may come now."""
        if self.job is not None:
            self.job.text_shown.set()

    def _append_slice(self) -> None:
        doc = self.doc
        if doc is None:
            return
        if self._announce:  # the turn after the first lines: nothing else in it
            self._announce_text()
            if self._pending:
                self._slicer.start()
            else:
                self._text_laid_out()
            return
        if not self._pending:
            return
        # Sections until SLICE_S is spent (at least one, at most SLICE), then a turn.
        began = time.perf_counter()
        cursor = QTextCursor(doc)
        for _ in range(SLICE):
            if not self._pending:
                break
            cursor.movePosition(QTextCursor.MoveOperation.End)
            piece = self._pending.pop(0)
            cursor.insertHtml(_OWN_BLOCK + piece if piece.startswith(_PAGE) else piece)
            if time.perf_counter() - began > SLICE_S:
                break
        if self._pending:
            self._slicer.start()
        else:
            self._text_laid_out()

    def flush(self) -> None:
        """Append every section still waiting (tests and scripts)."""
        while (self._pending or self._announce) and self.doc is not None:
            self._append_slice()
        self._slicer.stop()

    def pendingSections(self) -> int:
        return len(self._pending)

    def _chart(self, gen: int, name: str, image: QImage | None, done: int, total: int) -> None:
        if gen != self.generation:
            return
        try:
            # The worker drew the chart into the very box the text leaves for it, in
            # device pixels, centred at its own proportions (never stretched, never
            # scaled up): nothing to decode or compose in this turn.
            if self.doc is not None and image is not None and not image.isNull():
                self.doc.addResource(QTextDocument.ResourceType.ImageResource,
                                     QUrl(f"chart:{name}"), image)  # fmt: skip
                self.charts_drawn += 1
                self.doc.documentLayout().update.emit()  # repaint (not viewport(): above)
            now = time.perf_counter()
            if now - self._progressed >= PROGRESS_EVERY_S or done == total:
                self._progressed = now
                self.bar.setRange(0, total)
                self.bar.setValue(done)
                self.state.setText(
                    self.tr("Drawing charts: {done} of {n}…").format(done=done, n=total)
                )
        finally:
            if self.job is not None:
                self._owed += 1
                self._asker.start()  # the next chart, in the next turn

    def _ask_next(self) -> None:
        """A turn after charts were shown: the worker may send as many more."""
        owed, self._owed = self._owed, 0
        if self.job is not None:
            for _ in range(owed):
                self.job.slots.release()

    def chartBoxes(self) -> dict[str, tuple[int, int]]:
        """Each chart's box in the shown text, in logical pixels."""
        return dict(self._boxes)

    def chartImage(self, name: str) -> QImage | None:
        if self.doc is None:
            return None
        found = self.doc.resource(QTextDocument.ResourceType.ImageResource, QUrl(f"chart:{name}"))
        return found if isinstance(found, QImage) else None

    def _failed(self, gen: int, message: str) -> None:
        if gen != self.generation:
            return
        self.job = None
        self.hold.off()
        self._pending.clear()
        self._slicer.stop()
        self._announce = False
        self.packet = None
        self._set_doc(None)
        self.browser.setPlainText(message or self.tr("The preview could not be built."))
        self.state.clear()
        self._idle()
        self.finished.emit()

    def _done(self, gen: int) -> None:
        if gen != self.generation:
            return
        self.job = None
        self.hold.off()
        self._idle()
        self.state.setText(self.summary())
        self.finished.emit()

    def summary(self) -> str:
        """What the shown packet holds, for the line above it."""
        packet = self.packet
        if packet is None:
            return ""
        return (self.tr("%n client(s)", "", packet.client_count)
                + " · "
                + self.tr("%n session(s)", "", packet.session_count))  # fmt: skip

    # -- helpers -----------------------------------------------------------------------

    def _placeholder(self, width: int, height: int) -> QImage:
        """A pale box the chart's size, until the chart is drawn."""
        key = (width, height)
        image = self._placeholders.get(key)
        if image is None:
            image = QImage(width, height, QImage.Format.Format_RGB32)
            image.fill(QColor("#f3f5f7"))
            painter = QPainter(image)
            painter.setPen(QColor(LIGHT.muted))
            painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter,
                             self.tr("Drawing the chart…"))  # fmt: skip
            painter.end()
            self._placeholders[key] = image
        return image

    def _set_doc(self, doc: QTextDocument | None) -> None:
        old, self.doc = self.doc, doc
        if doc is None:
            self.packet = None
        self._blank.clear()
        self.browser.setDocument(doc if doc is not None else self._blank)
        if old is not None and old is not doc:
            old.clear()
            old.deleteLater()
