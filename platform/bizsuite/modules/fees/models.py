"""Fee billing tables: schedules (versioned by effective date) and their components, the metrics
(customs records, profit figures, other income), quarterly reconciliations, statements with
their lines (the "why" of each figure) and payments.

Every table is tenant-scoped with a ``(tenant_id, id)`` key and composite foreign keys; the
migration is ``migrations/versions/0017_fees.py``. Issued statements and their lines are
immutable in the database too (a trigger refuses UPDATE and DELETE).
"""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    Index,
    Integer,
    Numeric,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from bizsuite.core.db import Base, TenantScoped, Timestamped, Versioned, tenant_fk
from bizsuite.modules.fees.rules import DEFAULT_NUMBER_PATTERN, ComponentKind, LineKind

MONEY = Numeric(18, 2)
RATE = Numeric(12, 6)


def _enum(kind: type[enum.StrEnum], name: str) -> Enum:
    return Enum(kind, name=name, values_callable=lambda e: [m.value for m in e])


class CustomsDirection(enum.StrEnum):
    """Import (进口) or export (出口)."""

    IMPORT = "import"
    EXPORT = "export"


class IncomeKind(enum.StrEnum):
    """Kinds of other income (其他业务收入)."""

    RENT = "rent"
    LABOUR_SERVICES = "labour_services"
    OTHER = "other"


class ReconciliationStatus(enum.StrEnum):
    """Where a quarter's reconciliation (对账) stands."""

    OPEN = "open"
    DISPUTED = "disputed"
    CONFIRMED = "confirmed"


class StatementStatus(enum.StrEnum):
    """A statement's life: draft → in approval → approved → issued (then immutable)."""

    DRAFT = "draft"
    IN_APPROVAL = "in_approval"
    APPROVED = "approved"
    ISSUED = "issued"


class FeeSchedule(TenantScoped, Timestamped, Versioned, Base):
    """A fee schedule (收费标准) in force from ``effective_from`` until a later one takes over."""

    __tablename__ = "fees_schedules"
    __table_args__ = (
        UniqueConstraint("tenant_id", "effective_from", name="uq_fees_schedules_effective_from"),
        Index("ix_fees_schedules_tenant_created", "tenant_id", "created_at", "id"),
        CheckConstraint("cutoff_month BETWEEN 1 AND 12 AND cutoff_day BETWEEN 1 AND 31", name="cutoff_range"),
    )

    name: Mapped[str] = mapped_column(String(200))
    effective_from: Mapped[date] = mapped_column(Date)
    currency: Mapped[str] = mapped_column(String(3), default="CNY", server_default="CNY")
    #: The customs cut-off (12-20: records of 21–31 December count toward the next fee year).
    cutoff_month: Mapped[int] = mapped_column(SmallInteger, default=12, server_default="12")
    cutoff_day: Mapped[int] = mapped_column(SmallInteger, default=20, server_default="20")
    notes: Mapped[str | None] = mapped_column(Text)


class FeeComponent(TenantScoped, Timestamped, Base):
    """One component of a schedule: its kind, rate or band, and the quarters it bills in."""

    __tablename__ = "fees_components"
    __table_args__ = (
        tenant_fk("schedule_id", "fees_schedules.id", ondelete="CASCADE"),
        UniqueConstraint("tenant_id", "schedule_id", "position", name="uq_fees_components_position"),
    )

    schedule_id: Mapped[uuid.UUID]
    position: Mapped[int] = mapped_column(SmallInteger)
    kind: Mapped[ComponentKind] = mapped_column(_enum(ComponentKind, "fees_component_kind"))
    label: Mapped[str] = mapped_column(String(200))
    rate: Mapped[Decimal | None] = mapped_column(RATE)
    per: Mapped[Decimal] = mapped_column(Numeric(18, 2), default=Decimal(100), server_default="100")
    band_low: Mapped[Decimal | None] = mapped_column(RATE)
    band_high: Mapped[Decimal | None] = mapped_column(RATE)
    quarters: Mapped[list[int]] = mapped_column(JSONB)
    metric_currency: Mapped[str] = mapped_column(String(3), default="USD", server_default="USD")


