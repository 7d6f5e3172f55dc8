"""Shared by the budgets services: the tenant's today, amount checks and who is acting."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from bizsuite.core import clock
from bizsuite.core.activities.rules import local_today
from bizsuite.core.approvals.services.acting import acting_user_id
from bizsuite.core.context import Context
from bizsuite.core.errors import ForbiddenProblem, ValidationProblem
from bizsuite.core.identity.models import Role
from bizsuite.modules.budgets import rules


def today(ctx: Context) -> date:
    """The tenant's today (its clock, in its time zone)."""
    return local_today(clock.now(ctx), ctx.tenant.time_zone)


def check_amount(field: str, value: Decimal, *, positive: bool = False) -> Decimal:
    """The amount, or 422 naming ``field`` when it is not usable (``rules.amount_error``)."""
    error = rules.amount_error(value, positive=positive)
    if error is not None:
        raise ValidationProblem.for_field(field, error)
    return value


def check_percent(field: str, value: Decimal) -> Decimal:
    """The percentage, or 422 naming ``field``."""
    error = rules.percent_error(value)
    if error is not None:
        raise ValidationProblem.for_field(field, error)
    return value


async def author_for(ctx: Context, given: uuid.UUID | None, what: str) -> uuid.UUID:
    """Who files a document: the person acting, or ``author_id`` named by an admin whose key
    belongs to nobody (a blueprint's or the operator's). Anyone else is 403."""
    acting = await acting_user_id(ctx)
    if given is not None and given != acting:
        if ctx.principal.role is None or not ctx.principal.role.at_least(Role.ADMIN):
            raise ValidationProblem.for_field("author_id", "only admins file documents for someone else")
        return given
    if acting is None:
        raise ForbiddenProblem(
            f"{what} by a person: sign in, use an API key created by a member, or name author_id."
        )
    return acting
