"""CRM tickets: the blueprint parts (`[crm]` table) and how they are applied.

```toml
[[crm.sla_policies]]
code = "elevator-fault"
name = "电梯故障"
category = "elevator_fault"
milestones = [
  { key = "on_site", name = "30 分钟内到场", target_minutes = 30 },
  { key = "fixed", name = "当天修复", same_day = true },
]
```

Policies are matched by ``code``: applying the same blueprint twice changes nothing, and a
changed policy is replaced (tickets already open keep the milestones they got).
"""

from __future__ import annotations

from typing import Any

import msgspec
from sqlalchemy import select

from bizsuite.core.blueprints import ApplyReport, Blueprint, SectionError
from bizsuite.core.context import Context
from bizsuite.modules.crm.models import SlaPolicy, TicketCategory, TicketPriority
from bizsuite.modules.crm.tickets import rules, services
from bizsuite.modules.crm.tickets.schemas import Code, Milestones, Name, SlaMilestoneIn, SlaPolicyIn


class SlaPolicySpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """An SLA policy: which tickets it matches (empty: any) and its ordered milestones, each with
    ``target_minutes`` or ``same_day = true`` and an ``anchor`` (``created`` or ``previous``)."""

    code: Code
    name: Name
    category: TicketCategory | None = None
    priority: TicketPriority | None = None
    active: bool = True
    milestones: Milestones


def _as_input(spec: SlaPolicySpec) -> SlaPolicyIn:
    return SlaPolicyIn(
        code=spec.code,
        name=spec.name,
        category=spec.category,
        priority=spec.priority,
        active=spec.active,
        milestones=list(spec.milestones),
    )


def check(blueprint: Blueprint, section: Any) -> None:
    """Each policy code once; each milestone a target in minutes or same_day, keys unique."""
    codes: set[str] = set()
    for index, spec in enumerate(section.sla_policies):
        where = f"sla_policies[{index}]"
        if spec.code in codes:
            raise SectionError(f"{where}.code", f"SLA policy {spec.code!r} is listed twice")
        codes.add(spec.code)
        if problem := rules.chain_problem(spec.milestones):
            field, message = problem
            raise SectionError(f"{where}.{field}", message)


def _same(policy: SlaPolicy, milestones: list[Any], spec: SlaPolicySpec) -> bool:
    current = [
        SlaMilestoneIn(
            key=m.key,
            name=m.name,
            target_minutes=m.target_minutes,
            same_day=m.same_day,
            anchor=m.anchor,
            reason_allowed=m.reason_allowed,
        )
        for m in milestones
    ]
    return (policy.name, policy.category, policy.priority, policy.active) == (
        spec.name,
        spec.category,
        spec.priority,
        spec.active,
    ) and current == list(spec.milestones)


async def apply(ctx: Context, section: Any, report: ApplyReport) -> None:
    """Create or update the blueprint's SLA policies, by code."""
    for spec in section.sla_policies:
        policy = await ctx.session.scalar(select(SlaPolicy).where(SlaPolicy.code == spec.code))
        if policy is None:
            await services.create_policy(ctx, _as_input(spec))
            report.created.append(f"crm SLA policy {spec.code}")
            continue
        milestones = (await services.policy_milestones(ctx, [policy.id]))[policy.id]
        if not _same(policy, milestones, spec):
            await services.replace_policy(ctx, policy.id, _as_input(spec), str(policy.version))
            report.updated.append(f"crm SLA policy {spec.code}")
