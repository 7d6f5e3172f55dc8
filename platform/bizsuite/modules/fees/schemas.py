"""Fee billing API bodies and views (decimal strings for money and rates, never floats)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal

import msgspec

from bizsuite.modules.fees.models import (
    CustomsDirection,
    IncomeKind,
    ReconciliationStatus,
    StatementStatus,
)
from bizsuite.modules.fees.rules import ComponentKind, LineKind, PayerStatus

NOT_BLANK = r"\S"
Name = Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=NOT_BLANK)]
Reference = Annotated[str, msgspec.Meta(min_length=1, max_length=100, pattern=NOT_BLANK)]
Comment = Annotated[str, msgspec.Meta(min_length=1, max_length=2000, pattern=NOT_BLANK)]
Notes = Annotated[str, msgspec.Meta(max_length=4000, pattern=r"^[^\x00]*$")]
Amount = Annotated[
    Decimal, msgspec.Meta(description="A decimal string, at most 2 decimals.", examples=["12345678.90"])
]
Rate = Annotated[
    Decimal, msgspec.Meta(description="A decimal string, at most 6 decimals.", examples=["0.70"])
]
Currency = Annotated[str, msgspec.Meta(pattern=r"^[A-Z]{3}$", description="ISO 4217 code, e.g. `CNY`.")]
Year = Annotated[int, msgspec.Meta(ge=2000, le=2100)]
Quarter = Annotated[int, msgspec.Meta(ge=1, le=4)]
Side = Literal["hq", "subsidiary"]


# --- schedules -----------------------------------------------------------------------------------


class FeeComponentCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A schedule component: ``rate`` per ``per`` units (volume) or a percentage (shares); a band
    settlement has ``band_low``/``band_high`` instead; ``quarters`` default to the kind's."""

    kind: ComponentKind
    label: Name
    rate: Rate | None = None
    #: Units of the metric the rate is per (default 100: "per 100 USD").
    per: Amount | None = None
    band_low: Rate | None = None
    band_high: Rate | None = None
    quarters: list[Quarter] | None = None
    metric_currency: Currency = "USD"


class FeeScheduleCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A fee schedule in force from ``effective_from`` (a later one takes over from its own date)."""

    name: Name
    effective_from: date
    components: Annotated[list[FeeComponentCreate], msgspec.Meta(min_length=1, max_length=20)]
    currency: Currency = "CNY"
    cutoff_month: Annotated[int, msgspec.Meta(ge=1, le=12)] = 12
    cutoff_day: Annotated[int, msgspec.Meta(ge=1, le=31)] = 20
    notes: Notes | None = None


class FeeScheduleUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A schedule version as a whole (send ``If-Match``): only while no statement was generated
    from it; otherwise add a new version from an effective date."""

    name: Name
    effective_from: date
    components: Annotated[list[FeeComponentCreate], msgspec.Meta(min_length=1, max_length=20)]
    currency: Currency = "CNY"
    cutoff_month: Annotated[int, msgspec.Meta(ge=1, le=12)] = 12
    cutoff_day: Annotated[int, msgspec.Meta(ge=1, le=31)] = 20
    notes: Notes | None = None


class FeeComponentView(msgspec.Struct, kw_only=True):
    """A component of a schedule."""

    id: uuid.UUID
    position: int
    kind: ComponentKind
    label: str
    rate: Decimal | None
    per: Decimal
    band_low: Decimal | None
    band_high: Decimal | None
    quarters: list[int]
    metric_currency: str


class FeeScheduleView(msgspec.Struct, kw_only=True):
    """A fee schedule with its components."""

    id: uuid.UUID
    name: str
    effective_from: date
    currency: str
    cutoff_month: int
    cutoff_day: int
    notes: str | None
    components: list[FeeComponentView]
    #: How many statements were generated from this version (an edit is refused once any was).
    statements: int = 0
    created_at: datetime
    version: int


class FeeSchedulePage(msgspec.Struct, kw_only=True):
    """A page of schedules, latest effective date first."""

    items: list[FeeScheduleView]
    next_cursor: str | None


# --- payers --------------------------------------------------------------------------------------


class FeePayerUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """How a subsidiary pays fees (send ``If-Match``: the payer's ``version``, 0 while it has the
    defaults). Not a payer needs ``excluded_reason``; one not wholly owned is billed only when
    ``included``."""

    payer: bool = True
    excluded_reason: Annotated[str, msgspec.Meta(min_length=1, max_length=500, pattern=NOT_BLANK)] | None = (
        None
    )
    wholly_owned: bool = True
    included: bool = False


class FeePayerView(msgspec.Struct, kw_only=True):
    """A subsidiary as a fee payer: its flags and whether it is billed (``status``)."""

    org_unit_id: uuid.UUID
    org_unit_code: str
    org_unit_name: str
    payer: bool
    excluded_reason: str | None
    wholly_owned: bool
    included: bool
    status: PayerStatus
    updated_at: datetime | None
    #: 0 while the subsidiary has the defaults (a wholly-owned payer).
    version: int


