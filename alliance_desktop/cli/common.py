"""What every alliance-cli command shares: passphrase input, opening the vault as a
reader or a writer, output, argument types and the exit-code ladder.

Commands only parse, ask and present; the work is done by the use cases in ``app/``.
Every failure becomes one plain sentence on stderr and an exit status; a traceback
never reaches the user, because it could carry vault content.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import BinaryIO

from alliance_desktop.app import access
from alliance_desktop.app.errors import OutputError, OutputExistsError
from alliance_desktop.domain.errors import ValidationError
from alliance_desktop.domain.validation import parse_day
from alliance_desktop.i18n import N_, _, current_language, format_number
from alliance_desktop.reports.importer import UnsupportedFileError
from alliance_desktop.reports.supervision import PacketError
from alliance_desktop.vault.errors import (
    RestoreError,
    VaultBusyError,
    VaultDamagedError,
    VaultError,
    VaultNotFoundError,
    WeakPassphraseError,
    WrongPassphraseError,
)
from alliance_desktop.vault.location import resolve_vault_path
from alliance_desktop.vault.store import Vault
from alliance_desktop.vault.throttle import delay_for
from alliance_desktop.vault.writer_lock import WriterLock

PROG = "alliance-cli"

OK, FAILED, USAGE, WRONG_PASSPHRASE, BUSY, INTERRUPTED = 0, 1, 2, 3, 4, 130

#: Marked for translation; shown with ``_(NO_TERMINAL).format(prog=PROG)``.
NO_TERMINAL = N_(
    "There is no terminal to ask for the passphrase on. Give it on standard input "
    "instead, one line per passphrase, with --passphrase-stdin (for example "
    "{prog} --passphrase-stdin verify < passphrase-file)."
)


#: The passphrase verdicts (vault.passphrase) as words in the current language.
_STRENGTH = {
    "too short": N_("too short"),
    "common": N_("common"),
    "too simple": N_("too simple"),
    "weak": N_("weak"),
    "fair": N_("fair"),
    "strong": N_("strong"),
    "very strong": N_("very strong"),
}


def strength_label(label: str) -> str:
    """A passphrase verdict's label ("fair", "strong") in the current language."""
    return _(_STRENGTH.get(label, label))


#: How a command module adds its sub-command: ``add(name, run, help) -> parser``.
Add = Callable[[str, Callable[..., int], str], argparse.ArgumentParser]


class UsageError(Exception):
    """Bad input from the user (exit 2), with a sentence to show as it is."""


class Failure(Exception):
    """The operation failed (exit 1), with a sentence to show as it is."""


# -- output ------------------------------------------------------------------------


def out(text: str = "") -> None:
    print(text, file=sys.stdout)


def err(text: str) -> None:
    print(text, file=sys.stderr)


def stdout_bytes() -> BinaryIO:
    return sys.stdout.buffer


# -- passphrases -------------------------------------------------------------------


def terminal_available() -> bool:
    """Whether a hidden prompt can be shown: the process has a terminal (``/dev/tty``,
    as getpass uses it) or standard input is one."""
    try:
        fd = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
    except OSError:
        try:
            return sys.stdin is not None and sys.stdin.isatty()
        except (AttributeError, ValueError, OSError):
            return False
    os.close(fd)
    return True


def _hidden(prompt: str) -> str:
    if not terminal_available():
        raise UsageError(NO_TERMINAL)
    with warnings.catch_warnings():
        # getpass falls back to echoing on stdin with a GetPassWarning: never that.
        warnings.simplefilter("error", getpass.GetPassWarning)
        try:
            return getpass.getpass(prompt)
        except getpass.GetPassWarning:
            raise UsageError(_(NO_TERMINAL).format(prog=PROG)) from None
        except EOFError:
            raise UsageError(_("The input ended before a passphrase was given.")) from None


class Passphrases:
    """Where passphrases come from: lines of stdin, or a hidden prompt."""

    def __init__(self, from_stdin: bool, stdin: BinaryIO | None = None):
        self.from_stdin = from_stdin
        self._stdin = stdin
        self._lines_read = 0

    def _line(self, what: str) -> str:
        # Bytes decoded as UTF-8, whatever the locale: the same passphrase must open
        # the vault from any terminal or script. Only the line ending is removed;
        # spaces are part of a passphrase.
        raw = (self._stdin or sys.stdin.buffer).readline()
        self._lines_read += 1
        line = self._lines_read
        if not raw:
            raise UsageError(
                _("Expected the {what} on line {n} of standard input, but the input ended.").format(
                    what=what, n=line
                )
            )
        try:
            text = raw.decode("utf-8").removesuffix("\n").removesuffix("\r")
        except UnicodeDecodeError:
            raise UsageError(
                _("The {what} on line {n} of standard input is not valid UTF-8.").format(
                    what=what, n=line
                )
            ) from None
        if not text:
            raise UsageError(
                _("The {what} on line {n} of standard input is empty.").format(what=what, n=line)
            )
        if "\x00" in text:
            raise UsageError(
                _("The {what} on line {n} of standard input contains a NUL character.").format(
                    what=what, n=line
                )
            )
        return text

    def current(self) -> str:
        """The passphrase of an existing vault."""
        if self.from_stdin:
            return self._line(_("passphrase"))
        text = _hidden(_("Passphrase: "))
        if not text:
            raise UsageError(_("No passphrase was given."))
        return text

    def new(self, prompt: str = N_("New passphrase")) -> str:
        """A passphrase for a new vault or a rekey: asked twice when typed, once when piped.

        *prompt* is an English msgid (marked with ``N_``); it is shown translated."""
        shown = _(prompt)
        if self.from_stdin:
            return self._line(shown.lower() if current_language() != "de" else shown)
        first = _hidden(_("{prompt}: ").format(prompt=shown))
        if not first:
            raise UsageError(_("No passphrase was given."))
        second = _hidden(_("{prompt} (again): ").format(prompt=shown))
        if first != second:
            raise UsageError(_("The two passphrases do not match; nothing was changed."))
        return first


