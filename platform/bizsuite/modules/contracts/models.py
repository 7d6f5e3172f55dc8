"""Contracts tables: settings, counterparties and their qualifications, projects, contracts,
milestones, settlements (receipts and payments), invoices, change orders, templates with the
clause library, and claims and delays. Contract numbers come from the kernel's counters
(``core/numbering``).

Every table is tenant-scoped with a ``(tenant_id, id)`` key and composite foreign keys; the
migration is ``migrations/versions/0014_contracts.py``.
"""

from __future__ import annotations

import enum
import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Enum,
    Index,
    Integer,
    Numeric,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from bizsuite.core.db import Base, TenantScoped, Timestamped, Versioned, tenant_fk

MONEY = Numeric(18, 2)
DEFAULT_PATTERN = "HT-{year}-{seq:04d}"


def _enum(kind: type[enum.StrEnum], name: str) -> Enum:
    return Enum(kind, name=name, values_callable=lambda e: [m.value for m in e])


class SpendRule(enum.StrEnum):
    """以收定支: how a payment beyond what the project received is treated."""

    HARD = "hard"
    SOFT = "soft"
    OFF = "off"


class Direction(enum.StrEnum):
    """Income contracts (收入合同) bring money in; expenditure contracts (支出合同) pay it out."""

    INCOME = "income"
    EXPENDITURE = "expenditure"


class ContractStatus(enum.StrEnum):
    """Where a contract stands in its life."""

    DRAFT = "draft"
    IN_APPROVAL = "in_approval"
    APPROVED = "approved"
    ACTIVE = "active"
    COMPLETED = "completed"
    TERMINATED = "terminated"
    EXPIRED = "expired"


class CounterpartyKind(enum.StrEnum):
    """The other party of an expenditure contract."""

    SUPPLIER = "supplier"
    SUBCONTRACTOR = "subcontractor"


class SettlementKind(enum.StrEnum):
    """Money received on an income contract (收款) or paid on an expenditure contract (付款)."""

    RECEIPT = "receipt"
    PAYMENT = "payment"


class SettlementStatus(enum.StrEnum):
    """A receipt is recorded at once; a payment under the soft rule waits for special approval."""

    RECORDED = "recorded"
    AWAITING_APPROVAL = "awaiting_approval"
    REJECTED = "rejected"


class InvoiceKind(enum.StrEnum):
    """An invoice the tenant issued (income) or received (expenditure)."""

    ISSUED = "issued"
    RECEIVED = "received"


class ContractsSettings(TenantScoped, Timestamped, Versioned, Base):
    """The tenant's contracts settings (one row per tenant, created on first use)."""

    __tablename__ = "contracts_settings"
    __table_args__ = (UniqueConstraint("tenant_id", name="uq_contracts_settings_tenant"),)

    #: Contract numbers: ``{year}`` and ``{seq}`` (e.g. ``{seq:04d}``) filled per tenant and year.
    number_pattern: Mapped[str] = mapped_column(
        String(100), default=DEFAULT_PATTERN, server_default=DEFAULT_PATTERN
    )
    spend_rule: Mapped[SpendRule] = mapped_column(
        _enum(SpendRule, "contracts_spend_rule"), default=SpendRule.HARD, server_default=SpendRule.HARD.value
    )
    #: Alert this many days before a signed contract's end date (each a separate alert).
    expiry_alert_days: Mapped[list[int]] = mapped_column(
        JSONB, default=lambda: [30, 60, 90], server_default=text("'[30, 60, 90]'::jsonb")
    )
    #: Alert a milestone this many days before it falls due (and again once it is overdue).
    milestone_alert_days: Mapped[int] = mapped_column(Integer, default=7, server_default=text("7"))
    #: Alert a qualification document this many days before it expires.
    qualification_alert_days: Mapped[int] = mapped_column(Integer, default=30, server_default=text("30"))
    #: The customer-risk signal's weight of each reason (``rules.RISK_REASONS``), 0 to 100.
    risk_weights: Mapped[dict[str, int]] = mapped_column(
        JSONB, default=dict, server_default=text("'{}'::jsonb")
    )


