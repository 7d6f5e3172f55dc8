"""Contracts domain rules: plain functions over plain values, unit-tested without a database.

Contract numbers from a pattern, the lifecycle's transitions, milestone amounts, the 以收定支
check (spend only what you receive) and receivable/payable ageing buckets.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from bizsuite.core.numbering import rules as numbering_rules
from bizsuite.modules.contracts.models import ContractStatus, SpendRule
from bizsuite.web.i18n import N_

CENT = Decimal("0.01")

# --- numbering -------------------------------------------------------------------------------

#: The fields a contract number pattern may use (the kernel's grammar: ``core/numbering/rules.py``).
NUMBER_FIELDS = ("year", "seq")


def pattern_error(pattern: str) -> str | None:
    """Why ``pattern`` cannot number contracts, or None: only ``{year}`` (as it is) and ``{seq}``
    (with an optional zero-padded width of at most 12 and ``d``, ``x`` or ``X``, e.g.
    ``{seq:04d}``) may appear, and ``{seq}`` must. Every field is checked before anything is
    formatted, so a pattern such as ``{seq:>2000000000}`` is refused without building its text."""
    used, error = numbering_rules.fields_of(pattern, NUMBER_FIELDS)
    if error is not None:
        return error
    if "seq" not in used:
        return "the pattern needs {seq} (the number within the year)"
    sample = numbering_rules.render(pattern, year=2026, seq=1)
    if not sample or len(sample) > 60:
        return "the numbers it makes must have 1 to 60 characters"
    return None


def format_number(pattern: str, year: int, seq: int) -> str:
    """The contract number for the ``seq``-th contract of ``year``: ``HT-{year}-{seq:04d}`` → HT-2026-0001.

    A pattern ``pattern_error`` refuses raises ``ValueError`` here too, before formatting."""
    error = pattern_error(pattern)
    if error is not None:
        raise ValueError(error)
    return numbering_rules.render(pattern, year=year, seq=seq)


# --- lifecycle ------------------------------------------------------------------------------

#: Status → the statuses it may move to. In approval, approved and back to draft are decided by
#: the approval engine (approve, reject or withdraw), never set by hand.
TRANSITIONS: dict[ContractStatus, tuple[ContractStatus, ...]] = {
    ContractStatus.DRAFT: (ContractStatus.IN_APPROVAL,),
    ContractStatus.IN_APPROVAL: (),
    ContractStatus.APPROVED: (ContractStatus.ACTIVE, ContractStatus.TERMINATED),
    ContractStatus.ACTIVE: (ContractStatus.COMPLETED, ContractStatus.TERMINATED, ContractStatus.EXPIRED),
    ContractStatus.COMPLETED: (),
    ContractStatus.TERMINATED: (),
    ContractStatus.EXPIRED: (),
}

#: Statuses whose contract is in force: money may be received or paid on it.
IN_FORCE = frozenset({ContractStatus.ACTIVE})
#: Statuses whose terms may still be edited.
EDITABLE = frozenset({ContractStatus.DRAFT})


def allowed_next(status: ContractStatus) -> tuple[ContractStatus, ...]:
    """The statuses a contract in ``status`` may be moved to by hand."""
    return TRANSITIONS[status]


def may_move(current: ContractStatus, target: ContractStatus) -> bool:
    """Whether ``current`` → ``target`` is a transition a person may make."""
    return target in TRANSITIONS[current]


# --- payment plans --------------------------------------------------------------------------


def money(value: Decimal) -> Decimal:
    """Rounded half-up to the cent."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


#: The largest amount a money column holds (NUMERIC(18, 2)).
MAX_AMOUNT = Decimal("9999999999999999.99")


def amount_error(value: Decimal, *, positive: bool = False, at_most: Decimal = MAX_AMOUNT) -> str | None:
    """Why ``value`` is not a usable amount, or None: finite, at most two decimals, not negative
    (above zero when ``positive``), at most ``at_most``."""
    if not value.is_finite():
        return "must be a number"
    if value != value.quantize(CENT):
        return "at most 2 decimals"
    if value < 0 or (positive and value == 0):
        return "must be greater than 0" if positive else "must not be negative"
    if value > at_most:
        return f"must be at most {at_most}"
    return None


