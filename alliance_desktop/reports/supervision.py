"""The supervision packet: a pseudonymised PDF a therapist brings to supervision.

Two steps, so the GUI wizard can show a live preview before anything is written:

- ``build_packet(vault, options)`` (or ``make_packet(...)`` on plain domain objects)
  gathers and pseudonymises everything into a ``Packet``: pure data plus, per chart,
  what to draw (``ClientChart``, ``SharedChart``), drawn only when its page is laid
  out. ``packet.html()`` is the whole packet as rich-text HTML for a screen preview
  (charts as ``chart:<name>`` image sources, ``packet.svg(name)`` or ``figure(name)``).
- ``render_packet(packet)`` lays it out as a tagged PDF (PDF/UA-1) in memory, page
  by page, with a confidential footer and "Page N of M" on every page
  (``result.data``; see :mod:`alliance_desktop.reports.packet_pdf` for the renderer
  and why it was chosen). The file itself is written by the app layer through the one
  private-file helper (``app.files.write_private``), so it is 0600 from its creation
  and appears only whole; this module opens no output file and imports no Qt.

Privacy. By default the packet is pseudonymised (never "de-identified": free text can
still identify someone): client codes become "Client A",
"Client B", ... in caseload risk order; session dates become week numbers counted
from each client's first session; chart axes count weeks (or months of the period)
instead of showing dates; the cover shows the length of the period, not its dates.
The redaction list (vault setting ``redaction_list``) is applied to all free text
(reflections, rupture notes, goals, tags) in every mode; when pseudonymised, client
codes and the name-like words in them are redacted too and code-like tags dropped.
Every replacement is counted, and the cover says how many listed words were redacted,
or that no redaction list is set and reflections appear as written.
``identify`` and ``absolute_dates`` turn the two substitutions off separately.
The therapist's questions go through the same redaction as the reflections; the
"Client A = code" key (``packet_key``, ``client_key``) is for the screen only. The
PDF's metadata carries no date at all, so relative dates stay relative.
Practice clients (trainee vignettes) are left out unless ``include_practice``. The
footer calls the packet clinical supervision material: it holds dates, ratings and
progress, so it is not "psychotherapy notes" in the HIPAA sense.

Contents. The cover lists the sections the packet holds, from the same list the body
is written from, so a section it announces is always there. Each client part shows the
outcome status (Jacobson-Truax class, first to latest rating) when there are two or more
outcome ratings; the strategy section shows the regression-aware estimates of
:mod:`alliance_desktop.insights.strategy_estimates` with both of their caveats, and
strategies below the minimum as "not enough yet: N uses, K clients".
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, BinaryIO

from alliance_desktop.domain.models import Client, Resolution, RuptureType, Session, code_key
from alliance_desktop.domain.ruptures import MARKER_LABEL
from alliance_desktop.domain.scales import ClientRatingScale
from alliance_desktop.domain.settings import OutcomeScale
from alliance_desktop.domain.strategies import Strategy, catalogue
from alliance_desktop.domain.templates import TEMPLATES_BY_KEY
from alliance_desktop.i18n import N_, _, format_date, format_number, format_signed, ngettext
from alliance_desktop.insights.analysis import analyse, group_sessions
from alliance_desktop.insights.outcome import OutcomeChange
from alliance_desktop.insights.reflection_feedback import chosen_level, is_level_tag
from alliance_desktop.insights.settings import DEFAULT_SETTINGS, InsightSettings
from alliance_desktop.reports.packet_chart import ClientChart
from alliance_desktop.reports.packet_pdf import Cancelled, RenderResult
from alliance_desktop.reports.redaction import REDACTED, Redactor, code_words

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

    from alliance_desktop.charts.text import ChartText
    from alliance_desktop.insights.strategy_estimates import StrategyEstimate
    from alliance_desktop.reports.pdf.writer import Canvas
    from alliance_desktop.vault.store import Vault

PAGE_SIZES = ("a4", "letter")
FOOTER = N_("Confidential: clinical supervision material")
TITLE = N_("Supervision packet")

#: The seven-eyed model of supervision (Hawkins & Shohet) as prompts for the
#: conversation, in the product's own words.
LENSES: tuple[tuple[str, str], ...] = (
    (N_("The client"),
     N_("What did the client bring, and how did they tell it? What was left out?")),
    (N_("My interventions"),
     N_("What did I choose to do, why then, and what else was possible?")),
    (N_("The relationship"), N_("What pattern is forming between us, and when did it shift?")),
    (N_("My own process"), N_("What does this client stir in me, and what might that tell me?")),
    (N_("Our supervisory relationship"),
     N_("Is something from the therapy being replayed here, between us, today?")),
    (N_("The supervisor's process"),
     N_("What do you notice in yourself as you hear this, and how might it help?")),
    (N_("The wider context"),
     N_("Family, culture, money, power, services and the setting: what shapes the work?")),
)  # fmt: skip

_RESOLUTION_WORDS = {
    Resolution.YES: N_("repaired"),
    Resolution.PARTIAL: N_("partly repaired"),
    Resolution.NO: N_("not repaired yet"),
}
#: The outcome classes (``insights.outcome.STATUSES``) as the packet's sentence says them.
_OUTCOME_WORDS = {
    "recovered": N_("recovered"),
    "improved": N_("improved"),
    "unchanged": N_("unchanged"),
    "deteriorated": N_("deteriorated"),
}


class PacketError(ValueError):
    """A request the packet cannot honour (an unknown client code, a bad range)."""


class SharedChart:
    """One of the packet's charts across clients, built by ``alliance_desktop.charts``
    when its section is laid out and released once drawn into the page."""

    def __init__(self, build: Callable[[], Figure], describe: Callable[[], ChartText],
                 aspect: float) -> None:  # fmt: skip
        self.build = build
        self.describe = describe
        self._aspect = aspect
        self._fig: Figure | None = None

    def figure(self) -> Figure:
        return self.build()

    def text(self) -> ChartText:
        return self.describe()

    @property
    def aspect(self) -> float:
        """Height over width of the figure (built here, kept until it is drawn)."""
        if self._fig is None:
            self._fig = self.build()
        w, h = self._fig.get_size_inches()
        return float(h / w) if w else self._aspect

    # The calls a screen preview makes on a figure, so it may treat the chart as one.
    def get_size_inches(self) -> Any:
        if self._fig is None:
            self._fig = self.build()
        return self._fig.get_size_inches()

    def savefig(self, *args: Any, **kwargs: Any) -> None:
        fig = self._fig if self._fig is not None else self.build()
        self._fig = None
        try:
            fig.savefig(*args, **kwargs)
        finally:
            fig.clear()

    def clear(self) -> None:
        self._fig = None

    def draw(self, canvas: Canvas, x: float, y: float, w: float, h: float) -> None:
        from alliance_desktop.reports.pdf.mpl import draw_figure

        fig = self._fig if self._fig is not None else self.build()
        self._fig = None
        try:
            draw_figure(canvas, fig, x, y, w, h)
        finally:
            fig.clear()


ChartSpec = ClientChart | SharedChart


def _month_label(day: date) -> str:
    """A month as the packet's language writes it ("Mar 2026", "mars 2026")."""
    from babel.dates import format_date as babel_format_date

    from alliance_desktop.i18n import locale_name

    return str(babel_format_date(day, format="MMM y", locale=locale_name()))


