"""Contracts API bodies: create, update (PATCH: omitted keeps, ``null`` clears), views, filters."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

import msgspec

from bizsuite.core.files.schemas import FileOut
from bizsuite.modules.contracts.models import (
    ChangeOrderStatus,
    ClaimKind,
    ClaimStatus,
    ContractStatus,
    CounterpartyKind,
    Direction,
    InvoiceKind,
    SettlementKind,
    SettlementStatus,
    SpendRule,
)

NOT_BLANK = r"\S"
NO_NUL = r"^[^\x00]*$"
Code = Annotated[
    str, msgspec.Meta(min_length=1, max_length=50, pattern=r"^[A-Za-z0-9_.-]+$", examples=["P-001"])
]
Name = Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=NOT_BLANK)]
ShortText = Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=NOT_BLANK)]
Reference = Annotated[str, msgspec.Meta(min_length=1, max_length=100, pattern=NOT_BLANK)]
Notes = Annotated[str, msgspec.Meta(max_length=4000, pattern=NO_NUL)]
Amount = Annotated[
    Decimal,
    msgspec.Meta(
        description="A decimal string, at most 2 decimals.",
        examples=["1000000.00"],
    ),
]
Positive = Annotated[
    Decimal,
    msgspec.Meta(
        description="A decimal string, at most 2 decimals.",
        examples=["60000.00"],
    ),
]
Percentage = Annotated[
    Decimal, msgspec.Meta(description="Percent of the contract amount, above 0 and at most 100.")
]
Rate = Annotated[
    Decimal,
    msgspec.Meta(description="Base-currency units per unit of the contract currency."),
]
Currency = Annotated[str, msgspec.Meta(pattern=r"^[A-Z]{3}$", description="ISO 4217 code, e.g. `CNY`.")]
Rating = Annotated[int, msgspec.Meta(ge=1, le=5, description="1 (poor) to 5 (excellent).")]
Pattern = Annotated[
    str,
    msgspec.Meta(
        min_length=1,
        max_length=100,
        pattern=NO_NUL,
        description="Contract numbers: `{year}` and `{seq}` (e.g. `{seq:04d}`).",
        examples=["HT-{year}-{seq:04d}"],
    ),
]


# --- settings -------------------------------------------------------------------------------


class ContractsSettingsView(msgspec.Struct, kw_only=True):
    """The tenant's contracts settings."""

    number_pattern: str
    #: An example of the next numbers (the pattern filled for this year and sequence 1).
    number_example: str
    spend_rule: SpendRule
    #: Alert this many days before a signed contract ends (each threshold once).
    expiry_alert_days: list[int]
    #: Alert a milestone this many days before it falls due (and once overdue).
    milestone_alert_days: int
    #: Alert a qualification this many days before it expires.
    qualification_alert_days: int
    #: The customer-risk score's weight of each reason (``revenue_decline``, ``sla_breaches``,
    #: ``overdue_receivables``, ``expiring_without_renewal``), defaults filled in.
    risk_weights: dict[str, int]
    updated_at: datetime
    version: int


AlertDays = Annotated[int, msgspec.Meta(ge=0, le=366)]
Weight = Annotated[int, msgspec.Meta(ge=0, le=100)]


