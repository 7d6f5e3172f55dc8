"""Fee billing rules (管理费收取) as plain functions over plain values.

The seed's schedule (``product.md``, *Fee billing*): Q1–Q3 0.70 CNY per 100 USD of the quarter's
customs import+export total; Q4 settles the year's customs total (cut off on 20 December) at a
rate chosen in the band 0.10–0.25 CNY per 100 USD; 20% of the annual operating profit billed in
Q1 of the following year on the reported figure and trued up on the audited one; 5% of the
annual other income. Money is decimal, rounded half-up to 0.01 **once per line**; a statement's
total is the plain sum of its lines.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from bizsuite.core.numbering import rules as numbering_rules

CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("9999999999999999.99")
#: How long after a quarter ends HQ finance and the subsidiary have to reconcile (核对) its figures.
RECONCILE_DAYS = 15
#: Days after issue a statement is due.
PAYMENT_DAYS = 30
#: Ageing buckets of the outstanding balance (days past due): label, first day, last day.
AGEING_BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("current", -100000, 0),
    ("1-30", 1, 30),
    ("31-60", 31, 60),
    ("61-90", 61, 90),
    ("90+", 91, None),
)


class ComponentKind(enum.StrEnum):
    """The four kinds of fee a schedule is made of."""

    #: A rate per unit of a metric per quarter (0.70 CNY per 100 USD of customs volume).
    VOLUME_RATE = "volume_rate"
    #: Annual settlement at a rate chosen inside a band (0.10–0.25 CNY per 100 USD).
    BAND_SETTLEMENT = "band_settlement"
    #: A percentage of the operating profit, billed on the reported figure, trued up on the audited one.
    PROFIT_SHARE = "profit_share"
    #: A percentage of the annual other income (rent, labour services...).
    INCOME_SHARE = "income_share"


class LineKind(enum.StrEnum):
    """What a statement line is."""

    FEE = "fee"
    TRUE_UP = "true_up"
    ADJUSTMENT = "adjustment"


def money(value: Decimal) -> Decimal:
    """``value`` rounded half-up to 0.01 (the only rounding a line gets)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def shown(value: Decimal) -> str:
    """A decimal as a person reads it in a formula: thousands separated, trailing zeros kept."""
    return f"{value:,}"


def tidy(value: Decimal) -> Decimal:
    """A rate or unit as written by people: 100.000000 → 100, 0.700000 → 0.70, 0.175000 → 0.175."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    if value == value.quantize(CENT):
        return value.quantize(CENT)
    return value.normalize()


def amount_error(value: Decimal, *, positive: bool = False, signed: bool = False) -> str | None:
    """Why ``value`` is not a usable amount, or None: finite, at most two decimals, not negative
    (above zero when ``positive``; any sign when ``signed``), not absurdly large."""
    if not value.is_finite():
        return "must be a number"
    if value != value.quantize(CENT):
        return "at most 2 decimals"
    if not signed and (value < 0 or (positive and value == 0)):
        return "must be greater than 0" if positive else "must not be negative"
    if abs(value) > MAX_AMOUNT:
        return f"must be at most {MAX_AMOUNT}"
    return None


def rate_error(value: Decimal) -> str | None:
    """Why ``value`` is not a usable rate (finite, not negative, at most 6 decimals), or None."""
    if not value.is_finite():
        return "must be a number"
    if value < 0:
        return "must not be negative"
    if value != value.quantize(Decimal("0.000001")):
        return "at most 6 decimals"
    return None


# --- periods and the customs cut-off ------------------------------------------------------------


@dataclass(frozen=True)
class Cutoff:
    """The last day (month, day) of a fee year's customs data; later records count toward the next year."""

    month: int = 12
    day: int = 20

    def of(self, year: int) -> date:
        """The cut-off date in ``year``."""
        return date(year, self.month, self.day)


SEED_CUTOFF = Cutoff(12, 20)


def quarter_of(day: date) -> int:
    """The calendar quarter (1–4) of ``day``."""
    return (day.month - 1) // 3 + 1


def quarter_start(year: int, quarter: int) -> date:
    """The first day of a calendar quarter."""
    return date(year, 3 * quarter - 2, 1)


def quarter_end(year: int, quarter: int) -> date:
    """The last day of a calendar quarter."""
    return (date(year + 1, 1, 1) if quarter == 4 else quarter_start(year, quarter + 1)) - timedelta(days=1)