@dataclass(frozen=True)
class PacketOptions:
    """What to put in the packet and how much to reveal.

    ``clients``: codes to include (empty: every client with a session in range).
    ``session_ids``: reflections to include (None: sessions flagged for supervision
    in range). ``include_practice``: also consider practice (vignette) clients.
    """

    date_from: date | None = None
    date_to: date | None = None
    clients: tuple[str, ...] = ()
    identify: bool = False
    absolute_dates: bool = False
    questions: tuple[str, ...] = ()
    page_size: str = "a4"
    include_practice: bool = False
    session_ids: frozenset[int] | None = None

    def __post_init__(self) -> None:
        if self.page_size not in PAGE_SIZES:
            raise PacketError(_("page size must be one of {sizes}").format(
                sizes=", ".join(PAGE_SIZES)))  # fmt: skip
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise PacketError(_("the start of the range is after its end"))

    def in_range(self, day: date) -> bool:
        return (self.date_from is None or day >= self.date_from) and (
            self.date_to is None or day <= self.date_to
        )


@dataclass(frozen=True)
class RuptureItem:
    when: str
    kind: str
    markers: tuple[str, ...]
    salience: int | None
    outcome: str
    repairs: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class ReflectionItem:
    when: str
    template: str
    sections: tuple[tuple[str, str], ...]  # (prompt, text)
    tags: tuple[str, ...]
    #: "Chosen reflection level: …" (and the supervisor's), read from the level tags,
    #: which never appear among ``tags`` themselves.
    levels: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClientPart:
    """One client's pages. ``label`` is "Client A" unless the packet identifies."""

    label: str
    sessions: int
    span: str
    goals: str
    chart: str | None  # key into Packet.charts
    alerts: tuple[str, ...]
    ruptures: tuple[RuptureItem, ...]
    strategies: tuple[tuple[str, int], ...]
    reflections: tuple[ReflectionItem, ...]
    #: The outcome status line: Jacobson-Truax class, first to latest rating (or why none).
    outcome: str = ""


