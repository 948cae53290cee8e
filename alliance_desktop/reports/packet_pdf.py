"""The supervision packet as a tagged PDF (PDF/UA-1), written page by page.

``render_packet(packet)`` lays the packet out with :mod:`alliance_desktop.reports.pdf`:
the cover and its three short sections, then one section per client (its chart drawn
when its page is reached, then dropped), the charts across the packet's clients and
the strategy section. Each section starts on a fresh page only when it does not fit
in what is left of the current one. Pages are written as they are left, so memory
stays flat however many clients the packet holds; ``on_progress(done, total)`` is
called after every client (``total`` is the number of sections) and a ``cancelled()``
that returns True stops the layout with :class:`Cancelled` (nothing is kept).

Why this renderer (measured on the demo caseload with every sixth session flagged, on
a shared 2-core machine; ``benchmarks/bench_report.py``): Qt's QPdfWriter writes no
structure tree at all (no PDF/UA) and took 4.0 s for 10 clients and 122 s and 1.17 GB
for 200 clients x 100 sessions; WeasyPrint 70 writes PDF/UA-1 but needed 58 s and
870 MB for that packet's text alone (about 60 ms a page, plus 0.4 s to paint each
matplotlib SVG chart; written in chunks, 0.6 s of font subsetting per chunk), and
fpdf2 needed 18 ms a page for plain text and 0.45 s to import each SVG chart, with a
flat structure tree (no headings, lists or tables). A small writer of our own
(``reports/pdf``, over fontTools, already installed with matplotlib) lays out only
what the packet uses (left-aligned paragraphs, lists, tables and figures), tags as it
goes and writes pages as it leaves them: 6 s and 160 MB for the 200-client packet,
under a second for 10 clients. What it does not do: shaping (no ligatures, kerning,
right-to-left or Indic scripts), hyphenation or justification.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, BinaryIO, Protocol

from alliance_desktop.charts.theme import LIGHT
from alliance_desktop.i18n import _, current_language, ngettext
from alliance_desktop.reports.pdf.layout import (
    Block,
    Figure,
    Flow,
    ListBlock,
    ListItem,
    PageGeometry,
    Para,
    Run,
    Style,
    Table,
)
from alliance_desktop.reports.pdf.writer import Canvas, PdfDocument, hex_color

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.reports.supervision import ClientPart, Packet

#: Page sizes in points.
PAGE_POINTS = {"a4": (595.0, 842.0), "letter": (612.0, 792.0)}
MARGIN_PT = 18.0 / 25.4 * 72.0
FOOTER_PT = 22.0

INK = hex_color(LIGHT.text)
MUTED = hex_color(LIGHT.muted)
HEAD = hex_color("#2d3a46")
RULE = hex_color("#c9ced4")

BODY = Style("serif", 10, INK)
ITALIC = Style("serif-italic", 10, INK)
BOLD = Style("serif-bold", 10, INK)
MUTED_BODY = Style("serif", 10, MUTED)
META = Style("sans", 8.5, MUTED)
META_BOLD = Style("sans-bold", 8.5, MUTED)
PROMPT = Style("sans-bold", 8.5, HEAD)
H1 = Style("sans-bold", 20, INK, 1.25)
H2 = Style("sans-bold", 15, INK, 1.25)
H3 = Style("sans-bold", 11, HEAD, 1.3)
FOOT = Style("sans", 7.5, MUTED)


class Cancelled(Exception):
    """The caller asked the layout to stop; no output is kept."""


@dataclass(frozen=True)
class RenderResult:
    """What was rendered: page count, page size in points, which page each chart is on,
    and the PDF itself (``data``; empty when it was written to ``out``)."""

    pages: int
    page_points: tuple[float, float]
    chart_pages: dict[str, int]
    data: bytes = field(default=b"", repr=False)


def _p(text: str, style: Style = BODY, *, before: float = 0.0, after: float = 5.0,
       tag: str = "P", keep: bool = False) -> Para:  # fmt: skip
    return Para(runs=[(text, style)], style=style, tag=tag, space_before=before,
                space_after=after, keep_with_next=keep)  # fmt: skip


def _h(level: int, text: str) -> Para:
    style = {1: H1, 2: H2, 3: H3}[level]
    before = {1: 0.0, 2: 4.0, 3: 9.0}[level]
    return Para(runs=[(text, style)], style=style, tag=f"H{level}", space_before=before,
                space_after=3.0, keep_with_next=True)  # fmt: skip


def _paras(text: str, style: Style = BODY) -> list[Block]:
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    return [_p(b, style) for b in blocks]


class _Charts:
    """Draws the packet's charts into figures and notes the page each lands on."""

    def __init__(self, packet: Packet, flow: Flow) -> None:
        self.packet = packet
        self.flow = flow
        self.pages: dict[str, int] = {}

    def figure(self, name: str) -> Figure:
        spec = self.packet.charts[name]

        def draw(canvas: Canvas, x: float, y: float, w: float, h: float) -> None:
            self.pages.setdefault(name, canvas.index + 1)
            spec.draw(canvas, x, y, w, h)

        text = spec.text()
        alt = f"{text.name}. {text.description}".strip()
        return Figure(draw=draw, alt=alt, aspect=spec.aspect, space_before=4, space_after=6)


