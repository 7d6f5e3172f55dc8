"""CRM pipeline: web pages and their navigation entries.

The Kanban board (drag a card to another stage: the page posts to the JSON API with the
session's CSRF token and the card's version), the opportunity list with exports, the
opportunity form, the stage admin page and the account page's opportunities panel.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import AsyncIterator
from typing import Any

import msgspec
from litestar import Controller, HttpMethod, Request, Response, get, post, route
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import Template

from bizsuite.core.context import Context
from bizsuite.core.dependencies import Ctx
from bizsuite.core.identity.members import member_choices
from bizsuite.core.identity.models import Role
from bizsuite.core.identity.services import user_names
from bizsuite.core.views.services import list_saved_views
from bizsuite.kit import NavItem, Panel, SearchProvider, TimelineSource
from bizsuite.modules.crm.models import StageKind
from bizsuite.modules.crm.pipeline import services
from bizsuite.modules.crm.pipeline.api import provide_opportunity_filters
from bizsuite.modules.crm.pipeline.schemas import (
    OpportunityBulk,
    OpportunityCreate,
    OpportunityFilters,
    OpportunityStageMove,
    OpportunityStatus,
    OpportunityUpdate,
    PipelineStageCreate,
    PipelineStageUpdate,
)
from bizsuite.web.exports import export_view
from bizsuite.web.forms import FormErrors, Submission, form_version, read_form, saved_values
from bizsuite.web.i18n import N_, service_messages
from bizsuite.web.i18n import gettext as _
from bizsuite.web.lists import (
    GroupTotal,
    ListState,
    list_context,
    list_export,
    list_export_source,
    list_state,
)
from bizsuite.web.pages import Form
from bizsuite.web.support import (
    filtered_by,
    form_list,
    query_as_sent,
    redirect,
    run_action,
    run_form,
    signed_in,
)
from bizsuite.web.templating import page

PAGE_SIZE = 25
#: The forecast page's months (the API's default) and the most it shows.
FORECAST_MONTHS = 6
MAX_FORECAST_MONTHS = 24
STATUS_LABELS = {
    OpportunityStatus.OPEN.value: N_("Open"),
    OpportunityStatus.WON.value: N_("Won"),
    OpportunityStatus.LOST.value: N_("Lost"),
}
KIND_LABELS = {
    StageKind.OPEN.value: N_("Open stage"),
    StageKind.WON.value: N_("Won stage"),
    StageKind.LOST.value: N_("Lost stage"),
}
#: Field messages of the pipeline services, translated when a form shows them.
SERVICE_MESSAGES = service_messages(
    N_("this name is already used"),
    N_("the pipeline needs exactly one won stage"),
    N_("the pipeline needs at least one lost stage"),
    N_("required when the stage is a lost stage"),
    N_("not a member of this tenant"),
    N_("must not be negative"),
    N_("has more than 2 decimal places"),
    N_("must be in the year 2000 or later"),
    N_("must be at most 10 years ahead"),
    N_("Move this stage's opportunities to another stage first."),
)
#: Toasts after a redirect (``?notice=<code>``).
#: The list and board filters: the API's typed query parameters, read leniently.
PAGE_FILTERS = filtered_by(provide_opportunity_filters)

NOTICES = {
    "opportunity.created": N_("Opportunity created."),
    "opportunity.updated": N_("Opportunity saved."),
    "opportunity.moved": N_("Opportunity moved."),
    "opportunity.deleted": N_("Opportunity deleted."),
    "opportunity.bulk_assign": N_("The selected opportunities have their new owner."),
    "error.opportunity-bulk-invalid": N_(
        "Nothing was changed: choose opportunities and an owner who is a member."
    ),
    "error.opportunity-bulk-forbidden": N_(
        "Nothing was changed: only a deal's owner, a manager or an admin may hand it over, and some "
        "selected deals are not yours."
    ),
    "stage.created": N_("Stage added."),
    "stage.updated": N_("Stage saved."),
    "stage.deleted": N_("Stage deleted."),
}


def _searched(filters: OpportunityFilters, sent: Any) -> OpportunityFilters:
    """The list's filters with its search (``q``: the list's own, the board has none)."""
    text = str(sent.get("q") or "").replace("\x00", "").strip()[:200]
    return msgspec.structs.replace(filters, q=text or None)


@list_export_source(
    "opportunities",
    module=__name__,
    spec=services.OPPORTUNITY_LIST,
    filters=OpportunityFilters,
    sheet=lambda: _("Opportunities"),
)
async def opportunity_export(
    ctx: Context, filters: OpportunityFilters, state: ListState
) -> AsyncIterator[list[dict[str, Any]]]:
    """The opportunities of a view, 500 at a time."""
    cursor: str | None = None
    while True:
        listed, _total = await services.opportunity_list(
            ctx, filters, dataclasses.replace(state, cursor=cursor), limit=500
        )
        yield [
            {
                "name": v.opportunity.name,
                "account": v.account_name,
                "stage": f"{v.stage.name} ({_(STATUS_LABELS[v.status.value])})",
                "amount": v.opportunity.amount,
                "weighted_amount": v.expected_value,
                "probability": v.stage.probability,
                "owner": v.owner_name or "",
                "expected_close": v.opportunity.expected_close,
                "created_at": v.opportunity.created_at,
            }
            for v in listed.items
        ]
        cursor = listed.next_cursor
        if cursor is None:
            return


async def _group_labels(
    ctx: Context, state: ListState, groups: list[GroupTotal], stages: list[Any]
) -> dict[str, str]:
    """What each group is called: a stage's name (with its probability) or a person's name."""
    stage_names = {s.id: f"{s.name} · {s.probability}%" for s in stages}
    owners = await user_names(ctx, _ids(g.value for g in groups)) if state.group == "owner" else {}
    people = {str(user_id): name for user_id, name in owners.items()}
    labels: dict[str, str] = {}
    for g in groups:
        if not g.value:
            continue
        if state.group == "stage":
            stage_id = services.stage_of_group(g.value)
            labels[g.value] = stage_names.get(stage_id, g.value) if stage_id else g.value
        elif state.group == "owner":
            labels[g.value] = people.get(g.value, g.value)
    return labels


def _ids(values: Any) -> list[uuid.UUID]:
    """The values that are ids (a group's value, a form's field)."""
    found = []
    for value in values:
        try:
            found.append(uuid.UUID(str(value)))
        except ValueError:
            continue
    return found


OPPORTUNITY_FIELDS = (
    "account_id",
    "name",
    "amount",
    "currency",
    "stage_id",
    "owner_user_id",
    "expected_close",
    "reason",
)
EDIT_FIELDS = ("account_id", "name", "amount", "currency", "owner_user_id", "expected_close")
STAGE_FIELDS = ("name", "probability", "kind", "position")


def _opportunity_values(view: services.OpportunityView) -> dict[str, Any]:
    """The form's values of a saved opportunity (also what a 412 shows as saved)."""
    o = view.opportunity
    return {
        "account_id": str(o.account_id),
        "name": o.name,
        "amount": str(o.amount),
        "currency": o.currency,
        "stage_id": str(o.stage_id),
        "owner_user_id": str(o.owner_user_id or ""),
        "expected_close": o.expected_close.isoformat() if o.expected_close else "",
    }