@dataclass(frozen=True)
class StrategyLine:
    """One strategy in the packet's strategy section: its label and, per dimension,
    the estimate with its interval or "not enough yet: N uses, K clients"."""

    label: str
    trust: str
    engagement: str
    shown: bool
    counts: str = ""  # "43 uses, 12 clients"


@dataclass(frozen=True)
class Redactions:
    """What the redaction did: whether a list is set, and how many replacements were
    made from it and from the client codes (counted in the text the packet shows)."""

    list_set: bool
    listed: int = 0
    codes: int = 0


class CountingRedactor:
    """A packet's redactor that counts its real replacements, listed words apart from
    client codes, in everything it is asked to redact: one pass over each text, each
    replacement counted as listed when the words it replaced are themselves a listed
    entry, else as a client code."""

    def __init__(self, redactor: Redactor, listed: Redactor) -> None:
        self.redactor = redactor
        self.listed_only = listed
        self.listed = 0
        self.codes = 0

    def __call__(self, text: str) -> str:
        spans = self.redactor.spans(text)
        if not spans:
            return _norm(text)
        text = _norm(text)
        out, last = [], 0
        for start, end in spans:
            if self.listed_only.matches_whole(text[start:end]):
                self.listed += 1
            else:
                self.codes += 1
            out += [text[last:start], REDACTED]
            last = end
        out.append(text[last:])
        return "".join(out)

    def tags(self, tags: Iterable[str], *, drop_code_like: bool) -> tuple[str, ...]:
        kept = tuple(tags)
        for tag in dict.fromkeys(t.strip() for t in kept):  # each distinct tag once
            self(tag)
        return self.redactor.tags(kept, drop_code_like=drop_code_like)


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@dataclass
class Packet:
    """Everything the packet shows, already pseudonymised and redacted."""

    options: PacketOptions
    period: str
    client_count: int
    session_count: int
    questions: tuple[str, ...]
    clients: tuple[ClientPart, ...]
    #: Chart name -> what to draw (``ClientChart`` or ``SharedChart``): drawn only when
    #: its page is reached, so no figure is held for the whole packet.
    charts: dict[str, ChartSpec] = field(default_factory=dict)
    practice_charts: tuple[str, ...] = ()
    redactions: Redactions = field(default_factory=lambda: Redactions(False))
    #: The strategy section: one line per strategy used in the period, and the two
    #: caveats (regression to the mean; how many strategies were compared).
    strategy_lines: tuple[StrategyLine, ...] = ()
    strategy_caveats: tuple[str, ...] = ()
    #: ("Client A", code) pairs for the therapist's eyes only: never rendered, never
    #: exported (see ``packet_key``). Empty when the packet names clients by code.
    key: tuple[tuple[str, str], ...] = field(default=(), repr=False)
    _svg: dict[str, bytes] = field(default_factory=dict, repr=False)

    @property
    def range_from(self) -> date | None:
        return self.options.date_from

    @property
    def range_to(self) -> date | None:
        return self.options.date_to

    def figure(self, name: str) -> Figure:
        """A chart as a matplotlib figure (for a screen preview); the caller closes it."""
        return self.charts[name].figure()

    def svg(self, name: str) -> bytes:
        """A chart as SVG (cached), drawn by ``alliance_desktop.charts``, for a preview."""
        data = self._svg.get(name)
        if data is None:
            from matplotlib import rc_context

            buf = io.BytesIO()
            fig = self.figure(name)
            with rc_context({"svg.fonttype": "none"}):
                fig.savefig(buf, format="svg", facecolor="white", metadata={"Date": None})
            data = self._svg[name] = buf.getvalue()
        return data

    def chart_size(self, name: str) -> tuple[float, float]:
        """Width and height in inches of the chart's figure, for layout before drawing."""
        aspect = self.charts[name].aspect
        return 9.0, 9.0 * aspect

    def html(self, width_px: int = 660) -> str:
        """The packet as Qt rich-text HTML; charts are ``<img src="chart:NAME">``."""
        from alliance_desktop.reports.packet_html import packet_html

        return packet_html(self, width_px)