class FeePayerList(msgspec.Struct, kw_only=True):
    """Every subsidiary as a fee payer, by code."""

    items: list[FeePayerView]


# --- settings ------------------------------------------------------------------------------------


class FeesSettingsView(msgspec.Struct, kw_only=True):
    """The tenant's fee billing settings."""

    #: ``{year}``, ``{quarter}``, ``{subsidiary}`` (its code) and ``{seq}`` (e.g. ``{seq:04d}``).
    statement_number_pattern: str
    #: The pattern filled for Q1 of this year, a subsidiary ``SUB`` and sequence 1.
    number_example: str
    updated_at: datetime
    version: int


class FeesSettingsUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Change the settings (send ``If-Match``); an omitted field keeps its value."""

    statement_number_pattern: (
        Annotated[str, msgspec.Meta(min_length=1, max_length=100, pattern=NOT_BLANK)] | msgspec.UnsetType
    ) = msgspec.UNSET


# --- metrics -------------------------------------------------------------------------------------


class FeeCustomsRecordCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A customs import or export total of a subsidiary on a date."""

    org_unit_id: uuid.UUID
    declared_on: date
    direction: CustomsDirection
    amount: Amount
    currency: Currency = "USD"
    reference: Reference | None = None


class FeeCustomsRecordView(msgspec.Struct, kw_only=True):
    """A customs record, with the fee period it counts toward (the cut-off applied)."""

    id: uuid.UUID
    org_unit_id: uuid.UUID
    org_unit_name: str
    declared_on: date
    direction: CustomsDirection
    amount: Decimal
    currency: str
    reference: str | None
    fee_year: int
    fee_quarter: int
    created_at: datetime


class FeeCustomsRecordPage(msgspec.Struct, kw_only=True):
    """A page of customs records, newest date first."""

    items: list[FeeCustomsRecordView]
    next_cursor: str | None
    total: Decimal
    count: int


class FeeCustomsFilters(msgspec.Struct, kw_only=True):
    """Customs records of a subsidiary and/or fee period."""

    org_unit_id: uuid.UUID | None = None
    year: int | None = None
    quarter: int | None = None


class FeeProfitFigureCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A subsidiary's reported operating profit for a year (a loss is negative)."""

    org_unit_id: uuid.UUID
    year: Year
    reported: Amount


