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

NO_TERMINAL = (
    "There is no terminal to ask for the passphrase on. Give it on standard input "
    f"instead, one line per passphrase, with --passphrase-stdin (for example "
    f"{PROG} --passphrase-stdin verify < passphrase-file)."
)


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
            raise UsageError(NO_TERMINAL) from None
        except EOFError:
            raise UsageError("The input ended before a passphrase was given.") from None


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
        where = f"line {self._lines_read} of standard input"
        if not raw:
            raise UsageError(f"Expected the {what} on {where}, but the input ended.")
        try:
            text = raw.decode("utf-8").removesuffix("\n").removesuffix("\r")
        except UnicodeDecodeError:
            raise UsageError(f"The {what} on {where} is not valid UTF-8.") from None
        if not text:
            raise UsageError(f"The {what} on {where} is empty.")
        if "\x00" in text:
            raise UsageError(f"The {what} on {where} contains a NUL character.")
        return text

    def current(self) -> str:
        """The passphrase of an existing vault."""
        if self.from_stdin:
            return self._line("passphrase")
        text = _hidden("Passphrase: ")
        if not text:
            raise UsageError("No passphrase was given.")
        return text

    def new(self, prompt: str = "New passphrase") -> str:
        """A passphrase for a new vault or a rekey: asked twice when typed, once when piped."""
        if self.from_stdin:
            return self._line(prompt.lower())
        first = _hidden(f"{prompt}: ")
        if not first:
            raise UsageError("No passphrase was given.")
        second = _hidden(f"{prompt} (again): ")
        if first != second:
            raise UsageError("The two passphrases do not match; nothing was changed.")
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
        err(f"{failed} wrong passphrases in a row: waiting {seconds:.3g} s before trying.")


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
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be from {low} to {high}")
        return value

    return parse


def day(text: str) -> date:
    """A YYYY-MM-DD date (``parse_day``); argparse names the option in its message."""
    try:
        return parse_day(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None


def out_path(text: str) -> Path:
    return Path(text).expanduser()


# -- the exit-code ladder ----------------------------------------------------------


def _restore_hint() -> str:
    return f" To put a backup back: {PROG} restore BACKUP"


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
        err(f"{exc} Create one with: {PROG} init")
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
        err(f"A file already exists at {exc.path}; it was left untouched.")
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
        err(f"A file already exists at {exc.filename}; it was left untouched.")
        return FAILED
    if isinstance(exc, OSError):
        where = f" {exc.filename}" if exc.filename else ""
        err(f"Could not read or write{where}: {exc.strerror or 'input/output error'}.")
        return FAILED
    # Never a traceback, and never the message: it could carry vault content.
    err(f"{PROG} stopped after an unexpected internal error ({type(exc).__name__}).")
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
    "terminal_available",
    "unlock",
]
