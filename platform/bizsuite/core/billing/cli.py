"""Operator commands: ``bizsuite billing ...`` (plans, plan assignment, reconciliation)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeVar

import click

from bizsuite.settings import Settings

T = TypeVar("T")


def run_as_operator(work: Callable[[Any], Awaitable[T]]) -> T:
    """Run ``work(ctx)`` in one transaction as the application role, acting as the operator."""
    from bizsuite.core.context import Context, Principal, PrincipalKind
    from bizsuite.core.database import make_engine, make_sessionmaker, runtime_url

    settings = Settings.from_env()

    async def main() -> T:
        engine = make_engine(runtime_url(settings), settings, pool_size=1, max_overflow=0)
        try:
            async with make_sessionmaker(engine)() as session, session.begin():
                ctx = Context(session=session, principal=Principal(kind=PrincipalKind.OPERATOR, label="cli"))
                return await work(ctx)
        finally:
            await engine.dispose()

    return asyncio.run(main())


def _money(value: str, name: str) -> Decimal:
    try:
        return Decimal(value)
    except InvalidOperation as exc:
        raise click.BadParameter(f"{value!r} is not an amount", param_hint=name) from exc


@click.group()
def billing() -> None:
    """Plans and subscriptions."""


@billing.command("plans")
def billing_plans() -> None:
    """List the plans' current versions."""
    from bizsuite.core.billing.services.plans import list_plans

    for plan in run_as_operator(list_plans):
        modules = ",".join(plan.modules)
        click.echo(
            f"{plan.code}\tv{plan.version}\t{plan.name}\t{plan.price_month}/{plan.price_year}\t{modules}"
        )


@billing.command("plan-create")
@click.argument("code")
@click.argument("name")
@click.option("--modules", required=True, help="Comma-separated: crm,contracts,...")
@click.option("--price-month", required=True)
@click.option("--price-year", required=True)
@click.option("--trial-days", type=int, default=0)
@click.option("--seats", type=int, default=None, help="Most seats a subscription may buy.")
@click.option("--wholesale-month", default=None, help="What a reseller pays per seat and month.")
def billing_plan_create(
    code: str,
    name: str,
    modules: str,
    price_month: str,
    price_year: str,
    trial_days: int,
    seats: int | None,
    wholesale_month: str | None,
) -> None:
    """Create a plan (version 1)."""
    import msgspec

    from bizsuite.core.billing.schemas import PlanCreate
    from bizsuite.core.billing.services.plans import create_plan
    from bizsuite.core.errors import ProblemError

    try:
        data = msgspec.convert(
            {
                "code": code,
                "name": name,
                "modules": [m.strip() for m in modules.split(",") if m.strip()],
                "price_month": str(_money(price_month, "--price-month")),
                "price_year": str(_money(price_year, "--price-year")),
                "trial_days": trial_days,
                "seats": seats,
                "wholesale_price_month": str(_money(wholesale_month, "--wholesale-month"))
                if wholesale_month
                else None,
            },
            PlanCreate,
            strict=False,
        )
        plan = run_as_operator(lambda ctx: create_plan(ctx, data))
    except (msgspec.ValidationError, ProblemError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"created plan {plan.code} v{plan.version}")


@billing.command("plans-apply")
@click.argument("catalogue", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def billing_plans_apply(catalogue: Path) -> None:
    """Create the plans of a catalogue file (infra/plans.toml) that do not exist yet."""
    import msgspec

    from bizsuite.core.billing.services.plans import apply_catalogue, load_catalogue
    from bizsuite.core.errors import ProblemError

    try:
        plans = load_catalogue(catalogue.read_text(encoding="utf-8"))
        applied = run_as_operator(lambda ctx: apply_catalogue(ctx, plans))
    except (msgspec.ValidationError, ProblemError) as exc:
        raise click.ClickException(f"{catalogue}: {exc}") from exc
    for plan, created in applied:
        click.echo(f"{'created' if created else 'kept'} plan {plan.code} v{plan.version}")


@billing.command("assign")
@click.argument("slug")
@click.argument("plan")
@click.option("--seats", type=int, default=1)
@click.option("--no-trial", is_flag=True, help="Start paid at once, without the plan's trial.")
def billing_assign(slug: str, plan: str, seats: int, no_trial: bool) -> None:
    """Put a tenant on a plan (or move it to another)."""
    from sqlalchemy import select

    from bizsuite.core.billing.schemas import PlanAssignment
    from bizsuite.core.billing.services.subscriptions import assign_plan
    from bizsuite.core.errors import ProblemError
    from bizsuite.core.tenants.models import Tenant

    async def work(ctx: Any) -> str:
        tenant_id = await ctx.session.scalar(select(Tenant.id).where(Tenant.slug == slug))
        if tenant_id is None:
            raise click.ClickException(f"no tenant with slug {slug!r}")
        current = await assign_plan(
            ctx, Settings.from_env(), tenant_id, PlanAssignment(plan=plan, seats=seats, trial=not no_trial)
        )
        sub = current.subscription
        return f"{slug}: {current.plan.code} v{current.plan.version}, {sub.status.value}, {sub.seats} seats"

    try:
        click.echo(run_as_operator(work))
    except ProblemError as exc:
        raise click.ClickException(exc.detail or exc.title) from exc


@billing.command("reconcile")
def billing_reconcile() -> None:
    """Re-read Stripe's state of every subscription and repair drift (the janitor)."""
    from bizsuite.core.billing.services.subscriptions import reconcile

    checked, changed = run_as_operator(lambda ctx: reconcile(ctx, Settings.from_env()))
    click.echo(f"checked {checked}, changed {changed}")
