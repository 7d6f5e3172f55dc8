"""The contracts records that carry the kernel's chatter and activities: contracts,
counterparties and projects.

Each is declared once (``RecordType``): its table (as the audit log names it), its page, how to
read its name, and the fields whose changes the chatter shows, with their labels. The creator
follows a record by default (the kernel's rule); these records have no owner field. Fields that
hold another record's id (counterparty, project, org unit) are not tracked: the chatter shows
people's names for ids, nothing else.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from enum import StrEnum
from typing import TypeVar

from sqlalchemy import select

from bizsuite.core.context import Context
from bizsuite.core.errors import NotFoundProblem
from bizsuite.kit import RecordInfo, RecordType
from bizsuite.modules.contracts.models import Contract, Counterparty, Project
from bizsuite.modules.contracts.pages import DIRECTION_LABELS, KIND_LABELS, STATUS_LABELS
from bizsuite.web.i18n import N_

E = TypeVar("E", bound=StrEnum)


async def _contract(ctx: Context, contract_id: uuid.UUID) -> RecordInfo:
    row = (
        await ctx.session.execute(select(Contract.number, Contract.title).where(Contract.id == contract_id))
    ).first()
    if row is None:
        raise NotFoundProblem(f"No contract with id {contract_id}.")
    return RecordInfo(label=f"{row.number} {row.title}", followers=())


async def _counterparty(ctx: Context, counterparty_id: uuid.UUID) -> RecordInfo:
    row = (
        await ctx.session.execute(
            select(Counterparty.code, Counterparty.name).where(Counterparty.id == counterparty_id)
        )
    ).first()
    if row is None:
        raise NotFoundProblem(f"No counterparty with id {counterparty_id}.")
    return RecordInfo(label=f"{row.code} {row.name}", followers=())


async def _project(ctx: Context, project_id: uuid.UUID) -> RecordInfo:
    row = (
        await ctx.session.execute(select(Project.code, Project.name).where(Project.id == project_id))
    ).first()
    if row is None:
        raise NotFoundProblem(f"No project with id {project_id}.")
    return RecordInfo(label=f"{row.code} {row.name}", followers=())


def _by_value(labels: Mapping[E, str]) -> dict[str, str]:
    """Choice labels keyed by the value the audit log stores."""
    return {key.value: label for key, label in labels.items()}


RECORD_TYPES = [
    RecordType(
        "contracts_contracts",
        "/contracts/{id}",
        _contract,
        tracked={
            "title": N_("Title"),
            "status": N_("Status"),
            "direction": N_("Direction"),
            "amount": N_("Amount"),
            "currency": N_("Currency"),
            "exchange_rate": N_("Exchange rate"),
            "signed_on": N_("Signed on"),
            "starts_on": N_("Starts on"),
            "ends_on": N_("Ends on"),
            "our_signatory": N_("Our signatory"),
            "their_signatory": N_("Their signatory"),
            "notes": N_("Notes"),
        },
        choices={"status": _by_value(STATUS_LABELS), "direction": _by_value(DIRECTION_LABELS)},
    ),
    RecordType(
        "contracts_counterparties",
        "/contracts/counterparties/{id}",
        _counterparty,
        tracked={
            "code": N_("Code"),
            "name": N_("Name"),
            "kind": N_("Kind"),
            "rating": N_("Rating"),
            "contact": N_("Contact"),
            "blacklisted": N_("Blacklisted"),
            "blacklist_reason": N_("Blacklist reason"),
            "notes": N_("Notes"),
        },
        choices={"kind": _by_value(KIND_LABELS)},
    ),
    RecordType(
        "contracts_projects",
        "/contracts/projects/{id}",
        _project,
        tracked={"code": N_("Code"), "name": N_("Name"), "notes": N_("Notes")},
    ),
]