def fee_period(day: date, cutoff: Cutoff = SEED_CUTOFF) -> tuple[int, int]:
    """The fee (year, quarter) a customs record dated ``day`` counts toward: its calendar quarter,
    except that records after the cut-off (21–31 December) count toward Q1 of the next fee year."""
    if day > cutoff.of(day.year):
        return day.year + 1, 1
    return day.year, quarter_of(day)


def fee_year(day: date, cutoff: Cutoff = SEED_CUTOFF) -> int:
    """The fee year a customs record dated ``day`` counts toward."""
    return fee_period(day, cutoff)[0]


def period_window(year: int, quarter: int, cutoff: Cutoff = SEED_CUTOFF) -> tuple[date, date]:
    """The first and last customs dates of fee period (year, quarter), the cut-off applied:
    Q1 starts the day after last year's cut-off, Q4 ends on the cut-off."""
    start = cutoff.of(year - 1) + timedelta(days=1) if quarter == 1 else quarter_start(year, quarter)
    end = cutoff.of(year) if quarter == 4 else quarter_end(year, quarter)
    return start, end


def year_window(year: int, cutoff: Cutoff = SEED_CUTOFF) -> tuple[date, date]:
    """The first and last customs dates of fee year ``year``."""
    return cutoff.of(year - 1) + timedelta(days=1), cutoff.of(year)


def reconcile_deadline(year: int, quarter: int) -> date:
    """The last day to reconcile a quarter: 15 days after it ends."""
    return quarter_end(year, quarter) + timedelta(days=RECONCILE_DAYS)


def parse_period(text: str) -> tuple[int, int] | None:
    """``2026-Q1`` → (2026, 1), or None."""
    head, _, tail = text.strip().upper().partition("-Q")
    if not head.isdigit() or tail not in ("1", "2", "3", "4"):
        return None
    return int(head), int(tail)


# --- the fee functions -------------------------------------------------------------------------


class BandProblem(ValueError):
    """A settlement rate outside the component's band (the message names the band)."""

    def __init__(self, rate: Decimal, low: Decimal, high: Decimal, per: Decimal, currency: str) -> None:
        self.low, self.high = low, high
        super().__init__(
            f"the rate {rate} is outside the band {low}–{high} {currency} per {shown(per)} (both ends included)"
        )


@dataclass(frozen=True)
class SourceRecord:
    """A record a line's figure comes from (a customs record, a profit figure, an income entry)."""

    kind: str
    id: str
    on: str
    amount: Decimal
    reference: str = ""


@dataclass(frozen=True)
class FeeLine:
    """One line of a statement with its "why": the formula, its inputs, the rate and the sources."""

    component: ComponentKind | None
    kind: LineKind
    label: str
    amount: Decimal
    currency: str
    formula: str
    inputs: dict[str, str]
    rate: Decimal | None
    sources: tuple[SourceRecord, ...] = field(default=())
    #: What the exact (unrounded) amount was, so anyone can check the single rounding.
    exact: Decimal | None = None


def volume_fee(
    total: Decimal,
    rate: Decimal,
    *,
    per: Decimal = Decimal(100),
    metric_currency: str = "USD",
    currency: str = "CNY",
    label: str = "Volume fee",
    period: str = "",
    sources: Sequence[SourceRecord] = (),
) -> FeeLine:
    """``total`` ÷ ``per`` × ``rate``, rounded once: 12,345,678.90 USD at 0.70 CNY per 100 USD →
    86,419.75 CNY."""
    exact = total / per * rate
    return FeeLine(
        component=ComponentKind.VOLUME_RATE,
        kind=LineKind.FEE,
        label=label,
        amount=money(exact),
        currency=currency,
        formula=f"{shown(total)} {metric_currency} ÷ {shown(per)} × {rate} {currency} = {shown(money(exact))} {currency}",
        inputs={
            "customs_total": str(total),
            "metric_currency": metric_currency,
            "per": str(per),
            "rate": str(rate),
            "period": period,
            "records": str(len(sources)),
        },
        rate=rate,
        sources=tuple(sources),
        exact=exact,
    )


def check_band(
    rate: Decimal, low: Decimal, high: Decimal, *, per: Decimal = Decimal(100), currency: str = "CNY"
) -> None:
    """Raise :class:`BandProblem` unless ``low`` ≤ ``rate`` ≤ ``high`` (both bounds included)."""
    if not rate.is_finite() or rate < low or rate > high:
        raise BandProblem(rate, low, high, per, currency)