class RiskWeights(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """The customer-risk score's weight of each reason, 0 to 100 (omitted: the default)."""

    revenue_decline: Weight | None = None
    sla_breaches: Weight | None = None
    overdue_receivables: Weight | None = None
    expiring_without_renewal: Weight | None = None


class ContractsSettingsUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Settings to change (send ``If-Match``)."""

    number_pattern: Pattern | msgspec.UnsetType = msgspec.UNSET
    spend_rule: SpendRule | msgspec.UnsetType = msgspec.UNSET
    expiry_alert_days: Annotated[list[AlertDays], msgspec.Meta(max_length=5)] | msgspec.UnsetType = (
        msgspec.UNSET
    )
    milestone_alert_days: AlertDays | msgspec.UnsetType = msgspec.UNSET
    qualification_alert_days: AlertDays | msgspec.UnsetType = msgspec.UNSET
    risk_weights: RiskWeights | msgspec.UnsetType = msgspec.UNSET


# --- counterparties -------------------------------------------------------------------------


class QualificationCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A qualification document (资质) of a counterparty."""

    kind: ShortText
    number: Reference
    expires_on: date | None = None


class QualificationView(msgspec.Struct, kw_only=True):
    """A qualification with whether it has expired (on the tenant's today)."""

    id: uuid.UUID
    kind: str
    number: str
    expires_on: date | None
    expired: bool


class CounterpartyCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A new supplier or subcontractor."""

    kind: CounterpartyKind
    code: Code
    name: Name
    rating: Rating | None = None
    contact: ShortText | None = None
    notes: Notes | None = None


class CounterpartyUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Fields to change; ``blacklisted: true`` needs a ``blacklist_reason``. Send ``If-Match``."""

    kind: CounterpartyKind | msgspec.UnsetType = msgspec.UNSET
    code: Code | msgspec.UnsetType = msgspec.UNSET
    name: Name | msgspec.UnsetType = msgspec.UNSET
    rating: Rating | msgspec.UnsetType | None = msgspec.UNSET
    contact: ShortText | msgspec.UnsetType | None = msgspec.UNSET
    notes: Notes | msgspec.UnsetType | None = msgspec.UNSET
    blacklisted: bool | msgspec.UnsetType = msgspec.UNSET
    blacklist_reason: Notes | msgspec.UnsetType | None = msgspec.UNSET


class CounterpartyView(msgspec.Struct, kw_only=True):
    """A counterparty with its qualifications."""

    id: uuid.UUID
    kind: CounterpartyKind
    code: str
    name: str
    rating: int | None
    contact: str | None
    notes: str | None
    blacklisted: bool
    blacklist_reason: str | None
    qualifications: list[QualificationView]
    created_at: datetime
    updated_at: datetime
    version: int


class ChangeOrderList(msgspec.Struct, kw_only=True):
    """A contract's change orders, first to last (a contract has few: no pagination)."""

    items: list[ChangeOrderView]


class CounterpartyPage(msgspec.Struct, kw_only=True):
    """A page of counterparties."""

    items: list[CounterpartyView]
    next_cursor: str | None


class CounterpartyFilters(msgspec.Struct, kw_only=True):
    """The counterparties list's filters."""

    q: str | None = None
    kind: CounterpartyKind | None = None


# --- projects -------------------------------------------------------------------------------


class ProjectCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A new project (项目) under an org unit."""

    code: Code
    name: Name
    org_unit_id: uuid.UUID
    notes: Notes | None = None


class ProjectUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Fields to change (send ``If-Match``)."""

    code: Code | msgspec.UnsetType = msgspec.UNSET
    name: Name | msgspec.UnsetType = msgspec.UNSET
    org_unit_id: uuid.UUID | msgspec.UnsetType = msgspec.UNSET
    notes: Notes | msgspec.UnsetType | None = msgspec.UNSET


class ProjectView(msgspec.Struct, kw_only=True):
    """A project."""

    id: uuid.UUID
    code: str
    name: str
    org_unit_id: uuid.UUID
    notes: str | None
    created_at: datetime
    updated_at: datetime
    version: int


class ProjectPage(msgspec.Struct, kw_only=True):
    """A page of projects."""

    items: list[ProjectView]
    next_cursor: str | None


class ProjectFilters(msgspec.Struct, kw_only=True):
    """The projects list's filters."""

    q: str | None = None


class SpendPosition(msgspec.Struct, kw_only=True):
    """以收定支 of a project, with its inputs: ``available = received - paid`` (base currency).

    ``received``: receipts on its income contracts; ``paid``: payments made on its expenditure
    contracts; ``awaiting_approval``: payments waiting for the special approval (not paid yet).
    """

    project_id: uuid.UUID
    rule: SpendRule
    received: Decimal
    paid: Decimal
    available: Decimal
    awaiting_approval: Decimal
    formula: str


# --- contracts ------------------------------------------------------------------------------


class ContractCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A new contract, registered as a draft; its number comes from the tenant's pattern.

    Income contracts name a CRM account (``account_id``); expenditure contracts a supplier or
    subcontractor (``counterparty_id``).
    """

    direction: Direction
    title: Name
    amount: Amount
    account_id: uuid.UUID | None = None
    counterparty_id: uuid.UUID | None = None
    project_id: uuid.UUID | None = None
    org_unit_id: uuid.UUID | None = None
    currency: Currency = "CNY"
    #: Default 1 (a CNY contract).
    exchange_rate: Rate | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    our_signatory: ShortText | None = None
    their_signatory: ShortText | None = None
    notes: Notes | None = None
    #: Register from a template (合同模板): its placeholders filled, its clauses chosen (by code;
    #: default: all of them) and the attachments it requires. Whatever breaks one of its control
    #: indicators is refused with 422 naming the indicator; the contract text is generated as a PDF.
    template_id: uuid.UUID | None = None
    placeholders: Annotated[list[PlaceholderValue], msgspec.Meta(max_length=50)] | None = None
    clause_codes: Annotated[list[Code], msgspec.Meta(max_length=100)] | None = None
    attachments: Annotated[list[AttachmentRef], msgspec.Meta(max_length=50)] | None = None


class PlaceholderValue(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A template placeholder's value: ``{{name}}`` becomes ``value`` in the contract's text."""

    name: Annotated[str, msgspec.Meta(min_length=1, max_length=50)]
    value: Annotated[str, msgspec.Meta(max_length=2000, pattern=NO_NUL)]


class AttachmentRef(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A file already uploaded (``POST /api/v1/files``) attached to the contract as ``kind``."""

    kind: ShortText
    file_id: uuid.UUID


class ContractUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Terms to change while the contract is a draft (send ``If-Match``)."""

    title: Name | msgspec.UnsetType = msgspec.UNSET
    amount: Amount | msgspec.UnsetType = msgspec.UNSET
    project_id: uuid.UUID | msgspec.UnsetType | None = msgspec.UNSET
    org_unit_id: uuid.UUID | msgspec.UnsetType | None = msgspec.UNSET
    currency: Currency | msgspec.UnsetType = msgspec.UNSET
    exchange_rate: Rate | msgspec.UnsetType = msgspec.UNSET
    starts_on: date | msgspec.UnsetType | None = msgspec.UNSET
    ends_on: date | msgspec.UnsetType | None = msgspec.UNSET
    our_signatory: ShortText | msgspec.UnsetType | None = msgspec.UNSET
    their_signatory: ShortText | msgspec.UnsetType | None = msgspec.UNSET
    notes: Notes | msgspec.UnsetType | None = msgspec.UNSET


class StatusChange(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Move a contract: ``in_approval`` submits it to the approval engine; ``active`` signs it
    (``signed_on``, default today); ``completed``, ``terminated``, ``expired`` end it."""

    status: ContractStatus
    signed_on: date | None = None
    comment: Notes | None = None


class MilestoneCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A payment-plan milestone: an ``amount`` or a ``percentage`` of the contract amount."""

    title: ShortText
    due_on: date
    amount: Amount | None = None
    percentage: Percentage | None = None
    condition: Notes | None = None


class PlanMilestoneView(msgspec.Struct, kw_only=True):
    """A milestone with what was settled against it."""

    id: uuid.UUID
    title: str
    due_on: date
    amount: Decimal
    percentage: Decimal | None
    condition: str | None
    settled: Decimal
    open: Decimal


class SettlementCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A receipt (income contract) or payment (expenditure contract), optionally against a milestone."""

    amount: Positive
    settled_on: date | None = None
    milestone_id: uuid.UUID | None = None
    reference: Reference | None = None


class SpendCheckView(msgspec.Struct, kw_only=True):
    """The 以收定支 check of a payment: ``shortfall = requested - (received - paid)`` when positive."""

    rule: SpendRule
    received: Decimal
    paid: Decimal
    requested: Decimal
    available: Decimal
    shortfall: Decimal
    outcome: str


class SettlementView(msgspec.Struct, kw_only=True):
    """A receipt or payment; a payment over the limit under the soft rule awaits approval."""

    id: uuid.UUID
    contract_id: uuid.UUID
    milestone_id: uuid.UUID | None
    kind: SettlementKind
    status: SettlementStatus
    amount: Decimal
    amount_base: Decimal
    settled_on: date
    reference: str | None
    spend_check: SpendCheckView | None
    created_at: datetime


class InvoiceCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """An invoice issued (income contract) or received (expenditure contract)."""

    number: Reference
    amount: Amount
    #: Default 0.
    tax_amount: Amount | None = None
    issued_on: date | None = None


class InvoiceView(msgspec.Struct, kw_only=True):
    """An invoice: ``total = amount + tax_amount``."""

    id: uuid.UUID
    kind: InvoiceKind
    number: str
    amount: Decimal
    tax_amount: Decimal
    total: Decimal
    issued_on: date


class ContractView(msgspec.Struct, kw_only=True):
    """A contract with its parties' names, what may happen next and its money so far."""

    id: uuid.UUID
    number: str
    title: str
    direction: Direction
    status: ContractStatus
    #: Statuses it may be moved to now (``POST .../status``).
    next_statuses: list[ContractStatus]
    account_id: uuid.UUID | None
    counterparty_id: uuid.UUID | None
    party_name: str
    project_id: uuid.UUID | None
    org_unit_id: uuid.UUID | None
    amount: Decimal
    currency: str
    exchange_rate: Decimal
    signed_on: date | None
    starts_on: date | None
    ends_on: date | None
    our_signatory: str | None
    their_signatory: str | None
    notes: str | None
    #: Receipts (income) or payments made (expenditure), in the contract currency.
    settled: Decimal
    #: The template it was registered from, and its generated document (a file id: download it
    #: through ``GET /api/v1/files/{id}/download-url``).
    template_id: uuid.UUID | None = None
    document_file_id: uuid.UUID | None = None
    created_at: datetime
    updated_at: datetime
    version: int


class ContractDetail(msgspec.Struct, kw_only=True):
    """A contract with its payment plan, receipts or payments and invoices."""

    contract: ContractView
    milestones: list[PlanMilestoneView]
    settlements: list[SettlementView]
    invoices: list[InvoiceView]


class ContractPage(msgspec.Struct, kw_only=True):
    """A page of contracts in the asked order (newest first by default)."""

    items: list[ContractView]
    next_cursor: str | None
    #: Pass as ``before`` for the page before this one (``null`` on the first page).
    previous_cursor: str | None = None
    #: How many contracts the filters leave, when asked for with ``count=true``.
    total: int | None = None


class ContractFilters(msgspec.Struct, kw_only=True):
    """The contracts list's filters."""

    q: str | None = None
    direction: Direction | None = None
    status: ContractStatus | None = None
    project_id: uuid.UUID | None = None


# --- ageing ---------------------------------------------------------------------------------


class AgeingItem(msgspec.Struct, kw_only=True):
    """One milestone still open past its due date: ``open = due - settled``."""

    contract_id: uuid.UUID
    contract_number: str
    party_name: str
    milestone_id: uuid.UUID
    milestone_title: str
    due_on: date
    days_overdue: int
    due: Decimal
    settled: Decimal
    open: Decimal


class AgeingBucket(msgspec.Struct, kw_only=True):
    """A bucket (``0-30``, ``31-60``, ``61-90``, ``90+`` days past due) and the items it sums."""

    bucket: str
    total: Decimal
    items: list[AgeingItem]


class AgeingReport(msgspec.Struct, kw_only=True):
    """Receivable (income contracts) or payable (expenditure) ageing on the tenant's today.

    Amounts are in each contract's currency converted to the base currency at its exchange rate.
    """

    side: str
    as_of: date
    buckets: list[AgeingBucket]
    total: Decimal
    not_yet_due: Decimal
    formula: str


# --- change orders (变更/洽商) ------------------------------------------------------------------


class ChangeOrderCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A change order (变更/洽商): who proposes it, why, the cost impact (added to the contract
    amount; negative reduces it) and the schedule impact (days added to the end date)."""

    proposer: ShortText
    reason: Annotated[str, msgspec.Meta(min_length=1, max_length=4000, pattern=NOT_BLANK)]
    cost_impact: Annotated[
        Decimal,
        msgspec.Meta(
            description="A decimal string, at most 2 decimals; negative reduces the amount.",
            examples=["150000.00"],
        ),
    ]
    schedule_impact_days: Annotated[int, msgspec.Meta(ge=-3660, le=3660)] = 0
    #: Payment-plan changes: a milestone's new amount and/or due date, applied on approval.
    milestone_changes: Annotated[list[MilestoneChange], msgspec.Meta(max_length=50)] = []


class MilestoneChange(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A milestone's new amount and/or due date (omitted: kept)."""

    milestone_id: uuid.UUID
    amount: Amount | None = None
    due_on: date | None = None


class MilestoneChangeView(msgspec.Struct, kw_only=True):
    """A payment-plan change of a change order: the milestone's amount and due date as proposed
    (``amount``, ``due_on``: null when kept) and, once approved, before."""

    milestone_id: uuid.UUID
    title: str
    amount: Decimal | None
    due_on: date | None
    amount_before: Decimal | None
    due_on_before: date | None


class ChangeOrderView(msgspec.Struct, kw_only=True):
    """A change order and, once approved, the contract's amount and end date before and after it."""

    id: uuid.UUID
    contract_id: uuid.UUID
    seq: int
    proposer: str
    reason: str
    cost_impact: Decimal
    schedule_impact_days: int
    status: ChangeOrderStatus
    amount_before: Decimal | None
    amount_after: Decimal | None
    ends_on_before: date | None
    ends_on_after: date | None
    milestone_changes: list[MilestoneChangeView]
    #: Files attached through the files API (``document_type=contracts_change``, ``document_id``
    #: the change order's id), oldest first.
    attachments: list[FileOut]
    created_at: datetime
    updated_at: datetime
    version: int


# --- templates and the clause library ---------------------------------------------------------

PlaceholderName = Annotated[str, msgspec.Meta(min_length=1, max_length=50, pattern=r"^[a-z][a-z0-9_]*$")]
LongText = Annotated[str, msgspec.Meta(min_length=1, max_length=20000, pattern=NOT_BLANK)]


class ClauseCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A clause of the library (条款库); its text may hold ``{{placeholders}}``."""

    code: Code
    title: Name
    body: LongText


class ClauseUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Fields to change (send ``If-Match``)."""

    code: Code | msgspec.UnsetType = msgspec.UNSET
    title: Name | msgspec.UnsetType = msgspec.UNSET
    body: LongText | msgspec.UnsetType = msgspec.UNSET


class ClauseView(msgspec.Struct, kw_only=True):
    """A clause of the library."""

    id: uuid.UUID
    code: str
    title: str
    body: str
    created_at: datetime
    updated_at: datetime
    version: int


class ClausePage(msgspec.Struct, kw_only=True):
    """A page of clauses."""

    items: list[ClauseView]
    next_cursor: str | None


class PlaceholderDefinition(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A placeholder the registering user fills in: ``{{name}}`` in the text."""

    name: PlaceholderName
    label: ShortText
    required: bool = True


class TemplateClauseRef(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A clause of the library in the template; a required one cannot be left out."""

    clause_id: uuid.UUID
    required: bool = False


class TemplateCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A contract template (合同模板): its text with ``{{placeholders}}``, its clauses (in order)
    and its control indicators: ``max_amount`` (base currency), ``allowed_currencies`` (empty:
    any), required clauses (``clauses[].required``) and ``required_attachments`` (kinds)."""

    code: Code
    name: Name
    body: LongText
    direction: Direction | None = None
    placeholders: Annotated[list[PlaceholderDefinition], msgspec.Meta(max_length=50)] = []
    clauses: Annotated[list[TemplateClauseRef], msgspec.Meta(max_length=100)] = []
    max_amount: Amount | None = None
    allowed_currencies: Annotated[list[Currency], msgspec.Meta(max_length=20)] = []
    required_attachments: Annotated[list[ShortText], msgspec.Meta(max_length=20)] = []


class TemplateUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Fields to change (send ``If-Match``); ``clauses`` replaces the template's clauses."""

    code: Code | msgspec.UnsetType = msgspec.UNSET
    name: Name | msgspec.UnsetType = msgspec.UNSET
    body: LongText | msgspec.UnsetType = msgspec.UNSET
    direction: Direction | msgspec.UnsetType | None = msgspec.UNSET
    placeholders: Annotated[list[PlaceholderDefinition], msgspec.Meta(max_length=50)] | msgspec.UnsetType = (
        msgspec.UNSET
    )
    clauses: Annotated[list[TemplateClauseRef], msgspec.Meta(max_length=100)] | msgspec.UnsetType = (
        msgspec.UNSET
    )
    max_amount: Amount | msgspec.UnsetType | None = msgspec.UNSET
    allowed_currencies: Annotated[list[Currency], msgspec.Meta(max_length=20)] | msgspec.UnsetType = (
        msgspec.UNSET
    )
    required_attachments: Annotated[list[ShortText], msgspec.Meta(max_length=20)] | msgspec.UnsetType = (
        msgspec.UNSET
    )


class TemplateClauseView(msgspec.Struct, kw_only=True):
    """A clause of a template, in its place."""

    clause_id: uuid.UUID
    code: str
    title: str
    body: str
    required: bool


class PlaceholderView(msgspec.Struct, kw_only=True):
    """A placeholder of a template."""

    name: str
    label: str
    required: bool


class TemplateView(msgspec.Struct, kw_only=True):
    """A contract template with its clauses and control indicators."""

    id: uuid.UUID
    code: str
    name: str
    direction: Direction | None
    body: str
    placeholders: list[PlaceholderView]
    clauses: list[TemplateClauseView]
    max_amount: Decimal | None
    allowed_currencies: list[str]
    required_attachments: list[str]
    #: Placeholders filled from the contract itself (``{{number}}``, ``{{party}}``, ...).
    built_in_placeholders: list[str]
    created_at: datetime
    updated_at: datetime
    version: int


class TemplatePage(msgspec.Struct, kw_only=True):
    """A page of templates."""

    items: list[TemplateView]
    next_cursor: str | None


class TemplateFilters(msgspec.Struct, kw_only=True):
    """The templates list's filters."""

    q: str | None = None
    direction: Direction | None = None


# --- claims and delays (索赔/延期) ---------------------------------------------------------------

RaisedBy = Annotated[str, msgspec.Meta(pattern=r"^(us|counterparty)$", description="`us` or `counterparty`.")]


class ClaimCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A claim (``kind: claim``, an ``amount``) or a delay (``kind: delay``, ``days``)."""

    kind: ClaimKind
    raised_by: RaisedBy
    reason: LongText
    amount: Amount | None = None
    days: Annotated[int, msgspec.Meta(ge=1, le=3660)] | None = None
    raised_on: date | None = None


class ClaimDecision(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Decide an open claim or delay (send ``If-Match``): accepted (with what was agreed, default
    what was asked), rejected or withdrawn."""

    status: ClaimStatus
    agreed_amount: Amount | None = None
    agreed_days: Annotated[int, msgspec.Meta(ge=0, le=3660)] | None = None
    resolution: Notes | None = None


class ClaimView(msgspec.Struct, kw_only=True):
    """A claim or delay against a contract."""

    id: uuid.UUID
    contract_id: uuid.UUID
    kind: ClaimKind
    raised_by: str
    reason: str
    raised_on: date
    status: ClaimStatus
    amount: Decimal | None
    agreed_amount: Decimal | None
    days: int | None
    agreed_days: int | None
    resolution: str | None
    created_at: datetime
    updated_at: datetime
    version: int


class ClaimList(msgspec.Struct, kw_only=True):
    """A contract's claims and delays, oldest first (a contract has few: no pagination)."""

    items: list[ClaimView]


# --- ledger (台账) and the dashboard ------------------------------------------------------------


class LedgerRow(msgspec.Struct, kw_only=True):
    """One group of the ledger: how many contracts, their value, what was settled, what is open.

    ``open = value - settled`` (all in the base currency: each contract at its exchange rate)."""

    key: str
    label: str
    contracts: int
    value: Decimal
    settled: Decimal
    open: Decimal


class LedgerReport(msgspec.Struct, kw_only=True):
    """The contracts ledger (台账) grouped by ``by`` and direction, with the formula."""

    by: str
    direction: Direction
    rows: list[LedgerRow]
    total: LedgerRow
    formula: str


class ExpiringContract(msgspec.Struct, kw_only=True):
    """A signed contract ending soon."""

    contract_id: uuid.UUID
    number: str
    title: str
    party_name: str
    ends_on: date
    days_left: int
    amount: Decimal
    currency: str


class DirectionTotals(msgspec.Struct, kw_only=True):
    """One direction's figures: signed value (active, completed, terminated or expired
    contracts, base currency), settled (received or paid) and outstanding = signed - settled;
    overdue = milestone amounts open past due (the ageing's total)."""

    direction: Direction
    contracts: int
    signed_value: Decimal
    settled: Decimal
    outstanding: Decimal
    overdue: Decimal


class StatusCount(msgspec.Struct, kw_only=True):
    """Contracts in one status and their value (base currency)."""

    direction: Direction
    status: ContractStatus
    contracts: int
    value: Decimal


class ContractsDashboard(msgspec.Struct, kw_only=True):
    """The contracts dashboard on the tenant's today: each direction's totals, contracts by
    status, and signed contracts expiring in 30, 60 and 90 days, with the formulas."""

    as_of: date
    receivable: DirectionTotals
    payable: DirectionTotals
    by_status: list[StatusCount]
    expiring_30: list[ExpiringContract]
    expiring_60: list[ExpiringContract]
    expiring_90: list[ExpiringContract]
    formulas: dict[str, str]


# --- the customer-risk signal -----------------------------------------------------------------


class RiskReasonView(msgspec.Struct, kw_only=True):
    """One reason adding to a customer's risk score: its weight, the figure behind it, what it
    means, and the records it comes from (``href``: their pages)."""

    code: str
    weight: int
    figure: str
    explanation: str
    links: list[RiskLink]


class RiskLink(msgspec.Struct, kw_only=True):
    """A record behind a reason."""

    label: str
    href: str


class CustomerRisk(msgspec.Struct, kw_only=True):
    """A customer's risk score (0–100) with its reasons: ``score = min(100, sum of the weights of
    the reasons present)``; the weights are tenant settings."""

    account_id: uuid.UUID
    account_name: str
    score: int
    reasons: list[RiskReasonView]
    weights: dict[str, int]
    as_of: date
    formula: str


class CustomerRiskPage(msgspec.Struct, kw_only=True):
    """Customers' risk scores with their reasons: the accounts asked for, or a page of CRM's
    churn watch list in its order (tier A first, then the most revenue at stake)."""

    items: list[CustomerRisk]
    next_cursor: str | None
