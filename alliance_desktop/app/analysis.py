"""The caseload analysis, computed once per change of the vault's data.

:func:`caseload_analysis` is what ``alliance-cli stats`` (text and ``--json``) and the
GUI's Insights views read: per-client summary, trends, alerts, outcome and open
ruptures, plus the strategy estimates with their caveats (the numpy bootstrap, the
costly part). The result is kept inside the vault (``analysis_cache``, encrypted with
everything else, never in a file of its own) with the change counter it was computed
at and a key (the day, which decides which alerts are recent; practice clients in or
out; this module's format). While the counter and the key match, reading it back
costs a small JSON load; any write of user data raises the counter and the next call
computes it again. A vault that cannot be written now (read-only, another writer
busy) still gets its analysis, only not kept.

Within one process the last result per open Vault is also kept in memory, so the GUI
asking again after a repaint costs nothing. Thread use: a Vault connection belongs
to one thread; a worker opens its own Vault and calls this with it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any
from weakref import WeakKeyDictionary

from alliance_desktop.domain.models import code_key
from alliance_desktop.i18n import current_language
from alliance_desktop.vault.store import Vault

CACHE_NAME = "caseload"
#: Raised whenever the document's shape or the analysis changes, so a vault written by
#: an older build never serves it.
FORMAT = 1

_memo: WeakKeyDictionary[Vault, tuple[int, str, CaseloadAnalysis]] = WeakKeyDictionary()


@dataclass(frozen=True)
class CaseloadAnalysis:
    """The analysis of every client, in the ``stats --json`` shapes.

    ``document`` is exactly the ``stats --json`` document for all clients (``vault``,
    ``clients`` in code order, each with ``means``, ``ruptures``, ``trend``, ``alerts``,
    ``status``, ``open_ruptures``, ``outcome``; ``strategy_outcomes``,
    ``strategy_caveats``); ``document_json`` is its text, as ``stats --json`` prints it
    (parsed only when ``document`` is first read). ``strategy_text`` has one short label
    per strategy outcome (``status_text``), in the same order. ``damaged_settings``
    names stored settings that were unusable and read as their defaults.
    """

    counter: int
    today: date
    include_practice: bool
    document_json: str
    strategy_text: tuple[str, ...]
    damaged_settings: tuple[str, ...] = ()
    #: True when this came from the vault's cache or this process's memory.
    from_cache: bool = field(default=False, compare=False)

    @cached_property
    def document(self) -> dict[str, Any]:
        return json.loads(self.document_json)

    @property
    def clients(self) -> list[dict[str, Any]]:
        return self.document["clients"]

    @property
    def strategy_outcomes(self) -> list[dict[str, Any]]:
        return self.document["strategy_outcomes"]

    @property
    def caveats(self) -> list[str]:
        return self.document["strategy_caveats"]

    def client(self, code: str) -> dict[str, Any] | None:
        """The entry of the client with this code (ignoring case), or None."""
        key = code_key(code)
        return next((c for c in self.clients if code_key(c["code"]) == key), None)

    def to_json(self, client: str | None = None) -> str:
        """The ``stats --json`` text; with ``client`` only that client's entry (the
        ``vault`` part stays whole). KeyError when there is no such client."""
        if client is None:
            return self.document_json
        one = self.client(client)
        if one is None:
            raise KeyError(client)
        return _dumps({**self.document, "clients": [one]})


def _dumps(doc: dict[str, Any]) -> str:
    # One line: it is for programs, and the C encoder is several times faster.
    return json.dumps(doc, ensure_ascii=False)


def cache_key(today: date, include_practice: bool) -> str:
    # The document holds sentences (alert messages, caveats): one entry per language.
    return (
        f"format={FORMAT};today={today.isoformat()};practice={int(include_practice)}"
        f";lang={current_language()}"
    )


def caseload_analysis(
    vault: Vault, *, today: date | None = None, include_practice: bool = False
) -> CaseloadAnalysis:
    """The analysis of the vault's caseload as of ``today`` (default: the real date),
    from the cache when the data has not changed since it was computed."""
    today = today or date.today()
    key = cache_key(today, include_practice)
    # The counter is read before the data: a change made meanwhile leaves a result
    # labelled with the older value, which is never served again (never the reverse).
    counter = vault.change_counter()
    held = _memo.get(vault)
    if held is not None and held[0] == counter and held[1] == key:
        return held[2]
    stored = vault.cached_result(CACHE_NAME, counter, key)
    result = _decoded(stored, counter, today, include_practice) if stored else None
    if result is None:
        result = compute(vault, today=today, include_practice=include_practice, counter=counter)
        vault.store_result(CACHE_NAME, counter, key, _encoded(result))
    _memo[vault] = (counter, key, result)
    return result


def forget(vault: Vault) -> None:
    """Drop this process's memory of the vault's analysis (the vault's cache stays)."""
    _memo.pop(vault, None)


def _encoded(result: CaseloadAnalysis) -> str:
    """One line of what goes with the document, then the document's own text (compact
    JSON never holds a raw newline), so a cache hit serves the text without parsing it."""
    meta = {
        "strategy_text": list(result.strategy_text),
        "damaged_settings": list(result.damaged_settings),
        "strategy_outcomes": len(result.strategy_text),
    }
    return _dumps(meta) + "\n" + result.document_json


def _decoded(
    payload: str, counter: int, today: date, include_practice: bool
) -> CaseloadAnalysis | None:
    """The stored result, or None when it cannot be used (then it is computed again)."""
    head, newline, document_json = payload.partition("\n")
    try:
        meta = json.loads(head)
        text = tuple(str(t) for t in meta["strategy_text"])
        damaged = tuple(str(d) for d in meta["damaged_settings"])
        if (
            not newline
            or not document_json.startswith("{")
            or len(text) != meta["strategy_outcomes"]
        ):
            return None
    except (ValueError, KeyError, TypeError):
        return None
    return CaseloadAnalysis(counter, today, include_practice, document_json, text, damaged, True)


def compute(
    vault: Vault,
    *,
    today: date | None = None,
    include_practice: bool = False,
    counter: int | None = None,
) -> CaseloadAnalysis:
    """The analysis computed now from the vault's data (no cache read or written)."""
    from alliance_desktop.app.settings import load_settings
    from alliance_desktop.insights.alerts import gap_norms
    from alliance_desktop.insights.analysis import (
        ClientInsights,
        client_insights,
        client_json,
        estimates_for,
        group_sessions,
    )
    from alliance_desktop.insights.strategy_estimates import caveats, estimates_json, status_text
    from alliance_desktop.insights.summary import summarize, summary_dict
    from alliance_desktop.vault.bulk import paused_gc

    today = today or date.today()
    if counter is None:
        counter = vault.change_counter()
    with paused_gc():
        clients = vault.clients()
        sessions = vault.sessions(text=False)
        settings = load_settings(vault)
        if not include_practice:
            # Practice clients are a trainee's fictional vignettes, not part of the caseload.
            practice = {c.id for c in clients if c.is_practice}
            clients = [c for c in clients if c.id not in practice]
            sessions = [s for s in sessions if s.client_id not in practice]
        summary = summarize(clients, sessions)
        # The perspective gap places each view in the whole caseload's range, and the
        # strategy outcomes are caseload-wide: both come from every client.
        groups = group_sessions(clients, sessions)
        per = client_insights(
            clients, groups, settings.client_rating, settings.insights, today=today,
            outcome=settings.outcome, norms=gap_norms(groups.values()),
        )  # fmt: skip
        by_key = {ci.client.key: ci for ci in per.values()}
        everyone = [ClientInsights(c, tuple(groups[c.id]), {}, ()) for c in clients]
        estimates = estimates_for(everyone, settings.insights)
        document = summary_dict(summary)
        for entry in document["clients"]:
            entry.update(client_json(by_key[code_key(entry["code"])]))
        document["strategy_outcomes"] = estimates_json(estimates)
        document["strategy_caveats"] = list(caveats(estimates))
    result = CaseloadAnalysis(
        counter=counter,
        today=today,
        include_practice=include_practice,
        document_json=_dumps(document),
        strategy_text=tuple(status_text(e) for e in estimates),
        damaged_settings=tuple(settings.damaged),
    )
    result.__dict__["document"] = document  # already parsed: what cached_property keeps
    return result


__all__ = ["CACHE_NAME", "CaseloadAnalysis", "cache_key", "caseload_analysis", "compute", "forget"]
