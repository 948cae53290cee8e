"""Open another copy of the vault with the open vault's own key (for a merge, issue 14).

A conflict copy a sync tool left is the same vault on another device: the same
passphrase, usually. SQLCipher keys an attached database without a KEY clause with
the main database's passphrase, so the copy can be tried without asking for it
again and without the passphrase passing through the app. When it opens, it is
exported into a private temporary file under a throwaway key, which the merge then
opens like any other copy. The copy itself is only read (its bytes are first copied
into the private folder); nothing is written to it or to this vault's file.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING

from alliance_desktop.vault import connection as cx
from alliance_desktop.vault.passphrase import sql_literal

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.vault.store import Vault


@contextmanager
def own_key_copy(vault: Vault, path: Path | str) -> Iterator[tuple[Path, str] | None]:
    """``(file, passphrase)`` of a private re-encrypted copy of ``path`` when the open
    vault's passphrase opens it, else None. Removed when the block ends."""
    path = Path(path).expanduser()
    with tempfile.TemporaryDirectory(prefix="alliance-copy-") as tmp:
        folder = Path(tmp)
        source = folder / "source.alliance"
        target = folder / "copy.alliance"
        try:
            shutil.copyfile(path, source)
            journal = path.with_name(path.name + "-journal")
            if journal.is_file():
                shutil.copyfile(journal, source.with_name(source.name + "-journal"))
        except OSError:
            yield None
            return
        key = secrets.token_urlsafe(24)
        yield (target, key) if _export(vault.conn, source, target, key) else None


def _export(conn: cx.Connection, source: Path, target: Path, key: str) -> bool:
    try:
        with conn.untranslated():
            conn.execute(f"ATTACH DATABASE {cx.attach_literal(source)} AS merge_source")
            try:
                conn.execute("SELECT count(*) FROM merge_source.sqlite_master").fetchone()
                version = conn.execute("PRAGMA merge_source.user_version").fetchone()[0]
                app_id = conn.execute("PRAGMA merge_source.application_id").fetchone()[0]
                conn.execute(
                    f"ATTACH DATABASE {cx.attach_literal(target)} AS merge_target "
                    f"KEY {sql_literal(key)}"
                )
                try:
                    conn.execute("SELECT sqlcipher_export('merge_target', 'merge_source')")
                    conn.execute(f"PRAGMA merge_target.user_version = {int(version)}")
                    conn.execute(f"PRAGMA merge_target.application_id = {int(app_id)}")
                finally:
                    conn.execute("DETACH DATABASE merge_target")
            finally:
                conn.execute("DETACH DATABASE merge_source")
    except cx.DriverError:
        with suppress(OSError):
            target.unlink(missing_ok=True)
        return False
    return True


__all__ = ["own_key_copy"]
