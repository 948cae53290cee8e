"""Hostile input, table by table: every case is refused with a clear message and changes
nothing, or is stored and shown back exactly.

Covers the CSV and JSON import paths, the CLI's arguments and passphrase input, and
vault.search with SQL and FTS5 syntax. The CLI runs in-process here (its ``main``
returns the exit status) to keep a hundred cases fast; the formula round trip runs
the real executable end to end.
"""

from __future__ import annotations

import copy
import io
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance_desktop import cli
from alliance_desktop.domain import Client, Session
from alliance_desktop.domain.errors import ValidationError
from alliance_desktop.domain.models import Reflection
from alliance_desktop.reports import importer
from alliance_desktop.vault import Vault

from ._helpers import CSV_HEADER, PASSPHRASE, run_cli

H = CSV_HEADER.encode()
ROW = b"Ash 1,2025-01-06,6,5,4,,,,quiet start\n"

# Inputs refused as a whole: exit 2, the message names the problem, the vault is unchanged.
CSV_REFUSED: dict[str, tuple[bytes, tuple[str, ...]]] = {
    "empty file": (b"", ("empty",)),
    "only whitespace": (b"   \n", ("header",)),
    "header missing required columns": (b"client,date\nA,2025-01-01\n", ("trust", "required")),
    "unknown column": (b"client,date,trust,engagement,evil\nA,2025-01-01,5,5,x\n", ("evil",)),
    "NUL byte": (H + ROW + b"Oak,2025-01-01,5,5,,,,,a\x00b\n", ("line 3", "NUL")),
    "invalid UTF-8": (H + ROW + b"Oak,2025-01-01,5,5,,,,,caf\xe9\n", ("line 3", "UTF-8")),
    "truncated UTF-8": (H + ROW + b"Oak,2025-01-01,5,5,,,,,\xf0\x9f\n", ("line 3", "UTF-8")),
    "UTF-16 file": (("\ufeff" + CSV_HEADER).encode("utf-16-le"), ("NUL",)),
    "rating is a word": (H + b"A,2025-01-01,high,5,,,,,x\n", ("line 2", "trust")),
    "rating is a fraction": (H + b"A,2025-01-01,5.5,5,,,,,x\n", ("line 2", "trust")),
    "rating above 10": (H + b"A,2025-01-01,11,5,,,,,x\n", ("line 2", "trust")),
    "rating below 0": (H + b"A,2025-01-01,-1,5,,,,,x\n", ("line 2", "trust")),
    "rating huge": (H + b"A,2025-01-01,99999999999999999999,5,,,,,x\n", ("trust",)),
    "engagement missing": (H + b"A,2025-01-01,5,,,,,,x\n", ("engagement",)),
    "impossible date": (H + b"A,2026-02-30,5,5,,,,,x\n", ("line 2", "date")),
    "month 13": (H + b"A,2025-13-01,5,5,,,,,x\n", ("date",)),
    "date in words": (H + b"A,yesterday,5,5,,,,,x\n", ("date",)),
    "date with time": (H + b"A,2025-01-01T10:00,5,5,,,,,x\n", ("date",)),
    "future date": (H + b"A,2099-01-01,5,5,,,,,x\n", ("future",)),
    "year zero": (H + b"A,0000-01-01,5,5,,,,,x\n", ("date",)),
    "empty client": (H + b",2025-01-01,5,5,,,,,x\n", ("client",)),
    "client code too long": (H + b"A" * 41 + b",2025-01-01,5,5,,,,,x\n", ("client",)),
    "right-to-left override in code": (
        H + "\u202eA,2025-01-01,5,5,,,,,x\n".encode(),
        ("client", "control"),
    ),
    "unknown strategy (SQL)": (
        H + b"A,2025-01-01,5,5,,,'; DROP TABLE sessions;--,,x\n",
        ("strategies",),
    ),
    "bad rupture": (H + b"A,2025-01-01,5,5,,explosion:yes,,,x\n", ("ruptures",)),
    "tag with control char": (H + "A,2025-01-01,5,5,,,,a\u0007b,x\n".encode(), ("tags",)),
    "10 MB note": (H + b"A,2025-01-01,5,5,,,,," + b"n" * 10_000_000 + b"\n", ("line 2", "note")),
    "unclosed quote": (H + b'A,2025-01-01,5,5,,,,,"never closed\n', ("line",)),
}

