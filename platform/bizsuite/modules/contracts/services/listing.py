"""The contracts, counterparties, projects and templates lists on the kernel list component
(``web/lists.py``): sortable columns, the count, previous and next pages, groups (the contracts
list's by status, direction, project or counterparty with amount subtotals; counterparties by kind,
projects by org unit, templates by direction, with counts), saved views and the export of the
view.

The list's SQL picks the page's contract ids (keyset on the sort key and id, through
:func:`bizsuite.web.lists.fetch_page`: one paging implementation); the page's contracts are then
loaded as views in that order. The API's list (:func:`list_contracts`) is the same query in its
default order.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select

from bizsuite.core.context import Context
from bizsuite.kit import SearchHit
from bizsuite.modules.contracts.models import Contract, ContractTemplate, Counterparty, Project
from bizsuite.modules.contracts.schemas import (
    ContractFilters,
    ContractView,
    CounterpartyFilters,
    CounterpartyView,
    ProjectFilters,
    ProjectView,
    TemplateFilters,
    TemplateView,
)
from bizsuite.modules.contracts.services.contracts import views
from bizsuite.modules.contracts.services.parties import counterparty_views, project_view
from bizsuite.modules.contracts.services.templates import template_views
from bizsuite.modules.crm.models import Account
from bizsuite.web.i18n import N_
from bizsuite.web.lists import (
    GroupTotal,
    ListColumn,
    ListPage,
    ListSpec,
    ListState,
    SqlWhere,
    contains_pattern,
    count_rows,
    fetch_page,
    group_totals,
    list_state,
)

#: One row per contract with its party (CRM account or counterparty) and project names and the
#: money recorded against it (receipts or payments made, in the contract's currency).
SOURCE = (
    "(SELECT c.*, COALESCE(a.name, p.name, '') AS party_name,"
    " COALESCE(c.account_id, c.counterparty_id) AS party_id,"
    " COALESCE(pr.code || ' ' || pr.name, '') AS project_label,"
    " COALESCE((SELECT sum(s.amount) FROM contracts_settlements s WHERE s.tenant_id = c.tenant_id"
    " AND s.contract_id = c.id AND s.status = 'recorded'), 0) AS settled"
    " FROM contracts_contracts c"
    " LEFT JOIN crm_accounts a ON a.tenant_id = c.tenant_id AND a.id = c.account_id"
    " LEFT JOIN contracts_counterparties p ON p.tenant_id = c.tenant_id AND p.id = c.counterparty_id"
    " LEFT JOIN contracts_projects pr ON pr.tenant_id = c.tenant_id AND pr.id = c.project_id) AS contracts"
)
#: Search anywhere in the number, the title or the party's name (any case).
SEARCH_TEXT = "lower(number || ' ' || title || ' ' || party_name)"

#: The contracts list, described once for the page, the API and the export.
CONTRACT_LIST = ListSpec(
    key="contracts.contracts",
    path="/contracts",
    columns=(
        ListColumn("number", N_("Number"), sort="number"),
        ListColumn("title", N_("Title"), sort="title"),
        ListColumn("direction", N_("Direction"), group="direction"),
        ListColumn("party", N_("Counterparty"), sort="party_name", group="party_id"),
        ListColumn("project", N_("Project"), sort="project_label", group="project_id"),
        ListColumn("status", N_("Status"), group="status"),
        ListColumn("amount", N_("Amount"), kind="money", sort="amount", sort_type=Decimal),
        ListColumn("currency", N_("Currency"), default=False),
        ListColumn("settled", N_("Received or paid"), kind="money", sort="settled", sort_type=Decimal),
        ListColumn("signed_on", N_("Signed on"), kind="date", default=False),
        ListColumn("ends_on", N_("Ends on"), kind="date", default=False),
        ListColumn(
            "created_at",
            N_("Registered"),
            kind="datetime",
            sort="created_at",
            sort_type=datetime,
            default=False,
        ),
    ),
    default_sort="-created_at",
    filters=("q", "direction", "status", "project_id"),
)


def contract_conditions(ctx: Context, filters: ContractFilters) -> SqlWhere:
    """The filters as SQL conditions on the list's rows."""
    where = SqlWhere(ctx.tenant_id)
    if filters.direction is not None:
        where.where("direction::text = {}", filters.direction.value)
    if filters.status is not None:
        where.where("status::text = {}", filters.status.value)
    if filters.project_id is not None:
        where.where("project_id = {}", filters.project_id)
    text = (filters.q or "").replace("\x00", "").strip()
    if text:
        where.where(f"{SEARCH_TEXT} LIKE {{}}", contains_pattern(text))
    return where