def _cover(packet: Packet) -> list[Block]:
    from alliance_desktop.reports.supervision import (
        TITLE,
        privacy_sentence,
        redaction_sentence,
        sections,
    )

    counts = "{period} · {clients} · {sessions}".format(
        period=packet.period,
        clients=ngettext("{n} client", "{n} clients", packet.client_count).format(
            n=packet.client_count),
        sessions=ngettext("{n} session", "{n} sessions", packet.session_count).format(
            n=packet.session_count),
    )  # fmt: skip
    listed = _("In this packet: {sections}.").format(sections="; ".join(sections(packet)))
    return [
        _h(1, _(TITLE)),
        _p(counts, META, after=3),
        _p(privacy_sentence(packet.options), META, after=3),
        _p(redaction_sentence(packet), META, after=3),
        _p(listed, META, after=8),
    ]


def _questions(packet: Packet) -> list[Block]:
    out: list[Block] = [_h(2, _("My questions for supervision"))]
    if packet.questions:
        items = [ListItem(f"{i}.", [(q, ITALIC)]) for i, q in enumerate(packet.questions, 1)]
        out.append(ListBlock(items=items, style=BODY, space_after=6))
    else:
        out.append(_p(_("No questions written yet."), MUTED_BODY))
    return out


def _client_table(packet: Packet) -> list[Block]:
    out: list[Block] = [_h(2, _("Clients in this packet"))]
    if not packet.clients:
        out.append(_p(_("No client had a session in the chosen period."), MUTED_BODY))
        return out
    rows = [(c.label, str(c.sessions), str(len(c.ruptures)), str(len(c.alerts)),
             str(len(c.reflections))) for c in packet.clients]  # fmt: skip
    out.append(Table(headers=(_("Client"), _("Sessions"), _("Ruptures"), _("Recent alerts"),
                              _("Reflections")), rows=rows, widths=(3, 2, 2, 2, 2),
                     style=Style("serif", 9.5, INK), space_after=6))  # fmt: skip
    return out


def _lenses() -> list[Block]:
    from alliance_desktop.reports.supervision import LENSES

    items = [ListItem(f"{i}.", [(_(t), BOLD), (_(": {question}").format(question=_(q)), BODY)])
             for i, (t, q) in enumerate(LENSES, 1)]  # fmt: skip
    return [
        _h(2, _("Lenses for our conversation")),
        _p(_("After the seven-eyed model of supervision (Hawkins & Shohet)."), META),
        ListBlock(items=items, style=BODY, space_after=6),
    ]


