"""What followed each strategy, beyond what regression to the mean predicts.

A session that went unusually badly tends to be followed by a better one whatever
the therapist did, and repair strategies are ticked after exactly those sessions. A
plain "change after the strategy" therefore makes them look helpful when they are not
(``tests/insights/test_strategy_estimates.py`` shows it on made-up caseloads). This
module compares like with like instead.

For each dimension, every pair of consecutive sessions of a client (both rated on it)
gives one row:

* ``y``: the change from this session to the next;
* ``d``: how far this session sat from the client's usual level, measured against the
  mean of the client's *other* sessions (leave-one-out, so the session is not compared
  with itself; clients with fewer than three values are left out);
* one 0/1 indicator per strategy used at this session, counting the strategies ticked
  on the session and the repair strategies ticked inside any of its ruptures.

One least-squares model ``y ~ 1 + d + sum of indicators`` is fitted over the whole
(non-practice) caseload, all strategies at once. A strategy's coefficient is the
next-session change that followed it beyond what a session that far from the client's
usual level predicts. The 95% interval is a percentile bootstrap that resamples whole
clients, because a client's sessions are not independent of each other; its distances
from the estimate are widened by t(clients - 1) / z, since a bootstrap over few clients
is too narrow (on synthetic null caseloads of 6-30 clients this brings the share of
intervals that exclude zero from 8-13% down to about 6%). The seed is fixed, so the
same records always give the same numbers.

It is still an association in one therapist's records, never proof of an effect, and
many strategies are compared at once: :func:`caveats` words both for every view.

The fit works on per-client sums (``X'X`` and ``X'y``), so each bootstrap replicate
is a weighted sum of small matrices and the whole bootstrap is a few array products.
numpy is imported here (it is fine below Qt); import this module lazily from
anything on the unlock path, which should not pay for numpy.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from alliance_desktop.domain.models import Client, Session
from alliance_desktop.i18n import _, format_signed, ngettext
from alliance_desktop.insights.student_t import Z975, t_critical

OUTCOME_DIMENSIONS: tuple[str, ...] = ("trust", "engagement")
MIN_USES = 5
MIN_CLIENTS = 3
SEED = 20261201
RESAMPLES = 1000
MIN_VALUES_PER_CLIENT = 3

_RCOND = 1e-10


@dataclass(frozen=True)
class StrategyEstimate:
    """The next-session change that followed one strategy on one dimension.

    ``uses`` counts the sessions with the strategy that enter the fit (a rated next
    session follows them, and the client has at least three values), ``clients`` the
    distinct clients among them. ``estimate``, ``ci_low`` and ``ci_high`` are None
    unless ``shown``: enough uses across enough clients to say anything.
    """

    strategy: str
    dimension: str
    uses: int
    clients: int
    estimate: float | None
    ci_low: float | None
    ci_high: float | None
    shown: bool

    @property
    def excludes_zero(self) -> bool:
        """True when the whole interval lies on one side of zero."""
        if not self.shown or self.ci_low is None or self.ci_high is None:
            return False
        return self.ci_low > 0 or self.ci_high < 0


def strategies_used(session: Session) -> frozenset[str]:
    """Strategies ticked on the session plus repair strategies ticked inside its ruptures."""
    used = set(session.strategies)
    for rupture in session.ruptures:
        used.update(rupture.repair_strategies)
    return frozenset(used)


def strategy_estimates(
    clients: Iterable[Client],
    sessions: Iterable[Session],
    *,
    include_practice: bool = False,
    min_uses: int = MIN_USES,
    min_clients: int = MIN_CLIENTS,
    dimensions: Sequence[str] = OUTCOME_DIMENSIONS,
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> list[StrategyEstimate]:
    """Estimates for a caseload given as clients and their sessions (any order).

    Practice clients (a trainee's vignettes) are left out unless ``include_practice``;
    sessions of clients not in ``clients`` are dropped. Clients are taken in id order
    and each client's sessions in date order (same-day sessions keep their given
    order), so the result does not depend on the order the vault returned them in.
    """
    kept = [c for c in clients if include_practice or not c.is_practice]
    kept.sort(key=_client_order)
    groups: dict[int | None, list[Session]] = {c.id: [] for c in kept}
    for s in sessions:
        group = groups.get(s.client_id)
        if group is not None:
            group.append(s)
    for group in groups.values():
        group.sort(key=_session_date)
    return strategy_estimates_by_client(
        groups.values(),
        min_uses=min_uses,
        min_clients=min_clients,
        dimensions=dimensions,
        resamples=resamples,
        seed=seed,
    )


def strategy_estimates_by_client(
    by_client: Iterable[Sequence[Session]],
    *,
    min_uses: int = MIN_USES,
    min_clients: int = MIN_CLIENTS,
    dimensions: Sequence[str] = OUTCOME_DIMENSIONS,
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> list[StrategyEstimate]:
    """Estimates from each client's sessions in date order (practice clients already out).

    One entry per (strategy used at least once, dimension), strategies sorted by key
    and dimensions in the order given. The bootstrap draws whole clients with a fixed
    seed, so the same groups in the same order always give the same entries.
    """
    if min_uses < 1 or min_clients < 1:
        raise ValueError("min_uses and min_clients must be at least 1")
    if resamples < 1:
        raise ValueError("resamples must be at least 1")
    groups = [list(g) for g in by_client]
    used_sets = [[strategies_used(s) for s in g] for g in groups]
    keys = sorted({k for per in used_sets for used in per for k in used})
    if not keys:
        return []
    index = {k: j for j, k in enumerate(keys)}
    n_keys = len(keys)
    # Per client: a sessions x strategies indicator matrix, built once for all dimensions.
    indicators: list[np.ndarray] = []
    for per in used_sets:
        u = np.zeros((len(per), n_keys))
        for row, used in enumerate(per):
            for k in used:
                u[row, index[k]] = 1.0
        indicators.append(u)

    n_clients = len(groups)
    rng = np.random.default_rng(seed)
    weights = rng.multinomial(n_clients, np.full(n_clients, 1.0 / n_clients), size=resamples)
    weights = weights.astype(float)

    by_dimension: dict[str, list[StrategyEstimate]] = {}
    for dimension in dimensions:
        by_dimension[dimension] = _fit_dimension(
            dimension, groups, indicators, keys, weights, min_uses, min_clients
        )
    out: list[StrategyEstimate] = []
    for j in range(n_keys):
        for dimension in dimensions:
            out.append(by_dimension[dimension][j])
    return out


def _fit_dimension(
    dimension: str,
    groups: list[list[Session]],
    indicators: list[np.ndarray],
    keys: list[str],
    weights: np.ndarray,
    min_uses: int,
    min_clients: int,
) -> list[StrategyEstimate]:
    n_keys = len(keys)
    p = 2 + n_keys
    n_clients = len(groups)
    xtx = np.zeros((n_clients, p, p))
    xty = np.zeros((n_clients, p))
    uses = np.zeros((n_clients, n_keys))
    for c, (sessions, u) in enumerate(zip(groups, indicators, strict=True)):
        raw = [s.rating(dimension) for s in sessions]
        values = np.array([np.nan if v is None else float(v) for v in raw], dtype=float)
        rated = ~np.isnan(values)
        n_rated = int(rated.sum())
        if n_rated < MIN_VALUES_PER_CLIENT:
            continue
        total = float(values[rated].sum())
        here, after = values[:-1], values[1:]
        pair = ~np.isnan(here) & ~np.isnan(after)
        if not pair.any():
            continue
        current = here[pair]
        y = after[pair] - current
        others_mean = (total - current) / (n_rated - 1)
        x = np.empty((len(y), p))
        x[:, 0] = 1.0
        x[:, 1] = current - others_mean
        x[:, 2:] = u[:-1][pair]
        xtx[c] = x.T @ x
        xty[c] = x.T @ y
        uses[c] = x[:, 2:].sum(axis=0)

    use_count = uses.sum(axis=0)
    client_count = (uses > 0).sum(axis=0)
    shown = (use_count >= min_uses) & (client_count >= min_clients)

    estimate = np.full(n_keys, np.nan)
    low = np.full(n_keys, np.nan)
    high = np.full(n_keys, np.nan)
    if shown.any():
        coef = _solve(xtx.sum(axis=0), xty.sum(axis=0))
        estimate = coef[2:]
        # Every replicate is a weighted sum of the per-client sums.
        boot_xtx = (weights @ xtx.reshape(n_clients, p * p)).reshape(-1, p, p)
        boot_xty = weights @ xty
        boot = _solve(boot_xtx, boot_xty)[:, 2:]
        # A strategy none of whose clients was drawn has no coefficient in that replicate.
        boot[(weights @ uses) == 0] = np.nan
        # Few clients make a bootstrap interval too narrow; widen its distances from the
        # estimate by t(clients - 1) / z, the usual correction for few clusters.
        fitted_clients = int((xtx[:, 0, 0] > 0).sum())
        spread = t_critical(fitted_clients - 1) / Z975 if fitted_clients > 1 else 1.0
        for jj in np.flatnonzero(shown):
            j = int(jj)
            column = boot[:, j]
            column = column[np.isfinite(column)]
            if column.size == 0 or not np.isfinite(estimate[j]):
                shown[j] = False
                continue
            centre = float(estimate[j])
            lo, hi = (float(q) for q in np.percentile(column, [2.5, 97.5]))
            # A percentile interval can, rarely, miss its own centre; widen it to hold it.
            low[j] = centre - spread * max(0.0, centre - lo)
            high[j] = centre + spread * max(0.0, hi - centre)

    out: list[StrategyEstimate] = []
    for j, key in enumerate(keys):
        show = bool(shown[j])
        out.append(
            StrategyEstimate(
                strategy=key,
                dimension=dimension,
                uses=int(use_count[j]),
                clients=int(client_count[j]),
                estimate=float(estimate[j]) if show else None,
                ci_low=float(low[j]) if show else None,
                ci_high=float(high[j]) if show else None,
                shown=show,
            )
        )
    return out


def _solve(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Least-squares coefficients from normal equations, one system or a stack of them.

    The pseudo-inverse gives the minimum-norm solution, so a strategy with no rows (or
    two strategies always ticked together) cannot make the fit fail.
    """
    solved: np.ndarray = np.linalg.pinv(a, rcond=_RCOND, hermitian=True) @ b[..., None]
    return solved[..., 0]


