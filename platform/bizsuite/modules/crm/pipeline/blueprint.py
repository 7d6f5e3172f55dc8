"""CRM pipeline: the blueprint parts (`[crm]` table) and how they are applied.

``[[crm.pipeline_stages]]`` lists the stages in order (applied by name: existing stages are
updated, new ones added, unlisted ones keep their place after the listed ones);
``[[crm.opportunities]]`` lists deals on the blueprint's accounts (by account code and name).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Annotated, Any

import msgspec
from sqlalchemy import select

from bizsuite.core import clock
from bizsuite.core.blueprints import ApplyReport, Blueprint, BlueprintError, SectionError
from bizsuite.core.context import Context, snapshot
from bizsuite.core.identity.blueprint import emails_in
from bizsuite.core.identity.services import find_user_by_email
from bizsuite.modules.crm.models import Account, Opportunity, PipelineStage, StageKind
from bizsuite.modules.crm.pipeline import rules, services
from bizsuite.modules.crm.pipeline.schemas import (
    Amount,
    Currency,
    OpportunityCreate,
    OpportunityName,
    Probability,
    Reason,
    StageName,
)


class StageSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A pipeline stage; the list's order is the pipeline's order."""

    name: StageName
    probability: Probability
    kind: StageKind = StageKind.OPEN


class OpportunitySpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """An opportunity on an account (``account`` is an account code, ``stage`` a stage name,
    ``owner`` a user's email). ``close_in_months`` sets the expected close to the 15th of a month
    counted from the month the blueprint is applied (0: this month), so demo data stays current."""

    account: str
    name: OpportunityName
    amount: Amount
    stage: StageName
    currency: Currency | None = None
    owner: str | None = None
    expected_close: dt.date | None = None
    close_in_months: Annotated[int, msgspec.Meta(ge=-24, le=36)] | None = None
    reason: Reason | None = None


def _stage_names(blueprint: Blueprint, section: Any) -> set[str]:
    if section.pipeline_stages:
        return {stage.name for stage in section.pipeline_stages}
    return {default.name(blueprint.tenant.locale.value) for default in rules.DEFAULT_STAGES}


def check(blueprint: Blueprint, section: Any) -> None:
    """Stages are unique with one won and a lost stage; opportunities name known things."""
    stages: list[StageSpec] = section.pipeline_stages
    seen: set[str] = set()
    for i, stage in enumerate(stages):
        if stage.name in seen:
            raise SectionError(f"pipeline_stages[{i}].name", f"duplicate stage {stage.name!r}")
        seen.add(stage.name)
    if stages and (problem := rules.stage_set_problem(s.kind for s in stages)):
        raise SectionError("pipeline_stages", problem)
    accounts = {account.code for account in section.accounts}
    emails = emails_in(blueprint)
    names = _stage_names(blueprint, section)
    kinds = {s.name: s.kind for s in stages} or {
        d.name(blueprint.tenant.locale.value): d.kind for d in rules.DEFAULT_STAGES
    }
    for i, opportunity in enumerate(getattr(section, "opportunities", [])):
        at = f"opportunities[{i}]"
        if opportunity.account not in accounts:
            raise SectionError(f"{at}.account", f"no account with code {opportunity.account!r}")
        if opportunity.stage not in names:
            raise SectionError(f"{at}.stage", f"no pipeline stage named {opportunity.stage!r}")
        if opportunity.owner is not None and opportunity.owner.lower() not in emails:
            raise SectionError(f"{at}.owner", f"no user with email {opportunity.owner!r}")
        if kinds.get(opportunity.stage) is StageKind.LOST and not (opportunity.reason or "").strip():
            raise SectionError(f"{at}.reason", "required for an opportunity in a lost stage")
        if opportunity.expected_close is not None and opportunity.close_in_months is not None:
            raise SectionError(f"{at}.close_in_months", "give expected_close or close_in_months, not both")


def _tenant_context(ctx: Context, report: ApplyReport) -> Context:
    # The blueprint runs as the operator; the pipeline services need the tenant (locale, currency).
    principal = dataclasses.replace(ctx.principal, tenant=report.tenant)
    return dataclasses.replace(ctx, principal=principal)


