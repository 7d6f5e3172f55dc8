"""Plans: operator data, versioned (a new version never changes what tenants on the old one have)."""

from __future__ import annotations

import msgspec
from sqlalchemy import select

from bizsuite.core.billing.models import Addon, AddonKind, Plan
from bizsuite.core.billing.rules import money
from bizsuite.core.billing.schemas import AddonCreate, PlanCreate, PlanVersionCreate
from bizsuite.core.context import Context
from bizsuite.core.db import utcnow
from bizsuite.core.errors import ConflictProblem, NotFoundProblem, ValidationProblem
from bizsuite.settings import REPO_ROOT

_COPIED = (
    "name",
    "modules",
    "price_month",
    "price_year",
    "trial_days",
    "seats",
    "max_accounts",
    "max_storage_mb",
    "max_api_calls_month",
    "max_venues",
    "wholesale_price_month",
)


def _check_prices(plan: Plan) -> None:
    for field in ("price_month", "price_year", "wholesale_price_month"):
        value = getattr(plan, field)
        if value is None:
            continue
        if value < 0:
            raise ValidationProblem.for_field(field, "must not be negative")
        if money(value) != value:
            raise ValidationProblem.for_field(field, "at most 2 decimals")


async def list_plans(ctx: Context, *, all_versions: bool = False) -> list[Plan]:
    """The plans' current versions (or every version), by code and version."""
    statement = select(Plan).order_by(Plan.code, Plan.version)
    if not all_versions:
        statement = statement.where(Plan.superseded_at.is_(None))
    return list((await ctx.session.scalars(statement)).all())


async def current_plan(ctx: Context, code: str, *, field: str = "plan") -> Plan:
    """The current version of a plan, or a 422 naming ``field``."""
    plan = await ctx.session.scalar(select(Plan).where(Plan.code == code, Plan.superseded_at.is_(None)))
    if plan is None:
        raise ValidationProblem.for_field(field, f"no plan {code!r}")
    return plan


async def get_plan(ctx: Context, code: str) -> Plan:
    """The current version of a plan, or 404."""
    plan = await ctx.session.scalar(select(Plan).where(Plan.code == code, Plan.superseded_at.is_(None)))
    if plan is None:
        raise NotFoundProblem(f"No plan {code!r}.")
    return plan


async def create_plan(ctx: Context, data: PlanCreate) -> Plan:
    """Create a plan's version 1."""
    if await ctx.session.scalar(select(Plan.id).where(Plan.code == data.code).limit(1)):
        raise ConflictProblem.for_field("code", "this plan exists; add a version instead")
    plan = Plan(
        code=data.code,
        version=1,
        name=data.name,
        modules=sorted({m.value for m in data.modules}),
        price_month=data.price_month,
        price_year=data.price_year,
        currency=data.currency,
        trial_days=data.trial_days,
        seats=data.seats,
        max_accounts=data.max_accounts,
        max_storage_mb=data.max_storage_mb,
        max_api_calls_month=data.max_api_calls_month,
        max_venues=data.max_venues,
        wholesale_price_month=data.wholesale_price_month,
    )
    _check_prices(plan)
    ctx.session.add(plan)
    await ctx.session.flush()
    return plan


async def add_version(ctx: Context, code: str, data: PlanVersionCreate) -> Plan:
    """A new version of a plan, copying the latest and applying the changes; the latest is superseded."""
    latest = await get_plan(ctx, code)
    plan = Plan(code=code, version=latest.version + 1, currency=latest.currency)
    for name in _COPIED:
        value = getattr(data, name)
        if value is msgspec.UNSET:
            value = getattr(latest, name)
        elif name == "modules":
            value = sorted({m.value for m in value})
        setattr(plan, name, value)
    _check_prices(plan)
    latest.superseded_at = utcnow()
    await ctx.session.flush()
    ctx.session.add(plan)
    await ctx.session.flush()
    return plan


async def list_addons(ctx: Context) -> list[Addon]:
    """The add-on catalogue, by code."""
    return list((await ctx.session.scalars(select(Addon).order_by(Addon.code))).all())


async def get_addon(ctx: Context, code: str, *, field: str | None = None) -> Addon:
    """An add-on by code: 404, or a 422 naming ``field`` when the code came in a body."""
    addon = await ctx.session.scalar(select(Addon).where(Addon.code == code))
    if addon is None:
        if field is not None:
            raise ValidationProblem.for_field(field, f"no add-on {code!r}")
        raise NotFoundProblem(f"No add-on {code!r}.")
    return addon


async def create_addon(ctx: Context, data: AddonCreate) -> Addon:
    """Add an add-on to the catalogue (operator)."""
    if await ctx.session.scalar(select(Addon.id).where(Addon.code == data.code)):
        raise ConflictProblem.for_field("code", "this add-on exists")
    if (data.kind is AddonKind.MODULE) != (data.module is not None):
        raise ValidationProblem.for_field("module", "a module add-on names its module; other kinds name none")
    if data.kind is AddonKind.MODULE and data.amount != 1:
        raise ValidationProblem.for_field("amount", "a module add-on opens one module (amount 1)")
    addon = Addon(
        code=data.code,
        name=data.name,
        kind=data.kind,
        amount=data.amount,
        module=data.module.value if data.module is not None else None,
        price_month=data.price_month,
        price_year=data.price_year,
        currency=data.currency,
    )
    for name in ("price_month", "price_year"):
        value = getattr(addon, name)
        if value < 0:
            raise ValidationProblem.for_field(name, "must not be negative")
        if money(value) != value:
            raise ValidationProblem.for_field(name, "at most 2 decimals")
    ctx.session.add(addon)
    await ctx.session.flush()
    return addon


#: The plan catalogue shipped with the product (``make demo`` applies it).
CATALOGUE = REPO_ROOT / "infra" / "plans.toml"


class Catalogue(msgspec.Struct, forbid_unknown_fields=True):
    """A plan catalogue file (``infra/plans.toml``): ``[[plans]]`` tables, each a ``PlanCreate``."""

    plans: list[PlanCreate] = msgspec.field(default_factory=list)


def load_catalogue(text: str) -> list[PlanCreate]:
    """The plans of a catalogue file's text (msgspec.ValidationError naming the bad field)."""
    return msgspec.toml.decode(text, type=Catalogue).plans


async def apply_catalogue(ctx: Context, plans: list[PlanCreate]) -> list[tuple[Plan, bool]]:
    """Create the catalogue's plans that do not exist yet; an existing plan is kept as it is (a
    price change is a new version, made on purpose with ``add_version``). Each plan with whether
    it was created now."""
    applied: list[tuple[Plan, bool]] = []
    for data in plans:
        existing = await ctx.session.scalar(
            select(Plan).where(Plan.code == data.code, Plan.superseded_at.is_(None))
        )
        applied.append((existing, False) if existing is not None else (await create_plan(ctx, data), True))
    return applied
