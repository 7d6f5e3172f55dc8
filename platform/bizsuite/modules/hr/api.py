"""HR API: thin controllers over the services (one operation id and one tag per route)."""

from __future__ import annotations

import uuid
from typing import Annotated

from litestar import Controller, delete, get, patch, post, put
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, FromQuery, JSONBody, QueryParameter

from bizsuite.core.context import tenant_guard
from bizsuite.core.dependencies import Ctx, IfMatch
from bizsuite.core.identity.models import Role
from bizsuite.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam
from bizsuite.modules.hr import services
from bizsuite.modules.hr.models import CycleStatus, DescriptionStatus, PositionCategory, ScoreRater
from bizsuite.modules.hr.schemas import (
    AppraisalCycleCreate,
    AppraisalCycleFilters,
    AppraisalCycleMove,
    AppraisalCyclePage,
    AppraisalCycleUpdate,
    AppraisalCycleView,
    AppraisalList,
    AppraisalView,
    AssignmentCreate,
    AssignmentEnd,
    AssignmentList,
    AssignmentView,
    Calibration,
    CampaignCreate,
    CampaignPage,
    CampaignResult,
    CampaignView,
    DutyCreate,
    DutyUpdate,
    EmployeeCreate,
    EmployeeFilters,
    EmployeePage,
    EmployeeUpdate,
    EmployeeView,
    FinalLevelChange,
    GradeTable,
    GradeTableUpdate,
    HeadcountReport,
    HrSettingsUpdate,
    HrSettingsView,
    JobDescriptionCreate,
    JobDescriptionFilters,
    JobDescriptionPage,
    JobDescriptionUpdate,
    JobDescriptionView,
    OrgChart,
    PositionCreate,
    PositionFilters,
    PositionPage,
    PositionPathsUpdate,
    PositionUpdate,
    PositionView,
    QuestionCreate,
    QuestionList,
    QuestionnaireList,
    QuestionnaireView,
    QuestionView,
    RatingsUpdate,
    ScoresUpdate,
)

Search = Annotated[
    str | None,
    QueryParameter(
        max_length=200,
        pattern=r"^[^\x00]*$",
        description="Text found anywhere in the code, title or org unit.",
    ),
]
EmployeeSearch = Annotated[
    str | None,
    QueryParameter(max_length=200, pattern=r"^[^\x00]*$", description="Text found in the number or name."),
]
SortParam = Annotated[
    str | None,
    QueryParameter(
        max_length=50,
        description="Sort column (``code``, ``title``, ``org_unit``, ``headcount``, ``filled``, ``vacancies``, "
        "``created_at``); ``-`` first for descending. Default ``code``; ties go by id.",
    ),
]
BeforeParam = Annotated[
    str | None,
    QueryParameter(
        max_length=200, description="Opaque cursor from a page's `previous_cursor`: the page before it."
    ),
]
CountParam = Annotated[
    bool, QueryParameter(description="Also count the positions the filters leave (``total``).")
]


def _q(q: str | None) -> str | None:
    return q.strip() or None if q else None


def position_filters(
    q: Search = None,
    category: FromQuery[PositionCategory | None] = None,
    org_unit_id: FromQuery[uuid.UUID | None] = None,
) -> PositionFilters:
    """The positions list's filters (shared by the API and the pages)."""
    return PositionFilters(q=_q(q), category=category, org_unit_id=org_unit_id)


def description_filters(
    position_id: FromQuery[uuid.UUID | None] = None, status: FromQuery[DescriptionStatus | None] = None
) -> JobDescriptionFilters:
    """The job descriptions list's filters."""
    return JobDescriptionFilters(position_id=position_id, status=status)


def employee_filters(
    q: EmployeeSearch = None, org_unit_id: FromQuery[uuid.UUID | None] = None
) -> EmployeeFilters:
    """The employees list's filters (shared by the API and the pages)."""
    return EmployeeFilters(q=_q(q), org_unit_id=org_unit_id)


CycleSearch = Annotated[
    str | None,
    QueryParameter(max_length=200, pattern=r"^[^\x00]*$", description="Text found in the name or the scope."),
]
CycleSortParam = Annotated[
    str | None,
    QueryParameter(
        max_length=50,
        description="Sort column (``name``, ``period``, ``status``, ``scope``, ``appraisals``, ``created_at``);"
        " ``-`` first for descending. Default ``-period``; ties go by id.",
    ),
]