def band_settlement_fee(
    annual_total: Decimal,
    rate: Decimal,
    low: Decimal,
    high: Decimal,
    *,
    per: Decimal = Decimal(100),
    metric_currency: str = "USD",
    currency: str = "CNY",
    label: str = "Year-end settlement",
    year: int = 0,
    sources: Sequence[SourceRecord] = (),
    cutoff: Cutoff = SEED_CUTOFF,
) -> FeeLine:
    """The Q4 settlement: the fee year's customs total (after the cut-off) ÷ ``per`` × the rate
    chosen in the band; a rate outside the band is refused naming it (Q1–Q3 are not netted off)."""
    check_band(rate, low, high, per=per, currency=currency)
    exact = annual_total / per * rate
    first, last = year_window(year, cutoff) if year else (None, None)
    return FeeLine(
        component=ComponentKind.BAND_SETTLEMENT,
        kind=LineKind.FEE,
        label=label,
        amount=money(exact),
        currency=currency,
        formula=(
            f"{shown(annual_total)} {metric_currency} ÷ {shown(per)} × {rate} {currency}"
            f" = {shown(money(exact))} {currency}"
        ),
        inputs={
            "annual_customs_total": str(annual_total),
            "metric_currency": metric_currency,
            "per": str(per),
            "rate": str(rate),
            "band": f"{low}–{high}",
            "from": first.isoformat() if first else "",
            "to": last.isoformat() if last else "",
            "records": str(len(sources)),
        },
        rate=rate,
        sources=tuple(sources),
        exact=exact,
    )


def share_fee(
    base: Decimal,
    percent: Decimal,
    *,
    component: ComponentKind,
    currency: str = "CNY",
    label: str,
    base_name: str,
    sources: Sequence[SourceRecord] = (),
) -> FeeLine:
    """``percent``% of ``base`` (a loss bills nothing), rounded once: 20% of the operating profit,
    5% of the other income."""
    billable = max(base, Decimal(0))
    exact = billable * percent / Decimal(100)
    note = "" if base >= 0 else f" (a loss of {shown(-base)} bills nothing)"
    return FeeLine(
        component=component,
        kind=LineKind.FEE,
        label=label,
        amount=money(exact),
        currency=currency,
        formula=f"{shown(billable)} {currency} × {percent}% = {shown(money(exact))} {currency}{note}",
        inputs={base_name: str(base), "percent": str(percent)},
        rate=percent,
        sources=tuple(sources),
        exact=exact,
    )


def profit_fee(
    reported: Decimal,
    percent: Decimal,
    *,
    year: int,
    currency: str = "CNY",
    sources: Sequence[SourceRecord] = (),
) -> FeeLine:
    """The profit fee billed in Q1 of the following year on the **reported** profit of ``year``."""
    line = share_fee(
        reported,
        percent,
        component=ComponentKind.PROFIT_SHARE,
        currency=currency,
        label=f"Profit fee {year} (reported)",
        base_name="reported_profit",
        sources=sources,
    )
    return replace(line, inputs={**line.inputs, "year": str(year), "basis": "reported"})


def profit_true_up(
    audited: Decimal,
    billed: Decimal,
    percent: Decimal,
    *,
    year: int,
    reported: Decimal,
    currency: str = "CNY",
    sources: Sequence[SourceRecord] = (),
) -> FeeLine:
    """The true-up when the audited profit arrives: what the audited profit bills (``percent``% of
    it, rounded once) less what was billed on the reported one (a credit when negative). The
    difference of two rounded amounts needs no rounding of its own, so the two lines add up to
    exactly what the audited figure bills (rounding the exact difference would not: 333.585 due
    against 333.59 billed is −0.005, which rounds to −0.01)."""
    billable = max(audited, Decimal(0))
    due = money(billable * percent / Decimal(100))
    amount = due - billed
    return FeeLine(
        component=ComponentKind.PROFIT_SHARE,
        kind=LineKind.TRUE_UP,
        label=f"Profit fee {year} true-up (audited)",
        amount=amount,
        currency=currency,
        formula=(
            f"{shown(billable)} {currency} × {percent}% = {shown(due)} {currency};"
            f" {shown(due)} − {shown(billed)} {currency} billed = {shown(amount)} {currency}"
        ),
        inputs={
            "audited_profit": str(audited),
            "reported_profit": str(reported),
            "billed": str(billed),
            "percent": str(percent),
            "year": str(year),
            "audited_fee": str(due),
        },
        rate=percent,
        sources=tuple(sources),
        exact=amount,
    )