class FeeProfitAudit(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """The audited operating profit (审计报告), when it arrives. Send ``If-Match``."""

    audited: Amount
    audited_on: date | None = None


class FeeProfitFigureView(msgspec.Struct, kw_only=True):
    """A year's operating profit of a subsidiary."""

    id: uuid.UUID
    org_unit_id: uuid.UUID
    org_unit_name: str
    year: int
    reported: Decimal
    audited: Decimal | None
    audited_on: date | None
    version: int


class FeeProfitFigureList(msgspec.Struct, kw_only=True):
    """Profit figures, latest year first."""

    items: list[FeeProfitFigureView]


class FeeIncomeEntryCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Other income of a subsidiary in a year."""

    org_unit_id: uuid.UUID
    year: Year
    kind: IncomeKind
    amount: Amount
    note: Name | None = None


class FeeIncomeEntryView(msgspec.Struct, kw_only=True):
    """An other-income entry."""

    id: uuid.UUID
    org_unit_id: uuid.UUID
    org_unit_name: str
    year: int
    kind: IncomeKind
    amount: Decimal
    note: str | None


class FeeIncomeEntryList(msgspec.Struct, kw_only=True):
    """Other-income entries, latest year first."""

    items: list[FeeIncomeEntryView]


# --- reconciliation ------------------------------------------------------------------------------


class FeeReconciliationOpen(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Open a quarter's reconciliation for a subsidiary (the figures are read at once)."""

    org_unit_id: uuid.UUID
    year: Year
    quarter: Quarter


class FeeReconciliationDecision(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """One side confirms (``comment`` optional) or disputes (``comment`` required). Send ``If-Match``."""

    side: Side
    comment: Comment | None = None


class FeeReconciliationEvent(msgspec.Struct, kw_only=True):
    """A confirmation or a disagreement."""

    side: str
    action: str
    comment: str | None
    by: str
    at: datetime


class FeeFigures(msgspec.Struct, kw_only=True):
    """The figures both sides reconcile: the period's customs total (and the year's for Q4)."""

    period_from: date
    period_to: date
    customs_total: Decimal
    customs_records: int
    annual_customs_total: Decimal | None = None
    annual_customs_records: int | None = None


class FeeReconciliationView(msgspec.Struct, kw_only=True):
    """A quarter's reconciliation of one subsidiary."""

    id: uuid.UUID
    org_unit_id: uuid.UUID
    org_unit_name: str
    year: int
    quarter: int
    status: ReconciliationStatus
    deadline: date
    overdue: bool
    figures: FeeFigures
    hq_confirmed_by: str | None
    hq_confirmed_at: datetime | None
    subsidiary_confirmed_by: str | None
    subsidiary_confirmed_at: datetime | None
    history: list[FeeReconciliationEvent]
    version: int


class FeeReconciliationPage(msgspec.Struct, kw_only=True):
    """A page of reconciliations, newest first."""

    items: list[FeeReconciliationView]
    next_cursor: str | None


# --- statements ----------------------------------------------------------------------------------


class FeeStatementGenerate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Generate a subsidiary's statement for a quarter (both sides must have confirmed its
    reconciliation). Q4 settles the year: ``settlement_rate`` must lie in the schedule's band."""

    org_unit_id: uuid.UUID
    year: Year
    quarter: Quarter
    settlement_rate: Rate | None = None


class FeeAdjustmentCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A correction of an issued line, added to a draft statement (a credit when negative)."""

    adjusts_line_id: uuid.UUID
    amount: Amount
    reason: Comment


class FeePaymentCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A payment received against an issued statement (at most what is outstanding)."""

    paid_on: date
    amount: Amount
    reference: Reference | None = None


class FeeStatementAction(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A step of the statement's life (submit, issue); send ``If-Match``."""

    comment: Comment | None = None


class FeeSourceView(msgspec.Struct, kw_only=True):
    """A record a line's figure comes from."""

    kind: str
    id: str
    on: str
    amount: Decimal
    reference: str


class FeeLineView(msgspec.Struct, kw_only=True):
    """A statement line and why it is that number."""

    id: uuid.UUID
    position: int
    kind: LineKind
    component: ComponentKind | None
    label: str
    amount: Decimal
    currency: str
    formula: str
    inputs: dict[str, str]
    rate: Decimal | None
    sources: list[FeeSourceView]
    adjusts_line_id: uuid.UUID | None
    adjusts_statement_number: str | None


class FeePaymentView(msgspec.Struct, kw_only=True):
    """A payment recorded against a statement."""

    id: uuid.UUID
    statement_id: uuid.UUID
    paid_on: date
    amount: Decimal
    reference: str | None
    created_at: datetime


class FeeStatementView(msgspec.Struct, kw_only=True):
    """A statement's head: the total is the sum of its lines; paid and outstanding from payments."""

    id: uuid.UUID
    number: str
    org_unit_id: uuid.UUID
    org_unit_name: str
    schedule_id: uuid.UUID
    year: int
    quarter: int
    status: StatementStatus
    currency: str
    total: Decimal
    paid: Decimal
    outstanding: Decimal
    settlement_rate: Decimal | None
    issued_on: date | None
    due_on: date | None
    created_at: datetime
    version: int


class FeeStatementDetail(msgspec.Struct, kw_only=True):
    """A statement with its lines (each with its why) and payments."""

    statement: FeeStatementView
    lines: list[FeeLineView]
    payments: list[FeePaymentView]
    #: How the total is made: the lines' amounts added up, never rounded again.
    total_formula: str


class FeeStatementPage(msgspec.Struct, kw_only=True):
    """A page of statements (newest first, or in the order ``sort`` names)."""

    items: list[FeeStatementView]
    next_cursor: str | None
    previous_cursor: str | None = None
    #: How many statements the filters leave (when asked with ``count=true``).
    total: int | None = None


class FeeStatementFilters(msgspec.Struct, kw_only=True):
    """Statements of a subsidiary, year, quarter or status, or with ``q`` in the number or subsidiary."""

    q: str | None = None
    org_unit_id: uuid.UUID | None = None
    year: int | None = None
    quarter: int | None = None
    status: StatementStatus | None = None


# --- reports -------------------------------------------------------------------------------------


class FeeReportRow(msgspec.Struct, kw_only=True):
    """Fees of one subsidiary and component in one quarter (issued statements)."""

    org_unit_id: uuid.UUID
    org_unit_name: str
    component: str
    quarter: int
    amount: Decimal


class FeeCollectionRow(msgspec.Struct, kw_only=True):
    """A subsidiary's year: billed, collected, outstanding, last year's billed, ageing."""

    org_unit_id: uuid.UUID
    org_unit_name: str
    billed: Decimal
    collected: Decimal
    outstanding: Decimal
    last_year_billed: Decimal
    ageing: dict[str, Decimal]


class FeeReport(msgspec.Struct, kw_only=True):
    """Fees by subsidiary, component and quarter for a year, with collection status and the
    comparison with the year before (issued statements only)."""

    year: int
    currency: str
    rows: list[FeeReportRow]
    collection: list[FeeCollectionRow]
    total_billed: Decimal
    total_collected: Decimal
    total_outstanding: Decimal
    last_year_billed: Decimal