def caveats(estimates: Sequence[StrategyEstimate]) -> tuple[str, str]:
    """Two plain sentences every view of the estimates carries.

    The first says what the figure is compared against (regression to the mean) and
    that it is an association; the second how many strategies were compared, so a
    reader knows some intervals will leave zero out by chance alone.
    """
    compared = sorted({e.strategy for e in estimates if e.shown})
    intervals = sum(1 for e in estimates if e.shown)
    regression = _(
        "Sessions far below a client's usual level tend to be followed by better ones "
        "whatever was tried, so each figure is the change that followed a strategy beyond "
        "what a session that far from the client's usual level would predict: an "
        "association in your records, not proof that the strategy caused it."
    )
    counted = ngettext("{n} interval", "{n} intervals", intervals).format(n=intervals)
    if not compared:
        multiple = _("No strategy has enough uses yet to be compared.")
    elif len(compared) == 1:
        multiple = _(
            "1 strategy was compared ({intervals}), and even with no real difference about "
            "one interval in twenty leaves zero out by chance."
        ).format(intervals=counted)
    else:
        multiple = _(
            "{n} strategies were compared ({intervals}), so about one in twenty intervals "
            "can exclude zero by chance."
        ).format(n=len(compared), intervals=counted)
    return regression, multiple


def status_text(estimate: StrategyEstimate) -> str:
    """A short label for an entry: its numbers, or why there are none yet."""
    counts = uses_text(estimate.uses, estimate.clients)
    if not estimate.shown or estimate.estimate is None:
        return _("not enough yet: {counts}").format(counts=counts)
    return _("{estimate} (95% interval {low} to {high}; {counts})").format(
        estimate=format_signed(estimate.estimate, 1),
        low=format_signed(estimate.ci_low or 0.0, 1),
        high=format_signed(estimate.ci_high or 0.0, 1),
        counts=counts,
    )


def uses_text(uses: int, clients: int) -> str:
    """``3 uses, 2 clients`` in the current language."""
    return _("{uses}, {clients}").format(
        uses=ngettext("{n} use", "{n} uses", uses).format(n=uses),
        clients=ngettext("{n} client", "{n} clients", clients).format(n=clients),
    )


def estimates_json(estimates: Sequence[StrategyEstimate]) -> list[dict[str, Any]]:
    """The ``strategy_outcomes`` shape: numbers rounded to 2 decimals, null when not shown."""
    return [
        {
            "strategy": e.strategy,
            "dimension": e.dimension,
            "uses": e.uses,
            "clients": e.clients,
            "estimate": _r(e.estimate),
            "ci_low": _r(e.ci_low),
            "ci_high": _r(e.ci_high),
            "shown": e.shown,
        }
        for e in estimates
    ]


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _client_order(c: Client) -> tuple[bool, int, str]:
    return (c.id is None, c.id if c.id is not None else 0, c.key)


def _session_date(s: Session) -> Any:
    return s.date
