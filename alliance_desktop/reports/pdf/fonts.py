"""TrueType fonts for the packet's PDF: metrics for layout, subsets for embedding.

The packet uses the DejaVu faces that matplotlib ships (a dependency already, so the
same glyphs on every machine). Text is written with the font's own glyph ids
(``Identity-H``) and every glyph a page uses is noted; at the end only those glyphs
are embedded, keeping the ids so pages written earlier stay right, under a subset
name ``ABCDEF+DejaVuSerif`` as PDF asks for. The subset is cut from the font file's
bytes directly (a millisecond, where ``fontTools.subset`` needs a tenth of a second per
face); fontTools reads the metrics. A ToUnicode map lets readers extract and search
the text; widths come from the font's ``hmtx``.

No shaping: glyphs follow characters one to one (no ligatures, so "confidential"
extracts as written; no kerning). Latin, Greek and Cyrillic text reads correctly;
a character neither the face nor DejaVu Sans has is drawn as the font's empty box.
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

#: Face key -> file name in matplotlib's font folder.
FACES: dict[str, str] = {
    "serif": "DejaVuSerif.ttf",
    "serif-italic": "DejaVuSerif-Italic.ttf",
    "serif-bold": "DejaVuSerif-Bold.ttf",
    "sans": "DejaVuSans.ttf",
    "sans-bold": "DejaVuSans-Bold.ttf",
    "sans-oblique": "DejaVuSans-Oblique.ttf",
}
FALLBACK = "sans"


@cache
def font_folder() -> Path:
    """matplotlib's font folder, found without importing matplotlib when it is where the
    package keeps it (the preview draws client charts without matplotlib)."""
    import importlib.util

    spec = importlib.util.find_spec("matplotlib")
    for place in (spec.submodule_search_locations or []) if spec is not None else []:
        folder = Path(place) / "mpl-data" / "fonts" / "ttf"
        if (folder / FACES[FALLBACK]).is_file():
            return folder
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


@dataclass
class FontFace:
    """One face's metrics (loaded once per process) and what a document used of it."""

    key: str
    path: Path
    name: str
    units: int
    ascent: int
    descent: int
    cap_height: int
    bbox: tuple[int, int, int, int]
    italic_angle: float
    gids: dict[int, int]  # code point -> glyph id
    advance: list[int]  # glyph id -> advance width in font units
    space: int = 0
    _widths: dict[str, int] = field(default_factory=dict, repr=False)

    def has(self, char: str) -> bool:
        return ord(char) in self.gids

    def width(self, text: str, size: float) -> float:
        """Advance width of ``text`` at ``size`` points (characters the face lacks count
        at the fallback's width, as they are drawn)."""
        units = self._widths.get(text)
        if units is None:
            units = 0
            gids, adv = self.gids, self.advance
            for ch in text:
                gid = gids.get(ord(ch))
                if gid is None:
                    units += _fallback_units(ch, self)
                else:
                    units += adv[gid]
            if len(self._widths) < 200_000:
                self._widths[text] = units
        return units * size / self.units


def _fallback_units(ch: str, face: FontFace) -> int:
    other = load_face(FALLBACK)
    gid = other.gids.get(ord(ch))
    if gid is None:
        return face.advance[0]
    return round(other.advance[gid] * face.units / other.units)


@cache
def load_face(key: str) -> FontFace:
    from fontTools.ttLib import TTFont

    path = font_folder() / FACES[key]
    font = TTFont(str(path), lazy=True)
    order = font.getGlyphOrder()
    index = {name: i for i, name in enumerate(order)}
    gids = {cp: index[name] for cp, name in font.getBestCmap().items() if name in index}
    metrics = font["hmtx"].metrics
    advance = [metrics[name][0] for name in order]
    head, hhea, os2, post = font["head"], font["hhea"], font["OS/2"], font["post"]
    cap = getattr(os2, "sCapHeight", 0) or round(hhea.ascent * 0.7)
    face = FontFace(
        key=key,
        path=path,
        name=str(font["name"].getDebugName(6) or path.stem).replace(" ", ""),
        units=int(head.unitsPerEm),
        ascent=int(hhea.ascent),
        descent=int(hhea.descent),
        cap_height=int(cap),
        bbox=(int(head.xMin), int(head.yMin), int(head.xMax), int(head.yMax)),
        italic_angle=float(post.italicAngle),
        gids=gids,
        advance=advance,
    )
    face.space = advance[gids.get(32, 0)]
    font.close()
    return face


