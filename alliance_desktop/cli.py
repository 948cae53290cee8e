"""alliance-cli: headless vault operations for scripts, backups and bulk data.

This module only parses arguments, asks for passphrases and presents results; the
work itself lives in ``vault`` and ``reports``. Every failure becomes one plain
sentence on stderr and an exit status (0 ok, 1 failed, 2 bad usage or input,
3 wrong passphrase, 130 interrupted); a traceback never reaches the user, because
it could carry vault content.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from alliance_desktop import __version__
from alliance_desktop.cli_report import add_report_command
from alliance_desktop.domain.errors import ValidationError
from alliance_desktop.domain.models import Session, code_key
from alliance_desktop.insights.analysis import (
    ClientInsights,
    analyse,
    client_insights,
    client_json,
    group_sessions,
)
from alliance_desktop.insights.settings import InsightSettings
from alliance_desktop.insights.summary import ClientStats, Summary, summarize, summary_dict
from alliance_desktop.reports import exporter, importer
from alliance_desktop.vault import connection as cx
from alliance_desktop.vault import throttle
from alliance_desktop.vault.errors import (
    VaultDamagedError,
    VaultError,
    VaultExistsError,
    VaultNotFoundError,
    WeakPassphraseError,
    WrongPassphraseError,
)
from alliance_desktop.vault.location import resolve_vault_path
from alliance_desktop.vault.passphrase import check_new_passphrase
from alliance_desktop.vault.restore import restore_backup
from alliance_desktop.vault.store import Vault

if TYPE_CHECKING:
    from matplotlib.figure import Figure

PROG = "alliance-cli"

OK, FAILED, USAGE, WRONG_PASSPHRASE, INTERRUPTED = 0, 1, 2, 3, 130


class UsageError(Exception):
    """Bad input from the user (exit 2), with a sentence to show as it is."""


class Failure(Exception):
    """The operation failed (exit 1), with a sentence to show as it is."""


# -- passphrases -----------------------------------------------------------------------


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
        text = getpass.getpass("Passphrase: ")
        if not text:
            raise UsageError("No passphrase was given.")
        return text

    def new(self, prompt: str = "New passphrase") -> str:
        """A passphrase for a new vault or a rekey: asked twice when typed, once when piped."""
        if self.from_stdin:
            return self._line(prompt.lower())
        first = getpass.getpass(f"{prompt}: ")
        if not first:
            raise UsageError("No passphrase was given.")
        second = getpass.getpass(f"{prompt} (again): ")
        if first != second:
            raise UsageError("The two passphrases do not match; nothing was changed.")
        return first


# -- helpers ---------------------------------------------------------------------------


def _open(args: argparse.Namespace, passphrases: Passphrases) -> Vault:
    path = resolve_vault_path(args.vault)
    if not path.exists():
        raise VaultNotFoundError(path)  # before asking for a passphrase that cannot help
    return _unlock(path, passphrases.current())


def _unlock(path: Path, passphrase: str) -> Vault:
    """Open the vault, waiting longer after each wrong passphrase beyond the fifth.

    Each run is a new process, so the count lives beside the vault (see vault.throttle).
    """
    failed = throttle.failures(path)
    seconds = throttle.delay_for(failed)
    if seconds > 0:
        _err(f"{failed} wrong passphrases in a row: waiting {seconds:g} s before trying.")
    throttle.wait_before_attempt(path)
    try:
        vault = Vault.open(path, passphrase)
    except WrongPassphraseError:
        throttle.record_failure(path)
        raise
    throttle.reset(path)
    # The failures could not be written while the vault was locked; record them now,
    # as a count only, so the activity log shows that someone tried.
    if failed:
        with contextlib.suppress(VaultError):
            vault.audit("unlock_failed", f"{failed} wrong passphrase(s) before this unlock")
    return vault


def _out(text: str = "") -> None:
    print(text, file=sys.stdout)


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def _refuse_existing(path: Path) -> None:
    if path.exists():
        raise VaultExistsError(path)


# -- commands --------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace, passphrases: Passphrases) -> int:
    path = resolve_vault_path(args.vault)
    _refuse_existing(path)
    passphrase = passphrases.new()
    verdict = check_new_passphrase(passphrase)
    Vault.create(path, passphrase).close()
    _out(f"Created a new vault at {path}.")
    _out(f"Passphrase strength: {verdict.label}.")
    return OK


def cmd_demo(args: argparse.Namespace, passphrases: Passphrases) -> int:
    path = resolve_vault_path(args.vault)
    _refuse_existing(path)
    try:
        from alliance_desktop.vault.demo import create_demo_vault
    except ImportError:
        raise Failure("Demo data is not available in this version.") from None
    passphrase = passphrases.new()
    check_new_passphrase(passphrase)
    vault = create_demo_vault(
        path, passphrase, clients=args.clients, sessions=args.sessions, seed=args.seed
    )
    try:
        clients, sessions = len(vault.clients()), vault.session_count()
    finally:
        vault.close()
    _out(
        f"Created a demo vault at {path} with {clients} clients and {sessions} sessions "
        f"of synthetic data (seed {args.seed})."
    )
    return OK


def cmd_import(args: argparse.Namespace, passphrases: Passphrases) -> int:
    path = Path(args.file).expanduser()
    kind = importer.file_kind(path)
    data = path.read_bytes()  # read first: a missing file should not cost a passphrase
    with _open(args, passphrases) as vault:
        try:
            result = importer.import_bytes(vault, data, kind)
        except ValidationError as exc:
            n = len(exc.problems)
            _err(f"Nothing was imported: {n} problem{'s' if n != 1 else ''} found.")
            for problem in exc.problems:
                _err(str(problem))
            return USAGE
    _out(
        f"imported {result.sessions} sessions ({result.new_clients} new clients, "
        f"{result.duplicates} duplicates skipped)"
    )
    if result.settings_ignored:
        _err("The file's settings were not applied, because this vault already holds data.")
    return OK


def cmd_export(args: argparse.Namespace, passphrases: Passphrases) -> int:
    out = Path(args.out).expanduser() if args.out else None
    if out is not None and out.exists():
        raise FileExistsError(0, "exists", str(out))
    with _open(args, passphrases) as vault:
        _err("Warning: the export is not encrypted; keep it safe and delete it when done.")
        if out is None:
            exporter.export_to_stream(vault, args.format, sys.stdout.buffer)
        else:
            exporter.export_to_file(vault, args.format, out)
            _err(f"Exported to {out}.")
    return OK


def cmd_backup(args: argparse.Namespace, passphrases: Passphrases) -> int:
    out = Path(args.out).expanduser()
    _refuse_existing(out)
    with _open(args, passphrases) as vault:
        written = vault.backup(out)
    _out(f"Backup written to {written} and verified; it opens with the same passphrase.")
    return OK


def cmd_verify(args: argparse.Namespace, passphrases: Passphrases) -> int:
    with _open(args, passphrases) as vault:
        problems = vault.verify()
        if problems:
            for problem in problems:
                _out(problem)
            _err(f"The vault failed its check with {len(problems)} problem(s).")
            _err(f"The vault file is damaged; put a backup back with: {PROG} restore BACKUP")
            return FAILED
        clients, sessions = len(vault.clients()), vault.session_count()
        version = vault.schema_version()
    _out(f"vault OK: schema {version}, {clients} clients, {sessions} sessions")
    return OK


def cmd_passwd(args: argparse.Namespace, passphrases: Passphrases) -> int:
    path = resolve_vault_path(args.vault)
    if not path.exists():
        raise VaultNotFoundError(path)
    old = passphrases.current()
    with _unlock(path, old) as vault:  # a wrong old passphrase stops here, before asking more
        new = passphrases.new("New passphrase")
        if new == old:
            raise UsageError("The new passphrase is the same as the old one; nothing was changed.")
        verdict = check_new_passphrase(new)
        vault.change_passphrase(new)
    _out(f"Passphrase changed. Strength: {verdict.label}.")
    return OK


def cmd_restore(args: argparse.Namespace, passphrases: Passphrases) -> int:
    """Check the backup completely, then put it in place; the old vault is kept aside."""
    path = resolve_vault_path(args.vault)
    backup = Path(args.backup).expanduser()
    if not backup.is_file():
        raise Failure(f"There is no backup file at {backup}; nothing was changed.")
    result = restore_backup(backup, path, passphrases.current())
    _out(
        f"Restored {backup} into {result.vault_path} ({result.clients} clients, "
        f"{result.sessions} sessions); it opens with the backup's passphrase."
    )
    if result.replaced is not None:
        _out(f"The previous vault was kept at {result.replaced}.")
    return OK


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _signed(value: float | None) -> str:
    return "-" if value is None else f"{value:+.2f}"


def _table(
    clients: Sequence[ClientStats], insights: dict[str, ClientInsights] | None = None
) -> list[str]:
    """The stats table; with ``insights`` (by code key) it adds the trust slope and alerts."""
    headers = ("client", "sessions", "first", "last", "trust", "engage", "goals", "fit",
               "rating", "ruptures", "withdr", "confr", "unresolved")  # fmt: skip
    extra = ("slope", "alerts", "recent") if insights is not None else ()
    rows = [
        (
            c.code,
            str(c.sessions),
            c.first_session.isoformat() if c.first_session else "-",
            c.last_session.isoformat() if c.last_session else "-",
            _fmt(c.means.trust),
            _fmt(c.means.engagement),
            _fmt(c.means.goal_alignment),
            _fmt(c.means.approach_fit),
            _fmt(c.means.client_rating),
            str(c.ruptures.total),
            str(c.ruptures.withdrawal),
            str(c.ruptures.confrontation),
            str(c.ruptures.unresolved),
            *(_insight_cells(insights.get(code_key(c.code))) if insights is not None else ()),
        )
        for c in clients
    ]
    headers = (*headers, *extra)
    widths = [max(len(r[i]) for r in (headers, *rows)) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        # The code is text (left-aligned); every other column is a number or date.
        parts = [cells[0].ljust(widths[0])]
        parts += [cell.rjust(w) for cell, w in zip(cells[1:], widths[1:], strict=True)]
        return "  ".join(parts).rstrip()

    return [line(headers), *(line(r) for r in rows)]


def _insight_cells(ci: ClientInsights | None) -> tuple[str, str, str]:
    """Trust's slope per session, all alerts, and the recent ones (the ones to act on)."""
    if ci is None:
        return ("-", "0", "0")
    return (_signed(ci.trends["trust"].slope), str(len(ci.alerts)), str(len(ci.recent_alerts)))


