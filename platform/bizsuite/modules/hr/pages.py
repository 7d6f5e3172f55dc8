"""HR pages: positions (list, define, a position's page with its paths, holders and description
versions), job descriptions (duties with their four-level standards, requirements, submit,
revise, print), employees (list, add, a person's assignment history and appraisals), the org chart
and headcount, job analyses, and appraisals (cycles, the appraisal form, the calibration)."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import AsyncIterator
from functools import partial
from typing import Any

from litestar import Controller, HttpMethod, Request, Response, get, post, route
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import Redirect, Template
from sqlalchemy import select

from bizsuite.core.context import Context
from bizsuite.core.dependencies import Ctx
from bizsuite.core.errors import ConflictProblem, FieldError, ForbiddenProblem, ProblemError
from bizsuite.core.identity.members import member_choices
from bizsuite.core.identity.models import Role
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.core.views.services import list_saved_views
from bizsuite.kit import LinkTarget, NavItem, SearchProvider
from bizsuite.modules.hr import rules, services
from bizsuite.modules.hr.api import cycle_filters, employee_filters, position_filters
from bizsuite.modules.hr.models import (
    AppraisalLevel,
    CycleStatus,
    DescriptionStatus,
    PositionCategory,
    RaterRole,
    ScoreRater,
)
from bizsuite.modules.hr.rules import LEVELS, PROTECTED
from bizsuite.modules.hr.schemas import (
    Ability,
    AppraisalCycleCreate,
    AppraisalCycleFilters,
    AppraisalCycleMove,
    AssignmentCreate,
    AssignmentEnd,
    CampaignCreate,
    DutyCreate,
    EmployeeCreate,
    EmployeeFilters,
    EmployeeUpdate,
    FinalLevelChange,
    JobDescriptionCreate,
    JobDescriptionFilters,
    JobDescriptionUpdate,
    PersonalDataUpdate,
    PositionCreate,
    PositionFilters,
    PositionPathsUpdate,
    PositionUpdate,
    RaterInput,
    RatingInput,
    RatingsUpdate,
    ScoreInput,
    ScoresUpdate,
)
from bizsuite.web.exports import export_view
from bizsuite.web.forms import FormErrors, Submission, form_context, read_form, saved_values
from bizsuite.web.i18n import N_
from bizsuite.web.i18n import gettext as _
from bizsuite.web.lists import ListState, list_context, list_export, list_export_source, list_state
from bizsuite.web.pages import Form
from bizsuite.web.support import (
    filtered_by,
    query_as_sent,
    redirect,
    run_action,
    run_form,
    savepoint,
    signed_in,
)
from bizsuite.web.templating import page

PAGE_SIZE = 50
CHOICES = 500
SECTION = N_("HR")

POSITION_FIELDS = (
    "code", "title", "category", "org_unit_id", "reports_to_id", "headcount", "pay_grade", "pay_level", "notes",
)  # fmt: skip
PATH_FIELDS = ("promotes_to", "lateral", "can_fill")
DESCRIPTION_FIELDS = (
    "summary", "min_education", "professional_title", "training", "certificates", "experience",
    "leadership", "management",
)  # fmt: skip
DUTY_FIELDS = ("content", "function", "excellent", "good", "fair", "poor", "weight")
EMPLOYEE_FIELDS = ("number", "name", "org_unit_id", "email", "phone", "hired_on", "notes")
EMPLOYEE_EDIT_FIELDS = (*EMPLOYEE_FIELDS, "left_on")
PERSONAL_FIELDS = rules.PERSONAL_FIELDS
ASSIGNMENT_FIELDS = ("position_id", "starts_on", "ends_on", "note")

CATEGORY_LABELS = {
    PositionCategory.MANAGEMENT: N_("Managerial"),
    PositionCategory.PROFESSIONAL: N_("Professional"),
    PositionCategory.TECHNICAL: N_("Technical"),
    PositionCategory.SALES: N_("Sales and marketing"),
    PositionCategory.OPERATIONS: N_("Store and operations"),
    PositionCategory.SUPPORT: N_("Support services"),
}
DESCRIPTION_STATUS_LABELS = {
    DescriptionStatus.DRAFT: N_("Draft"),
    DescriptionStatus.IN_APPROVAL: N_("In approval"),
    DescriptionStatus.APPROVED: N_("Approved (in force)"),
    DescriptionStatus.SUPERSEDED: N_("Superseded"),
}
LEVEL_LABELS = {
    "excellent": N_("Excellent (优)"),
    "good": N_("Good (良)"),
    "fair": N_("Fair (可)"),
    "poor": N_("Poor (差)"),
}
CHARACTERISTIC_LABELS = {
    "gender": N_("Gender"),
    "age": N_("Age"),
    "height": N_("Height"),
    "physique": N_("Physique"),
    "marital_status": N_("Marital status"),
}
DIMENSION_LABELS = {
    "information_input": N_("Information input"),
    "mental_processes": N_("Mental processes"),
    "interpersonal": N_("Interpersonal activities"),
    "work_context": N_("Work context"),
    "other_aspects": N_("Other aspects"),
    "criticality": N_("Criticality"),
}
PERSONAL_ACCESS_LABELS = {
    "hr": N_("You see it as HR."),
    "self": N_("You see it because this is your own record."),
    "line_manager": N_("You see it as one of the employee's line managers."),
}
RATER_ROLE_LABELS = {"incumbent": N_("Incumbent"), "manager": N_("Line manager")}
SCALE_LABELS = {"need": N_("Need"), "importance": N_("Importance"), "contribution": N_("Contribution")}
FIELD_LABELS = {
    "summary": N_("Job summary"),
    "min_education": N_("Minimum education"),
    "professional_title": N_("Professional title"),
    "training": N_("Training"),
    "certificates": N_("Certificates"),
    "experience": N_("Experience"),
    "abilities": N_("Abilities and levels"),
    "leadership": N_("Leadership"),
    "management": N_("Management requirements"),
}


CYCLE_FIELDS = ("name", "starts_on", "ends_on", "org_unit_id")
CYCLE_STATUS_LABELS = {
    CycleStatus.DRAFT: N_("Draft"),
    CycleStatus.OPEN: N_("Open for scores"),
    CycleStatus.CLOSED: N_("Closed"),
}
#: The button that moves a cycle to each status.
CYCLE_MOVE_LABELS = {"open": N_("Open the cycle"), "closed": N_("Close the cycle (locks the scores)")}
OUTLIER_LABELS = {
    "self_gap": N_("Self and manager far apart"),
    "spread": N_("Far from the cycle's mean"),
}
APPRAISAL_ACCESS_LABELS = {
    "hr": N_("You see it as HR."),
    "self": N_("You see it because it is your own appraisal."),
    "line_manager": N_("You see it as one of the employee's line managers."),
}


def _labels() -> dict[str, Any]:
    return {
        "cycle_status_labels": CYCLE_STATUS_LABELS,
        "cycle_move_labels": CYCLE_MOVE_LABELS,
        "outlier_labels": OUTLIER_LABELS,
        "category_labels": CATEGORY_LABELS,
        "category_choices": [(key.value, _(label)) for key, label in CATEGORY_LABELS.items()],
        "description_status_labels": DESCRIPTION_STATUS_LABELS,
        "level_labels": LEVEL_LABELS,
        "levels": LEVELS,
        "characteristic_labels": CHARACTERISTIC_LABELS,
        "protected": PROTECTED,
        "field_labels": FIELD_LABELS,
        "dimension_labels": DIMENSION_LABELS,
        "rater_role_labels": RATER_ROLE_LABELS,
        "scale_labels": SCALE_LABELS,
    }


def _translated(problem: ProblemError) -> ProblemError:
    """An HR problem whose message names things, in the user's language."""
    if isinstance(problem, services.PathLoopProblem):
        message = _("This would make a loop: %(loop)s", loop=" → ".join(problem.loop))
        field = problem.errors[0].field if problem.errors else "promotes_to"
        return ConflictProblem(message, errors=[FieldError(field=field, message=message)])
    return problem


