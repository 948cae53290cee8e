"""The supervision packet as Qt rich-text HTML, for the wizard's preview.

The text comes from the PDF's own sections (``packet_pdf.packet_plan``), so the preview
says exactly what the PDF says, in the packet's language: one content, two renderers.
Each block becomes its HTML counterpart: headings ``h1``-``h3``, paragraphs with the
class of their style (``meta``, ``muted``, ``prompt``), numbered or bulleted lists,
tables with header cells, and each chart an ``<img src="chart:NAME">`` sized for
``width_px``, which the preview fills in as the charts are drawn. Every section after
the cover pages opens with ``<h2 style="page-break-before: always">`` (the preview
lays the packet out one such page at a time).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from string import Template
from typing import TYPE_CHECKING

from alliance_desktop.charts.theme import LIGHT
from alliance_desktop.reports import packet_pdf as pdf
from alliance_desktop.reports.pdf.layout import Block, Figure, ListBlock, Para, Run, Style, Table

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.reports.supervision import Packet

#: How a section after the cover pages opens (the preview splits the packet there).
PAGE_BREAK = '<h2 style="page-break-before: always">'

CSS = Template("""
body { font-family: 'DejaVu Serif'; font-size: 10pt; color: $text; }
h1 { font-family: 'DejaVu Sans'; font-size: 20pt; font-weight: 600; margin-bottom: 4pt; }
h2 { font-family: 'DejaVu Sans'; font-size: 15pt; font-weight: 600; margin-top: 0pt;
     margin-bottom: 4pt; }
h3 { font-family: 'DejaVu Sans'; font-size: 11pt; font-weight: 600; margin-top: 12pt;
     margin-bottom: 3pt; color: #2d3a46; }
p { margin-top: 2pt; margin-bottom: 5pt; }
.meta { color: $muted; font-family: 'DejaVu Sans'; font-size: 9pt; }
.muted { color: $muted; }
.prompt { font-family: 'DejaVu Sans'; font-size: 9pt; font-weight: 600; color: #2d3a46;
          margin-top: 6pt; margin-bottom: 1pt; }
td { padding: 2pt 6pt 2pt 0pt; vertical-align: top; }
th { font-family: 'DejaVu Sans'; font-size: 9pt; text-align: left; padding: 2pt 6pt 2pt 0pt;
     color: #2d3a46; border-bottom: 1px solid #c9ced4; }
""").substitute(text=LIGHT.text, muted=LIGHT.muted)

#: The paragraph styles that have a class of their own.
_CLASSES = {pdf.META: "meta", pdf.MUTED_BODY: "muted", pdf.PROMPT: "prompt"}
_BOLD = (pdf.BOLD, pdf.META_BOLD)


@dataclass
class _Chart(Figure):
    """A chart in the preview: only its name; the preview draws it apart."""

    name: str = ""


class _NamedCharts:
    """The PDF's charts as names (``pdf.ChartBlocks``): nothing is drawn here."""

    def __init__(self, packet: Packet) -> None:
        self.packet = packet

    def figure(self, name: str) -> Figure:
        return _Chart(alt="", aspect=self.packet.charts[name].aspect, name=name)


def _e(text: str) -> str:
    return html.escape(text, quote=True).replace("\n", "<br/>")


def _runs(runs: list[Run] | tuple[Run, ...], base: Style) -> str:
    out = []
    for text, style in runs:
        if style in _BOLD and base not in _BOLD:
            out.append(f"<b>{_e(text)}</b>")
        elif style == pdf.ITALIC:
            out.append(f"<i>{_e(text)}</i>")
        elif style == pdf.MUTED_BODY and base != pdf.MUTED_BODY:
            out.append(f'<span class="muted">{_e(text)}</span>')
        else:
            out.append(_e(text))
    return "".join(out)


def _block(block: Block, packet: Packet, width_px: int, *, opens_page: bool) -> str:
    if isinstance(block, Para):
        runs = list(block.runs)
        if block.tag.startswith("H"):
            level = block.tag[1:]
            start = PAGE_BREAK if opens_page and level == "2" else f"<h{level}>"
            return f"{start}{_runs(runs, block.style)}</h{level}>"
        css = _CLASSES.get(block.style)
        attr = f' class="{css}"' if css else ""
        return f"<p{attr}>{_runs(runs, block.style)}</p>"
    if isinstance(block, ListBlock):
        numbered = all(item.label.rstrip(".").isdigit() for item in block.items)
        tag = "ol" if numbered else "ul"
        items = "".join(f"<li>{_runs(list(item.runs), block.style)}</li>" for item in block.items)
        return f"<{tag}>{items}</{tag}>"
    if isinstance(block, Table):
        head = "".join(f"<th>{_e(h)}</th>" for h in block.headers)
        rows = "".join(
            "<tr>" + "".join(f"<td>{_e(cell)}</td>" for cell in row) + "</tr>" for row in block.rows
        )
        return f'<table cellspacing="0" cellpadding="3" width="100%"><tr>{head}</tr>{rows}</table>'
    if isinstance(block, _Chart):
        w, h = packet.chart_size(block.name)
        height = round(width_px * h / w)
        return (
            f'<p align="center"><img src="chart:{block.name}" width="{width_px}" '
            f'height="{height}"/></p>'
        )
    return ""


def packet_html(packet: Packet, width_px: int) -> str:
    """The whole packet as rich-text HTML; charts are ``<img src="chart:NAME">``."""
    out = [f"<html><head><style>{CSS}</style></head><body>"]
    for number, make in enumerate(pdf.packet_plan(packet, _NamedCharts(packet))):
        opens_page = number >= pdf.COVER_SECTIONS
        for i, block in enumerate(make()):
            out.append(_block(block, packet, width_px, opens_page=opens_page and i == 0))
    out.append("</body></html>")
    return "\n".join(out)


__all__ = ["CSS", "PAGE_BREAK", "packet_html"]