def milestone_amount(contract_amount: Decimal, amount: Decimal | None, percentage: Decimal | None) -> Decimal:
    """A milestone's amount: given, or ``percentage`` % of the contract amount (half-up, to the cent)."""
    if percentage is not None:
        return money(contract_amount * percentage / 100)
    if amount is None:
        raise ValueError("a milestone needs an amount or a percentage")
    return money(amount)


def base_amount(amount: Decimal, exchange_rate: Decimal) -> Decimal:
    """``amount`` in the base currency at the contract's exchange rate (half-up, to the cent)."""
    return money(amount * exchange_rate)


# --- 以收定支 -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SpendCheck:
    """A payment request against a project's receipts: its figures and the outcome.

    ``available`` = received − paid; ``shortfall`` = requested − available when positive.
    The boundary is inclusive: paying exactly up to what was received is allowed.
    """

    rule: SpendRule
    received: Decimal
    paid: Decimal
    requested: Decimal
    available: Decimal
    shortfall: Decimal
    #: "pay" (within the limit, or the rule is off), "refuse" (hard) or "approve" (soft).
    outcome: str

    def as_dict(self) -> dict[str, str]:
        """The figures as decimal strings (for problems, the audit log and the settlement)."""
        return {
            "rule": self.rule.value,
            "received": str(self.received),
            "paid": str(self.paid),
            "requested": str(self.requested),
            "available": str(self.available),
            "shortfall": str(self.shortfall),
            "outcome": self.outcome,
        }


def check_spend(rule: SpendRule, received: Decimal, paid: Decimal, requested: Decimal) -> SpendCheck:
    """以收定支: may ``requested`` be paid when the project received ``received`` and paid ``paid``?

    Worked example (product.md): received 1,000,000.00, paid 950,000.00, requested 60,000.00 →
    available 50,000.00, shortfall 10,000.00: refused under hard, routed to approval under soft.
    """
    available = received - paid
    shortfall = max(requested - available, Decimal(0))
    if rule is SpendRule.OFF or shortfall == 0:
        outcome = "pay"
    elif rule is SpendRule.HARD:
        outcome = "refuse"
    else:
        outcome = "approve"
    return SpendCheck(rule, received, paid, requested, available, money(shortfall), outcome)


# --- ageing ---------------------------------------------------------------------------------

#: The ageing buckets, by days past due: (key, first day, last day or None).
BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("0-30", 0, 30),
    ("31-60", 31, 60),
    ("61-90", 61, 90),
    ("90+", 91, None),
)


def bucket_for(days_overdue: int) -> str:
    """The bucket of an amount ``days_overdue`` days past its due date (0 = due today)."""
    if days_overdue < 0:
        raise ValueError("not due yet")
    for key, first, last in BUCKETS:
        if days_overdue >= first and (last is None or days_overdue <= last):
            return key
    raise AssertionError("unreachable")


@dataclass(frozen=True, slots=True)
class Outstanding:
    """What is still open on one milestone: its amount due and what was settled against it."""

    key: str
    due_on: date
    due: Decimal
    settled: Decimal

    @property
    def open(self) -> Decimal:
        return max(self.due - self.settled, Decimal(0))


@dataclass
class Ageing:
    """Open amounts past due by bucket, and the items each bucket holds (its inputs)."""

    as_of: date
    totals: dict[str, Decimal] = field(default_factory=dict)
    items: dict[str, list[tuple[Outstanding, int]]] = field(default_factory=dict)
    not_due: Decimal = Decimal(0)

    @property
    def total(self) -> Decimal:
        return sum(self.totals.values(), Decimal(0))