_in_savepoint = partial(savepoint, translate=_translated)


async def _org_units(ctx: Context) -> list[tuple[str, str]]:
    rows = await ctx.session.execute(select(OrgUnit.id, OrgUnit.name).order_by(OrgUnit.name).limit(CHOICES))
    return [(str(i), n) for i, n in rows]


async def _positions(ctx: Context) -> list[tuple[str, str]]:
    return [(str(p.id), f"{p.code} {p.title}") for p in await services.position_choices(ctx)]


def _abilities(text: str) -> tuple[list[Ability], str | None]:
    """Abilities typed one a line, ``name level`` (``沟通协调能力 4``); an error names the bad line."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        name, _sep, level = line.rpartition(" ")
        if not name.strip() or not level.isdigit() or not 1 <= int(level) <= 5:
            return [], _("Line %(line)s: write the ability, a space and its level from 1 to 5.", line=number)
        found.append(Ability(name=name.strip()[:200], level=int(level)))
    return found, None


# --- positions ------------------------------------------------------------------------------


@list_export_source(
    "positions",
    module=__name__,
    spec=services.POSITION_LIST,
    filters=PositionFilters,
    sheet=lambda: _("Positions"),
)
async def position_export(
    ctx: Context, filters: PositionFilters, state: ListState
) -> AsyncIterator[list[dict[str, Any]]]:
    """The view's positions, 500 at a time, cells by column key."""
    cursor: str | None = None
    while True:
        listed, _total = await services.position_list(
            ctx, filters, dataclasses.replace(state, cursor=cursor), limit=500
        )
        yield [
            {
                "code": p.code,
                "title": p.title,
                "category": _(CATEGORY_LABELS[p.category]),
                "org_unit": p.org_unit_name,
                "pay_grade": p.pay_grade or "",
                "headcount": p.staffing.headcount,
                "filled": p.staffing.filled,
                "vacancies": p.staffing.vacancies,
                "created_at": p.created_at,
            }
            for p in listed.items
        ]
        if (cursor := listed.next_cursor) is None:
            return


