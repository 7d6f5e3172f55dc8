"""Request and response bodies for pipeline stages, opportunities and the forecast."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from decimal import Decimal
from typing import Annotated

import msgspec

from bizsuite.modules.crm.accounts.schemas import NO_NUL, NOT_BLANK
from bizsuite.modules.crm.models import StageKind

StageName = Annotated[
    str, msgspec.Meta(min_length=1, max_length=100, pattern=NOT_BLANK, examples=["方案报价"])
]
Probability = Annotated[int, msgspec.Meta(ge=0, le=100, description="Win probability in percent.")]
Position = Annotated[int, msgspec.Meta(ge=1, le=1000, description="1-based place in the pipeline.")]
OpportunityName = Annotated[
    str, msgspec.Meta(min_length=1, max_length=200, pattern=NOT_BLANK, examples=["二期扩容"])
]
Amount = Annotated[
    Decimal, msgspec.Meta(description="A decimal string with at most 2 decimals.", examples=["120000.00"])
]
Currency = Annotated[str, msgspec.Meta(pattern=r"^[A-Z]{3}$", description="ISO 4217 code, e.g. `CNY`.")]
Reason = Annotated[str, msgspec.Meta(max_length=500, pattern=NO_NUL)]


class OpportunityStatus(enum.StrEnum):
    """Where an opportunity stands, from its stage's kind."""

    OPEN = "open"
    WON = "won"
    LOST = "lost"


# --- stages -----------------------------------------------------------------------------------


class PipelineStageCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A new stage; without ``position`` it goes last."""

    name: StageName
    probability: Probability
    kind: StageKind = StageKind.OPEN
    position: Position | None = None


class PipelineStageUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Fields to change; omitted fields keep their value. Send ``If-Match: <version>``."""

    name: StageName | msgspec.UnsetType = msgspec.UNSET
    probability: Probability | msgspec.UnsetType = msgspec.UNSET
    kind: StageKind | msgspec.UnsetType = msgspec.UNSET
    position: Position | msgspec.UnsetType = msgspec.UNSET


class PipelineStageOrder(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Every stage id of the pipeline, in the wanted order."""

    stage_ids: Annotated[list[uuid.UUID], msgspec.Meta(min_length=1, max_length=1000)]


class PipelineStageOut(msgspec.Struct, kw_only=True):
    """A pipeline stage."""

    id: uuid.UUID
    name: str
    position: int
    probability: int
    kind: StageKind
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int


class PipelineStageList(msgspec.Struct, kw_only=True):
    """The whole pipeline, in order (a pipeline is short: no pagination)."""

    items: list[PipelineStageOut]


# --- opportunities ----------------------------------------------------------------------------


class OpportunityCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A new opportunity. Without ``stage_id`` it starts in the first open stage; without
    ``currency`` it is in the tenant's currency; without ``owner_user_id`` it is the caller's."""

    account_id: uuid.UUID
    name: OpportunityName
    amount: Amount
    currency: Currency | None = None
    stage_id: uuid.UUID | None = None
    owner_user_id: uuid.UUID | None = None
    expected_close: dt.date | None = None
    #: Required when ``stage_id`` is a lost stage.
    reason: Reason | None = None


class OpportunityUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Fields to change (the stage changes through ``move_crm_opportunity_stage``). Send ``If-Match``.

    ``null`` clears the owner or the expected close date; an omitted field keeps its value.
    """

    account_id: uuid.UUID | msgspec.UnsetType = msgspec.UNSET
    name: OpportunityName | msgspec.UnsetType = msgspec.UNSET
    amount: Amount | msgspec.UnsetType = msgspec.UNSET
    currency: Currency | msgspec.UnsetType = msgspec.UNSET
    owner_user_id: uuid.UUID | msgspec.UnsetType | None = msgspec.UNSET
    expected_close: dt.date | msgspec.UnsetType | None = msgspec.UNSET


class OpportunityFilters(msgspec.Struct, frozen=True, kw_only=True):
    """Filters of the opportunity list and the board (each on an indexed column, or the stage kind)."""

    stage_id: uuid.UUID | None = None
    account_id: uuid.UUID | None = None
    owner_user_id: uuid.UUID | None = None
    status: OpportunityStatus | None = None
    #: Text anywhere in the opportunity's or its account's name, any case (the list only).
    q: str | None = None


class OpportunityStageMove(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Move an opportunity to another stage; a lost stage needs a ``reason``. Send ``If-Match``."""

    stage_id: uuid.UUID
    reason: Reason | None = None


class OpportunityOut(msgspec.Struct, kw_only=True):
    """An opportunity with its stage, account and owner names and its expected value."""

    id: uuid.UUID
    account_id: uuid.UUID
    account_name: str
    name: str
    amount: Decimal
    currency: str
    stage_id: uuid.UUID
    stage_name: str
    stage_kind: StageKind
    probability: int
    #: ``amount × probability``, rounded to cents.
    expected_value: Decimal
    status: OpportunityStatus
    owner_user_id: uuid.UUID | None
    owner_name: str | None
    expected_close: dt.date | None
    closed_at: dt.datetime | None
    close_reason: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int


class OpportunityPage(msgspec.Struct, kw_only=True):
    """A page of opportunities in the asked order (newest first by default)."""

    items: list[OpportunityOut]
    next_cursor: str | None
    #: Pass as ``before`` for the page before this one (``null`` on the first page).
    previous_cursor: str | None = None
    #: How many opportunities the filters leave, when asked for with ``count=true``.
    total: int | None = None


class OpportunityBulk(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Hand several opportunities to one owner, all or nothing: each must be one the caller may
    change (its owner, a manager or an admin), or the whole change is refused (403)."""

    ids: Annotated[list[uuid.UUID], msgspec.Meta(min_length=1, max_length=500)]
    owner_user_id: uuid.UUID


class OpportunityBulkResult(msgspec.Struct, kw_only=True):
    """What a bulk change did: opportunities changed, and those already as asked (left alone)."""

    changed: int
    unchanged: int


# --- forecast ---------------------------------------------------------------------------------


class PipelineForecastMonth(msgspec.Struct, kw_only=True):
    """One month of expected close (the first day of the month, tenant time zone)."""

    month: dt.date
    open_amount: Decimal
    weighted_amount: Decimal
    won_amount: Decimal


class PipelineStageSummary(msgspec.Struct, kw_only=True):
    """Opportunities currently in one stage."""

    stage_id: uuid.UUID
    name: str
    kind: StageKind
    probability: int
    count: int
    amount: Decimal
    weighted_amount: Decimal


class PipelineOwnerSummary(msgspec.Struct, kw_only=True):
    """One owner's open pipeline: ``weighted_amount`` = Σ ``amount × stage probability``."""

    owner_user_id: uuid.UUID | None
    owner_name: str | None
    count: int
    amount: Decimal
    weighted_amount: Decimal


class PipelineForecast(msgspec.Struct, kw_only=True):
    """The pipeline forecast by month, the pipeline summary by stage and the open pipeline by
    owner (tenant currency). Every weighted amount is the sum over its opportunities of
    ``amount × stage probability ÷ 100``, each rounded to the cent."""

    currency: str
    months: list[PipelineForecastMonth]
    stages: list[PipelineStageSummary]
    owners: list[PipelineOwnerSummary] = msgspec.field(default_factory=list)