JSON_TEMPLATE: dict = {
    "format": "alliance-desktop-export",
    "version": 1,
    "clients": [{"code": "J 1", "status": "active", "start_date": None, "goals": ""}],
    "sessions": [
        {
            "client": "J 1",
            "date": "2025-01-01",
            "trust": 5,
            "engagement": 5,
            "tags": [],
            "strategies": [],
            "reflection": {"template": "free", "sections": {"text": "fine"}},
            "ruptures": [],
        }
    ],
}


def _json(change: Callable[[dict], object]) -> bytes:
    doc = copy.deepcopy(JSON_TEMPLATE)
    change(doc)
    return json.dumps(doc, ensure_ascii=False).encode()


def _session(key: str, value: object) -> Callable[[dict], object]:
    return lambda doc: doc["sessions"][0].__setitem__(key, value)


JSON_REFUSED: dict[str, tuple[bytes, tuple[str, ...]]] = {
    "empty file": (b"", ("JSON",)),
    "not JSON": (b"{'single': quotes}", ("JSON",)),
    "a list": (b"[]", ("format",)),
    "a number": (b"1e309", ("format",)),
    "NUL byte": (b'{"format": "alliance-desktop-export"\x00}', ("NUL",)),
    "invalid UTF-8": (b'{"format": "alliance-desktop-export", "x": "\xff"}', ("UTF-8",)),
    "escaped NUL in text": (
        _json(lambda d: d["sessions"][0]["reflection"]["sections"].__setitem__("text", "a\0b")),
        ("NUL",),
    ),
    "rating as text": (_json(_session("trust", "7")), ("trust",)),
    "rating as bool": (_json(_session("trust", True)), ("trust",)),
    "rating as float": (_json(_session("trust", 7.5)), ("trust",)),
    "rating out of range": (_json(_session("engagement", 12)), ("engagement",)),
    "rating huge": (_json(_session("engagement", 10**30)), ("engagement",)),
    "rating null": (_json(_session("trust", None)), ("trust",)),
    "tags not a list": (_json(_session("tags", "a;b")), ("tags",)),
    "impossible date": (_json(_session("date", "2026-02-30")), ("date",)),
    "future date": (_json(_session("date", "2099-12-31")), ("date",)),
    "date as number": (_json(_session("date", 20250101)), ("date",)),
    "sessions not a list": (_json(lambda d: d.__setitem__("sessions", {"a": 1})), ("sessions",)),
    "session not an object": (_json(lambda d: d.__setitem__("sessions", [7])), ("sessions",)),
    "newer format version": (_json(lambda d: d.__setitem__("version", 99)), ("version",)),
    "10 MB note": (
        _json(
            lambda d: d["sessions"][0]["reflection"]["sections"].__setitem__("text", "n" * 10**7)
        ),
        ("limit",),
    ),
}

# Text stored and shown back exactly (in a note, and as a tag where tags allow it).
EXACT_TEXTS: dict[str, str] = {
    "right-to-left": "\u05e9\u05dc\u05d5\u05dd and \u202eevil\u202c mixed",
    "arabic": "\u0645\u0631\u062d\u0628\u0627",
    "combining": "e\u0301 a\u0308 n\u0303 Z\u0336\u0335",
    "emoji": "😀 👩🏽‍⚕️ 🏳️‍🌈",
    "SQL": "'); DROP TABLE sessions; --",
    "FTS5 syntax": 'NEAR("a" b) OR c* AND NOT d ^e body:f',
    "formula =": '=HYPERLINK("http://x","y")',
    "formula +": "+1+1",
    "formula -": "-2+3",
    "formula @": "@SUM(A1:A2)",
    "quotes and commas": 'she said "no, not now", then left',
    "multi-line": "line one\nline two\n\nline four",
    "zero-width": "a\u200bb\u200dc",
    "very long line": "w" * 99_000,
}


