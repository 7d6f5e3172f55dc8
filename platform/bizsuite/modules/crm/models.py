"""CRM tables: settings, zones, accounts, contacts, activities, pipeline, revenue, churn, tickets.

Every table is tenant-scoped with a ``(tenant_id, id)`` key and composite foreign keys; the
migration is ``migrations/versions/0004_crm.py`` (tickets and SLA policies: ``0005``).
"""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Computed,
    Date,
    Enum,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    column,
    literal_column,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from bizsuite.core.db import Base, TenantScoped, Timestamped, Versioned, tenant_fk, utcnow

MONEY = Numeric(18, 2)


def _enum(kind: type[enum.StrEnum], name: str) -> Enum:
    return Enum(kind, name=name, values_callable=lambda e: [m.value for m in e])


class AccountKind(enum.StrEnum):
    """What the account is to the tenant."""

    END_CUSTOMER = "end_customer"
    DISTRIBUTOR = "distributor"
    PARTNER = "partner"


class AccountStatus(enum.StrEnum):
    """Active accounts are worked; archived ones are kept for history."""

    ACTIVE = "active"
    ARCHIVED = "archived"


class Tier(enum.StrEnum):
    """Key-account tier (大客户分级) by trailing-12-month revenue."""

    A = "A"
    B = "B"
    C = "C"


class ActivityKind(enum.StrEnum):
    """A touch point with an account."""

    CALL = "call"
    VISIT = "visit"
    NOTE = "note"


class StageKind(enum.StrEnum):
    """Open stages move; won and lost stages close the opportunity."""

    OPEN = "open"
    WON = "won"
    LOST = "lost"


class CrmSettings(TenantScoped, Timestamped, Versioned, Base):
    """The tenant's CRM settings (one row per tenant, created on first use)."""

    __tablename__ = "crm_settings"
    __table_args__ = (
        UniqueConstraint("tenant_id", name="uq_crm_settings_tenant"),
        CheckConstraint("churn_months BETWEEN 2 AND 24", name="churn_months_range"),
        CheckConstraint("revenue_future_months BETWEEN 0 AND 12", name="revenue_future_months_range"),
        CheckConstraint(
            "tier_a_share > 0 AND tier_a_share < tier_b_share AND tier_b_share <= 1", name="tier_shares"
        ),
    )

    #: Consecutive months of decline that put an account on the churn watch list.
    churn_months: Mapped[int] = mapped_column(SmallInteger, default=3, server_default=text("3"))
    #: Cumulative revenue share closing tier A (0.80: the 20/80 rule) and tier B.
    tier_a_share: Mapped[Decimal] = mapped_column(
        Numeric(5, 4), default=Decimal("0.8"), server_default=text("0.8")
    )
    tier_b_share: Mapped[Decimal] = mapped_column(
        Numeric(5, 4), default=Decimal("0.95"), server_default=text("0.95")
    )
    #: How many months after the current one (in the tenant's time zone) revenue may be recorded
    #: for; 0: up to the current month. A later month is refused where it enters (API, import,
    #: blueprint): it would move the "as of" month and empty every account's current figures.
    revenue_future_months: Mapped[int] = mapped_column(SmallInteger, default=0, server_default=text("0"))
    #: Route new tickets to the owner of the account's zone (片区管家).
    route_by_zone: Mapped[bool] = mapped_column(default=False, server_default=text("false"))
    #: Optional business calendar for SLA clocks: ``{"hours": {"mon": ["09:00", "18:00"], ...},
    #: "holidays": ["2026-10-01", ...]}``; empty means clocks run around the clock.
    business_calendar: Mapped[dict[str, Any]] = mapped_column(
        JSONB, default=dict, server_default=text("'{}'::jsonb")
    )


class Zone(TenantScoped, Timestamped, Versioned, Base):
    """A service zone (片区) with its steward (片区管家), who receives its tickets."""

    __tablename__ = "crm_zones"
    __table_args__ = (
        tenant_fk("org_unit_id", "org_units.id"),
        UniqueConstraint("tenant_id", "code", name="uq_crm_zones_code"),
        Index("ix_crm_zones_tenant_created", "tenant_id", "created_at", "id"),
    )

    code: Mapped[str] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(String(200))
    org_unit_id: Mapped[uuid.UUID | None]
    owner_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))


