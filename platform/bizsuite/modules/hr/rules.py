"""HR's domain rules (职务分析): plain functions over plain values, unit-tested without a database.

- promotion paths and reporting lines must not loop (:func:`find_cycle`, :func:`cycle_if`);
- job requirements never name protected characteristics; free text that does is flagged for
  review (:func:`protected_terms`);
- staffing: headcount (定员) against the people holding a position on a day (:func:`staffing`);
- an employee's assignments to positions over time never overlap (:func:`plan_assignment`);
- personal data is seen only by HR, the employee and their line managers (:func:`personal_access`);
- who is reminded of a job-analysis questionnaire before its due day (:func:`reminder_due`);
- appraisals: a cycle's lifecycle (:data:`CYCLE_TRANSITIONS`), the weighted roll-up of an
  employee's duty scores (:func:`rollup`), a position's mean (:func:`mean_score`), the
  distribution over the four levels and the outliers of a calibration (:func:`outliers`).
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def normal_code(code: str) -> str:
    """Codes are compared and stored in upper case (``ab-1`` and ``AB-1`` are one code)."""
    return code.strip().upper()


# --- paths without loops --------------------------------------------------------------------


def find_cycle(edges: Mapping[K, Iterable[K]]) -> list[K] | None:
    """A loop in a directed graph, as the nodes walked from its first node back to it
    (``[a, b, a]``), or None when there is none. Iterative depth-first search, so a long chain
    of positions cannot overflow the stack; the nodes are visited in a stable order."""
    white, grey, black = 0, 1, 2
    colour: dict[K, int] = {}
    graph = {node: list(targets) for node, targets in edges.items()}
    for start in list(graph):
        if colour.get(start, white) != white:
            continue
        stack: list[tuple[K, int]] = [(start, 0)]
        path: list[K] = [start]
        colour[start] = grey
        while stack:
            node, index = stack[-1]
            targets = graph.get(node, [])
            if index < len(targets):
                stack[-1] = (node, index + 1)
                target = targets[index]
                state = colour.get(target, white)
                if state == grey:
                    return [*path[path.index(target) :], target]
                if state == white:
                    colour[target] = grey
                    stack.append((target, 0))
                    path.append(target)
                continue
            colour[node] = black
            stack.pop()
            path.pop()
    return None


def cycle_if(edges: Mapping[K, Iterable[K]], node: K, targets: Iterable[K]) -> list[K] | None:
    """The loop the graph would have if ``node``'s edges were replaced by ``targets``, or None;
    a loop through ``node`` is told from it (the change being made comes first)."""
    changed = {key: list(value) for key, value in edges.items()}
    changed[node] = list(targets)
    loop = find_cycle(changed)
    if loop is not None and node in loop[:-1]:
        start = loop.index(node)
        loop = [*loop[start:-1], *loop[:start], node]
    return loop


def inverse(edges: Mapping[K, Iterable[K]], node: K) -> list[K]:
    """The nodes with an edge to ``node`` (a position's *promoted from*: whoever promotes to it)."""
    return [source for source, targets in edges.items() if node in set(targets)]


# --- protected characteristics --------------------------------------------------------------

#: What a job requirement may not ask for; free text naming one is flagged for review.
PROTECTED = ("gender", "age", "height", "physique", "marital_status")

_ZH: dict[str, tuple[str, ...]] = {
    "gender": (r"性别", r"男性", r"女性", r"男士", r"女士", r"男生", r"女生", r"男女"),
    "age": (r"年龄", r"周岁", r"\d+\s*岁", r"岁以[上下]", r"年轻"),
    "height": (r"身高", r"\d+\s*(?:厘米|公分|cm)"),
    "physique": (r"体质", r"体型", r"体格", r"身材", r"体重", r"相貌", r"五官", r"形象气质"),
    "marital_status": (r"婚姻", r"已婚", r"未婚", r"婚育", r"已育", r"单身"),
}
_EN: dict[str, tuple[str, ...]] = {
    "gender": (r"gender", r"sex", r"males?", r"females?", r"(?:wo)?m[ae]n only", r"(?:wo)?men"),
    "age": (r"age[ds]?", r"years? old", r"under \d+", r"over \d+", r"young"),
    "height": (r"height", r"tall", r"\d+\s*cm"),
    "physique": (r"physique", r"body (?:type|shape)", r"weight", r"good[- ]looking", r"attractive"),
    "marital_status": (r"marital", r"married", r"unmarried", r"spouse", r"pregnan\w*"),
}
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    *((kind, re.compile("|".join(terms))) for kind, terms in _ZH.items()),
    *((kind, re.compile(r"\b(?:" + "|".join(terms) + r")\b", re.IGNORECASE)) for kind, terms in _EN.items()),
]