def ageing(as_of: date, rows: list[Outstanding]) -> Ageing:
    """Group the open amounts of ``rows`` by days past due on ``as_of`` (the tenant's today);
    amounts not yet due are summed apart; settled milestones drop out."""
    result = Ageing(as_of, {key: Decimal(0) for key, _, _ in BUCKETS}, {key: [] for key, _, _ in BUCKETS})
    for row in rows:
        if row.open <= 0:
            continue
        days = (as_of - row.due_on).days
        if days < 0:
            result.not_due += row.open
            continue
        key = bucket_for(days)
        result.totals[key] += row.open
        result.items[key].append((row, days))
    return result


# --- change orders (变更/洽商) ------------------------------------------------------------------

#: Contracts a change order may be proposed on: approved or signed, not yet ended.
CHANGEABLE = frozenset({ContractStatus.APPROVED, ContractStatus.ACTIVE})


@dataclass(frozen=True, slots=True)
class ChangeImpact:
    """A contract's amount and end date before and after a change order."""

    amount_before: Decimal
    amount_after: Decimal
    ends_on_before: date | None
    ends_on_after: date | None


def change_errors(
    cost_impact: Decimal, schedule_impact_days: int, amount: Decimal, ends_on: date | None
) -> dict[str, str]:
    """Why a change order cannot apply to a contract of ``amount`` ending ``ends_on``, by field:
    a cost impact with more than two decimals, or one that takes the amount below zero (or past
    the largest amount); a schedule impact on a contract without an end date, or one that moves
    the end date by more than 10 years either way."""
    errors: dict[str, str] = {}
    if not cost_impact.is_finite() or cost_impact != cost_impact.quantize(CENT):
        errors["cost_impact"] = "at most 2 decimals"
    elif amount + cost_impact < 0:
        errors["cost_impact"] = f"would take the contract amount {amount} below zero"
    elif amount + cost_impact > MAX_AMOUNT:
        errors["cost_impact"] = f"would take the contract amount past {MAX_AMOUNT}"
    if schedule_impact_days and ends_on is None:
        errors["schedule_impact_days"] = "the contract has no end date to move"
    elif abs(schedule_impact_days) > 3660:
        errors["schedule_impact_days"] = "must be within 3660 days either way"
    return errors


def apply_change(
    amount: Decimal, ends_on: date | None, cost_impact: Decimal, schedule_impact_days: int
) -> ChangeImpact:
    """The amount and end date once a change order applies: the amount plus the cost impact, the
    end date moved by the schedule impact (days; a contract without an end date keeps none)."""
    moved = ends_on + timedelta(days=schedule_impact_days) if ends_on is not None else None
    return ChangeImpact(amount, money(amount + cost_impact), ends_on, moved)


# --- templates (合同模板) -----------------------------------------------------------------------

#: A placeholder in a template's or clause's text: ``{{ party }}``.
PLACEHOLDER = re.compile(r"\{\{\s*([a-z][a-z0-9_]{0,49})\s*\}\}")
#: A placeholder's name as a template declares it.
PLACEHOLDER_NAME = re.compile(r"[a-z][a-z0-9_]{0,49}")
#: Placeholders filled from the contract itself, never typed by the user.
BUILT_IN_PLACEHOLDERS = (
    "number", "title", "party", "amount", "currency", "starts_on", "ends_on", "our_signatory",
    "their_signatory", "date",
)  # fmt: skip


def placeholders_in(text: str) -> list[str]:
    """The placeholder names ``text`` uses, first use first, each once."""
    return list(dict.fromkeys(PLACEHOLDER.findall(text)))