#: Search anywhere in an account's code, name and phone, and a contact's name and phone
#: (``LIKE '%明辉%'`` on the lower-cased text): trigram GIN indexes on those texts, written as
#: PostgreSQL prints them back so the migrations-match-models check compares them equal.
ACCOUNT_SEARCH_TEXT = (
    "lower((((code::text || ' '::text) || name::text) || ' '::text) "
    "|| COALESCE(phone, ''::character varying)::text)"
)
CONTACT_SEARCH_TEXT = "lower((name::text || ' '::text) || COALESCE(phone, ''::character varying)::text)"
#: The tickets and opportunities lists search their title and name (migration 0015).
TICKET_SEARCH_TEXT = "lower(title::text)"
OPPORTUNITY_SEARCH_TEXT = "lower(name::text)"


#: The churn watch list's order (tier A first, then B, C, none; then the most revenue at stake;
#: then the account id), kept as plain columns that PostgreSQL generates from ``tier`` and
#: ``trailing_revenue``: the list reads them in the index's order and pages by comparing them,
#: which under row-level security the planner does inside the index only for leakproof
#: comparisons (integers and uuids; not enums nor numerics). Highest first: A is 3, none 0.
WATCH_PRIORITY_SQL = (
    "CASE tier WHEN 'A'::crm_tier THEN 3 WHEN 'B'::crm_tier THEN 2 WHEN 'C'::crm_tier THEN 1 ELSE 0 END"
)
#: The revenue at stake (the trailing revenue) in cents, exact (at most 18 digits).
TRAILING_CENTS_SQL = "(trailing_revenue * (100)::numeric)::bigint"
#: The shortest streak the watch list can hold (the smallest ``churn_months``): the index is
#: partial on it, so it holds only the accounts with a chance to be at risk.
WATCH_MIN_STREAK = 2


def _search_index(name: str, expression: str) -> Index:
    return Index(
        name,
        literal_column(expression).label("search"),
        postgresql_using="gin",
        postgresql_ops={"search": "gin_trgm_ops"},
    )


class Account(TenantScoped, Timestamped, Versioned, Base):
    """A customer, distributor or partner of the tenant."""

    __tablename__ = "crm_accounts"
    __table_args__ = (
        tenant_fk("org_unit_id", "org_units.id"),
        tenant_fk("zone_id", "crm_zones.id"),
        UniqueConstraint("tenant_id", "code", name="uq_crm_accounts_code"),
        Index("ix_crm_accounts_tenant_created", "tenant_id", "created_at", "id"),
        Index("ix_crm_accounts_tenant_tier", "tenant_id", "tier", "trailing_revenue"),
        Index("ix_crm_accounts_tenant_owner", "tenant_id", "owner_user_id", "created_at", "id"),
        Index("ix_crm_accounts_tenant_zone", "tenant_id", "zone_id", "created_at", "id"),
        # Prefix search (``q``) on name and code: ``LIKE 'q%'`` needs pattern operator classes.
        Index(
            "ix_crm_accounts_tenant_name", "tenant_id", "name", postgresql_ops={"name": "text_pattern_ops"}
        ),
        Index(
            "ix_crm_accounts_tenant_code", "tenant_id", "code", postgresql_ops={"code": "text_pattern_ops"}
        ),
        _search_index("ix_crm_accounts_search_trgm", ACCOUNT_SEARCH_TEXT),
        # The churn watch list as one index range: accounts whose streak ends at the tenant's
        # latest month, in the list's order read backwards (``revenue/services/churn.py``);
        # partial, so it holds only accounts declining at least ``WATCH_MIN_STREAK`` months.
        Index(
            "ix_crm_accounts_tenant_watch",
            "tenant_id",
            "last_revenue_month",
            "watch_priority",
            "trailing_cents",
            "id",
            postgresql_include=["decline_streak", "trailing_revenue"],
            # Rendered in the DDL as "decline_streak >= 2" (migration 0026), a constant, not a parameter.
            postgresql_where=column("decline_streak") >= WATCH_MIN_STREAK,
        ),
    )

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805
        # The generated columns come back with every INSERT and UPDATE (RETURNING), so an
        # updated account never lazy-loads them later (which async sessions cannot do).
        return {"version_id_col": cls.__table__.c.version, "eager_defaults": True}

    code: Mapped[str] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[AccountKind] = mapped_column(_enum(AccountKind, "crm_account_kind"))
    status: Mapped[AccountStatus] = mapped_column(
        _enum(AccountStatus, "crm_account_status"),
        default=AccountStatus.ACTIVE,
        server_default=AccountStatus.ACTIVE.value,
    )
    org_unit_id: Mapped[uuid.UUID | None]
    owner_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    zone_id: Mapped[uuid.UUID | None]
    industry: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(50))
    email: Mapped[str | None] = mapped_column(String(320))
    address: Mapped[str | None] = mapped_column(String(500))
    notes: Mapped[str | None] = mapped_column(Text)
    #: Kept by the tier computation (recomputed on revenue changes).
    tier: Mapped[Tier | None] = mapped_column(_enum(Tier, "crm_tier"))
    trailing_revenue: Mapped[Decimal] = mapped_column(MONEY, default=Decimal(0), server_default=text("0"))
    #: Kept by the revenue services in the same transaction as every revenue write
    #: (``revenue/services/streaks.py``): the account's last month with revenue and the decline
    #: streak ending there (``rules.account_streak``). Neither depends on the churn threshold.
    last_revenue_month: Mapped[date | None] = mapped_column(Date)
    decline_streak: Mapped[int] = mapped_column(SmallInteger, default=0, server_default=text("0"))
    #: The watch list's sort key, generated by PostgreSQL from ``tier`` and ``trailing_revenue``.
    watch_priority: Mapped[int] = mapped_column(SmallInteger, Computed(WATCH_PRIORITY_SQL, persisted=True))
    trailing_cents: Mapped[int] = mapped_column(BigInteger, Computed(TRAILING_CENTS_SQL, persisted=True))


