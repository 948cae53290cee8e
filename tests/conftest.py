"""Shared fixtures: a real SQLCipher vault in a temporary folder, Qt offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# English messages whatever the developer's locale, here and in every subprocess a test
# starts; tests/i18n sets the language it checks explicitly.
os.environ["ALLIANCE_LANG"] = "en"

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest
from support import PASSPHRASE

from alliance_desktop.domain import Client
from alliance_desktop.vault import Vault


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "vault.alliance"


@pytest.fixture
def vault(vault_path: Path):
    v = Vault.create(vault_path, PASSPHRASE)
    yield v
    v.close()


@pytest.fixture
def client(vault: Vault) -> Client:
    return vault.save_client(Client("Bryn 02", goals="Sleep through the night"))


# -- nothing connects ------------------------------------------------------------------


class NetworkAttempt(RuntimeError):
    """Raised where a test's code tried to open an internet socket."""


_BLOCKED_FAMILIES = (socket.AF_INET, socket.AF_INET6)


@pytest.fixture(autouse=True)
def network_attempts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Fail any test whose code opens an AF_INET/AF_INET6 socket or calls create_connection.

    The app promises never to connect anywhere. The attempt raises where it happens and
    is also recorded, so a caller that swallows the exception still fails the test.
    AF_UNIX stays allowed: Qt and D-Bus talk to the desktop session through it.
    """
    attempts: list[str] = []
    original = socket.socket

    class GuardedSocket(original):  # type: ignore[misc, valid-type]
        def __init__(self, family: int = -1, type: int = -1, proto: int = -1, fileno=None):
            # family -1 without a file descriptor means AF_INET, as in socket.socket.
            effective = socket.AF_INET if family == -1 and fileno is None else family
            if fileno is None and effective in _BLOCKED_FAMILIES:
                attempts.append(f"socket(family={socket.AddressFamily(effective).name})")
                raise NetworkAttempt("tests must not open network sockets")
            super().__init__(family, type, proto, fileno)

    def create_connection(address: object, *args: object, **kwargs: object) -> NoReturn:
        attempts.append(f"create_connection({address!r})")
        raise NetworkAttempt("tests must not open network connections")

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    yield attempts
    if attempts:
        pytest.fail(f"the test tried to use the network: {', '.join(attempts)}")


@pytest.fixture(autouse=True)
def _no_hardening_of_pytest(monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process runs of the CLI's or the app's ``main`` must not harden the test process
    itself: core dumps off and non-dumpable cannot be undone, and later tests read /proc
    of children whose limits they set. The real hardening is tested in child processes."""
    from alliance_desktop import cli
    from alliance_desktop.app import process

    monkeypatch.setattr(cli, "harden_process", lambda: True)
    monkeypatch.setattr(process, "harden_process", lambda: True)


_LOCALE_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
_ENGLISH_ENOENT = os.strerror(2)


@pytest.fixture(autouse=True)
def _c_library_messages_stay_english() -> Iterator[None]:
    """The C library's messages stay in the language the run started with.

    Once Qt has set the process locale (``C.UTF-8`` here), glibc honours LANGUAGE and
    keeps the catalogue it found even after the variable is gone: a test that sets
    LANGUAGE=es:de:fr for a moment (tests/i18n checks how the language is chosen) left
    every later ``strerror`` Spanish ("No existe el fichero…"). After each test the
    variables are put back and, when the messages changed, the locale is set to C and
    back, which makes glibc drop what it cached.
    """
    import locale

    saved = {var: os.environ.get(var) for var in _LOCALE_VARS}
    yield
    for var, value in saved.items():
        if value is None:
            os.environ.pop(var, None)
        else:
            os.environ[var] = value
    if os.strerror(2) != _ENGLISH_ENOENT:
        current = locale.setlocale(locale.LC_ALL)
        locale.setlocale(locale.LC_ALL, "C")
        locale.setlocale(locale.LC_ALL, current)