class Counterparty(TenantScoped, Timestamped, Versioned, Base):
    """A supplier (供应商) or subcontractor (分包商); blacklisted ones get no new contracts."""

    __tablename__ = "contracts_counterparties"
    __table_args__ = (
        UniqueConstraint("tenant_id", "code", name="uq_contracts_counterparties_code"),
        Index("ix_contracts_counterparties_tenant_created", "tenant_id", "created_at", "id"),
        CheckConstraint("rating BETWEEN 1 AND 5", name="rating_range"),
        CheckConstraint("NOT blacklisted OR blacklist_reason IS NOT NULL", name="blacklist_reason"),
    )

    kind: Mapped[CounterpartyKind] = mapped_column(_enum(CounterpartyKind, "contracts_counterparty_kind"))
    code: Mapped[str] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(String(200))
    #: 1 (poor) to 5 (excellent).
    rating: Mapped[int | None] = mapped_column(SmallInteger)
    contact: Mapped[str | None] = mapped_column(String(200))
    blacklisted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    blacklist_reason: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)


class Qualification(TenantScoped, Timestamped, Base):
    """A qualification document (资质) of a counterparty: kind, number, expiry."""

    __tablename__ = "contracts_qualifications"
    __table_args__ = (
        tenant_fk("counterparty_id", "contracts_counterparties.id", ondelete="CASCADE"),
        Index("ix_contracts_qualifications_counterparty", "tenant_id", "counterparty_id"),
    )

    counterparty_id: Mapped[uuid.UUID]
    kind: Mapped[str] = mapped_column(String(100))
    number: Mapped[str] = mapped_column(String(100))
    expires_on: Mapped[date | None] = mapped_column(Date)


class Project(TenantScoped, Timestamped, Versioned, Base):
    """A project (项目) grouping contracts, hanging off an org unit."""

    __tablename__ = "contracts_projects"
    __table_args__ = (
        tenant_fk("org_unit_id", "org_units.id"),
        UniqueConstraint("tenant_id", "code", name="uq_contracts_projects_code"),
        Index("ix_contracts_projects_tenant_created", "tenant_id", "created_at", "id"),
    )

    code: Mapped[str] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(String(200))
    org_unit_id: Mapped[uuid.UUID]
    notes: Mapped[str | None] = mapped_column(Text)