def cycle_filters(
    q: CycleSearch = None, status: FromQuery[CycleStatus | None] = None
) -> AppraisalCycleFilters:
    """The appraisal cycles list's filters (shared by the API and the pages)."""
    return AppraisalCycleFilters(q=_q(q), status=status)


CYCLE_FILTERS = {"filters": Provide(cycle_filters, sync_to_thread=False)}
POSITION_FILTERS = {"filters": Provide(position_filters, sync_to_thread=False)}
DESCRIPTION_FILTERS = {"filters": Provide(description_filters, sync_to_thread=False)}
EMPLOYEE_FILTERS = {"filters": Provide(employee_filters, sync_to_thread=False)}


class PositionController(Controller):
    """Positions (职务): code, title, category, org unit, reports-to, headcount, pay grade, paths."""

    path = "/api/v1/hr/positions"
    tags = ["hr"]
    guards = [tenant_guard]

    @get(operation_id="list_hr_positions", summary="List positions", dependencies=POSITION_FILTERS)
    async def list_hr_positions(
        self,
        ctx: Ctx,
        filters: NamedDependency[PositionFilters],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
        before: BeforeParam = None,
        sort: SortParam = None,
        count: CountParam = False,
    ) -> PositionPage:
        """List positions by code or in the order ``sort`` names, with staffing on the tenant's today."""
        page, total = await services.list_positions(
            ctx, filters, limit=limit, cursor=cursor, before=before, sort=sort, count=count
        )
        return PositionPage(
            items=page.items, next_cursor=page.next_cursor, previous_cursor=page.previous_cursor, total=total
        )

    @post(operation_id="create_hr_position", summary="Create a position")
    async def create_hr_position(self, ctx: Ctx, data: JSONBody[PositionCreate]) -> PositionView:
        """Define a position; a code already used answers 409."""
        return await services.create_position(ctx, data)

    @get("/{position_id:uuid}", operation_id="get_hr_position", summary="Get a position")
    async def get_hr_position(self, ctx: Ctx, position_id: FromPath[uuid.UUID]) -> PositionView:
        """One position with its paths, direct reports, staffing and holders."""
        return await services.get_position(ctx, position_id)

    @patch("/{position_id:uuid}", operation_id="update_hr_position", summary="Update a position")
    async def update_hr_position(
        self,
        ctx: Ctx,
        position_id: FromPath[uuid.UUID],
        data: JSONBody[PositionUpdate],
        if_match: IfMatch = None,
    ) -> PositionView:
        """Change a position; a reporting line that loops back is 409 ``path-loop``."""
        return await services.update_position(ctx, position_id, data, if_match)

    @delete("/{position_id:uuid}", operation_id="delete_hr_position", summary="Delete a position")
    async def delete_hr_position(
        self, ctx: Ctx, position_id: FromPath[uuid.UUID], if_match: IfMatch = None
    ) -> None:
        """Delete a position never held, without job descriptions or reports (else 409)."""
        await services.delete_position(ctx, position_id, if_match)

    @put(
        "/{position_id:uuid}/paths",
        operation_id="replace_hr_position_paths",
        summary="Set a position's paths",
    )
    async def replace_hr_position_paths(
        self,
        ctx: Ctx,
        position_id: FromPath[uuid.UUID],
        data: JSONBody[PositionPathsUpdate],
        if_match: IfMatch = None,
    ) -> PositionView:
        """Replace the promotions, lateral moves and other positions the holder can fill; a
        promotion path that loops back is 409 ``path-loop`` naming the loop."""
        return await services.set_paths(ctx, position_id, data, if_match)