class Contact(TenantScoped, Timestamped, Versioned, Base):
    """A person at an account."""

    __tablename__ = "crm_contacts"
    __table_args__ = (
        tenant_fk("account_id", "crm_accounts.id", ondelete="CASCADE"),
        Index("ix_crm_contacts_tenant_account", "tenant_id", "account_id", "created_at", "id"),
        Index("ix_crm_contacts_tenant_created", "tenant_id", "created_at", "id"),
        _search_index("ix_crm_contacts_search_trgm", CONTACT_SEARCH_TEXT),
    )

    account_id: Mapped[uuid.UUID]
    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(50))
    email: Mapped[str | None] = mapped_column(String(320))
    is_primary: Mapped[bool] = mapped_column(default=False, server_default=text("false"))
    notes: Mapped[str | None] = mapped_column(Text)


class Activity(TenantScoped, Timestamped, Versioned, Base):
    """A call, visit or note with an account, by its author at a time."""

    __tablename__ = "crm_activities"
    __table_args__ = (
        tenant_fk("account_id", "crm_accounts.id", ondelete="CASCADE"),
        tenant_fk("contact_id", "crm_contacts.id"),
        Index("ix_crm_activities_tenant_account", "tenant_id", "account_id", "occurred_at", "id"),
        Index("ix_crm_activities_tenant_created", "tenant_id", "created_at", "id"),
    )

    account_id: Mapped[uuid.UUID]
    contact_id: Mapped[uuid.UUID | None]
    kind: Mapped[ActivityKind] = mapped_column(_enum(ActivityKind, "crm_activity_kind"))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str | None] = mapped_column(Text)
    occurred_at: Mapped[datetime]
    author_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    #: Who recorded it when not a user (an API key's label).
    author_label: Mapped[str] = mapped_column(String(200))


class PipelineStage(TenantScoped, Timestamped, Versioned, Base):
    """A stage of the tenant's sales pipeline, with the win probability it implies."""

    __tablename__ = "crm_pipeline_stages"
    __table_args__ = (
        UniqueConstraint("tenant_id", "name", name="uq_crm_pipeline_stages_name"),
        CheckConstraint("probability BETWEEN 0 AND 100", name="probability_range"),
        Index("ix_crm_pipeline_stages_tenant_position", "tenant_id", "position", "id"),
    )

    name: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer)
    #: Win probability in percent (0..100).
    probability: Mapped[int] = mapped_column(SmallInteger)
    kind: Mapped[StageKind] = mapped_column(
        _enum(StageKind, "crm_stage_kind"), default=StageKind.OPEN, server_default=StageKind.OPEN.value
    )