class PositionPages(Controller):
    """The positions list, defining a position, a position's page and its actions."""

    path = "/hr/positions"
    include_in_schema = False
    guards = [signed_in]

    @get(**filtered_by(position_filters))
    async def positions(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[PositionFilters]
    ) -> Template:
        """The positions list: search, filters, sortable columns, count, groups, saved views, export."""
        sent = query_as_sent(request)
        state = list_state(services.POSITION_LIST, sent)
        listed, total = await services.position_list(ctx, filters, state, limit=PAGE_SIZE, count=True)
        views, _next = await list_saved_views(ctx, services.POSITION_LIST.key, limit=100, cursor=None)
        units = await _org_units(ctx)
        groups = await services.position_groups(ctx, filters, state)
        if state.group == "category":
            labels = {g.value: _(CATEGORY_LABELS[PositionCategory(g.value)]) for g in groups if g.value}
        else:
            names = dict(units)
            labels = {g.value: names.get(g.value, "") for g in groups}
        return page(
            request,
            "hr/positions/list.html",
            items=listed.items,
            filters=filters,
            org_units=units,
            **list_context(
                services.POSITION_LIST,
                state,
                sent,
                listed,
                total=total,
                groups=groups,
                group_labels=labels,
                views=views,
            ),
            **_labels(),
        )

    @route(
        "/export",
        http_method=[HttpMethod.GET, HttpMethod.POST],
        status_code=200,
        **filtered_by(position_filters),
    )
    async def export(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[PositionFilters]
    ) -> Response[Any]:
        """Download the list's current view as CSV or XLSX (a background job beyond the inline limit)."""
        return await export_view(
            ctx,
            request,
            position_export,
            list_export(services.POSITION_LIST, query_as_sent(request), filters),
        )

    async def _new(
        self, ctx: Ctx, request: Request[Any, Any, Any], form: Submission[Any] | None = None
    ) -> Template:
        return page(
            request,
            "hr/positions/new.html",
            status_code=form.status_code if form else 200,
            org_units=await _org_units(ctx),
            positions=await _positions(ctx),
            **form_context(form, "position"),
            **_labels(),
        )

    @get("/new")
    async def new(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """The form to define a position."""
        return await self._new(ctx, request)

    @post(opt={"min_role": Role.MEMBER})
    async def create(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Define a position and open its page."""

        async def again(form: Submission[PositionCreate]) -> Template:
            return await self._new(ctx, request, form)

        return await run_form(
            read_form(data, PositionCreate, POSITION_FIELDS),
            lambda body, _v: _in_savepoint(ctx, services.create_position(ctx, body)),
            done=lambda p: redirect(f"/hr/positions/{p.id}", notice="hr.position.created"),
            again=again,
        )

    async def _detail(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        position_id: uuid.UUID,
        form: Submission[Any] | None = None,
        form_name: str = "",
    ) -> Template:
        position = await services.get_position(ctx, position_id)
        descriptions, _next = await services.list_descriptions(
            ctx, JobDescriptionFilters(position_id=position.id), limit=100, cursor=None
        )
        edit_values = saved_values(position, POSITION_FIELDS)
        campaigns, _more = await services.list_campaigns(ctx, position.id, limit=20, cursor=None)
        return page(
            request,
            "hr/positions/detail.html",
            campaigns=campaigns,
            status_code=form.status_code if form else 200,
            position=position,
            descriptions=descriptions,
            open_version=next((d for d in descriptions if d.status.value in ("draft", "in_approval")), None),
            org_units=await _org_units(ctx),
            positions=[p for p in await _positions(ctx) if p[0] != str(position.id)],
            edit_values=form.values if form and form_name == "edit" else edit_values,
            **form_context(form, form_name),
            **_labels(),
        )

    @get("/{position_id:uuid}")
    async def position(
        self, ctx: Ctx, request: Request[Any, Any, Any], position_id: FromPath[uuid.UUID]
    ) -> Template:
        """A position's page: facts, staffing, holders, paths, job description versions, chatter."""
        return await self._detail(ctx, request, position_id)

    @post("/{position_id:uuid}/edit", opt={"min_role": Role.MEMBER})
    async def edit(
        self, ctx: Ctx, request: Request[Any, Any, Any], position_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Save the position."""

        async def again(form: Submission[PositionUpdate]) -> Template:
            return await self._detail(ctx, request, position_id, form, "edit")

        async def current() -> dict[str, Any]:
            return saved_values(await services.get_position(ctx, position_id), POSITION_FIELDS)

        return await run_form(
            read_form(
                data,
                PositionUpdate,
                POSITION_FIELDS,
                update=True,
                required=("code", "title", "category", "org_unit_id", "headcount"),
            ),
            lambda body, version: _in_savepoint(
                ctx, services.update_position(ctx, position_id, body, version)
            ),
            done=lambda p: redirect(f"/hr/positions/{p.id}", notice="hr.position.updated"),
            again=again,
            saved=current,
        )

    @post("/{position_id:uuid}/paths", opt={"min_role": Role.MEMBER})
    async def paths(
        self, ctx: Ctx, request: Request[Any, Any, Any], position_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Save the position's promotion paths, lateral moves and other positions it can fill."""

        async def again(form: Submission[PositionPathsUpdate]) -> Template:
            return await self._detail(ctx, request, position_id, form, "paths")

        return await run_form(
            read_form(data, PositionPathsUpdate, PATH_FIELDS, lists=PATH_FIELDS),
            lambda body, version: _in_savepoint(ctx, services.set_paths(ctx, position_id, body, version)),
            done=lambda p: redirect(f"/hr/positions/{p.id}", notice="hr.position.paths_changed"),
            again=again,
        )

    @post("/{position_id:uuid}/delete", opt={"min_role": Role.MEMBER})
    async def delete(self, ctx: Ctx, position_id: FromPath[uuid.UUID], data: Form) -> Response[Any]:
        """Delete the position (only one never used)."""
        return await run_action(
            lambda: savepoint(ctx, services.delete_position(ctx, position_id, data.get("version"))),
            back=f"/hr/positions/{position_id}",
            done="/hr/positions",
            notice="hr.position.deleted",
            problems={409: "hr.position.in_use"},
        )

    @post("/{position_id:uuid}/campaigns", opt={"min_role": Role.MEMBER})
    async def start_analysis(
        self, ctx: Ctx, request: Request[Any, Any, Any], position_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Start a job-analysis campaign: raters typed one name a line, incumbents and managers."""
        raters = [
            {"name": name.strip(), "role": role}
            for role in ("incumbent", "manager")
            for name in str(data.get(f"{role}s") or "").splitlines()
            if name.strip()
        ]
        values = {
            "title": str(data.get("title") or "").strip(),
            "position_id": str(position_id),
            "raters": raters,
        }
        for name in ("due_on", "remind_days"):
            if data.get(name):
                values[name] = str(data.get(name))
        submission = read_form(values, CampaignCreate, ("title", "position_id", "due_on", "remind_days"))
        submission.values.update(incumbents=data.get("incumbents") or "", managers=data.get("managers") or "")
        if submission.body is not None:
            # A line naming an employee (number or name) rates as them: their sign-in is invited.
            found = await services.match_employees(ctx, [r["name"] for r in raters])
            submission.body.raters = [
                RaterInput(
                    name=(found[r["name"]][1] if r["name"] in found else r["name"])[:200],
                    role=RaterRole(r["role"]),
                    employee_id=found[r["name"]][0] if r["name"] in found else None,
                )
                for r in raters
            ]

        async def again(form: Submission[CampaignCreate]) -> Template:
            return await self._detail(ctx, request, position_id, form, "campaign")

        return await run_form(
            submission,
            lambda body, _v: _in_savepoint(ctx, services.create_campaign(ctx, body)),
            done=lambda c: redirect(f"/hr/campaigns/{c.id}", notice="hr.campaign.created"),
            again=again,
        )

    @post("/{position_id:uuid}/descriptions", opt={"min_role": Role.MEMBER})
    async def describe(self, ctx: Ctx, position_id: FromPath[uuid.UUID]) -> Response[Any]:
        """Start the position's next job description version (a copy of the latest, if any)."""
        latest, _next = await services.list_descriptions(
            ctx, JobDescriptionFilters(position_id=position_id), limit=1, cursor=None
        )
        try:
            if latest:
                made = await savepoint(ctx, services.revise_description(ctx, latest[0].id))
            else:
                made = await savepoint(
                    ctx, services.create_description(ctx, JobDescriptionCreate(position_id=position_id))
                )
        except ProblemError as problem:
            if problem.status == 404:
                raise
            return redirect(f"/hr/positions/{position_id}", notice="hr.job_description.open")
        return redirect(f"/hr/job-descriptions/{made.id}", notice="hr.job_description.created")


# --- job descriptions -----------------------------------------------------------------------


class DescriptionPages(Controller):
    """A job description version: duties, requirements, submit, revise, print."""

    path = "/hr/job-descriptions"
    include_in_schema = False
    guards = [signed_in]

    @get()
    async def descriptions(self, request: Request[Any, Any, Any]) -> Redirect:
        """Job descriptions live on their positions' pages."""
        return redirect("/hr/positions")

    async def _detail(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        description_id: uuid.UUID,
        form: Submission[Any] | None = None,
        form_name: str = "",
    ) -> Template:
        description = await services.get_description(ctx, description_id)
        values = saved_values(description, DESCRIPTION_FIELDS)
        values["abilities"] = "\n".join(f"{a.name} {a.level}" for a in description.abilities)
        return page(
            request,
            "hr/descriptions/detail.html",
            status_code=form.status_code if form else 200,
            description=description,
            position=await services.get_position(ctx, description.position_id),
            edit_values=form.values if form and form_name == "edit" else values,
            **form_context(form, form_name),
            **_labels(),
        )

    @get("/{job_description_id:uuid}")
    async def description(
        self, ctx: Ctx, request: Request[Any, Any, Any], job_description_id: FromPath[uuid.UUID]
    ) -> Template:
        """The version's page."""
        return await self._detail(ctx, request, job_description_id)

    @get("/{job_description_id:uuid}/print")
    async def printable(
        self, ctx: Ctx, request: Request[Any, Any, Any], job_description_id: FromPath[uuid.UUID]
    ) -> Template:
        """The job description as a printable document (职务说明书)."""
        description = await services.get_description(ctx, job_description_id)
        return page(
            request,
            "hr/descriptions/print.html",
            description=description,
            position=await services.get_position(ctx, description.position_id),
            **_labels(),
        )

    @post("/{job_description_id:uuid}/edit", opt={"min_role": Role.MEMBER})
    async def edit(
        self, ctx: Ctx, request: Request[Any, Any, Any], job_description_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Save a draft's summary and requirements (abilities one a line: name and level)."""
        submission = read_form(data, JobDescriptionUpdate, DESCRIPTION_FIELDS, update=True)
        abilities, problem = _abilities(str(data.get("abilities") or ""))
        submission.values["abilities"] = str(data.get("abilities") or "")
        if problem is not None:
            submission.errors["abilities"] = problem
            submission.body = None
        elif submission.body is not None:
            submission.body.abilities = abilities

        async def again(form: Submission[JobDescriptionUpdate]) -> Template:
            return await self._detail(ctx, request, job_description_id, form, "edit")

        return await run_form(
            submission,
            lambda body, version: _in_savepoint(
                ctx, services.update_description(ctx, job_description_id, body, version)
            ),
            done=lambda d: redirect(f"/hr/job-descriptions/{d.id}", notice="hr.job_description.updated"),
            again=again,
            back=f"/hr/job-descriptions/{job_description_id}",
        )

    @post("/{job_description_id:uuid}/duties", opt={"min_role": Role.MEMBER})
    async def add_duty(
        self, ctx: Ctx, request: Request[Any, Any, Any], job_description_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Add a duty item with its four-level standard."""

        async def again(form: Submission[DutyCreate]) -> Template:
            return await self._detail(ctx, request, job_description_id, form, "duty")

        return await run_form(
            read_form(data, DutyCreate, DUTY_FIELDS),
            lambda body, version: _in_savepoint(
                ctx, services.add_duty(ctx, job_description_id, body, version)
            ),
            done=lambda d: redirect(f"/hr/job-descriptions/{d.id}", notice="hr.duty.created"),
            again=again,
            back=f"/hr/job-descriptions/{job_description_id}",
        )

    @post("/{job_description_id:uuid}/duties/{duty_id:uuid}/delete", opt={"min_role": Role.MEMBER})
    async def delete_duty(
        self, ctx: Ctx, job_description_id: FromPath[uuid.UUID], duty_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Remove a duty item (the others are renumbered)."""
        return await run_action(
            lambda: savepoint(
                ctx, services.delete_duty(ctx, job_description_id, duty_id, data.get("version"))
            ),
            back=f"/hr/job-descriptions/{job_description_id}",
            notice="hr.duty.deleted",
        )

    @post("/{job_description_id:uuid}/submit", opt={"min_role": Role.MEMBER})
    async def submit(self, ctx: Ctx, job_description_id: FromPath[uuid.UUID], data: Form) -> Response[Any]:
        """Submit the draft for approval."""
        return await run_action(
            lambda: savepoint(ctx, services.submit_description(ctx, job_description_id, data.get("version"))),
            back=f"/hr/job-descriptions/{job_description_id}",
            notice="hr.job_description.submitted",
            problems={409: "hr.job_description.no_duties", 422: "hr.job_description.no_flow"},
        )


# --- employees ------------------------------------------------------------------------------


@list_export_source(
    "employees",
    module=__name__,
    spec=services.EMPLOYEE_LIST,
    filters=EmployeeFilters,
    sheet=lambda: _("Employees"),
)
async def employee_export(
    ctx: Context, filters: EmployeeFilters, state: ListState
) -> AsyncIterator[list[dict[str, Any]]]:
    """The view's employees, 500 at a time, cells by column key."""
    cursor: str | None = None
    while True:
        listed, _total = await services.employee_list(
            ctx, filters, dataclasses.replace(state, cursor=cursor), limit=500
        )
        yield [
            {
                "number": e.number,
                "name": e.name,
                "org_unit": e.org_unit_name or "",
                "position": (
                    f"{e.current_position.code} {e.current_position.title}" if e.current_position else ""
                ),
                "hired_on": e.hired_on,
                "left_on": e.left_on,
                "email": e.email or "",
                "phone": e.phone or "",
                "created_at": e.created_at,
            }
            for e in listed.items
        ]
        if (cursor := listed.next_cursor) is None:
            return


class EmployeePages(Controller):
    """Employees: list, add, a person's page with their assignment history."""

    path = "/hr/employees"
    include_in_schema = False
    guards = [signed_in]

    async def _list(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        filters: EmployeeFilters,
        form: Submission[Any] | None = None,
    ) -> Template:
        sent = query_as_sent(request)
        state = list_state(services.EMPLOYEE_LIST, sent)
        listed, total = await services.employee_list(ctx, filters, state, limit=PAGE_SIZE, count=True)
        views, _next = await list_saved_views(ctx, services.EMPLOYEE_LIST.key, limit=100, cursor=None)
        units = await _org_units(ctx)
        groups = await services.employee_groups(ctx, filters, state)
        names = dict(units) if state.group == "org_unit" else dict(await _positions(ctx))
        return page(
            request,
            "hr/employees/list.html",
            status_code=form.status_code if form else 200,
            items=listed.items,
            filters=filters,
            org_units=units,
            **list_context(
                services.EMPLOYEE_LIST,
                state,
                sent,
                listed,
                total=total,
                groups=groups,
                group_labels={g.value: names.get(g.value, "") for g in groups},
                views=views,
            ),
            **form_context(form, "employee"),
        )

    @get(**filtered_by(employee_filters))
    async def employees(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[EmployeeFilters]
    ) -> Template:
        """The employees list (search, org unit, sortable columns, count, groups, saved views,
        export) and the form to add one."""
        return await self._list(ctx, request, filters)

    @route(
        "/export",
        http_method=[HttpMethod.GET, HttpMethod.POST],
        status_code=200,
        **filtered_by(employee_filters),
    )
    async def export(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[EmployeeFilters]
    ) -> Response[Any]:
        """Download the list's current view as CSV or XLSX (a background job beyond the inline limit)."""
        return await export_view(
            ctx,
            request,
            employee_export,
            list_export(services.EMPLOYEE_LIST, query_as_sent(request), filters),
        )

    @post(opt={"min_role": Role.MEMBER})
    async def create(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Add an employee and open their page."""

        async def again(form: Submission[EmployeeCreate]) -> Template:
            return await self._list(ctx, request, EmployeeFilters(), form)

        return await run_form(
            read_form(data, EmployeeCreate, EMPLOYEE_FIELDS),
            lambda body, _v: _in_savepoint(ctx, services.create_employee(ctx, body)),
            done=lambda e: redirect(f"/hr/employees/{e.id}", notice="hr.employee.created"),
            again=again,
        )

    async def _detail(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        employee_id: uuid.UUID,
        form: Submission[Any] | None = None,
        form_name: str = "",
    ) -> Template:
        employee = await services.get_employee(ctx, employee_id)
        hr = services.is_hr(ctx)
        personal_values: dict[str, Any] = {}
        if form and form_name == "personal":
            personal_values = form.values
        elif employee.personal is not None:
            personal_values = saved_values(employee.personal, PERSONAL_FIELDS)
            personal_values["user_id"] = str(employee.user_id) if employee.user_id else ""
        return page(
            request,
            "hr/employees/detail.html",
            status_code=form.status_code if form else 200,
            employee=employee,
            assignments=await services.list_assignments(ctx, employee.id),
            org_units=await _org_units(ctx),
            positions=await _positions(ctx),
            edit_values=form.values
            if form and form_name == "edit"
            else saved_values(employee, EMPLOYEE_EDIT_FIELDS),
            today=services.today(ctx),
            is_hr=hr,
            members=await member_choices(ctx, selected=[personal_values.get("user_id")]) if hr else None,
            personal_values=personal_values,
            personal_access_labels=PERSONAL_ACCESS_LABELS,
            appraisals=await _appraisal_history(ctx, employee.id),
            level_labels=LEVEL_LABELS,
            **form_context(form, form_name),
        )

    @get("/{employee_id:uuid}")
    async def employee(
        self, ctx: Ctx, request: Request[Any, Any, Any], employee_id: FromPath[uuid.UUID]
    ) -> Template:
        """An employee's page: details, the position held, the history of assignments."""
        return await self._detail(ctx, request, employee_id)

    @post("/{employee_id:uuid}/edit", opt={"min_role": Role.MEMBER})
    async def edit(
        self, ctx: Ctx, request: Request[Any, Any, Any], employee_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Save the employee."""

        async def again(form: Submission[EmployeeUpdate]) -> Template:
            return await self._detail(ctx, request, employee_id, form, "edit")

        async def current() -> dict[str, Any]:
            return saved_values(await services.get_employee(ctx, employee_id), EMPLOYEE_EDIT_FIELDS)

        return await run_form(
            read_form(data, EmployeeUpdate, EMPLOYEE_EDIT_FIELDS, update=True, required=("number", "name")),
            lambda body, version: _in_savepoint(
                ctx, services.update_employee(ctx, employee_id, body, version)
            ),
            done=lambda e: redirect(f"/hr/employees/{e.id}", notice="hr.employee.updated"),
            again=again,
            saved=current,
        )

    @post("/{employee_id:uuid}/personal", opt={"min_role": Role.ADMIN})
    async def personal(
        self, ctx: Ctx, request: Request[Any, Any, Any], employee_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Save the personal data and the employee's own sign-in (HR: owners and admins)."""
        read = read_form(data, PersonalDataUpdate, PERSONAL_FIELDS, update=True)
        linked = read_form(data, EmployeeUpdate, ("user_id",), update=True)
        submission: Submission[EmployeeUpdate] = Submission(
            values={**read.values, **linked.values},
            body=None,
            errors=FormErrors({**read.errors, **linked.errors}),
            version=read.version,
        )
        if read.body is not None and linked.body is not None:
            submission.body = EmployeeUpdate(personal=read.body, user_id=linked.body.user_id)

        async def again(form: Submission[EmployeeUpdate]) -> Template:
            return await self._detail(ctx, request, employee_id, form, "personal")

        async def current() -> dict[str, Any]:
            saved = await services.get_employee(ctx, employee_id)
            return saved_values(saved.personal, PERSONAL_FIELDS) if saved.personal else {}

        return await run_form(
            submission,
            lambda body, version: _in_savepoint(
                ctx, services.update_employee(ctx, employee_id, body, version)
            ),
            done=lambda e: redirect(f"/hr/employees/{e.id}", notice="hr.employee.updated"),
            again=again,
            saved=current,
        )

    @post("/{employee_id:uuid}/assignments", opt={"min_role": Role.MEMBER})
    async def assign(
        self, ctx: Ctx, request: Request[Any, Any, Any], employee_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Assign the employee to a position from a day."""

        async def again(form: Submission[AssignmentCreate]) -> Template:
            return await self._detail(ctx, request, employee_id, form, "assign")

        return await run_form(
            read_form(data, AssignmentCreate, ASSIGNMENT_FIELDS),
            lambda body, _v: _in_savepoint(ctx, services.assign(ctx, employee_id, body)),
            done=lambda a: redirect(f"/hr/employees/{employee_id}", notice="hr.assignment.created"),
            again=again,
        )

    @post("/{employee_id:uuid}/assignments/{assignment_id:uuid}/close", opt={"min_role": Role.MEMBER})
    async def close(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        employee_id: FromPath[uuid.UUID],
        assignment_id: FromPath[uuid.UUID],
        data: Form,
    ) -> Response[Any]:
        """End an assignment on a day."""

        async def again(form: Submission[AssignmentEnd]) -> Template:
            return await self._detail(ctx, request, employee_id, form, f"close-{assignment_id}")

        return await run_form(
            read_form(data, AssignmentEnd, ("ends_on",)),
            lambda body, _v: _in_savepoint(
                ctx, services.end_assignment(ctx, employee_id, assignment_id, body)
            ),
            done=lambda a: redirect(f"/hr/employees/{employee_id}", notice="hr.assignment.ended"),
            again=again,
        )


async def _appraisal_history(ctx: Context, employee_id: uuid.UUID) -> list[Any] | None:
    """The employee's appraisals over the cycles, or None when the caller may not see them."""
    try:
        return await services.employee_appraisals(ctx, employee_id)
    except ForbiddenProblem:
        return None


# --- job analysis --------------------------------------------------------------------------


async def _answers(ctx: Context, data: Form) -> tuple[list[RatingInput], str | None]:
    """A questionnaire form's answers (items left empty are not rated), or why they are not valid."""
    answers = []
    for question in await services.list_questions(ctx):
        picked = [
            str(data.get(f"{scale}-{question.id}") or "") for scale in ("need", "importance", "contribution")
        ]
        if not any(picked):
            continue
        if not all(v in ("1", "2", "3", "4", "5") for v in picked):
            return [], _("Rate %(code)s on all three scales, from 1 to 5.", code=question.code)
        need, importance, contribution = (int(v) for v in picked)
        answers.append(
            RatingInput(question_id=question.id, need=need, importance=importance, contribution=contribution)
        )
    return answers, None


class CampaignPages(Controller):
    """A job-analysis campaign: its raters and their answers, and the results."""

    path = "/hr/campaigns"
    include_in_schema = False
    guards = [signed_in]

    @get()
    async def campaigns(self) -> Redirect:
        """Campaigns live on their positions' pages."""
        return redirect("/hr/positions")

    async def _detail(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        campaign_id: uuid.UUID,
        errors: dict[str, str] | None = None,
        status_code: int = 200,
    ) -> Template:
        campaign = await services.get_campaign(ctx, campaign_id)
        result = await services.campaign_result(ctx, campaign.id)
        profile = [
            {
                "name": _(DIMENSION_LABELS[d.dimension.value]),
                "need": float(d.need),
                "importance": float(d.importance),
            }
            for d in result.profile
        ]
        return page(
            request,
            "hr/campaigns/detail.html",
            status_code=status_code,
            campaign=campaign,
            result=result,
            questions=await services.list_questions(ctx),
            profile=profile,
            chart_names={"need": _("Need"), "importance": _("Importance")},
            rating_errors=errors or {},
            **_labels(),
        )

    @get("/{campaign_id:uuid}")
    async def campaign(
        self, ctx: Ctx, request: Request[Any, Any, Any], campaign_id: FromPath[uuid.UUID]
    ) -> Template:
        """The campaign's raters, the answers form and the results."""
        return await self._detail(ctx, request, campaign_id)

    @post("/{campaign_id:uuid}/raters/{rater_id:uuid}/ratings", opt={"min_role": Role.MEMBER})
    async def rate(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        campaign_id: FromPath[uuid.UUID],
        rater_id: FromPath[uuid.UUID],
        data: Form,
    ) -> Response[Any]:
        """Record a rater's answers: each item's need, importance and contribution (1-5)."""
        answers, message = await _answers(ctx, data)
        if message is not None:
            return await self._detail(ctx, request, campaign_id, {str(rater_id): message}, 422)
        return await run_action(
            lambda: savepoint(ctx, services.rate(ctx, campaign_id, rater_id, RatingsUpdate(ratings=answers))),
            back=f"/hr/campaigns/{campaign_id}",
            notice="hr.rating.recorded",
        )

    @post("/{campaign_id:uuid}/close", opt={"min_role": Role.MEMBER})
    async def close(self, ctx: Ctx, campaign_id: FromPath[uuid.UUID]) -> Response[Any]:
        """Close the campaign."""
        return await run_action(
            lambda: savepoint(ctx, services.close_campaign(ctx, campaign_id)),
            back=f"/hr/campaigns/{campaign_id}",
            notice="hr.campaign.closed",
        )


class QuestionnairePages(Controller):
    """A rater's own questionnaires: the invitations' links lead here."""

    path = "/hr/questionnaires"
    include_in_schema = False
    guards = [signed_in]

    @get()
    async def questionnaires(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """The questionnaires the signed-in person was invited to rate."""
        return page(
            request, "hr/questionnaires/list.html", items=await services.my_questionnaires(ctx), **_labels()
        )

    async def _answer(
        self, ctx: Ctx, request: Request[Any, Any, Any], rater_id: uuid.UUID, error: str | None = None
    ) -> Template:
        questionnaire = await services.get_questionnaire(ctx, rater_id)
        return page(
            request,
            "hr/questionnaires/answer.html",
            status_code=422 if error else 200,
            questionnaire=questionnaire,
            questions=await services.list_questions(ctx),
            answers={
                str(a.question_id): {
                    "need": a.need,
                    "importance": a.importance,
                    "contribution": a.contribution,
                }
                for a in questionnaire.answers
            },
            error=error,
            **_labels(),
        )

    @get("/{rater_id:uuid}")
    async def questionnaire(
        self, ctx: Ctx, request: Request[Any, Any, Any], rater_id: FromPath[uuid.UUID]
    ) -> Template:
        """The rater's questionnaire with their answers so far (another rater's is 403)."""
        return await self._answer(ctx, request, rater_id)

    @post("/{rater_id:uuid}", opt={"min_role": Role.MEMBER})
    async def answer(
        self, ctx: Ctx, request: Request[Any, Any, Any], rater_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Save the rater's own answers."""
        answers, message = await _answers(ctx, data)
        if message is not None:
            return await self._answer(ctx, request, rater_id, message)
        return await run_action(
            lambda: savepoint(
                ctx, services.answer_questionnaire(ctx, rater_id, RatingsUpdate(ratings=answers))
            ),
            back=f"/hr/questionnaires/{rater_id}",
            notice="hr.rating.recorded",
        )


# --- appraisals ----------------------------------------------------------------------------


class AppraisalCyclePages(Controller):
    """Appraisal cycles: the list (kernel list component), starting one, a cycle's page with its
    appraisals and positions' roll-ups, opening and closing it, and its calibration."""

    path = "/hr/appraisal-cycles"
    include_in_schema = False
    guards = [signed_in]

    async def _list(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        filters: AppraisalCycleFilters,
        form: Submission[Any] | None = None,
    ) -> Template:
        sent = query_as_sent(request)
        state = list_state(services.CYCLE_LIST, sent)
        listed, total = await services.cycle_list(ctx, filters, state, limit=PAGE_SIZE, count=True)
        views, _next = await list_saved_views(ctx, services.CYCLE_LIST.key, limit=100, cursor=None)
        return page(
            request,
            "hr/appraisals/cycles.html",
            status_code=form.status_code if form else 200,
            items=listed.items,
            filters=filters,
            org_units=await _org_units(ctx),
            is_hr=services.is_hr(ctx),
            **list_context(services.CYCLE_LIST, state, sent, listed, total=total, views=views),
            **form_context(form, "cycle"),
            **_labels(),
        )

    @get(**filtered_by(cycle_filters))
    async def cycles(
        self, ctx: Ctx, request: Request[Any, Any, Any], filters: NamedDependency[AppraisalCycleFilters]
    ) -> Template:
        """The appraisal cycles (search, status, sortable columns, saved views) and, for HR, the
        form to start one."""
        return await self._list(ctx, request, filters)

    @post(opt={"min_role": Role.MEMBER})
    async def create(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Start a cycle (a draft) and open its page."""

        async def again(form: Submission[AppraisalCycleCreate]) -> Template:
            return await self._list(ctx, request, AppraisalCycleFilters(), form)

        return await run_form(
            read_form(data, AppraisalCycleCreate, CYCLE_FIELDS),
            lambda body, _v: _in_savepoint(ctx, services.create_cycle(ctx, body)),
            done=lambda c: redirect(f"/hr/appraisal-cycles/{c.id}", notice="hr.appraisal_cycle.created"),
            again=again,
        )

    @get("/{appraisal_cycle_id:uuid}")
    async def cycle(
        self, ctx: Ctx, request: Request[Any, Any, Any], appraisal_cycle_id: FromPath[uuid.UUID]
    ) -> Template:
        """A cycle's page: its facts and status, the appraisals the caller may see with both
        roll-ups, the positions' roll-ups, who is in scope while a draft, and its chatter."""
        cycle = await services.get_cycle(ctx, appraisal_cycle_id)
        calibration = await services.calibration(ctx, cycle.id)
        scope: list[tuple[str, str]] = []
        if cycle.status is CycleStatus.DRAFT and services.is_hr(ctx):
            scope = await services.scope_preview(ctx, cycle.id)
        return page(
            request,
            "hr/appraisals/cycle.html",
            cycle=cycle,
            appraisals=[a for g in calibration.groups for a in g.appraisals],
            calibration=calibration,
            scope=scope,
            is_hr=services.is_hr(ctx),
            **_labels(),
        )

    @post("/{appraisal_cycle_id:uuid}/status", opt={"min_role": Role.MEMBER})
    async def move(self, ctx: Ctx, appraisal_cycle_id: FromPath[uuid.UUID], data: Form) -> Response[Any]:
        """Open or close the cycle."""
        target = str(data.get("status") or "")
        if target not in ("open", "closed"):
            return redirect(
                f"/hr/appraisal-cycles/{appraisal_cycle_id}", notice="hr.appraisal_cycle.illegal_move"
            )
        return await run_action(
            lambda: savepoint(
                ctx,
                services.move_cycle(
                    ctx,
                    appraisal_cycle_id,
                    AppraisalCycleMove(status=CycleStatus(target)),
                    data.get("version"),
                ),
            ),
            back=f"/hr/appraisal-cycles/{appraisal_cycle_id}",
            notice=f"hr.appraisal_cycle.{target}",
            problems={409: "hr.appraisal_cycle.illegal_move", 403: "hr.appraisal.hr_only"},
        )

    @get("/{appraisal_cycle_id:uuid}/calibration")
    async def calibration(
        self, ctx: Ctx, request: Request[Any, Any, Any], appraisal_cycle_id: FromPath[uuid.UUID]
    ) -> Template:
        """The calibration: by org unit and position, self vs manager, the distribution over the
        four levels, the outliers; HR adjusts a final level with a reason."""
        result = await services.calibration(ctx, appraisal_cycle_id)
        return page(
            request,
            "hr/appraisals/calibration.html",
            calibration=result,
            cycle=await services.get_cycle(ctx, appraisal_cycle_id),
            outliers={str(o.appraisal_id): o.reasons for o in result.outliers},
            is_hr=services.is_hr(ctx),
            **_labels(),
        )


def _scores(duties: list[Any], data: Form) -> tuple[list[ScoreInput], str | None]:
    """An appraisal form's levels (a duty left without one is not scored), or why they are not valid."""
    found = []
    for duty in duties:
        level = str(data.get(f"level-{duty.duty_id}") or "")
        comment = str(data.get(f"comment-{duty.duty_id}") or "").strip()[:4000]
        if not level:
            continue
        if level not in LEVELS:
            return [], _("Choose one of the four levels for duty %(seq)s.", seq=duty.seq)
        found.append(ScoreInput(duty_id=duty.duty_id, level=AppraisalLevel(level), comment=comment or None))
    return found, None


class AppraisalPages(Controller):
    """An employee's appraisal: the duties with their four-level standards, the self-assessment
    and the manager's scores, the roll-ups with their formula, HR's final level."""

    path = "/hr/appraisals"
    include_in_schema = False
    guards = [signed_in]

    @get()
    async def appraisals(self) -> Redirect:
        """Appraisals live in their cycles."""
        return redirect("/hr/appraisal-cycles")

    async def _form(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        appraisal_id: uuid.UUID,
        error: tuple[str, str] | None = None,
    ) -> Template:
        appraisal = await services.get_appraisal(ctx, appraisal_id)
        terms = {
            rater: " + ".join(
                f"{d.counted_weight} × {score.points}"
                for d in appraisal.duties
                if (score := d.self_score if rater == "self" else d.manager_score) is not None
                and d.counted_weight
            )
            for rater in ("self", "manager")
        }
        return page(
            request,
            "hr/appraisals/appraisal.html",
            status_code=422 if error else 200,
            appraisal=appraisal,
            terms=terms,
            error=error,
            access_labels=APPRAISAL_ACCESS_LABELS,
            **_labels(),
        )

    @get("/{appraisal_id:uuid}")
    async def appraisal(
        self, ctx: Ctx, request: Request[Any, Any, Any], appraisal_id: FromPath[uuid.UUID]
    ) -> Template:
        """The appraisal form (403 unless HR, the employee or one of their line managers)."""
        return await self._form(ctx, request, appraisal_id)

    async def _save(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        appraisal_id: uuid.UUID,
        rater: ScoreRater,
        data: Form,
    ) -> Response[Any]:
        appraisal = await services.get_appraisal(ctx, appraisal_id)
        scores, message = _scores(appraisal.duties, data)
        if message is not None:
            return await self._form(ctx, request, appraisal_id, (rater.value, message))
        return await run_action(
            lambda: savepoint(
                ctx, services.replace_scores(ctx, appraisal_id, rater, ScoresUpdate(scores=scores))
            ),
            back=f"/hr/appraisals/{appraisal_id}",
            notice="hr.appraisal.scored",
            problems={409: "hr.appraisal.locked", 403: "hr.appraisal.not_yours"},
        )

    @post("/{appraisal_id:uuid}/self", opt={"min_role": Role.MEMBER})
    async def score_self(
        self, ctx: Ctx, request: Request[Any, Any, Any], appraisal_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Save the employee's self-assessment."""
        return await self._save(ctx, request, appraisal_id, ScoreRater.SELF, data)

    @post("/{appraisal_id:uuid}/manager", opt={"min_role": Role.MEMBER})
    async def score_manager(
        self, ctx: Ctx, request: Request[Any, Any, Any], appraisal_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Save the manager's scores."""
        return await self._save(ctx, request, appraisal_id, ScoreRater.MANAGER, data)

    @post("/{appraisal_id:uuid}/final-level", opt={"min_role": Role.MEMBER})
    async def final_level(
        self, ctx: Ctx, request: Request[Any, Any, Any], appraisal_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """HR's final level with its reason (from the calibration or the appraisal's page)."""
        back = str(data.get("back") or "")
        if not back.startswith("/hr/appraisal"):
            back = f"/hr/appraisals/{appraisal_id}"
        level = str(data.get("level") or "")
        reason = str(data.get("reason") or "").strip()
        if level not in (*LEVELS, "") or not reason:
            return redirect(back, notice="hr.appraisal.reason_needed")
        change = FinalLevelChange(level=AppraisalLevel(level) if level else None, reason=reason[:4000])
        return await run_action(
            lambda: savepoint(
                ctx, services.change_final_level(ctx, appraisal_id, change, data.get("version"))
            ),
            back=back,
            notice="hr.appraisal.calibrated",
            problems={409: "hr.appraisal.locked", 403: "hr.appraisal.hr_only", 412: "hr.appraisal.stale"},
        )


# --- org chart and headcount ----------------------------------------------------------------


class StaffingPages(Controller):
    """The org chart of positions and the headcount report."""

    path = "/hr"
    include_in_schema = False
    guards = [signed_in]

    @get()
    async def home(self) -> Redirect:
        """HR opens on its positions."""
        return redirect("/hr/positions")

    @get("/org-chart")
    async def org_chart(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """Positions as a reports-to tree: headcount, in post, vacancies highlighted."""
        chart = await services.org_chart(ctx)
        return page(request, "hr/org_chart.html", chart=chart, tree=_tree(chart))

    @get("/headcount")
    async def headcount(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """Headcount vs the people in post per org unit and position."""
        return page(request, "hr/headcount.html", report=await services.headcount_report(ctx))


def _tree(chart: Any) -> list[dict[str, Any]]:
    """The org chart as nested nodes for the ECharts tree (name, vacancies, link)."""
    nodes: dict[uuid.UUID, dict[str, Any]] = {}
    roots: list[dict[str, Any]] = []
    for node in chart.nodes:
        s = node.staffing
        item = {
            "name": f"{node.title}\n{s.filled}/{s.headcount}",
            "vacant": s.vacancies > 0,
            "link": f"/hr/positions/{node.id}",
            "children": [],
        }
        nodes[node.id] = item
        parent = nodes.get(node.parent_id) if node.parent_id else None
        (parent["children"] if parent else roots).append(item)
    return roots


PAGES: list[type[Controller]] = [
    PositionPages,
    DescriptionPages,
    EmployeePages,
    CampaignPages,
    QuestionnairePages,
    AppraisalCyclePages,
    AppraisalPages,
    StaffingPages,
]
NAVIGATION = [
    NavItem(N_("Positions"), "/hr/positions", section=SECTION, order=10),
    NavItem(N_("Org chart of positions"), "/hr/org-chart", section=SECTION, order=20),
    NavItem(N_("Headcount"), "/hr/headcount", section=SECTION, order=30),
    NavItem(N_("Employees"), "/hr/employees", section=SECTION, order=40),
    NavItem(N_("My questionnaires"), "/hr/questionnaires", section=SECTION, order=50),
    NavItem(N_("Appraisals"), "/hr/appraisal-cycles", section=SECTION, order=60),
]
NOTICES = {
    "hr.position.created": N_("Position defined."),
    "hr.position.updated": N_("Position saved."),
    "hr.position.paths_changed": N_("Paths saved."),
    "hr.position.deleted": N_("Position deleted."),
    "hr.position.in_use": N_(
        "The position is in use (assignments, job descriptions or reports) and cannot be deleted."
    ),
    "hr.job_description.created": N_("New job description version started."),
    "hr.job_description.open": N_("A version of this job description is already a draft or in approval."),
    "hr.job_description.updated": N_("Job description saved."),
    "hr.job_description.submitted": N_("Job description submitted for approval."),
    "hr.job_description.no_duties": N_("Only a draft with at least one duty item can be submitted."),
    "hr.job_description.no_flow": N_("No approval flow takes job descriptions: ask an admin to add one."),
    "hr.duty.created": N_("Duty item added."),
    "hr.duty.deleted": N_("Duty item removed."),
    "hr.employee.created": N_("Employee added."),
    "hr.employee.updated": N_("Employee saved."),
    "hr.assignment.created": N_("Employee assigned."),
    "hr.assignment.ended": N_("Assignment ended."),
    "hr.campaign.created": N_("Job analysis started."),
    "hr.campaign.closed": N_("Job analysis closed."),
    "hr.rating.recorded": N_("Answers recorded."),
    "error.path-loop": N_("That would make a loop of positions."),
    "hr.appraisal_cycle.created": N_("Appraisal cycle started as a draft."),
    "hr.appraisal_cycle.open": N_("Appraisal cycle opened: its employees are enrolled."),
    "hr.appraisal_cycle.closed": N_("Appraisal cycle closed: the scores are locked."),
    "hr.appraisal_cycle.illegal_move": N_("The cycle cannot move to that status from where it is."),
    "hr.appraisal.scored": N_("Scores saved."),
    "hr.appraisal.locked": N_("The cycle is not open: scores and final levels are locked."),
    "hr.appraisal.not_yours": N_(
        "Only the employee assesses themselves; the manager's scores are their line managers' or HR's."
    ),
    "hr.appraisal.hr_only": N_("Only HR (tenant owners and admins) does that."),
    "hr.appraisal.calibrated": N_("Final level saved."),
    "hr.appraisal.reason_needed": N_("Choose a level and give the reason for it."),
    "hr.appraisal.stale": N_("Someone changed this appraisal meanwhile: look again and retry."),
}
LINK_TARGETS = [
    LinkTarget("hr_positions", "/hr/positions/{id}"),
    LinkTarget("hr_job_descriptions", "/hr/job-descriptions/{id}"),
    LinkTarget("hr_employees", "/hr/employees/{id}"),
    LinkTarget("hr_campaigns", "/hr/campaigns/{id}"),
    LinkTarget("hr_appraisal_cycles", "/hr/appraisal-cycles/{id}"),
    LinkTarget("hr_appraisals", "/hr/appraisals/{id}"),
    #: Questionnaire invitations and reminders lead to the rater's own questionnaire.
    LinkTarget("hr_raters", "/hr/questionnaires/{id}"),
]
#: The global search's position and employee hits (anywhere in codes, numbers, titles and names).
SEARCH_PROVIDERS = [
    SearchProvider("hr.positions", N_("Positions"), services.search_positions),
    SearchProvider("hr.employees", N_("Employees"), services.search_employees),
]
