"""The caseload analysis, computed once per change of the vault's data.

:class:`CaseloadAnalysis` is what ``alliance-cli stats`` (text and ``--json``) prints
(per-client summary, trends, alerts, outcome and open ruptures, plus the strategy
estimates with their caveats: the numpy bootstrap, the costly part, which the GUI's
Insights refresh shares). The result is kept inside the vault (``analysis_cache``,
encrypted with everything else, never in a file of its own) with the change counter it
was computed at and a key (the day, which decides which alerts are recent; practice
clients in or out; the language of its sentences; this module's format). While the
counter and the key match, reading it back costs a small JSON load; any write of user
data raises the counter and the next reader computes it again.

Both front ends share it. ``stats`` calls :func:`caseload_analysis`. The GUI reads
the sessions in steps and analyses them in a worker (``gui.insights.refresher``); it
asks :func:`lookup` for the kept strategy estimates first and takes them instead of
running the bootstrap again, and otherwise keeps the estimates it computed
(:func:`keep_estimates`). ``stats`` beside the open app, which may not write itself,
then takes those estimates too and computes only the rest. (The app does not write
the whole document: at 500 x 200, building and compressing it in the app's worker
stalled the window 0.3-0.4 s and raised its memory past the budget.) A vault that
cannot be written now (read-only, another writer busy) still gets its analysis, only
not kept.

Within one process the last result per open Vault is also kept in memory, so asking
again after a repaint costs nothing. Thread use: a Vault connection belongs to one
thread; a worker opens its own Vault or, like the GUI's, works on data already read.
Nothing here imports numpy until :attr:`CaseloadAnalysis.estimates` is read.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple
from weakref import WeakKeyDictionary

from alliance_desktop.domain.models import code_key
from alliance_desktop.i18n import current_language
from alliance_desktop.vault.store import Vault

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.insights.strategy_estimates import StrategyEstimate

CACHE_NAME = "caseload"
#: The same result's estimates alone (what the GUI's refresh reads).
ESTIMATES_NAME = "caseload.estimates"
#: 2.9 MB of JSON at 200 x 100 become 0.14 MB in 20 ms, read back in 5 ms.
ZLIB_LEVEL = 6
#: Raised whenever the document's shape or the analysis changes, so a vault written by
#: an older build never serves it. 2: the estimates at full precision beside the
#: document (the GUI's views read them; the document's are rounded).
FORMAT = 2

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
    ``estimate_rows`` are the strategy estimates unrounded, one row of
    :data:`ESTIMATE_FIELDS` each (:attr:`estimates` as objects).
    """

    counter: int
    today: date
    include_practice: bool
    document_json: str
    strategy_text: tuple[str, ...]
    damaged_settings: tuple[str, ...] = ()
    estimate_rows: tuple[tuple[Any, ...], ...] = ()
    #: True when this came from the vault's cache or this process's memory.
    from_cache: bool = field(default=False, compare=False)

    @cached_property
    def document(self) -> dict[str, Any]:
        return json.loads(self.document_json)

    @cached_property
    def packed(self) -> bytes:
        """What the vault keeps: the result's text, zlib-compressed (a twentieth of the
        megabytes at 200 clients)."""
        return zlib.compress(_encoded(self).encode(), ZLIB_LEVEL)

    @cached_property
    def estimates(self) -> tuple[StrategyEstimate, ...]:
        """The strategy estimates as the Insights views use them (this imports numpy)."""
        return estimates_of(self.estimate_rows)

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


def _dumps(doc: Any) -> str:
    # One line: it is for programs, and the C encoder is several times faster.
    return json.dumps(doc, ensure_ascii=False)


#: The fields of one estimate row, in :class:`StrategyEstimate`'s order.
ESTIMATE_FIELDS = ("strategy", "dimension", "uses", "clients", "estimate", "ci_low",
                   "ci_high", "shown")  # fmt: skip


def cache_key(today: date, include_practice: bool) -> str:
    # The document holds sentences (alert messages, caveats): one entry per language.
    return (
        f"format={FORMAT};today={today.isoformat()};practice={int(include_practice)}"
        f";lang={current_language()}"
    )