class CustomsRecord(TenantScoped, Timestamped, Base):
    """A subsidiary's customs import or export total (USD) on a date (海关进出口数据)."""

    __tablename__ = "fees_customs_records"
    __table_args__ = (
        tenant_fk("org_unit_id", "org_units.id"),
        Index("ix_fees_customs_records_unit_date", "tenant_id", "org_unit_id", "declared_on"),
        Index("ix_fees_customs_records_tenant_created", "tenant_id", "created_at", "id"),
        CheckConstraint("amount >= 0", name="amount_not_negative"),
    )

    org_unit_id: Mapped[uuid.UUID]
    declared_on: Mapped[date] = mapped_column(Date)
    direction: Mapped[CustomsDirection] = mapped_column(_enum(CustomsDirection, "fees_customs_direction"))
    amount: Mapped[Decimal] = mapped_column(MONEY)
    currency: Mapped[str] = mapped_column(String(3), default="USD", server_default="USD")
    reference: Mapped[str | None] = mapped_column(String(100))


class ProfitFigure(TenantScoped, Timestamped, Versioned, Base):
    """A subsidiary's annual operating profit: reported, then audited (经营利润)."""

    __tablename__ = "fees_profit_figures"
    __table_args__ = (
        tenant_fk("org_unit_id", "org_units.id"),
        UniqueConstraint("tenant_id", "org_unit_id", "year", name="uq_fees_profit_figures_year"),
    )

    org_unit_id: Mapped[uuid.UUID]
    year: Mapped[int] = mapped_column(Integer)
    reported: Mapped[Decimal] = mapped_column(MONEY)
    audited: Mapped[Decimal | None] = mapped_column(MONEY)
    audited_on: Mapped[date | None] = mapped_column(Date)


class IncomeEntry(TenantScoped, Timestamped, Base):
    """Other income of a subsidiary in a year, by kind (房租收入, 劳务费收入...)."""

    __tablename__ = "fees_income_entries"
    __table_args__ = (
        tenant_fk("org_unit_id", "org_units.id"),
        Index("ix_fees_income_entries_unit_year", "tenant_id", "org_unit_id", "year"),
    )

    org_unit_id: Mapped[uuid.UUID]
    year: Mapped[int] = mapped_column(Integer)
    kind: Mapped[IncomeKind] = mapped_column(_enum(IncomeKind, "fees_income_kind"))
    amount: Mapped[Decimal] = mapped_column(MONEY)
    note: Mapped[str | None] = mapped_column(String(200))


class Reconciliation(TenantScoped, Timestamped, Versioned, Base):
    """A quarter's reconciliation (对账) of one subsidiary: the figures, and both sides' confirmations."""

    __tablename__ = "fees_reconciliations"
    __table_args__ = (
        tenant_fk("org_unit_id", "org_units.id"),
        UniqueConstraint(
            "tenant_id", "org_unit_id", "year", "quarter", name="uq_fees_reconciliations_period"
        ),
        Index("ix_fees_reconciliations_tenant_created", "tenant_id", "created_at", "id"),
        CheckConstraint("quarter BETWEEN 1 AND 4", name="quarter_range"),
    )

    org_unit_id: Mapped[uuid.UUID]
    year: Mapped[int] = mapped_column(Integer)
    quarter: Mapped[int] = mapped_column(SmallInteger)
    status: Mapped[ReconciliationStatus] = mapped_column(
        _enum(ReconciliationStatus, "fees_reconciliation_status"),
        default=ReconciliationStatus.OPEN,
        server_default=ReconciliationStatus.OPEN.value,
    )
    deadline: Mapped[date] = mapped_column(Date)
    #: The figures both sides look at (customs totals and record counts), as when last confirmed.
    figures: Mapped[dict[str, Any]] = mapped_column(JSONB)
    hq_confirmed_by: Mapped[uuid.UUID | None]
    hq_confirmed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    subsidiary_confirmed_by: Mapped[uuid.UUID | None]
    subsidiary_confirmed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    #: The disagreements and confirmations, oldest first: side, kind, comment, who, when.
    history: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list, server_default="[]")