def fill(text: str, values: dict[str, str]) -> str:
    """``text`` with each ``{{name}}`` replaced by its value (an unknown name is left as it is)."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


@dataclass(frozen=True, slots=True)
class PlaceholderSpec:
    """A placeholder the registering user fills in."""

    name: str
    label: str
    required: bool = True


def template_definition_errors(
    body: str, placeholders: list[PlaceholderSpec], clause_texts: list[str]
) -> dict[str, str]:
    """Why a template cannot be saved, by field: a placeholder declared twice, badly named or
    shadowing a built-in one, or one its text (or its clauses') uses without declaring it."""
    errors: dict[str, str] = {}
    names = [p.name for p in placeholders]
    for index, name in enumerate(names):
        if not PLACEHOLDER_NAME.fullmatch(name):
            errors[f"placeholders[{index}].name"] = "lower-case letters, digits and _, starting with a letter"
        elif name in BUILT_IN_PLACEHOLDERS:
            errors[f"placeholders[{index}].name"] = f"{{{{{name}}}}} is filled from the contract itself"
        elif names.index(name) != index:
            errors[f"placeholders[{index}].name"] = f"{name} is declared twice"
    known = set(names) | set(BUILT_IN_PLACEHOLDERS)
    used = placeholders_in("\n".join([body, *clause_texts]))
    undeclared = [n for n in used if n not in known]
    if undeclared:
        errors["placeholders"] = "used but not declared: " + ", ".join("{{" + n + "}}" for n in undeclared)
    return errors


@dataclass(frozen=True, slots=True)
class Indicators:
    """A template's control indicators (and the direction it is for)."""

    direction: str | None = None
    max_amount: Decimal | None = None
    allowed_currencies: tuple[str, ...] = ()
    required_clauses: tuple[str, ...] = ()
    required_attachments: tuple[str, ...] = ()
    placeholders: tuple[PlaceholderSpec, ...] = ()
    clauses: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Registration:
    """What a contract registered from a template brings to its indicators."""

    direction: str
    amount_base: Decimal
    currency: str
    values: dict[str, str]
    clause_codes: tuple[str, ...]
    attachment_kinds: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Breach:
    """One control indicator a registration breaks: the indicator, the body field, and why — a
    message id (``N_``) and its figures, so each reader sees it in their language."""

    indicator: str
    field: str
    text: str
    params: dict[str, str] = dataclasses.field(default_factory=dict)

    @property
    def message(self) -> str:
        """The reason in English."""
        return self.text % self.params if self.params else self.text


def indicator_breaches(template: Indicators, registration: Registration) -> list[Breach]:
    """Every indicator of ``template`` that ``registration`` breaks (empty: it may be registered).

    Indicators: ``direction``, ``max_amount`` (compared in the base currency, inclusive),
    ``allowed_currencies``, ``required_clauses``, ``required_attachments``, ``placeholders``
    (required ones filled, no unknown ones)."""
    out: list[Breach] = []
    if template.direction is not None and registration.direction != template.direction:
        out.append(
            Breach(
                "direction",
                "direction",
                N_("the template is for %(direction)s contracts"),
                {"direction": template.direction},
            )
        )
    if template.max_amount is not None and registration.amount_base > template.max_amount:
        out.append(
            Breach(
                "max_amount",
                "amount",
                N_("maximum amount %(maximum)s: the contract's %(amount)s exceeds it by %(excess)s"),
                {
                    "maximum": f"{template.max_amount:,.2f}",
                    "amount": f"{registration.amount_base:,.2f}",
                    "excess": f"{registration.amount_base - template.max_amount:,.2f}",
                },
            )
        )
    if template.allowed_currencies and registration.currency not in template.allowed_currencies:
        out.append(
            Breach(
                "allowed_currencies",
                "currency",
                N_("allowed currencies %(allowed)s: not %(currency)s"),
                {"allowed": ", ".join(template.allowed_currencies), "currency": registration.currency},
            )
        )
    unknown_clauses = [c for c in registration.clause_codes if c not in template.clauses]
    if unknown_clauses:
        out.append(
            Breach(
                "clauses",
                "clause_codes",
                N_("not clauses of the template: %(codes)s"),
                {"codes": ", ".join(unknown_clauses)},
            )
        )
    missing = [c for c in template.required_clauses if c not in registration.clause_codes]
    if missing:
        out.append(
            Breach(
                "required_clauses",
                "clause_codes",
                N_("required clauses left out: %(codes)s"),
                {"codes": ", ".join(missing)},
            )
        )
    absent = [k for k in template.required_attachments if k not in registration.attachment_kinds]
    if absent:
        out.append(
            Breach(
                "required_attachments",
                "attachments",
                N_("required attachments missing: %(kinds)s"),
                {"kinds": ", ".join(absent)},
            )
        )
    declared = {p.name for p in template.placeholders}
    for spec in template.placeholders:
        if spec.required and not registration.values.get(spec.name, "").strip():
            out.append(
                Breach(
                    "placeholders",
                    f"placeholders.{spec.name}",
                    N_("%(label)s is required"),
                    {"label": spec.label},
                )
            )
    for name in registration.values:
        if name not in declared:
            out.append(
                Breach(
                    "placeholders",
                    f"placeholders.{name}",
                    N_("the template has no placeholder %(name)s"),
                    {"name": name},
                )
            )
    return out


# --- alerts -------------------------------------------------------------------------------------


def expiry_thresholds_hit(ends_on: date, today: date, thresholds: list[int]) -> int | None:
    """The smallest of ``thresholds`` (days before the end date) already reached on ``today``, or
    None: a contract ending in 25 days with thresholds 30/60/90 is in its 30-day window."""
    left = (ends_on - today).days
    if left < 0:
        return None
    reached = [t for t in thresholds if left <= t]
    return min(reached) if reached else None


def milestone_state(due_on: date, today: date, open_amount: Decimal, warn_days: int) -> str | None:
    """``overdue`` (open past its due date), ``due`` (open and due within ``warn_days``) or None."""
    if open_amount <= 0:
        return None
    if today > due_on:
        return "overdue"
    if (due_on - today).days <= warn_days:
        return "due"
    return None


# --- the customer-risk signal -------------------------------------------------------------------

#: The reasons a customer's risk score adds up, with their default weights (tenant settings).
RISK_REASONS: dict[str, int] = {
    "revenue_decline": 40,
    "sla_breaches": 20,
    "overdue_receivables": 25,
    "expiring_without_renewal": 15,
}


@dataclass(frozen=True, slots=True)
class RiskInputs:
    """What the risk score of one customer reads."""

    months_declining: int
    churn_months: int
    sla_breaches_90d: int
    overdue_receivable: Decimal
    expiring_without_renewal: int


@dataclass(frozen=True, slots=True)
class RiskReason:
    """One reason that adds to a customer's risk score: its weight and the figure behind it."""

    code: str
    weight: int
    figure: str


def risk_weights(configured: dict[str, int] | None) -> dict[str, int]:
    """The tenant's weights over the defaults (unknown keys dropped)."""
    weights = dict(RISK_REASONS)
    for key, value in (configured or {}).items():
        if key in weights:
            weights[key] = int(value)
    return weights


def risk_score(inputs: RiskInputs, weights: dict[str, int]) -> tuple[int, list[RiskReason]]:
    """The customer's risk score (0–100: the sum of the weights of the reasons present, capped at
    100) and those reasons: a revenue decline of ``churn_months`` or more consecutive months (CRM),
    any SLA breach in the last 90 days, receivables past due, contracts expiring without renewal."""
    reasons: list[RiskReason] = []
    if inputs.months_declining >= inputs.churn_months > 0:
        reasons.append(
            RiskReason("revenue_decline", weights["revenue_decline"], str(inputs.months_declining))
        )
    if inputs.sla_breaches_90d > 0:
        reasons.append(RiskReason("sla_breaches", weights["sla_breaches"], str(inputs.sla_breaches_90d)))
    if inputs.overdue_receivable > 0:
        reasons.append(
            RiskReason(
                "overdue_receivables", weights["overdue_receivables"], f"{inputs.overdue_receivable:.2f}"
            )
        )
    if inputs.expiring_without_renewal > 0:
        reasons.append(
            RiskReason(
                "expiring_without_renewal",
                weights["expiring_without_renewal"],
                str(inputs.expiring_without_renewal),
            )
        )
    return min(sum(r.weight for r in reasons), 100), reasons