class Lookup(NamedTuple):
    """What :func:`lookup` found: the counter (read before anything else), the key for
    that day and language, and what is kept for them if it is still right: the whole
    ``result`` (None unless asked for) and its ``estimate_rows`` (None if none kept)."""

    counter: int
    key: str
    result: CaseloadAnalysis | None
    estimate_rows: tuple[tuple[Any, ...], ...] | None


def lookup(
    vault: Vault,
    *,
    today: date | None = None,
    include_practice: bool = False,
    whole: bool = True,
) -> Lookup:
    """The kept analysis of the vault as it is now, without computing anything.

    ``whole=False`` reads only the estimates, kept apart in a row of their own: the
    GUI's refresh wants nothing else, and the document is megabytes at 200 clients.
    With ``whole`` and no whole result kept, the estimates row is still read: the app
    keeps it alone, and ``stats`` then skips the bootstrap.
    """
    today = today or date.today()
    key = cache_key(today, include_practice)
    # The counter is read before the data: a change made meanwhile leaves a result
    # labelled with the older value, which is never served again (never the reverse).
    counter = vault.change_counter()
    held = _memo.get(vault)
    if held is not None and held[0] == counter and held[1] == key:
        return Lookup(counter, key, held[2], held[2].estimate_rows)
    result = None
    if whole:
        stored = vault.cached_result(CACHE_NAME, counter, key)
        result = _decoded(stored, counter, today, include_practice) if stored else None
    if result is None:
        stored = vault.cached_result(ESTIMATES_NAME, counter, key)
        return Lookup(counter, key, None, _decoded_rows(stored) if stored else None)
    _memo[vault] = (counter, key, result)
    return Lookup(counter, key, result, result.estimate_rows)


def keep(vault: Vault, key: str, result: CaseloadAnalysis) -> bool:
    """Store ``result`` (computed at its ``counter`` under ``key``) in the vault and in
    this process's memory. False, and nothing stored, when the data changed since or
    the vault cannot be written now."""
    if vault.change_counter() != result.counter:
        return False
    _memo[vault] = (result.counter, key, result)
    payloads: dict[str, str | bytes] = {
        CACHE_NAME: result.packed,
        ESTIMATES_NAME: _rows_json(result.estimate_rows),
    }
    return vault.store_results(result.counter, key, payloads)


def keep_estimates(
    vault: Vault, key: str, counter: int, estimates: Sequence[StrategyEstimate]
) -> bool:
    """Store the strategy estimates alone, computed from the data at ``counter`` (what
    the app's refresh keeps: a few KB; the rest of the analysis is cheap to redo, and
    writing the whole document from the app's worker stalled its window). False, and
    nothing stored, when the data changed since or the vault cannot be written now."""
    if vault.change_counter() != counter:
        return False
    rows = tuple(_row(e) for e in estimates)
    return vault.store_result(ESTIMATES_NAME, counter, key, _rows_json(rows))


def _rows_json(rows: Iterable[Sequence[Any]]) -> str:
    return _dumps([list(row) for row in rows])


def estimates_of(rows: Iterable[Sequence[Any]]) -> tuple[StrategyEstimate, ...]:
    """Estimate rows (:data:`ESTIMATE_FIELDS`) as objects (this imports numpy)."""
    from alliance_desktop.insights.strategy_estimates import StrategyEstimate

    return tuple(StrategyEstimate(*row) for row in rows)


def caseload_analysis(
    vault: Vault, *, today: date | None = None, include_practice: bool = False
) -> CaseloadAnalysis:
    """The analysis of the vault's caseload as of ``today`` (default: the real date),
    from the cache when the data has not changed since it was computed."""
    today = today or date.today()
    found = lookup(vault, today=today, include_practice=include_practice)
    if found.result is not None:
        return found.result
    result = compute(
        vault, today=today, include_practice=include_practice, counter=found.counter,
        estimate_rows=found.estimate_rows,
    )  # fmt: skip
    keep(vault, found.key, result)
    return result


