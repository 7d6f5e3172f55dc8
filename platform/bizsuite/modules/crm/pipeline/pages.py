"""CRM pipeline: web pages and their navigation entries.

The Kanban board (drag a card to another stage: the page posts to the JSON API with the
session's CSRF token and the card's version), the opportunity list with exports, the
opportunity form, the stage admin page and the account page's opportunities panel.
"""

from __future__ import annotations

import uuid
from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import Template

from bizsuite.core.dependencies import Ctx
from bizsuite.core.identity.models import Role
from bizsuite.kit import NavItem, Panel, SearchProvider, TimelineSource
from bizsuite.modules.crm.accounts.services import member_choices
from bizsuite.modules.crm.models import StageKind
from bizsuite.modules.crm.pipeline import services
from bizsuite.modules.crm.pipeline.api import provide_opportunity_filters
from bizsuite.modules.crm.pipeline.schemas import (
    OpportunityCreate,
    OpportunityFilters,
    OpportunityStageMove,
    OpportunityStatus,
    OpportunityUpdate,
    PipelineStageCreate,
    PipelineStageUpdate,
)
from bizsuite.web.exports import every_page, export_response
from bizsuite.web.forms import FormErrors, Submission, form_version, read_form, saved_values
from bizsuite.web.i18n import N_
from bizsuite.web.i18n import gettext as _
from bizsuite.web.pages import Form
from bizsuite.web.support import filtered_by, query_params, redirect, run_action, run_form, signed_in
from bizsuite.web.templating import page

PAGE_SIZE = 25
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
SERVICE_MESSAGES = (
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
    "stage.created": N_("Stage added."),
    "stage.updated": N_("Stage saved."),
    "stage.deleted": N_("Stage deleted."),
}
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
            members=await member_choices(ctx),
            owner=str(owner) if owner else "",
            figures=await services.column_figures(ctx, owner_user_id=owner),
            kinds=KIND_LABELS,
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
        return page(request, "crm/pipeline/_column.html", stage=stage, cards=views, figures=figures)

    # --- list and export ----------------------------------------------------------------------

    @get("/opportunities", **PAGE_FILTERS)
    async def opportunities(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[OpportunityFilters]
    ) -> Template:
        """Every opportunity, newest first, filtered by stage, owner or status."""
        views, next_cursor = await services.list_opportunities(
            ctx, filters, limit=PAGE_SIZE, cursor=request.query_params.get("cursor")
        )
        return page(
            request,
            "crm/pipeline/opportunities.html",
            opportunities=views,
            next_cursor=next_cursor,
            params=query_params(request, "stage_id", "owner_user_id", "status", "account_id", "cursor"),
            filters=request.query_params,
            stages=await services.list_stages(ctx),
            members=await member_choices(ctx),
            statuses=STATUS_LABELS,
        )

    @get("/opportunities/export", **PAGE_FILTERS)
    async def export(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[OpportunityFilters]
    ) -> Response[bytes]:
        """Download the (filtered) opportunities as CSV or XLSX."""
        views = await every_page(
            lambda cursor: services.list_opportunities(ctx, filters, limit=200, cursor=cursor)
        )
        headers = [
            _("Opportunity"),
            _("Account"),
            _("Stage"),
            _("Status"),
            _("Amount"),
            _("Currency"),
            _("Win probability (0–100)"),
            _("Expected value"),
            _("Owner"),
            _("Expected close"),
            _("Closed"),
            _("Reason"),
            _("Created"),
        ]
        rows = [
            (
                v.opportunity.name,
                v.account_name,
                v.stage.name,
                _(STATUS_LABELS[v.status.value]),
                v.opportunity.amount,
                v.opportunity.currency,
                v.stage.probability,
                v.expected_value,
                v.owner_name or "",
                v.opportunity.expected_close.isoformat() if v.opportunity.expected_close else "",
                v.opportunity.closed_at or "",
                v.opportunity.close_reason or "",
                v.opportunity.created_at,
            )
            for v in views
        ]
        return export_response(request.query_params.get("format", "csv"), "opportunities", headers, rows)

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
            values=values,
            errors=errors or FormErrors(),
            conflict=submission.conflict if submission is not None else None,
            accounts=await services.account_choices(ctx),
            stages=await services.list_stages(ctx),
            members=await member_choices(ctx),
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