@dataclass(frozen=True, slots=True)
class ProtectedTerm:
    """A protected characteristic named in a text: which one, the words, and where."""

    characteristic: str
    term: str
    field: str


def protected_terms(text: str | None, field: str = "") -> list[ProtectedTerm]:
    """Where ``text`` names a protected characteristic (gender, age, height, physique, marital
    status), in Chinese or English, in the order they appear; each term once per field."""
    if not text:
        return []
    found: list[tuple[int, ProtectedTerm]] = []
    seen: set[tuple[str, str]] = set()
    for characteristic, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            key = (characteristic, match.group(0).lower())
            if key in seen:
                continue
            seen.add(key)
            found.append((match.start(), ProtectedTerm(characteristic, match.group(0), field)))
    return [term for _start, term in sorted(found, key=lambda pair: pair[0])]


def review_flags(fields: Mapping[str, str | None]) -> list[ProtectedTerm]:
    """Every protected term in the named free-text fields, field by field."""
    return [term for name, text in fields.items() for term in protected_terms(text, name)]


# --- staffing -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Staffing:
    """Headcount (定员) against the people holding one position, or summed over several.

    Vacancies and overstaffing are worked out per position and then added, so one position's
    extra people never hide another's vacancy."""

    headcount: int
    filled: int
    vacancies: int
    over: int
    positions: int = 1

    @property
    def formula(self) -> str:
        """How the vacancies were worked out, with the inputs."""
        if self.positions == 1:
            return (
                f"vacancies = max(0, headcount {self.headcount} − in post {self.filled}) = {self.vacancies}"
            )
        return (
            f"vacancies = Σ max(0, headcount − in post) over {self.positions} positions = {self.vacancies}"
            f" (headcount {self.headcount}, in post {self.filled}, over the headcount {self.over})"
        )

    def __add__(self, other: Staffing) -> Staffing:
        return Staffing(
            self.headcount + other.headcount,
            self.filled + other.filled,
            self.vacancies + other.vacancies,
            self.over + other.over,
            self.positions + other.positions,
        )


NO_STAFF = Staffing(0, 0, 0, 0, 0)


def staffing(headcount: int, filled: int) -> Staffing:
    """One position's staffing: vacancies = max(0, headcount − filled), over = max(0, filled − headcount)."""
    return Staffing(headcount, filled, max(0, headcount - filled), max(0, filled - headcount))


def total_staffing(items: Iterable[Staffing]) -> Staffing:
    """Several positions' staffing added up (vacancies and overstaffing position by position)."""
    result = NO_STAFF
    for item in items:
        result = result + item
    return result


def holds_on(starts_on: date, ends_on: date | None, day: date) -> bool:
    """Whether an assignment from ``starts_on`` to ``ends_on`` (inclusive; open when None) holds on ``day``."""
    return starts_on <= day and (ends_on is None or day <= ends_on)


# --- assignment history ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    """An assignment's days: ``starts_on`` to ``ends_on`` inclusive (open when None)."""

    key: Hashable
    starts_on: date
    ends_on: date | None


@dataclass(frozen=True, slots=True)
class AssignmentPlan:
    """What assigning someone from a day does: the open assignment it ends (and on which day),
    or why it cannot be done."""

    closes: Hashable | None = None
    closes_on: date | None = None
    problem: str | None = None


def plan_assignment(history: Sequence[Span], starts_on: date, ends_on: date | None = None) -> AssignmentPlan:
    """Assign from ``starts_on``: an open assignment that began earlier ends the day before (a
    transfer); any other overlap with the history is refused."""
    if ends_on is not None and ends_on < starts_on:
        return AssignmentPlan(problem="the end date is before the start date")
    closes: Span | None = None
    for span in history:
        if span.ends_on is None and span.starts_on < starts_on:
            closes = span
            continue
        last = span.ends_on or date.max
        if span.starts_on <= (ends_on or date.max) and starts_on <= last:
            return AssignmentPlan(
                problem=f"overlaps the assignment from {span.starts_on.isoformat()}"
                + (f" to {span.ends_on.isoformat()}" if span.ends_on else "")
            )
    if closes is not None:
        return AssignmentPlan(closes=closes.key, closes_on=starts_on - timedelta(days=1))
    return AssignmentPlan()