# -- building ----------------------------------------------------------------------


def letter_label(index: int) -> str:
    """0 -> "Client A", 25 -> "Client Z", 26 -> "Client AA" (spreadsheet style)."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return _("Client {letters}").format(letters=letters)


def _weeks(n_days: int) -> str:
    weeks = max(1, round(n_days / 7))
    return ngettext("{n} week", "{n} weeks", weeks).format(n=weeks)


def build_packet(vault: Vault, options: PacketOptions, *, today: date | None = None) -> Packet:
    """Read what the packet needs from an open vault and build it (no Qt needed)."""
    settings = vault.typed_settings()  # damaged values: defaults
    return make_packet(
        vault.clients(),
        vault.sessions(),
        options,
        scale=vault.client_rating_scale(),
        insight_settings=settings.insights,
        strategies=vault.strategy_catalogue(),
        redaction=settings.redaction_list,
        outcome=vault.outcome_scale(),
    )


def make_packet(
    clients: Sequence[Client],
    sessions: Iterable[Session],
    options: PacketOptions,
    *,
    scale: ClientRatingScale | None = None,
    insight_settings: InsightSettings | None = None,
    strategies: Mapping[str, Strategy] | None = None,
    redaction: Iterable[str] = (),
    outcome: OutcomeScale | None = None,
) -> Packet:
    """Assemble a packet from domain objects: pure apart from building the figures."""
    scale = scale or ClientRatingScale()
    strategies = strategies or catalogue()
    outcome = outcome or OutcomeScale()
    insight_settings = insight_settings or DEFAULT_SETTINGS
    insights, groups, in_range, ordered = _order(
        clients, sessions, options, scale, insight_settings, outcome
    )
    pseudonymise = not options.identify
    listed = list(redaction)
    redactor = CountingRedactor(packet_redactor(clients, options, listed), Redactor.of(listed))

    parts: list[ClientPart] = []
    charts: dict[str, ChartSpec] = {}
    all_in_range: list[Session] = []
    for index, client in enumerate(ordered):
        label = letter_label(index) if pseudonymise else client.code
        history = groups[client.id]
        shown = in_range[client.id]
        all_in_range += shown
        first = history[0].date if history else None

        def when(day: date, first: date | None = first) -> str:
            if options.absolute_dates or first is None:
                return format_date(day)
            return _("week {n}").format(n=(day - first).days // 7 + 1)

        chart_name = f"client-{index}"
        charts[chart_name] = ClientChart(
            title=_("{label}: alliance over the period").format(label=label),
            sessions=tuple(shown),
            scale=scale,
            outcome=outcome,
            alerts=tuple(insights.clients[client.id].alerts),
            first=first,
            absolute_dates=options.absolute_dates,
            month_label=_month_label,
            date_label=when,
        )
        parts.append(
            ClientPart(
                label=label,
                sessions=len(shown),
                span=(
                    _("{first} to {last}").format(
                        first=when(shown[0].date), last=when(shown[-1].date)
                    )
                    if shown
                    else ""
                ),
                goals=redactor(client.goals),
                chart=chart_name,
                alerts=tuple(
                    _("{when}: {alert}").format(when=when(a.date), alert=_dates_as(a.message, when))
                    for a in insights.clients[client.id].recent_alerts
                    if options.in_range(a.date)
                ),
                ruptures=_ruptures(shown, when, redactor, strategies),
                strategies=_strategy_counts(shown, strategies),
                reflections=_reflections(shown, options, when, redactor, pseudonymise),
                outcome=outcome_line(insights.clients[client.id].outcome, outcome),
            )
        )

    practice_names = _practice_charts(charts, all_in_range, parts, groups, in_range,
                                      ordered, strategies, options)  # fmt: skip
    lines, caveat_texts = _strategy_section(
        charts, parts, in_range, ordered, strategies, insight_settings
    )
    # Questions last: they are redacted (and counted) like the rest of the free text.
    questions = redact_questions(options.questions, redactor)
    return Packet(
        options=options,
        period=_period(all_in_range, options),
        client_count=len(parts),
        session_count=len(all_in_range),
        # The questions are free text like a reflection, so the same redaction applies.
        questions=questions,
        clients=tuple(parts),
        charts=charts,
        practice_charts=practice_names,
        key=_key(ordered, pseudonymise),
        redactions=Redactions(bool(Redactor.of(listed).entries), redactor.listed, redactor.codes),
        strategy_lines=lines,
        strategy_caveats=caveat_texts,
    )


_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def _dates_as(message: str, when: Any) -> str:
    """An alert message with every calendar date in it written as the packet writes dates
    ("week 7" unless absolute dates were asked for): "not seen since 2026-03-16" must not
    anchor a pseudonymised packet to the calendar."""

    def one(m: re.Match[str]) -> str:
        try:
            day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return m.group(0)
        return str(when(day))

    return _ISO_DAY.sub(one, message)


def outcome_line(change: OutcomeChange | None, scale: OutcomeScale) -> str:
    """The outcome status for a client part: class, first to latest, and the rules used."""
    if change is None:
        return _("Outcome: fewer than two outcome ratings, so no change is classified.")
    return _("Outcome: {status} (first {first} → latest {latest}, {n} ratings; reliable "
             "change {rc}, clinical cutoff {cutoff}).").format(
        status=_(_OUTCOME_WORDS.get(change.status, change.status)), first=format_number(change.first),
        latest=format_number(change.latest), n=change.n,
        rc=format_number(scale.reliable_change), cutoff=format_number(scale.cutoff))  # fmt: skip


def redaction_sentence(packet: Packet) -> str:
    """The cover's sentence on what the redaction did, from its real replacements."""
    r = packet.redactions
    pseudonymised = not packet.options.identify
    codes = ""
    if pseudonymised and r.codes:
        codes = ngettext("; client codes (or names in them) found in the text were replaced "
                         "once", "; client codes (or names in them) found in the text were "
                         "replaced {n} times", r.codes).format(n=r.codes)  # fmt: skip
    if not r.list_set:
        return _("No redaction list is set, so reflections appear as written{codes}. "
                 "Add names and places to the list in Settings.").format(codes=codes)  # fmt: skip
    return ngettext("{n} listed word redacted{codes}.", "{n} listed words redacted{codes}.",
                    r.listed).format(n=r.listed, codes=codes)  # fmt: skip