class Contract(TenantScoped, Timestamped, Versioned, Base):
    """An income or expenditure contract."""

    __tablename__ = "contracts_contracts"
    __table_args__ = (
        tenant_fk("account_id", "crm_accounts.id"),
        tenant_fk("counterparty_id", "contracts_counterparties.id"),
        tenant_fk("project_id", "contracts_projects.id"),
        tenant_fk("org_unit_id", "org_units.id"),
        tenant_fk("template_id", "contracts_templates.id"),
        UniqueConstraint("tenant_id", "number", name="uq_contracts_contracts_number"),
        Index("ix_contracts_contracts_tenant_created", "tenant_id", "created_at", "id"),
        Index("ix_contracts_contracts_tenant_project", "tenant_id", "project_id"),
        CheckConstraint(
            "(direction = 'income' AND account_id IS NOT NULL AND counterparty_id IS NULL) OR "
            "(direction = 'expenditure' AND counterparty_id IS NOT NULL AND account_id IS NULL)",
            name="party_matches_direction",
        ),
        CheckConstraint("amount >= 0", name="amount_not_negative"),
        CheckConstraint("exchange_rate > 0", name="exchange_rate_positive"),
    )

    number: Mapped[str] = mapped_column(String(60))
    title: Mapped[str] = mapped_column(String(200))
    direction: Mapped[Direction] = mapped_column(_enum(Direction, "contracts_direction"))
    status: Mapped[ContractStatus] = mapped_column(
        _enum(ContractStatus, "contracts_status"),
        default=ContractStatus.DRAFT,
        server_default=ContractStatus.DRAFT.value,
    )
    account_id: Mapped[uuid.UUID | None]
    counterparty_id: Mapped[uuid.UUID | None]
    project_id: Mapped[uuid.UUID | None]
    org_unit_id: Mapped[uuid.UUID | None]
    amount: Mapped[Decimal] = mapped_column(MONEY)
    currency: Mapped[str] = mapped_column(String(3), default="CNY", server_default="CNY")
    #: Units of the tenant's base currency (CNY) per unit of ``currency``, fixed at signing.
    exchange_rate: Mapped[Decimal] = mapped_column(
        Numeric(18, 6), default=Decimal(1), server_default=text("1")
    )
    signed_on: Mapped[date | None] = mapped_column(Date)
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    our_signatory: Mapped[str | None] = mapped_column(String(200))
    their_signatory: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    #: The template it was registered from (migration ``0022``), the placeholders' values, the
    #: clauses it includes (codes, in order) and its generated document (a stored file's id).
    template_id: Mapped[uuid.UUID | None]
    template_values: Mapped[dict[str, str] | None] = mapped_column(JSONB)
    clause_codes: Mapped[list[str] | None] = mapped_column(JSONB)
    document_file_id: Mapped[uuid.UUID | None]


class Milestone(TenantScoped, Timestamped, Base):
    """A payment-plan milestone: due date, amount (or a percentage of the contract), condition."""

    __tablename__ = "contracts_milestones"
    __table_args__ = (
        tenant_fk("contract_id", "contracts_contracts.id", ondelete="CASCADE"),
        Index("ix_contracts_milestones_contract", "tenant_id", "contract_id", "due_on"),
        CheckConstraint("amount >= 0", name="amount_not_negative"),
        CheckConstraint(
            "percentage IS NULL OR (percentage > 0 AND percentage <= 100)", name="percentage_range"
        ),
    )

    contract_id: Mapped[uuid.UUID]
    title: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date] = mapped_column(Date)
    #: The amount due (for a percentage milestone: the percentage of the contract amount).
    amount: Mapped[Decimal] = mapped_column(MONEY)
    percentage: Mapped[Decimal | None] = mapped_column(Numeric(7, 4))
    condition: Mapped[str | None] = mapped_column(Text)


class Settlement(TenantScoped, Timestamped, Versioned, Base):
    """A receipt (收款) on an income contract or a payment (付款) on an expenditure contract."""

    __tablename__ = "contracts_settlements"
    __table_args__ = (
        tenant_fk("contract_id", "contracts_contracts.id"),
        tenant_fk("milestone_id", "contracts_milestones.id"),
        Index("ix_contracts_settlements_contract", "tenant_id", "contract_id", "settled_on"),
        CheckConstraint("amount > 0", name="amount_positive"),
    )

    contract_id: Mapped[uuid.UUID]
    milestone_id: Mapped[uuid.UUID | None]
    kind: Mapped[SettlementKind] = mapped_column(_enum(SettlementKind, "contracts_settlement_kind"))
    status: Mapped[SettlementStatus] = mapped_column(
        _enum(SettlementStatus, "contracts_settlement_status"),
        default=SettlementStatus.RECORDED,
        server_default=SettlementStatus.RECORDED.value,
    )
    amount: Mapped[Decimal] = mapped_column(MONEY)
    #: ``amount`` in the base currency at the contract's exchange rate (what 以收定支 compares).
    amount_base: Mapped[Decimal] = mapped_column(MONEY)
    settled_on: Mapped[date] = mapped_column(Date)
    reference: Mapped[str | None] = mapped_column(String(100))
    #: The 以收定支 check made when the payment was requested (received, paid, requested, shortfall).
    spend_check: Mapped[dict[str, Any] | None] = mapped_column(JSONB)


