"""Help › Keyboard shortcuts and Help › About your data.

The shortcut table is built from the live QActions, so it can never drift from the
menus. "About your data" tells the user where the file is and how to reach it without
us: a private notebook should not hold its owner's notes hostage.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTableWidgetItem,
    QWidget,
)

from alliance_desktop.gui.common.accessibility import mark_heading
from alliance_desktop.gui.common.feedback import repolish_roles
from alliance_desktop.gui.forms.ui_about_data_dialog import Ui_AboutDataDialog
from alliance_desktop.gui.forms.ui_shortcuts_dialog import Ui_ShortcutsDialog


def plain_action_text(action: QAction) -> str:
    """The menu text without mnemonic ampersands ("&&" stays a literal "&")."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…")


def _name_close(buttons: QDialogButtonBox, name: str) -> None:
    close = buttons.button(QDialogButtonBox.StandardButton.Close)
    close.setObjectName("closeButton")
    close.setAccessibleName(name)


def _native(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


class ShortcutsDialog(QDialog):
    """A two-column table: what the action does, and its shortcut in the platform's notation.

    Every QAction with a shortcut, then the keys of the session editor that are not
    menu actions (Ctrl+S, Ctrl+Enter, Esc, digits for ratings, type-to-find lists)."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_ShortcutsDialog()
        self.ui.setupUi(self)
        native = QKeySequence.SequenceFormat.NativeText
        rows: list[tuple[str, str]] = [
            (
                plain_action_text(a),
                self.tr(", ").join(s.toString(native) for s in a.shortcuts()),
            )
            for a in actions
            if a.shortcuts() and not a.isSeparator()
        ]
        taken = {keys for _text, keys in rows}
        rows += [row for row in self.editorRows() if row[1] not in taken]
        self.table = self.ui.shortcutsTable
        self.table.setRowCount(len(rows))
        for row, (text, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(text))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        _name_close(self.ui.buttonBox, self.tr("Close"))
        self.ui.buttonBox.rejected.connect(self.reject)

        # Tall enough for every row without scrolling (up to 16), in the style's units.
        shown = min(max(len(rows), 1), 16)
        table_height = (
            self.table.verticalHeader().defaultSectionSize() * shown
            + self.table.horizontalHeader().sizeHint().height()
            + 2 * self.table.frameWidth()
        )
        self.table.setMinimumHeight(table_height)
        # Wide enough for the longest description (no "…"), within 64-110 characters.
        char = self.fontMetrics().averageCharWidth()
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        content = header.sectionSize(0) + header.sectionSize(1)
        chrome = 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width()
        margins = self.ui.shortcutsLayout.contentsMargins()
        wanted = content + chrome + margins.left() + margins.right() + char * 2
        self.resize(min(max(wanted, char * 64), char * 110), self.sizeHint().height())
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def editorRows(self) -> list[tuple[str, str]]:
        """The session editor's own keys (shortcuts of the editor, not menu actions)."""
        return [
            (self.tr("Save the session"), _native("Ctrl+S")),
            (
                self.tr("Save from any box, goals and reflection included"),
                _native("Ctrl+Return"),
            ),
            (self.tr("Leave the editor (the draft is kept) or close a dialog"), _native("Esc")),
            (self.tr("Give a rating: type its number"), self.tr("0 … 10")),
            (self.tr("Clear an optional rating"), _native("Del")),
            (
                self.tr("In a list of ticks: type a few letters, then tick the first match"),
                _native("Return"),
            ),
            (
                self.tr("Lock now; type the passphrase straight away to come back"),
                _native("Ctrl+L"),
            ),
        ]

    def rows(self) -> list[tuple[str, str]]:
        """What the table shows, row by row (for tests and screen-reader checks)."""

        def cell(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""

        return [(cell(r, 0), cell(r, 1)) for r in range(self.table.rowCount())]


class AboutDataDialog(QDialog):
    """Where the vault is, how it is encrypted, how to back it up and open it elsewhere."""

    def __init__(self, vault_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_AboutDataDialog()
        self.ui.setupUi(self)
        self._path = Path(vault_path)
        mark_heading(self.ui.aboutDataTitle, 1)

        self.browser = self.ui.aboutDataText
        self.browser.setHtml(self._html())

        copy = QPushButton(self.tr("&Copy vault location"), self)
        copy.setObjectName("copyPathButton")
        copy.setAccessibleName(self.tr("Copy vault location"))
        copy.clicked.connect(self._copy_path)
        self.ui.buttonBox.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        _name_close(self.ui.buttonBox, self.tr("Close"))
        self.ui.buttonBox.rejected.connect(self.reject)
        repolish_roles(self)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 90, metrics.height() * 34)

    def _copy_path(self) -> None:
        QGuiApplication.clipboard().setText(str(self._path))

    def _html(self) -> str:
        path = html.escape(str(self._path))
        sections = [
            (
                self.tr("Where it is"),
                self.tr(
                    "Everything you write is kept in one file on this computer:"
                    "<br><tt>{path}</tt><br>"
                    "Nothing is sent anywhere; the app never connects to a network."
                ).format(path=path),
            ),
            (
                self.tr("How it is protected"),
                self.tr(
                    "The file is an SQLite database encrypted with SQLCipher 4 using its "
                    "default settings: AES-256 for every page, a key derived from your "
                    "passphrase with PBKDF2-HMAC-SHA512 (256,000 iterations), and an "
                    "HMAC-SHA512 check on every page. Without the passphrase the file is "
                    "unreadable, to us as much as to anyone."
                ),
            ),
            (
                self.tr("Backing it up"),
                self.tr(
                    "Use the app's backup command, or run this in a terminal:"
                    "<pre>alliance-cli backup --out FILE</pre>A backup is a verified, "
                    "encrypted copy that opens with the same passphrase. Keep one copy on "
                    "another drive and refresh it regularly."
                ),
            ),
            (
                self.tr("Beside it"),
                self.tr(
                    "Two small files may sit next to the vault, and neither holds anything "
                    "you wrote: <tt>{name}.lock</tt> names the computer, process and time "
                    "of the window (or command) that has the vault open for writing, so a "
                    "second one is refused instead of overwriting its drafts; "
                    "<tt>{name}.attempts</tt> counts wrong passphrases, so the wait after "
                    "repeated guesses survives a restart and is shared with "
                    "<tt>alliance-cli</tt>. Locking the app empties the window and the "
                    "clipboard (if it still holds what you copied from the app) before the "
                    "vault is closed."
                ).format(name=html.escape(self._path.name)),
            ),
            (
                self.tr("Opening it with another tool"),
                self.tr(
                    "Work on a copy, with Alliance Desktop closed, so nothing can change the "
                    "original. In <b>DB Browser for SQLite</b> (the SQLCipher edition), open "
                    "the copy, choose <i>SQLCipher 4 defaults</i> as the encryption settings "
                    "and enter your passphrase. With the <b>sqlcipher</b> command-line shell, "
                    "open the copy and type<pre>PRAGMA key = '…';</pre>with your "
                    "passphrase between the quotes (a quote inside it is written twice), "
                    "then query the tables as usual."
                ),
            ),
            (
                self.tr("If you forget the passphrase"),
                self.tr(
                    "There is no way back: no reset, no recovery key, no copy of the "
                    "passphrase anywhere. Backups use the same passphrase, so they cannot "
                    "help either. Keep the passphrase in a password manager or another "
                    "safe place."
                ),
            ),
        ]
        return "".join(f"<h3>{heading}</h3><p>{body}</p>" for heading, body in sections)