# -- opening the vault ---------------------------------------------------------------


def vault_path(args: argparse.Namespace) -> Path:
    return resolve_vault_path(args.vault)


def refuse_busy(path: Path) -> None:
    """A writer stops before asking for a passphrase when another writer holds the vault."""
    holder = WriterLock.holder(path)
    if holder is not None:
        raise VaultBusyError(holder)


def say_throttle(path: Path) -> None:
    """After repeated wrong passphrases, say so (and how long this try waits)."""
    failed = access.failures(path)
    if delay_for(failed) > 0:
        seconds = access.seconds_to_wait(path)
        err(
            _("{n} wrong passphrases in a row: waiting {seconds} s before trying.").format(
                n=failed, seconds=format_number(seconds, 1)
            )
        )


def unlock(path: Path, passphrase: str, *, writer: bool) -> Vault:
    """``app.access.unlock``, saying first when the throttle makes it wait."""
    say_throttle(path)
    return access.unlock(path, passphrase, writer=writer)


@contextmanager
def opened(args: argparse.Namespace, passphrases: Passphrases, *, writer: bool) -> Iterator[Vault]:
    """The vault named by ``--vault``, unlocked as a writer (holding the writer lock)
    or a reader; closed (and the lock released) on the way out."""
    path = vault_path(args)
    if not path.exists():
        raise VaultNotFoundError(path)  # before asking for a passphrase that cannot help
    if writer:
        refuse_busy(path)
    vault = unlock(path, passphrases.current(), writer=writer)
    try:
        yield vault
    finally:
        access.close(vault)


# -- argument types ----------------------------------------------------------------


def count(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                _("{text!r} is not a whole number").format(text=text)
            ) from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                _("must be from {low} to {high}").format(low=low, high=high)
            )
        return value

    return parse


def day(text: str) -> date:
    """A YYYY-MM-DD date (``parse_day``); argparse names the option in its message."""
    try:
        return parse_day(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a date in the form YYYY-MM-DD").format(text=text)
        ) from None


def out_path(text: str) -> Path:
    return Path(text).expanduser()


# -- the exit-code ladder ----------------------------------------------------------


def _restore_hint() -> str:
    return " " + _("To put a backup back: {prog} restore BACKUP").format(prog=PROG)


def exit_status(exc: BaseException) -> int:
    """Say ``exc`` in one plain sentence on stderr and return the exit status for it."""
    if isinstance(exc, KeyboardInterrupt):
        return INTERRUPTED
    if isinstance(exc, WrongPassphraseError) or (
        isinstance(exc, RestoreError) and isinstance(exc.__cause__, WrongPassphraseError)
    ):  # a backup that does not open with the passphrase given: like every wrong one
        err(str(exc))
        return WRONG_PASSPHRASE
    if isinstance(exc, VaultBusyError):
        err(str(exc))
        return BUSY
    if isinstance(exc, VaultNotFoundError):
        err(_("{problem} Create one with: {prog} init").format(problem=exc, prog=PROG))
        return FAILED
    if isinstance(exc, WeakPassphraseError | UsageError | UnsupportedFileError | PacketError):
        err(str(exc))
        return USAGE
    if isinstance(exc, ValidationError):
        for problem in exc.problems:
            err(str(problem))
        return USAGE
    if isinstance(exc, VaultDamagedError):
        err(f"{exc}{_restore_hint()}")
        return FAILED
    if isinstance(exc, OutputExistsError):
        err(_("A file already exists at {path}; it was left untouched.").format(path=exc.path))
        return FAILED
    if isinstance(exc, VaultError | Failure | OutputError):
        err(str(exc))
        return FAILED
    if isinstance(exc, BrokenPipeError):
        # The reader went away (`export ... | head`): nothing to say, and the closed
        # pipe must not make Python complain at exit while flushing stdout.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return FAILED
    if isinstance(exc, FileExistsError):
        err(_("A file already exists at {path}; it was left untouched.").format(path=exc.filename))
        return FAILED
    if isinstance(exc, OSError):
        reason = exc.strerror or _("input/output error")
        if exc.filename:
            err(
                _("Could not read or write {path}: {reason}.").format(
                    path=exc.filename, reason=reason
                )
            )
        else:
            err(_("Could not read or write: {reason}.").format(reason=reason))
        return FAILED
    # Never a traceback, and never the message: it could carry vault content.
    err(
        _("{prog} stopped after an unexpected internal error ({name}).").format(
            prog=PROG, name=type(exc).__name__
        )
    )
    return FAILED


__all__ = [
    "BUSY",
    "FAILED",
    "INTERRUPTED",
    "OK",
    "PROG",
    "USAGE",
    "WRONG_PASSPHRASE",
    "Add",
    "Failure",
    "Passphrases",
    "UsageError",
    "count",
    "day",
    "err",
    "exit_status",
    "opened",
    "out",
    "strength_label",
    "terminal_available",
    "unlock",
]
