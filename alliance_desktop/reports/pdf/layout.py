"""Flowing tagged blocks onto pages: paragraphs, headings, lists, tables and figures.

A document is a sequence of *sections*; each section is laid out (lines broken,
heights known) before any of it is placed, so the flow can decide where it starts:
on the current page when the whole section fits there, else at the top of the next
page (a section never starts in the last lines of a page it cannot fill, and never
stands alone on a new page when it would have fitted before). Inside a section:

- a heading keeps with what follows it (the heading and the first two lines of the
  next block, or the next figure or table row, move to the next page together);
- a paragraph breaks between lines, never leaving a single first or last line alone;
- a table breaks between rows and repeats its header row (as an artifact) on the next
  page; a figure never breaks and shrinks only when taller than a page;
- nothing is drawn below the body area: the footer band belongs to the footer.

Each block becomes its structure element (H1-H3, P, L/LI/Lbl/LBody, Table/TR/TH/TD,
Figure) with its marked content on every page it touches. Pages are written as soon
as the flow leaves them (``PdfDocument.finish_page``), so a long packet costs no more
memory than a short one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from alliance_desktop.reports.pdf.fonts import load_face
from alliance_desktop.reports.pdf.writer import Canvas, Color, Elem, PdfDocument


@dataclass(frozen=True)
class Style:
    face: str = "serif"
    size: float = 10.0
    color: Color = (0.1, 0.12, 0.14)
    leading: float = 1.32  # line height as a multiple of the size

    @property
    def line_height(self) -> float:
        return self.size * self.leading


Run = tuple[str, Style]
Line = list[tuple[float, str, Style]]  # (x offset, text, style)

_SPACE = re.compile(r"(\s+)")


def break_lines(runs: Sequence[Run], width: float) -> list[Line]:
    """Greedy line breaking at white space (a hard newline ends a line; other runs of
    white space read as one space); a word wider than the line is cut between
    characters."""
    if len(runs) == 1:
        return _break_plain(runs[0][0], runs[0][1], width)
    lines: list[Line] = []
    line: Line = []
    ends: list[float] = []  # where each item of ``line`` ends
    x = 0.0
    space: Style | None = None  # a space waiting between two words
    word: list[Run] = []

    def push(text: str, style: Style, w: float) -> None:
        nonlocal x
        if line and line[-1][2] == style and abs(ends[-1] - x) < 0.01:
            off, prev, _ = line[-1]
            line[-1] = (off, prev + text, style)
        else:
            line.append((x, text, style))
            ends.append(x)
        x += w
        ends[-1] = x

    def newline() -> None:
        nonlocal line, ends, x, space
        lines.append(line)
        line, ends, x, space = [], [], 0.0, None

    def flush_word() -> None:
        nonlocal space
        if not word:
            return
        widths = [load_face(s.face).width(t, s.size) for t, s in word]
        total = sum(widths)
        gap = load_face(space.face).width(" ", space.size) if (space and line) else 0.0
        if line and x + gap + total > width:
            newline()
            gap = 0.0
        if gap and space is not None:
            push(" ", space, gap)
        for (t, s), w in zip(word, widths, strict=True):
            if w > width - x and w > width * 0.5:  # a word longer than the line: cut it
                for k, piece in enumerate(_cut(t, s, width, width - x)):
                    if k:
                        newline()
                    push(piece, s, load_face(s.face).width(piece, s.size))
            else:
                push(t, s, w)
        word.clear()
        space = None

    for text, style in runs:
        for piece in _SPACE.split(text):
            if not piece:
                continue
            if piece.isspace():
                flush_word()
                breaks = piece.count("\n")
                for _ in range(breaks):
                    newline()
                if not breaks:
                    space = style
            else:
                word.append((piece, style))
    flush_word()
    if line or not lines:
        lines.append(line)
    return lines


def _cut(word: str, style: Style, width: float, first: float) -> list[str]:
    """A word too long for a line, in pieces: the first fits in ``first``, the rest in
    ``width`` each."""
    face = load_face(style.face)
    pieces: list[str] = []
    piece, room, used = "", first, 0.0
    for ch in word:
        cw = face.width(ch, style.size)
        if piece and used + cw > room:
            pieces.append(piece)
            piece, room, used = "", width, 0.0
        piece += ch
        used += cw
    pieces.append(piece)
    return pieces


def _break_plain(text: str, style: Style, width: float) -> list[Line]:
    """``break_lines`` for text in one style (nearly every paragraph): words joined by
    single spaces, widths from the face's cache."""
    face = load_face(style.face)
    size = style.size
    space = face.width(" ", size)
    measure = face.width
    lines: list[Line] = []
    for hard in text.split("\n"):
        words: list[str] = []
        x = 0.0
        for word in hard.split():
            w = measure(word, size)
            if words and x + space + w <= width:
                words.append(word)
                x += space + w
                continue
            if words:
                lines.append([(0.0, " ".join(words), style)])
                words, x = [], 0.0
            if w > width:
                pieces = _cut(word, style, width, width)
                lines += [[(0.0, p, style)] for p in pieces[:-1]]
                word = pieces[-1]
                w = measure(word, size)
            words, x = [word], w
        lines.append([(0.0, " ".join(words), style)] if words else [])
    return lines or [[]]