def _recent_alert_lines(
    clients: Sequence[ClientStats], insights: dict[str, ClientInsights]
) -> list[str]:
    """One line per recent alert, grouped by client in table order, aligned in columns."""
    found = [
        (c.code, a)
        for c in clients
        if (ci := insights.get(code_key(c.code))) is not None
        for a in ci.recent_alerts
    ]
    if not found:
        return []
    code_w = max(len(code) for code, _ in found)
    kind_w = max(len(str(a.kind)) for _, a in found)
    lines = ["", f"Recent alerts ({len(found)}):"]
    for code, a in found:
        lines.append(
            f"  {code.ljust(code_w)}  {a.date.isoformat()}  {str(a.kind).ljust(kind_w)}  {a.message}"
        )
    return lines


def _stats_text(
    summary: Summary,
    clients: Sequence[ClientStats],
    insights: dict[str, ClientInsights] | None = None,
) -> list[str]:
    v = summary.vault
    span = (
        f", {v.first_session.isoformat()} to {v.last_session.isoformat()}"
        if v.first_session and v.last_session
        else ""
    )
    lines = [f"{v.clients} clients, {v.sessions} sessions{span}"]
    if clients:
        lines += ["", *_table(clients, insights)]
        if insights is not None:
            lines += _recent_alert_lines(clients, insights)
    return lines