def adjustment(amount: Decimal, reason: str, *, original: str, currency: str = "CNY") -> FeeLine:
    """A correction of an issued line, on a later statement: the amount as entered (no rounding)."""
    return FeeLine(
        component=None,
        kind=LineKind.ADJUSTMENT,
        label=f"Adjustment of {original}",
        amount=amount,
        currency=currency,
        formula=f"{shown(amount)} {currency} ({reason})",
        inputs={"reason": reason, "original": original},
        rate=None,
        exact=amount,
    )


def statement_total(lines: Iterable[FeeLine | Decimal]) -> Decimal:
    """The statement's total: the plain sum of its (already rounded) lines, never rounded again."""
    total = Decimal("0.00")
    for line in lines:
        total += line.amount if isinstance(line, FeeLine) else line
    return total


def outstanding(total: Decimal, paid: Iterable[Decimal]) -> Decimal:
    """What is still owed on a statement."""
    return total - sum(paid, Decimal("0.00"))


def ageing_bucket(due_on: date, today: date) -> str:
    """The ageing bucket of an amount due on ``due_on``, seen ``today``."""
    late = (today - due_on).days
    for label, first, last in AGEING_BUCKETS:
        if late >= first and (last is None or late <= last):
            return label
    return AGEING_BUCKETS[-1][0]


# --- who sees what -----------------------------------------------------------------------------


def subsidiary_of(unit_id: str, parents: dict[str, str | None], kinds: dict[str, str]) -> str | None:
    """The subsidiary an org unit belongs to (itself or its nearest subsidiary ancestor), or None
    for a unit on the group's side (HQ and its departments)."""
    seen: set[str] = set()
    current: str | None = unit_id
    while current is not None and current not in seen:
        if kinds.get(current) == "subsidiary":
            return current
        seen.add(current)
        current = parents.get(current)
    return None


def visible_subsidiaries(
    *, full_view: bool, assigned_units: Iterable[str], parents: dict[str, str | None], kinds: dict[str, str]
) -> frozenset[str] | None:
    """Which subsidiaries' statements a person sees: None for all (the group view: admins, and
    anyone placed at HQ or nowhere in particular), else only the subsidiaries their org units are
    in (subsidiary staff: every unit they hold a role at is inside a subsidiary)."""
    units = list(assigned_units)
    if full_view or not units:
        return None
    subsidiaries = {subsidiary_of(u, parents, kinds) for u in units}
    if None in subsidiaries:
        return None
    return frozenset(s for s in subsidiaries if s is not None)


#: Why a side of a reconciliation is not this person's to confirm or dispute.
HQ_SIDE_REFUSED = "HQ's side is confirmed by HQ finance, not by a subsidiary's staff"
SUBSIDIARY_SIDE_REFUSED = "%(unit)s's side is confirmed by its own staff, not by HQ"


def side_refusal(side: str, *, seen: frozenset[str] | None, subsidiary: str, name: str) -> str | None:
    """Why the person may not act for ``side`` of ``subsidiary``'s reconciliation, or None when they
    may. ``seen`` is what :func:`visible_subsidiaries` gives them (None: the group view). HQ's side
    is the group view's (HQ finance, anyone placed at HQ, admins); the subsidiary's side is only its
    own staff's (people scoped to it), never HQ's, so that both parties really confirm."""
    if side == "hq":
        return None if seen is None else HQ_SIDE_REFUSED
    if seen is not None and subsidiary in seen:
        return None
    return SUBSIDIARY_SIDE_REFUSED % {"unit": name or subsidiary}


# --- payers -----------------------------------------------------------------------------------


class PayerStatus(enum.StrEnum):
    """Whether a subsidiary is billed: by default every subsidiary is a wholly-owned payer."""

    #: Billed (a wholly-owned payer, or one not wholly owned that the tenant included).
    BILLED = "billed"
    #: Not a payer: excluded, with the reason.
    EXCLUDED = "excluded"
    #: Not wholly owned, and not included: not billed unless the tenant includes it.
    NOT_WHOLLY_OWNED = "not_wholly_owned"