# --- job descriptions -----------------------------------------------------------------------

#: The four levels of a duty's performance standard (优/良/可/差).
LEVELS = ("excellent", "good", "fair", "poor")


def next_number(existing: Iterable[int]) -> int:
    """A position's next job-description version: one more than the highest (1 for the first)."""
    return max(existing, default=0) + 1


def renumbered(order: Sequence[K]) -> dict[K, int]:
    """Duty items numbered 1, 2, ... in their order (after one is removed or moved)."""
    return {key: index for index, key in enumerate(order, start=1)}


# --- job-analysis questionnaire (职务分析问卷) ----------------------------------------------

#: The six dimensions of the questionnaire's items.
DIMENSIONS = (
    "information_input", "mental_processes", "interpersonal", "work_context", "other_aspects", "criticality",
)  # fmt: skip
#: What each item is rated on, 1 (lowest) to 5: the need for it in the job (需要程度), its
#: importance to the job (重要程度) and its contribution to the organisation (对单位的贡献).
SCALES = ("need", "importance", "contribution")
#: Rater roles: people in the position and their managers.
RATER_ROLES = ("incumbent", "manager")
#: Incumbents' and managers' means further apart than this on a scale: they disagree.
DISAGREEMENT = Decimal("1.5")
CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class Rating:
    """One rater's ratings of one item (1-5 each)."""

    rater: Hashable
    role: str
    item: Hashable
    need: int
    importance: int
    contribution: int


@dataclass(frozen=True, slots=True)
class ItemResult:
    """An item's means over every rater and per role, its points and how far the roles differ."""

    item: Hashable
    dimension: str
    raters: int
    need: Decimal
    importance: Decimal
    contribution: Decimal
    #: mean importance × mean contribution.
    points: Decimal
    #: Per role, per scale: the role's mean (None when that role did not rate the item).
    by_role: dict[str, dict[str, Decimal | None]]
    #: The widest gap between incumbents' and managers' means over the scales (None: one role only).
    gap: Decimal | None
    disagreement: bool


@dataclass(frozen=True, slots=True)
class DimensionResult:
    """A dimension of the ability profile: the mean need and importance of its rated items."""

    dimension: str
    items: int
    need: Decimal
    importance: Decimal


@dataclass(frozen=True, slots=True)
class AnalysisResult:
    """A position's questionnaire results: per item, the ability profile, the points."""

    items: list[ItemResult]
    profile: list[DimensionResult]
    points: Decimal
    raters: int

    @property
    def formula(self) -> str:
        """How the points were worked out."""
        return f"points = Σ mean importance × mean contribution over {len(self.items)} rated items = {self.points}"


def _mean(values: Sequence[int | Decimal]) -> Decimal:
    return (sum((Decimal(v) for v in values), Decimal(0)) / len(values)).quantize(
        CENT, rounding=ROUND_HALF_UP
    )


def analyse(dimensions: Mapping[Hashable, str], ratings: Iterable[Rating]) -> AnalysisResult:
    """Aggregate ratings per item (items in ``dimensions``' order; unrated ones left out) into
    means, points (mean importance × mean contribution, half-up to 0.01), the gap between
    incumbents and managers, and the profile per dimension (in :data:`DIMENSIONS` order)."""
    by_item: dict[Hashable, list[Rating]] = {}
    raters: set[Hashable] = set()
    for rating in ratings:
        if rating.item in dimensions:
            by_item.setdefault(rating.item, []).append(rating)
            raters.add(rating.rater)
    items: list[ItemResult] = []
    for item, dimension in dimensions.items():
        rated = by_item.get(item)
        if not rated:
            continue
        means = {scale: _mean([getattr(r, scale) for r in rated]) for scale in SCALES}
        by_role: dict[str, dict[str, Decimal | None]] = {}
        for role in RATER_ROLES:
            mine = [r for r in rated if r.role == role]
            by_role[role] = {
                scale: _mean([getattr(r, scale) for r in mine]) if mine else None for scale in SCALES
            }
        gaps = [
            abs(a - b)
            for scale in SCALES
            if (a := by_role["incumbent"][scale]) is not None and (b := by_role["manager"][scale]) is not None
        ]
        gap = max(gaps) if gaps else None
        items.append(
            ItemResult(
                item=item,
                dimension=dimension,
                raters=len({r.rater for r in rated}),
                need=means["need"],
                importance=means["importance"],
                contribution=means["contribution"],
                points=(means["importance"] * means["contribution"]).quantize(CENT, rounding=ROUND_HALF_UP),
                by_role=by_role,
                gap=gap,
                disagreement=gap is not None and gap > DISAGREEMENT,
            )
        )
    profile = [
        DimensionResult(
            dimension=dimension,
            items=len(in_dimension),
            need=_mean([i.need for i in in_dimension]),
            importance=_mean([i.importance for i in in_dimension]),
        )
        for dimension in DIMENSIONS
        if (in_dimension := [i for i in items if i.dimension == dimension])
    ]
    return AnalysisResult(
        items=items, profile=profile, points=sum((i.points for i in items), Decimal(0)), raters=len(raters)
    )