def _insight_settings(vault: Vault) -> InsightSettings:
    """The vault's alert thresholds; a damaged value is a failure, not a silent default."""
    try:
        return InsightSettings.from_settings(vault.settings())
    except ValueError as exc:
        raise Failure(f"The vault's insight settings cannot be used: {exc}.") from None


def cmd_stats(args: argparse.Namespace, passphrases: Passphrases) -> int:
    with _open(args, passphrases) as vault:
        text = stats_report(
            vault,
            client=args.client,
            as_json=args.json,
            include_practice=args.include_practice,
        )
    _out(text)
    return OK


def stats_report(
    vault: Vault,
    *,
    client: str | None = None,
    as_json: bool = False,
    include_practice: bool = False,
) -> str:
    """What `stats` prints for an open vault (the benchmark times exactly this)."""
    every_client = vault.clients()
    sessions = vault.sessions(text=False)
    scale = vault.client_rating_scale()
    settings = _insight_settings(vault)
    if not include_practice:
        # Practice clients are a trainee's fictional vignettes, not part of the caseload.
        practice = {c.id for c in every_client if c.is_practice}
        every_client = [c for c in every_client if c.id not in practice]
        sessions = [s for s in sessions if s.client_id not in practice]
    summary = summarize(every_client, sessions)
    clients: Sequence[ClientStats] = summary.clients
    if client is not None:
        one = summary.for_client(client)
        if one is None:
            raise UsageError(f"There is no client with the code {client!r} in this vault.")
        clients = [one]
    # Trends and alerts only for the clients shown: one client's stats stay cheap.
    wanted = {code_key(c.code) for c in clients}
    chosen = [c for c in every_client if c.key in wanted]
    per = client_insights(chosen, group_sessions(chosen, sessions), scale, settings)
    insights = {ci.client.key: ci for ci in per.values()}
    if as_json:
        doc = summary_dict(summary, clients)
        for entry in doc["clients"]:
            entry.update(client_json(insights[code_key(entry["code"])]))
        # One line: it is for programs (jq and the like), and the C encoder that compact
        # output allows is several times faster on a large caseload than indenting.
        return json.dumps(doc, ensure_ascii=False)
    return "\n".join(_stats_text(summary, clients, insights))