class Opportunity(TenantScoped, Timestamped, Versioned, Base):
    """A deal with an account moving through the pipeline."""

    __tablename__ = "crm_opportunities"
    __table_args__ = (
        tenant_fk("account_id", "crm_accounts.id", ondelete="CASCADE"),
        tenant_fk("stage_id", "crm_pipeline_stages.id"),
        CheckConstraint("amount >= 0", name="amount_not_negative"),
        Index("ix_crm_opportunities_tenant_created", "tenant_id", "created_at", "id"),
        Index("ix_crm_opportunities_tenant_stage", "tenant_id", "stage_id", "created_at", "id"),
        Index("ix_crm_opportunities_tenant_account", "tenant_id", "account_id", "created_at", "id"),
        Index("ix_crm_opportunities_tenant_owner", "tenant_id", "owner_user_id", "created_at", "id"),
        Index("ix_crm_opportunities_tenant_expected_close", "tenant_id", "expected_close"),
        _search_index("ix_crm_opportunities_search_trgm", OPPORTUNITY_SEARCH_TEXT),
    )

    account_id: Mapped[uuid.UUID]
    name: Mapped[str] = mapped_column(String(200))
    amount: Mapped[Decimal] = mapped_column(MONEY)
    currency: Mapped[str] = mapped_column(String(3))
    stage_id: Mapped[uuid.UUID]
    owner_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    expected_close: Mapped[date | None] = mapped_column(Date)
    closed_at: Mapped[datetime | None]
    #: Why it was won or lost (required when lost).
    close_reason: Mapped[str | None] = mapped_column(String(500))


class MonthlyRevenue(TenantScoped, Timestamped, Base):
    """An account's revenue for one calendar month (``month`` is the month's first day)."""

    __tablename__ = "crm_monthly_revenue"
    __table_args__ = (
        tenant_fk("account_id", "crm_accounts.id", ondelete="CASCADE"),
        # ``amount`` rides in the key's index so the churn scan is one index-only pass in order.
        UniqueConstraint(
            "tenant_id",
            "account_id",
            "month",
            name="uq_crm_monthly_revenue_account_month",
            postgresql_include=["amount"],
        ),
        CheckConstraint("extract(day from month) = 1", name="first_of_month"),
        Index("ix_crm_monthly_revenue_tenant_month", "tenant_id", "month"),
        # Month slices for the churn scan: one contiguous, index-only range per month.
        Index(
            "ix_crm_monthly_revenue_tenant_month_account",
            "tenant_id",
            "month",
            "account_id",
            postgresql_include=["amount"],
        ),
        Index("ix_crm_monthly_revenue_tenant_created", "tenant_id", "created_at", "id"),
    )

    account_id: Mapped[uuid.UUID]
    month: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(MONEY)


class ChurnRisk(TenantScoped, Timestamped, Base):
    """An account on the churn watch list (客户流失预警): one row per decline streak.

    Rows are replaced set-based on every recompute; ``alerted_at`` remembers that the streak
    starting at ``streak_start`` has been alerted, so an alert goes out once per new streak.
    """

    __tablename__ = "crm_churn_risks"
    __table_args__ = (
        tenant_fk("account_id", "crm_accounts.id", ondelete="CASCADE"),
        UniqueConstraint("tenant_id", "account_id", "streak_start", name="uq_crm_churn_risks_streak"),
        Index("ix_crm_churn_risks_tenant_created", "tenant_id", "created_at", "id"),
    )

    account_id: Mapped[uuid.UUID]
    #: First month of the decline (the month after the peak).
    streak_start: Mapped[date] = mapped_column(Date)
    #: The latest month of the streak (the tenant's latest revenue month while at risk).
    last_month: Mapped[date] = mapped_column(Date)
    months_declining: Mapped[int] = mapped_column(SmallInteger)
    #: Whether the streak still runs in the latest month (false: it ended; kept for history).
    active: Mapped[bool] = mapped_column(default=True, server_default=text("true"))
    revenue_at_stake: Mapped[Decimal] = mapped_column(MONEY)
    alerted_at: Mapped[datetime | None] = mapped_column(default=None)
    detected_at: Mapped[datetime] = mapped_column(default=utcnow, server_default=text("now()"))


# --- service tickets and SLA


class TicketCategory(enum.StrEnum):
    """What a service ticket (工单) is about; complaints (投诉) record a satisfaction score at close."""

    FAULT = "fault"
    ELEVATOR_FAULT = "elevator_fault"
    REPAIR = "repair"
    COMPLAINT = "complaint"
    REQUEST = "request"
    INQUIRY = "inquiry"