def payer_status(*, payer: bool = True, wholly_owned: bool = True, included: bool = False) -> PayerStatus:
    """A subsidiary's billing status: excluded when it is not a payer; not billed by default when
    it is not wholly owned (the fees are a wholly-owned subsidiary's), unless included."""
    if not payer:
        return PayerStatus.EXCLUDED
    if not wholly_owned and not included:
        return PayerStatus.NOT_WHOLLY_OWNED
    return PayerStatus.BILLED


#: Why a subsidiary is not billed (the service names it, with the reason when excluded).
NOT_BILLED_EXCLUDED = "%(unit)s is not a fee payer: %(reason)s"
NOT_BILLED_PARTLY_OWNED = "%(unit)s is not wholly owned and not included in fee billing"


def payer_error(*, payer: bool, excluded_reason: str | None) -> tuple[str, str] | None:
    """(field, why) the payer settings are not usable, or None: an excluded subsidiary needs a reason."""
    if not payer and not (excluded_reason or "").strip():
        return "excluded_reason", "say why the subsidiary pays no fees"
    return None


# --- statement numbers -------------------------------------------------------------------------

#: The fields a statement number pattern may use (the kernel's grammar: ``core/numbering/rules.py``).
NUMBER_FIELDS = ("year", "quarter", "subsidiary", "seq")
DEFAULT_NUMBER_PATTERN = "FS-{year}Q{quarter}-{subsidiary}"


def number_pattern_error(pattern: str) -> str | None:
    """Why ``pattern`` cannot number statements, or None. Only ``{year}``, ``{quarter}``,
    ``{subsidiary}`` (its code) and ``{seq}`` (the statement's sequence in its fee year, with an
    optional zero-padded width up to 12 and ``d``, ``x`` or ``X``: ``{seq:04d}``) may appear; the
    numbers must be unique, so ``{year}`` must appear with ``{seq}`` or with both ``{quarter}``
    and ``{subsidiary}`` (a subsidiary has one statement a quarter). Fields are checked before
    anything is formatted."""
    names, error = numbering_rules.fields_of(pattern, NUMBER_FIELDS)
    if error is not None:
        return error
    if "year" not in names or not ("seq" in names or {"quarter", "subsidiary"} <= names):
        return "the numbers must be unique: use {year} with {seq}, or with {quarter} and {subsidiary}"
    sample = numbering_rules.render(pattern, year=2026, quarter=1, subsidiary="SUB", seq=1)
    if len(sample) > 40:
        return "the numbers it makes must have at most 40 characters besides the subsidiary code"
    return None


def format_statement_number(
    pattern: str, *, year: int, quarter: int, subsidiary: str, seq: int | None
) -> str:
    """A statement's number: ``FS-{year}Q{quarter}-{subsidiary}`` → ``FS-2026Q1-SUB-TRADE``;
    ``FS-{year}-{seq:04d}`` → ``FS-2026-0001``. A refused pattern raises ``ValueError``."""
    if error := number_pattern_error(pattern):
        raise ValueError(error)
    return numbering_rules.render(pattern, year=year, quarter=quarter, subsidiary=subsidiary, seq=seq or 0)


def uses_seq(pattern: str) -> bool:
    """Whether the pattern numbers statements by their sequence in the fee year."""
    return numbering_rules.uses(pattern, "seq")


# --- a period's lines from a schedule ----------------------------------------------------------


@dataclass(frozen=True)
class Component:
    """One component of a fee schedule, as data."""

    kind: ComponentKind
    label: str
    #: Volume kinds: the base rate per ``per`` units of the metric; share kinds: the percentage.
    rate: Decimal | None = None
    per: Decimal = Decimal(100)
    band_low: Decimal | None = None
    band_high: Decimal | None = None
    #: The quarters the component bills in (volume: 1–3; band: 4; profit: 1 of the next year; income: 4).
    quarters: tuple[int, ...] = ()
    metric_currency: str = "USD"


#: Default quarters each kind bills in (the seed's timing).
DEFAULT_QUARTERS: dict[ComponentKind, tuple[int, ...]] = {
    ComponentKind.VOLUME_RATE: (1, 2, 3),
    ComponentKind.BAND_SETTLEMENT: (4,),
    ComponentKind.PROFIT_SHARE: (1,),
    ComponentKind.INCOME_SHARE: (4,),
}