#: ``chart`` kinds, in the order the help lists them.
CHART_KINDS = ("trend", "caseload", "practice", "strategies", "ruptures", "gap")
CASELOAD_DIMENSIONS = ("trust", "engagement", "goal_alignment", "approach_fit")


def _check_chart_args(args: argparse.Namespace) -> None:
    """Usage errors that need no vault, so they cost no passphrase."""
    if args.kind == "trend" and args.client is None:
        raise UsageError("The trend chart shows one client: name it with --client CODE.")
    if args.kind == "caseload" and args.client is not None:
        raise UsageError("The caseload chart shows every client; leave out --client.")
    if args.dimension is not None and args.kind != "caseload":
        raise UsageError("--dimension applies to the caseload chart only.")
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise UsageError(
            f"--from ({args.date_from.isoformat()}) is after --to ({args.date_to.isoformat()})."
        )


def _in_range(sessions: Sequence[Session], start: date | None, end: date | None) -> list[Session]:
    return [
        s for s in sessions if (start is None or s.date >= start) and (end is None or s.date <= end)
    ]


def _chart_figure(args: argparse.Namespace, vault: Vault) -> Figure:
    """Build the asked-for chart from the vault (matplotlib is imported here, not before)."""
    from alliance_desktop import charts

    theme = charts.theme_for(args.theme)
    scale = vault.client_rating_scale()
    settings = _insight_settings(vault)
    clients = vault.clients()
    sessions: list[Session]
    code = None
    if args.client is not None:
        client = vault.client_by_code(args.client)
        if client is None:
            raise UsageError(f"There is no client with the code {args.client!r} in this vault.")
        clients, sessions, code = [client], vault.sessions(client.id, text=False), client.code
    else:
        sessions = vault.sessions(text=False)
    start, end = args.date_from, args.date_to
    if args.kind == "trend":
        # Alerts come from the whole history (a drop needs the sessions before it);
        # the dates only choose what is drawn.
        ci = analyse(clients, sessions, scale, settings).clients[clients[0].id]
        return charts.client_trend(ci.sessions, scale, ci.alerts, theme=theme, date_from=start,
                                   date_to=end, title=f"Alliance over time: {code}")  # fmt: skip
    shown = _in_range(sessions, start, end)
    found = analyse(clients, shown, scale, settings)
    if args.kind == "caseload":
        return charts.caseload(found.caseload, args.dimension or "trust", theme=theme, scale=scale)
    if args.kind == "practice":
        title = f"{code}: alliance by month" if code else "Practice: alliance by month"
        return charts.practice_trend(found.practice, theme=theme, title=title)
    if args.kind == "ruptures":
        title = f"{code}: ruptures by month" if code else "Ruptures by month"
        return charts.rupture_timeline(found.ruptures, theme=theme, title=title)
    if args.kind == "strategies":
        whose = f" with {code}" if code else ""
        return charts.strategy_outcomes(
            found.outcomes, theme=theme, catalogue=vault.strategy_catalogue(),
            title=f"What followed each strategy{whose} (association, not proof)",
        )  # fmt: skip
    return charts.perspective_gap(shown, scale, theme=theme)


