"""CRM pipeline: web pages and their navigation entries.

The Kanban board (drag a card to another stage: the page posts to the JSON API with the
session's CSRF token and the card's version), the opportunity list with exports, the
opportunity form, the stage admin page and the account page's opportunities panel.
"""

from __future__ import annotations

import uuid
from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.params import FromPath
from litestar.response import Template

from bizsuite.core.dependencies import Ctx
from bizsuite.core.errors import ProblemError
from bizsuite.core.identity.models import Role
from bizsuite.modules.crm.accounts.services import member_choices
from bizsuite.modules.crm.models import StageKind
from bizsuite.modules.crm.pipeline import services
from bizsuite.modules.crm.pipeline.schemas import (
    OpportunityCreate,
    OpportunityStageMove,
    OpportunityStatus,
    OpportunityUpdate,
    PipelineStageCreate,
    PipelineStageUpdate,
)
from bizsuite.web.exports import every_page, export_response
from bizsuite.web.forms import FormErrors, decode_form, problem_errors
from bizsuite.web.i18n import N_
from bizsuite.web.i18n import gettext as _
from bizsuite.web.pages import Form
from bizsuite.web.support import enum_or_none, query_params, redirect, signed_in, uuid_or_none
from bizsuite.web.templating import NOTICES, NavItem, page

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
NOTICES.update(
    {
        "opportunity.created": N_("Opportunity created."),
        "opportunity.updated": N_("Opportunity saved."),
        "opportunity.moved": N_("Opportunity moved."),
        "opportunity.deleted": N_("Opportunity deleted."),
        "stage.created": N_("Stage added."),
        "stage.updated": N_("Stage saved."),
        "stage.deleted": N_("Stage deleted."),
    }
)
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


