"""A small streaming PDF writer for tagged documents (PDF/UA-1).

Objects go to the output as soon as they are complete: each page's content stream
and page dictionary when the page is done, each structure subtree when its section
is closed; what must wait for the end (fonts, the shared resources, the footers that
say "Page N of M", the parent tree, catalogue, metadata, cross-reference table) is
small. So memory does not grow with the number of pages beyond a few integers each.

Tagging follows PDF/UA-1: a structure tree under ``/StructTreeRoot`` with standard
types (H1-H3, P, L/LI/Lbl/LBody, Table/TR/TH/TD, Figure with ``/Alt``), every piece of
page content either marked with an MCID that the tree refers to or marked as an
``/Artifact`` (rules, footers), ``/MarkInfo << /Marked true >>``, the document language
in ``/Lang``, the title in the information dictionary and the XMP metadata (with the
``pdfuaid:part`` claim) and ``/DisplayDocTitle``. No dates anywhere: a packet with
relative dates must not say when it was made.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import BinaryIO

from alliance_desktop.reports.pdf.fonts import (
    FALLBACK,
    UsedFont,
    descriptor_flags,
    load_face,
    split_runs,
)

Color = tuple[float, float, float]


def pdf_string(text: str) -> bytes:
    """A PDF text string: UTF-16BE with BOM, as a hex string (no escaping needed)."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _num(v: float) -> str:
    s = f"{v:.2f}"
    if s.endswith("0"):
        s = s[:-3] if s.endswith(".00") else s[:-1]
    return "0" if s == "-0" else s


def _rgb(c: Color) -> str:
    return " ".join(_num(x) for x in c)


def hex_color(value: str) -> Color:
    value = value.lstrip("#")
    return (int(value[0:2], 16) / 255, int(value[2:4], 16) / 255, int(value[4:6], 16) / 255)


class Elem:
    """A structure element; its kids are elements or marked content on a page."""

    __slots__ = ("alt", "attrs", "kids", "num", "parent", "tag", "written")

    def __init__(self, num: int, tag: str, parent: Elem | None, alt: str = "",
                 attrs: str = "") -> None:  # fmt: skip
        self.num = num
        self.tag = tag
        self.parent = parent
        self.kids: list[Elem | tuple[int, int]] = []  # (page index, mcid)
        self.alt = alt
        self.attrs = attrs
        self.written = False