def _order(
    clients: Sequence[Client],
    sessions: Iterable[Session],
    options: PacketOptions,
    scale: ClientRatingScale,
    insight_settings: InsightSettings | None,
    outcome: OutcomeScale | None = None,
) -> tuple[Any, dict[int | None, list[Session]], dict[int | None, list[Session]], list[Client]]:
    """The packet's clients in caseload risk order, with the insights that ordered them."""
    chosen = _choose_clients(clients, options)
    # Insights over each client's history up to the end of the range, so "recent"
    # alerts are recent as of the period the packet covers.
    upto = [s for s in sessions if options.date_to is None or s.date <= options.date_to]
    insights = analyse(
        chosen,
        upto,
        scale,
        insight_settings,
        include_practice=options.include_practice,
        outcome=outcome,
    )
    groups = group_sessions(chosen, upto)
    in_range = {
        cid: [s for s in group if options.in_range(s.date)] for cid, group in groups.items()
    }
    ordered = [row.client for row in insights.caseload if in_range[row.client.id]]
    if options.clients:  # named clients stay even without sessions in range
        ordered = [row.client for row in insights.caseload]
    return insights, groups, in_range, ordered


def _key(ordered: Sequence[Client], pseudonymise: bool) -> tuple[tuple[str, str], ...]:
    if not pseudonymise:
        return ()
    return tuple((letter_label(i), c.code) for i, c in enumerate(ordered))


def packet_redactor(
    clients: Iterable[Client], options: PacketOptions, redaction: Iterable[str] = ()
) -> Redactor:
    """The one redactor of a packet's free text (reflections, notes, goals, tags and the
    therapist's questions): the redaction list, plus client codes and the name-like words
    in them when the packet is pseudonymised."""
    redactor = Redactor.of(redaction)
    if not options.identify:
        redactor = redactor.extended(code_words(c.code for c in clients if not c.is_practice))
    return redactor