@pytest.fixture
def cli_run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """alliance-cli's main() in this process, with stdin as given."""

    def run(*args: str, stdin: bytes | str = PASSPHRASE + "\n") -> tuple[int, str, str]:
        raw = stdin.encode() if isinstance(stdin, str) else stdin
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
        code = cli.main(list(args))
        out = capsys.readouterr()
        assert "Traceback" not in out.err
        return code, out.out, out.err

    return run


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "vault.alliance"
    with Vault.create(path, PASSPHRASE) as v:
        client = v.save_client(Client("Ash 1"))
        v.save_session(Session(client.id, date(2025, 1, 6), trust=6, engagement=5))
    return path


def _refused(
    cli_run, vault: Path, tmp_path: Path, name: str, data: bytes, words: tuple[str, ...]
) -> None:
    before = vault.read_bytes()
    source = tmp_path / name
    source.write_bytes(data)
    code, _out, err = cli_run("--vault", str(vault), "--passphrase-stdin", "import", str(source))
    assert code == 2, (code, err[:500])
    assert "Nothing was imported" in err or err.strip(), err
    for word in words:
        assert word.lower() in err.lower(), (word, err[:500])
    assert vault.read_bytes() == before  # not a page written


@pytest.mark.parametrize("case", CSV_REFUSED)
def test_csv_import_refuses(case: str, cli_run, seeded: Path, tmp_path: Path):
    data, words = CSV_REFUSED[case]
    _refused(cli_run, seeded, tmp_path, "in.csv", data, words)


@pytest.mark.parametrize("case", JSON_REFUSED)
def test_json_import_refuses(case: str, cli_run, seeded: Path, tmp_path: Path):
    data, words = JSON_REFUSED[case]
    _refused(cli_run, seeded, tmp_path, "in.json", data, words)


