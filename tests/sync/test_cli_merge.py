"""alliance-cli merge and conflicts: real processes, real vaults, output and exit codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from twocopies import (
    PASSPHRASE,
    Pair,
    digest,
    pair_fixture,  # noqa: F401  (the `pair` fixture)
    session,
)

from alliance_desktop.app.merge import conflict_copies, parse_conflict_name
from alliance_desktop.vault import Vault, WriterLock

OTHER = "another battery staple orbit"


def cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "alliance_desktop.cli", *args],
        input=stdin, capture_output=True, text=True, encoding="utf-8",
        env={**os.environ, "ALLIANCE_VAULT": ""}, timeout=120, start_new_session=True,
    )  # fmt: skip
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr
    return proc


def merge_cli(pair: Pair, other: Path, second: str = PASSPHRASE, *extra: str):
    return cli("--vault", str(pair.here_path), "--passphrase-stdin", "merge", str(other),
               *extra, stdin=f"{PASSPHRASE}\n{second}\n")  # fmt: skip


def test_merge_prints_what_it_did_and_leaves_other_untouched(pair: Pair) -> None:
    with pair.open_other() as o:
        c = o.clients()[0]
        for day in (3, 10, 17):
            o.save_session(session(c.id, date(2026, 2, day), f"feb {day}"))
        s = o.sessions()[0]
        s.reflection.sections["text"] = "changed there"
        o.save_session(s)
        o.change_passphrase(OTHER)
    with pair.open_here() as v:
        s = v.sessions()[0]
        s.reflection.sections["text"] = "changed here, earlier"
        v.save_session(s)
    # (this side's edit is older: the other version wins and this one is kept)
    with pair.open_here() as v:
        v.conn.execute("UPDATE sessions SET updated_at = '2026-01-01T00:00:00.000000+00:00' "
                       "WHERE uuid = ?", (s.uuid,))  # fmt: skip
    before = digest(pair.other_path)
    proc = merge_cli(pair, pair.other_path, OTHER)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "merged: 3 new sessions, 1 changed, 1 conflict kept\n"
    assert digest(pair.other_path) == before and pair.other_path.exists()
    again = merge_cli(pair, pair.other_path, OTHER)
    assert (again.returncode, again.stdout) == (0, "merged: nothing new\n")


def test_merge_exit_codes(pair: Pair, tmp_path: Path) -> None:
    wrong = merge_cli(pair, pair.other_path, "not the passphrase at all")
    assert wrong.returncode == 3 and "vault.alliance is wrong" in wrong.stderr
    assert merge_cli(pair, tmp_path / "missing.alliance").returncode == 1
    same = merge_cli(pair, pair.here_path)
    assert same.returncode == 2 and "into itself" in same.stderr
    text = tmp_path / "notes.alliance"
    text.write_text("hello\n" * 2000)
    assert merge_cli(pair, text).returncode == 1
    short = cli("--vault", str(pair.here_path), "--passphrase-stdin", "merge",
                str(pair.other_path), stdin=PASSPHRASE + "\n")  # fmt: skip
    assert short.returncode == 2 and "line 2" in short.stderr
    with WriterLock.acquire(pair.here_path):
        busy = merge_cli(pair, pair.other_path)
    assert busy.returncode == 4 and "another window" in busy.stderr


def test_a_merged_conflict_copy_is_moved_aside(pair: Pair) -> None:
    name = "vault.sync-conflict-20260314-101500-ABCDEF7.alliance"
    copy = pair.here_path.with_name(name)
    shutil.copyfile(pair.other_path, copy)
    with Vault.open(copy, PASSPHRASE) as o:
        o.save_session(session(o.clients()[0].id, date(2026, 3, 1), "from the laptop"))
    proc = merge_cli(pair, copy)
    assert proc.stdout == "merged: 1 new session\n"
    moved = list(pair.here_path.parent.glob(name + ".merged-*"))
    assert len(moved) == 1 and not copy.exists()
    assert "was kept as" in proc.stderr
    listed = cli("--vault", str(pair.here_path), "conflicts", "--json")
    assert json.loads(listed.stdout) == []


DROPBOX = "vault (Laptop's conflicted copy 2026-03-16).alliance"
NAMES = {
    "vault.sync-conflict-20260314-101500-ABCDEF7.alliance":
        ("syncthing", "2026-03-14", "ABCDEF7"),
    "vault (conflicted copy 2026-03-15 093012).alliance": ("nextcloud", "2026-03-15", None),
    "vault (Laptop's conflicted copy 2026-03-16).alliance": ("dropbox", "2026-03-16", "Laptop"),
}  # fmt: skip


def test_conflicts_lists_each_tools_copies_without_a_passphrase(tmp_path: Path) -> None:
    vault = tmp_path / "vault.alliance"
    vault.write_bytes(b"\0" * 4096)
    for name in NAMES:
        (tmp_path / name).write_bytes(b"x")
    for name in (
        "other.sync-conflict-20260314-101500-ABCDEF7.alliance",
        "vault.alliance.lock",
        "vault.sync-conflict-20260314-101500-ABCDEF7.alliance.merged-20260315",
    ):
        (tmp_path / name).write_bytes(b"x")  # another file's copy, a lock, a merged copy
    proc = cli("--vault", str(vault), "conflicts", stdin="")
    assert proc.returncode == 0
    lines = proc.stdout.splitlines()
    assert lines == [
        f"{tmp_path / 'vault.sync-conflict-20260314-101500-ABCDEF7.alliance'}\t"
        "Syncthing, 2026-03-14 10:15:00, from ABCDEF7",
        f"{tmp_path / 'vault (conflicted copy 2026-03-15 093012).alliance'}\t"
        "Nextcloud, 2026-03-15 09:30:12",
        f"{tmp_path / DROPBOX}\tDropbox, 2026-03-16, from Laptop",
    ]
    as_json = json.loads(cli("--vault", str(vault), "conflicts", "--json").stdout)
    assert [(Path(d["path"]).name, d["tool"], d["date"], d["device"]) for d in as_json] == [
        (name, *info) for name, info in NAMES.items()
    ]
    empty = tmp_path / "empty"
    empty.mkdir()
    none = cli("--vault", str(empty / "vault.alliance"), "conflicts")
    assert (none.returncode, none.stdout) == (0, "")
    assert "No conflict copies" in none.stderr


@pytest.mark.parametrize("name", ["vault.alliance", "vault.sync-conflict-2026-ABCDEF7.alliance",
                                  "vault (conflicted copy).alliance"])  # fmt: skip
def test_other_names_are_not_conflict_copies(tmp_path: Path, name: str) -> None:
    assert parse_conflict_name(tmp_path / name) is None
    assert conflict_copies(tmp_path / "vault.alliance") == []
