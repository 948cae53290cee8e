"""gui/operations.run: errors inline, one broadcast, overwrite only after asking."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow, QMessageBox

from alliance_desktop.app.changes import Changes, Outcome
from alliance_desktop.app.errors import OutputError, OutputExistsError
from alliance_desktop.domain import Client, Problem, ValidationError
from alliance_desktop.gui import operations
from alliance_desktop.vault import VaultError


class FlashWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def flash(self, message: str, ms: int = 5000) -> None:
        self.messages.append(message)


@pytest.fixture
def window(qtbot) -> FlashWindow:
    w = FlashWindow()
    qtbot.addWidget(w)
    return w


@pytest.fixture
def emitted():
    seen: list[Changes] = []
    operations.events().vaultChanged.connect(seen.append)
    yield seen
    operations.events().vaultChanged.disconnect(seen.append)


def _save_client(vault, code: str) -> Outcome[Client]:
    client = Client(code)  # validates: an empty code raises ValidationError
    saved = vault.save_client(client)
    return Outcome(saved, Changes(clients=True, client_ids=frozenset({saved.id})))


def test_events_is_one_hub_per_application(qapp) -> None:
    assert operations.events() is operations.events()
    assert operations.events().parent() is qapp


def test_validation_error_is_shown_in_the_status_bar_and_nothing_is_broadcast(
    window, emitted, vault
) -> None:
    def fail():
        raise ValidationError([Problem("code", "Give the client a code.")])

    assert operations.run(window, fail) is None
    assert window.messages == ["code: Give the client a code."]
    assert emitted == []


def test_a_real_validation_error_from_the_domain_is_inline_and_writes_nothing(
    window, emitted, vault
) -> None:
    assert operations.run(window, _save_client, vault, "") is None
    assert len(window.messages) == 1
    assert vault.clients() == []
    assert emitted == []


def test_vault_and_output_errors_go_to_the_callers_label(window, emitted) -> None:
    shown: list[str] = []
    for exc in (VaultError("The vault is damaged."), OutputError("/x cannot be written.")):

        def fail(exc=exc):
            raise exc

        assert operations.run(window, fail, show_error=shown.append) is None
    assert shown == ["The vault is damaged.", "/x cannot be written."]
    assert window.messages == []
    assert emitted == []


def test_on_invalid_receives_the_exception(window) -> None:
    marked: list[ValidationError] = []

    def fail():
        raise ValidationError([Problem("trust", "0 to 10")])

    operations.run(window, fail, on_invalid=marked.append)
    assert marked and marked[0].for_field("trust") == ["0 to 10"]
    assert window.messages == []  # the form marks its fields instead


def test_a_successful_save_broadcasts_its_changes_once(window, emitted, vault) -> None:
    outcome = operations.run(window, _save_client, vault, "Ari 01")
    assert outcome is not None and outcome.value.code == "Ari 01"
    assert [c.clients for c in emitted] == [True]
    assert emitted[0].client_ids == {outcome.value.id}
    assert [c.code for c in vault.clients()] == ["Ari 01"]


def test_an_action_that_changed_nothing_broadcasts_nothing(window, emitted) -> None:
    assert operations.run(window, lambda: Outcome(3)).value == 3
    assert emitted == []


def test_a_dialog_without_flash_reports_to_its_owner_window(window, qtbot) -> None:
    from PySide6.QtWidgets import QDialog

    dialog = QDialog(window)

    def fail():
        raise VaultError("busy")

    operations.run(dialog, fail)
    assert window.messages == ["busy"]


def _exporter(target: Path, calls: list[bool]):
    def export(*, overwrite: bool = False) -> Outcome[Path]:
        calls.append(overwrite)
        if target.exists() and not overwrite:
            raise OutputExistsError(target)
        target.write_text("new")
        return Outcome(target)

    return export


@pytest.mark.parametrize(
    ("answer", "content", "calls_made"),
    [
        (QMessageBox.StandardButton.No, "old", [False]),
        (QMessageBox.StandardButton.Yes, "new", [False, True]),
    ],
)
def test_an_existing_file_is_replaced_only_after_yes(
    window, tmp_path, monkeypatch, answer, content, calls_made
) -> None:
    target = tmp_path / "chart.png"
    target.write_text("old")
    asked: list[tuple] = []

    def question(parent, title, text, buttons, default):
        asked.append((text, default))
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    calls: list[bool] = []
    result = operations.run(window, _exporter(target, calls))
    assert asked == [
        ("A file named chart.png already exists. Replace it?", QMessageBox.StandardButton.No)
    ]
    assert calls == calls_made
    assert target.read_text() == content
    assert (result is None) == (answer == QMessageBox.StandardButton.No)