class JobDescriptionController(Controller):
    """Job descriptions (职务说明书): versions of duties with four-level standards and requirements."""

    path = "/api/v1/hr/job-descriptions"
    tags = ["hr"]
    guards = [tenant_guard]

    @get(
        operation_id="list_hr_job_descriptions",
        summary="List job descriptions",
        dependencies=DESCRIPTION_FILTERS,
    )
    async def list_hr_job_descriptions(
        self,
        ctx: Ctx,
        filters: NamedDependency[JobDescriptionFilters],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> JobDescriptionPage:
        """List job description versions, newest first, by position and status."""
        items, next_cursor = await services.list_descriptions(ctx, filters, limit=limit, cursor=cursor)
        return JobDescriptionPage(items=items, next_cursor=next_cursor)

    @post(operation_id="create_hr_job_description", summary="Write a job description version")
    async def create_hr_job_description(
        self, ctx: Ctx, data: JSONBody[JobDescriptionCreate]
    ) -> JobDescriptionView:
        """A new draft version of a position's description; one open version per position (409)."""
        return await services.create_description(ctx, data)

    @get("/{job_description_id:uuid}", operation_id="get_hr_job_description", summary="Get a job description")
    async def get_hr_job_description(
        self, ctx: Ctx, job_description_id: FromPath[uuid.UUID]
    ) -> JobDescriptionView:
        """One version with its numbered duties, requirements and review flags."""
        return await services.get_description(ctx, job_description_id)

    @patch(
        "/{job_description_id:uuid}",
        operation_id="update_hr_job_description",
        summary="Update a draft description",
    )
    async def update_hr_job_description(
        self,
        ctx: Ctx,
        job_description_id: FromPath[uuid.UUID],
        data: JSONBody[JobDescriptionUpdate],
        if_match: IfMatch = None,
    ) -> JobDescriptionView:
        """Change a draft's summary and requirements; protected characteristics are flagged."""
        return await services.update_description(ctx, job_description_id, data, if_match)

    @post(
        "/{job_description_id:uuid}/revisions",
        operation_id="create_hr_job_description_revision",
        summary="Start a new version from this one",
    )
    async def create_hr_job_description_revision(
        self, ctx: Ctx, job_description_id: FromPath[uuid.UUID]
    ) -> JobDescriptionView:
        """A new draft copying this version's duties and requirements."""
        return await services.revise_description(ctx, job_description_id)

    @post(
        "/{job_description_id:uuid}/submit",
        operation_id="submit_hr_job_description",
        summary="Submit a draft for approval",
        status_code=200,
    )
    async def submit_hr_job_description(
        self, ctx: Ctx, job_description_id: FromPath[uuid.UUID], if_match: IfMatch = None
    ) -> JobDescriptionView:
        """Submit the draft to the approval engine (document type ``hr_job_description``)."""
        return await services.submit_description(ctx, job_description_id, if_match)

    @post(
        "/{job_description_id:uuid}/duties",
        operation_id="create_hr_duty",
        summary="Add a duty item",
    )
    async def create_hr_duty(
        self,
        ctx: Ctx,
        job_description_id: FromPath[uuid.UUID],
        data: JSONBody[DutyCreate],
        if_match: IfMatch = None,
    ) -> JobDescriptionView:
        """Add a duty with its four-level standard at the end of a draft (``If-Match`` of the description)."""
        return await services.add_duty(ctx, job_description_id, data, if_match)

    @patch(
        "/{job_description_id:uuid}/duties/{duty_id:uuid}",
        operation_id="update_hr_duty",
        summary="Update a duty item",
    )
    async def update_hr_duty(
        self,
        ctx: Ctx,
        job_description_id: FromPath[uuid.UUID],
        duty_id: FromPath[uuid.UUID],
        data: JSONBody[DutyUpdate],
        if_match: IfMatch = None,
    ) -> JobDescriptionView:
        """Change a duty of a draft; ``seq`` moves it and renumbers the others."""
        return await services.update_duty(ctx, job_description_id, duty_id, data, if_match)

    @delete(
        "/{job_description_id:uuid}/duties/{duty_id:uuid}",
        operation_id="delete_hr_duty",
        summary="Remove a duty item",
        status_code=200,
    )
    async def delete_hr_duty(
        self,
        ctx: Ctx,
        job_description_id: FromPath[uuid.UUID],
        duty_id: FromPath[uuid.UUID],
        if_match: IfMatch = None,
    ) -> JobDescriptionView:
        """Remove a duty of a draft; the others are renumbered."""
        return await services.delete_duty(ctx, job_description_id, duty_id, if_match)


class EmployeeController(Controller):
    """Employees and their assignments to positions over time."""

    path = "/api/v1/hr/employees"
    tags = ["hr"]
    guards = [tenant_guard]

    @get(operation_id="list_hr_employees", summary="List employees", dependencies=EMPLOYEE_FILTERS)
    async def list_hr_employees(
        self,
        ctx: Ctx,
        filters: NamedDependency[EmployeeFilters],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> EmployeePage:
        """List employees, newest first, by number or name and org unit."""
        items, next_cursor = await services.list_employees(ctx, filters, limit=limit, cursor=cursor)
        return EmployeePage(items=items, next_cursor=next_cursor)

    @post(operation_id="create_hr_employee", summary="Add an employee")
    async def create_hr_employee(self, ctx: Ctx, data: JSONBody[EmployeeCreate]) -> EmployeeView:
        """Add an employee; a number already used answers 409."""
        return await services.create_employee(ctx, data)

    @get("/{employee_id:uuid}", operation_id="get_hr_employee", summary="Get an employee")
    async def get_hr_employee(self, ctx: Ctx, employee_id: FromPath[uuid.UUID]) -> EmployeeView:
        """One employee with the position they hold today."""
        return await services.get_employee(ctx, employee_id)

    @patch("/{employee_id:uuid}", operation_id="update_hr_employee", summary="Update an employee")
    async def update_hr_employee(
        self,
        ctx: Ctx,
        employee_id: FromPath[uuid.UUID],
        data: JSONBody[EmployeeUpdate],
        if_match: IfMatch = None,
    ) -> EmployeeView:
        """Change an employee; ``null`` clears a nullable field."""
        return await services.update_employee(ctx, employee_id, data, if_match)

    @get(
        "/{employee_id:uuid}/assignments",
        operation_id="list_hr_assignments",
        summary="An employee's assignment history",
    )
    async def list_hr_assignments(self, ctx: Ctx, employee_id: FromPath[uuid.UUID]) -> AssignmentList:
        """The positions the employee held and holds, latest first."""
        return AssignmentList(items=await services.list_assignments(ctx, employee_id))

    @post(
        "/{employee_id:uuid}/assignments",
        operation_id="create_hr_assignment",
        summary="Assign an employee to a position",
    )
    async def create_hr_assignment(
        self, ctx: Ctx, employee_id: FromPath[uuid.UUID], data: JSONBody[AssignmentCreate]
    ) -> AssignmentView:
        """Assign from a day; an open assignment that began earlier ends the day before (a transfer)."""
        return await services.assign(ctx, employee_id, data)

    @get(
        "/{employee_id:uuid}/appraisals",
        operation_id="list_hr_employee_appraisals",
        summary="An employee's appraisals over the cycles",
    )
    async def list_hr_employee_appraisals(self, ctx: Ctx, employee_id: FromPath[uuid.UUID]) -> AppraisalList:
        """Their appraisals, latest period first; 403 unless HR, the employee or one of their line managers."""
        return AppraisalList(items=await services.employee_appraisals(ctx, employee_id))

    @post(
        "/{employee_id:uuid}/assignments/{assignment_id:uuid}/close",
        operation_id="close_hr_assignment",
        summary="End an assignment",
        status_code=200,
    )
    async def close_hr_assignment(
        self,
        ctx: Ctx,
        employee_id: FromPath[uuid.UUID],
        assignment_id: FromPath[uuid.UUID],
        data: JSONBody[AssignmentEnd],
    ) -> AssignmentView:
        """End the assignment on a day (its last day)."""
        return await services.end_assignment(ctx, employee_id, assignment_id, data)


class StaffingController(Controller):
    """The org chart of positions and headcount against the people in post."""

    path = "/api/v1/hr"
    tags = ["hr"]
    guards = [tenant_guard]

    @get("/org-chart", operation_id="get_hr_org_chart", summary="The org chart of positions")
    async def get_hr_org_chart(self, ctx: Ctx) -> OrgChart:
        """Every position as a reports-to tree with headcount, people in post and vacancies."""
        return await services.org_chart(ctx)

    @get("/headcount", operation_id="get_hr_headcount", summary="Headcount vs people in post")
    async def get_hr_headcount(self, ctx: Ctx) -> HeadcountReport:
        """Per org unit and position on the tenant's today, with each figure's formula."""
        return await services.headcount_report(ctx)


class QuestionnaireController(Controller):
    """The job-analysis questionnaire (职务分析问卷) and the points-to-grade table."""

    path = "/api/v1/hr"
    tags = ["hr"]
    guards = [tenant_guard]

    @get("/questions", operation_id="list_hr_questions", summary="The questionnaire's items")
    async def list_hr_questions(self, ctx: Ctx) -> QuestionList:
        """Every item, by dimension and code."""
        return QuestionList(items=await services.list_questions(ctx))

    @post("/questions", operation_id="create_hr_question", summary="Add a questionnaire item")
    async def create_hr_question(self, ctx: Ctx, data: JSONBody[QuestionCreate]) -> QuestionView:
        """Add an item in one of the six dimensions; a code already used answers 409."""
        return await services.create_question(ctx, data)

    @get("/grade-table", operation_id="get_hr_grade_table", summary="The points-to-grade table")
    async def get_hr_grade_table(self, ctx: Ctx) -> GradeTable:
        """From which job-evaluation points each grade starts, lowest first."""
        return await services.grade_table(ctx)

    @put(
        "/grade-table",
        operation_id="replace_hr_grade_table",
        summary="Replace the points-to-grade table",
        opt={"min_role": Role.ADMIN},
    )
    async def replace_hr_grade_table(self, ctx: Ctx, data: JSONBody[GradeTableUpdate]) -> GradeTable:
        """Replace the table (admins)."""
        return await services.replace_grade_table(ctx, data)


class CampaignController(Controller):
    """Job-analysis campaigns: raters invited, ratings recorded, results."""

    path = "/api/v1/hr/campaigns"
    tags = ["hr"]
    guards = [tenant_guard]

    @get(operation_id="list_hr_campaigns", summary="List job-analysis campaigns")
    async def list_hr_campaigns(
        self,
        ctx: Ctx,
        position_id: FromQuery[uuid.UUID | None] = None,
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> CampaignPage:
        """Campaigns, newest first, of a position or all."""
        items, next_cursor = await services.list_campaigns(ctx, position_id, limit=limit, cursor=cursor)
        return CampaignPage(items=items, next_cursor=next_cursor)

    @post(operation_id="create_hr_campaign", summary="Start a job-analysis campaign")
    async def create_hr_campaign(self, ctx: Ctx, data: JSONBody[CampaignCreate]) -> CampaignView:
        """A campaign for a position with its raters (incumbents and managers)."""
        return await services.create_campaign(ctx, data)

    @get("/{campaign_id:uuid}", operation_id="get_hr_campaign", summary="Get a campaign")
    async def get_hr_campaign(self, ctx: Ctx, campaign_id: FromPath[uuid.UUID]) -> CampaignView:
        """One campaign with its raters and who has answered."""
        return await services.get_campaign(ctx, campaign_id)

    @post(
        "/{campaign_id:uuid}/close",
        operation_id="close_hr_campaign",
        summary="Close a campaign",
        status_code=200,
    )
    async def close_hr_campaign(self, ctx: Ctx, campaign_id: FromPath[uuid.UUID]) -> CampaignView:
        """No more ratings."""
        return await services.close_campaign(ctx, campaign_id)

    @put(
        "/{campaign_id:uuid}/raters/{rater_id:uuid}/ratings",
        operation_id="replace_hr_ratings",
        summary="Record a rater's answers",
    )
    async def replace_hr_ratings(
        self,
        ctx: Ctx,
        campaign_id: FromPath[uuid.UUID],
        rater_id: FromPath[uuid.UUID],
        data: JSONBody[RatingsUpdate],
    ) -> CampaignView:
        """The rater's ratings of the items on need, importance and contribution (1-5)."""
        return await services.rate(ctx, campaign_id, rater_id, data)

    @get("/{campaign_id:uuid}/result", operation_id="get_hr_campaign_result", summary="A campaign's results")
    async def get_hr_campaign_result(self, ctx: Ctx, campaign_id: FromPath[uuid.UUID]) -> CampaignResult:
        """Means per item and role, disagreement, the ability profile, points and the suggested grade."""
        return await services.campaign_result(ctx, campaign_id)


class MyQuestionnaireController(Controller):
    """The caller's own job-analysis questionnaires: the campaigns they were invited to rate."""

    path = "/api/v1/hr/questionnaires"
    tags = ["hr"]
    guards = [tenant_guard]

    @get(operation_id="list_hr_questionnaires", summary="My questionnaires")
    async def list_hr_questionnaires(self, ctx: Ctx) -> QuestionnaireList:
        """The questionnaires the caller (or the member who created the API key) is a rater of."""
        return QuestionnaireList(items=await services.my_questionnaires(ctx))

    @get("/{rater_id:uuid}", operation_id="get_hr_questionnaire", summary="One of my questionnaires")
    async def get_hr_questionnaire(self, ctx: Ctx, rater_id: FromPath[uuid.UUID]) -> QuestionnaireView:
        """The questionnaire with the caller's answers so far; another rater's is 403 (HR may read it)."""
        return await services.get_questionnaire(ctx, rater_id)

    @put(
        "/{rater_id:uuid}/answers",
        operation_id="replace_hr_questionnaire_answers",
        summary="Answer my questionnaire",
    )
    async def replace_hr_questionnaire_answers(
        self, ctx: Ctx, rater_id: FromPath[uuid.UUID], data: JSONBody[RatingsUpdate]
    ) -> QuestionnaireView:
        """Save the caller's answers (replacing earlier ones); 409 once the campaign is closed."""
        return await services.answer_questionnaire(ctx, rater_id, data)


class HrSettingsController(Controller):
    """HR settings: the points of the four appraisal levels (优/良/可/差)."""

    path = "/api/v1/hr/settings"
    tags = ["hr"]
    guards = [tenant_guard]

    @get(operation_id="get_hr_settings", summary="HR settings")
    async def get_hr_settings(self, ctx: Ctx) -> HrSettingsView:
        """The points of each appraisal level (default excellent 100, good 85, fair 70, poor 50)."""
        return await services.get_settings(ctx)

    @patch(operation_id="update_hr_settings", summary="Change HR settings", opt={"min_role": Role.ADMIN})
    async def update_hr_settings(
        self, ctx: Ctx, data: JSONBody[HrSettingsUpdate], if_match: IfMatch = None
    ) -> HrSettingsView:
        """Change the level points (admins); excellent ≥ good ≥ fair ≥ poor ≥ 0."""
        return await services.update_settings(ctx, data, if_match)


class AppraisalCycleController(Controller):
    """Appraisal cycles (考核周期): draft → open (employees enrolled) → closed (scores locked)."""

    path = "/api/v1/hr/appraisal-cycles"
    tags = ["hr"]
    guards = [tenant_guard]

    @get(operation_id="list_hr_appraisal_cycles", summary="List appraisal cycles", dependencies=CYCLE_FILTERS)
    async def list_hr_appraisal_cycles(
        self,
        ctx: Ctx,
        filters: NamedDependency[AppraisalCycleFilters],
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
        before: BeforeParam = None,
        sort: CycleSortParam = None,
        count: CountParam = False,
    ) -> AppraisalCyclePage:
        """List cycles, latest period first or in the order ``sort`` names, by name and status."""
        page, total = await services.list_cycles(
            ctx, filters, limit=limit, cursor=cursor, before=before, sort=sort, count=count
        )
        return AppraisalCyclePage(
            items=page.items, next_cursor=page.next_cursor, previous_cursor=page.previous_cursor, total=total
        )

    @post(operation_id="create_hr_appraisal_cycle", summary="Start an appraisal cycle")
    async def create_hr_appraisal_cycle(
        self, ctx: Ctx, data: JSONBody[AppraisalCycleCreate]
    ) -> AppraisalCycleView:
        """A draft cycle with its period and scope (HR: owners and admins)."""
        return await services.create_cycle(ctx, data)

    @get(
        "/{appraisal_cycle_id:uuid}", operation_id="get_hr_appraisal_cycle", summary="Get an appraisal cycle"
    )
    async def get_hr_appraisal_cycle(
        self, ctx: Ctx, appraisal_cycle_id: FromPath[uuid.UUID]
    ) -> AppraisalCycleView:
        """One cycle with its scope, status, where it may move and how many appraisals are scored."""
        return await services.get_cycle(ctx, appraisal_cycle_id)

    @patch(
        "/{appraisal_cycle_id:uuid}", operation_id="update_hr_appraisal_cycle", summary="Update a draft cycle"
    )
    async def update_hr_appraisal_cycle(
        self,
        ctx: Ctx,
        appraisal_cycle_id: FromPath[uuid.UUID],
        data: JSONBody[AppraisalCycleUpdate],
        if_match: IfMatch = None,
    ) -> AppraisalCycleView:
        """Change a draft's name, period or scope (HR); 409 once open."""
        return await services.update_cycle(ctx, appraisal_cycle_id, data, if_match)

    @post(
        "/{appraisal_cycle_id:uuid}/status",
        operation_id="move_hr_appraisal_cycle",
        summary="Open or close an appraisal cycle",
        status_code=200,
    )
    async def move_hr_appraisal_cycle(
        self,
        ctx: Ctx,
        appraisal_cycle_id: FromPath[uuid.UUID],
        data: JSONBody[AppraisalCycleMove],
        if_match: IfMatch = None,
    ) -> AppraisalCycleView:
        """``open`` enrols the employees in scope; ``closed`` locks the scores. An illegal move is
        409 listing the allowed ones."""
        return await services.move_cycle(ctx, appraisal_cycle_id, data, if_match)

    @get(
        "/{appraisal_cycle_id:uuid}/appraisals",
        operation_id="list_hr_appraisals",
        summary="A cycle's appraisals",
    )
    async def list_hr_appraisals(self, ctx: Ctx, appraisal_cycle_id: FromPath[uuid.UUID]) -> AppraisalList:
        """The appraisals the caller may see (HR: all; line managers: their reports'; the employee: theirs)."""
        return AppraisalList(items=await services.list_appraisals(ctx, appraisal_cycle_id))

    @get(
        "/{appraisal_cycle_id:uuid}/calibration",
        operation_id="get_hr_appraisal_calibration",
        summary="A cycle's calibration",
    )
    async def get_hr_appraisal_calibration(
        self, ctx: Ctx, appraisal_cycle_id: FromPath[uuid.UUID]
    ) -> Calibration:
        """By org unit and position: self vs manager roll-ups, positions' means, the distribution
        over the four levels and the outliers (over the appraisals the caller may see)."""
        return await services.calibration(ctx, appraisal_cycle_id)


class AppraisalController(Controller):
    """An employee's appraisal: duties scored against their four-level standards, the roll-up."""

    path = "/api/v1/hr/appraisals"
    tags = ["hr"]
    guards = [tenant_guard]

    @get("/{appraisal_id:uuid}", operation_id="get_hr_appraisal", summary="Get an appraisal")
    async def get_hr_appraisal(self, ctx: Ctx, appraisal_id: FromPath[uuid.UUID]) -> AppraisalView:
        """The duties with both raters' levels, the manager's weighted roll-up (with its formula)
        and the self-assessment's; 403 unless HR, the employee or one of their line managers."""
        return await services.get_appraisal(ctx, appraisal_id)

    @put(
        "/{appraisal_id:uuid}/self-scores",
        operation_id="replace_hr_appraisal_self_scores",
        summary="Record my self-assessment",
    )
    async def replace_hr_appraisal_self_scores(
        self, ctx: Ctx, appraisal_id: FromPath[uuid.UUID], data: JSONBody[ScoresUpdate]
    ) -> AppraisalView:
        """The employee's own levels of their duties (replacing earlier ones); 409 unless the cycle is open."""
        return await services.replace_scores(ctx, appraisal_id, ScoreRater.SELF, data)

    @put(
        "/{appraisal_id:uuid}/manager-scores",
        operation_id="replace_hr_appraisal_manager_scores",
        summary="Record the manager's scores",
    )
    async def replace_hr_appraisal_manager_scores(
        self, ctx: Ctx, appraisal_id: FromPath[uuid.UUID], data: JSONBody[ScoresUpdate]
    ) -> AppraisalView:
        """The line manager's (or HR's) levels of the duties (replacing earlier ones): they make the roll-up."""
        return await services.replace_scores(ctx, appraisal_id, ScoreRater.MANAGER, data)

    @post(
        "/{appraisal_id:uuid}/final-level",
        operation_id="change_hr_appraisal_final_level",
        summary="Calibrate an appraisal's final level",
        status_code=200,
    )
    async def change_hr_appraisal_final_level(
        self,
        ctx: Ctx,
        appraisal_id: FromPath[uuid.UUID],
        data: JSONBody[FinalLevelChange],
        if_match: IfMatch = None,
    ) -> AppraisalView:
        """HR sets the final level with a reason (audited); ``null`` goes back to the roll-up's level."""
        return await services.change_final_level(ctx, appraisal_id, data, if_match)


CONTROLLERS: list[type[Controller]] = [
    HrSettingsController,
    AppraisalCycleController,
    AppraisalController,
    MyQuestionnaireController,
    QuestionnaireController,
    CampaignController,
    PositionController,
    JobDescriptionController,
    EmployeeController,
    StaffingController,
]
