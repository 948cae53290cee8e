"""gui/operations.run: errors inline, one broadcast, overwrite only after asking."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow, QMessageBox

from alliance_desktop.app.changes import Changes, Outcome
from alliance_desktop.app.errors import OutputError, OutputExistsError
from alliance_desktop.domain import Client, Problem, Session, ValidationError
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


# -- the real window and the real use cases -------------------------------------------

CANARY = "quietcanary"


@pytest.fixture
def main_window(vault, vault_path, qtbot):
    from alliance_desktop.gui.shell.main_window import MainWindow

    w = MainWindow(vault_path)
    qtbot.addWidget(w)
    w.setVault(vault)
    w.show()
    yield w
    w.clearData()


def _type_session(w, qtbot, client) -> None:
    from PySide6.QtWidgets import QPlainTextEdit, QWidget

    w.reloadClients(select=client.id)  # the client was written after the window opened
    w.newSession()
    assert w.editor.currentClientId() == client.id
    for name, digits in (("trustInput", "7"), ("engagementInput", "6")):
        field = w.editor.findChild(QWidget, name)
        field.setFocus()
        qtbot.keyClicks(field, digits)
    qtbot.keyClicks(w.editor.findChild(QPlainTextEdit, "reflectionEdit"), f"about {CANARY}")


def test_saving_a_session_broadcasts_once_and_removes_draft_and_used_plan(
    main_window, vault, client, emitted, qtbot
) -> None:
    from PySide6.QtWidgets import QCheckBox

    w = main_window
    vault.add_to_plan(client.id, "validate")
    vault.add_to_plan(client.id, "small_steps")
    _type_session(w, qtbot, client)
    w.editor.findChild(QCheckBox, "strategy_validate").click()
    assert w.saveDraftNow()
    assert list(vault.drafts()) == [f"new:{client.id}"]
    emitted.clear()
    w.saveSession()
    assert len(emitted) == 1 and emitted[0].sessions and emitted[0].drafts and emitted[0].plans
    [saved] = vault.sessions(client.id)
    assert CANARY in saved.reflection.plain_text()
    assert vault.drafts() == {}
    assert [p.strategy for p in vault.plan(client.id)] == ["small_steps"]
    assert w.timelineModel.rowForSession(saved.id) >= 0  # the broadcast reloaded the timeline


def test_a_save_that_fails_mid_transaction_keeps_the_draft_and_the_words(
    main_window, vault, client, emitted, qtbot, monkeypatch
) -> None:
    from alliance_desktop.vault.errors import DiskFullError

    w = main_window
    _type_session(w, qtbot, client)
    assert w.saveDraftNow()
    draft_before = vault.drafts()
    emitted.clear()

    def fail(slot: str) -> None:  # the session row is already written in the transaction
        raise DiskFullError()

    monkeypatch.setattr(vault, "delete_draft", fail)
    w.saveSession()
    monkeypatch.undo()
    assert vault.sessions(client.id) == []  # rolled back with the failed draft removal
    assert vault.drafts() == draft_before
    assert emitted == []
    assert w.ui.contentStack.currentWidget() is w.ui.editorPage
    assert CANARY in str(w.editor.toDraft())
    assert w.statusBar().currentMessage() == str(DiskFullError())


def test_deleting_a_session_then_undo_restores_it(
    main_window, vault, client, emitted, monkeypatch
) -> None:
    session = vault.save_session(Session(client.id, date(2026, 3, 2), 7, 6))
    w = main_window
    w.reloadClients(select=client.id)
    w.ui.timelineView.selectRow(w.timelineModel.rowForSession(session.id))
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    emitted.clear()
    w.deleteSession()
    assert vault.sessions(client.id) == []
    assert w.timelineModel.rowCount() == 0
    assert w.undoButton.isVisibleTo(w)
    w.undoDelete()
    [back] = vault.sessions(client.id)
    assert (back.id, back.date, back.trust) == (session.id, session.date, session.trust)
    assert w.timelineModel.rowForSession(session.id) >= 0
    assert [c.session_ids for c in emitted] == [{session.id}, {session.id}]
    events = [event for _at, event, _detail in vault.audit_log()]
    assert events[-2:] == ["session_deleted", "session_restored"]


def test_a_duplicate_client_code_is_shown_in_the_dialog(main_window, client, emitted) -> None:
    from alliance_desktop.gui.workspace.client_dialogs import ClientDialog

    dialog = ClientDialog(None, vault=main_window.vault, parent=main_window)
    dialog.ui.codeEdit.setText(client.code.upper())
    dialog.accept()
    assert dialog.result() == 0 and dialog.ui.codeError.isVisibleTo(dialog)
    assert emitted == []


# -- files: charts and packets ---------------------------------------------------------


def _figure():
    from matplotlib.figure import Figure

    fig = Figure()
    fig.add_subplot().plot([1, 2, 3])
    return fig


def _pick(monkeypatch, path: Path) -> None:
    from alliance_desktop.gui.common import file_dialogs

    def fake(parent, caption, directory="", filter="", selected_filter=""):
        return str(path), "PNG image (*.png)"

    monkeypatch.setattr(file_dialogs, "get_save_file_name", fake)


def _answer(monkeypatch, answer) -> list[str]:
    asked: list[str] = []

    def question(parent, title, text, *args, **kw):
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def test_a_chart_save_over_an_existing_file_asks_and_no_keeps_it(
    window, vault, tmp_path, monkeypatch
) -> None:
    from alliance_desktop.gui.common.chart_view import save_chart_as

    target = tmp_path / "trend.png"
    target.write_bytes(b"the old chart")
    _pick(monkeypatch, target)
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    assert save_chart_as(_figure(), window, vault=vault) is None
    assert asked == ["A file named trend.png already exists. Replace it?"]
    assert target.read_bytes() == b"the old chart"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []

    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    assert save_chart_as(_figure(), window, vault=vault) == target
    assert target.read_bytes().startswith(b"\x89PNG")
    assert target.stat().st_mode & 0o777 == 0o600


def test_a_chart_is_private_and_never_written_through_a_symlink(
    window, vault, tmp_path, monkeypatch
) -> None:
    from alliance_desktop.gui.common.chart_view import save_chart_as

    elsewhere = tmp_path / "elsewhere.png"
    elsewhere.write_bytes(b"not yours")
    link = tmp_path / "chart.png"
    link.symlink_to(elsewhere)
    _pick(monkeypatch, link)
    _answer(monkeypatch, QMessageBox.StandardButton.No)
    assert save_chart_as(_figure(), window, vault=vault) is None
    assert link.is_symlink() and elsewhere.read_bytes() == b"not yours"
    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    assert save_chart_as(_figure(), window, vault=vault) == link
    assert not link.is_symlink() and elsewhere.read_bytes() == b"not yours"
    assert link.stat().st_mode & 0o777 == 0o600

    fresh = tmp_path / "fresh.png"
    _pick(monkeypatch, fresh)
    assert save_chart_as(_figure(), window, vault=vault) == fresh
    assert fresh.stat().st_mode & 0o777 == 0o600


@pytest.fixture
def wizard(vault, client, window, qtbot):
    from PySide6.QtCore import QDate

    from alliance_desktop.domain.models import Reflection
    from alliance_desktop.gui.supervision.wizard import SupervisionWizard

    reflection = Reflection("free", {"text": "He went quiet."})
    vault.save_session(
        Session(client.id, date(2026, 3, 2), 7, 6, supervision=True, reflection=reflection)
    )
    wiz = SupervisionWizard(vault, window, today=date(2026, 3, 20))
    qtbot.addWidget(wiz)
    wiz.fromEdit.setDate(QDate(2026, 1, 1))
    wiz.toEdit.setDate(QDate(2026, 3, 20))
    wiz.waitForPreview()  # the clients worth bringing are worked out off the UI thread
    wiz.refreshPreview()
    wiz.waitForPreview()
    return wiz  # closing it (qtbot) clears what it read


def test_the_wizard_shows_the_private_key_on_screen_only(wizard, client) -> None:
    assert wizard.packet is not None
    assert wizard.privateKey.isVisibleTo(wizard)
    assert f"Client A = {client.code}" in wizard.privateKeyText()
    assert client.code not in wizard.previewText()


def test_a_packet_is_private_and_never_written_through_a_symlink(
    wizard, vault, tmp_path, monkeypatch, emitted
) -> None:
    elsewhere = tmp_path / "elsewhere.pdf"
    elsewhere.write_bytes(b"not yours")
    link = tmp_path / "packet.pdf"
    link.symlink_to(elsewhere)
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    assert wizard.exportPdf(str(link)) is None
    assert asked == ["A file named packet.pdf already exists. Replace it?"]
    assert link.is_symlink() and elsewhere.read_bytes() == b"not yours"
    assert vault.packets() == [] and emitted == []

    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    assert wizard.exportPdf(str(link)) == link
    assert not link.is_symlink() and elsewhere.read_bytes() == b"not yours"
    assert link.read_bytes().startswith(b"%PDF")
    assert link.stat().st_mode & 0o777 == 0o600
    assert len(vault.packets()) == 1 and [c.packets for c in emitted] == [True]

    fresh = tmp_path / "fresh.pdf"
    assert wizard.exportPdf(str(fresh)) == fresh
    assert fresh.stat().st_mode & 0o777 == 0o600
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