def forget(vault: Vault) -> None:
    """Drop this process's memory of the vault's analysis (the vault's cache stays)."""
    _memo.pop(vault, None)


def _encoded(result: CaseloadAnalysis) -> str:
    """One line of what goes with the document, then the document's own text (compact
    JSON never holds a raw newline), so a cache hit serves the text without parsing it.
    Stored zlib-compressed (:attr:`CaseloadAnalysis.packed`)."""
    meta = {
        "strategy_text": list(result.strategy_text),
        "damaged_settings": list(result.damaged_settings),
        "strategy_outcomes": len(result.strategy_text),
        # Floats as JSON writes them (their repr: the same double read back).
        "estimates": [list(row) for row in result.estimate_rows],
    }
    return _dumps(meta) + "\n" + result.document_json


def _decoded(
    payload: str | bytes, counter: int, today: date, include_practice: bool
) -> CaseloadAnalysis | None:
    """The stored result, or None when it cannot be used (then it is computed again)."""
    try:
        whole = zlib.decompress(payload).decode() if isinstance(payload, bytes) else payload
    except (zlib.error, UnicodeDecodeError):
        return None
    head, newline, document_json = whole.partition("\n")
    try:
        meta = json.loads(head)
        text = tuple(str(t) for t in meta["strategy_text"])
        damaged = tuple(str(d) for d in meta["damaged_settings"])
        rows = tuple(_estimate_row(row) for row in meta["estimates"])
        if (
            not newline
            or not document_json.startswith("{")
            or len(text) != meta["strategy_outcomes"]
            or len(rows) != len(text)
        ):
            return None
    except (ValueError, KeyError, TypeError):
        return None
    return CaseloadAnalysis(
        counter, today, include_practice, document_json, text, damaged, rows, from_cache=True
    )


def _decoded_rows(payload: str | bytes) -> tuple[tuple[Any, ...], ...] | None:
    """Stored estimate rows, or None when they cannot be used."""
    try:
        rows = json.loads(payload)
        if not isinstance(rows, list):
            return None
        return tuple(_estimate_row(row) for row in rows)
    except (ValueError, TypeError):
        return None


def _estimate_row(row: Any) -> tuple[Any, ...]:
    """One stored estimate row, checked field by field (TypeError or ValueError if not)."""
    strategy, dimension, uses, clients, estimate, low, high, shown = row
    if not (isinstance(strategy, str) and isinstance(dimension, str)):
        raise TypeError("strategy and dimension are text")
    if type(uses) is not int or type(clients) is not int or type(shown) is not bool:
        raise TypeError("uses and clients are counts, shown a flag")
    for value in (estimate, low, high):
        if value is not None and type(value) not in (int, float):
            raise TypeError("estimates are numbers or null")
    return (strategy, dimension, uses, clients, _number(estimate), _number(low),
            _number(high), shown)  # fmt: skip


def _number(value: float | None) -> float | None:
    return None if value is None else float(value)


def _row(e: StrategyEstimate) -> tuple[Any, ...]:
    return tuple(getattr(e, name) for name in ESTIMATE_FIELDS)


def compute(
    vault: Vault,
    *,
    today: date | None = None,
    include_practice: bool = False,
    counter: int | None = None,
    estimate_rows: Sequence[Sequence[Any]] | None = None,
) -> CaseloadAnalysis:
    """The analysis computed now from the vault's data (no cache read or written);
    ``estimate_rows``, kept for the same counter and key, stand in for the bootstrap."""
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
        if estimate_rows is not None:
            estimates: Sequence[StrategyEstimate] = estimates_of(estimate_rows)
        else:
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
        estimate_rows=tuple(_row(e) for e in estimates),
    )
    result.__dict__["document"] = document  # already parsed: what cached_property keeps
    result.__dict__["estimates"] = tuple(estimates)
    return result


__all__ = [
    "CACHE_NAME", "ESTIMATES_NAME", "ESTIMATE_FIELDS", "CaseloadAnalysis", "Lookup", "cache_key",
    "caseload_analysis", "compute", "estimates_of", "forget", "keep",
    "keep_estimates", "lookup",
]  # fmt: skip