class TicketPriority(enum.StrEnum):
    """How urgent a ticket is."""

    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class TicketStatus(enum.StrEnum):
    """Where a ticket stands; SLA clocks pause while it is waiting (for the customer, for parts)."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    WAITING = "waiting"
    RESOLVED = "resolved"
    CLOSED = "closed"


class SlaAnchor(enum.StrEnum):
    """Where a milestone's clock starts: at ticket creation or when the previous milestone was met."""

    CREATED = "created"
    PREVIOUS = "previous"


class TicketEventKind(enum.StrEnum):
    """An entry of a ticket's history (pauses are derived from its status changes)."""

    CREATED = "created"
    STATUS_CHANGED = "status_changed"
    MILESTONE_MET = "milestone_met"
    SLA_BREACHED = "sla_breached"
    CLOSED = "closed"
    #: Assignee changed (``from_value``/``to_value``: the people's names).
    REASSIGNED = "reassigned"
    #: Priority changed (``from_value``/``to_value``: the priorities).
    PRIORITY_CHANGED = "priority_changed"
    #: The priority change re-matched the SLA policy (``from_value``/``to_value``: policy names).
    POLICY_CHANGED = "policy_changed"


class SlaPolicy(TenantScoped, Timestamped, Versioned, Base):
    """An SLA policy: an ordered chain of milestones, matched to tickets by category and priority.

    ``category``/``priority`` left empty match any value; the most specific active policy wins.
    """

    __tablename__ = "crm_sla_policies"
    __table_args__ = (
        UniqueConstraint("tenant_id", "code", name="uq_crm_sla_policies_code"),
        Index("ix_crm_sla_policies_tenant_created", "tenant_id", "created_at", "id"),
    )

    code: Mapped[str] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[TicketCategory | None] = mapped_column(_enum(TicketCategory, "crm_ticket_category"))
    priority: Mapped[TicketPriority | None] = mapped_column(_enum(TicketPriority, "crm_ticket_priority"))
    active: Mapped[bool] = mapped_column(default=True, server_default=text("true"))


class SlaPolicyMilestone(TenantScoped, Timestamped, Base):
    """One milestone of a policy: a target in minutes (or "the same day") from its anchor."""

    __tablename__ = "crm_sla_policy_milestones"
    __table_args__ = (
        tenant_fk("policy_id", "crm_sla_policies.id", ondelete="CASCADE"),
        UniqueConstraint("tenant_id", "policy_id", "key", name="uq_crm_sla_policy_milestones_key"),
        UniqueConstraint("tenant_id", "policy_id", "position", name="uq_crm_sla_policy_milestones_position"),
        CheckConstraint("(target_minutes IS NULL) <> (same_day = false)", name="target_minutes_or_same_day"),
        Index("ix_crm_sla_policy_milestones_tenant_created", "tenant_id", "created_at", "id"),
    )

    policy_id: Mapped[uuid.UUID]
    key: Mapped[str] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(SmallInteger)
    target_minutes: Mapped[int | None] = mapped_column(Integer)
    #: Due at the end of the anchor's calendar day in the tenant's time zone (instead of minutes).
    same_day: Mapped[bool] = mapped_column(default=False, server_default=text("false"))
    anchor: Mapped[SlaAnchor] = mapped_column(_enum(SlaAnchor, "crm_sla_anchor"))
    #: Recording a reason in time counts as meeting the milestone (e.g. "completes or explains").
    reason_allowed: Mapped[bool] = mapped_column(default=False, server_default=text("false"))


