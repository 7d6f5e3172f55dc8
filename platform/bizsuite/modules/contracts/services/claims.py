"""Claims (索赔: an amount) and delays (延期: days) tracked against a contract: raised by us or by
the counterparty, then accepted (with what was agreed), rejected or withdrawn."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import select

from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ConflictProblem, FieldError, ValidationProblem
from bizsuite.core.repository import check_version, fetch
from bizsuite.modules.contracts import rules
from bizsuite.modules.contracts.models import Claim, ClaimKind, ClaimStatus, ContractStatus
from bizsuite.modules.contracts.schemas import ClaimCreate, ClaimDecision, ClaimList, ClaimView
from bizsuite.modules.contracts.services.contracts import contract_row
from bizsuite.modules.contracts.services.settings import today

#: Contracts claims and delays may be raised on: approved or signed (and not yet ended).
OPEN_TO_CLAIMS = frozenset({ContractStatus.APPROVED, ContractStatus.ACTIVE})


def claim_view(row: Claim) -> ClaimView:
    """A claim row as its view."""
    return ClaimView(
        id=row.id,
        contract_id=row.contract_id,
        kind=row.kind,
        raised_by=row.raised_by,
        reason=row.reason,
        raised_on=row.raised_on,
        status=row.status,
        amount=row.amount,
        agreed_amount=row.agreed_amount,
        days=row.days,
        agreed_days=row.agreed_days,
        resolution=row.resolution,
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
    )


async def list_claims(ctx: Context, contract_id: uuid.UUID) -> ClaimList:
    """A contract's claims and delays, oldest first (404 if the contract is not the tenant's)."""
    await contract_row(ctx, contract_id)
    rows = await ctx.session.scalars(
        select(Claim).where(Claim.contract_id == contract_id).order_by(Claim.raised_on, Claim.created_at)
    )
    return ClaimList(items=[claim_view(r) for r in rows])


def _amount(field: str, value: Decimal) -> None:
    error = rules.amount_error(value, positive=True)
    if error is not None:
        raise ValidationProblem.for_field(field, error)


async def create_claim(ctx: Context, contract_id: uuid.UUID, data: ClaimCreate) -> ClaimView:
    """Raise a claim (an ``amount``) or a delay (``days``) on an approved or signed contract."""
    contract = await contract_row(ctx, contract_id)
    if contract.status not in OPEN_TO_CLAIMS:
        message = (
            f"A {contract.status.value} contract takes no claims or delays; only approved or active ones."
        )
        raise ConflictProblem(message, errors=[FieldError(field="contract_id", message=message)])
    if data.kind is ClaimKind.CLAIM:
        if data.amount is None:
            raise ValidationProblem.for_field("amount", "a claim names the amount claimed")
        _amount("amount", data.amount)
        if data.days is not None:
            raise ValidationProblem.for_field("days", "a claim is for money; raise a delay for time")
    else:
        if data.days is None:
            raise ValidationProblem.for_field("days", "a delay names the days asked for")
        if data.amount is not None:
            raise ValidationProblem.for_field("amount", "a delay is for time; raise a claim for money")
    row = Claim(
        contract_id=contract.id,
        kind=data.kind,
        raised_by=data.raised_by,
        reason=data.reason.strip(),
        raised_on=data.raised_on or today(ctx),
        status=ClaimStatus.OPEN,
        amount=rules.money(data.amount) if data.amount is not None else None,
        days=data.days,
    )
    ctx.session.add(row)
    await ctx.session.flush()
    ctx.audit(f"contracts.{data.kind.value}.created", row, after=snapshot(row))
    await ctx.session.refresh(row)
    return claim_view(row)


async def decide_claim(
    ctx: Context, contract_id: uuid.UUID, claim_id: uuid.UUID, data: ClaimDecision, if_match: str | None
) -> ClaimView:
    """Accept (with what was agreed: default what was asked), reject or withdraw an open claim or
    delay (``If-Match``); a decided one is 409."""
    contract = await contract_row(ctx, contract_id)
    row = await fetch(ctx.session, Claim, claim_id, what="claim")
    if row.contract_id != contract.id:
        raise ValidationProblem.for_field("claim_id", "not a claim of this contract", source="path")
    check_version(row, if_match)
    if row.status is not ClaimStatus.OPEN:
        message = f"This {row.kind.value} is already {row.status.value}."
        raise ConflictProblem(message, errors=[FieldError(field="status", message=message)])
    if data.status is ClaimStatus.OPEN:
        raise ValidationProblem.for_field("status", "decide it: accepted, rejected or withdrawn")
    before = snapshot(row)
    if data.status is ClaimStatus.ACCEPTED:
        if row.kind is ClaimKind.CLAIM:
            agreed = data.agreed_amount if data.agreed_amount is not None else row.amount
            if agreed is not None:
                error = rules.amount_error(agreed)
                if error is not None:
                    raise ValidationProblem.for_field("agreed_amount", error)
            row.agreed_amount = rules.money(agreed) if agreed is not None else None
        else:
            row.agreed_days = data.agreed_days if data.agreed_days is not None else row.days
    row.status = data.status
    row.resolution = data.resolution
    await ctx.session.flush()
    ctx.audit(f"contracts.{row.kind.value}.{data.status.value}", row, before=before, after=snapshot(row))
    await ctx.session.refresh(row)
    return claim_view(row)