def redact_questions(
    questions: Iterable[str], redactor: Redactor | CountingRedactor
) -> tuple[str, ...]:
    """The questions as the packet prints them: stripped, blank ones dropped, redacted."""
    return tuple(redactor(q.strip()) for q in questions if q.strip())


def packet_key(packet: Packet) -> tuple[tuple[str, str], ...]:
    """The private key of a pseudonymised packet, ``(("Client A", code), ...)``, for the
    wizard to show on screen beside the preview; it is never part of the PDF. Empty when
    the packet already names clients by code."""
    return packet.key


def client_key(vault: Vault, options: PacketOptions) -> tuple[tuple[str, str], ...]:
    """``packet_key`` straight from the vault, without drawing any chart: which letter
    each client will get in a packet built with ``options``."""
    _insights, _groups, _in_range, ordered = _order(
        vault.clients(),
        vault.sessions(text=False),
        options,
        vault.client_rating_scale(),
        vault.typed_settings().insights,
    )
    return _key(ordered, not options.identify)


def _choose_clients(clients: Sequence[Client], options: PacketOptions) -> list[Client]:
    pool = [c for c in clients if options.include_practice or not c.is_practice]
    if not options.clients:
        return pool
    by_key = {c.key: c for c in clients}
    chosen: list[Client] = []
    for code in options.clients:
        client = by_key.get(code_key(code))
        if client is None:
            raise PacketError(_("There is no client with the code {code!r} in this vault.").format(
                code=code))  # fmt: skip
        if client.is_practice and not options.include_practice:
            raise PacketError(_("{code!r} is a practice client; ask for practice clients too.")
                              .format(code=code))  # fmt: skip
        if client not in chosen:
            chosen.append(client)
    return chosen


def _period(sessions: Sequence[Session], options: PacketOptions) -> str:
    start = options.date_from or min((s.date for s in sessions), default=None)
    end = options.date_to or max((s.date for s in sessions), default=None)
    if start is None or end is None:
        return _("No sessions in the chosen period.")
    if options.absolute_dates:
        return _("{first} to {last}").format(first=format_date(start), last=format_date(end))
    return _("A period of {weeks}").format(weeks=_weeks((end - start).days + 1))


def _ruptures(
    shown: Sequence[Session],
    when: Any,
    redactor: CountingRedactor,
    strategies: Mapping[str, Strategy],
) -> tuple[RuptureItem, ...]:
    items = []
    for s in shown:
        for r in s.ruptures:
            items.append(
                RuptureItem(
                    when=when(s.date),
                    kind=_("Withdrawal")
                    if r.type == RuptureType.WITHDRAWAL
                    else _("Confrontation"),
                    markers=tuple(
                        _(MARKER_LABEL[m]) if m in MARKER_LABEL else m for m in r.markers
                    ),
                    salience=r.salience,
                    outcome=_(_RESOLUTION_WORDS[Resolution(r.resolution)]),
                    repairs=tuple(_strategy_label(k, strategies) for k in r.repair_strategies),
                    note=redactor(r.note.strip()),
                )
            )
    return tuple(items)


def _strategy_label(key: str, strategies: Mapping[str, Strategy]) -> str:
    s = strategies.get(key)
    return s.shown_label if s else key.replace("_", " ")


def _strategy_counts(
    shown: Sequence[Session], strategies: Mapping[str, Strategy]
) -> tuple[tuple[str, int], ...]:
    counts = Counter(k for s in shown for k in s.strategies)
    return tuple(
        (_strategy_label(k, strategies), n)
        for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    )


def _reflections(
    shown: Sequence[Session],
    options: PacketOptions,
    when: Any,
    redactor: CountingRedactor,
    pseudonymise: bool,
) -> tuple[ReflectionItem, ...]:
    picked = [
        s
        for s in shown
        if (s.id in options.session_ids if options.session_ids is not None else s.supervision)
    ]
    items = []
    for s in picked:
        template = TEMPLATES_BY_KEY.get(s.reflection.template)
        prompts = {sec.key: _(sec.prompt) for sec in template.sections} if template else {}
        sections = tuple(
            (prompts.get(key, key.replace("_", " ").capitalize()), redactor(text.strip()))
            for key, text in s.reflection.sections.items()
            if text.strip()
        )
        items.append(
            ReflectionItem(
                when=when(s.date),
                template=template.name if template else s.reflection.template,
                sections=sections,
                tags=redactor.tags(
                    [t for t in s.tags if not is_level_tag(t)], drop_code_like=pseudonymise
                ),
                levels=level_lines(s.tags),
            )
        )
    return tuple(items)


