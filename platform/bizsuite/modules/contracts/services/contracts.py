"""Contracts: register (numbered per tenant and year), read, edit while a draft, and move through
the lifecycle; approval runs through the kernel's approval engine (``contracts_contract``)."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

import msgspec
from sqlalchemy import func, select

from bizsuite.core.approvals import ApprovalRequest, RequestStatus, SubmittedDocument, submit_document
from bizsuite.core.approvals.services.acting import acting_user_id
from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ConflictProblem, FieldError, ForbiddenProblem, ValidationProblem
from bizsuite.core.files import services as files
from bizsuite.core.files.storage import ObjectStorage
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.core.repository import check_version, fetch, fetch_reference
from bizsuite.modules.contracts import rules
from bizsuite.modules.contracts.models import (
    Contract,
    ContractStatus,
    Counterparty,
    Direction,
    Project,
    Settlement,
    SettlementStatus,
)
from bizsuite.modules.contracts.schemas import (
    ContractCreate,
    ContractUpdate,
    ContractView,
    StatusChange,
)
from bizsuite.modules.contracts.services import templates
from bizsuite.modules.contracts.services.settings import next_number, today
from bizsuite.modules.crm.models import Account

#: The approval engine's document type of a contract.
CONTRACT_DOCUMENT = "contracts_contract"


class IllegalTransitionProblem(ConflictProblem):
    """The contract cannot move to that status from where it is; the allowed ones are listed."""

    slug = "illegal-transition"
    title = "Illegal status change"

    def __init__(self, current: ContractStatus, target: ContractStatus) -> None:
        allowed = [s.value for s in rules.allowed_next(current)]
        shown = ", ".join(allowed) if allowed else "none"
        message = f"A {current.value} contract cannot become {target.value}; allowed: {shown}."
        super().__init__(message, errors=[FieldError(field="status", message=message)])
        self.current = current
        self.target = target
        self.allowed = allowed


class BlacklistedProblem(ConflictProblem):
    """The counterparty is blacklisted: no new contracts with it."""

    slug = "counterparty-blacklisted"
    title = "Counterparty blacklisted"

    def __init__(self, counterparty: Counterparty) -> None:
        message = f"{counterparty.name} ({counterparty.code}) is blacklisted: {counterparty.blacklist_reason}"
        super().__init__(message, errors=[FieldError(field="counterparty_id", message=message)])
        self.name = counterparty.name
        self.reason = counterparty.blacklist_reason or ""


async def _names(ctx: Context, rows: list[Contract]) -> dict[uuid.UUID, str]:
    """Each contract's party name (its CRM account or counterparty)."""
    accounts = {r.account_id for r in rows if r.account_id}
    parties = {r.counterparty_id for r in rows if r.counterparty_id}
    names: dict[uuid.UUID, str] = {}
    if accounts:
        names.update(
            (
                await ctx.session.execute(select(Account.id, Account.name).where(Account.id.in_(accounts)))
            ).all()
        )
    if parties:
        names.update(
            (
                await ctx.session.execute(
                    select(Counterparty.id, Counterparty.name).where(Counterparty.id.in_(parties))
                )
            ).all()
        )
    return {r.id: names.get(r.account_id or r.counterparty_id or r.id, "") for r in rows}


async def _settled(ctx: Context, ids: list[uuid.UUID]) -> dict[uuid.UUID, Decimal]:
    if not ids:
        return {}
    rows = await ctx.session.execute(
        select(Settlement.contract_id, func.sum(Settlement.amount))
        .where(Settlement.contract_id.in_(ids), Settlement.status == SettlementStatus.RECORDED)
        .group_by(Settlement.contract_id)
    )
    return dict(rows.all())


def _view(row: Contract, party: str, settled: Decimal) -> ContractView:
    return ContractView(
        id=row.id,
        number=row.number,
        title=row.title,
        direction=row.direction,
        status=row.status,
        next_statuses=list(rules.allowed_next(row.status)),
        account_id=row.account_id,
        counterparty_id=row.counterparty_id,
        party_name=party,
        project_id=row.project_id,
        org_unit_id=row.org_unit_id,
        amount=row.amount,
        currency=row.currency,
        exchange_rate=row.exchange_rate,
        signed_on=row.signed_on,
        starts_on=row.starts_on,
        ends_on=row.ends_on,
        our_signatory=row.our_signatory,
        their_signatory=row.their_signatory,
        notes=row.notes,
        settled=settled,
        template_id=row.template_id,
        document_file_id=row.document_file_id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
    )