class Invoice(TenantScoped, Timestamped, Base):
    """An invoice issued (income contract) or received (expenditure contract)."""

    __tablename__ = "contracts_invoices"
    __table_args__ = (
        tenant_fk("contract_id", "contracts_contracts.id"),
        UniqueConstraint("tenant_id", "kind", "number", name="uq_contracts_invoices_number"),
        Index("ix_contracts_invoices_contract", "tenant_id", "contract_id"),
        CheckConstraint("amount >= 0 AND tax_amount >= 0", name="amounts_not_negative"),
    )

    contract_id: Mapped[uuid.UUID]
    kind: Mapped[InvoiceKind] = mapped_column(_enum(InvoiceKind, "contracts_invoice_kind"))
    number: Mapped[str] = mapped_column(String(60))
    #: Amount before tax, and the tax on it.
    amount: Mapped[Decimal] = mapped_column(MONEY)
    tax_amount: Mapped[Decimal] = mapped_column(MONEY)
    issued_on: Mapped[date] = mapped_column(Date)


class ChangeOrderStatus(enum.StrEnum):
    """Where a change order (变更/洽商) stands in its approval."""

    IN_APPROVAL = "in_approval"
    APPROVED = "approved"
    REJECTED = "rejected"


class ChangeOrder(TenantScoped, Timestamped, Versioned, Base):
    """A change order (变更/洽商) of a contract: who proposed it, why, its cost impact (added to
    the amount, negative to reduce it) and schedule impact (days added to the end date). Once
    approved it keeps the amount and end date before and after: the contract's version history.
    Migration ``0016_contracts_changes.py``."""

    __tablename__ = "contracts_change_orders"
    __table_args__ = (
        tenant_fk("contract_id", "contracts_contracts.id"),
        UniqueConstraint("tenant_id", "contract_id", "seq", name="uq_contracts_change_orders_seq"),
    )

    contract_id: Mapped[uuid.UUID]
    #: 1, 2, ... per contract (变更 1 is the contract's first change).
    seq: Mapped[int] = mapped_column(Integer)
    proposer: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    cost_impact: Mapped[Decimal] = mapped_column(MONEY)
    schedule_impact_days: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    status: Mapped[ChangeOrderStatus] = mapped_column(
        _enum(ChangeOrderStatus, "contracts_change_status"),
        default=ChangeOrderStatus.IN_APPROVAL,
        server_default=ChangeOrderStatus.IN_APPROVAL.value,
    )
    amount_before: Mapped[Decimal | None] = mapped_column(MONEY)
    amount_after: Mapped[Decimal | None] = mapped_column(MONEY)
    ends_on_before: Mapped[date | None] = mapped_column(Date)
    ends_on_after: Mapped[date | None] = mapped_column(Date)
    #: Payment-plan changes (migration ``0022``): ``[{"milestone_id", "title", "amount",
    #: "due_on"}]`` as proposed; once approved each also keeps ``amount_before``/``due_on_before``.
    plan_changes: Mapped[list[dict[str, Any]] | None] = mapped_column(JSONB)


# --- templates and the clause library (migration ``0022_contracts_templates.py``) -------------


class Clause(TenantScoped, Timestamped, Versioned, Base):
    """A clause of the library (条款库): a titled text, which may hold ``{{placeholders}}``."""

    __tablename__ = "contracts_clauses"
    __table_args__ = (
        UniqueConstraint("tenant_id", "code", name="uq_contracts_clauses_code"),
        Index("ix_contracts_clauses_tenant_created", "tenant_id", "created_at", "id"),
    )

    code: Mapped[str] = mapped_column(String(50))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)