def _client(part: ClientPart, charts: ChartBlocks) -> list[Block]:
    out: list[Block] = [_h(2, part.label)]
    count = ngettext("{n} session in the period", "{n} sessions in the period",
                     part.sessions).format(n=part.sessions)  # fmt: skip
    out.append(_p(f"{count} · {part.span}" if part.span else count, META, after=2))
    if part.outcome:
        out.append(_p(part.outcome, META, after=4))
    if part.goals.strip():
        out.append(Para(runs=[(_("Goals:") + " ", MUTED_BODY), (part.goals, BODY)],
                        space_after=4))  # fmt: skip
    if part.chart and part.chart in charts.packet.charts:
        out.append(charts.figure(part.chart))
    out.append(_h(3, _("Recent alerts")))
    if part.alerts:
        out.append(ListBlock(items=[ListItem("•", [(a, BODY)]) for a in part.alerts],
                             style=BODY, label_width=10))  # fmt: skip
    else:
        out.append(_p(_("No recent alerts."), MUTED_BODY))
    out.append(_h(3, _("Ruptures and repair")))
    if part.ruptures:
        items = []
        for r in part.ruptures:
            runs: list[Run] = [(r.when, BOLD)]
            head = _(": {kind} rupture, {outcome}").format(kind=r.kind.lower(), outcome=r.outcome)
            if r.salience:
                head += ", " + _("salience {n} of 5").format(n=r.salience)
            text = head + "."
            if r.markers:
                text += " " + _("Markers: {markers}.").format(markers="; ".join(r.markers).lower())
            if r.repairs:
                text += " " + _("Repair: {repairs}.").format(repairs=", ".join(r.repairs).lower())
            runs.append((text, BODY))
            if r.note:
                runs.append((" " + r.note, MUTED_BODY))
            items.append(ListItem("•", runs))
        out.append(ListBlock(items=items, style=BODY, label_width=10))
    else:
        out.append(_p(_("No ruptures noted in the period."), MUTED_BODY))
    out.append(_h(3, _("Strategies used")))
    if part.strategies:
        out.append(_p(", ".join(f"{label} ({n}×)" for label, n in part.strategies)))
    else:
        out.append(_p(_("None ticked in the period."), MUTED_BODY))
    out.append(_h(3, _("Reflections brought to supervision")))
    if not part.reflections:
        out.append(_p(_("No session flagged for supervision in the period."), MUTED_BODY))
    for ref in part.reflections:
        runs = [(ref.when, META_BOLD), (f" · {ref.template}", META)]
        if ref.tags:
            runs.append((" · " + _("tags: {tags}").format(tags=", ".join(ref.tags)), META))
        out.append(Para(runs=runs, style=META, space_before=5, space_after=2,
                        keep_with_next=True))  # fmt: skip
        if ref.levels:
            out.append(_p(" · ".join(ref.levels), META, after=2, keep=True))
        if not ref.sections:
            out.append(_p(_("(no written reflection)"), MUTED_BODY))
        for prompt, text in ref.sections:
            out.append(_p(prompt, PROMPT, before=3, after=1, keep=True))
            out += _paras(text)
    return out


def _across(packet: Packet, charts: ChartBlocks) -> list[Block]:
    from alliance_desktop.reports.supervision import ACROSS

    out: list[Block] = [_h(2, _(ACROSS)), _p(_("Month by month over the period."), META)]
    out += [charts.figure(name) for name in packet.practice_charts if name in packet.charts]
    return out


def _strategies(packet: Packet, charts: ChartBlocks) -> list[Block]:
    from alliance_desktop.reports.supervision import STRATEGY_CHART, STRATEGY_HEADING

    out: list[Block] = [_h(2, _(STRATEGY_HEADING))]
    if not packet.strategy_lines:
        out.append(_p(_("No strategy was ticked in the period, so there is nothing to "
                        "compare."), MUTED_BODY))  # fmt: skip
        return out
    out.append(_p(_("Over the packet's clients in the period: the change to the next session "
                    "that followed each strategy, beyond what regression to the mean predicts, "
                    "with 95% intervals from resampling clients."), META))  # fmt: skip
    if STRATEGY_CHART in packet.charts:
        out.append(charts.figure(STRATEGY_CHART))
    rows = [(line.label, line.counts, line.trust, line.engagement)
            for line in packet.strategy_lines]  # fmt: skip
    out.append(Table(headers=(_("Strategy"), _("Uses"), _("Trust: estimate (95% interval)"),
                              _("Engagement: estimate (95% interval)")), rows=rows,
                     widths=(3, 2, 3, 3), style=Style("serif", 9, INK), space_after=6))  # fmt: skip
    out += [_p(c, MUTED_BODY) for c in packet.strategy_caveats]
    return out