class PipelinePages(Controller):
    """The board, the opportunity list and form, and the stage admin page."""

    path = "/crm/pipeline"
    include_in_schema = False
    guards = [signed_in]

    # --- board --------------------------------------------------------------------------------

    @get(**PAGE_FILTERS)
    async def board(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[OpportunityFilters]
    ) -> Template:
        """One column per stage with its opportunities; drag a card to move it."""
        owner = filters.owner_user_id
        columns = await services.board(ctx, owner_user_id=owner)
        return page(
            request,
            "crm/pipeline/board.html",
            columns=columns,
            members=await member_choices(ctx, selected=[owner]),
            owner=str(owner) if owner else "",
            figures=await services.column_figures(ctx, owner_user_id=owner),
            kinds=KIND_LABELS,
            stages=[stage for stage, _cards in columns],
            may_move=lambda view: services.may_move_or_delete(ctx, view.opportunity),
        )

    @get("/columns/{stage_id:uuid}", **PAGE_FILTERS)
    async def column(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        stage_id: FromPath[uuid.UUID],
        filters: NamedDependency[OpportunityFilters],
    ) -> Template:
        """One column of the board (reloaded after a move or a stale drop)."""
        owner = filters.owner_user_id
        stage = await services.get_stage(ctx, stage_id)
        views, _cursor = await services.list_opportunities(
            ctx, OpportunityFilters(stage_id=stage.id, owner_user_id=owner), limit=100, cursor=None
        )
        figures = await services.column_figures(ctx, owner_user_id=owner, stage_id=stage.id)
        return page(
            request,
            "crm/pipeline/_column.html",
            stage=stage,
            cards=views,
            figures=figures,
            stages=await services.list_stages(ctx),
            may_move=lambda view: services.may_move_or_delete(ctx, view.opportunity),
        )

    # --- forecast -----------------------------------------------------------------------------

    @get("/forecast")
    async def forecast(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """The weighted pipeline by month, stage and owner; every figure with its formula and the
        opportunities it is made of (``?months=`` 1..24, default 6)."""
        raw = request.query_params.get("months", "")
        months = int(raw) if raw.isdigit() and 1 <= int(raw) <= MAX_FORECAST_MONTHS else FORECAST_MONTHS
        figures = await services.forecast(ctx, months)
        lines = await services.forecast_lines(ctx, months)
        by_month: dict[Any, list[services.ForecastLine]] = {m.month: [] for m in figures}
        for line in lines:
            by_month.setdefault(line.month, []).append(line)
        currency = ctx.tenant.currency
        return page(
            request,
            "crm/pipeline/forecast.html",
            months=months,
            month_choices=(3, 6, 12),
            figures=figures,
            lines=by_month,
            stages=await services.stage_summary(ctx),
            owners=await services.owner_summary(ctx),
            currency=currency,
            chart={
                "labels": [f"{m.month:%Y-%m}" for m in figures],
                "series": [
                    {"name": _("Weighted pipeline"), "values": [str(m.weighted_amount) for m in figures]},
                    {"name": _("Won"), "values": [str(m.won_amount) for m in figures]},
                ],
            },
            kinds=KIND_LABELS,
        )

    # --- list and export ----------------------------------------------------------------------

    @get("/opportunities", **PAGE_FILTERS)
    async def opportunities(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[OpportunityFilters]
    ) -> Template:
        """The opportunities list: search as you type, filters, sortable columns, count and page
        range, chosen columns, groups by stage or owner with amount and expected value subtotals,
        saved views, selection with handing over to an owner, export."""
        sent = query_as_sent(request)
        filters = _searched(filters, sent)
        state = list_state(services.OPPORTUNITY_LIST, sent)
        listed, total = await services.opportunity_list(ctx, filters, state, limit=PAGE_SIZE, count=True)
        groups = await services.opportunity_groups(ctx, filters, state)
        stages = await services.list_stages(ctx)
        members = await member_choices(ctx, selected=[sent.get("owner_user_id")])
        views, _more = await list_saved_views(ctx, services.OPPORTUNITY_LIST.key, limit=100, cursor=None)
        return page(
            request,
            "crm/pipeline/opportunities.html",
            opportunities=listed.items,
            filters=sent,
            stages=stages,
            members=members,
            statuses=STATUS_LABELS,
            currency=ctx.tenant.currency,
            may_move=lambda view: services.may_move_or_delete(ctx, view.opportunity),
            **list_context(
                services.OPPORTUNITY_LIST,
                state,
                sent,
                listed,
                total=total,
                groups=groups,
                group_labels=await _group_labels(ctx, state, groups, stages),
                views=views,
            ),
        )

    @route(
        "/opportunities/export",
        http_method=[HttpMethod.GET, HttpMethod.POST],
        status_code=200,
        **PAGE_FILTERS,
    )
    async def export(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[OpportunityFilters]
    ) -> Response[Any]:
        """Download the list's current view (columns, sort, filters) as CSV or XLSX; with ``ids``,
        only those (selected) opportunities; beyond the inline limit, written by a background job."""
        sent = query_as_sent(request)
        view = list_export(services.OPPORTUNITY_LIST, sent, _searched(filters, sent))
        return await export_view(ctx, request, opportunity_export, view)

    @post("/opportunities/bulk", opt={"min_role": Role.MEMBER})
    async def bulk(self, ctx: Ctx, data: Form) -> Response[Any]:
        """Hand the selected opportunities to an owner (all or nothing), then show the list."""
        query = str(data.get("query") or "")
        back = "/crm/pipeline/opportunities" + (f"?{query}" if query else "")
        try:
            body = msgspec.convert(
                {
                    "ids": form_list(data, "ids"),
                    "owner_user_id": str(data.get("owner_user_id") or "") or None,
                },
                OpportunityBulk,
                strict=False,
            )
        except msgspec.ValidationError:
            return redirect(back, notice="error.opportunity-bulk-invalid")
        return await run_action(
            lambda: services.bulk_assign_opportunities(ctx, body),
            back=back,
            notice="opportunity.bulk_assign",
            problems={403: "error.opportunity-bulk-forbidden", 422: "error.opportunity-bulk-invalid"},
        )

    # --- form ---------------------------------------------------------------------------------

    async def _form(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        *,
        view: services.OpportunityView | None = None,
        submission: Submission[Any] | None = None,
        values: dict[str, Any] | None = None,
        errors: FormErrors | None = None,
    ) -> Template:
        if submission is not None:
            values, errors = submission.values, submission.errors
        if values is None:
            if view is not None:
                values = _opportunity_values(view)
            else:
                values = {
                    "account_id": request.query_params.get("account_id", ""),
                    "currency": ctx.tenant.currency,
                    "owner_user_id": str(ctx.principal.user_id or ""),
                }
        return page(
            request,
            "crm/pipeline/opportunity.html",
            status_code=submission.status_code if submission is not None else 200,
            view=view,
            may_move=view is not None and services.may_move_or_delete(ctx, view.opportunity),
            values=values,
            errors=errors or FormErrors(),
            conflict=submission.conflict if submission is not None else None,
            accounts=await services.account_choices(ctx),
            stages=await services.list_stages(ctx),
            members=await member_choices(
                ctx,
                selected=[
                    values.get("owner_user_id"),
                    (submission.conflict or {}).get("owner_user_id") if submission is not None else None,
                ],
            ),
            statuses=STATUS_LABELS,
        )

    @get("/opportunities/new", opt={"min_role": Role.MEMBER})
    async def new(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """The form for a new opportunity (``?account_id=`` picks the account)."""
        return await self._form(ctx, request)

    @post("/opportunities", opt={"min_role": Role.MEMBER})
    async def create(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Create an opportunity from the form."""

        async def again(submission: Submission[OpportunityCreate]) -> Response[Any]:
            return await self._form(ctx, request, submission=submission)

        return await run_form(
            read_form(data, OpportunityCreate, OPPORTUNITY_FIELDS),
            lambda body, _version: services.create_opportunity(ctx, body),
            done=lambda view: redirect(
                f"/crm/pipeline/opportunities/{view.opportunity.id}", notice="opportunity.created"
            ),
            again=again,
        )

    @get("/opportunities/{opportunity_id:uuid}")
    async def opportunity(
        self, ctx: Ctx, request: Request[Any, Any, Any], opportunity_id: FromPath[uuid.UUID]
    ) -> Template:
        """One opportunity: its details to edit and its stage."""
        return await self._form(ctx, request, view=await services.get_opportunity(ctx, opportunity_id))

    async def _saved(self, ctx: Ctx, opportunity_id: uuid.UUID) -> dict[str, Any]:
        values = _opportunity_values(await services.get_opportunity(ctx, opportunity_id))
        return {name: values[name] for name in EDIT_FIELDS}

    @post("/opportunities/{opportunity_id:uuid}/edit", opt={"min_role": Role.MEMBER})
    async def edit(
        self, ctx: Ctx, request: Request[Any, Any, Any], opportunity_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Save the form's changes (empty owner or close date clear them)."""

        async def again(submission: Submission[OpportunityUpdate]) -> Response[Any]:
            view = await services.get_opportunity(ctx, opportunity_id)
            submission.values = {**submission.values, "stage_id": str(view.stage.id)}
            return await self._form(ctx, request, view=view, submission=submission)

        return await run_form(
            read_form(data, OpportunityUpdate, EDIT_FIELDS, update=True),
            lambda body, version: services.update_opportunity(ctx, opportunity_id, body, version),
            done=lambda _view: redirect(
                f"/crm/pipeline/opportunities/{opportunity_id}", notice="opportunity.updated"
            ),
            again=again,
            saved=lambda: self._saved(ctx, opportunity_id),
        )

    @post("/opportunities/{opportunity_id:uuid}/stage", opt={"min_role": Role.MEMBER})
    async def move(
        self, ctx: Ctx, request: Request[Any, Any, Any], opportunity_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Move to another stage from the form (the board does the same by drag and drop)."""

        async def again(submission: Submission[OpportunityStageMove]) -> Response[Any]:
            view = await services.get_opportunity(ctx, opportunity_id)
            submission.errors = FormErrors({f"move_{k}": v for k, v in submission.errors.items()})
            # The details form shows the saved values; the move form's errors are its own.
            submission.values = _opportunity_values(view)
            return await self._form(ctx, request, view=view, submission=submission)

        return await run_form(
            read_form(data, OpportunityStageMove, ("stage_id", "reason")),
            lambda body, version: services.move_stage(ctx, opportunity_id, body, version),
            done=lambda _view: redirect(
                f"/crm/pipeline/opportunities/{opportunity_id}", notice="opportunity.moved"
            ),
            again=again,
            saved=lambda: self._saved(ctx, opportunity_id),
        )

    @post("/opportunities/{opportunity_id:uuid}/delete", opt={"min_role": Role.MEMBER})
    async def delete(self, ctx: Ctx, opportunity_id: FromPath[uuid.UUID], data: Form) -> Response[Any]:
        """Delete an opportunity entered by mistake."""
        return await run_action(
            lambda: services.delete_opportunity(ctx, opportunity_id, form_version(data)),
            back=f"/crm/pipeline/opportunities/{opportunity_id}",
            done="/crm/pipeline/opportunities",
            notice="opportunity.deleted",
        )

    # --- stages (admins) ----------------------------------------------------------------------

    async def _stages_page(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        *,
        submission: Submission[Any] | None = None,
        failed: str | None = None,
    ) -> Template:
        return page(
            request,
            "crm/pipeline/stages.html",
            status_code=submission.status_code if submission is not None else 200,
            stages=await services.list_stages(ctx),
            kinds=KIND_LABELS,
            errors=submission.errors if submission is not None else FormErrors(),
            values=submission.values if submission is not None else {},
            conflict=submission.conflict if submission is not None else None,
            failed=failed,
        )

    @get("/stages", opt={"min_role": Role.ADMIN})
    async def stages(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """The pipeline's stages: names, probabilities, kinds and order."""
        return await self._stages_page(ctx, request)

    @post("/stages", opt={"min_role": Role.ADMIN})
    async def create_stage(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Add a stage."""

        async def again(submission: Submission[PipelineStageCreate]) -> Response[Any]:
            return await self._stages_page(ctx, request, submission=submission, failed="new")

        return await run_form(
            read_form(data, PipelineStageCreate, STAGE_FIELDS),
            lambda body, _version: services.create_stage(ctx, body),
            done=lambda _stage: redirect("/crm/pipeline/stages", notice="stage.created"),
            again=again,
        )

    @post("/stages/{stage_id:uuid}/edit", opt={"min_role": Role.ADMIN})
    async def edit_stage(
        self, ctx: Ctx, request: Request[Any, Any, Any], stage_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Rename a stage, change its probability, kind or place."""

        async def again(submission: Submission[PipelineStageUpdate]) -> Response[Any]:
            return await self._stages_page(ctx, request, submission=submission, failed=str(stage_id))

        async def saved() -> dict[str, Any]:
            return saved_values(await services.get_stage(ctx, stage_id), STAGE_FIELDS)

        return await run_form(
            read_form(data, PipelineStageUpdate, STAGE_FIELDS, update=True),
            lambda body, version: services.update_stage(ctx, stage_id, body, version),
            done=lambda _stage: redirect("/crm/pipeline/stages", notice="stage.updated"),
            again=again,
            saved=saved,
        )

    @post("/stages/{stage_id:uuid}/delete", opt={"min_role": Role.ADMIN})
    async def delete_stage(self, ctx: Ctx, stage_id: FromPath[uuid.UUID], data: Form) -> Response[Any]:
        """Delete an empty stage."""
        return await run_action(
            lambda: services.delete_stage(ctx, stage_id, form_version(data)),
            back="/crm/pipeline/stages",
            notice="stage.deleted",
        )


class AccountOpportunitiesPanel(Controller):
    """The account page's opportunities panel (loaded with htmx)."""

    path = "/crm/accounts"
    include_in_schema = False
    guards = [signed_in]

    @get("/{account_id:uuid}/opportunities-panel")
    async def opportunities_panel(
        self, ctx: Ctx, request: Request[Any, Any, Any], account_id: FromPath[uuid.UUID]
    ) -> Template:
        """A small table of the account's opportunities and a link to add one (404 if not ours)."""
        account, views = await services.account_opportunities(ctx, account_id)
        return page(
            request,
            "crm/pipeline/_account_panel.html",
            account=account,
            opportunities=views,
            statuses=STATUS_LABELS,
        )


PAGES: list[type[Controller]] = [PipelinePages, AccountOpportunitiesPanel]
NAVIGATION: list[NavItem] = [NavItem(N_("Pipeline"), "/crm/pipeline", module="crm", section=N_("CRM"))]
#: The account page's opportunities panel.
PANELS: list[Panel] = [
    Panel("crm.account", "opportunities", "/crm/accounts/{id}/opportunities-panel", order=20)
]
#: The account timeline's entries: opportunities opened, won and lost.
TIMELINE_SOURCES: list[TimelineSource] = [
    TimelineSource(
        "crm.account", services.opportunity_created_events, {"opportunity_created": N_("Opportunity opened")}
    ),
    TimelineSource(
        "crm.account",
        services.opportunity_closed_events,
        {"opportunity_won": N_("Opportunity won"), "opportunity_lost": N_("Opportunity lost")},
    ),
]
#: The global search's opportunity hits (by name prefix).
SEARCH_PROVIDERS: list[SearchProvider] = [
    SearchProvider("crm.opportunities", N_("Opportunities"), services.search_opportunities)
]
