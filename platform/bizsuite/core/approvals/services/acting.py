"""Who is acting: the person behind a request, membership and role checks, shared checks."""

import uuid
from decimal import Decimal

from sqlalchemy import exists, select

from bizsuite.core.approvals.rules import (
    amount_error,
)
from bizsuite.core.context import Context
from bizsuite.core.errors import (
    FieldError,
    ForbiddenProblem,
    ValidationProblem,
)
from bizsuite.core.identity.models import ApiKey, Membership, Role

# --- who is acting ------------------------------------------------------------------------------


async def acting_user_id(ctx: Context) -> uuid.UUID | None:
    """The person behind the request: the signed-in user, or the user who created the API key."""
    principal = ctx.principal
    if principal.user_id is not None:
        return principal.user_id
    if principal.api_key_id is not None:
        created_by: uuid.UUID | None = await ctx.session.scalar(
            select(ApiKey.created_by).where(ApiKey.id == principal.api_key_id)
        )
        if created_by is not None and await _is_member(ctx, created_by):
            return created_by
    return None


async def _require_person(ctx: Context) -> uuid.UUID:
    user_id = await acting_user_id(ctx)
    if user_id is None:
        raise ForbiddenProblem(
            "Approvals are decided by people: sign in, or use an API key created by a signed-in member."
        )
    return user_id


async def _is_member(ctx: Context, user_id: uuid.UUID) -> bool:
    return bool(await ctx.session.scalar(select(exists().where(Membership.user_id == user_id))))


async def _require_member(ctx: Context, user_id: uuid.UUID, *, field: str) -> None:
    if not await _is_member(ctx, user_id):
        raise ValidationProblem.for_field(field, f"no member with user id {user_id}")


def _is_manager(ctx: Context) -> bool:
    return ctx.principal.role is not None and ctx.principal.role.at_least(Role.MANAGER)


def _is_admin(ctx: Context) -> bool:
    return ctx.principal.role is not None and ctx.principal.role.at_least(Role.ADMIN)


def _check_amount(amount: Decimal | None, field: str, errors: list[FieldError]) -> None:
    if amount is not None and (message := amount_error(amount)):
        errors.append(FieldError(field=field, message=message))


def _raise(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationProblem("; ".join(f"{e.field}: {e.message}" for e in errors), errors=errors)