def suggest_grade(points: Decimal, bands: Iterable[tuple[Decimal, str]]) -> str | None:
    """The grade of the band with the highest minimum at or below ``points`` (the tenant's
    points-to-grade table, e.g. ``[(0, "S1"), (60, "S2"), (90, "M1")]``), or None below every band."""
    fitting = [(minimum, grade) for minimum, grade in bands if minimum <= points]
    return max(fitting)[1] if fitting else None


# --- personal data --------------------------------------------------------------------------

#: The employee record's personal data (个人资料), as against its work fields.
PERSONAL_FIELDS = (
    "birth_date", "id_number", "personal_phone", "home_address", "emergency_contact", "emergency_phone",
)  # fmt: skip


def managers_of(position: K, reports_to: Mapping[K, K | None]) -> list[K]:
    """The positions above ``position`` in the reporting lines, nearest first (its line
    managers' positions); a loop, which the services never store, ends the walk."""
    found: list[K] = []
    seen = {position}
    above = reports_to.get(position)
    while above is not None and above not in seen:
        found.append(above)
        seen.add(above)
        above = reports_to.get(above)
    return found


def personal_access(
    *,
    is_hr: bool,
    is_self: bool,
    employee_positions: Iterable[K],
    caller_positions: Iterable[K],
    reports_to: Mapping[K, K | None],
) -> str | None:
    """Why the caller may see an employee's personal data, or None when they may not.

    ``"hr"``: the caller is HR (a tenant owner or admin); ``"self"``: it is their own record;
    ``"line_manager"``: the caller holds (today) a position above one the employee holds in the
    reporting lines (the direct manager and the managers above them). Nobody else, whatever
    their role: a manager of another store sees the work fields only.
    """
    if is_hr:
        return "hr"
    if is_self:
        return "self"
    mine: set[K] = set(caller_positions)
    for held in employee_positions:
        above: list[K] = managers_of(held, reports_to)
        if mine.intersection(above):
            return "line_manager"
    return None


# --- questionnaire invitations and reminders ------------------------------------------------


def reminder_due(
    due_on: date | None, remind_days: int, today: date, *, answered: bool, reminded: bool
) -> bool:
    """Whether a rater is reminded today: the campaign has a due day, it is at most
    ``remind_days`` days away (the due day itself included, never after it), and the rater has
    neither answered nor been reminded."""
    if due_on is None or answered or reminded:
        return False
    return due_on - timedelta(days=remind_days) <= today <= due_on


# --- appraisals (考核) ----------------------------------------------------------------------

#: An appraisal cycle's statuses and where each may go: a draft opens (its employees are
#: enrolled), an open cycle closes (its scores are locked), a closed one stays closed.
CYCLE_TRANSITIONS: dict[str, tuple[str, ...]] = {"draft": ("open",), "open": ("closed",), "closed": ()}
#: The default points of the four levels (a tenant setting): 优 100, 良 85, 可 70, 差 50.
DEFAULT_LEVEL_POINTS: dict[str, Decimal] = {
    "excellent": Decimal(100), "good": Decimal(85), "fair": Decimal(70), "poor": Decimal(50),
}  # fmt: skip
#: Self and manager roll-ups further apart than this (points): an outlier to calibrate.
SELF_GAP = Decimal(15)
#: A manager roll-up further than this (points) from the cycle's mean: an outlier to calibrate.
SPREAD = Decimal(20)


def allowed_cycle_moves(status: str) -> tuple[str, ...]:
    """The statuses an appraisal cycle in ``status`` may move to."""
    return CYCLE_TRANSITIONS[status]


@dataclass(frozen=True, slots=True)
class ScoredDuty:
    """One duty in a roll-up: its weight (percent, None when the duty has none), the level it was
    scored (None: not yet) and that level's points."""

    duty: Hashable
    weight: Decimal | None
    level: str | None
    points: Decimal | None
    #: The weight the roll-up counted (see :func:`rollup`).
    counted: Decimal


