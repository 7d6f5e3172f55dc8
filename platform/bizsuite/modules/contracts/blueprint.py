"""The ``[contracts]`` table of a blueprint: settings, counterparties, projects and contracts
(with their milestones, receipts and payments), created when missing (applying twice writes
nothing the second time). Contracts are numbered from the tenant's pattern as they are created."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from typing import Any

import msgspec
from sqlalchemy import select

from bizsuite.core.blueprints import ApplyReport, Blueprint, BlueprintSection, SectionError, assign
from bizsuite.core.context import Context, snapshot
from bizsuite.core.org_units.blueprint import org_units_in
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.modules.contracts import rules
from bizsuite.modules.contracts.models import (
    Clause,
    Contract,
    ContractStatus,
    ContractTemplate,
    Counterparty,
    CounterpartyKind,
    Direction,
    Milestone,
    Project,
    Qualification,
    Settlement,
    SettlementKind,
    SettlementStatus,
    SpendRule,
)
from bizsuite.modules.contracts.schemas import (
    ClauseCreate,
    Code,
    Name,
    PlaceholderDefinition,
    Rating,
    TemplateClauseRef,
    TemplateCreate,
)
from bizsuite.modules.contracts.services import templates
from bizsuite.modules.contracts.services.settings import CONTRACTS_SETTINGS, next_number, today
from bizsuite.modules.crm.models import Account


class SettingsSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """``[contracts.settings]``: the number pattern and the 以收定支 rule."""

    number_pattern: str = "HT-{year}-{seq:04d}"
    spend_rule: SpendRule = SpendRule.HARD


class QualificationSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A qualification document of a counterparty."""

    kind: str
    number: str
    expires_on: date | None = None


class CounterpartySpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A supplier or subcontractor (by code)."""

    code: Code
    name: Name
    kind: CounterpartyKind = CounterpartyKind.SUPPLIER
    rating: Rating | None = None
    contact: str | None = None
    blacklist_reason: str | None = None
    qualifications: list[QualificationSpec] = msgspec.field(default_factory=list)


class ProjectSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A project (by code) under an org unit code."""

    code: Code
    name: Name
    org_unit: str


class MilestoneSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A milestone: an amount or a percentage of the contract."""

    title: str
    due_on: date
    amount: Decimal | None = None
    percentage: Decimal | None = None
    condition: str | None = None


class SettlementSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A receipt or payment (by reference), optionally against a milestone title."""

    reference: str
    amount: Decimal
    settled_on: date
    milestone: str | None = None


class ContractSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A contract (by title): income with a CRM ``account`` code, expenditure with a ``counterparty`` code."""

    title: Name
    direction: Direction
    amount: Decimal
    account: str | None = None
    counterparty: str | None = None
    project: str | None = None
    status: ContractStatus = ContractStatus.DRAFT
    currency: str = "CNY"
    exchange_rate: Decimal = Decimal(1)
    signed_on: date | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    our_signatory: str | None = None
    their_signatory: str | None = None
    milestones: list[MilestoneSpec] = msgspec.field(default_factory=list)
    settlements: list[SettlementSpec] = msgspec.field(default_factory=list)


class ClauseSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A clause of the library (by code)."""

    code: Code
    title: Name
    body: str


class TemplateClauseSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A clause of a template by its code; ``required``: it may not be left out."""

    code: Code
    required: bool = False


class TemplateSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A contract template (by code) with placeholders, clauses and control indicators."""

    code: Code
    name: Name
    body: str
    direction: Direction | None = None
    placeholders: list[PlaceholderDefinition] = msgspec.field(default_factory=list)
    clauses: list[TemplateClauseSpec] = msgspec.field(default_factory=list)
    max_amount: Decimal | None = None
    allowed_currencies: list[str] = msgspec.field(default_factory=list)
    required_attachments: list[str] = msgspec.field(default_factory=list)