async def contract_list(
    ctx: Context, filters: ContractFilters, state: ListState, *, limit: int, count: bool = False
) -> tuple[ListPage[ContractView], int | None]:
    """A page of contracts in the state's order, as views, with the total when ``count``."""
    where = contract_conditions(ctx, filters)
    ids = await fetch_page(
        ctx, CONTRACT_LIST, state, select="id", source=SOURCE, where=where, row=lambda r: r[0], limit=limit
    )
    rows = list((await ctx.session.scalars(select(Contract).where(Contract.id.in_(ids.items)))).all())
    by_id = {v.id: v for v in await views(ctx, rows)}
    total = await count_rows(ctx, source=SOURCE, where=where) if count else None
    items = [by_id[i] for i in ids.items if i in by_id]
    return ListPage(items, ids.next_cursor, ids.previous_cursor, ids.at), total


async def contract_groups(ctx: Context, filters: ContractFilters, state: ListState) -> list[GroupTotal]:
    """The grouped list's groups: how many contracts, and the sums of their amounts and of what
    was received or paid, for the contracts in the tenant's currency (others are counted only:
    amounts in different currencies are not added up)."""
    where = contract_conditions(ctx, filters).copy()
    in_currency = f"currency = {where.bind(ctx.tenant.currency)}::varchar"
    sums = {
        "amount": f"CASE WHEN {in_currency} THEN amount END",
        "settled": f"CASE WHEN {in_currency} THEN settled END",
    }
    return await group_totals(ctx, CONTRACT_LIST, state, source=SOURCE, where=where, sums=sums)


async def group_names(ctx: Context, state: ListState, groups: list[GroupTotal]) -> dict[str, str]:
    """The names of a project or counterparty grouping's groups (by the id the group holds)."""
    ids = []
    for group in groups:
        try:
            ids.append(uuid.UUID(group.value))
        except ValueError:
            continue
    if not ids or state.group not in ("project", "party"):
        return {}
    if state.group == "project":
        rows = await ctx.session.execute(
            select(Project.id, Project.code, Project.name).where(Project.id.in_(ids))
        )
        return {str(i): f"{code} {name}" for i, code, name in rows.all()}
    names: dict[str, str] = {}
    for model in (Account, Counterparty):
        found = await ctx.session.execute(select(model.id, model.name).where(model.id.in_(ids)))
        names.update((str(i), name) for i, name in found.all())
    return names


async def list_contracts(
    ctx: Context, filters: ContractFilters, *, limit: int, cursor: str | None
) -> tuple[list[ContractView], str | None]:
    """A page of contracts, newest first (the default order of :func:`contract_list`)."""
    state = list_state(CONTRACT_LIST, {"cursor": cursor} if cursor else {}, strict=True)
    page, _total = await contract_list(ctx, filters, state, limit=limit)
    return page.items, page.next_cursor


async def search_contracts(ctx: Context, text: str, limit: int) -> list[SearchHit]:
    """The global search's contract hits: the contracts list's search (``text`` anywhere in the
    number, the title or the party's name, any case), newest first."""
    found = await fetch_page(
        ctx,
        CONTRACT_LIST,
        list_state(CONTRACT_LIST, {}),
        select="id, number, title, party_name",
        source=SOURCE,
        where=contract_conditions(ctx, ContractFilters(q=text)),
        row=lambda r: SearchHit(
            title=r[2], href=f"/contracts/{r[0]}", detail=" · ".join(p for p in (r[1], r[3]) if p)
        ),
        limit=limit,
    )
    return found.items


# --- counterparties -------------------------------------------------------------------------

#: One row per counterparty with how many qualification documents it has.
COUNTERPARTY_SOURCE = (
    "(SELECT c.*, (SELECT count(*) FROM contracts_qualifications q WHERE q.tenant_id = c.tenant_id"
    " AND q.counterparty_id = c.id) AS qualification_count"
    " FROM contracts_counterparties c) AS counterparties"
)
#: Search anywhere in the code or the name (any case).
COUNTERPARTY_SEARCH = "lower(code || ' ' || name)"