def _cell(e: StrategyEstimate | None, status: Any) -> str:
    """An estimate and its interval, or "not enough yet: N uses, K clients"."""
    if e is None:
        return ""
    if not e.shown or e.estimate is None or e.ci_low is None or e.ci_high is None:
        return str(status(e))
    return _("{estimate} ({low} to {high})").format(
        estimate=format_signed(e.estimate), low=format_signed(e.ci_low),
        high=format_signed(e.ci_high))  # fmt: skip


def _uses(uses: int, clients: int) -> str:
    return "{}, {}".format(ngettext("{n} use", "{n} uses", uses).format(n=uses),
                           ngettext("{n} client", "{n} clients", clients).format(n=clients))  # fmt: skip


def level_lines(tags: Iterable[str]) -> tuple[str, ...]:
    """The reflection levels chosen for a session, in words, from its level tags."""
    tags = list(tags)
    out = []
    mine = chosen_level(tags, "self")
    if mine is not None:
        out.append(_("Chosen reflection level: {level}").format(level=_(mine.label)))
    theirs = chosen_level(tags, "supervisor")
    if theirs is not None:
        out.append(_("Level chosen by the supervisor: {level}").format(level=_(theirs.label)))
    return tuple(out)


def _practice_charts(
    charts: dict[str, ChartSpec],
    sessions: Sequence[Session],
    parts: Sequence[ClientPart],
    groups: Mapping[int | None, list[Session]],
    in_range: Mapping[int | None, list[Session]],
    ordered: Sequence[Client],
    strategies: Mapping[str, Strategy],
    options: PacketOptions,
) -> tuple[str, ...]:
    if not parts:
        return ()
    from alliance_desktop.charts.practice import practice_trend, rupture_timeline
    from alliance_desktop.charts.relative import label_months
    from alliance_desktop.charts.text import describe_practice_trend, describe_rupture_timeline
    from alliance_desktop.insights.practice import practice_trend as months
    from alliance_desktop.insights.practice import rupture_months

    trend_months = months(sessions)
    rupture_rows = rupture_months(sessions)
    origin = options.date_from or min((s.date for s in sessions), default=None)
    relative = not options.absolute_dates and origin is not None

    def month_label(day: date) -> str:
        if relative and origin is not None:
            n = (day.year - origin.year) * 12 + day.month - origin.month + 1
            return _("month {n}").format(n=n)
        return _month_label(day)

    def trend() -> Figure:
        fig = practice_trend(trend_months, title=_("The packet's clients: alliance by month"))
        if relative and origin is not None:
            label_months(fig, origin)
        return fig

    def timeline() -> Figure:
        fig = rupture_timeline(rupture_rows)
        if relative and origin is not None:
            label_months(fig, origin)
        return fig

    charts["practice-trend"] = SharedChart(
        trend, lambda: describe_practice_trend(trend_months, month_format=month_label,
                                               number_format=format_number), 4.2 / 9.0)  # fmt: skip
    charts["rupture-timeline"] = SharedChart(
        timeline, lambda: describe_rupture_timeline(rupture_rows, month_format=month_label,
                                                    number_format=format_number), 4.2 / 9.0)  # fmt: skip
    return ("practice-trend", "rupture-timeline")


STRATEGY_CHART = "strategy-outcomes"


