"""The supervision packet: pseudonymisation, redaction, contents, page sizes, the CLI."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path

import pytest

pypdf = pytest.importorskip("pypdf")

from alliance_desktop.app.files import write_private_bytes  # noqa: E402
from alliance_desktop.domain import Reflection, Session  # noqa: E402
from alliance_desktop.i18n import format_date  # noqa: E402
from alliance_desktop.reports.redaction import REDACTED, Redactor  # noqa: E402
from alliance_desktop.reports.supervision import (  # noqa: E402
    FOOTER,
    PacketOptions,
    build_packet,
    letter_label,
    render_packet,
)
from alliance_desktop.vault import Vault  # noqa: E402
from alliance_desktop.vault.demo import create_demo_vault  # noqa: E402

PASSPHRASE = "correct staple battery orbit"
SECRET_WORDS = ["Marlowe", "Kestrel Bay", "Zoë"]


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("packet") / "demo.alliance"
    vault = create_demo_vault(path, PASSPHRASE, clients=4, sessions=10, seed=3,
                              today=date(2026, 3, 20))  # fmt: skip
    sessions = vault.sessions()
    for s in sessions[::4]:
        s.supervision = True
        s.tags = (*s.tags, "marlowe", "AB12")
        s.reflection = Reflection("free", {"text": "Marlowe moved to Kestrel  bay; ZOË called. "
                                           "Marlowesque stays."})  # fmt: skip
        vault.save_session(s)
    vault.add_practice_client("steady_ground")
    practice = vault.client_by_code("Practice: Steady ground")
    vault.save_session(Session(practice.id, date(2026, 3, 1), 7, 7, supervision=True))
    vault.set_settings({"redaction_list": SECRET_WORDS})
    vault.close()
    return path


def _text(pdf: Path) -> str:
    reader = pypdf.PdfReader(str(pdf))
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))
    return unicodedata.normalize("NFC", text)


def _render(path: Path, tmp_path: Path, name: str = "p.pdf", **options) -> tuple:
    with Vault.open(path, PASSPHRASE) as vault:
        packet = build_packet(vault, PacketOptions(**options))
        codes = [c.code for c in vault.clients() if not c.is_practice]
        dates = {s.date.isoformat() for s in vault.sessions()}
    result = render_packet(packet)
    out = write_private_bytes(tmp_path / name, result.data)
    assert result.pages == len(pypdf.PdfReader(str(out)).pages)
    return _text(out), out, codes, dates, packet, result


def test_default_packet_is_pseudonymised_and_redacted(demo_vault: Path, tmp_path: Path, qapp):
    text, _out, codes, dates, packet, result = _render(demo_vault, tmp_path,
                                                      questions=("Why does B go quiet?",))  # fmt: skip
    for section in ("Supervision packet", "My questions for supervision", "Why does B go quiet?",
                    "Lenses for our conversation", "Ruptures and repair", "Strategies used",
                    "Reflections brought to supervision", "Across the packet", "Client A",
                    FOOTER):  # fmt: skip
        assert section in text, section
    assert f"Page 1 of {result.pages}" in text and f"Page {result.pages} of {result.pages}" in text
    for code in codes:
        assert code not in text, code
    assert not any(d in text for d in dates)
    assert "week " in text
    for word in ("Marlowe ", "Kestrel", "Zoë", "ZOË", "marlowe", "AB12"):
        assert word not in text, word
    assert REDACTED in text and "Marlowesque" in text  # word boundaries respected
    assert "Practice" not in text  # practice clients stay out unless asked for
    assert packet.client_count == 4
    # A chart per client, drawn on that client's pages, plus the three practice-wide ones.
    assert {f"client-{i}" for i in range(4)} <= set(result.chart_pages)
    assert result.page_points == (595, 842)


def test_identify_and_absolute_dates_bring_codes_and_dates_back(demo_vault, tmp_path, qapp):
    text, out, codes, dates, _packet, result = _render(
        demo_vault, tmp_path, identify=True, absolute_dates=True, page_size="letter"
    )
    squeezed = re.sub(r"\W", "", text)  # extraction may split "Ω-Dex" around the hyphen
    assert [
        c for c in codes if re.sub(r"\W", "", unicodedata.normalize("NFC", c)) not in squeezed
    ] == []
    # Calendar dates as the packet's language writes them (babel: "16 Mar 2026").
    assert any(format_date(date.fromisoformat(d)) in text for d in dates)
    assert not any(d in text for d in dates)  # never the ISO form
    assert result.page_points == (612, 792)
    assert tuple(round(float(x)) for x in pypdf.PdfReader(str(out)).pages[0].mediabox[2:]) == (
        612, 792,
    )  # fmt: skip
    assert "Kestrel" not in text  # the redaction list applies in every mode


def test_practice_clients_come_in_only_when_asked(demo_vault, tmp_path, qapp):
    with Vault.open(demo_vault, PASSPHRASE) as vault:
        packet = build_packet(vault, PacketOptions(include_practice=True, identify=True))
    assert "Practice: Steady ground" in [c.label for c in packet.clients]


def test_redactor_handles_phrases_case_and_unicode():
    r = Redactor.of(["new york", "Zoë", "St."])
    assert r("In NEW\nYork with zoë, near St. Ann; newyork") == (
        f"In {REDACTED} with {REDACTED}, near {REDACTED} Ann; newyork"
    )
    assert r("Zoe\u0308 came") == f"{REDACTED} came"  # combining accent
    assert Redactor.of([])("unchanged") == "unchanged"
    assert letter_label(0) == "Client A" and letter_label(26) == "Client AA"


@pytest.mark.slow
def test_cli_report_writes_pdf_and_records_the_packet(demo_vault: Path, tmp_path: Path):
    out = tmp_path / "cli.pdf"
    proc = subprocess.run(
        [sys.executable, "-m", "alliance_desktop.cli", "--vault", str(demo_vault),
         "--passphrase-stdin", "report", "--out", str(out), "--page-size", "letter",
         "--question", "Where do I start with Client A?"],
        input=PASSPHRASE + "\n", capture_output=True, text=True, timeout=120,
        env={k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    text = _text(out)
    assert "Where do I start with Client A?" in text and FOOTER in text
    with Vault.open(demo_vault, PASSPHRASE) as vault:
        [record] = vault.packets()
        assert record.questions == ("Where do I start with Client A?",)
        assert record.client_count == 4
        assert [e for _at, e, detail in vault.audit_log() if e == "report"] == ["report"]
    again = subprocess.run(
        [sys.executable, "-m", "alliance_desktop.cli", "--vault", str(demo_vault),
         "--passphrase-stdin", "report", "--out", str(out)],
        input=PASSPHRASE + "\n", capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert again.returncode == 1 and "already exists" in again.stderr