#: The counterparties list, described once for the page and the export.
COUNTERPARTY_LIST = ListSpec(
    key="contracts.counterparties",
    path="/contracts/counterparties",
    columns=(
        ListColumn("code", N_("Code"), sort="code"),
        ListColumn("name", N_("Name"), sort="name"),
        ListColumn("kind", N_("Kind"), group="kind"),
        ListColumn("rating", N_("Rating"), kind="int", sort="COALESCE(rating, 0)", sort_type=int),
        ListColumn(
            "qualifications", N_("Qualifications"), kind="int", sort="qualification_count", sort_type=int
        ),
        ListColumn("blacklisted", N_("Blacklist"), group="blacklisted"),
        ListColumn("contact", N_("Contact"), default=False),
        ListColumn(
            "created_at", N_("Created"), kind="datetime", sort="created_at", sort_type=datetime, default=False
        ),
    ),
    default_sort="-created_at",
    filters=("q", "kind"),
)


def counterparty_conditions(ctx: Context, filters: CounterpartyFilters) -> SqlWhere:
    """The filters as SQL conditions on the counterparties list's rows."""
    where = SqlWhere(ctx.tenant_id)
    if filters.kind is not None:
        where.where("kind::text = {}", filters.kind.value)
    text = (filters.q or "").replace("\x00", "").strip()
    if text:
        where.where(f"{COUNTERPARTY_SEARCH} LIKE {{}}", contains_pattern(text))
    return where


async def counterparty_list(
    ctx: Context, filters: CounterpartyFilters, state: ListState, *, limit: int, count: bool = False
) -> tuple[ListPage[CounterpartyView], int | None]:
    """A page of counterparties in the state's order, as views, with the total when ``count``."""
    where = counterparty_conditions(ctx, filters)
    ids = await fetch_page(
        ctx,
        COUNTERPARTY_LIST,
        state,
        select="id",
        source=COUNTERPARTY_SOURCE,
        where=where,
        row=lambda r: r[0],
        limit=limit,
    )
    rows = list((await ctx.session.scalars(select(Counterparty).where(Counterparty.id.in_(ids.items)))).all())
    by_id = {v.id: v for v in await counterparty_views(ctx, rows)}
    total = await count_rows(ctx, source=COUNTERPARTY_SOURCE, where=where) if count else None
    items = [by_id[i] for i in ids.items if i in by_id]
    return ListPage(items, ids.next_cursor, ids.previous_cursor, ids.at), total


async def counterparty_groups(
    ctx: Context, filters: CounterpartyFilters, state: ListState
) -> list[GroupTotal]:
    """The grouped list's groups (by kind or blacklist) with how many counterparties each has."""
    where = counterparty_conditions(ctx, filters)
    return await group_totals(ctx, COUNTERPARTY_LIST, state, source=COUNTERPARTY_SOURCE, where=where, sums={})


# --- projects -------------------------------------------------------------------------------

#: One row per project with its org unit's name.
PROJECT_SOURCE = (
    "(SELECT p.*, COALESCE(u.name, '') AS org_unit_name FROM contracts_projects p"
    " LEFT JOIN org_units u ON u.tenant_id = p.tenant_id AND u.id = p.org_unit_id) AS projects"
)
#: Search anywhere in the code or the name (any case).
PROJECT_SEARCH = "lower(code || ' ' || name)"

#: The projects list, described once for the page and the export.
PROJECT_LIST = ListSpec(
    key="contracts.projects",
    path="/contracts/projects",
    columns=(
        ListColumn("code", N_("Code"), sort="code"),
        ListColumn("name", N_("Name"), sort="name"),
        ListColumn("org_unit", N_("Org unit"), sort="org_unit_name", group="org_unit_id"),
        ListColumn("notes", N_("Notes"), default=False),
        ListColumn(
            "created_at", N_("Created"), kind="datetime", sort="created_at", sort_type=datetime, default=False
        ),
    ),
    default_sort="-created_at",
    filters=("q",),
)


def project_conditions(ctx: Context, filters: ProjectFilters) -> SqlWhere:
    """The filters as SQL conditions on the projects list's rows."""
    where = SqlWhere(ctx.tenant_id)
    text = (filters.q or "").replace("\x00", "").strip()
    if text:
        where.where(f"{PROJECT_SEARCH} LIKE {{}}", contains_pattern(text))
    return where


