"""``alliance-cli stats``: the per-client summary, with trends, alerts, the outcome
measure and what followed each strategy beyond regression to the mean."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from typing import Any

from alliance_desktop.app.analysis import CaseloadAnalysis, caseload_analysis
from alliance_desktop.app.settings import load_settings
from alliance_desktop.cli.common import OK, Add, Passphrases, UsageError, err, opened, out
from alliance_desktop.domain.models import code_key
from alliance_desktop.domain.settings import VaultSettings
from alliance_desktop.i18n import _, ngettext
from alliance_desktop.vault.store import Vault

HELP = "per-client summary"


def settings_of(vault: Vault) -> VaultSettings:
    """The vault's settings; a damaged value falls back to its default, said on stderr."""
    settings = load_settings(vault)
    if settings.damaged:
        names = ", ".join(settings.damaged)
        err(_damaged(names, len(settings.damaged)))
    return settings


def _damaged(names: str, count: int) -> str:
    return ngettext(
        "The vault's setting {names} could not be used; its default stands in.",
        "The vault's settings {names} could not be used; the defaults stand in.",
        count,
    ).format(names=names)


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _signed(value: float | None) -> str:
    return "-" if value is None else f"{value:+.2f}"


# The document's means and slopes are rounded to 2 decimals, and formatting a number
# rounded to 2 decimals with 2 decimals gives the digits formatting it unrounded does.


def _table(clients: Sequence[dict[str, Any]], insights: bool = True) -> list[str]:
    """The stats table from ``stats --json`` client entries; with ``insights`` it adds
    the trust slope, the alert counts, the status and the outcome."""
    headers = ("client", "sessions", "first", "last", "trust", "engage", "goals", "fit",
               "rating", "ruptures", "withdr", "confr", "unresolved")  # fmt: skip
    extra = ("slope", "alerts", "recent", "status", "outcome") if insights else ()
    rows = [
        (
            c["code"],
            str(c["sessions"]),
            c["first_session"] or "-",
            c["last_session"] or "-",
            _fmt(c["means"]["trust"]),
            _fmt(c["means"]["engagement"]),
            _fmt(c["means"]["goal_alignment"]),
            _fmt(c["means"]["approach_fit"]),
            _fmt(c["means"]["client_rating"]),
            str(c["ruptures"]["total"]),
            str(c["ruptures"]["withdrawal"]),
            str(c["ruptures"]["confrontation"]),
            str(c["ruptures"]["unresolved"]),
            *(_insight_cells(c) if insights else ()),
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


def _insight_cells(c: dict[str, Any]) -> tuple[str, ...]:
    """Trust's slope per session, all alerts, the recent ones (the ones to act on), the
    client's status and how their outcome measure moved."""
    alerts = c["alerts"]
    return (
        _signed(c["trend"]["trust"]["slope"]),
        str(len(alerts)),
        str(sum(1 for a in alerts if a["recent"])),
        str(c["status"]),
        c["outcome"]["status"] if c["outcome"] is not None else "-",
    )


def _recent_alert_lines(clients: Sequence[dict[str, Any]]) -> list[str]:
    """One line per recent alert, grouped by client in table order, aligned in columns."""
    found = [(c["code"], a) for c in clients for a in c["alerts"] if a["recent"]]
    if not found:
        return []
    code_w = max(len(code) for code, _alert in found)
    kind_w = max(len(a["kind"]) for _code, a in found)
    lines = ["", _("Recent alerts ({n}):").format(n=len(found))]
    for code, a in found:
        lines.append(
            f"  {code.ljust(code_w)}  {a['date']}  {a['kind'].ljust(kind_w)}  {a['message']}"
        )
    return lines


def _strategy_lines(analysis: CaseloadAnalysis) -> list[str]:
    """What followed each strategy, one line per (strategy, dimension), then the caveats."""
    estimates = analysis.strategy_outcomes
    if not estimates:
        return ["", _("Strategy outcomes: no strategy recorded yet.")]
    width = max(len(e["strategy"]) for e in estimates)
    dim_w = max(len(e["dimension"]) for e in estimates)
    lines = ["", _("Strategy outcomes (next-session change beyond regression to the mean):")]
    for e, text in zip(estimates, analysis.strategy_text, strict=True):
        lines.append(f"  {e['strategy'].ljust(width)}  {e['dimension'].ljust(dim_w)}  {text}")
    return [*lines, *(f"  {sentence}" for sentence in analysis.caveats)]


def _stats_text(document: dict[str, Any], clients: Sequence[dict[str, Any]]) -> list[str]:
    v = document["vault"]
    counts = _("{clients}, {sessions}").format(
        clients=ngettext("{n} client", "{n} clients", v["clients"]).format(n=v["clients"]),
        sessions=ngettext("{n} session", "{n} sessions", v["sessions"]).format(n=v["sessions"]),
    )
    if v["first_session"] and v["last_session"]:
        counts = _("{counts}, {first} to {last}").format(
            counts=counts, first=v["first_session"], last=v["last_session"]
        )
    lines = [counts]
    if clients:
        lines += ["", *_table(clients), *_recent_alert_lines(clients)]
    return lines


def stats_report(
    vault: Vault,
    *,
    client: str | None = None,
    as_json: bool = False,
    include_practice: bool = False,
    today: date | None = None,
) -> str:
    """What `stats` prints for an open vault (the benchmark times exactly this).

    ``today`` (default: the real date) decides which alerts are recent and who was
    not seen for a while. The analysis is computed once per change of the vault's
    data and kept inside the vault (``app.analysis.caseload_analysis``).
    """
    if client is not None:
        # A refused command changes nothing: no analysis is worked out (and kept in
        # the vault) for a code that is not there.
        key = code_key(client)
        shown = (c for c in vault.clients() if include_practice or not c.is_practice)
        if not any(code_key(c.code) == key for c in shown):
            raise UsageError(
                _("There is no client with the code {code!r} in this vault.").format(code=client)
            )
    analysis = caseload_analysis(vault, today=today, include_practice=include_practice)
    if analysis.damaged_settings:
        names = ", ".join(analysis.damaged_settings)
        err(_damaged(names, len(analysis.damaged_settings)))
    clients = analysis.clients
    if client is not None:
        one = analysis.client(client)
        if one is None:
            raise UsageError(
                _("There is no client with the code {code!r} in this vault.").format(code=client)
            )
        clients = [one]
    if as_json:
        return analysis.to_json(client)
    lines = _stats_text(analysis.document, clients)
    return "\n".join([*lines, *_strategy_lines(analysis)])


def run(args: argparse.Namespace, passphrases: Passphrases) -> int:
    with opened(args, passphrases, writer=False) as vault:
        text = stats_report(
            vault,
            client=args.client,
            as_json=args.json,
            include_practice=args.include_practice,
        )
    out(text)
    return OK


def register(add: Add) -> None:
    p = add("stats", run, HELP)
    p.add_argument("--client", metavar="CODE")
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--include-practice",
        action="store_true",
        help="count practice clients (fictional vignettes) too",
    )
