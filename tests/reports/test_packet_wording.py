"""The packet's wording, read back from the PDF with pypdf: pseudonymised (never
"de-identified"), the clinical-supervision footer, a redaction count from real
replacements (or the sentence that no list is set), each client's outcome status, the
strategy section on the regression-aware estimates with both caveats, the chosen
reflection level in words, and every section the cover announces present."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest

pypdf = pytest.importorskip("pypdf")

from alliance_desktop.domain import Reflection  # noqa: E402
from alliance_desktop.reports.redaction import REDACTED  # noqa: E402
from alliance_desktop.reports.supervision import (  # noqa: E402
    FOOTER,
    PacketOptions,
    build_packet,
    render_packet,
    sections,
)
from alliance_desktop.vault import Vault  # noqa: E402
from alliance_desktop.vault.demo import create_demo_vault  # noqa: E402

PASS = "packet wording test passphrase"
LISTED = ["Marlowe", "Kestrel Bay"]
# Three listed words in each flagged reflection: Marlowe twice, Kestrel Bay once.
REFLECTION = "Marlowe arrived late. We spoke of Kestrel  bay and of marlowe's sister."


def _vault(path: Path, *, listed: list[str] | None) -> tuple[Path, int]:
    vault = create_demo_vault(path, PASS, clients=6, sessions=12, seed=3,
                              today=date(2026, 3, 20))  # fmt: skip
    flagged = 0
    for s in vault.sessions()[::5]:
        s.supervision = True
        s.reflection = Reflection("free", {"text": REFLECTION})
        s.tags = (*s.tags, "reflection-level:analytic", "supervisor-level:critical")
        vault.save_session(s)
        flagged += 1
    if listed is not None:
        vault.set_settings({"redaction_list": listed})
    vault.close()
    return path, flagged


@pytest.fixture(scope="module")
def listed_vault(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    return _vault(tmp_path_factory.mktemp("wording") / "listed.alliance", listed=LISTED)


@pytest.fixture(scope="module")
def plain_vault(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    return _vault(tmp_path_factory.mktemp("wording") / "plain.alliance", listed=None)


def _read(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "packet.pdf"
    path.write_bytes(pdf)
    reader = pypdf.PdfReader(str(path))
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))
    return unicodedata.normalize("NFC", text)


def _packet(path: Path, tmp_path: Path, **options):
    with Vault.open(path, PASS) as vault:
        packet = build_packet(vault, PacketOptions(**options))
    return packet, _read(render_packet(packet).data, tmp_path)


@pytest.fixture(scope="module")
def listed_packet(listed_vault, tmp_path_factory, qapp):
    path, flagged = listed_vault
    packet, text = _packet(path, tmp_path_factory.mktemp("out"))
    return packet, text, flagged


def test_the_packet_is_pseudonymised_supervision_material(listed_packet):
    _, text, _ = listed_packet
    lowered = text.lower()
    assert "pseudonymised" in lowered
    assert "de-identif" not in lowered and "deidentif" not in lowered
    assert "psychotherapy notes" not in lowered
    assert FOOTER == "Confidential: clinical supervision material"
    assert text.count(FOOTER) >= 2  # on every page


def test_the_cover_counts_the_real_replacements(listed_packet):
    packet, text, flagged = listed_packet
    assert flagged >= 2
    listed = 3 * flagged
    assert packet.redactions.listed == listed
    assert f"{listed} listed words redacted" in text
    assert "Marlowe" not in text and "Kestrel" not in text and REDACTED in text


def test_without_a_list_the_cover_says_reflections_appear_as_written(
    plain_vault, tmp_path: Path, qapp
):
    packet, text = _packet(plain_vault[0], tmp_path)
    assert packet.redactions.list_set is False and packet.redactions.listed == 0
    assert "No redaction list is set, so reflections appear as written" in text
    assert "Marlowe" in text  # as written: nothing on a list, nothing replaced
    assert "listed words redacted" not in text


def test_identified_packets_are_not_called_pseudonymised(plain_vault, tmp_path: Path, qapp):
    _, text = _packet(plain_vault[0], tmp_path, identify=True)
    assert "Not pseudonymised: clients are named by their codes" in text


def test_each_client_shows_its_outcome_status(listed_packet):
    packet, text, _ = listed_packet
    statuses = [c.outcome for c in packet.clients]
    assert statuses and all(s.startswith("Outcome: ") for s in statuses)
    classified = [s for s in statuses if "→" in s]
    assert classified, "the demo's clients have two or more outcome ratings"
    for line in classified:
        status = line.removeprefix("Outcome: ").split(" ", 1)[0]
        assert status in ("recovered", "improved", "unchanged", "deteriorated")
        assert line in text


def test_the_strategy_section_has_the_estimates_and_both_caveats(listed_packet):
    packet, text, _ = listed_packet
    assert "What followed each strategy" in text
    regression, compared = packet.strategy_caveats
    assert regression.startswith("Sessions far below a client's usual level")
    # A caveat may run across a page break (the footer sits in between): check its parts.
    assert regression[:80] in text and "not proof that the strategy caused it" in text
    assert compared in text
    rare = [line for line in packet.strategy_lines if not line.shown]
    shown = [line for line in packet.strategy_lines if line.shown]
    assert shown or rare
    for line in rare:
        assert line.trust.startswith("not enough yet: ") and line.trust in text
    for line in shown:
        assert re.search(re.escape(line.label) + r" \d+ uses?, \d+ clients?", text)
    assert "StrategyOutcome" not in text and "(n=" not in text  # no naive figures


def test_reflection_levels_are_shown_in_words(listed_packet):
    _, text, _ = listed_packet
    assert "Chosen reflection level: Weighing other readings" in text
    assert "Level chosen by the supervisor: Questioning the frame" in text
    assert "reflection-level:" not in text and "supervisor-level:" not in text


def test_every_section_the_cover_announces_is_there(listed_packet, plain_vault, tmp_path, qapp):
    packet, text, _ = listed_packet
    announced = sections(packet)
    cover = text.split("My questions for supervision", 1)[0]
    assert f"In this packet: {'; '.join(announced)}." in cover
    body = text.split("My questions for supervision", 1)[1]
    headings = {"your questions": "Lenses for our conversation",
                "the clients in this packet": "Clients in this packet",
                "lenses for our conversation": "Lenses for our conversation",
                "across the packet's clients": "Across the packet's clients",
                "what followed each strategy": "What followed each strategy"}  # fmt: skip
    for section in announced:
        assert headings.get(section, section) in body, section
    # A period with no sessions announces no client or strategy section, and has none.
    empty, empty_text = _packet(plain_vault[0], tmp_path, date_from=date(2020, 1, 1),
                                date_to=date(2020, 2, 1))  # fmt: skip
    assert sections(empty) == ["your questions", "the clients in this packet",
                               "lenses for our conversation"]  # fmt: skip
    assert "What followed each strategy" not in empty_text