def _present(data: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    return {name: data[name] for name in names if data.get(name) is not None}


def _version(data: dict[str, Any]) -> str | None:
    return str(data.get("version", "")) or None


class PipelinePages(Controller):
    """The board, the opportunity list and form, and the stage admin page."""

    path = "/crm/pipeline"
    include_in_schema = False
    guards = [signed_in]

    # --- board --------------------------------------------------------------------------------

    @get()
    async def board(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """One column per stage with its opportunities; drag a card to move it."""
        owner = uuid_or_none(request.query_params.get("owner"))
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

    @get("/columns/{stage_id:uuid}")
    async def column(
        self, ctx: Ctx, request: Request[Any, Any, Any], stage_id: FromPath[uuid.UUID]
    ) -> Template:
        """One column of the board (reloaded after a move or a stale drop)."""
        owner = uuid_or_none(request.query_params.get("owner"))
        stage = await services.get_stage(ctx, stage_id)
        views, _cursor = await services.list_opportunities(
            ctx, services.OpportunityFilters(stage_id=stage.id, owner_user_id=owner), limit=100, cursor=None
        )
        figures = await services.column_figures(ctx, owner_user_id=owner, stage_id=stage.id)
        return page(request, "crm/pipeline/_column.html", stage=stage, cards=views, figures=figures)

    # --- list and export ----------------------------------------------------------------------

    def _filters(self, request: Request[Any, Any, Any]) -> services.OpportunityFilters:
        return services.OpportunityFilters(
            stage_id=uuid_or_none(request.query_params.get("stage_id")),
            owner_user_id=uuid_or_none(request.query_params.get("owner")),
            account_id=uuid_or_none(request.query_params.get("account_id")),
            status=enum_or_none(OpportunityStatus, request.query_params.get("status")),
        )

    @get("/opportunities")
    async def opportunities(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """Every opportunity, newest first, filtered by stage, owner or status."""
        views, next_cursor = await services.list_opportunities(
            ctx, self._filters(request), limit=PAGE_SIZE, cursor=request.query_params.get("cursor")
        )
        return page(
            request,
            "crm/pipeline/opportunities.html",
            opportunities=views,
            next_cursor=next_cursor,
            params=query_params(request, "stage_id", "owner", "status", "account_id", "cursor"),
            filters=request.query_params,
            stages=await services.list_stages(ctx),
            members=await member_choices(ctx),
            statuses=STATUS_LABELS,
        )

    @get("/opportunities/export")
    async def export(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Response[bytes]:
        """Download the (filtered) opportunities as CSV or XLSX."""
        filters = self._filters(request)
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
        values: dict[str, Any] | None = None,
        errors: FormErrors | None = None,
        status_code: int = 200,
    ) -> Template:
        if values is None:
            if view is not None:
                o = view.opportunity
                values = {
                    "account_id": str(o.account_id),
                    "name": o.name,
                    "amount": str(o.amount),
                    "currency": o.currency,
                    "stage_id": str(o.stage_id),
                    "owner_user_id": str(o.owner_user_id or ""),
                    "expected_close": o.expected_close.isoformat() if o.expected_close else "",
                }
            else:
                values = {
                    "account_id": request.query_params.get("account_id", ""),
                    "currency": ctx.tenant.currency,
                    "owner_user_id": str(ctx.principal.user_id or ""),
                }
        return page(
            request,
            "crm/pipeline/opportunity.html",
            status_code=status_code,
            view=view,
            values=values,
            errors=errors or FormErrors(),
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
        values = _present(data, OPPORTUNITY_FIELDS)
        create, errors = decode_form(values, OpportunityCreate)
        if create is not None:
            try:
                view = await services.create_opportunity(ctx, create)
                return redirect(
                    f"/crm/pipeline/opportunities/{view.opportunity.id}", notice="opportunity.created"
                )
            except ProblemError as problem:
                errors = problem_errors(problem)
        return await self._form(ctx, request, values=values, errors=errors, status_code=422)

    @get("/opportunities/{opportunity_id:uuid}")
    async def opportunity(
        self, ctx: Ctx, request: Request[Any, Any, Any], opportunity_id: FromPath[uuid.UUID]
    ) -> Template:
        """One opportunity: its details to edit and its stage."""
        return await self._form(ctx, request, view=await services.get_opportunity(ctx, opportunity_id))

    @post("/opportunities/{opportunity_id:uuid}/edit", opt={"min_role": Role.MEMBER})
    async def edit(
        self, ctx: Ctx, request: Request[Any, Any, Any], opportunity_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Save the form's changes (empty owner or close date clear them)."""
        values = _present(data, EDIT_FIELDS)
        update, errors = decode_form(values, OpportunityUpdate)
        if update is not None:
            if not str(values.get("owner_user_id") or "").strip():
                update.owner_user_id = None
            if not str(values.get("expected_close") or "").strip():
                update.expected_close = None
            try:
                await services.update_opportunity(ctx, opportunity_id, update, _version(data))
                return redirect(f"/crm/pipeline/opportunities/{opportunity_id}", notice="opportunity.updated")
            except ProblemError as problem:
                if problem.status == 404:
                    raise
                if problem.status == 412:
                    return redirect(
                        f"/crm/pipeline/opportunities/{opportunity_id}", notice="error.precondition-failed"
                    )
                errors = problem_errors(problem)
        view = await services.get_opportunity(ctx, opportunity_id)
        values = {**values, "stage_id": str(view.stage.id)}
        return await self._form(ctx, request, view=view, values=values, errors=errors, status_code=422)

    @post("/opportunities/{opportunity_id:uuid}/stage", opt={"min_role": Role.MEMBER})
    async def move(
        self, ctx: Ctx, request: Request[Any, Any, Any], opportunity_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Move to another stage from the form (the board does the same by drag and drop)."""
        move, errors = decode_form(_present(data, ("stage_id", "reason")), OpportunityStageMove)
        if move is not None:
            try:
                await services.move_stage(ctx, opportunity_id, move, _version(data))
                return redirect(f"/crm/pipeline/opportunities/{opportunity_id}", notice="opportunity.moved")
            except ProblemError as problem:
                if problem.status == 404:
                    raise
                if problem.status == 412:
                    return redirect(
                        f"/crm/pipeline/opportunities/{opportunity_id}", notice="error.precondition-failed"
                    )
                errors = problem_errors(problem)
        view = await services.get_opportunity(ctx, opportunity_id)
        return await self._form(
            ctx,
            request,
            view=view,
            errors=FormErrors({f"move_{k}": v for k, v in errors.items()}),
            status_code=422,
        )

    @post("/opportunities/{opportunity_id:uuid}/delete", opt={"min_role": Role.MEMBER})
    async def delete(self, ctx: Ctx, opportunity_id: FromPath[uuid.UUID], data: Form) -> Response[Any]:
        """Delete an opportunity entered by mistake."""
        try:
            await services.delete_opportunity(ctx, opportunity_id, _version(data))
        except ProblemError as problem:
            if problem.status == 404:
                raise
            return redirect(f"/crm/pipeline/opportunities/{opportunity_id}", notice=f"error.{problem.slug}")
        return redirect("/crm/pipeline/opportunities", notice="opportunity.deleted")

    # --- stages (admins) ----------------------------------------------------------------------

    async def _stages_page(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        *,
        errors: FormErrors | None = None,
        values: dict[str, Any] | None = None,
        failed: str | None = None,
        status_code: int = 200,
    ) -> Template:
        return page(
            request,
            "crm/pipeline/stages.html",
            status_code=status_code,
            stages=await services.list_stages(ctx),
            kinds=KIND_LABELS,
            errors=errors or FormErrors(),
            values=values or {},
            failed=failed,
        )

    @get("/stages", opt={"min_role": Role.ADMIN})
    async def stages(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """The pipeline's stages: names, probabilities, kinds and order."""
        return await self._stages_page(ctx, request)

    @post("/stages", opt={"min_role": Role.ADMIN})
    async def create_stage(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Add a stage."""
        values = _present(data, STAGE_FIELDS)
        create, errors = decode_form(values, PipelineStageCreate)
        if create is not None:
            try:
                await services.create_stage(ctx, create)
                return redirect("/crm/pipeline/stages", notice="stage.created")
            except ProblemError as problem:
                errors = problem_errors(problem)
        return await self._stages_page(
            ctx, request, errors=errors, values=values, failed="new", status_code=422
        )

    @post("/stages/{stage_id:uuid}/edit", opt={"min_role": Role.ADMIN})
    async def edit_stage(
        self, ctx: Ctx, request: Request[Any, Any, Any], stage_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Rename a stage, change its probability, kind or place."""
        values = _present(data, STAGE_FIELDS)
        update, errors = decode_form(values, PipelineStageUpdate)
        if update is not None:
            try:
                await services.update_stage(ctx, stage_id, update, _version(data))
                return redirect("/crm/pipeline/stages", notice="stage.updated")
            except ProblemError as problem:
                if problem.status == 404:
                    raise
                if problem.status == 412:
                    return redirect("/crm/pipeline/stages", notice="error.precondition-failed")
                errors = problem_errors(problem)
        return await self._stages_page(
            ctx, request, errors=errors, values=values, failed=str(stage_id), status_code=422
        )

    @post("/stages/{stage_id:uuid}/delete", opt={"min_role": Role.ADMIN})
    async def delete_stage(self, ctx: Ctx, stage_id: FromPath[uuid.UUID], data: Form) -> Response[Any]:
        """Delete an empty stage."""
        try:
            await services.delete_stage(ctx, stage_id, _version(data))
        except ProblemError as problem:
            if problem.status == 404:
                raise
            return redirect("/crm/pipeline/stages", notice=f"error.{problem.slug}")
        return redirect("/crm/pipeline/stages", notice="stage.deleted")


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
