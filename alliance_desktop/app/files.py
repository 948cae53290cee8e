"""The one private-file helper: every output file is created through here.

An output (a packet, an export, a chart, a backup) is plaintext or key material
outside the vault, so it is private from its first byte and appears only whole:

- it is written to a temporary file in the target folder, created with
  ``O_CREAT|O_EXCL|O_NOFOLLOW`` and mode 0600 in the creating call itself (then
  ``fchmod`` to exactly 0600 whatever the umask), so no other user can ever open it;
- it is renamed into place only when complete and synced, after ``before_publish``
  (the audit row), so a failed audit leaves no file;
- without ``overwrite`` nothing is ever replaced: publishing uses a hard link (or
  ``renameat2(RENAME_NOREPLACE)``), so a file or symlink that appears at the
  target in the meantime is kept and ``OutputExistsError`` is raised; with
  ``overwrite`` the entry itself is replaced, and a symlink there is replaced,
  never followed;
- any failure (an ``OSError``, an exception of the caller, even a
  ``KeyboardInterrupt``) removes the temporary file, so nothing is left behind;
- folders it creates are 0700, each of them, and it never chmods through a symlink;
  if the output then fails, the folders it made for it are removed again (if empty).

``OSError`` becomes ``OutputError``, a plain sentence naming the file.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import os
import secrets
import stat
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from alliance_desktop.app.errors import OutputError, OutputExistsError

FILE_MODE = 0o600
FOLDER_MODE = 0o700

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC

# Files a writer-by-name (SQLite) may leave beside the temporary file.
_SIDE_SUFFIXES = ("-journal", "-wal", "-shm")
_NAME_ROOM = 200  # keeps ".<name>.<random><suffix>" within NAME_MAX (255)


def _sentence(exc: OSError, path: Path) -> str:
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return f"There is not enough space on the disk to write {path}; nothing was saved."
    if code == errno.EFBIG:
        return f"{path} would be larger than this system allows a file to be; nothing was saved."
    if code == errno.EROFS:
        return f"{path} cannot be written: the folder is read-only. Nothing was saved."
    if code in (errno.EACCES, errno.EPERM):
        return f"{path} cannot be written: permission denied. Nothing was saved."
    if code == errno.EISDIR:
        return f"{path} is a folder; choose a file name. Nothing was saved."
    if code == errno.ELOOP:
        return f"{path} cannot be written: a symbolic link is in the way. Nothing was saved."
    if code == errno.ENOTDIR:
        return f"{path} cannot be written: part of its folder path is not a folder."
    if code == errno.ENAMETOOLONG:
        return f"{path} cannot be written: the name is too long."
    reason = exc.strerror or type(exc).__name__
    return f"{path} cannot be written ({reason.lower()}). Nothing was saved."


def _output_error(exc: OSError, path: Path) -> OutputError:
    return OutputError(_sentence(exc, path), path)


def _absolute(path: Path | str) -> Path:
    return Path(os.path.abspath(os.fspath(path)))


def _restrict(folder: Path) -> None:
    """chmod 0700 through a descriptor opened without following a symlink."""
    try:
        fd = os.open(folder, os.O_RDONLY | _DIRECTORY | _NOFOLLOW | _CLOEXEC)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.ENOTDIR) and os.path.islink(folder):
            raise OutputError(
                f"{folder} is a symbolic link; a private folder must be a real folder.", folder
            ) from exc
        raise
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, FOLDER_MODE)
    finally:
        os.close(fd)


def _make_missing(folder: Path) -> list[Path]:
    """Create every missing folder down to ``folder``, each 0700; returns those made."""
    missing: list[Path] = []
    probe = folder
    while not os.path.lexists(probe):
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    made: list[Path] = []
    for each in reversed(missing):
        try:
            os.mkdir(each, FOLDER_MODE)
        except FileExistsError:
            continue  # made by someone else meanwhile: not ours to chmod
        made.append(each)
        _restrict(each)  # exact 0700 whatever the umask
    return made


def private_folder(folder: Path | str) -> Path:
    """``folder`` as a private folder: each missing parent created 0700, and the folder
    itself made 0700. A symlink is never chmodded through: a symlinked folder is refused.
    """
    target = _absolute(folder)
    try:
        made = _make_missing(target)
        if target not in made:
            if os.path.islink(target):
                raise OutputError(
                    f"{target} is a symbolic link; a private folder must be a real folder.",
                    target,
                )
            _restrict(target)
    except OSError as exc:
        raise _output_error(exc, target) from exc
    return target


def _check_free(target: Path, overwrite: bool) -> None:
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _output_error(exc, target) from exc
    if not overwrite:
        raise OutputExistsError(target)
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{target} is a folder; choose a file name. Nothing was saved.", target)


def _remove_made(made: list[Path]) -> None:
    """Remove the folders made for an output that failed, deepest first, each only if
    it is still empty (something another program put there meanwhile stays)."""
    for folder in reversed(made):
        try:
            os.rmdir(folder)
        except OSError:
            return  # not empty (or gone): its parents are not empty either


def _reserve(target: Path) -> tuple[Path, int, list[Path]]:
    """Create the temporary file beside ``target``: 0600 from the creating call. Also
    returns the folders made for it, for removing them again if the output fails."""
    folder = target.parent
    made: list[Path] = []
    try:
        made = _make_missing(folder)
    except OSError as exc:
        raise _output_error(exc, target) from exc
    stem = target.name[:_NAME_ROOM]
    while True:
        # Hidden, and ending like the target, for writers that pick a format by name.
        temp = folder / f".{stem}.{secrets.token_hex(8)}{target.suffix[:16]}"
        try:
            fd = os.open(temp, CREATE_FLAGS, FILE_MODE)
        except FileExistsError:
            continue
        except OSError as exc:
            _remove_made(made)
            raise _output_error(exc, target) from exc
        break
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, FILE_MODE)  # exact, whatever the umask
    except BaseException as exc:
        os.close(fd)
        _discard(temp)
        _remove_made(made)
        if isinstance(exc, OSError):
            raise _output_error(exc, target) from exc
        raise
    return temp, fd, made


def _discard(temp: Path) -> None:
    for name in (temp, *(temp.with_name(temp.name + s) for s in _SIDE_SUFFIXES)):
        with contextlib.suppress(OSError):
            os.unlink(name)


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | _DIRECTORY | _CLOEXEC)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


_RENAME_NOREPLACE = 1
_AT_FDCWD = -100


def _rename_noreplace(source: Path, target: Path) -> None:
    """``renameat2(RENAME_NOREPLACE)``: for file systems without hard links."""
    name = ctypes.util.find_library("c")
    libc = ctypes.CDLL(name, use_errno=True) if name else None
    func = getattr(libc, "renameat2", None)
    if func is None:
        raise OSError(errno.ENOSYS, "renameat2 is not available")
    result = func(_AT_FDCWD, os.fsencode(source), _AT_FDCWD, os.fsencode(target),
                  _RENAME_NOREPLACE)  # fmt: skip
    if result != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(target))


def _publish(temp: Path, target: Path, overwrite: bool) -> None:
    if overwrite:
        try:
            os.replace(temp, target)  # replaces a symlink itself, never its target
        except OSError as exc:
            raise _output_error(exc, target) from exc
        _sync_folder(target.parent)
        return
    try:
        try:
            os.link(temp, target, follow_symlinks=False)
        except FileExistsError:
            raise OutputExistsError(target) from None
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV,
                                 errno.EMLINK, errno.ENOSYS):  # fmt: skip
                raise
            try:
                _rename_noreplace(temp, target)
            except FileExistsError:
                raise OutputExistsError(target) from None
            _sync_folder(target.parent)
            return
    except OutputError:
        raise
    except OSError as exc:
        raise _output_error(exc, target) from exc
    try:
        os.unlink(temp)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(target)  # the link made a moment ago: ours
        raise _output_error(exc, target) from exc
    _sync_folder(target.parent)


def write_private(
    path: Path | str,
    write: Callable[[BinaryIO], object],
    *,
    overwrite: bool = False,
    before_publish: Callable[[], None] | None = None,
) -> Path:
    """Write a private file at ``path`` by calling ``write(fh)`` on a binary file object.

    Raises ``OutputExistsError`` when something is at ``path`` (without ``overwrite``),
    ``OutputError`` for any file-system failure; the caller's own exceptions (from
    ``write`` or ``before_publish``) pass through unchanged. Whatever fails, no file is
    left behind. Returns the absolute path written.
    """
    target = _absolute(path)
    _check_free(target, overwrite)
    temp, fd, made = _reserve(target)
    try:
        try:
            with os.fdopen(fd, "wb") as fh:
                write(fh)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            raise _output_error(exc, target) from exc
        if before_publish is not None:
            before_publish()
        _publish(temp, target, overwrite)
    except BaseException:
        _discard(temp)
        _remove_made(made)
        raise
    return target


def write_private_bytes(
    path: Path | str,
    data: bytes,
    *,
    overwrite: bool = False,
    before_publish: Callable[[], None] | None = None,
) -> Path:
    """``write_private`` for content already in memory."""
    return write_private(
        path, lambda fh: fh.write(data), overwrite=overwrite, before_publish=before_publish
    )


def _seal(temp: Path, target: Path) -> None:
    """Check what a writer-by-name left: a regular file, still 0600, synced."""
    try:
        fd = os.open(temp, os.O_RDONLY | _NOFOLLOW | _CLOEXEC)
    except OSError as exc:
        raise _output_error(exc, target) from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OutputError(f"{target} cannot be written: it was not a regular file.", target)
        if hasattr(os, "fchmod"):
            os.fchmod(fd, FILE_MODE)
        os.fsync(fd)
    except OSError as exc:
        raise _output_error(exc, target) from exc
    finally:
        os.close(fd)


@contextlib.contextmanager
def private_path(
    path: Path | str,
    *,
    overwrite: bool = False,
    before_publish: Callable[[], None] | None = None,
) -> Iterator[Path]:
    """A reserved temporary path (already created, empty, 0600) beside ``path``, for
    writers that need a file name (SQLite ATTACH for backups). On a clean exit it is
    synced, ``before_publish`` runs and it is published at ``path`` under the same rules
    as ``write_private``; on any failure it (and any SQLite journal beside it) is removed.
    An ``OSError`` from the body becomes ``OutputError``.
    """
    target = _absolute(path)
    _check_free(target, overwrite)
    temp, fd, made = _reserve(target)
    os.close(fd)
    try:
        try:
            yield temp
        except OSError as exc:
            raise _output_error(exc, target) from exc
        _seal(temp, target)
        if before_publish is not None:
            before_publish()
        _publish(temp, target, overwrite)
    except BaseException:
        _discard(temp)
        _remove_made(made)
        raise


class Transactional(Protocol):
    """Anything with a (re-entrant) transaction: the vault."""

    def transaction(self) -> AbstractContextManager[Any]: ...


@contextlib.contextmanager
def published_in_transaction(store: Transactional, target: Path | str) -> Iterator[None]:
    """Run the body, which publishes ``target`` with its audit row written in
    ``before_publish``, inside one transaction of ``store``: a publish that fails
    (a file appearing at the path, a full disk) rolls the audit row back with it, and a
    commit that fails after the file appeared removes the file again."""
    published = False
    try:
        with store.transaction():
            yield
            published = True  # the body returned: the file is in place
    except BaseException:
        if published:  # the commit failed after the file appeared: take it back
            with contextlib.suppress(OSError):
                os.unlink(target)
        raise


__all__ = [
    "CREATE_FLAGS",
    "FILE_MODE",
    "FOLDER_MODE",
    "private_folder",
    "private_path",
    "published_in_transaction",
    "write_private",
    "write_private_bytes",
]