class UsedFont:
    """A face as one document uses it: the glyphs written and their text."""

    def __init__(self, face: FontFace, resource: str) -> None:
        self.face = face
        self.resource = resource  # "/F1"
        self.to_unicode: dict[int, str] = {}
        self._hex: dict[str, str] = {}  # character -> its glyph id in hex, once used

    def hex(self, text: str) -> str | None:
        """Glyph ids of ``text`` as a PDF hex string body, or None when the face lacks
        one of its characters (the caller then splits it, see ``split_runs``)."""
        table = self._hex
        try:
            return "".join([table[ch] for ch in text])
        except KeyError:
            gids = self.face.gids
            for ch in text:
                if ch not in table:
                    gid = gids.get(ord(ch))
                    if gid is None:
                        return None
                    table[ch] = f"{gid:04X}"
                    self.to_unicode.setdefault(gid, ch)
            return "".join([table[ch] for ch in text])

    def encode(self, text: str) -> bytes:
        """Glyph ids of ``text`` (characters the face lacks as its empty glyph)."""
        out = self.hex(text)
        if out is None:
            out = "".join(self.hex(ch) or "0000" for ch in text)
        return out.encode("ascii")

    def subset_tag(self) -> str:
        digest = hashlib.sha256(
            (self.face.name + ",".join(map(str, sorted(self.to_unicode)))).encode()
        ).digest()
        return "".join(chr(65 + b % 26) for b in digest[:6])

    def subset_bytes(self) -> bytes:
        """The face with only the used glyphs' outlines (ids kept, the others empty) and
        only the tables a PDF reader draws with (see ``subset_truetype``)."""
        return subset_truetype(_raw_font(self.face.path), {0, *self.to_unicode})

    def widths_array(self) -> str:
        """The ``/W`` array: runs of consecutive glyph ids with their widths in 1/1000 em."""
        adv, scale = self.face.advance, 1000.0 / self.face.units
        parts: list[str] = []
        run: list[int] = []
        start = -1
        for gid in sorted({0, *self.to_unicode}):
            if run and gid == start + len(run):
                run.append(gid)
                continue
            if run:
                parts.append(f"{start} [{' '.join(str(round(adv[g] * scale)) for g in run)}]")
            start, run = gid, [gid]
        if run:
            parts.append(f"{start} [{' '.join(str(round(adv[g] * scale)) for g in run)}]")
        return "[" + " ".join(parts) + "]"

    def cmap(self) -> bytes:
        """The ToUnicode CMap: glyph id -> the character it was written for."""
        lines = [
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
            "1 begincodespacerange <0000> <FFFF> endcodespacerange",
        ]
        items = sorted(self.to_unicode.items())
        for i in range(0, len(items), 100):
            chunk = items[i : i + 100]
            lines.append(f"{len(chunk)} beginbfchar")
            for gid, ch in chunk:
                lines.append(f"<{gid:04X}> <{ch.encode('utf-16-be').hex().upper()}>")
            lines.append("endbfchar")
        lines.append("endcmap CMapName currentdict /CMap defineresource pop end end")
        return "\n".join(lines).encode("ascii")


# -- a TrueType subset, straight from the font's bytes ---------------------------------

#: Tables a subset keeps: what draws the glyphs (no hinting, cmap, kerning or layout:
#: the PDF names glyphs by id and places them itself).
_KEPT = ("head", "hhea", "maxp", "hmtx", "OS/2", "post", "loca", "glyf")


@dataclass(frozen=True)
class _RawFont:
    data: bytes
    tables: dict[str, tuple[int, int]]  # tag -> (offset, length)
    loca: tuple[int, ...]  # glyph id -> offset in glyf; one more at the end


@cache
def _raw_font(path: Path) -> _RawFont:
    data = path.read_bytes()
    (count,) = struct.unpack_from(">H", data, 4)
    tables = {}
    for i in range(count):
        tag, _checksum, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        tables[tag.decode("latin-1")] = (offset, length)
    head_off = tables["head"][0]
    (long_loca,) = struct.unpack_from(">h", data, head_off + 50)
    (glyphs,) = struct.unpack_from(">H", data, tables["maxp"][0] + 4)
    loca_off = tables["loca"][0]
    if long_loca:
        loca = struct.unpack_from(f">{glyphs + 1}I", data, loca_off)
    else:
        loca = tuple(2 * v for v in struct.unpack_from(f">{glyphs + 1}H", data, loca_off))
    return _RawFont(data, tables, loca)