async def project_list(
    ctx: Context, filters: ProjectFilters, state: ListState, *, limit: int, count: bool = False
) -> tuple[ListPage[ProjectView], int | None]:
    """A page of projects in the state's order, as views, with the total when ``count``."""
    where = project_conditions(ctx, filters)
    ids = await fetch_page(
        ctx,
        PROJECT_LIST,
        state,
        select="id",
        source=PROJECT_SOURCE,
        where=where,
        row=lambda r: r[0],
        limit=limit,
    )
    rows = (await ctx.session.scalars(select(Project).where(Project.id.in_(ids.items)))).all()
    by_id = {r.id: project_view(r) for r in rows}
    total = await count_rows(ctx, source=PROJECT_SOURCE, where=where) if count else None
    items = [by_id[i] for i in ids.items if i in by_id]
    return ListPage(items, ids.next_cursor, ids.previous_cursor, ids.at), total


async def project_groups(ctx: Context, filters: ProjectFilters, state: ListState) -> list[GroupTotal]:
    """The grouped list's groups (by org unit) with how many projects each has."""
    where = project_conditions(ctx, filters)
    return await group_totals(ctx, PROJECT_LIST, state, source=PROJECT_SOURCE, where=where, sums={})


# --- templates ------------------------------------------------------------------------------

#: One row per template.
TEMPLATE_SOURCE = "(SELECT t.* FROM contracts_templates t) AS templates"
#: Search anywhere in the code or the name (any case).
TEMPLATE_SEARCH = "lower(code || ' ' || name)"

#: The templates list, described once for the page and the export.
TEMPLATE_LIST = ListSpec(
    key="contracts.templates",
    path="/contracts/templates",
    columns=(
        ListColumn("code", N_("Code"), sort="code"),
        ListColumn("name", N_("Name"), sort="name"),
        ListColumn("direction", N_("Direction"), group="direction"),
        ListColumn(
            "max_amount",
            N_("Maximum amount"),
            kind="decimal",
            sort="COALESCE(max_amount, 0)",
            sort_type=Decimal,
        ),
        ListColumn("allowed_currencies", N_("Allowed currencies")),
        ListColumn("required_clauses", N_("Required clauses")),
        ListColumn("required_attachments", N_("Required attachments")),
        ListColumn(
            "created_at", N_("Created"), kind="datetime", sort="created_at", sort_type=datetime, default=False
        ),
    ),
    default_sort="-created_at",
    filters=("q", "direction"),
)


def template_conditions(ctx: Context, filters: TemplateFilters) -> SqlWhere:
    """The filters as SQL conditions on the templates list's rows (a direction also finds the
    templates for either direction, as the API's list does)."""
    where = SqlWhere(ctx.tenant_id)
    if filters.direction is not None:
        where.where("(direction IS NULL OR direction::text = {})", filters.direction.value)
    text = (filters.q or "").replace("\x00", "").strip()
    if text:
        where.where(f"{TEMPLATE_SEARCH} LIKE {{}}", contains_pattern(text))
    return where


async def template_list(
    ctx: Context, filters: TemplateFilters, state: ListState, *, limit: int, count: bool = False
) -> tuple[ListPage[TemplateView], int | None]:
    """A page of templates in the state's order, as views, with the total when ``count``."""
    where = template_conditions(ctx, filters)
    ids = await fetch_page(
        ctx,
        TEMPLATE_LIST,
        state,
        select="id",
        source=TEMPLATE_SOURCE,
        where=where,
        row=lambda r: r[0],
        limit=limit,
    )
    rows = list(
        (await ctx.session.scalars(select(ContractTemplate).where(ContractTemplate.id.in_(ids.items)))).all()
    )
    by_id = {v.id: v for v in await template_views(ctx, rows)}
    total = await count_rows(ctx, source=TEMPLATE_SOURCE, where=where) if count else None
    items = [by_id[i] for i in ids.items if i in by_id]
    return ListPage(items, ids.next_cursor, ids.previous_cursor, ids.at), total


async def template_groups(ctx: Context, filters: TemplateFilters, state: ListState) -> list[GroupTotal]:
    """The grouped list's groups (by direction; ``""``: either) with how many templates each has."""
    where = template_conditions(ctx, filters)
    return await group_totals(ctx, TEMPLATE_LIST, state, source=TEMPLATE_SOURCE, where=where, sums={})