def _write_chart(fig: Figure, out: Path) -> None:
    """Create ``out`` owner-only (0600) and never over an existing file, then save into it.

    The file is made with O_EXCL first so ``charts.save`` (which picks the format by
    extension) only ever writes into a file this process created; a failed save
    removes it again.
    """
    from alliance_desktop import charts

    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)  # exact, whatever the umask
    finally:
        os.close(fd)
    try:
        charts.save(fig, out)
    except BaseException:
        out.unlink(missing_ok=True)
        raise


def cmd_chart(args: argparse.Namespace, passphrases: Passphrases) -> int:
    _check_chart_args(args)  # before matplotlib loads: a typo should fail at once
    from alliance_desktop import charts

    out = Path(args.out).expanduser()
    formats = charts.SAVE_FORMATS
    if out.suffix.lower() not in formats:
        what = f"{out.suffix!r}" if out.suffix else "no extension"
        raise UsageError(
            f"A chart can be written as {', '.join(formats)}; {out.name!r} has {what}."
        )
    if out.exists():
        raise FileExistsError(0, "exists", str(out))
    with _open(args, passphrases) as vault:
        fig = _chart_figure(args, vault)
        _write_chart(fig, out)
        vault.audit("chart", args.kind)
    _err("Warning: the chart is not encrypted; keep it safe and delete it when done.")
    _out(f"Chart written to {out}.")
    return OK


# -- argument parsing ------------------------------------------------------------------


