"""SLA policies: chains of milestones matched to new tickets by category and priority."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import exists, select

from bizsuite.core.context import Context, snapshot
from bizsuite.core.db import utcnow
from bizsuite.core.errors import ConflictProblem, ValidationProblem
from bizsuite.core.repository import check_version, fetch, list_page
from bizsuite.modules.crm.models import (
    SlaPolicy,
    SlaPolicyMilestone,
    Ticket,
    TicketCategory,
    TicketPriority,
)
from bizsuite.modules.crm.tickets import rules
from bizsuite.modules.crm.tickets.schemas import SlaMilestoneOut, SlaPolicyIn, SlaPolicyOut


def policy_view(policy: SlaPolicy, milestones: Sequence[SlaPolicyMilestone]) -> SlaPolicyOut:
    """A policy with its milestones in chain order (what the API sends and the pages show)."""
    return SlaPolicyOut(
        id=policy.id,
        code=policy.code,
        name=policy.name,
        category=policy.category,
        priority=policy.priority,
        active=policy.active,
        milestones=[
            SlaMilestoneOut(
                key=m.key,
                name=m.name,
                position=m.position,
                target_minutes=m.target_minutes,
                same_day=m.same_day,
                anchor=m.anchor,
                reason_allowed=m.reason_allowed,
            )
            for m in milestones
        ],
        created_at=policy.created_at,
        updated_at=policy.updated_at,
        version=policy.version,
    )


def _check_milestones(data: SlaPolicyIn) -> None:
    if problem := rules.chain_problem(data.milestones):
        raise ValidationProblem.for_field(*problem)


async def policy_milestones(
    ctx: Context, policy_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[SlaPolicyMilestone]]:
    """The milestones of these policies, in chain order."""
    found: dict[uuid.UUID, list[SlaPolicyMilestone]] = {pid: [] for pid in policy_ids}
    if not policy_ids:
        return found
    rows = await ctx.session.scalars(
        select(SlaPolicyMilestone)
        .where(SlaPolicyMilestone.policy_id.in_(policy_ids))
        .order_by(SlaPolicyMilestone.policy_id, SlaPolicyMilestone.position)
    )
    for row in rows:
        found[row.policy_id].append(row)
    return found


async def _views(ctx: Context, policies: Sequence[SlaPolicy]) -> list[SlaPolicyOut]:
    milestones = await policy_milestones(ctx, [p.id for p in policies])
    return [policy_view(p, milestones[p.id]) for p in policies]


async def list_policies(
    ctx: Context, *, limit: int, cursor: str | None, active: bool | None = None
) -> tuple[list[SlaPolicyOut], str | None]:
    """A page of the tenant's SLA policies with their milestones, oldest first."""
    statement = select(SlaPolicy)
    if active is not None:
        statement = statement.where(SlaPolicy.active.is_(active))
    rows, next_cursor = await list_page(ctx.session, statement, SlaPolicy, limit=limit, cursor=cursor)
    return await _views(ctx, rows), next_cursor


async def _policy(ctx: Context, policy_id: uuid.UUID) -> SlaPolicy:
    return await fetch(ctx.session, SlaPolicy, policy_id, what="SLA policy")


async def get_policy(ctx: Context, policy_id: uuid.UUID) -> SlaPolicyOut:
    """One policy with its milestones (404 for another tenant's)."""
    return (await _views(ctx, [await _policy(ctx, policy_id)]))[0]


async def _replace_milestones(ctx: Context, policy: SlaPolicy, data: SlaPolicyIn) -> None:
    existing = (
        await ctx.session.scalars(select(SlaPolicyMilestone).where(SlaPolicyMilestone.policy_id == policy.id))
    ).all()
    for row in existing:
        await ctx.session.delete(row)
    await ctx.session.flush()
    for position, milestone in enumerate(data.milestones, start=1):
        ctx.session.add(
            SlaPolicyMilestone(
                policy_id=policy.id,
                key=milestone.key,
                name=milestone.name,
                position=position,
                target_minutes=milestone.target_minutes,
                same_day=milestone.same_day,
                anchor=milestone.anchor,
                reason_allowed=milestone.reason_allowed,
            )
        )
    await ctx.session.flush()


async def _check_code_free(ctx: Context, code: str, exclude: uuid.UUID | None = None) -> None:
    """409 naming ``code`` when another policy of the tenant has it."""
    statement = select(SlaPolicy.id).where(SlaPolicy.code == code)
    if exclude is not None:
        statement = statement.where(SlaPolicy.id != exclude)
    if (await ctx.session.scalar(statement)) is not None:
        raise ConflictProblem.for_field("code", "another SLA policy has this code")


async def create_policy(ctx: Context, data: SlaPolicyIn) -> SlaPolicyOut:
    """Create a policy with its milestone chain (409 naming ``code`` when the code is taken)."""
    _check_milestones(data)
    await _check_code_free(ctx, data.code)
    policy = SlaPolicy(
        code=data.code, name=data.name, category=data.category, priority=data.priority, active=data.active
    )
    ctx.session.add(policy)
    await ctx.session.flush()
    await _replace_milestones(ctx, policy, data)
    ctx.audit("crm.sla_policy.created", policy, after=snapshot(policy))
    return (await _views(ctx, [policy]))[0]


async def replace_policy(
    ctx: Context, policy_id: uuid.UUID, data: SlaPolicyIn, if_match: str | None
) -> SlaPolicyOut:
    """Replace a policy's matching rule and milestones (open tickets keep the chain they got)."""
    policy = await _policy(ctx, policy_id)
    check_version(policy, if_match)
    _check_milestones(data)
    await _check_code_free(ctx, data.code, exclude=policy.id)
    before = snapshot(policy)
    policy.code, policy.name = data.code, data.name
    policy.category, policy.priority, policy.active = data.category, data.priority, data.active
    policy.updated_at = utcnow()  # a new version even when only the milestones change
    await _replace_milestones(ctx, policy, data)
    await ctx.session.flush()
    ctx.audit("crm.sla_policy.updated", policy, before=before, after=snapshot(policy))
    return (await _views(ctx, [policy]))[0]


async def delete_policy(ctx: Context, policy_id: uuid.UUID, if_match: str | None) -> None:
    """Delete a policy no ticket uses (deactivate it otherwise)."""
    policy = await _policy(ctx, policy_id)
    check_version(policy, if_match)
    used = await ctx.session.scalar(select(exists().where(Ticket.policy_id == policy.id)))
    if used:
        raise ConflictProblem("Tickets use this policy: deactivate it instead.")
    ctx.audit("crm.sla_policy.deleted", policy, before=snapshot(policy))
    await ctx.session.delete(policy)
    await ctx.session.flush()


async def matching_policy(
    ctx: Context, category: TicketCategory, priority: TicketPriority
) -> SlaPolicy | None:
    """The active policy a ticket of this category and priority gets (most specific wins)."""
    policies = (await ctx.session.scalars(select(SlaPolicy).where(SlaPolicy.active.is_(True)))).all()
    return rules.match_policy(policies, category, priority)