def _footer(canvas: Canvas, number: int, total: int, g: PageGeometry) -> None:
    from alliance_desktop.reports.pdf.fonts import load_face
    from alliance_desktop.reports.supervision import FOOTER

    y = g.height - g.margin
    canvas.artifact("Pagination")
    canvas.line(g.margin, y - 13, g.width - g.margin, y - 13, 0.5, RULE)
    canvas.text(g.margin, y - 3, _(FOOTER), FOOT.face, FOOT.size, FOOT.color)
    label = _("Page {n} of {total}").format(n=number, total=total)
    w = load_face(FOOT.face).width(label, FOOT.size)
    canvas.text(g.width - g.margin - w, y - 3, label, FOOT.face, FOOT.size, FOOT.color)
    canvas.end()


class ChartBlocks(Protocol):
    """Where a section's charts come from: the PDF draws them, the preview names them."""

    packet: Packet

    def figure(self, name: str) -> Figure: ...


#: How many sections of :func:`packet_plan` make the cover pages (questions, the
#: client table, the lenses); every later section opens a page of its own on screen.
COVER_SECTIONS = 3


def packet_plan(packet: Packet, charts: ChartBlocks) -> list[Callable[[], Sequence[Block]]]:
    """The packet's sections in order, each made when called (the PDF lays out and lets
    go of one before it makes the next): the one content of the PDF and the preview."""
    plan: list[Callable[[], Sequence[Block]]] = [
        lambda: _cover(packet) + _questions(packet),
        lambda: _client_table(packet),
        _lenses,
    ]
    plan += [lambda part=part: _client(part, charts) for part in packet.clients]  # type: ignore[misc]
    if packet.practice_charts:
        plan.append(lambda: _across(packet, charts))
    if packet.clients:
        plan.append(lambda: _strategies(packet, charts))
    return plan


def render_packet(
    packet: Packet,
    *,
    page_size: str | None = None,
    out: BinaryIO | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    on_page: Callable[[int], None] | None = None,
) -> RenderResult:
    """Lay the packet out as a tagged PDF: into ``out`` when given, else in memory
    (``result.data``). Nothing touches the disk here."""
    from alliance_desktop.reports.supervision import PAGE_SIZES, TITLE, PacketError

    size_name = page_size or packet.options.page_size
    if size_name not in PAGE_SIZES:
        raise PacketError(_("page size must be one of {sizes}").format(sizes=", ".join(PAGE_SIZES)))
    width, height = PAGE_POINTS[size_name]
    g = PageGeometry(width, height, MARGIN_PT, FOOTER_PT)
    buffer = out if out is not None else io.BytesIO()
    doc = PdfDocument(buffer, width=width, height=height, title=_(TITLE),
                      lang=current_language())  # fmt: skip
    flow = Flow(doc, g, on_page=on_page)
    charts = _Charts(packet, flow)
    plan = packet_plan(packet, charts)
    total = len(plan)
    for done, make in enumerate(plan, 1):
        if cancelled is not None and cancelled():
            raise Cancelled()
        flow.section(make())
        if on_progress is not None:
            on_progress(done, total)
    flow.finish()
    pages = doc.close(lambda canvas, n, t: _footer(canvas, n, t, g))
    data = buffer.getvalue() if isinstance(buffer, io.BytesIO) and out is None else b""
    return RenderResult(pages, (width, height), dict(charts.pages), data)


__all__ = [
    "COVER_SECTIONS",
    "PAGE_POINTS",
    "Cancelled",
    "ChartBlocks",
    "RenderResult",
    "packet_plan",
    "render_packet",
]