@dataclass(frozen=True, slots=True)
class Rollup:
    """A weighted roll-up of one rater's scores of an employee's duties."""

    #: Σ weight × points / Σ weight over the scored duties, half-up to 0.01 (None: nothing scored).
    score: Decimal | None
    #: The level nearest the score (None: nothing scored).
    level: str | None
    duties: list[ScoredDuty]
    weighted: Decimal
    weights: Decimal
    scored: int
    total: int

    @property
    def complete(self) -> bool:
        """Whether every duty is scored."""
        return self.total > 0 and self.scored == self.total

    @property
    def formula(self) -> str:
        """How the score was worked out, with its inputs."""
        if self.score is None:
            return f"no duty scored yet (0 of {self.total})"
        terms = " + ".join(
            f"{d.counted} × {d.points}" for d in self.duties if d.points is not None and d.counted
        )
        return (
            f"score = Σ weight × points / Σ weight = ({terms}) / {self.weights}"
            f" = {self.weighted} / {self.weights} = {self.score} ({self.scored} of {self.total} duties scored)"
        )


def nearest_level(score: Decimal, points: Mapping[str, Decimal]) -> str:
    """The level whose points are nearest ``score`` (a tie goes to the higher level)."""
    return min(LEVELS, key=lambda level: (abs(points[level] - score), -points[level]))


def rollup(
    duties: Sequence[tuple[Hashable, Decimal | None, str | None]], points: Mapping[str, Decimal]
) -> Rollup:
    """Roll one rater's levels of an employee's duties up into a score: Σ weight × points / Σ
    weight over the scored duties, half-up to 0.01. ``duties`` are ``(duty, weight, level)``;
    when no duty has a weight each counts 1, otherwise a duty without one counts 0 (it is shown,
    and left out of the score)."""
    weighted_any = any(weight is not None for _duty, weight, _level in duties)
    lines: list[ScoredDuty] = []
    for duty, weight, level in duties:
        counted = (weight or Decimal(0)) if weighted_any else Decimal(1)
        lines.append(ScoredDuty(duty, weight, level, points[level] if level else None, counted))
    scored = [line for line in lines if line.points is not None]
    weights = sum((line.counted for line in scored), Decimal(0))
    weighted = sum((line.counted * line.points for line in scored if line.points is not None), Decimal(0))
    score = (weighted / weights).quantize(CENT, rounding=ROUND_HALF_UP) if weights else None
    return Rollup(
        score=score,
        level=nearest_level(score, points) if score is not None else None,
        duties=lines,
        weighted=weighted.quantize(CENT, rounding=ROUND_HALF_UP),
        weights=weights.quantize(CENT, rounding=ROUND_HALF_UP),
        scored=len(scored),
        total=len(lines),
    )


def mean_score(scores: Iterable[Decimal | None]) -> Decimal | None:
    """The mean of the scores given (None ones left out), half-up to 0.01: a position's roll-up
    over its employees; None when none is scored."""
    given = [s for s in scores if s is not None]
    return _mean(given) if given else None


def distribution(levels: Iterable[str | None]) -> dict[str, int]:
    """How many employees are at each of the four levels (unscored ones left out)."""
    counts = dict.fromkeys(LEVELS, 0)
    for level in levels:
        if level is not None:
            counts[level] += 1
    return counts


@dataclass(frozen=True, slots=True)
class Outlier:
    """Why an appraisal stands out in calibration."""

    key: Hashable
    reasons: tuple[str, ...]


def outliers(
    rows: Sequence[tuple[Hashable, Decimal | None, Decimal | None]],
    *,
    self_gap: Decimal = SELF_GAP,
    spread: Decimal = SPREAD,
) -> list[Outlier]:
    """The appraisals to look at in calibration, from ``(key, self score, manager score)``:
    ``self_gap`` when self and manager are more than ``self_gap`` points apart, ``spread`` when
    the manager's score is more than ``spread`` points from the mean of the manager scores."""
    mean = mean_score(manager for _key, _self, manager in rows)
    found: list[Outlier] = []
    for key, own, manager in rows:
        reasons: list[str] = []
        if own is not None and manager is not None and abs(own - manager) > self_gap:
            reasons.append("self_gap")
        if manager is not None and mean is not None and abs(manager - mean) > spread:
            reasons.append("spread")
        if reasons:
            found.append(Outlier(key, tuple(reasons)))
    return found
