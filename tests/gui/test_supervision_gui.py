"""Prepare supervision in the real app: wizard, preview, export, past packets, redaction."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QPlainTextEdit, QPushButton

from alliance_desktop.domain.models import Reflection, Session
from alliance_desktop.gui.common.preferences import Preferences
from alliance_desktop.gui.common.theme import ThemeManager
from alliance_desktop.gui.shell.controller import AppController
from alliance_desktop.gui.supervision.clients import preselected_clients
from alliance_desktop.gui.supervision.wizard import SupervisionWizard
from alliance_desktop.reports.supervision import PacketOptions, build_packet
from alliance_desktop.vault import Vault
from alliance_desktop.vault.demo import create_demo_vault

PASS = "supervision gui passphrase"
TODAY = date(2026, 3, 20)
START, END = date(2026, 1, 1), TODAY
SECRET = "Kestrelbay"


@pytest.fixture
def vault_file(tmp_path: Path) -> Path:
    path = tmp_path / "demo.alliance"
    vault = create_demo_vault(path, PASS, clients=5, sessions=10, seed=4, today=TODAY)
    sessions = vault.sessions()
    first_client = sessions[0].client_id
    for s in sessions:
        if s.client_id == first_client and s.date >= START and not s.supervision:
            s.supervision = True
            s.reflection = Reflection("free", {"text": f"We met near {SECRET} and he went quiet."})
            vault.save_session(s)
            break
    practice = vault.add_practice_client("steady_ground")
    vault.save_session(Session(practice.id, date(2026, 3, 2), 3, 2, supervision=True,
                               reflection=Reflection("free", {"text": "practice words"})))  # fmt: skip
    vault.close()
    return path


@pytest.fixture
def app_window(vault_file: Path, tmp_path: Path, qtbot):
    app = QApplication.instance()
    prefs = Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    theme = ThemeManager(app, "light")
    ctl = AppController(app, vault_file, prefs, theme)
    ctl.start(Vault.open(vault_file, PASS))
    qtbot.waitUntil(lambda: ctl.window is not None and ctl.window.isVisible())
    yield ctl
    ctl.dispose()
    theme.deleteLater()


def _open_wizard(ctl) -> SupervisionWizard:
    w = ctl.window
    action = w.findChild(type(w.actionLock), "actionPrepareSupervision")
    assert action is not None and action.shortcut().toString() == "Ctrl+Shift+P"
    action.trigger()
    wizard = w.supervision.wizard
    assert wizard is not None and wizard.isVisible() and not wizard.isModal()
    wizard.fromEdit.setDate(QDate(START.year, START.month, START.day))
    wizard.toEdit.setDate(QDate(END.year, END.month, END.day))
    _settle(wizard)
    return wizard


def _settle(wizard: SupervisionWizard) -> None:
    """Wait for the preselection, then build the preview and wait for it."""
    wizard.waitForPreview()
    assert wizard.isReady()
    wizard.refreshPreview()
    assert wizard.waitForPreview()


def _codes(wizard: SupervisionWizard) -> set[str]:
    model = wizard.clientModel
    return {model.index(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(model.rowCount())}


def _pdf_text(path: Path) -> str:
    pypdf = pytest.importorskip("pypdf")
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(str(path)).pages)
    return unicodedata.normalize("NFC", re.sub(r"\s+", " ", text))


def test_clients_with_alerts_or_flags_are_preselected_practice_left_out(app_window):
    ctl = app_window
    wizard = _open_wizard(ctl)
    vault = ctl.vault
    clients, sessions = vault.clients(), vault.sessions()
    expected = preselected_clients(clients, sessions, START, END,
                                   scale=vault.client_rating_scale())  # fmt: skip
    practice = {c.id for c in clients if c.is_practice}
    flagged = {s.client_id for s in sessions if s.supervision and START <= s.date <= END}
    assert flagged - practice and flagged - practice <= set(expected)
    assert not practice & set(expected)
    assert set(wizard.chosenClientIds()) == set(expected)
    assert "Practice: Steady ground" not in _codes(wizard)
    wizard.practiceCheck.setChecked(True)
    _settle(wizard)
    assert "Practice: Steady ground" in _codes(wizard)  # listed when asked, still not ticked
    assert "Practice: Steady ground" not in wizard.chosenCodes()
    # Flagged reflections are ticked by default and show their first line.
    texts = wizard.sessionModel.texts()
    assert any("went quiet" in t and "flagged" in t for t in texts)
    assert wizard.chosenSessionIds() == frozenset(
        s.id for s in sessions if s.supervision and START <= s.date <= END
        and s.client_id in set(expected)
    )  # fmt: skip
    # Unticking every client leaves nothing to export (never "all clients" by accident).
    wizard.noClientsButton.click()
    assert wizard.options() is None
    wizard.refreshPreview()
    assert not wizard.exportButton.isEnabled()
    assert wizard.sessionModel.rowCount() == 0


def test_wizard_packet_equals_cli_packet_and_is_recorded(app_window, tmp_path: Path, qtbot):
    ctl = app_window
    wizard = _open_wizard(ctl)
    wizard.setStep(3)
    wizard.questionsEdit.setPlainText("Why does Client A go quiet?\n\nWhat do I own here?")
    _settle(wizard)
    options = wizard.options()
    assert options.questions == ("Why does Client A go quiet?", "What do I own here?")
    assert not options.identify and not options.absolute_dates
    # What the CLI builds for the same choices (it picks flagged sessions by default).
    cli_options = PacketOptions(date_from=START, date_to=END, clients=options.clients,
                                questions=options.questions)  # fmt: skip
    assert build_packet(ctl.vault, cli_options).html() == wizard.packet.html()
    assert "Why does Client A go quiet?" in wizard.previewText()
    assert SECRET in wizard.previewText()  # not on the redaction list yet

    out = tmp_path / "wizard.pdf"
    assert wizard.exportPdf(str(out)) == out
    assert out.exists() and (out.stat().st_mode & 0o777) == 0o600
    [record] = ctl.vault.packets()
    assert record.questions == options.questions
    assert (record.range_from, record.range_to) == (START, END)
    assert record.client_count == len(options.clients)
    # Listed as a past packet, with its questions, in the wizard and the dialog.
    tree = wizard.pastPackets.tree
    assert tree.topLevelItemCount() == 1
    assert "What do I own here?" in tree.topLevelItem(0).text(3)
    ctl.window.supervision.actionPastPackets.trigger()
    dialogs = [d for d in QApplication.topLevelWidgets()
               if d.objectName() == "pastPacketsDialog" and d.isVisible()]  # fmt: skip
    assert dialogs and "Why does Client A" in dialogs[0].view.tree.topLevelItem(0).text(3)
    dialogs[0].close()

    # The CLI writes the same text for the same options.
    if os.environ.get("ALLIANCE_SKIP_CLI_COMPARE"):
        return
    cli_out = tmp_path / "cli.pdf"
    args = [sys.executable, "-m", "alliance_desktop.cli", "--vault", str(ctl.vault_path),
            "--passphrase-stdin", "report", "--out", str(cli_out),
            "--from", START.isoformat(), "--to", END.isoformat()]  # fmt: skip
    for code in options.clients:
        args += ["--client", code]
    for q in options.questions:
        args += ["--question", q]
    proc = subprocess.run(args, input=PASS + "\n", capture_output=True, text=True, timeout=180,
                          env={k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"})  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert _pdf_text(cli_out) == _pdf_text(out)


def test_export_asks_through_file_dialogs_that_keep_no_history(app_window, monkeypatch, tmp_path):
    from alliance_desktop.gui.common import file_dialogs

    wizard = _open_wizard(app_window)
    seen = {}

    def fake(parent, caption, directory="", filter="", selected_filter=""):
        seen["parent"], seen["filter"] = parent, filter
        return str(tmp_path / "chosen"), filter

    def qt_static(*args, **kw):  # Qt's static dialog writes its history to QtProject.conf
        raise AssertionError("QFileDialog.getSaveFileName must not be used")

    monkeypatch.setattr(file_dialogs, "get_save_file_name", fake)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(qt_static))
    out = wizard.exportPdf()
    assert seen["parent"] is wizard and "*.pdf" in seen["filter"]
    assert out == tmp_path / "chosen.pdf" and out.exists()


def test_redaction_list_edited_in_settings_lands_in_vault_and_preview(app_window, qtbot):
    ctl = app_window
    wizard = _open_wizard(ctl)
    assert SECRET in wizard.previewText()
    assert "No words are redacted" in wizard.redactionStatus.text()

    def fill(dialog: QDialog) -> None:
        dialog.findChild(QPlainTextEdit, "redactionEdit").setPlainText(f"{SECRET}\n\n  Marlowe ")
        dialog.findChild(QPushButton, "okButton").click()

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, attempt)
            return
        fill(dialog)

    QTimer.singleShot(0, attempt)
    wizard.editRedactionButton.click()  # opens Settings (modal) and waits for it
    assert ctl.vault.setting("redaction_list") == [SECRET, "Marlowe"]
    assert "2 words or phrases are redacted" in wizard.redactionStatus.text()
    _settle(wizard)
    assert SECRET not in wizard.previewText()
    assert "[redacted]" in wizard.previewText()
    # Never in QSettings.
    ini = Path(ctl.prefs._settings.fileName())
    assert not ini.exists() or SECRET not in ini.read_text()


def test_lock_closes_the_wizard_and_forgets_its_preview(app_window, qtbot):
    ctl = app_window
    wizard = _open_wizard(ctl)
    assert wizard.previewText()
    ctl.lock()
    assert ctl.window.supervision.wizard is None
    assert not wizard.isVisible() or not wizard.previewText()
    for d in QApplication.topLevelWidgets():
        if isinstance(d, SupervisionWizard) and d.parent() is ctl.window:
            assert not d.isVisible()


def test_every_wizard_control_has_names(app_window):
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox

    wizard = _open_wizard(app_window)
    for cls in (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QPlainTextEdit):
        for widget in wizard.findChildren(cls):
            if widget.objectName().startswith("qt_") or not widget.isVisibleTo(wizard):
                continue
            if widget.parent() is not None and widget.parent().objectName().startswith("qt_"):
                continue
            assert widget.objectName(), widget
            assert widget.accessibleName(), widget.objectName()


def test_privacy_warning_says_what_is_no_longer_pseudonymised(app_window):
    wizard = _open_wizard(app_window)
    assert "pseudonymised" not in wizard.privacyWarning.text()
    wizard.identifyCheck.setChecked(True)
    assert wizard.privacyWarning.text().startswith(
        "⚠ This packet is not pseudonymised: clients' codes appear as written."
    )
    wizard.datesCheck.setChecked(True)
    assert "clients' codes and session dates appear as written" in wizard.privacyWarning.text()
    wizard.identifyCheck.setChecked(False)
    assert "session dates appear as calendar dates" in wizard.privacyWarning.text()
    assert "de-identif" not in wizard.privacyWarning.text().lower()


# -- issue 12: the small things ----------------------------------------------------------


def _mnemonic(text: str) -> str | None:
    m = re.search(r"&([^&])", text.replace("&&", ""))
    return m.group(1).lower() if m else None


def test_next_keeps_alt_n_and_no_step_repeats_a_mnemonic(app_window):
    from PySide6.QtWidgets import QAbstractButton, QLabel

    wizard = _open_wizard(app_window)
    assert _mnemonic(wizard.nextButton.text()) == "n"
    assert _mnemonic(wizard.noClientsButton.text()) != "n"
    for step in range(wizard.STEPS):
        wizard.setStep(step)
        seen: dict[str, str] = {}
        for widget in wizard.findChildren(QAbstractButton) + wizard.findChildren(QLabel):
            if not widget.isVisibleTo(wizard):
                continue
            if isinstance(widget, QLabel) and widget.buddy() is None:
                continue
            key = _mnemonic(widget.text())
            if key is None:
                continue
            assert key not in seen, (step, key, seen[key], widget.objectName())
            seen[key] = widget.objectName()


def test_the_file_name_offered_carries_the_period(app_window, monkeypatch):
    from alliance_desktop.gui.common import file_dialogs

    wizard = _open_wizard(app_window)
    offered = {}

    def fake(parent, caption, directory="", filter="", selected_filter=""):
        offered["name"] = Path(directory).name
        return "", filter

    monkeypatch.setattr(file_dialogs, "get_save_file_name", fake)
    assert wizard.exportPdf() is None  # cancelled
    assert offered["name"] == f"supervision-{START.isoformat()}-to-{END.isoformat()}.pdf"


def test_preview_charts_are_drawn_at_the_screen_pixel_ratio(app_window):
    from alliance_desktop.app import packets
    from alliance_desktop.gui.supervision.preview import PreviewJob, _Signals

    wizard = _open_wizard(app_window)
    previewer = wizard.previewer
    assert previewer.charts_total and previewer.charts_drawn == previewer.charts_total
    name, (width, height) = next(iter(previewer.chartBoxes().items()))
    image = previewer.chartImage(name)
    ratio = wizard.preview.devicePixelRatioF()
    assert image.devicePixelRatio() == ratio
    # Exactly the box's device pixels: never a smaller bitmap stretched into it.
    assert (image.width(), image.height()) == (round(width * ratio), round(height * ratio))
    # On a 2x screen the bitmap has twice the pixels in each direction.
    signals = _Signals()
    got: list[QImage] = []
    signals.chart.connect(lambda _g, name, image, _d, _t: got.append(image))
    job = PreviewJob(1, packets.read_source(app_window.vault), wizard.options(), signals,
                     width_px=width, pixel_ratio=2.0)  # fmt: skip
    job.setAutoDelete(False)
    job.unpaced.set()  # nobody shows them: no waiting for the UI
    job.run()
    QApplication.processEvents()
    sharp = got[0]
    # The box at twice its pixels, ready to show: the UI thread decodes nothing.
    assert sharp.devicePixelRatio() == 2.0
    assert (sharp.width(), sharp.height()) == (round(2 * width), round(2 * height))
    # The chart is drawn at twice its pixels across the box, not at once its size.
    bits = sharp.convertToFormat(QImage.Format.Format_Grayscale8)
    inked = [x for x in range(0, bits.width(), 4)
             if any(bits.pixelColor(x, y).value() < 200 for y in range(0, bits.height(), 4))]  # fmt: skip
    assert inked and inked[-1] - inked[0] > 1.5 * width


# -- issue 15: the wizard at scale -------------------------------------------------------


def test_opening_the_wizard_draws_no_figure_on_the_ui_thread(app_window, monkeypatch):
    import threading

    from matplotlib.figure import Figure

    made: list[bool] = []
    original = Figure.__init__

    def spy(self, *args, **kwargs):
        made.append(threading.current_thread() is threading.main_thread())
        original(self, *args, **kwargs)

    monkeypatch.setattr(Figure, "__init__", spy)
    wizard = _open_wizard(app_window)
    assert wizard.previewer.charts_drawn > 0 and made
    assert not any(made), "a figure was built on the UI thread"


def test_ticking_a_client_changes_its_rows_only_and_reads_nothing(app_window, monkeypatch):
    ctl = app_window
    wizard = _open_wizard(ctl)
    reads: list[str] = []
    for name in ("sessions", "clients", "session", "client", "typed_settings", "packets"):
        real = getattr(ctl.vault, name)
        monkeypatch.setattr(ctl.vault, name,
                            lambda *a, _n=name, _r=real, **k: (reads.append(_n), _r(*a, **k))[1])  # fmt: skip
    resets, inserted, removed = [], [], []
    model = wizard.sessionModel
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _p, first, last: inserted.append(last - first + 1))
    model.rowsRemoved.connect(lambda _p, first, last: removed.append(last - first + 1))
    clients = wizard.clientModel
    before = model.rowCount()
    ticked_before = set(wizard.chosenSessionIds())
    row = next(i for i in range(clients.rowCount())
               if clients.isTicked(clients.index(i).data(Qt.ItemDataRole.UserRole))
               and model._by_client.get(clients.index(i).data(Qt.ItemDataRole.UserRole)))  # fmt: skip
    index = clients.index(row)
    assert clients.setData(index, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    [block] = removed
    assert block > 0 and model.rowCount() == before - block and not resets
    assert wizard.chosenSessionIds() <= ticked_before  # the other ticks stay
    assert clients.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert inserted == [block] and model.rowCount() == before and not resets
    assert wizard.chosenSessionIds() == ticked_before
    _settle(wizard)
    assert reads == [], reads


def test_the_preview_builds_off_the_ui_thread_with_progress_and_stop(
    app_window, monkeypatch, qtbot
):
    import threading

    from alliance_desktop.app import packets
    from alliance_desktop.gui.supervision import preview as preview_module

    wizard = _open_wizard(app_window)
    threads: list[bool] = []
    real_build = packets.build_from

    def build(source, options):
        threads.append(threading.current_thread() is threading.main_thread())
        return real_build(source, options)

    gate = threading.Event()
    real_image = preview_module.PreviewJob._image

    def slow_image(self, *args):
        gate.wait(10)  # hold the worker on its first chart
        return real_image(self, *args)

    monkeypatch.setattr(packets, "build_from", build)
    monkeypatch.setattr(preview_module.PreviewJob, "_image", slow_image)
    previewer = wizard.previewer
    with qtbot.waitSignal(previewer.textShown, timeout=20000):
        wizard.refreshPreview()
    assert threads == [False] and previewer.charts_total > 0
    assert previewer.isBusy()
    assert wizard.ui.previewProgress.isVisibleTo(wizard)
    assert wizard.ui.previewCancelButton.isVisibleTo(wizard)
    assert "Drawing charts" in wizard.previewState.text()
    assert "went quiet" in wizard.previewText() or wizard.previewer.pendingSections()
    wizard.ui.previewCancelButton.click()
    gate.set()
    assert wizard.waitForPreview()
    assert not previewer.isBusy()
    assert not wizard.ui.previewProgress.isVisibleTo(wizard)
    assert "stopped" in wizard.previewState.text()
    assert previewer.charts_drawn < previewer.charts_total
    assert wizard.previewText()  # what was shown stays
    assert wizard.exportButton.isEnabled()  # the PDF does not depend on the preview


def test_export_shows_progress_and_stop_leaves_no_file_and_no_record(
    app_window, tmp_path, monkeypatch
):
    """The packet is written by a background job (the window keeps painting, see
    test_no_stall15_packet_export) that reports each section it lays out, and a Cancel
    after the first stops it with nothing left behind."""
    from alliance_desktop.gui.common import background

    wizard = _open_wizard(app_window)
    seen: list[tuple[int, int]] = []
    titles: list[str] = []
    real_report, real_init = background.Job.report, background.ProgressDialog.__init__

    def report(self, done, total, text=""):
        real_report(self, done, total, text)  # raises Cancelled once cancelled
        seen.append((done, total))
        if len(seen) == 1 and stop:
            self.cancel()  # as the dialog's Cancel does

    def dialog(self, job, parent, title, label):
        titles.append(title)
        real_init(self, job, parent, title, label)

    monkeypatch.setattr(background.Job, "report", report)
    monkeypatch.setattr(background.ProgressDialog, "__init__", dialog)
    stop = True
    folder = tmp_path / "packets"
    folder.mkdir()
    out = folder / "stopped.pdf"
    assert wizard.exportPdf(str(out)) is None
    assert not out.exists() and app_window.vault.packets() == []
    assert not list(folder.iterdir())  # no partial file either
    assert "stopped" in wizard.exportResult.text()
    assert seen == [seen[0]] and seen[0][1] > 1  # sections counted; none after Cancel
    assert titles == ["Export supervision packet"]  # its progress dialog, with Cancel
    # And without Cancel the same export writes the file, reporting every section.
    seen.clear()
    stop = False
    assert wizard.exportPdf(str(out)) == out and len(app_window.vault.packets()) == 1
    assert [done for done, _total in seen] == list(range(1, seen[0][1] + 1))


def test_each_client_page_opens_its_own_heading_after_the_lenses(app_window):
    """The preview lays client pages in after the cover; each heading used to join the
    block before it ("… shapes the work? Client A", "… in the period. Client B")."""
    wizard = _open_wizard(app_window)
    wizard.previewer.flush()
    doc = wizard.previewer.doc
    assert doc is not None
    labels = [c.label for c in wizard.packet.clients]
    assert labels
    block, headings = doc.begin(), []
    while block.isValid():
        if block.blockFormat().headingLevel() == 2 and block.textList() is None:
            headings.append(block.text())
        block = block.next()
    assert set(labels) <= set(headings)  # each a heading of its own, in no list
