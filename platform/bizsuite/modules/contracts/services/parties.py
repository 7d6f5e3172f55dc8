"""Counterparties (suppliers and subcontractors) with their qualifications and blacklist, and
projects (项目) hanging off org units."""

from __future__ import annotations

import uuid

import msgspec
from sqlalchemy import select

from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ConflictProblem, ValidationProblem
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.core.repository import check_version, fetch, fetch_reference, list_page
from bizsuite.kit import SearchHit
from bizsuite.modules.contracts.models import Counterparty, Project, Qualification
from bizsuite.modules.contracts.schemas import (
    CounterpartyCreate,
    CounterpartyFilters,
    CounterpartyUpdate,
    CounterpartyView,
    ProjectCreate,
    ProjectFilters,
    ProjectUpdate,
    ProjectView,
    QualificationCreate,
    QualificationView,
)
from bizsuite.modules.contracts.services.settings import today
from bizsuite.web.lists import anywhere

# --- counterparties -------------------------------------------------------------------------


async def _qualifications(ctx: Context, ids: list[uuid.UUID]) -> dict[uuid.UUID, list[QualificationView]]:
    found: dict[uuid.UUID, list[QualificationView]] = {i: [] for i in ids}
    if not ids:
        return found
    on = today(ctx)
    rows = await ctx.session.scalars(
        select(Qualification)
        .where(Qualification.counterparty_id.in_(ids))
        .order_by(Qualification.expires_on.nulls_last(), Qualification.id)
    )
    for row in rows:
        found[row.counterparty_id].append(
            QualificationView(
                id=row.id,
                kind=row.kind,
                number=row.number,
                expires_on=row.expires_on,
                expired=row.expires_on is not None and row.expires_on < on,
            )
        )
    return found


def _view(row: Counterparty, qualifications: list[QualificationView]) -> CounterpartyView:
    return CounterpartyView(
        id=row.id,
        kind=row.kind,
        code=row.code,
        name=row.name,
        rating=row.rating,
        contact=row.contact,
        notes=row.notes,
        blacklisted=row.blacklisted,
        blacklist_reason=row.blacklist_reason,
        qualifications=qualifications,
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
    )


async def counterparty_views(ctx: Context, rows: list[Counterparty]) -> list[CounterpartyView]:
    """Counterparties as views, with their qualifications."""
    quals = await _qualifications(ctx, [r.id for r in rows])
    return [_view(r, quals[r.id]) for r in rows]


async def _counterparty(ctx: Context, counterparty_id: uuid.UUID) -> Counterparty:
    return await fetch(ctx.session, Counterparty, counterparty_id, what="counterparty")


async def _code_free(
    ctx: Context, model: type[Counterparty] | type[Project], code: str, other: uuid.UUID | None
) -> None:
    statement = select(model.id).where(model.code == code)
    if other is not None:
        statement = statement.where(model.id != other)
    if await ctx.session.scalar(statement) is not None:
        raise ConflictProblem.for_field("code", "this code is already used")


async def list_counterparties(
    ctx: Context, filters: CounterpartyFilters, *, limit: int, cursor: str | None
) -> tuple[list[CounterpartyView], str | None]:
    """A page of counterparties, newest first, by any part of the code or name (any case) and kind."""
    statement = select(Counterparty)
    if filters.q:
        statement = statement.where(anywhere(filters.q, Counterparty.code, Counterparty.name))
    if filters.kind is not None:
        statement = statement.where(Counterparty.kind == filters.kind)
    rows, next_cursor = await list_page(
        ctx.session, statement, Counterparty, limit=limit, cursor=cursor, descending=True
    )
    quals = await _qualifications(ctx, [r.id for r in rows])
    return [_view(r, quals[r.id]) for r in rows], next_cursor


async def counterparty_choices(ctx: Context) -> list[Counterparty]:
    """Every counterparty not blacklisted, by name (for the contract form)."""
    rows = await ctx.session.scalars(
        select(Counterparty).where(Counterparty.blacklisted.is_(False)).order_by(Counterparty.name)
    )
    return list(rows)


async def get_counterparty(ctx: Context, counterparty_id: uuid.UUID) -> CounterpartyView:
    """One counterparty with its qualifications, or 404."""
    row = await _counterparty(ctx, counterparty_id)
    return _view(row, (await _qualifications(ctx, [row.id]))[row.id])


async def create_counterparty(ctx: Context, data: CounterpartyCreate) -> CounterpartyView:
    """Create a supplier or subcontractor; a code already used is a 409 naming ``code``."""
    code = data.code.strip().upper()
    await _code_free(ctx, Counterparty, code, None)
    row = Counterparty(
        kind=data.kind, code=code, name=data.name, rating=data.rating, contact=data.contact, notes=data.notes
    )
    ctx.session.add(row)
    await ctx.session.flush()
    ctx.audit("contracts.counterparty.created", row, after=snapshot(row))
    return _view(row, [])


async def update_counterparty(
    ctx: Context, counterparty_id: uuid.UUID, data: CounterpartyUpdate, if_match: str | None
) -> CounterpartyView:
    """Change a counterparty (``If-Match``); blacklisting needs a reason, lifting it clears the reason."""
    row = await _counterparty(ctx, counterparty_id)
    check_version(row, if_match)
    before = snapshot(row)
    if not isinstance(data.code, msgspec.UnsetType):
        code = data.code.strip().upper()
        if code != row.code:
            await _code_free(ctx, Counterparty, code, row.id)
            row.code = code
    for name in ("kind", "name", "rating", "contact", "notes", "blacklisted", "blacklist_reason"):
        value = getattr(data, name)
        if not isinstance(value, msgspec.UnsetType):
            setattr(row, name, value)
    if not row.blacklisted:
        row.blacklist_reason = None
    elif not (row.blacklist_reason or "").strip():
        raise ValidationProblem.for_field("blacklist_reason", "say why the counterparty is blacklisted")
    await ctx.session.flush()
    action = "contracts.counterparty.updated"
    if before["blacklisted"] != row.blacklisted:
        action = "contracts.counterparty.blacklisted" if row.blacklisted else "contracts.counterparty.cleared"
    ctx.audit(action, row, before=before, after=snapshot(row))
    return await get_counterparty(ctx, row.id)


