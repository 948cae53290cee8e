"""``alliance-cli stats``: the per-client summary, with trends, alerts, the outcome
measure and what followed each strategy beyond regression to the mean."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from alliance_desktop.app.settings import load_settings
from alliance_desktop.cli.common import OK, Add, Passphrases, UsageError, err, opened, out
from alliance_desktop.domain.models import code_key
from alliance_desktop.domain.settings import VaultSettings
from alliance_desktop.insights.alerts import gap_norms
from alliance_desktop.insights.analysis import (
    ClientInsights,
    client_insights,
    client_json,
    estimates_for,
    group_sessions,
)
from alliance_desktop.insights.summary import ClientStats, Summary, summarize, summary_dict
from alliance_desktop.vault.store import Vault

if TYPE_CHECKING:
    from alliance_desktop.insights.strategy_estimates import StrategyEstimate

HELP = "per-client summary"


def settings_of(vault: Vault) -> VaultSettings:
    """The vault's settings; a damaged value falls back to its default, said on stderr."""
    settings = load_settings(vault)
    if settings.damaged:
        names = ", ".join(settings.damaged)
        err(f"The vault's setting(s) {names} could not be used; the defaults stand in.")
    return settings


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
    extra = ("slope", "alerts", "recent", "status", "outcome") if insights is not None else ()
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


def _insight_cells(ci: ClientInsights | None) -> tuple[str, ...]:
    """Trust's slope per session, all alerts, the recent ones (the ones to act on), the
    client's status and how their outcome measure moved."""
    if ci is None:
        return ("-", "0", "0", "-", "-")
    return (
        _signed(ci.trends["trust"].slope),
        str(len(ci.alerts)),
        str(len(ci.recent_alerts)),
        str(ci.client.status),
        ci.outcome.status if ci.outcome is not None else "-",
    )


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


def _strategy_lines(estimates: Sequence[StrategyEstimate], caveats: Sequence[str]) -> list[str]:
    """What followed each strategy, one line per (strategy, dimension), then the caveats."""
    if not estimates:
        return ["", "Strategy outcomes: no strategy recorded yet."]
    from alliance_desktop.insights.strategy_estimates import status_text

    width = max(len(e.strategy) for e in estimates)
    dim_w = max(len(e.dimension) for e in estimates)
    lines = ["", "Strategy outcomes (next-session change beyond regression to the mean):"]
    for e in estimates:
        lines.append(f"  {e.strategy.ljust(width)}  {e.dimension.ljust(dim_w)}  {status_text(e)}")
    return [*lines, *(f"  {sentence}" for sentence in caveats)]


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
    not seen for a while.
    """
    every_client = vault.clients()
    sessions = vault.sessions(text=False)
    settings = settings_of(vault)
    scale = settings.client_rating
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
    # The perspective gap places each view in the whole caseload's range, and strategy
    # outcomes are caseload-wide, so both come from every client; trends and alerts are
    # computed only for the clients shown.
    groups = group_sessions(every_client, sessions)
    wanted = {code_key(c.code) for c in clients}
    chosen = [c for c in every_client if c.key in wanted]
    per = client_insights(
        chosen, groups, scale, settings.insights, today=today or date.today(),
        outcome=settings.outcome, norms=gap_norms(groups.values()),
    )  # fmt: skip
    insights = {ci.client.key: ci for ci in per.values()}
    everyone = [ClientInsights(c, tuple(groups[c.id]), {}, ()) for c in every_client]
    estimates = estimates_for(everyone, settings.insights)
    from alliance_desktop.insights.strategy_estimates import caveats, estimates_json

    sentences = list(caveats(estimates))
    if as_json:
        doc = summary_dict(summary, clients)
        for entry in doc["clients"]:
            entry.update(client_json(insights[code_key(entry["code"])]))
        doc["strategy_outcomes"] = estimates_json(estimates)
        doc["strategy_caveats"] = sentences
        # One line: it is for programs (jq and the like), and the C encoder that compact
        # output allows is several times faster on a large caseload than indenting.
        return json.dumps(doc, ensure_ascii=False)
    lines = _stats_text(summary, clients, insights)
    return "\n".join([*lines, *_strategy_lines(estimates, sentences)])


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