async def _apply_stages(ctx: Context, specs: list[StageSpec], report: ApplyReport) -> None:
    if not specs:
        return
    existing = {s.name: s for s in await ctx.session.scalars(select(PipelineStage))}
    for spec in specs:
        stage = existing.get(spec.name)
        if stage is None:
            stage = PipelineStage(name=spec.name, probability=spec.probability, kind=spec.kind, position=0)
            ctx.session.add(stage)
            await ctx.session.flush()
            ctx.audit("crm.pipeline_stage.created", stage, after=snapshot(stage))
            report.created.append(f"pipeline stage {spec.name}")
            existing[spec.name] = stage
        elif stage.probability != spec.probability or stage.kind is not spec.kind:
            before = snapshot(stage)
            stage.probability, stage.kind = spec.probability, spec.kind
            await ctx.session.flush()
            ctx.audit("crm.pipeline_stage.updated", stage, before=before, after=snapshot(stage))
            report.updated.append(f"pipeline stage {spec.name}")
    listed = [existing[spec.name] for spec in specs]
    others = sorted(
        (s for s in existing.values() if s.name not in {x.name for x in specs}), key=lambda s: s.position
    )
    if problem := rules.stage_set_problem(s.kind for s in [*listed, *others]):
        raise BlueprintError(
            "<blueprint>", f"{problem} (with the tenant's other stages)", field="crm.pipeline_stages"
        )
    for position, stage in enumerate([*listed, *others], start=1):
        if stage.position != position:
            stage.position = position
    await ctx.session.flush()


def _expected_close(spec: OpportunitySpec, today: dt.date) -> dt.date | None:
    if spec.close_in_months is not None:
        return rules.add_months(rules.month_start(today), spec.close_in_months).replace(day=15)
    return spec.expected_close


async def _apply_opportunities(ctx: Context, specs: list[OpportunitySpec], report: ApplyReport) -> None:
    if not specs:
        return
    stages = {s.name: s for s in await services.list_stages(ctx)}
    accounts = {a.code: a for a in await ctx.session.scalars(select(Account))}
    existing = {(o.account_id, o.name): o for o in await ctx.session.scalars(select(Opportunity))}
    today = rules.local_today(clock.now(ctx), ctx.tenant.time_zone)
    for spec in specs:
        account, stage = accounts[spec.account], stages[spec.stage]
        owner = await find_user_by_email(ctx.session, spec.owner) if spec.owner else None
        expected_close = _expected_close(spec, today)
        opportunity = existing.get((account.id, spec.name))
        if opportunity is None:
            await services.create_opportunity(
                ctx,
                OpportunityCreate(
                    account_id=account.id,
                    name=spec.name,
                    amount=spec.amount,
                    currency=spec.currency,
                    stage_id=stage.id,
                    owner_user_id=owner.id if owner else None,
                    expected_close=expected_close,
                    reason=spec.reason,
                ),
            )
            report.created.append(f"opportunity {spec.account}/{spec.name}")
            continue
        values: dict[str, Any] = {
            "amount": Decimal(spec.amount).quantize(rules.CENT),
            "currency": spec.currency or ctx.tenant.currency,
            "owner_user_id": owner.id if owner else None,
            "expected_close": expected_close,
        }
        if opportunity.stage_id != stage.id:
            closing = rules.closing(stage.kind, spec.reason, clock.now(ctx))
            values.update(stage_id=stage.id, closed_at=closing.closed_at, close_reason=closing.close_reason)
        if any(getattr(opportunity, name) != value for name, value in values.items()):
            before = snapshot(opportunity)
            for name, value in values.items():
                setattr(opportunity, name, value)
            await ctx.session.flush()
            ctx.audit("crm.opportunity.updated", opportunity, before=before, after=snapshot(opportunity))
            report.updated.append(f"opportunity {spec.account}/{spec.name}")


async def apply(ctx: Context, section: Any, report: ApplyReport) -> None:
    """Create or update the pipeline stages, then the opportunities (after the accounts)."""
    tenant_ctx = _tenant_context(ctx, report)
    await _apply_stages(tenant_ctx, section.pipeline_stages, report)
    await _apply_opportunities(tenant_ctx, getattr(section, "opportunities", []), report)