def _csv_cell(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def test_text_is_stored_and_exported_exactly(cli_run, tmp_path: Path):
    """Every text in one file per format: import, export, import the export elsewhere."""
    texts = list(EXACT_TEXTS.values())
    csv_rows = "".join(
        f"Ash 1,2025-01-{i + 1:02d},6,5,,,,,{_csv_cell(t)}\n" for i, t in enumerate(texts)
    )
    doc = copy.deepcopy(JSON_TEMPLATE)
    model = doc["sessions"].pop()
    for i, t in enumerate(texts):
        one = copy.deepcopy(model)
        one.update(
            date=f"2024-02-{i + 1:02d}", reflection={"template": "free", "sections": {"text": t}}
        )
        doc["sessions"].append(one)
    sources = {"csv": (CSV_HEADER + csv_rows).encode(), "json": json.dumps(doc).encode()}
    for fmt, data in sources.items():
        first, second = tmp_path / f"a-{fmt}.alliance", tmp_path / f"b-{fmt}.alliance"
        for path in (first, second):
            Vault.create(path, PASSPHRASE).close()
        source = tmp_path / f"in.{fmt}"
        source.write_bytes(data)
        out = tmp_path / f"out.{fmt}"
        steps = [(first, "import", str(source)),
                 (first, "export", "--format", fmt, "--out", str(out)),
                 (second, "import", str(out))]  # fmt: skip
        for vault_path, *args in steps:
            code, _out, err = cli_run("--vault", str(vault_path), "--passphrase-stdin", *args)
            assert code == 0, (fmt, args, err[:300])
        for path in (first, second):
            with Vault.open(path, PASSPHRASE) as v:
                notes = [s.reflection.plain_text() for s in v.sessions()]
            assert sorted(notes) == sorted(t.strip() for t in texts), fmt


# -- arguments and passphrase input ------------------------------------------------------

ARGS: dict[str, tuple[tuple[str, ...], bytes | str, int, str]] = {
    # name: (arguments after --vault V --passphrase-stdin, stdin, exit status, words)
    "no command": ((), "", 2, ""),
    "unknown command": (("frobnicate",), "", 2, "invalid choice"),
    "demo clients 0": (("demo", "--clients", "0"), "", 2, "from 1 to 500"),
    "demo clients 501": (("demo", "--clients", "501"), "", 2, "from 1 to 500"),
    "demo clients negative": (("demo", "--clients", "-3"), "", 2, "from 1 to 500"),
    "demo clients float": (("demo", "--clients", "1e3"), "", 2, "whole number"),
    "demo sessions emoji": (("demo", "--sessions", "😀"), "", 2, "whole number"),
    "demo seed text": (("demo", "--seed", "abc"), "", 2, "invalid int"),
    "export format xml": (("export", "--format", "xml"), "", 2, "invalid choice"),
    "export over existing file": (
        ("export", "--format", "csv", "--out", "{existing}"),
        PASSPHRASE + "\n",
        1,
        "already exists",
    ),
    "backup over existing file": (
        ("backup", "--out", "{existing}"),
        PASSPHRASE + "\n",
        1,
        "already exists",
    ),
    "import missing file": (("import", "{tmp}/missing.csv"), PASSPHRASE + "\n", 1, "No such file"),
    "import wrong extension": (
        ("import", "{existing}"),
        PASSPHRASE + "\n",
        2,
        "not a .csv or .json",
    ),
    "import a folder": (("import", "{tmp}/folder.csv"), PASSPHRASE + "\n", 1, "Could not read"),
    "stats unknown client (SQL)": (
        ("stats", "--client", "x' OR 1=1 --"),
        PASSPHRASE + "\n",
        2,
        "no client",
    ),
    "stats client RTL": (("stats", "--client", "\u202eAsh"), PASSPHRASE + "\n", 2, "no client"),
    "stats client empty": (("stats", "--client", ""), PASSPHRASE + "\n", 2, "no client"),
    "passphrase empty": (("verify",), "\n", 2, "empty"),
    "passphrase missing": (("verify",), "", 2, "input ended"),
    "passphrase invalid UTF-8": (("verify",), b"caf\xe9\n", 2, "UTF-8"),
    "passphrase with NUL": (("verify",), b"a\x00b\n", 2, "NUL"),
    "passphrase 1 MB": (("verify",), "p" * 1_000_000 + "\n", 3, "Wrong passphrase"),
    "passphrase SQL quote": (("verify",), "x'; PRAGMA rekey = 'y\n", 3, "Wrong passphrase"),
    "passphrase RTL and emoji": (("verify",), "\u202e😀\u0301\n", 3, "Wrong passphrase"),
    "restore a folder": (("restore", "{tmp}/folder.csv"), PASSPHRASE + "\n", 1, "no backup file"),
    "restore a text file": (("restore", "{existing}"), PASSPHRASE + "\n", 1, "was not restored"),
    "init over existing vault": (("init",), PASSPHRASE + "\n", 1, "already exists"),
}


@pytest.mark.parametrize("case", ARGS)
def test_cli_arguments(case: str, cli_run, seeded: Path, tmp_path: Path):
    argv, stdin, status, words = ARGS[case]
    existing = tmp_path / "existing.txt"
    existing.write_text("keep me")
    (tmp_path / "folder.csv").mkdir()
    fill = {"{existing}": str(existing), "{tmp}": str(tmp_path)}
    args = []
    for arg in argv:
        for key, value in fill.items():
            arg = arg.replace(key, value)
        args.append(arg)
    before = seeded.read_bytes()
    code, out, err = cli_run("--vault", str(seeded), "--passphrase-stdin", *args, stdin=stdin)
    assert code == status, (code, err[:300])
    assert words.lower() in (err + out).lower(), err[:300]
    assert seeded.read_bytes() == before
    assert existing.read_text() == "keep me"


def test_backup_into_missing_folders_creates_each_one_private(cli_run, seeded: Path, tmp_path):
    out = tmp_path / "no" / "such" / "b.alliance"
    code, _out, err = cli_run(
        "--vault", str(seeded), "--passphrase-stdin", "backup", "--out", str(out),
        stdin=PASSPHRASE + "\n",
    )  # fmt: skip
    assert code == 0, err
    for folder in (tmp_path / "no", tmp_path / "no" / "such"):
        assert folder.stat().st_mode & 0o777 == 0o700, folder
    assert out.stat().st_mode & 0o777 == 0o600


# -- search --------------------------------------------------------------------------------

SEARCHES = [
    '"', '""', "*", "a*", "NEAR(", "NEAR(a b, 2)", "a OR b", "a AND", "NOT", "body:x",
    "kind:session", "'; DROP TABLE sessions;--", "^", "-foo", "+", "(", ")", "{a b}:c",
    "", "   ", "x" * 10_000, "a\x00b", "😀", "\u202e", "e\u0301", "%", "_", "\\", "[a-z]",
]  # fmt: skip


def test_search_takes_any_text(vault: Vault, client: Client):
    note = "She said '; DROP TABLE sessions;-- and NEAR(the end) with 😀 and café"
    vault.save_session(Session(client.id, date(2025, 1, 1), trust=5, engagement=5,
                               reflection=Reflection("free", {"text": note})))  # fmt: skip
    for query in SEARCHES:
        hits = vault.search(query)
        assert isinstance(hits, list), query
    assert len(vault.search("DROP TABLE")) == 1
    assert len(vault.search("NEAR(the end)")) == 1
    assert len(vault.search("cafe")) == 1  # diacritics folded, as the index promises
    assert vault.session_count() == 1 and vault.verify() == []


# -- the formula guard end to end, through the real executable -----------------------------


@pytest.mark.slow
def test_formula_cells_are_guarded_on_export_and_restored_on_import(tmp_path: Path):
    notes = ["=1+1", "+SUM(A1)", "-2", "@cmd", "'=kept with its apostrophe", "plain"]
    first, second = tmp_path / "a.alliance", tmp_path / "b.alliance"
    with Vault.create(first, PASSPHRASE) as v:
        c = v.save_client(Client("F 1"))
        for i, note in enumerate(notes):
            v.save_session(Session(c.id, date(2025, 1, i + 1), trust=5, engagement=5,
                                   reflection=Reflection("free", {"text": note})))  # fmt: skip
    out = tmp_path / "out.csv"
    for step in ((first, "export", "--format", "csv", "--out", str(out)),
                 (second, "init"), (second, "import", str(out))):  # fmt: skip
        proc = run_cli(step[0], *step[1:])
        assert proc.returncode == 0, (step, proc.stderr)
    cells = [line.rsplit(",", 1)[1] for line in out.read_text(encoding="utf-8").splitlines()[1:]]
    assert cells == ["'=1+1", "'+SUM(A1)", "'-2", "'@cmd", "''=kept with its apostrophe", "plain"]
    with Vault.open(second, PASSPHRASE) as v:
        assert [s.reflection.plain_text() for s in v.sessions()] == notes


# -- size and random input -----------------------------------------------------------------


@pytest.mark.slow
def test_a_100000_row_csv_imports_whole(vault: Vault):
    rows = "".join(f"C{i % 50:02d},20{10 + i // 10000:02d}-{1 + i // 28 % 12:02d}-"
                   f"{1 + i % 28:02d},{i % 11},{i % 7},,,,,n{i}\n" for i in range(100_000))  # fmt: skip
    result = importer.import_bytes(vault, (CSV_HEADER + rows).encode(), "csv")
    assert (result.sessions, result.new_clients) == (100_000, 50)
    assert vault.session_count() == 100_000


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.binary(max_size=400) | st.text(max_size=300).map(lambda t: (CSV_HEADER + t).encode())
)
def test_random_csv_bytes_are_refused_cleanly_or_imported(vault: Vault, data: bytes):
    before = vault.session_count()
    try:
        result = importer.import_bytes(vault, data, "csv")
    except ValidationError as exc:
        assert exc.problems and all(str(p) for p in exc.problems)
        assert vault.session_count() == before
    else:
        assert vault.session_count() == before + result.sessions


def test_hostile_input_count():
    total = len(CSV_REFUSED) + len(JSON_REFUSED) + len(EXACT_TEXTS) + len(ARGS) + len(SEARCHES)
    total += 6 + 1  # the formula cells and the 100,000-row file
    print(f"\nhostile inputs tried: {total} (+ 60 random files per Hypothesis run)")
    assert total >= 100