def _line_height(line: Line, default: Style) -> float:
    return max((s.line_height for _, _, s in line), default=default.line_height)


# -- blocks --------------------------------------------------------------------------------


@dataclass
class Block:
    space_before: float = 0.0
    space_after: float = 0.0
    keep_with_next: bool = False

    def prepare(self, width: float) -> None:  # break lines, know the height
        raise NotImplementedError

    @property
    def height(self) -> float:
        raise NotImplementedError

    def min_start(self) -> float:
        """The least of this block that must sit below a heading kept with it."""
        return self.height


@dataclass
class Para(Block):
    runs: Sequence[Run] = ()
    tag: str = "P"
    indent: float = 0.0
    style: Style = field(default_factory=Style)
    lines: list[Line] = field(default_factory=list, repr=False)
    heights: list[float] = field(default_factory=list, repr=False)

    def prepare(self, width: float) -> None:
        self.lines = break_lines(self.runs, width - self.indent)
        self.heights = [_line_height(line, self.style) for line in self.lines]

    @property
    def height(self) -> float:
        return sum(self.heights)

    def min_start(self) -> float:
        return sum(self.heights[:2])


@dataclass
class ListItem:
    label: str
    runs: Sequence[Run]


@dataclass
class ListBlock(Block):
    items: Sequence[ListItem] = ()
    style: Style = field(default_factory=Style)
    label_width: float = 16.0
    item_space: float = 2.0
    prepared: list[tuple[ListItem, list[Line], list[float]]] = field(default_factory=list)

    def prepare(self, width: float) -> None:
        self.prepared = []
        for item in self.items:
            lines = break_lines(item.runs, width - self.label_width)
            self.prepared.append((item, lines, [_line_height(li, self.style) for li in lines]))

    @property
    def height(self) -> float:
        return sum(sum(h) + self.item_space for _, _, h in self.prepared)

    def min_start(self) -> float:
        return sum(self.prepared[0][2][:2]) if self.prepared else 0.0


@dataclass
class Table(Block):
    headers: Sequence[str] = ()
    rows: Sequence[Sequence[str]] = ()
    widths: Sequence[float] = ()  # fractions of the body width
    style: Style = field(default_factory=Style)
    head_style: Style = field(default_factory=lambda: Style("sans-bold", 8.5))
    rule: Color = (0.79, 0.81, 0.83)
    pad: float = 2.5
    _cols: list[float] = field(default_factory=list, repr=False)
    _head: tuple[list[list[Line]], float] = field(default=([], 0.0), repr=False)
    _rows: list[tuple[list[list[Line]], float]] = field(default_factory=list, repr=False)

    def prepare(self, width: float) -> None:
        fr = list(self.widths) or [1.0 / max(1, len(self.headers))] * len(self.headers)
        total = sum(fr)
        self._cols = [width * f / total for f in fr]
        self._head = self._cells(self.headers, self.head_style)
        self._rows = [self._cells(row, self.style) for row in self.rows]

    def _cells(self, cells: Sequence[str], style: Style) -> tuple[list[list[Line]], float]:
        out = [break_lines([(c, style)], w - 2 * self.pad) for c, w in zip(cells, self._cols,
                                                                          strict=False)]  # fmt: skip
        h = max((len(lines) for lines in out), default=1) * style.line_height + 2 * self.pad
        return out, h

    @property
    def height(self) -> float:
        return self._head[1] + sum(h for _, h in self._rows)

    def min_start(self) -> float:
        return self._head[1] + (self._rows[0][1] if self._rows else 0.0)


