"""The packet is a tagged PDF (PDF/UA-1), read back with an independent reader (pypdf):
a structure tree with headings, lists, tables and figures with alt text, /MarkInfo,
/Lang, the title in the metadata, subset fonts, charts as vectors, no blank last page,
nothing but the footer in the footer band, no heading left alone at a page bottom;
``pdffonts`` agrees where it is installed. The layout streams: progress per section,
pages finished before the end, and a cancelled export leaves nothing behind."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

pypdf = pytest.importorskip("pypdf")

from alliance_desktop import i18n  # noqa: E402
from alliance_desktop.app import packets as app_packets  # noqa: E402
from alliance_desktop.domain import Reflection  # noqa: E402
from alliance_desktop.reports.packet_pdf import FOOTER_PT, MARGIN_PT, Cancelled  # noqa: E402
from alliance_desktop.reports.supervision import (  # noqa: E402
    FOOTER,
    PacketOptions,
    build_packet,
    render_packet,
)
from alliance_desktop.vault import Vault  # noqa: E402
from alliance_desktop.vault.demo import create_demo_vault  # noqa: E402

PASS = "tagged packet test passphrase"
LONG = ("We kept returning to the same question about the week before, and the answer "
        "moved a little each time we looked at it again. ") * 6  # fmt: skip


@pytest.fixture(scope="module")
def vault_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tagged") / "demo.alliance"
    vault = create_demo_vault(path, PASS, clients=5, sessions=14, seed=11,
                              today=date(2026, 3, 20))  # fmt: skip
    for s in vault.sessions()[::3]:
        s.supervision = True
        s.reflection = Reflection("free", {"text": LONG + "\n\n" + LONG})
        vault.save_session(s)
    vault.close()
    return path


@pytest.fixture(scope="module")
def packet_and_pdf(vault_path: Path):
    with Vault.open(vault_path, PASS) as vault:
        packet = build_packet(vault, PacketOptions(questions=("Where do we go next?",)))
    result = render_packet(packet)
    return packet, result, pypdf.PdfReader(io.BytesIO(result.data))


def _tree(reader):
    """(tag, element) for every structure element, depth first, in reading order."""
    out = []
    root = reader.trailer["/Root"]["/StructTreeRoot"]

    def walk(node):
        node = node.get_object()
        if node.get("/Type") == "/MCR" or "/S" not in node:
            return
        out.append((str(node["/S"])[1:], node))
        kids = node.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            if not isinstance(kid, int):
                walk(kid)

    for top in root["/K"]:
        walk(top)
    return out


def _pages_of(node, reader) -> list[int]:
    """The page numbers (1-based) of an element's marked content, in order."""
    numbers = {p.indirect_reference.idnum: i + 1 for i, p in enumerate(reader.pages)}
    out = []
    kids = node.get("/K", [])
    for kid in kids if isinstance(kids, list) else [kids]:
        kid = kid.get_object() if hasattr(kid, "get_object") else kid
        if isinstance(kid, dict) and kid.get("/Type") == "/MCR":
            out.append(numbers[kid.raw_get("/Pg").idnum])
        elif isinstance(kid, dict):
            out += _pages_of(kid, reader)
    return out


def test_the_catalogue_says_tagged_with_language_and_title(packet_and_pdf):
    _packet, _result, reader = packet_and_pdf
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    assert str(root["/Lang"]) == i18n.current_language() == "en"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True
    assert reader.metadata["/Title"] == "Supervision packet"
    xmp = root["/Metadata"].get_object().get_data()
    assert b"Supervision packet" in xmp and b"<pdfuaid:part>1</pdfuaid:part>" in xmp
    assert all("/StructParents" in page for page in reader.pages)


def test_the_structure_tree_has_headings_lists_tables_and_figures_with_alt_text(packet_and_pdf):
    packet, result, reader = packet_and_pdf
    tags = [tag for tag, _ in _tree(reader)]
    for tag in ("Document", "Sect", "H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Table",
                "TR", "TH", "TD", "Figure"):  # fmt: skip
        assert tag in tags, tag
    assert tags.count("H1") == 1
    figures = [node for tag, node in _tree(reader) if tag == "Figure"]
    assert len(figures) == len(packet.charts) == len(result.chart_pages)
    for node in figures:
        alt = str(node["/Alt"])
        assert alt.strip() and "chart" in alt.lower(), alt
        assert "/BBox" in node["/A"]
    alts = [str(node["/Alt"]) for node in figures]
    assert any(a.startswith("Trust and engagement chart. Trust over ") for a in alts)
    # The headers of each table are column headers.
    ths = [node for tag, node in _tree(reader) if tag == "TH"]
    assert ths and all(node["/A"]["/Scope"] == "/Column" for node in ths)


