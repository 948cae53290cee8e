"""The packet's privacy leftovers: questions redacted like reflections, a private key
for the screen only, no date in the PDF's metadata, bytes rendered in memory."""

from __future__ import annotations

import io
import os
import re
import stat
from datetime import date
from pathlib import Path

import pytest

pypdf = pytest.importorskip("pypdf")

from alliance_desktop.app.errors import OutputExistsError  # noqa: E402
from alliance_desktop.app.files import write_private, write_private_bytes  # noqa: E402
from alliance_desktop.reports.redaction import REDACTED  # noqa: E402
from alliance_desktop.reports.supervision import (  # noqa: E402
    PacketOptions,
    build_packet,
    client_key,
    packet_key,
    render_packet,
)
from alliance_desktop.vault import Vault  # noqa: E402
from alliance_desktop.vault.demo import create_demo_vault  # noqa: E402

PASSPHRASE = "correct staple battery orbit"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("privacy") / "demo.alliance"
    vault = create_demo_vault(path, PASSPHRASE, clients=3, sessions=6, seed=5,
                              today=date(2026, 3, 20))  # fmt: skip
    vault.set_settings({"redaction_list": ["Kestrel Bay", "Marlowe"]})
    vault.close()
    return path


def _codes(path: Path) -> list[str]:
    with Vault.open(path, PASSPHRASE) as vault:
        return [c.code for c in vault.clients() if not c.is_practice]


def _text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))


def _packet(path: Path, **options):
    with Vault.open(path, PASSPHRASE) as vault:
        return build_packet(vault, PacketOptions(**options))


def test_a_question_naming_a_client_code_or_a_listed_word_is_redacted(demo: Path, qapp) -> None:
    code = _codes(demo)[0]
    question = f"Why does {code} go quiet when Marlowe comes up, near Kestrel  Bay?"
    packet = _packet(demo, questions=(question, "  ", "What do I miss?"))
    assert len(packet.questions) == 2
    asked = packet.questions[0]
    assert code not in asked and "Marlowe" not in asked and "Kestrel" not in asked
    assert asked.count(REDACTED) == 3
    assert packet.questions[1] == "What do I miss?"
    text = _text(render_packet(packet).data)
    assert "go quiet when" in text
    squeezed = re.sub(r"\W", "", text)
    assert re.sub(r"\W", "", code) not in squeezed
    assert "Marlowe" not in text and "Kestrel" not in text


def test_identified_packets_keep_codes_in_questions_but_redact_listed_words(
    demo: Path, qapp
) -> None:
    code = _codes(demo)[0]
    packet = _packet(demo, identify=True, questions=(f"{code} and Marlowe?",))
    assert packet.questions == (f"{code} and {REDACTED}?",)


def test_the_private_key_maps_letters_to_codes_and_never_reaches_the_pdf(demo: Path, qapp) -> None:
    packet = _packet(demo)
    key = packet_key(packet)
    assert [label for label, _code in key] == [c.label for c in packet.clients]
    assert sorted(code for _label, code in key) == sorted(_codes(demo))
    with Vault.open(demo, PASSPHRASE) as vault:
        assert client_key(vault, PacketOptions()) == key  # the same, without any chart
    assert all(code not in packet.html() for _label, code in key)
    text = re.sub(r"\W", "", _text(render_packet(packet).data))
    assert all(re.sub(r"\W", "", code) not in text for _label, code in key)
    assert all(code not in repr(packet) for _label, code in key)  # nor in a debug print
    assert packet_key(_packet(demo, identify=True)) == ()


def test_the_pdf_metadata_carries_no_date(demo: Path, qapp) -> None:
    data = render_packet(_packet(demo)).data
    reader = pypdf.PdfReader(io.BytesIO(data))
    info = reader.metadata or {}
    assert "/CreationDate" not in info and "/ModDate" not in info
    assert info.get("/Title") == "Supervision packet"
    assert not re.search(rb"D:\d{8}", data)
    assert not re.search(rb"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", data)  # nor in the XMP
    xmp = reader.xmp_metadata
    assert xmp is None or not (xmp.xmp_create_date or xmp.xmp_modify_date)


def test_render_packet_writes_nothing_to_disk(demo: Path, tmp_path: Path, qapp,
                                              monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    packet = _packet(demo, questions=("Where are we stuck?",))
    result = render_packet(packet)
    assert os.listdir(tmp_path) == []
    assert result.data.startswith(b"%PDF-")
    assert result.pages == len(pypdf.PdfReader(io.BytesIO(result.data)).pages)
    out = write_private(tmp_path / "p.pdf", lambda fh: fh.write(result.data))
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "Where are we stuck?" in _text(out.read_bytes())


def test_a_rendered_packet_never_goes_through_a_dangling_symlink(
    demo: Path, tmp_path: Path, qapp
) -> None:
    victim = tmp_path / "elsewhere.pdf"
    link = tmp_path / "packet.pdf"
    link.symlink_to(victim)
    data = render_packet(_packet(demo)).data
    with pytest.raises(OutputExistsError):
        write_private_bytes(link, data)
    assert not victim.exists() and link.is_symlink()
    out = tmp_path / "new.pdf"
    old = os.umask(0)
    try:
        write_private_bytes(out, data)
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