async def views(ctx: Context, rows: list[Contract]) -> list[ContractView]:
    """Contract rows as views, with their parties' names and money settled."""
    names = await _names(ctx, rows)
    settled = await _settled(ctx, [r.id for r in rows])
    return [_view(r, names[r.id], settled.get(r.id, Decimal("0.00"))) for r in rows]


async def contract_row(ctx: Context, contract_id: uuid.UUID, *, lock: bool = False) -> Contract:
    """The contract row, or 404 (``lock``: held until the transaction ends)."""
    if lock:
        found = await ctx.session.scalar(select(Contract).where(Contract.id == contract_id).with_for_update())
        if found is not None:
            return found
    return await fetch(ctx.session, Contract, contract_id, what="contract")


async def get_contract(ctx: Context, contract_id: uuid.UUID) -> ContractView:
    """One contract, or 404."""
    return (await views(ctx, [await contract_row(ctx, contract_id)]))[0]


async def _party(
    ctx: Context, direction: Direction, account_id: uuid.UUID | None, counterparty_id: uuid.UUID | None
) -> None:
    if direction is Direction.INCOME:
        if counterparty_id is not None:
            raise ValidationProblem.for_field(
                "counterparty_id", "income contracts name a CRM account, not a counterparty"
            )
        if account_id is None:
            raise ValidationProblem.for_field("account_id", "income contracts name a CRM account")
        await fetch_reference(ctx.session, Account, account_id, field="account_id")
        return
    if account_id is not None:
        raise ValidationProblem.for_field(
            "account_id", "expenditure contracts name a supplier or subcontractor"
        )
    if counterparty_id is None:
        raise ValidationProblem.for_field(
            "counterparty_id", "expenditure contracts name a supplier or subcontractor"
        )
    party = await fetch_reference(ctx.session, Counterparty, counterparty_id, field="counterparty_id")
    if party.blacklisted:
        raise BlacklistedProblem(party)


def check_amount(
    field: str, value: Decimal, *, positive: bool = False, at_most: Decimal = rules.MAX_AMOUNT
) -> None:
    """422 naming ``field`` when ``value`` is not a usable amount (``rules.amount_error``)."""
    error = rules.amount_error(value, positive=positive, at_most=at_most)
    if error is not None:
        raise ValidationProblem.for_field(field, error)


def _dates(starts_on: Any, ends_on: Any) -> None:
    if starts_on is not None and ends_on is not None and ends_on < starts_on:
        raise ValidationProblem.for_field("ends_on", "the end date is before the start date")


async def create_contract(
    ctx: Context, data: ContractCreate, storage: ObjectStorage | None = None
) -> ContractView:
    """Register a draft contract, numbered from the tenant's pattern for this year.

    A blacklisted counterparty is refused with 409 naming it and the reason. Registered from a
    template (``template_id``), it must meet the template's control indicators (422 naming each
    indicator broken); its text is generated as a PDF into ``storage`` and attached."""
    check_amount("amount", data.amount)
    rate = data.exchange_rate if data.exchange_rate is not None else Decimal(1)
    check_amount("exchange_rate", rate, positive=True, at_most=Decimal(1000000))
    await _party(ctx, data.direction, data.account_id, data.counterparty_id)
    prepared = await templates.prepare(ctx, data, rules.base_amount(data.amount, rate))
    if data.project_id is not None:
        await fetch_reference(ctx.session, Project, data.project_id, field="project_id")
    if data.org_unit_id is not None:
        await fetch_reference(ctx.session, OrgUnit, data.org_unit_id, field="org_unit_id")
    _dates(data.starts_on, data.ends_on)
    row = Contract(
        number=await next_number(ctx, today(ctx).year),
        title=data.title,
        direction=data.direction,
        status=ContractStatus.DRAFT,
        account_id=data.account_id,
        counterparty_id=data.counterparty_id,
        project_id=data.project_id,
        org_unit_id=data.org_unit_id,
        amount=rules.money(data.amount),
        currency=data.currency,
        exchange_rate=rate,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        our_signatory=data.our_signatory,
        their_signatory=data.their_signatory,
        notes=data.notes,
    )
    if await ctx.session.scalar(select(Contract.id).where(Contract.number == row.number)) is not None:
        raise ConflictProblem.for_field(
            "number_pattern",
            f"the number pattern made {row.number}, which is already used; change the pattern",
        )
    ctx.session.add(row)
    await ctx.session.flush()
    if prepared is not None:
        if storage is None:
            raise RuntimeError("registering from a template needs the file storage")
        party = (await _names(ctx, [row]))[row.id]
        stored = await templates.attach_registration(ctx, storage, row, party, prepared)
        async with files.removed_on_failure(storage, stored):
            ctx.audit("contracts.contract.created", row, after=snapshot(row))
            return (await views(ctx, [row]))[0]
    ctx.audit("contracts.contract.created", row, after=snapshot(row))
    return (await views(ctx, [row]))[0]


