"""Errors the vault raises, each with a sentence fit to show a person as it is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from alliance_desktop.i18n import _

if TYPE_CHECKING:
    from alliance_desktop.vault.writer_lock import LockHolder


class VaultError(Exception):
    """Base of everything the vault can refuse or fail at."""


class VaultNotFoundError(VaultError):
    def __init__(self, path: object):
        super().__init__(f"There is no vault at {path}.")


class VaultExistsError(VaultError):
    def __init__(self, path: object):
        super().__init__(f"A file already exists at {path}; it was left untouched.")


class WrongPassphraseError(VaultError):
    """SQLCipher cannot tell a wrong key from random bytes, so neither can we."""

    def __init__(self) -> None:
        super().__init__("Wrong passphrase, or not a vault.")


class PassphraseChangedError(WrongPassphraseError):
    """The open vault was re-encrypted under another passphrase by another process."""

    def __init__(self) -> None:
        VaultError.__init__(
            self,
            "The passphrase of this vault was changed elsewhere (in another window or with "
            "alliance-cli passwd); lock it and unlock it with the new passphrase.",
        )


class NotEncryptedError(VaultError):
    def __init__(self, path: object):
        super().__init__(
            f"{path} is a plain SQLite database, not encrypted; it is not an Alliance Desktop vault."
        )


class NotAVaultError(VaultError):
    def __init__(self, path: object, reason: str | None = None):
        # ``reason`` replaces the default explanation when the file never opened at all
        # (a folder, an empty file): "opens with this passphrase" would be untrue there.
        super().__init__(
            f"{path} {reason or 'opens with this passphrase but'} is not an Alliance Desktop vault."
        )


class NewerVaultError(VaultError):
    def __init__(self, found: int, supported: int):
        super().__init__(
            f"This vault was written by a newer version of Alliance Desktop (schema {found}; "
            f"this version knows up to {supported}). Update the app to open it; nothing was changed."
        )


class MigrationError(VaultError):
    """The schema could not be brought up to date; the transaction was rolled back."""

    def __init__(self, found: int, target: int, detail: object):
        super().__init__(
            f"The vault could not be upgraded from schema {found} to {target} ({detail}). "
            "Nothing was changed."
        )


class VaultDamagedError(VaultError):
    """The file opened but its pages or structure are damaged."""


class WeakPassphraseError(VaultError):
    pass


class VaultLockedError(VaultError):
    def __init__(self) -> None:
        super().__init__("The vault is locked.")


class DiskFullError(VaultError):
    """A write ran out of space (or into a file-size limit); the transaction was undone."""

    def __init__(
        self,
        detail: str = "the disk is full or a file-size limit was reached",
        *,
        what: str = "The vault could not be written",
    ):
        super().__init__(
            f"{what}: {detail}. Nothing was saved and the vault is unchanged; "
            "free some disk space and try again."
        )


class RestoreError(VaultError):
    """A backup was refused before anything was replaced."""

    def __init__(self, backup: object, reason: str):
        super().__init__(f"{backup} was not restored: {reason}. The current vault was not touched.")


class VaultInUseError(VaultError):
    """The window's own background job (an export, a backup…) has the vault just now."""

    def __init__(self) -> None:
        super().__init__(
            _("The vault is busy with a task in progress; try again when it is done.")
        )


class VaultBusyError(VaultError):
    """Another writer holds the vault: another window or a CLI command, or SQLite's own lock.

    ``holder`` says who, when the writer lock beside the vault names them; it is None
    when SQLite itself reported the vault locked for longer than the busy timeout.
    """

    def __init__(self, holder: LockHolder | None = None):
        self.holder = holder
        if holder is None:
            message = "Another program is writing to this vault right now; try again in a moment."
        else:
            since = holder.since.astimezone().strftime("%H:%M")
            message = f"This vault is open in another window (since {since})."
        super().__init__(message)


class VaultReadOnlyError(VaultError):
    """The vault file, or the folder it lives in, cannot be written."""

    def __init__(self, detail: str = "the vault file or its folder is read-only"):
        super().__init__(
            f"The vault could not be written: {detail}. Nothing was saved; "
            "open it from a folder you can write to."
        )