class ContractsSection(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """``[contracts]``."""

    settings: SettingsSpec | None = None
    clauses: list[ClauseSpec] = msgspec.field(default_factory=list)
    templates: list[TemplateSpec] = msgspec.field(default_factory=list)
    counterparties: list[CounterpartySpec] = msgspec.field(default_factory=list)
    projects: list[ProjectSpec] = msgspec.field(default_factory=list)
    contracts: list[ContractSpec] = msgspec.field(default_factory=list)


def check(blueprint: Blueprint, section: ContractsSection) -> None:
    """References inside ``[contracts]`` and to the blueprint's org units and CRM accounts."""
    units = {unit.code for unit in org_units_in(blueprint)}
    crm = blueprint.sections.get("crm")
    accounts = {a.code for a in getattr(crm, "accounts", [])}
    parties = {p.code for p in section.counterparties}
    projects = {p.code for p in section.projects}
    if section.settings is not None and (error := rules.pattern_error(section.settings.number_pattern)):
        raise SectionError("settings.number_pattern", error)
    clause_bodies = {c.code: c.body for c in section.clauses}
    for i, template in enumerate(section.templates):
        for j, ref in enumerate(template.clauses):
            if ref.code not in clause_bodies:
                raise SectionError(f"templates[{i}].clauses[{j}].code", "no clause with that code")
        errors = rules.template_definition_errors(
            template.body,
            [rules.PlaceholderSpec(p.name, p.label, p.required) for p in template.placeholders],
            [clause_bodies[ref.code] for ref in template.clauses],
        )
        if errors:
            field_name, message = next(iter(errors.items()))
            raise SectionError(f"templates[{i}].{field_name}", message)
    for i, project in enumerate(section.projects):
        if project.org_unit not in units:
            raise SectionError(f"projects[{i}].org_unit", f"no org unit with code {project.org_unit!r}")
    titles: set[str] = set()
    for i, contract in enumerate(section.contracts):
        if contract.title in titles:
            raise SectionError(f"contracts[{i}].title", f"duplicate title {contract.title!r}")
        titles.add(contract.title)
        if contract.direction is Direction.INCOME and contract.account not in accounts:
            raise SectionError(f"contracts[{i}].account", f"no CRM account with code {contract.account!r}")
        if contract.direction is Direction.EXPENDITURE and contract.counterparty not in parties:
            raise SectionError(
                f"contracts[{i}].counterparty", f"no counterparty with code {contract.counterparty!r}"
            )
        if contract.project is not None and contract.project not in projects:
            raise SectionError(f"contracts[{i}].project", f"no project with code {contract.project!r}")
        milestones = {m.title for m in contract.milestones}
        for j, settlement in enumerate(contract.settlements):
            if settlement.milestone is not None and settlement.milestone not in milestones:
                raise SectionError(
                    f"contracts[{i}].settlements[{j}].milestone", "no milestone with that title"
                )


async def apply(outer: Context, section: ContractsSection, report: ApplyReport) -> None:
    """Create what is missing; settings are kept in line with the blueprint."""
    ctx = dataclasses.replace(outer, principal=dataclasses.replace(outer.principal, tenant=report.tenant))
    session = ctx.session
    if section.settings is not None:
        row = await ctx.settings(CONTRACTS_SETTINGS)
        before = snapshot(row)
        if assign(
            row,
            {"number_pattern": section.settings.number_pattern, "spend_rule": section.settings.spend_rule},
        ):
            await session.flush()
            ctx.audit("contracts.settings.updated", row, before=before, after=snapshot(row))
            report.updated.append("contracts settings")
    units = dict((await session.execute(select(OrgUnit.code, OrgUnit.id))).all())
    accounts = dict((await session.execute(select(Account.code, Account.id))).all())
    parties = {p.code: p for p in await session.scalars(select(Counterparty))}
    for spec in section.counterparties:
        if spec.code in parties:
            continue
        party = Counterparty(
            code=spec.code,
            name=spec.name,
            kind=spec.kind,
            rating=spec.rating,
            contact=spec.contact,
            blacklisted=spec.blacklist_reason is not None,
            blacklist_reason=spec.blacklist_reason,
        )
        session.add(party)
        await session.flush()
        for q in spec.qualifications:
            session.add(
                Qualification(counterparty_id=party.id, kind=q.kind, number=q.number, expires_on=q.expires_on)
            )
        parties[spec.code] = party
        ctx.audit("contracts.counterparty.created", party, after=snapshot(party))
        report.created.append(f"counterparty {spec.code}")
    projects = {p.code: p for p in await session.scalars(select(Project))}
    for spec_p in section.projects:
        if spec_p.code in projects:
            continue
        project = Project(code=spec_p.code, name=spec_p.name, org_unit_id=units[spec_p.org_unit])
        session.add(project)
        await session.flush()
        projects[spec_p.code] = project
        ctx.audit("contracts.project.created", project, after=snapshot(project))
        report.created.append(f"project {spec_p.code}")
    clauses = dict((await session.execute(select(Clause.code, Clause.id))).all())
    for spec_cl in section.clauses:
        if spec_cl.code in clauses:
            continue
        made = await templates.create_clause(
            ctx, ClauseCreate(code=spec_cl.code, title=spec_cl.title, body=spec_cl.body)
        )
        clauses[spec_cl.code] = made.id
        report.created.append(f"clause {spec_cl.code}")
    template_codes = set(await session.scalars(select(ContractTemplate.code)))
    for spec_t in section.templates:
        if spec_t.code in template_codes:
            continue
        await templates.create_template(
            ctx,
            TemplateCreate(
                code=spec_t.code,
                name=spec_t.name,
                body=spec_t.body,
                direction=spec_t.direction,
                placeholders=spec_t.placeholders,
                clauses=[
                    TemplateClauseRef(clause_id=clauses[ref.code], required=ref.required)
                    for ref in spec_t.clauses
                ],
                max_amount=spec_t.max_amount,
                allowed_currencies=spec_t.allowed_currencies,
                required_attachments=spec_t.required_attachments,
            ),
        )
        report.created.append(f"template {spec_t.code}")
    existing = set(await session.scalars(select(Contract.title)))
    for spec_c in section.contracts:
        if spec_c.title in existing:
            continue
        await _contract(ctx, spec_c, accounts, parties, projects)
        report.created.append(f"contract {spec_c.title}")


async def _contract(
    ctx: Context,
    spec: ContractSpec,
    accounts: dict[str, Any],
    parties: dict[str, Counterparty],
    projects: dict[str, Project],
) -> None:
    session = ctx.session
    year = (spec.signed_on or spec.starts_on or today(ctx)).year
    contract = Contract(
        number=await next_number(ctx, year),
        title=spec.title,
        direction=spec.direction,
        status=spec.status,
        account_id=accounts[spec.account] if spec.direction is Direction.INCOME and spec.account else None,
        counterparty_id=parties[spec.counterparty].id
        if spec.direction is Direction.EXPENDITURE and spec.counterparty
        else None,
        project_id=projects[spec.project].id if spec.project else None,
        amount=rules.money(spec.amount),
        currency=spec.currency,
        exchange_rate=spec.exchange_rate,
        signed_on=spec.signed_on,
        starts_on=spec.starts_on,
        ends_on=spec.ends_on,
        our_signatory=spec.our_signatory,
        their_signatory=spec.their_signatory,
    )
    session.add(contract)
    await session.flush()
    ctx.audit("contracts.contract.created", contract, after=snapshot(contract))
    milestones: dict[str, Milestone] = {}
    for m in spec.milestones:
        milestone = Milestone(
            contract_id=contract.id,
            title=m.title,
            due_on=m.due_on,
            amount=rules.milestone_amount(contract.amount, m.amount, m.percentage),
            percentage=m.percentage,
            condition=m.condition,
        )
        session.add(milestone)
        milestones[m.title] = milestone
    await session.flush()
    kind = SettlementKind.RECEIPT if spec.direction is Direction.INCOME else SettlementKind.PAYMENT
    for s in spec.settlements:
        session.add(
            Settlement(
                contract_id=contract.id,
                milestone_id=milestones[s.milestone].id if s.milestone else None,
                kind=kind,
                status=SettlementStatus.RECORDED,
                amount=rules.money(s.amount),
                amount_base=rules.base_amount(s.amount, contract.exchange_rate),
                settled_on=s.settled_on,
                reference=s.reference,
            )
        )
    await session.flush()


SECTION = BlueprintSection(spec=ContractsSection, apply=apply, check=check)