async def update_contract(
    ctx: Context, contract_id: uuid.UUID, data: ContractUpdate, if_match: str | None
) -> ContractView:
    """Change a draft's terms (``If-Match``); other statuses are 409."""
    row = await contract_row(ctx, contract_id)
    check_version(row, if_match)
    if row.status not in rules.EDITABLE:
        raise ConflictProblem(f"Only draft contracts can be edited; this one is {row.status.value}.")
    before = snapshot(row)
    if not isinstance(data.amount, msgspec.UnsetType):
        check_amount("amount", data.amount)
    if not isinstance(data.exchange_rate, msgspec.UnsetType):
        check_amount("exchange_rate", data.exchange_rate, positive=True, at_most=Decimal(1000000))
    if not isinstance(data.project_id, msgspec.UnsetType) and data.project_id is not None:
        await fetch_reference(ctx.session, Project, data.project_id, field="project_id")
    if not isinstance(data.org_unit_id, msgspec.UnsetType) and data.org_unit_id is not None:
        await fetch_reference(ctx.session, OrgUnit, data.org_unit_id, field="org_unit_id")
    for name in (
        "title", "amount", "project_id", "org_unit_id", "currency", "exchange_rate", "starts_on", "ends_on",
        "our_signatory", "their_signatory", "notes",
    ):  # fmt: skip
        value = getattr(data, name)
        if not isinstance(value, msgspec.UnsetType):
            setattr(row, name, rules.money(value) if name == "amount" else value)
    _dates(row.starts_on, row.ends_on)
    await ctx.session.flush()
    ctx.audit("contracts.contract.updated", row, before=before, after=snapshot(row))
    return (await views(ctx, [row]))[0]


async def _org_unit_for(ctx: Context, row: Contract) -> uuid.UUID:
    if row.org_unit_id is not None:
        return row.org_unit_id
    if row.project_id is not None:
        project = await fetch(ctx.session, Project, row.project_id, what="project")
        return project.org_unit_id
    raise ValidationProblem.for_field(
        "org_unit_id", "set the contract's org unit or project before submitting it for approval"
    )


async def person(ctx: Context, what: str) -> uuid.UUID:
    """The person acting (a signed-in user or the member who made the API key), or 403."""
    user_id = await acting_user_id(ctx)
    if user_id is None:
        raise ForbiddenProblem(f"{what} by a person: sign in, or use an API key created by a member.")
    return user_id


async def change_status(
    ctx: Context, contract_id: uuid.UUID, data: StatusChange, if_match: str | None
) -> ContractView:
    """Move a contract (``If-Match``): to ``in_approval`` (submitted to the approval engine),
    ``active`` (signed), ``completed``, ``terminated`` or ``expired``. Any other move is 409
    listing the allowed ones."""
    row = await contract_row(ctx, contract_id, lock=True)
    check_version(row, if_match)
    if not rules.may_move(row.status, data.status):
        raise IllegalTransitionProblem(row.status, data.status)
    before = snapshot(row)
    if data.status is ContractStatus.IN_APPROVAL:
        await submit_document(
            ctx,
            SubmittedDocument(
                document_type=CONTRACT_DOCUMENT,
                document_id=row.id,
                title=f"{row.number} {row.title}",
                org_unit_id=await _org_unit_for(ctx, row),
                author_id=await person(ctx, "Contracts are submitted"),
                amount=rules.base_amount(row.amount, row.exchange_rate),
                currency="CNY",
                category=row.direction.value,
            ),
        )
    if data.status is ContractStatus.ACTIVE:
        row.signed_on = data.signed_on or today(ctx)
    row.status = data.status
    await ctx.session.flush()
    ctx.audit(
        "contracts.contract.status_changed",
        row,
        before=before,
        after={**snapshot(row), "comment": data.comment} if data.comment else snapshot(row),
    )
    return (await views(ctx, [row]))[0]


async def on_contract_decided(ctx: Context, request: ApprovalRequest) -> None:
    """The approval engine's callback: approved → approved; rejected or withdrawn → back to draft."""
    row = await contract_row(ctx, request.document_id, lock=True)
    if row.status is not ContractStatus.IN_APPROVAL:
        return
    before = snapshot(row)
    row.status = ContractStatus.APPROVED if request.status is RequestStatus.APPROVED else ContractStatus.DRAFT
    await ctx.session.flush()
    ctx.audit("contracts.contract.status_changed", row, before=before, after=snapshot(row))
