"""The wizard's preview HTML says what the PDF says, in the packet's language: both are
made from the same sections (packet_pdf.packet_plan)."""

from __future__ import annotations

import html
import io
import re
from datetime import date

import pytest

pypdf = pytest.importorskip("pypdf")

from alliance_desktop import i18n  # noqa: E402
from alliance_desktop.reports.packet_html import PAGE_BREAK  # noqa: E402
from alliance_desktop.reports.supervision import (  # noqa: E402
    PacketOptions,
    build_packet,
    render_packet,
)
from alliance_desktop.vault.demo import create_demo_vault  # noqa: E402

PASS = "preview html test passphrase"


@pytest.fixture(scope="module")
def packet(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("preview") / "demo.alliance"
    vault = create_demo_vault(path, PASS, clients=4, sessions=10, seed=5,
                              today=date(2026, 3, 20))  # fmt: skip
    for s in vault.sessions()[::4]:
        s.supervision = True
        vault.save_session(s)
    packet = build_packet(vault, PacketOptions(questions=("Where do we go next?",)))
    vault.close()
    return packet


def _headings(markup: str) -> list[str]:
    found = re.findall(r"<h[123][^>]*>(.*?)</h[123]>", markup, re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", h)) for h in found]


def _pdf_text(packet) -> str:
    reader = pypdf.PdfReader(io.BytesIO(render_packet(packet).data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_the_preview_has_the_pdfs_headings_in_the_packets_language(packet, language):
    try:
        i18n.set_language(language)
        markup = packet.html(640)
        text = _pdf_text(packet)
        questions = i18n._("My questions for supervision")
    finally:
        i18n.set_language("en")
    headings = _headings(markup)
    assert questions in headings
    if language != "en":
        assert questions != "My questions for supervision"  # translated, not English
        assert "My questions for supervision" not in markup
    for heading in headings:  # every heading of the preview is the PDF's too
        assert heading in text


def test_every_section_after_the_cover_opens_a_page_and_charts_are_placeholders(packet):
    markup = packet.html(640)
    labels = [c.label for c in packet.clients]
    assert markup.count(PAGE_BREAK) == len(labels) + bool(packet.practice_charts) + 1
    for label in labels:
        assert f"{PAGE_BREAK}{label}</h2>" in markup
    names = re.findall(r'<img src="chart:([^"]+)" width="640" height="\d+"', markup)
    assert names and set(names) <= set(packet.charts)