class Ticket(TenantScoped, Timestamped, Versioned, Base):
    """A service ticket (工单) of an account, with its SLA milestones copied from the policy."""

    __tablename__ = "crm_tickets"
    __table_args__ = (
        tenant_fk("account_id", "crm_accounts.id"),
        tenant_fk("contact_id", "crm_contacts.id"),
        tenant_fk("zone_id", "crm_zones.id"),
        tenant_fk("policy_id", "crm_sla_policies.id"),
        UniqueConstraint("tenant_id", "number", name="uq_crm_tickets_number"),
        CheckConstraint("satisfaction BETWEEN 1 AND 5", name="satisfaction_range"),
        Index("ix_crm_tickets_tenant_created", "tenant_id", "created_at", "id"),
        Index("ix_crm_tickets_tenant_status", "tenant_id", "status", "created_at", "id"),
        Index("ix_crm_tickets_tenant_account", "tenant_id", "account_id", "created_at", "id"),
        Index("ix_crm_tickets_tenant_assignee", "tenant_id", "assignee_user_id", "created_at", "id"),
        _search_index("ix_crm_tickets_search_trgm", TICKET_SEARCH_TEXT),
    )

    #: Per-tenant sequence number, shown as ``T-000123``.
    number: Mapped[int] = mapped_column(Integer)
    account_id: Mapped[uuid.UUID]
    contact_id: Mapped[uuid.UUID | None]
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    category: Mapped[TicketCategory] = mapped_column(_enum(TicketCategory, "crm_ticket_category"))
    priority: Mapped[TicketPriority] = mapped_column(_enum(TicketPriority, "crm_ticket_priority"))
    status: Mapped[TicketStatus] = mapped_column(
        _enum(TicketStatus, "crm_ticket_status"),
        default=TicketStatus.OPEN,
        server_default=TicketStatus.OPEN.value,
    )
    assignee_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    zone_id: Mapped[uuid.UUID | None]
    policy_id: Mapped[uuid.UUID | None]
    #: Complaints: the customer's satisfaction (1..5) recorded at close.
    satisfaction: Mapped[int | None] = mapped_column(SmallInteger)
    close_note: Mapped[str | None] = mapped_column(Text)
    resolved_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    created_by: Mapped[str] = mapped_column(String(200))


class TicketMilestone(TenantScoped, Timestamped, Base):
    """A ticket's SLA milestone: the policy's target copied at creation, its due time and outcome.

    ``due_at`` is kept current (pauses, anchors, the business calendar) and is empty while the
    clock is paused or not started, and once the ticket is closed; ``alerted_at`` remembers that the breach alert went out (exactly once).
    """

    __tablename__ = "crm_ticket_milestones"
    __table_args__ = (
        tenant_fk("ticket_id", "crm_tickets.id", ondelete="CASCADE"),
        UniqueConstraint("tenant_id", "ticket_id", "key", name="uq_crm_ticket_milestones_key"),
        Index("ix_crm_ticket_milestones_tenant_created", "tenant_id", "created_at", "id"),
        Index("ix_crm_ticket_milestones_tenant_ticket", "tenant_id", "ticket_id", "position"),
        Index(
            "ix_crm_ticket_milestones_open_due",
            "tenant_id",
            "due_at",
            postgresql_where=text("met_at IS NULL AND breached_at IS NULL"),
        ),
    )

    ticket_id: Mapped[uuid.UUID]
    key: Mapped[str] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(SmallInteger)
    target_minutes: Mapped[int | None] = mapped_column(Integer)
    same_day: Mapped[bool] = mapped_column(default=False, server_default=text("false"))
    anchor: Mapped[SlaAnchor] = mapped_column(_enum(SlaAnchor, "crm_sla_anchor"))
    reason_allowed: Mapped[bool] = mapped_column(default=False, server_default=text("false"))
    due_at: Mapped[datetime | None]
    met_at: Mapped[datetime | None]
    breached_at: Mapped[datetime | None]
    reason: Mapped[str | None] = mapped_column(String(500))
    alerted_at: Mapped[datetime | None]


class TicketEvent(TenantScoped, Timestamped, Base):
    """An entry of a ticket's history: creation, status changes (pauses), milestones, close."""

    __tablename__ = "crm_ticket_events"
    __table_args__ = (
        tenant_fk("ticket_id", "crm_tickets.id", ondelete="CASCADE"),
        Index("ix_crm_ticket_events_tenant_ticket", "tenant_id", "ticket_id", "occurred_at", "id"),
        Index("ix_crm_ticket_events_tenant_created", "tenant_id", "created_at", "id"),
    )

    ticket_id: Mapped[uuid.UUID]
    kind: Mapped[TicketEventKind] = mapped_column(_enum(TicketEventKind, "crm_ticket_event_kind"))
    from_status: Mapped[TicketStatus | None] = mapped_column(_enum(TicketStatus, "crm_ticket_status"))
    to_status: Mapped[TicketStatus | None] = mapped_column(_enum(TicketStatus, "crm_ticket_status"))
    milestone_key: Mapped[str | None] = mapped_column(String(50))
    #: A reassignment's, priority change's or policy change's old and new value.
    from_value: Mapped[str | None] = mapped_column(String(200))
    to_value: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    actor_label: Mapped[str] = mapped_column(String(200))
    occurred_at: Mapped[datetime] = mapped_column(default=utcnow, server_default=text("now()"))
