"""Errors the vault raises, each with a sentence fit to show a person as it is.

The sentences are in the current language (``alliance_desktop.i18n``). Some callers
pass a fixed English fragment (a restore ``reason``, a write ``detail``); those are
listed in :data:`_FRAGMENTS` so they are translated too, while a fragment carrying a
driver message passes through as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from alliance_desktop.i18n import N_, _

if TYPE_CHECKING:
    from alliance_desktop.vault.writer_lock import LockHolder


#: NotAVaultError's sentence for each reason the opener gives (vault/connection.py).
_NOT_A_VAULT = {
    "is a folder, so it": N_("{path} is a folder, so it is not an Alliance Desktop vault."),
    "is an empty file, so it": N_(
        "{path} is an empty file, so it is not an Alliance Desktop vault."
    ),
    "is a text file, so it": N_("{path} is a text file, so it is not an Alliance Desktop vault."),
    "is too small to be a vault, so it": N_(
        "{path} is too small to be a vault, so it is not an Alliance Desktop vault."
    ),
}

#: Fixed fragments other modules pass in (restore reasons, write details), for extraction.
_FRAGMENTS = (
    N_("the disk is full or a file-size limit was reached"),
    N_("The vault could not be written"),
    N_("The backup could not be written"),
    N_("the vault file or its folder is read-only"),
    N_(
        "the disk reported an input/output error (it may be full, a file-size limit "
        "may have been reached, or the disk may be failing)"
    ),
    N_(
        "it does not open with this passphrase (a wrong passphrase, a damaged first page, "
        "or not an Alliance Desktop backup)"
    ),
    N_("it is not an Alliance Desktop backup"),
    N_("it was written by a newer version of the app"),
)


class VaultError(Exception):
    """Base of everything the vault can refuse or fail at."""


class VaultNotFoundError(VaultError):
    def __init__(self, path: object):
        super().__init__(_("There is no vault at {path}.").format(path=path))


class VaultExistsError(VaultError):
    def __init__(self, path: object):
        super().__init__(
            _("A file already exists at {path}; it was left untouched.").format(path=path)
        )


class WrongPassphraseError(VaultError):
    """SQLCipher cannot tell a wrong key from random bytes, so neither can we."""

    def __init__(self) -> None:
        super().__init__(_("Wrong passphrase, or not a vault."))


class PassphraseChangedError(WrongPassphraseError):
    """The open vault was re-encrypted under another passphrase by another process."""

    def __init__(self) -> None:
        VaultError.__init__(
            self,
            _(
                "The passphrase of this vault was changed elsewhere (in another window or with "
                "alliance-cli passwd); lock it and unlock it with the new passphrase."
            ),
        )


class NotEncryptedError(VaultError):
    def __init__(self, path: object):
        super().__init__(
            _(
                "{path} is a plain SQLite database, not encrypted; it is not an Alliance "
                "Desktop vault."
            ).format(path=path)
        )


class NotAVaultError(VaultError):
    def __init__(self, path: object, reason: str | None = None):
        # ``reason`` replaces the default explanation when the file never opened at all
        # (a folder, an empty file): "opens with this passphrase" would be untrue there.
        if reason is None:
            text = _("{path} opens with this passphrase but is not an Alliance Desktop vault.")
        else:
            text = _(_NOT_A_VAULT.get(reason, "{path} {reason} is not an Alliance Desktop vault."))
        super().__init__(text.format(path=path, reason=reason))


class NewerVaultError(VaultError):
    def __init__(self, found: int, supported: int):
        super().__init__(
            _(
                "This vault was written by a newer version of Alliance Desktop (schema {found}; "
                "this version knows up to {supported}). Update the app to open it; nothing was "
                "changed."
            ).format(found=found, supported=supported)
        )


class MigrationError(VaultError):
    """The schema could not be brought up to date; the transaction was rolled back."""

    def __init__(self, found: int, target: int, detail: object):
        super().__init__(
            _(
                "The vault could not be upgraded from schema {found} to {target} ({detail}). "
                "Nothing was changed."
            ).format(found=found, target=target, detail=detail)
        )


class VaultDamagedError(VaultError):
    """The file opened but its pages or structure are damaged."""


class WeakPassphraseError(VaultError):
    pass


class VaultLockedError(VaultError):
    def __init__(self) -> None:
        super().__init__(_("The vault is locked."))


class DiskFullError(VaultError):
    """A write ran out of space (or into a file-size limit); the transaction was undone."""

    def __init__(
        self,
        detail: str = "the disk is full or a file-size limit was reached",
        *,
        what: str = "The vault could not be written",
    ):
        super().__init__(
            _(
                "{what}: {detail}. Nothing was saved and the vault is unchanged; free some disk "
                "space and try again."
            ).format(what=_(what), detail=_(detail))
        )


class RestoreError(VaultError):
    """A backup was refused before anything was replaced."""

    def __init__(self, backup: object, reason: str):
        super().__init__(
            _("{backup} was not restored: {reason}. The current vault was not touched.").format(
                backup=backup, reason=_(reason)
            )
        )


class VaultInUseError(VaultError):
    """The window's own background job (an export, a backup…) has the vault just now."""

    def __init__(self) -> None:
        super().__init__(_("The vault is busy with a task in progress; try again when it is done."))


class VaultBusyError(VaultError):
    """Another writer holds the vault: another window or a CLI command, or SQLite's own lock.

    ``holder`` says who, when the writer lock beside the vault names them; it is None
    when SQLite itself reported the vault locked for longer than the busy timeout.
    """

    def __init__(self, holder: LockHolder | None = None):
        self.holder = holder
        if holder is None:
            message = _(
                "Another program is writing to this vault right now; try again in a moment."
            )
        else:
            since = holder.since.astimezone().strftime("%H:%M")
            message = _("This vault is open in another window (since {since}).").format(since=since)
        super().__init__(message)


class VaultReadOnlyError(VaultError):
    """The vault file, or the folder it lives in, cannot be written."""

    def __init__(self, detail: str = "the vault file or its folder is read-only"):
        super().__init__(
            _(
                "The vault could not be written: {detail}. Nothing was saved; open it from a "
                "folder you can write to."
            ).format(detail=_(detail))
        )
