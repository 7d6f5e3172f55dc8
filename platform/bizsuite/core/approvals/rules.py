"""Approval rules as plain functions over plain values: flow selection, approver resolution,
route planning and the next step. Services load the data and call these."""

from __future__ import annotations

import enum
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from bizsuite.core.approvals.models import ApproverKind, StepStatus

#: Largest amount the engine accepts (the columns hold 16 digits before the point).
MAX_AMOUNT = Decimal("9999999999999999.99")


def amount_error(amount: Decimal) -> str | None:
    """Why ``amount`` is not a valid money amount (finite, not negative, at most 2 decimals), or None."""
    if not amount.is_finite():
        return "must be a finite decimal number"
    if amount < 0:
        return "must not be negative"
    if amount > MAX_AMOUNT:
        return f"must be at most {MAX_AMOUNT}"
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2 and amount != amount.quantize(Decimal("0.01")):
        return "has more than 2 decimal places"
    return None


# --- flow selection -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DocumentFacts:
    """What the engine knows about a submitted document when choosing its flow."""

    document_type: str
    org_unit_kind: str
    category: str | None = None
    amount: Decimal | None = None
    currency: str | None = None


@dataclass(frozen=True, slots=True)
class FlowConditions:
    """A flow's selection conditions; empty lists and ``None`` bounds match anything."""

    flow_id: uuid.UUID
    code: str
    priority: int = 100
    is_active: bool = True
    document_types: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    org_unit_kinds: tuple[str, ...] = ()
    min_amount: Decimal | None = None
    max_amount: Decimal | None = None
    currency: str | None = None


def flow_matches(flow: FlowConditions, facts: DocumentFacts) -> bool:
    """Whether the document meets every condition of the flow.

    Amount bounds are ``min_amount <= amount < max_amount``; a document without an amount
    never matches a flow with an amount bound, nor one with a currency condition.
    """
    if not flow.is_active:
        return False
    if flow.document_types and facts.document_type not in flow.document_types:
        return False
    if flow.categories and facts.category not in flow.categories:
        return False
    if flow.org_unit_kinds and facts.org_unit_kind not in flow.org_unit_kinds:
        return False
    if flow.currency is not None and facts.currency != flow.currency:
        return False
    if flow.min_amount is not None or flow.max_amount is not None:
        if facts.amount is None:
            return False
        if flow.min_amount is not None and facts.amount < flow.min_amount:
            return False
        if flow.max_amount is not None and facts.amount >= flow.max_amount:
            return False
    return True


def select_flow(flows: Iterable[FlowConditions], facts: DocumentFacts) -> FlowConditions | None:
    """The matching flow with the lowest priority number (ties broken by code), or None."""
    matching = [flow for flow in flows if flow_matches(flow, facts)]
    return min(matching, key=lambda flow: (flow.priority, flow.code), default=None)


# --- approver resolution ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OrgNode:
    """An org unit as the rules see it."""

    id: uuid.UUID
    parent_id: uuid.UUID | None
    kind: str


def ancestry(tree: Mapping[uuid.UUID, OrgNode], unit_id: uuid.UUID) -> list[OrgNode]:
    """The unit followed by its parent, grandparent... up to the root (stops on a broken or cyclic tree)."""
    chain: list[OrgNode] = []
    seen: set[uuid.UUID] = set()
    current = tree.get(unit_id)
    while current is not None and current.id not in seen:
        chain.append(current)
        seen.add(current.id)
        current = tree.get(current.parent_id) if current.parent_id is not None else None
    return chain


@dataclass(frozen=True, slots=True)
class StepRule:
    """A flow step as the rules see it."""

    position: int
    label: str
    approver_kind: ApproverKind
    approver_role: str | None = None
    levels_up: int = 0
    org_unit_kind: str | None = None
    org_unit_id: uuid.UUID | None = None
    user_id: uuid.UUID | None = None
    optional: bool = False


#: Who holds which approver role where: ``(org unit id, role) -> user ids``, first assigned first.
Holders = Mapping[tuple[uuid.UUID, str], Sequence[uuid.UUID]]


@dataclass(frozen=True, slots=True)
class Resolution:
    """The approver found for a step, and the org unit where they hold the role."""

    approver_id: uuid.UUID | None
    org_unit_id: uuid.UUID | None = None


def step_target_unit(step: StepRule, chain: Sequence[OrgNode]) -> uuid.UUID | None:
    """The org unit whose role holder approves the step (None: no such unit above the document)."""
    kind = step.approver_kind
    if kind is ApproverKind.ROLE_AT_UNIT:
        return chain[step.levels_up].id if step.levels_up < len(chain) else None
    if kind is ApproverKind.ROLE_AT_ANCESTOR_KIND:
        return next((node.id for node in chain if node.kind == step.org_unit_kind), None)
    if kind is ApproverKind.ROLE_AT_NAMED_UNIT:
        return step.org_unit_id
    return None


