"""TrueType fonts for the packet's PDF: metrics for layout, subsets for embedding.

The packet uses the DejaVu faces that matplotlib ships (a dependency already, so the
same glyphs on every machine). Text is written with the font's own glyph ids
(``Identity-H``) and every glyph a page uses is noted; at the end only those glyphs
are embedded (``fontTools.subset`` keeping the ids, so pages written earlier stay
right), under a subset name ``ABCDEF+DejaVuSerif`` as PDF asks for. A ToUnicode map
lets readers extract and search the text; widths come from the font's ``hmtx``.

No shaping: glyphs follow characters one to one (no ligatures, so "confidential"
extracts as written; no kerning). Latin, Greek and Cyrillic text reads correctly;
a character neither the face nor DejaVu Sans has is drawn as the font's empty box.
"""

from __future__ import annotations

import hashlib
import io
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


def font_folder() -> Path:
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

    def encode(self, text: str) -> bytes:
        """Glyph ids of ``text`` as a PDF hex string body; only characters this face
        has (the caller splits the rest off to the fallback face)."""
        gids = self.face.gids
        seen = self.to_unicode
        out = []
        for ch in text:
            gid = gids.get(ord(ch), 0)
            if gid and gid not in seen:
                seen[gid] = ch
            out.append(f"{gid:04X}")
        return "".join(out).encode("ascii")

    def subset_tag(self) -> str:
        digest = hashlib.sha256(
            (self.face.name + ",".join(map(str, sorted(self.to_unicode)))).encode()
        ).digest()
        return "".join(chr(65 + b % 26) for b in digest[:6])

    def subset_bytes(self) -> bytes:
        """The face with only the used glyphs (ids kept), hinting and layout tables
        dropped: what PDF needs to draw the text and nothing else."""
        from fontTools import subset
        from fontTools.ttLib import TTFont

        options = subset.Options()
        options.retain_gids = True
        options.hinting = False
        options.layout_features = []
        options.drop_tables += ["GSUB", "GPOS", "GDEF", "kern", "FFTM", "DSIG", "LTSH",
                                "VDMX", "hdmx", "MATH"]  # fmt: skip
        options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
        options.notdef_outline = True
        options.glyph_names = False
        options.recalc_bounds = True
        font = TTFont(str(self.face.path), lazy=True)
        for tag in ("GSUB", "GPOS", "GDEF", "kern", "hdmx", "VDMX", "LTSH", "FFTM", "DSIG",
                    "MATH", "fpgm", "prep", "cvt ", "gasp"):  # fmt: skip
            if tag in font:
                del font[tag]  # never decompiled: the subset needs none of them
        sub = subset.Subsetter(options)
        order = font.getGlyphOrder()
        sub.populate(glyphs=[order[g] for g in sorted(self.to_unicode) if g < len(order)])
        sub.subset(font)
        buf = io.BytesIO()
        font.save(buf)
        font.close()
        return buf.getvalue()

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