def test_fonts_are_embedded_subsets_and_charts_are_vectors(packet_and_pdf):
    _packet, _result, reader = packet_and_pdf
    fonts = {}
    for page in reader.pages:
        resources = page["/Resources"]
        for name, ref in resources.get("/Font", {}).items():
            fonts[name] = ref.get_object()
        assert not any(
            x.get_object().get("/Subtype") == "/Image"
            for x in resources.get("/XObject", {}).values()
        )
    assert fonts
    for font in fonts.values():
        assert re.fullmatch(r"/[A-Z]{6}\+DejaVu[A-Za-z-]+", str(font["/BaseFont"])), font
        descendant = font["/DescendantFonts"][0].get_object()
        assert "/FontFile2" in descendant["/FontDescriptor"]
        assert "/ToUnicode" in font


def test_no_blank_last_page_and_nothing_but_the_footer_in_its_band(packet_and_pdf):
    _packet, result, reader = packet_and_pdf
    footer_top = MARGIN_PT + FOOTER_PT  # PDF y of the band's top edge, from the bottom
    for number, page in enumerate(reader.pages, 1):
        in_band: list[str] = []
        body: list[str] = []

        def visit(text, cm, tm, _font, _size, in_band=in_band, body=body):
            if not text.strip():
                return
            y = cm[3] * tm[5] + cm[5]
            (in_band if y < footer_top else body).append(text)

        page.extract_text(visitor_text=visit)
        band = re.sub(r"\s+", " ", " ".join(in_band)).strip()
        assert band == f"{FOOTER} Page {number} of {result.pages}", (number, band)
        assert re.sub(r"\W", "", "".join(body)), f"page {number} holds only its footer"


def test_a_heading_never_ends_a_page(packet_and_pdf):
    _packet, _result, reader = packet_and_pdf
    elems = _tree(reader)
    for i, (tag, node) in enumerate(elems):
        if tag not in ("H1", "H2", "H3"):
            continue
        here = _pages_of(node, reader)
        follower = next(
            (n for t, n in elems[i + 1 :] if t not in ("Lbl",) and _pages_of(n, reader)), None
        )
        assert follower is not None
        assert _pages_of(follower, reader)[0] == here[-1], (tag, here)


def test_pdffonts_agrees(packet_and_pdf, tmp_path: Path):
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    _packet, result, _reader = packet_and_pdf
    path = tmp_path / "packet.pdf"
    path.write_bytes(result.data)
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]  # fmt: skip
    assert lines
    for line in lines:
        name, *_rest = line.split()
        assert re.fullmatch(r"[A-Z]{6}\+DejaVu[A-Za-z-]+", name), line
        assert re.search(r"CID TrueType\s+Identity-H\s+yes\s+yes\s+yes", line), line


def test_the_document_language_follows_the_catalogue_language(vault_path: Path):
    with Vault.open(vault_path, PASS) as vault:
        packet = build_packet(vault, PacketOptions())
    try:
        i18n.set_language("de")
        data = render_packet(packet).data
    finally:
        i18n.set_language("en")
    root = pypdf.PdfReader(io.BytesIO(data)).trailer["/Root"]
    assert str(root["/Lang"]) == "de"


def test_the_layout_streams_with_progress_and_stops_when_cancelled(vault_path: Path,
                                                                   tmp_path: Path):  # fmt: skip
    with Vault.open(vault_path, PASS) as vault:
        source = app_packets.read_source(vault)
    packet = app_packets.build_from(source, PacketOptions())
    seen: list[tuple[int, int]] = []
    pages_at: list[int] = []
    finished: list[int] = []
    result = app_packets.render(packet, on_progress=lambda d, t: (seen.append((d, t)),
                                                                  pages_at.append(len(finished))),
                                on_page=finished.append)  # fmt: skip
    total = 3 + packet.client_count + 2
    assert seen == [(d, total) for d in range(1, total + 1)]
    assert 0 < pages_at[len(pages_at) // 2] < result.pages  # pages written along the way
    assert finished == list(range(1, result.pages + 1))

    calls = []

    def stop() -> bool:
        calls.append(1)
        return len(calls) > 4

    out = tmp_path / "stopped.pdf"
    with Vault.open(vault_path, PASS) as vault:
        before = len(vault.packets())
        with pytest.raises(Cancelled):
            app_packets.export_packet(vault, PacketOptions(), out, cancelled=stop)
        assert len(vault.packets()) == before
    assert not out.exists() and list(tmp_path.iterdir()) == []