class Canvas:
    """One page's content, in points from the top-left corner (PDF's y is flipped
    when written). Text, rules and shapes; ``tag``/``artifact`` mark what they draw."""

    def __init__(self, doc: PdfDocument, index: int, width: float, height: float) -> None:
        self.doc = doc
        self.index = index
        self.width = width
        self.height = height
        self.parts: list[str] = []
        self.mcids: list[int] = []  # mcid -> struct element number
        self.open_marks = 0

    # -- marking ------------------------------------------------------------------------

    def begin(self, elem: Elem) -> None:
        mcid = len(self.mcids)
        self.mcids.append(elem.num)
        elem.kids.append((self.index, mcid))
        self.parts.append(f"/{elem.tag} <</MCID {mcid}>> BDC\n")
        self.open_marks += 1

    def artifact(self, kind: str = "") -> None:
        attrs = f" <</Type /{kind}>>" if kind else ""
        self.parts.append(f"/Artifact{attrs} BDC\n" if attrs else "/Artifact BMC\n")
        self.open_marks += 1

    def end(self) -> None:
        self.parts.append("EMC\n")
        self.open_marks -= 1

    # -- drawing ------------------------------------------------------------------------

    def text(self, x: float, y: float, text: str, face: str, size: float,
             color: Color = (0, 0, 0), angle: int = 0) -> None:  # fmt: skip
        """``text`` with its baseline starting at (x, y); ``angle`` 90 turns it upwards."""
        if not text:
            return
        used = self.doc.font(face)
        out = [f"BT {_rgb(color)} rg "]
        if angle == 90:
            out.append(f"0 1 -1 0 {_num(x)} {_num(self.height - y)} Tm ")
        else:
            out.append(f"1 0 0 1 {_num(x)} {_num(self.height - y)} Tm ")
        fast = used.hex(text)
        if fast is not None:
            out.append(f"{used.resource} {_num(size)} Tf <{fast}> Tj ")
        else:
            for piece, fallback in split_runs(text, used.face):
                font = self.doc.font(FALLBACK) if fallback else used
                out.append(f"{font.resource} {_num(size)} Tf <")
                out.append(font.encode(piece).decode("ascii"))
                out.append("> Tj ")
        out.append("ET\n")
        self.parts.append("".join(out))

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.5,
             color: Color = (0, 0, 0), dash: str = "") -> None:  # fmt: skip
        h = self.height
        d = f"[{dash}] 0 d " if dash else ""
        self.parts.append(f"q {d}{_num(width)} w {_rgb(color)} RG {_num(x1)} {_num(h - y1)} m "
                          f"{_num(x2)} {_num(h - y2)} l S Q\n")  # fmt: skip

    def polyline(self, points: Iterable[tuple[float, float]], width: float = 1.0,
                 color: Color = (0, 0, 0), dash: str = "") -> None:  # fmt: skip
        pts = list(points)
        if len(pts) < 2:
            return
        h = self.height
        d = f"[{dash}] 0 d " if dash else ""
        path = [f"{_num(pts[0][0])} {_num(h - pts[0][1])} m"]
        path += [f"{_num(x)} {_num(h - y)} l" for x, y in pts[1:]]
        self.parts.append(f"q {d}1 j 1 J {_num(width)} w {_rgb(color)} RG "
                          + " ".join(path) + " S Q\n")  # fmt: skip

    def rect(self, x: float, y: float, w: float, h: float, fill: Color | None = None,
             stroke: Color | None = None, width: float = 0.5) -> None:  # fmt: skip
        ops = f"{_num(x)} {_num(self.height - y - h)} {_num(w)} {_num(h)} re "
        if fill and stroke:
            self.parts.append(f"q {_rgb(fill)} rg {_rgb(stroke)} RG {_num(width)} w {ops}B Q\n")
        elif fill:
            self.parts.append(f"q {_rgb(fill)} rg {ops}f Q\n")
        elif stroke:
            self.parts.append(f"q {_rgb(stroke)} RG {_num(width)} w {ops}S Q\n")

    def marker(self, kind: str, x: float, y: float, r: float, color: Color,
               filled: bool = True) -> None:  # fmt: skip
        """A small symbol centred on (x, y): "o" circle, "D" diamond, "v" down
        triangle, "^" up; hollow ones are white inside."""
        h = self.height
        if kind == "o":
            k = 0.5523 * r
            cy = h - y
            path = (f"{_num(x + r)} {_num(cy)} m "
                    f"{_num(x + r)} {_num(cy + k)} {_num(x + k)} {_num(cy + r)} {_num(x)} {_num(cy + r)} c "
                    f"{_num(x - k)} {_num(cy + r)} {_num(x - r)} {_num(cy + k)} {_num(x - r)} {_num(cy)} c "
                    f"{_num(x - r)} {_num(cy - k)} {_num(x - k)} {_num(cy - r)} {_num(x)} {_num(cy - r)} c "
                    f"{_num(x + k)} {_num(cy - r)} {_num(x + r)} {_num(cy - k)} {_num(x + r)} {_num(cy)} c h")  # fmt: skip
        elif kind == "D":
            cy = h - y
            path = (f"{_num(x)} {_num(cy + r)} m {_num(x + r * 0.8)} {_num(cy)} l "
                    f"{_num(x)} {_num(cy - r)} l {_num(x - r * 0.8)} {_num(cy)} l h")  # fmt: skip
        else:
            s = 1 if kind == "^" else -1
            path = (f"{_num(x)} {_num(h - y + s * r)} m {_num(x - r)} {_num(h - y - s * r * 0.8)} l "
                    f"{_num(x + r)} {_num(h - y - s * r * 0.8)} l h")  # fmt: skip
        paint = f"{_rgb(color)} rg {_rgb(color)} RG 0.8 w {path} B" if filled else (
            f"1 1 1 rg {_rgb(color)} RG 0.9 w {path} B")  # fmt: skip
        self.parts.append(f"q {paint} Q\n")

    def raw(self, ops: str) -> None:
        """Content operators as they are (a chart drawn in its own coordinates)."""
        self.parts.append(ops)

    def alpha(self, value: float) -> str:
        """The graphics-state name for fill and stroke opacity ``value``."""
        return self.doc.opacity(value)

    def content(self) -> bytes:
        return "".join(self.parts).encode("latin-1")


@dataclass
class _PageRecord:
    num: int
    footer: int
    mcids: list[int] = field(default_factory=list)