class ContractTemplate(TenantScoped, Timestamped, Versioned, Base):
    """A contract template (合同模板): a text with ``{{placeholders}}``, clauses from the library and
    control indicators that every contract registered from it must meet."""

    __tablename__ = "contracts_templates"
    __table_args__ = (
        UniqueConstraint("tenant_id", "code", name="uq_contracts_templates_code"),
        Index("ix_contracts_templates_tenant_created", "tenant_id", "created_at", "id"),
        CheckConstraint("max_amount IS NULL OR max_amount >= 0", name="max_amount_not_negative"),
    )

    code: Mapped[str] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(String(200))
    #: The contracts it makes (None: either direction).
    direction: Mapped[Direction | None] = mapped_column(_enum(Direction, "contracts_direction"))
    body: Mapped[str] = mapped_column(Text)
    #: ``[{"name", "label", "required"}]``: what the registering user fills in.
    placeholders: Mapped[list[dict[str, Any]]] = mapped_column(
        JSONB, default=list, server_default=text("'[]'::jsonb")
    )
    #: Control indicators: the largest amount (base currency), the currencies allowed (empty:
    #: any) and the attachments (by kind) a contract must carry.
    max_amount: Mapped[Decimal | None] = mapped_column(MONEY)
    allowed_currencies: Mapped[list[str]] = mapped_column(
        JSONB, default=list, server_default=text("'[]'::jsonb")
    )
    required_attachments: Mapped[list[str]] = mapped_column(
        JSONB, default=list, server_default=text("'[]'::jsonb")
    )


class TemplateClause(TenantScoped, Base):
    """A clause of a template, in order; a required one may not be left out of a contract."""

    __tablename__ = "contracts_template_clauses"
    __table_args__ = (
        tenant_fk("template_id", "contracts_templates.id", ondelete="CASCADE"),
        tenant_fk("clause_id", "contracts_clauses.id"),
        UniqueConstraint("tenant_id", "template_id", "clause_id", name="uq_contracts_template_clauses"),
    )

    template_id: Mapped[uuid.UUID]
    clause_id: Mapped[uuid.UUID]
    position: Mapped[int] = mapped_column(Integer)
    required: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))


# --- claims and delays (索赔/延期) ---------------------------------------------------------------


class ClaimKind(enum.StrEnum):
    """A claim for money (索赔) or a claim for time (延期)."""

    CLAIM = "claim"
    DELAY = "delay"


class ClaimStatus(enum.StrEnum):
    """Where a claim or delay stands."""

    OPEN = "open"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class Claim(TenantScoped, Timestamped, Versioned, Base):
    """A claim (索赔: an amount) or a delay (延期: days) tracked against a contract."""

    __tablename__ = "contracts_claims"
    __table_args__ = (
        tenant_fk("contract_id", "contracts_contracts.id"),
        Index("ix_contracts_claims_contract", "tenant_id", "contract_id", "raised_on"),
        CheckConstraint("amount IS NULL OR amount >= 0", name="amount_not_negative"),
        CheckConstraint("agreed_amount IS NULL OR agreed_amount >= 0", name="agreed_not_negative"),
    )

    contract_id: Mapped[uuid.UUID]
    kind: Mapped[ClaimKind] = mapped_column(_enum(ClaimKind, "contracts_claim_kind"))
    #: Who raised it: ``us`` or ``counterparty``.
    raised_by: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text)
    raised_on: Mapped[date] = mapped_column(Date)
    status: Mapped[ClaimStatus] = mapped_column(
        _enum(ClaimStatus, "contracts_claim_status"),
        default=ClaimStatus.OPEN,
        server_default=ClaimStatus.OPEN.value,
    )
    #: A claim's amount asked, and agreed once accepted.
    amount: Mapped[Decimal | None] = mapped_column(MONEY)
    agreed_amount: Mapped[Decimal | None] = mapped_column(MONEY)
    #: A delay's days asked, and agreed once accepted.
    days: Mapped[int | None] = mapped_column(Integer)
    agreed_days: Mapped[int | None] = mapped_column(Integer)
    resolution: Mapped[str | None] = mapped_column(Text)