async def create_qualification(
    ctx: Context, counterparty_id: uuid.UUID, data: QualificationCreate
) -> CounterpartyView:
    """Add a qualification document to a counterparty; returns the counterparty."""
    owner = await _counterparty(ctx, counterparty_id)
    row = Qualification(
        counterparty_id=owner.id, kind=data.kind, number=data.number, expires_on=data.expires_on
    )
    ctx.session.add(row)
    await ctx.session.flush()
    ctx.audit("contracts.qualification.created", row, after=snapshot(row))
    return await get_counterparty(ctx, owner.id)


async def delete_qualification(ctx: Context, counterparty_id: uuid.UUID, qualification_id: uuid.UUID) -> None:
    """Remove a qualification document of a counterparty."""
    owner = await _counterparty(ctx, counterparty_id)
    row = await fetch(ctx.session, Qualification, qualification_id, what="qualification")
    if row.counterparty_id != owner.id:
        raise ValidationProblem.for_field("qualification_id", "not a qualification of this counterparty")
    ctx.audit("contracts.qualification.deleted", row, before=snapshot(row))
    await ctx.session.delete(row)
    await ctx.session.flush()


# --- projects -------------------------------------------------------------------------------


def project_view(row: Project) -> ProjectView:
    """A project row as its view."""
    return msgspec.convert(row, ProjectView, from_attributes=True)


async def _project(ctx: Context, project_id: uuid.UUID) -> Project:
    return await fetch(ctx.session, Project, project_id, what="project")


async def list_projects(
    ctx: Context, filters: ProjectFilters, *, limit: int, cursor: str | None
) -> tuple[list[ProjectView], str | None]:
    """A page of projects, newest first, by any part of the code or name (any case)."""
    statement = select(Project)
    if filters.q:
        statement = statement.where(anywhere(filters.q, Project.code, Project.name))
    rows, next_cursor = await list_page(
        ctx.session, statement, Project, limit=limit, cursor=cursor, descending=True
    )
    return [project_view(r) for r in rows], next_cursor


async def project_choices(ctx: Context) -> list[Project]:
    """Every project by code (for the contract form)."""
    return list(await ctx.session.scalars(select(Project).order_by(Project.code)))


async def get_project(ctx: Context, project_id: uuid.UUID) -> ProjectView:
    """One project, or 404."""
    return project_view(await _project(ctx, project_id))


async def create_project(ctx: Context, data: ProjectCreate) -> ProjectView:
    """Create a project under an org unit; a code already used is a 409 naming ``code``."""
    code = data.code.strip().upper()
    await _code_free(ctx, Project, code, None)
    await fetch_reference(ctx.session, OrgUnit, data.org_unit_id, field="org_unit_id")
    row = Project(code=code, name=data.name, org_unit_id=data.org_unit_id, notes=data.notes)
    ctx.session.add(row)
    await ctx.session.flush()
    ctx.audit("contracts.project.created", row, after=snapshot(row))
    return project_view(row)


async def update_project(
    ctx: Context, project_id: uuid.UUID, data: ProjectUpdate, if_match: str | None
) -> ProjectView:
    """Change a project (``If-Match``)."""
    row = await _project(ctx, project_id)
    check_version(row, if_match)
    before = snapshot(row)
    if not isinstance(data.code, msgspec.UnsetType):
        code = data.code.strip().upper()
        if code != row.code:
            await _code_free(ctx, Project, code, row.id)
            row.code = code
    if not isinstance(data.org_unit_id, msgspec.UnsetType):
        await fetch_reference(ctx.session, OrgUnit, data.org_unit_id, field="org_unit_id")
        row.org_unit_id = data.org_unit_id
    if not isinstance(data.name, msgspec.UnsetType):
        row.name = data.name
    if not isinstance(data.notes, msgspec.UnsetType):
        row.notes = data.notes
    await ctx.session.flush()
    ctx.audit("contracts.project.updated", row, before=before, after=snapshot(row))
    return project_view(row)


# --- the global search ----------------------------------------------------------------------


async def search_counterparties(ctx: Context, text: str, limit: int) -> list[SearchHit]:
    """The global search's counterparty hits: ``text`` anywhere in the code or the name, any
    case, by code."""
    rows = await ctx.session.execute(
        select(Counterparty.id, Counterparty.code, Counterparty.name)
        .where(anywhere(text, Counterparty.code, Counterparty.name))
        .order_by(Counterparty.code, Counterparty.id)
        .limit(limit)
    )
    return [
        SearchHit(title=name, href=f"/contracts/counterparties/{i}", detail=code)
        for i, code, name in rows.all()
    ]


async def search_projects(ctx: Context, text: str, limit: int) -> list[SearchHit]:
    """The global search's project hits: ``text`` anywhere in the code or the name, any case, by
    code."""
    rows = await ctx.session.execute(
        select(Project.id, Project.code, Project.name)
        .where(anywhere(text, Project.code, Project.name))
        .order_by(Project.code, Project.id)
        .limit(limit)
    )
    return [
        SearchHit(title=name, href=f"/contracts/projects/{i}", detail=code) for i, code, name in rows.all()
    ]