def component_error(component: Component) -> tuple[str, str] | None:
    """(field, why) a component is not usable, or None."""
    quarters = component.quarters or DEFAULT_QUARTERS[component.kind]
    if any(q not in (1, 2, 3, 4) for q in quarters) or len(set(quarters)) != len(quarters):
        return "quarters", "quarters are 1 to 4, each once"
    if component.kind is ComponentKind.BAND_SETTLEMENT:
        if component.band_low is None or component.band_high is None:
            return "band_low", "a band settlement needs band_low and band_high"
        for name, value in (("band_low", component.band_low), ("band_high", component.band_high)):
            if error := rate_error(value):
                return name, error
        if component.band_low > component.band_high:
            return "band_high", "must not be below band_low"
        return None
    if component.rate is None:
        return "rate", "required for this kind"
    if error := rate_error(component.rate):
        return "rate", error
    if component.kind in (ComponentKind.PROFIT_SHARE, ComponentKind.INCOME_SHARE) and component.rate > 100:
        return "rate", "a percentage is at most 100"
    if not component.per.is_finite() or component.per <= 0:
        return "per", "must be greater than 0"
    return None


@dataclass(frozen=True)
class PeriodFigures:
    """The figures a statement for (year, quarter) is computed from."""

    year: int
    quarter: int
    #: Customs records of the fee period (the cut-off applied).
    quarter_customs: tuple[SourceRecord, ...] = ()
    #: Customs records of the whole fee year (for the year-end settlement).
    annual_customs: tuple[SourceRecord, ...] = ()
    #: The previous year's reported operating profit (for the profit fee billed this Q1).
    reported_profit: SourceRecord | None = None
    #: The year's other income entries.
    other_income: tuple[SourceRecord, ...] = ()


class MissingRate(ValueError):
    """A year-end settlement needs its band rate; the message names the band."""


def total_of(records: Iterable[SourceRecord]) -> Decimal:
    """The sum of the records' amounts."""
    return sum((r.amount for r in records), Decimal("0.00"))


def period_lines(
    components: Sequence[Component],
    figures: PeriodFigures,
    *,
    settlement_rate: Decimal | None = None,
    currency: str = "CNY",
    cutoff: Cutoff = SEED_CUTOFF,
) -> list[FeeLine]:
    """The fee lines a schedule bills for (year, quarter): each component whose quarters include
    the quarter, on its own figures; a band settlement takes ``settlement_rate`` (required, inside
    the band)."""
    lines: list[FeeLine] = []
    period = f"{figures.year}-Q{figures.quarter}"
    for c in components:
        if figures.quarter not in (c.quarters or DEFAULT_QUARTERS[c.kind]):
            continue
        if c.kind is ComponentKind.VOLUME_RATE:
            assert c.rate is not None
            lines.append(
                volume_fee(
                    total_of(figures.quarter_customs),
                    c.rate,
                    per=c.per,
                    metric_currency=c.metric_currency,
                    currency=currency,
                    label=c.label,
                    period=period,
                    sources=figures.quarter_customs,
                )
            )
        elif c.kind is ComponentKind.BAND_SETTLEMENT:
            assert c.band_low is not None and c.band_high is not None
            if settlement_rate is None:
                raise MissingRate(
                    f"the year-end settlement needs a rate in the band {c.band_low}–{c.band_high}"
                    f" {currency} per {shown(c.per)}"
                )
            lines.append(
                band_settlement_fee(
                    total_of(figures.annual_customs),
                    settlement_rate,
                    c.band_low,
                    c.band_high,
                    per=c.per,
                    metric_currency=c.metric_currency,
                    currency=currency,
                    label=c.label,
                    year=figures.year,
                    sources=figures.annual_customs,
                    cutoff=cutoff,
                )
            )
        elif c.kind is ComponentKind.PROFIT_SHARE:
            assert c.rate is not None
            if figures.reported_profit is None:
                continue
            line = profit_fee(
                figures.reported_profit.amount,
                c.rate,
                year=figures.year - 1,
                currency=currency,
                sources=(figures.reported_profit,),
            )
            lines.append(replace(line, label=f"{c.label} {figures.year - 1}"))
        else:
            assert c.rate is not None
            lines.append(
                share_fee(
                    total_of(figures.other_income),
                    c.rate,
                    component=ComponentKind.INCOME_SHARE,
                    currency=currency,
                    label=f"{c.label} {figures.year}",
                    base_name="other_income",
                    sources=figures.other_income,
                )
            )
    return lines