class PdfDocument:
    """A tagged PDF written to ``out`` as it is made; ``close()`` finishes it."""

    def __init__(self, out: BinaryIO, *, width: float, height: float, title: str,
                 lang: str, creator: str = "Alliance Desktop") -> None:  # fmt: skip
        self.out = out
        self.width = width
        self.height = height
        self.title = title
        self.lang = lang
        self.creator = creator
        self._offsets: dict[int, int] = {}
        self._next = 1
        self._pos = 0
        self._fonts: dict[str, UsedFont] = {}
        self._font_nums: dict[str, int] = {}
        self._opacity: dict[str, float] = {}
        self.pages: list[_PageRecord] = []
        self.pages_num = self.reserve()
        self.resources_num = self.reserve()
        self.struct_root_num = self.reserve()
        self.document = Elem(self.reserve(), "Document", None)
        self._write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

    # -- objects ------------------------------------------------------------------------

    def reserve(self) -> int:
        n = self._next
        self._next += 1
        return n

    def _write(self, data: bytes) -> None:
        self.out.write(data)
        self._pos += len(data)

    def write_object(self, num: int, body: bytes | str) -> None:
        if isinstance(body, str):
            body = body.encode("latin-1")
        self._offsets[num] = self._pos
        self._write(b"%d 0 obj\n" % num + body + b"\nendobj\n")

    def write_stream(self, num: int, data: bytes, extra: str = "", compress: bool = True) -> None:
        if compress:
            data = zlib.compress(data, 6)
            extra += " /Filter /FlateDecode"
        head = f"<< /Length {len(data)}{extra} >>\nstream\n".encode("latin-1")
        self._offsets[num] = self._pos
        self._write(b"%d 0 obj\n" % num + head + data + b"\nendstream\nendobj\n")

    # -- resources ----------------------------------------------------------------------

    def font(self, key: str) -> UsedFont:
        used = self._fonts.get(key)
        if used is None:
            used = self._fonts[key] = UsedFont(load_face(key), f"/F{len(self._fonts) + 1}")
            self._font_nums[key] = self.reserve()
        return used

    def opacity(self, value: float) -> str:
        name = f"GA{round(value * 100)}"
        self._opacity[name] = round(value, 2)
        return name

    # -- pages --------------------------------------------------------------------------

    def new_page(self) -> Canvas:
        index = len(self.pages)
        self.pages.append(_PageRecord(self.reserve(), self.reserve()))
        return Canvas(self, index, self.width, self.height)

    def finish_page(self, canvas: Canvas) -> None:
        """Write a page's content and dictionary (its footer follows at ``close``)."""
        assert canvas.open_marks == 0, "marked content left open"
        record = self.pages[canvas.index]
        record.mcids = canvas.mcids
        content = self.reserve()
        self.write_stream(content, canvas.content())
        self.write_object(
            record.num,
            f"<< /Type /Page /Parent {self.pages_num} 0 R /MediaBox [0 0 {_num(self.width)} "
            f"{_num(self.height)}] /Resources {self.resources_num} 0 R /Contents [{content} 0 R "
            f"{record.footer} 0 R] /StructParents {canvas.index} /Tabs /S >>",
        )

    # -- structure ----------------------------------------------------------------------

    def elem(self, tag: str, parent: Elem | None = None, *, alt: str = "",
             attrs: str = "") -> Elem:  # fmt: skip
        parent = parent or self.document
        e = Elem(self.reserve(), tag, parent, alt, attrs)
        parent.kids.append(e)
        return e

    def flush(self, elem: Elem) -> None:
        """Write ``elem`` and everything under it; nothing may be added to it after."""
        stack = [elem]
        while stack:
            e = stack.pop()
            kids = []
            for k in e.kids:
                if isinstance(k, Elem):
                    kids.append(f"{k.num} 0 R")
                    if not k.written:
                        stack.append(k)
                else:
                    page, mcid = k
                    kids.append(f"<< /Type /MCR /Pg {self.pages[page].num} 0 R /MCID {mcid} >>")
            parent = e.parent.num if e.parent else self.struct_root_num
            extra = ""
            if e.alt:
                extra += " /Alt " + pdf_string(e.alt).decode("ascii")
            if e.attrs:
                extra += f" /A {e.attrs}"
            self.write_object(e.num, f"<< /Type /StructElem /S /{e.tag} /P {parent} 0 R "
                                     f"/K [{' '.join(kids)}]{extra} >>")  # fmt: skip
            e.written = True
            e.kids = []  # release the subtree

    # -- the end --------------------------------------------------------------------------

    def close(self, footer: Callable[[Canvas, int, int], None]) -> int:
        """Write footers, fonts, resources, the structure tree root, catalogue and
        cross-reference table. Returns the page count."""
        total = len(self.pages)
        for i, record in enumerate(self.pages):
            canvas = Canvas(self, i, self.width, self.height)
            footer(canvas, i + 1, total)
            self.write_stream(record.footer, canvas.content())
        # The document element last: its kids are the flushed sections.
        top = [k for k in self.document.kids if isinstance(k, Elem)]
        for kid in top:
            if not kid.written:
                self.flush(kid)
        doc_kids = " ".join(f"{k.num} 0 R" for k in top)
        self.write_object(self.document.num, f"<< /Type /StructElem /S /Document /P "
                                             f"{self.struct_root_num} 0 R /K [{doc_kids}] >>")  # fmt: skip
        parent_tree = self.reserve()
        nums = " ".join(
            f"{i} [{' '.join(f'{n} 0 R' for n in record.mcids)}]"
            for i, record in enumerate(self.pages)
        )
        self.write_object(parent_tree, f"<< /Nums [{nums}] >>")
        self.write_object(self.struct_root_num, f"<< /Type /StructTreeRoot /K [{self.document.num} "
                                                f"0 R] /ParentTree {parent_tree} 0 R "
                                                f"/ParentTreeNextKey {total} >>")  # fmt: skip
        self._write_fonts()
        fonts = " ".join(f"{u.resource} {self._font_nums[k]} 0 R" for k, u in self._fonts.items())
        gs = " ".join(f"/{name} << /ca {_num(v)} /CA {_num(v)} >>"
                      for name, v in self._opacity.items())  # fmt: skip
        self.write_object(self.resources_num, f"<< /Font << {fonts} >> /ExtGState << {gs} >> "
                                              "/ProcSet [/PDF /Text] >>")  # fmt: skip
        kids = " ".join(f"{r.num} 0 R" for r in self.pages)
        self.write_object(self.pages_num, f"<< /Type /Pages /Kids [{kids}] /Count {total} >>")
        metadata = self.reserve()
        self.write_stream(metadata, self._xmp(), " /Type /Metadata /Subtype /XML", compress=False)
        catalog = self.reserve()
        self.write_object(
            catalog,
            f"<< /Type /Catalog /Pages {self.pages_num} 0 R /StructTreeRoot "
            f"{self.struct_root_num} 0 R /MarkInfo << /Marked true >> /Lang "
            f"({re.sub(r'[^A-Za-z0-9-]', '', self.lang) or 'und'}) /Metadata {metadata} 0 R "
            "/ViewerPreferences << /DisplayDocTitle true >> >>",
        )
        info = self.reserve()
        self.write_object(info, f"<< /Title {pdf_string(self.title).decode()} /Creator "
                                f"{pdf_string(self.creator).decode()} /Producer "
                                f"{pdf_string(self.creator).decode()} >>")  # fmt: skip
        xref = self._pos
        count = self._next
        rows = [b"xref\n0 %d\n0000000000 65535 f \n" % count]
        for n in range(1, count):
            off = self._offsets.get(n)
            rows.append(b"%010d 00000 n \n" % off if off is not None else b"0000000000 65535 f \n")
        ident = hashlib.md5(
            f"{self.title}|{total}|{xref}".encode(), usedforsecurity=False
        ).hexdigest()
        rows.append(
            f"trailer\n<< /Size {count} /Root {catalog} 0 R /Info {info} 0 R "
            f"/ID [<{ident}> <{ident}>] >>\nstartxref\n{xref}\n%%EOF\n".encode("latin-1")
        )
        self._write(b"".join(rows))
        return total

    def _write_fonts(self) -> None:
        for key, used in self._fonts.items():
            face = used.face
            name = f"{used.subset_tag()}+{face.name}"
            file_num, desc, cid, cmap = (self.reserve() for _ in range(4))
            data = used.subset_bytes()
            self.write_stream(file_num, data, f" /Length1 {len(data)}")
            s = 1000.0 / face.units
            bbox = " ".join(str(round(v * s)) for v in face.bbox)
            self.write_object(
                desc,
                f"<< /Type /FontDescriptor /FontName /{name} /Flags {descriptor_flags(face)} "
                f"/FontBBox [{bbox}] /ItalicAngle {_num(face.italic_angle)} /Ascent "
                f"{round(face.ascent * s)} /Descent {round(face.descent * s)} /CapHeight "
                f"{round(face.cap_height * s)} /StemV 80 /FontFile2 {file_num} 0 R >>",
            )
            self.write_object(
                cid,
                f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{name} /CIDSystemInfo "
                "<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor "
                f"{desc} 0 R /W {used.widths_array()} /CIDToGIDMap /Identity >>",
            )
            self.write_stream(cmap, used.cmap())
            self.write_object(
                self._font_nums[key],
                f"<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H "
                f"/DescendantFonts [{cid} 0 R] /ToUnicode {cmap} 0 R >>",
            )

    def _xmp(self) -> bytes:
        from xml.sax.saxutils import escape

        title = escape(self.title)
        return (
            '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
            '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" '
            'xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">'
            f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt>'
            f"</dc:title><dc:language><rdf:Bag><rdf:li>{escape(self.lang)}</rdf:li></rdf:Bag>"
            f"</dc:language><xmp:CreatorTool>{escape(self.creator)}</xmp:CreatorTool>"
            f"<pdf:Producer>{escape(self.creator)}</pdf:Producer>"
            "<pdfuaid:part>1</pdfuaid:part>"
            "</rdf:Description></rdf:RDF></x:xmpmeta>\n"
            '<?xpacket end="w"?>'
        ).encode()


__all__ = ["Canvas", "Color", "Elem", "PdfDocument", "hex_color", "pdf_string"]