def _components(glyph: bytes) -> list[int]:
    """The glyph ids a composite glyph is built from (empty for a simple glyph)."""
    if len(glyph) < 10 or struct.unpack_from(">h", glyph, 0)[0] >= 0:
        return []
    out, pos = [], 10
    while True:
        flags, gid = struct.unpack_from(">HH", glyph, pos)
        out.append(gid)
        pos += 4 + (4 if flags & 0x0001 else 2)
        pos += 2 if flags & 0x0008 else 4 if flags & 0x0040 else 8 if flags & 0x0080 else 0
        if not flags & 0x0020:
            return out


def _checksum(data: bytes) -> int:
    data += b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(data) // 4}I", data)) & 0xFFFFFFFF


def subset_truetype(font: _RawFont, used: set[int]) -> bytes:
    """A TrueType font with only the outlines of ``used`` (and the glyphs composites
    among them are made of), every glyph id kept, and the tables of ``_KEPT``."""
    data, glyf_off = font.data, font.tables["glyf"][0]
    loca = font.loca
    count = len(loca) - 1
    todo, keep = [g for g in used if 0 <= g < count], set()
    while todo:
        gid = todo.pop()
        if gid in keep:
            continue
        keep.add(gid)
        todo += _components(data[glyf_off + loca[gid] : glyf_off + loca[gid + 1]])
    glyf, offsets = bytearray(), []
    for gid in range(count):
        offsets.append(len(glyf))
        if gid in keep:
            glyf += data[glyf_off + loca[gid] : glyf_off + loca[gid + 1]]
            glyf += b"\0" * (-len(glyf) % 4)
    offsets.append(len(glyf))
    tables: dict[str, bytes] = {}
    for tag in _KEPT:
        if tag not in font.tables:
            continue
        off, length = font.tables[tag]
        tables[tag] = data[off : off + length]
    head = bytearray(tables["head"])
    head[8:12] = b"\0\0\0\0"  # checkSumAdjustment, set below
    head[50:52] = struct.pack(">h", 1)  # long loca offsets
    tables["head"] = bytes(head)
    if "post" in tables:  # version 3: no glyph names
        tables["post"] = b"\x00\x03\x00\x00" + tables["post"][4:32]
    tables["loca"] = struct.pack(f">{len(offsets)}I", *offsets)
    tables["glyf"] = bytes(glyf)
    tags = sorted(tables)
    n = len(tags)
    power = 1 << (n.bit_length() - 1)
    header = struct.pack(">IHHHH", 0x00010000, n, power * 16, power.bit_length() - 1,
                         n * 16 - power * 16)  # fmt: skip
    directory, body = bytearray(), bytearray()
    offset = 12 + 16 * n
    for tag in tags:
        table = tables[tag]
        directory += struct.pack(">4sIII", tag.encode("latin-1"), _checksum(table),
                                 offset + len(body), len(table))  # fmt: skip
        body += table + b"\0" * (-len(table) % 4)
    out = bytearray(header + directory + body)
    adjust = (0xB1B0AFBA - _checksum(bytes(out))) & 0xFFFFFFFF
    head_at = offset + sum(len(tables[t]) + (-len(tables[t]) % 4)
                           for t in tags[: tags.index("head")])  # fmt: skip
    out[head_at + 8 : head_at + 12] = struct.pack(">I", adjust)
    return bytes(out)


def split_runs(text: str, face: FontFace) -> list[tuple[str, bool]]:
    """``text`` in pieces the face has (False) and pieces for the fallback (True)."""
    if all(ord(ch) in face.gids for ch in text):
        return [(text, False)]
    out: list[tuple[str, bool]] = []
    fallback = load_face(FALLBACK)
    for ch in text:
        use = ord(ch) not in face.gids and ord(ch) in fallback.gids
        if out and out[-1][1] == use:
            out[-1] = (out[-1][0] + ch, use)
        else:
            out.append((ch, use))
    return out


def descriptor_flags(face: FontFace) -> int:
    flags = 32  # non-symbolic
    if face.key.startswith("serif"):
        flags |= 2
    if face.italic_angle:
        flags |= 64
    return flags


__all__ = ["FACES", "FontFace", "UsedFont", "descriptor_flags", "load_face", "split_runs"]