class Statement(TenantScoped, Timestamped, Versioned, Base):
    """A fee statement (管理费结算单) of one subsidiary and quarter."""

    __tablename__ = "fees_statements"
    __table_args__ = (
        tenant_fk("org_unit_id", "org_units.id"),
        tenant_fk("schedule_id", "fees_schedules.id"),
        UniqueConstraint("tenant_id", "org_unit_id", "year", "quarter", name="uq_fees_statements_period"),
        UniqueConstraint("tenant_id", "number", name="uq_fees_statements_number"),
        Index("ix_fees_statements_tenant_created", "tenant_id", "created_at", "id"),
        CheckConstraint("quarter BETWEEN 1 AND 4", name="quarter_range"),
    )

    number: Mapped[str] = mapped_column(String(60))
    org_unit_id: Mapped[uuid.UUID]
    schedule_id: Mapped[uuid.UUID]
    year: Mapped[int] = mapped_column(Integer)
    quarter: Mapped[int] = mapped_column(SmallInteger)
    status: Mapped[StatementStatus] = mapped_column(
        _enum(StatementStatus, "fees_statement_status"),
        default=StatementStatus.DRAFT,
        server_default=StatementStatus.DRAFT.value,
    )
    currency: Mapped[str] = mapped_column(String(3), default="CNY", server_default="CNY")
    total: Mapped[Decimal] = mapped_column(MONEY)
    #: The band rate chosen at the year-end settlement (Q4), when the schedule has a band.
    settlement_rate: Mapped[Decimal | None] = mapped_column(RATE)
    issued_on: Mapped[date | None] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date)
    #: The statement's sequence within its fee year when the number pattern has ``{seq}``.
    seq: Mapped[int | None] = mapped_column(Integer)


class StatementLine(TenantScoped, Timestamped, Base):
    """A statement line with its why: formula, inputs, rate and source records."""

    __tablename__ = "fees_statement_lines"
    __table_args__ = (
        tenant_fk("statement_id", "fees_statements.id"),
        tenant_fk("adjusts_line_id", "fees_statement_lines.id"),
        UniqueConstraint("tenant_id", "statement_id", "position", name="uq_fees_statement_lines_position"),
    )

    statement_id: Mapped[uuid.UUID]
    position: Mapped[int] = mapped_column(SmallInteger)
    kind: Mapped[LineKind] = mapped_column(_enum(LineKind, "fees_line_kind"))
    component: Mapped[ComponentKind | None] = mapped_column(_enum(ComponentKind, "fees_component_kind"))
    label: Mapped[str] = mapped_column(String(200))
    amount: Mapped[Decimal] = mapped_column(MONEY)
    currency: Mapped[str] = mapped_column(String(3))
    formula: Mapped[str] = mapped_column(Text)
    inputs: Mapped[dict[str, str]] = mapped_column(JSONB)
    rate: Mapped[Decimal | None] = mapped_column(RATE)
    #: The records the figure comes from: kind, id, date, amount, reference.
    sources: Mapped[list[dict[str, str]]] = mapped_column(JSONB)
    #: The issued line this one trues up or corrects (on an earlier statement).
    adjusts_line_id: Mapped[uuid.UUID | None]


class Payment(TenantScoped, Timestamped, Base):
    """A payment received against an issued statement."""

    __tablename__ = "fees_payments"
    __table_args__ = (
        tenant_fk("statement_id", "fees_statements.id"),
        Index("ix_fees_payments_statement", "tenant_id", "statement_id", "paid_on"),
        CheckConstraint("amount > 0", name="amount_positive"),
    )

    statement_id: Mapped[uuid.UUID]
    paid_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(MONEY)
    reference: Mapped[str | None] = mapped_column(String(100))


class Payer(TenantScoped, Timestamped, Versioned, Base):
    """How a subsidiary pays fees, when it differs from the default (a wholly-owned payer): not a
    payer (excluded, with the reason), or not wholly owned (billed only when included)."""

    __tablename__ = "fees_payers"
    __table_args__ = (
        tenant_fk("org_unit_id", "org_units.id"),
        UniqueConstraint("tenant_id", "org_unit_id", name="uq_fees_payers_org_unit"),
        CheckConstraint("payer OR excluded_reason IS NOT NULL", name="excluded_reason"),
    )

    org_unit_id: Mapped[uuid.UUID]
    payer: Mapped[bool] = mapped_column(default=True, server_default="true")
    excluded_reason: Mapped[str | None] = mapped_column(String(500))
    wholly_owned: Mapped[bool] = mapped_column(default=True, server_default="true")
    #: A subsidiary that is not wholly owned is billed only when included.
    included: Mapped[bool] = mapped_column(default=False, server_default="false")


class FeesSettings(TenantScoped, Timestamped, Versioned, Base):
    """The tenant's fee billing settings (one row per tenant, created on first use)."""

    __tablename__ = "fees_settings"
    __table_args__ = (UniqueConstraint("tenant_id", name="uq_fees_settings_tenant"),)

    #: Statement numbers: ``{year}``, ``{quarter}``, ``{subsidiary}`` (its code) and ``{seq}``.
    statement_number_pattern: Mapped[str] = mapped_column(
        String(100), default=DEFAULT_NUMBER_PATTERN, server_default=DEFAULT_NUMBER_PATTERN
    )