def resolve_approver(step: StepRule, chain: Sequence[OrgNode], holders: Holders) -> Resolution:
    """Find who approves ``step`` for a document whose unit (and ancestors) is ``chain``.

    Several holders of a role at one unit: the first assigned approves (the others can be
    delegated to).
    """
    if step.approver_kind is ApproverKind.USER:
        return Resolution(step.user_id)
    role = step.approver_role or ""
    if step.approver_kind is ApproverKind.NEAREST_ROLE:
        for node in chain:
            users = holders.get((node.id, role))
            if users:
                return Resolution(users[0], node.id)
        return Resolution(None)
    unit_id = step_target_unit(step, chain)
    if unit_id is None:
        return Resolution(None)
    users = holders.get((unit_id, role))
    return Resolution(users[0] if users else None, unit_id)


# --- route planning -----------------------------------------------------------------------------


class SkipReason(enum.StrEnum):
    """Why a planned step has no approver."""

    NO_APPROVER = "no_approver"
    #: Authors never approve their own documents.
    AUTHOR = "author"


@dataclass(frozen=True, slots=True)
class PlannedStep:
    """A step of a new round: its approver, or why it is skipped."""

    position: int
    label: str
    approver_role: str | None
    approver_id: uuid.UUID | None
    org_unit_id: uuid.UUID | None
    skip_reason: SkipReason | None = None

    @property
    def skipped(self) -> bool:
        """Whether nobody approves this step."""
        return self.skip_reason is not None


@dataclass
class RouteError(Exception):
    """A route cannot be planned: a required step has no approver, or nobody approves at all."""

    message: str
    position: int | None = None
    label: str | None = field(default=None)

    def __str__(self) -> str:
        where = f"step {self.position} ({self.label}): " if self.position is not None else ""
        return where + self.message


def plan_route(
    steps: Iterable[StepRule], chain: Sequence[OrgNode], holders: Holders, author_id: uuid.UUID
) -> list[PlannedStep]:
    """Resolve every step of a flow for one document, in order.

    Optional steps without an approver and steps whose approver is the author are skipped;
    a required step without an approver, or a route left without any approver, is a
    :class:`RouteError`.
    """
    planned: list[PlannedStep] = []
    for step in sorted(steps, key=lambda s: s.position):
        found = resolve_approver(step, chain, holders)
        reason: SkipReason | None = None
        if found.approver_id is None:
            if not step.optional:
                raise RouteError(
                    f"nobody holds the {step.approver_role or 'approver'} role there",
                    step.position,
                    step.label,
                )
            reason = SkipReason.NO_APPROVER
        elif found.approver_id == author_id:
            reason = SkipReason.AUTHOR
        planned.append(
            PlannedStep(
                position=step.position,
                label=step.label,
                approver_role=step.approver_role,
                approver_id=found.approver_id,
                org_unit_id=found.org_unit_id,
                skip_reason=reason,
            )
        )
    if not any(not step.skipped for step in planned):
        raise RouteError("the route has no approver other than the author")
    return planned


def next_position(steps: Iterable[tuple[int, StepStatus]], after: int | None) -> int | None:
    """The next step to wait for: the first still waiting after position ``after`` (None: done)."""
    waiting = [
        position
        for position, status in steps
        if status is StepStatus.WAITING and (after is None or position > after)
    ]
    return min(waiting, default=None)


# --- alerts -------------------------------------------------------------------------------------

#: Alert types the engine raises.
PENDING_ALERT = "approval.pending"
APPROVED_ALERT = "approval.approved"
REJECTED_ALERT = "approval.rejected"

#: Alert titles in the UI's languages; each recipient gets theirs (their own language, else the tenant's).
#: (Chinese titles use full-width punctuation.)
_ALERT_TITLES: dict[str, dict[str, str]] = {
    PENDING_ALERT: {"en": "Waiting for your approval: {title}", "zh-CN": "待我审批：{title}"},
    APPROVED_ALERT: {"en": "Approved: {title}", "zh-CN": "审批通过：{title}"},
    REJECTED_ALERT: {
        "en": "Rejected and returned to you: {title}",
        "zh-CN": "审批驳回，已退回：{title}",
    },
}
ALERT_TITLE_MAX = 200


def alert_title(alert_type: str, document_title: str, locale: str | None) -> str:
    """The title of an approval alert in ``locale`` (English when unknown), at most 200 characters."""
    texts = _ALERT_TITLES[alert_type]
    text = texts.get(locale or "", texts["en"]).format(title=document_title)
    return text if len(text) <= ALERT_TITLE_MAX else text[: ALERT_TITLE_MAX - 1] + "…"


def pending_alert_key(request_id: uuid.UUID, round_number: int, position: int, approver_id: uuid.UUID) -> str:
    """One "waiting for you" alert per request, round, step and approver: never sent twice."""
    return f"{PENDING_ALERT}:{request_id}:r{round_number}:s{position}:{approver_id}"


def outcome_alert_key(alert_type: str, request_id: uuid.UUID, round_number: int) -> str:
    """One outcome alert to the author per request and round."""
    return f"{alert_type}:{request_id}:r{round_number}"