@dataclass
class Figure(Block):
    """A chart: ``draw(canvas, x, y, w, h)`` paints it inside the box (top-left x, y)."""

    draw: Callable[[Canvas, float, float, float, float], None] | None = None
    alt: str = ""
    aspect: float = 0.5  # height / width
    max_width: float = 0.0  # 0: the body width
    box: tuple[float, float] = (0.0, 0.0)

    def prepare(self, width: float) -> None:
        w = min(width, self.max_width or width)
        self.box = (w, w * self.aspect)

    @property
    def height(self) -> float:
        return self.box[1]


# -- the flow ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageGeometry:
    width: float
    height: float
    margin: float
    footer: float  # the footer band's height, above the bottom margin

    @property
    def body_top(self) -> float:
        return self.margin

    @property
    def body_bottom(self) -> float:
        return self.height - self.margin - self.footer

    @property
    def body_width(self) -> float:
        return self.width - 2 * self.margin

    @property
    def body_height(self) -> float:
        return self.body_bottom - self.body_top


class Flow:
    """Places sections of blocks on pages of ``doc``; ``pages_done`` counts pages written."""

    def __init__(self, doc: PdfDocument, geometry: PageGeometry,
                 on_page: Callable[[int], None] | None = None) -> None:  # fmt: skip
        self.doc = doc
        self.g = geometry
        self.canvas: Canvas | None = None
        self.y = geometry.body_top
        self.on_page = on_page
        self.pages_done = 0

    # -- pages ----------------------------------------------------------------------------

    @property
    def page(self) -> Canvas:
        if self.canvas is None:
            self.canvas = self.doc.new_page()
            self.y = self.g.body_top
        return self.canvas

    def at_top(self) -> bool:
        return self.canvas is None or self.y <= self.g.body_top + 0.01

    def room(self) -> float:
        return self.g.body_bottom - self.y if self.canvas is not None else self.g.body_height

    def new_page(self) -> None:
        if self.canvas is not None:
            self.doc.finish_page(self.canvas)
            self.canvas = None
            self.pages_done += 1
            if self.on_page:
                self.on_page(self.pages_done)
        self.y = self.g.body_top

    def finish(self) -> None:
        if self.canvas is not None:
            self.new_page()

    # -- sections -------------------------------------------------------------------------

    def section(self, blocks: Sequence[Block], *, parent: Elem | None = None,
                tag: str = "Sect") -> None:  # fmt: skip
        """Lay out ``blocks`` as one section (a ``Sect`` under ``parent``), starting it on
        a new page unless all of it fits in what is left of this one."""
        width = self.g.body_width
        for b in blocks:
            b.prepare(width)
        total = sum(b.space_before + b.height + b.space_after for b in blocks)
        if not self.at_top() and total > self.room():
            self.new_page()
        elem = self.doc.elem(tag, parent) if tag else parent
        for i, block in enumerate(blocks):
            need = self._kept_height(blocks, i)
            if not self.at_top() and need > self.room():
                self.new_page()
            if not self.at_top():
                self.y += block.space_before
            self._place(block, elem)
            self.y += block.space_after
        if elem is not None:
            self.doc.flush(elem)

    def _kept_height(self, blocks: Sequence[Block], i: int) -> float:
        """The height that must fit for block ``i`` to start here: itself if it keeps
        with the next (plus what that one needs), else its own least start."""
        b = blocks[i]
        if not b.keep_with_next or i + 1 >= len(blocks):
            return b.space_before + b.min_start()
        return b.space_before + b.height + b.space_after + self._kept_height(blocks, i + 1)

    def _place(self, block: Block, parent: Elem | None) -> None:
        if isinstance(block, Para):
            self._para(block, parent)
        elif isinstance(block, ListBlock):
            self._list(block, parent)
        elif isinstance(block, Table):
            self._table(block, parent)
        elif isinstance(block, Figure):
            self._figure(block, parent)

    # -- text -----------------------------------------------------------------------------

    def _draw_line(self, line: Line, x: float, base: float) -> None:
        canvas = self.page
        for off, text, style in line:
            canvas.text(x + off, base, text, style.face, style.size, style.color)

    def _lines(self, elem: Elem, lines: list[Line], heights: list[float], x: float,
               style: Style) -> None:  # fmt: skip
        """Place lines, breaking pages between them without a lone first or last line."""
        i, n = 0, len(lines)
        while i < n:
            fit, used = 0, 0.0
            while i + fit < n and used + heights[i + fit] <= self.room() + 0.01:
                used += heights[i + fit]
                fit += 1
            rest = n - i - fit
            if rest > 0 and not self.at_top():
                if fit == 1 and i == 0 and n > 1:
                    fit = 0  # a lone first line: move the paragraph on
                elif rest == 1 and fit >= 3:
                    fit -= 1  # a lone last line: take one more with it
            if fit == 0:
                if self.at_top():
                    fit = 1  # taller than a page: place it anyway
                else:
                    self.new_page()
                    continue
            canvas = self.page
            canvas.begin(elem)
            for k in range(i, i + fit):
                h = heights[k]
                base = self.y + h * 0.78
                self._draw_line(lines[k], x, base)
                self.y += h
            canvas.end()
            i += fit
            if i < n:
                self.new_page()

    def _para(self, p: Para, parent: Elem | None) -> None:
        elem = self.doc.elem(p.tag, parent)
        self._lines(elem, p.lines, p.heights, self.g.margin + p.indent, p.style)

    def _list(self, block: ListBlock, parent: Elem | None) -> None:
        lst = self.doc.elem("L", parent)
        x = self.g.margin
        for item, lines, heights in block.prepared:
            li = self.doc.elem("LI", lst)
            need = sum(heights[:2])
            if not self.at_top() and need > self.room():
                self.new_page()
            label = self.doc.elem("Lbl", li)
            canvas = self.page
            canvas.begin(label)
            base = self.y + (heights[0] if heights else block.style.line_height) * 0.78
            canvas.text(x, base, item.label, block.style.face, block.style.size,
                        block.style.color)  # fmt: skip
            canvas.end()
            body = self.doc.elem("LBody", li)
            self._lines(body, lines, heights, x + block.label_width, block.style)
            self.y += block.item_space

    def _table(self, t: Table, parent: Elem | None) -> None:
        table = self.doc.elem("Table", parent)
        x0 = self.g.margin
        self._row(t, table, t._head, header=True, x0=x0)
        for cells, h in t._rows:
            if h > self.room() and not self.at_top():
                self.new_page()
                self._row(t, None, t._head, header=True, x0=x0)  # repeated: an artifact
            self._row(t, table, (cells, h), header=False, x0=x0)

    def _row(self, t: Table, table: Elem | None, row: tuple[list[list[Line]], float],
             *, header: bool, x0: float) -> None:  # fmt: skip
        cells, h = row
        canvas = self.page
        tr = self.doc.elem("TR", table) if table is not None else None
        x = x0
        style = t.head_style if header else t.style
        for lines, w in zip(cells, t._cols, strict=False):
            if tr is not None:
                cell = self.doc.elem("TH" if header else "TD", tr,
                                     attrs="<< /O /Table /Scope /Column >>" if header else "")  # fmt: skip
                canvas.begin(cell)
            else:
                canvas.artifact()
            y = self.y + t.pad
            for line in lines:
                self._draw_line(line, x + t.pad, y + style.line_height * 0.78)
                y += style.line_height
            canvas.end()
            x += w
        self.y += h
        if header:
            canvas.artifact()
            canvas.line(x0, self.y - 0.5, x0 + sum(t._cols), self.y - 0.5, 0.6, t.rule)
            canvas.end()

    def _figure(self, f: Figure, parent: Elem | None) -> None:
        w, h = f.box
        if h > self.g.body_height:  # taller than a page: shrink to fit
            w, h = w * self.g.body_height / h, self.g.body_height
        if h > self.room() and not self.at_top():
            self.new_page()
        x = self.g.margin + (self.g.body_width - w) / 2
        y = self.y
        top = self.g.height - y
        bbox = f"[{x:.1f} {top - h:.1f} {x + w:.1f} {top:.1f}]"
        elem = self.doc.elem("Figure", parent, alt=f.alt,
                             attrs=f"<< /O /Layout /Placement /Block /BBox {bbox} >>")  # fmt: skip
        canvas = self.page
        canvas.begin(elem)
        if f.draw is not None:
            f.draw(canvas, x, y, w, h)
        canvas.end()
        self.y += h


__all__ = [
    "Block",
    "Figure",
    "Flow",
    "ListBlock",
    "ListItem",
    "PageGeometry",
    "Para",
    "Run",
    "Style",
    "Table",
    "break_lines",
]