def _strategy_section(
    charts: dict[str, ChartSpec],
    parts: Sequence[ClientPart],
    in_range: Mapping[int | None, list[Session]],
    ordered: Sequence[Client],
    strategies: Mapping[str, Strategy],
    settings: InsightSettings,
) -> tuple[tuple[StrategyLine, ...], tuple[str, ...]]:
    """The regression-aware estimates over the packet's clients and period, their chart
    (its caveats go in the text beside it) and the two caveat sentences."""
    if not parts:
        return (), ()
    from alliance_desktop.charts.outcomes import strategy_outcomes as outcomes_chart
    from alliance_desktop.insights.strategy_estimates import (
        caveats,
        status_text,
        strategy_estimates_by_client,
    )

    by_id = sorted(ordered, key=lambda c: (c.id is None, c.id or 0, c.key))
    estimates: list[StrategyEstimate] = strategy_estimates_by_client(
        [in_range[c.id] for c in by_id],
        min_uses=settings.strategy_min_uses,
        min_clients=settings.strategy_min_clients,
    )
    if not estimates:
        return (), ()
    from alliance_desktop.charts.text import describe_strategy_outcomes

    def chart() -> Figure:
        return outcomes_chart(estimates, catalogue=strategies, note=False)

    rows = len({e.strategy for e in estimates})
    charts[STRATEGY_CHART] = SharedChart(
        chart,
        lambda: describe_strategy_outcomes(estimates, catalogue=strategies,
                                           number_format=format_number),
        min(1.3, (1.6 + 0.32 * rows) / 9.0),
    )  # fmt: skip
    found = {(e.strategy, e.dimension): e for e in estimates}
    order = list(strategies)
    keys = sorted({e.strategy for e in estimates},
                  key=lambda k: (order.index(k) if k in order else len(order), k))  # fmt: skip
    lines = []
    for key in keys:
        trust, engagement = found.get((key, "trust")), found.get((key, "engagement"))
        both = [e for e in (trust, engagement) if e is not None]
        most = max(both, key=lambda e: (e.uses, e.clients))
        lines.append(
            StrategyLine(
                label=_strategy_label(key, strategies),
                trust=_cell(trust, status_text),
                engagement=_cell(engagement, status_text),
                shown=any(e.shown for e in both),
                counts=_uses(most.uses, most.clients),
            )
        )
    return tuple(lines), caveats(estimates)


# -- HTML --------------------------------------------------------------------------

ACROSS = N_("Across the packet's clients")
STRATEGY_HEADING = N_("What followed each strategy")


def privacy_sentence(o: PacketOptions) -> str:
    """What the packet does to names and dates, in one plain sentence."""
    if o.identify and o.absolute_dates:
        who = _("Not pseudonymised: clients are named by their codes, with calendar dates.")
    elif o.identify:
        who = _("Not pseudonymised: clients are named by their codes, with weeks counted "
                "from each first session.")  # fmt: skip
    elif o.absolute_dates:
        who = _("Pseudonymised: clients appear as letters in risk order, with calendar dates.")
    else:
        who = _("Pseudonymised: clients appear as letters in risk order, with weeks counted "
                "from each first session.")  # fmt: skip
    return who + " " + _("Free text can still identify someone: treat the packet as "
                         "confidential clinical supervision material.")  # fmt: skip


def sections(packet: Packet) -> list[str]:
    """The sections the packet holds, in order: the cover announces exactly these."""
    out = [_("your questions"), _("the clients in this packet"),
           _("lenses for our conversation")]  # fmt: skip
    out += [f"{c.label}" for c in packet.clients]
    if packet.practice_charts:
        out.append(_("across the packet's clients"))
    if packet.clients:
        out.append(_("what followed each strategy"))
    return out


# -- PDF ---------------------------------------------------------------------------

CREATOR = "Alliance Desktop"


def render_packet(
    packet: Packet,
    *,
    page_size: str | None = None,
    out: BinaryIO | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> RenderResult:
    """The packet as a tagged PDF (PDF/UA-1), in memory (``result.data``) or into
    ``out``; see :mod:`alliance_desktop.reports.packet_pdf`. Nothing touches the disk:
    ``app.packets`` writes the bytes through ``app.files.write_private``."""
    from alliance_desktop.reports.packet_pdf import render_packet as render

    return render(packet, page_size=page_size, out=out, on_progress=on_progress,
                  cancelled=cancelled)  # fmt: skip


__all__ = [
    "FOOTER",
    "LENSES",
    "PAGE_SIZES",
    "Cancelled",
    "ChartSpec",
    "ClientChart",
    "ClientPart",
    "CountingRedactor",
    "Packet",
    "PacketError",
    "PacketOptions",
    "Redactions",
    "ReflectionItem",
    "RenderResult",
    "RuptureItem",
    "SharedChart",
    "StrategyLine",
    "build_packet",
    "client_key",
    "letter_label",
    "make_packet",
    "outcome_line",
    "packet_key",
    "packet_redactor",
    "privacy_sentence",
    "redact_questions",
    "redaction_sentence",
    "render_packet",
    "sections",
]