def _count(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be from {low} to {high}")
        return value

    return parse


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _day(text: str) -> date:
    """A YYYY-MM-DD date; argparse names the option in its message."""
    try:
        if not _ISO_DAY.fullmatch(text):
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None


def _global_options(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--vault",
        metavar="PATH",
        default=default,
        help="the vault file (default: $ALLIANCE_VAULT, then the user data folder)",
    )
    parser.add_argument("--passphrase-stdin", action="store_true", default=default,
                        help="read the passphrase from the first line of standard input")  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description="Headless operations on an Alliance Desktop vault."
    )
    _global_options(parser, None)
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def add(name: str, handler: Callable[..., int], text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=text, description=text)
        # Global options also work after the command; SUPPRESS keeps an earlier value.
        _global_options(p, argparse.SUPPRESS)
        p.set_defaults(handler=handler)
        return p

    add("init", cmd_init, "create an empty vault")
    demo = add("demo", cmd_demo, "create a vault filled with synthetic data")
    demo.add_argument("--clients", type=_count(1, 500), default=12, metavar="N")
    demo.add_argument("--sessions", type=_count(1, 1000), default=24, metavar="M",
                      help="sessions per client")  # fmt: skip
    demo.add_argument("--seed", type=int, default=0, metavar="S")
    imp = add("import", cmd_import, "import sessions from .csv or .json, all or nothing")
    imp.add_argument("file", metavar="FILE")
    exp = add("export", cmd_export, "plaintext export (stdout if no --out)")
    exp.add_argument("--format", choices=exporter.FORMATS, required=True)
    exp.add_argument("--out", metavar="FILE", help="a new file, created readable by you only")
    bak = add("backup", cmd_backup, "encrypted, verified copy")
    bak.add_argument("--out", metavar="FILE", required=True)
    add("verify", cmd_verify, "integrity and schema checks")
    add("passwd", cmd_passwd, "change the passphrase")
    rst = add("restore", cmd_restore, "check a backup, then put it in place of the vault")
    rst.add_argument("backup", metavar="BACKUP", help="a backup file made by backup")
    st = add("stats", cmd_stats, "per-client summary")
    st.add_argument("--client", metavar="CODE")
    st.add_argument("--json", action="store_true")
    st.add_argument(
        "--include-practice",
        action="store_true",
        help="count practice clients (fictional vignettes) too",
    )
    ch = add("chart", cmd_chart, "draw a chart into a new .png, .svg or .pdf file")
    ch.add_argument("kind", choices=CHART_KINDS)
    ch.add_argument("--client", metavar="CODE", help="one client (required for trend)")
    ch.add_argument("--from", dest="date_from", type=_day, metavar="DATE",
                    help="only sessions on or after this date (YYYY-MM-DD)")  # fmt: skip
    ch.add_argument("--to", dest="date_to", type=_day, metavar="DATE",
                    help="only sessions on or before this date (YYYY-MM-DD)")  # fmt: skip
    ch.add_argument("--theme", choices=("light", "dark"), default="light")
    ch.add_argument("--dimension", choices=CASELOAD_DIMENSIONS,
                    help="the rating that colours the caseload chart (default trust)")  # fmt: skip
    ch.add_argument("--out", metavar="FILE", required=True,
                    help="a new file, created readable by you only")  # fmt: skip
    add_report_command(add)
    return parser


# -- entry point -----------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit status instead of raising (console scripts exit
    with it)."""
    try:
        parser = build_parser()
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:  # --help, --version and usage errors
            return exc.code if isinstance(exc.code, int) else (USAGE if exc.code else OK)
        passphrases = Passphrases(bool(args.passphrase_stdin))
        return args.handler(args, passphrases)
    except KeyboardInterrupt:
        return INTERRUPTED
    except WrongPassphraseError as exc:
        _err(str(exc))
        return WRONG_PASSPHRASE
    except VaultNotFoundError as exc:
        _err(f"{exc} Create one with: {PROG} init")
        return FAILED
    except (WeakPassphraseError, UsageError, importer.UnsupportedFileError) as exc:
        _err(str(exc))
        return USAGE
    except ValidationError as exc:
        for problem in exc.problems:
            _err(str(problem))
        return USAGE
    except VaultDamagedError as exc:
        _err(f"{exc} To put a backup back: {PROG} restore BACKUP")
        return FAILED
    except (VaultError, Failure) as exc:
        _err(str(exc))
        return FAILED
    except BrokenPipeError:
        # The reader went away (`export ... | head`): nothing to say, and the closed
        # pipe must not make Python complain at exit while flushing stdout.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return FAILED
    except FileExistsError as exc:
        _err(f"A file already exists at {exc.filename}; it was left untouched.")
        return FAILED
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        _err(f"Could not read or write{where}: {exc.strerror or 'input/output error'}.")
        return FAILED
    except cx.DatabaseError as exc:
        plain = cx.translate_error(exc)  # a full disk or a damaged page, said plainly
        if type(plain) is not VaultError:
            hint = (
                f" To put a backup back: {PROG} restore BACKUP"
                if isinstance(plain, VaultDamagedError)
                else ""
            )
            _err(f"{plain}{hint}")
            return FAILED
        _err(f"The vault could not be read or written ({type(exc).__name__}).")
        return FAILED
    except Exception as exc:  # never a traceback: it could carry vault content
        _err(f"{PROG} stopped after an unexpected internal error ({type(exc).__name__}).")
        return FAILED


if __name__ == "__main__":
    raise SystemExit(main())
