"""HR API bodies: create, update (PATCH: omitted keeps, ``null`` clears), views, filters."""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

import msgspec

from bizsuite.modules.hr.models import (
    AppraisalLevel,
    CampaignStatus,
    CycleStatus,
    DescriptionStatus,
    Dimension,
    PathKind,
    PositionCategory,
    RaterRole,
    ScoreRater,
)

NOT_BLANK = r"\S"
NO_NUL = r"^[^\x00]*$"
Code = Annotated[
    str, msgspec.Meta(min_length=1, max_length=50, pattern=r"^[A-Za-z0-9_.-]+$", examples=["STORE-MGR"])
]
Name = Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=NOT_BLANK)]
Short = Annotated[str, msgspec.Meta(max_length=200, pattern=NO_NUL)]
Grade = Annotated[str, msgspec.Meta(min_length=1, max_length=20, pattern=NOT_BLANK, examples=["M3"])]
Text = Annotated[str, msgspec.Meta(max_length=4000, pattern=NO_NUL)]
Required = Annotated[str, msgspec.Meta(min_length=1, max_length=4000, pattern=NOT_BLANK)]
Headcount = Annotated[
    int, msgspec.Meta(ge=0, le=100000, description="定员: how many people the position has.")
]
Weight = Annotated[
    Decimal,
    msgspec.Meta(description="Share of the job in percent, above 0 and at most 100 (decimal string)."),
]
Level = Annotated[int, msgspec.Meta(ge=1, le=5, description="1 (basic) to 5 (expert).")]
Phone = Annotated[str, msgspec.Meta(max_length=50, pattern=NO_NUL)]


# --- positions ------------------------------------------------------------------------------


class PositionCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A new position (职务)."""

    code: Code
    title: Name
    category: PositionCategory
    org_unit_id: uuid.UUID
    headcount: Headcount
    reports_to_id: uuid.UUID | None = None
    pay_grade: Grade | None = None
    pay_level: Grade | None = None
    notes: Text | None = None


class PositionUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Fields to change; omitted fields keep their value, ``null`` clears. Send ``If-Match``."""

    code: Code | msgspec.UnsetType = msgspec.UNSET
    title: Name | msgspec.UnsetType = msgspec.UNSET
    category: PositionCategory | msgspec.UnsetType = msgspec.UNSET
    org_unit_id: uuid.UUID | msgspec.UnsetType = msgspec.UNSET
    headcount: Headcount | msgspec.UnsetType = msgspec.UNSET
    reports_to_id: uuid.UUID | msgspec.UnsetType | None = msgspec.UNSET
    pay_grade: Grade | msgspec.UnsetType | None = msgspec.UNSET
    pay_level: Grade | msgspec.UnsetType | None = msgspec.UNSET
    notes: Text | msgspec.UnsetType | None = msgspec.UNSET


class PositionPathsUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A position's paths, replaced as a whole: promotions (直接升迁的职务), lateral moves
    (可相互转换的职务) and other positions its holder can fill (其它可担任的职务)."""

    promotes_to: list[uuid.UUID] = msgspec.field(default_factory=list)
    lateral: list[uuid.UUID] = msgspec.field(default_factory=list)
    can_fill: list[uuid.UUID] = msgspec.field(default_factory=list)


class PositionRef(msgspec.Struct, kw_only=True):
    """Another position, named."""

    id: uuid.UUID
    code: str
    title: str


class StaffingView(msgspec.Struct, kw_only=True):
    """Headcount (定员) against the people holding the position today, with the formula."""

    headcount: int
    filled: int
    vacancies: int
    over: int
    formula: str


class HolderView(msgspec.Struct, kw_only=True):
    """Someone holding a position today."""

    employee_id: uuid.UUID
    employee_number: str
    employee_name: str
    assignment_id: uuid.UUID
    starts_on: date


class PositionView(msgspec.Struct, kw_only=True):
    """A position with its names, paths, staffing and current job description."""

    id: uuid.UUID
    code: str
    title: str
    category: PositionCategory
    org_unit_id: uuid.UUID
    org_unit_name: str
    reports_to_id: uuid.UUID | None
    reports_to: PositionRef | None
    headcount: int
    #: 管辖人员人数: the headcount of the positions reporting directly to this one.
    direct_reports: int
    pay_grade: str | None
    pay_level: str | None
    notes: str | None
    promotes_to: list[PositionRef]
    #: 由什么职务升迁至此: the positions that promote to this one (read from their paths).
    promoted_from: list[PositionRef]
    lateral: list[PositionRef]
    can_fill: list[PositionRef]
    staffing: StaffingView
    holders: list[HolderView]
    #: The approved job description in force, if any.
    current_description_id: uuid.UUID | None
    created_at: datetime
    updated_at: datetime
    version: int


class PositionPage(msgspec.Struct, kw_only=True):
    """A page of positions."""

    items: list[PositionView]
    next_cursor: str | None
    previous_cursor: str | None = None
    total: int | None = None


class PositionFilters(msgspec.Struct, kw_only=True):
    """The positions list's filters (the API's query parameters and the page's alike)."""

    q: str | None = None
    category: PositionCategory | None = None
    org_unit_id: uuid.UUID | None = None


# --- job descriptions -----------------------------------------------------------------------


class Ability(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A required ability and its level."""

    name: Name
    level: Level


class DutyCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A duty item: content, function and the performance standard at four levels (优/良/可/差),
    quantified where possible (``≥ 98% on time``, ``95–98%``, ``90–95%``, ``< 90%``)."""

    content: Required
    excellent: Required
    good: Required
    fair: Required
    poor: Required
    function: Text | None = None
    weight: Weight | None = None


class DutyUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A duty's fields to change (``seq`` moves it; the others are renumbered)."""

    seq: Annotated[int, msgspec.Meta(ge=1)] | msgspec.UnsetType = msgspec.UNSET
    content: Required | msgspec.UnsetType = msgspec.UNSET
    function: Text | msgspec.UnsetType | None = msgspec.UNSET
    excellent: Required | msgspec.UnsetType = msgspec.UNSET
    good: Required | msgspec.UnsetType = msgspec.UNSET
    fair: Required | msgspec.UnsetType = msgspec.UNSET
    poor: Required | msgspec.UnsetType = msgspec.UNSET
    weight: Weight | msgspec.UnsetType | None = msgspec.UNSET


class DutyView(msgspec.Struct, kw_only=True):
    """A numbered duty item with its four-level standard."""

    id: uuid.UUID
    seq: int
    content: str
    function: str | None
    excellent: str
    good: str
    fair: str
    poor: str
    weight: Decimal | None


class ReviewFlag(msgspec.Struct, kw_only=True):
    """A protected characteristic named in a requirement's free text (to be reviewed)."""

    characteristic: str
    term: str
    field: str


class JobDescriptionCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A new version of a position's job description (a draft), with its duties and requirements."""

    position_id: uuid.UUID
    summary: Text | None = None
    min_education: Short | None = None
    professional_title: Short | None = None
    training: Text | None = None
    certificates: Text | None = None
    experience: Text | None = None
    abilities: list[Ability] = msgspec.field(default_factory=list)
    leadership: Text | None = None
    management: Text | None = None
    duties: list[DutyCreate] = msgspec.field(default_factory=list)


class JobDescriptionUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A draft's summary and requirements to change (``If-Match``)."""

    summary: Text | msgspec.UnsetType | None = msgspec.UNSET
    min_education: Short | msgspec.UnsetType | None = msgspec.UNSET
    professional_title: Short | msgspec.UnsetType | None = msgspec.UNSET
    training: Text | msgspec.UnsetType | None = msgspec.UNSET
    certificates: Text | msgspec.UnsetType | None = msgspec.UNSET
    experience: Text | msgspec.UnsetType | None = msgspec.UNSET
    abilities: list[Ability] | msgspec.UnsetType = msgspec.UNSET
    leadership: Text | msgspec.UnsetType | None = msgspec.UNSET
    management: Text | msgspec.UnsetType | None = msgspec.UNSET


class JobDescriptionView(msgspec.Struct, kw_only=True):
    """A job description version: its position, status, duties, requirements and review flags."""

    id: uuid.UUID
    position_id: uuid.UUID
    position_code: str
    position_title: str
    number: int
    status: DescriptionStatus
    summary: str | None
    min_education: str | None
    professional_title: str | None
    training: str | None
    certificates: str | None
    experience: str | None
    abilities: list[Ability]
    leadership: str | None
    management: str | None
    duties: list[DutyView]
    #: Protected characteristics named in the free text: the description needs a review.
    review_flags: list[ReviewFlag]
    approved_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int


class JobDescriptionPage(msgspec.Struct, kw_only=True):
    """A page of job descriptions."""

    items: list[JobDescriptionView]
    next_cursor: str | None


class JobDescriptionFilters(msgspec.Struct, kw_only=True):
    """The job descriptions list's filters."""

    position_id: uuid.UUID | None = None
    status: DescriptionStatus | None = None


# --- employees and assignments --------------------------------------------------------------


IdNumber = Annotated[str, msgspec.Meta(max_length=50, pattern=NO_NUL, examples=["310101199001011234"])]


class PersonalAccess(enum.StrEnum):
    """Why the caller sees an employee's personal data: HR (owner or admin), their own record,
    or as one of their line managers."""

    HR = "hr"
    SELF = "self"
    LINE_MANAGER = "line_manager"


class PersonalData(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Personal data (个人资料): shown only to HR (owners and admins), the employee and their line
    managers; only HR writes it."""

    birth_date: date | None = None
    #: 身份证号 or passport number.
    id_number: IdNumber | None = None
    personal_phone: Phone | None = None
    home_address: Text | None = None
    #: Name (and relation) of the emergency contact (紧急联系人).
    emergency_contact: Short | None = None
    emergency_phone: Phone | None = None


class PersonalDataUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Personal data to change (only HR): omitted keeps, ``null`` clears."""

    birth_date: date | msgspec.UnsetType | None = msgspec.UNSET
    id_number: IdNumber | msgspec.UnsetType | None = msgspec.UNSET
    personal_phone: Phone | msgspec.UnsetType | None = msgspec.UNSET
    home_address: Text | msgspec.UnsetType | None = msgspec.UNSET
    emergency_contact: Short | msgspec.UnsetType | None = msgspec.UNSET
    emergency_phone: Phone | msgspec.UnsetType | None = msgspec.UNSET


class EmployeeCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A new employee."""

    number: Code
    name: Name
    org_unit_id: uuid.UUID | None = None
    email: Short | None = None
    phone: Phone | None = None
    hired_on: date | None = None
    notes: Text | None = None
    #: The employee's own sign-in (a member of the tenant; only HR links it).
    user_id: uuid.UUID | None = None
    #: Personal data (only HR sets it; 403 otherwise).
    personal: PersonalData | None = None


class EmployeeUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """An employee's fields to change (``If-Match``)."""

    number: Code | msgspec.UnsetType = msgspec.UNSET
    name: Name | msgspec.UnsetType = msgspec.UNSET
    org_unit_id: uuid.UUID | msgspec.UnsetType | None = msgspec.UNSET
    email: Short | msgspec.UnsetType | None = msgspec.UNSET
    phone: Phone | msgspec.UnsetType | None = msgspec.UNSET
    hired_on: date | msgspec.UnsetType | None = msgspec.UNSET
    left_on: date | msgspec.UnsetType | None = msgspec.UNSET
    notes: Text | msgspec.UnsetType | None = msgspec.UNSET
    #: Link (or, with ``null``, unlink) the employee's sign-in: only HR (403 otherwise).
    user_id: uuid.UUID | msgspec.UnsetType | None = msgspec.UNSET
    #: Personal data to change: only HR (403 otherwise).
    personal: PersonalDataUpdate | msgspec.UnsetType = msgspec.UNSET


class AssignmentView(msgspec.Struct, kw_only=True):
    """An assignment of an employee to a position over time."""

    id: uuid.UUID
    employee_id: uuid.UUID
    position_id: uuid.UUID
    position_code: str
    position_title: str
    starts_on: date
    ends_on: date | None
    current: bool
    note: str | None


class EmployeeView(msgspec.Struct, kw_only=True):
    """An employee with their current position."""

    id: uuid.UUID
    number: str
    name: str
    org_unit_id: uuid.UUID | None
    org_unit_name: str | None
    email: str | None
    phone: str | None
    hired_on: date | None
    left_on: date | None
    notes: str | None
    current_position: PositionRef | None
    #: The employee's own sign-in, if linked.
    user_id: uuid.UUID | None
    #: Personal data: ``null`` unless the caller is HR, the employee or one of their line managers.
    personal: PersonalData | None
    #: Why the caller sees the personal data (``null``: they do not).
    personal_access: PersonalAccess | None
    created_at: datetime
    updated_at: datetime
    version: int


class EmployeePage(msgspec.Struct, kw_only=True):
    """A page of employees."""

    items: list[EmployeeView]
    next_cursor: str | None


class EmployeeFilters(msgspec.Struct, kw_only=True):
    """The employees list's filters."""

    q: str | None = None
    org_unit_id: uuid.UUID | None = None


class AssignmentCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Assign the employee to a position from a day; an open assignment that began earlier ends
    the day before (a transfer)."""

    position_id: uuid.UUID
    starts_on: date
    ends_on: date | None = None
    note: Text | None = None


class AssignmentEnd(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """End an assignment on a day (the last day held)."""

    ends_on: date


class AssignmentList(msgspec.Struct, kw_only=True):
    """An employee's assignments, latest first: their history of positions."""

    items: list[AssignmentView]


# --- org chart and headcount ----------------------------------------------------------------


class OrgChartNode(msgspec.Struct, kw_only=True):
    """A position in the org chart: its manager position, depth, staffing."""

    id: uuid.UUID
    code: str
    title: str
    org_unit_name: str
    parent_id: uuid.UUID | None
    depth: int
    staffing: StaffingView
    holders: list[str]


class OrgChart(msgspec.Struct, kw_only=True):
    """Every position as a tree (depth-first, managers before their reports) with the totals."""

    nodes: list[OrgChartNode]
    total: StaffingView


class HeadcountLine(msgspec.Struct, kw_only=True):
    """One position's headcount against the people holding it."""

    position_id: uuid.UUID
    code: str
    title: str
    staffing: StaffingView


class HeadcountUnit(msgspec.Struct, kw_only=True):
    """An org unit's positions and their sum."""

    org_unit_id: uuid.UUID
    org_unit_name: str
    positions: list[HeadcountLine]
    total: StaffingView


class HeadcountReport(msgspec.Struct, kw_only=True):
    """Headcount (定员) vs the people in post per org unit and position, on a day."""

    on: date
    units: list[HeadcountUnit]
    total: StaffingView


# --- job-analysis questionnaire ------------------------------------------------------------

Scale = Annotated[int, msgspec.Meta(ge=1, le=5, description="1 (lowest) to 5 (highest).")]
Points = Annotated[Decimal, msgspec.Meta(description="Job-evaluation points (decimal string).")]


class QuestionCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A questionnaire item in one of the six dimensions."""

    code: Code
    dimension: Dimension
    text: Required


class QuestionView(msgspec.Struct, kw_only=True):
    """A questionnaire item."""

    id: uuid.UUID
    code: str
    dimension: Dimension
    text: str


class QuestionList(msgspec.Struct, kw_only=True):
    """The tenant's questionnaire, by dimension and code."""

    items: list[QuestionView]


class GradeBandInput(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """From ``min_points`` up (until the next band), the grade."""

    min_points: Points
    grade: Grade


class GradeTableUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """The tenant's points-to-grade table, replaced as a whole."""

    bands: list[GradeBandInput]


class GradeTable(msgspec.Struct, kw_only=True):
    """The tenant's points-to-grade table, lowest band first."""

    bands: list[GradeBandInput]


class RaterInput(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Someone invited to rate: a name (or an employee) and their role; ``user_id`` (else the
    employee's own sign-in) is the member who gets the inbox invitation and answers."""

    name: Name
    role: RaterRole
    employee_id: uuid.UUID | None = None
    user_id: uuid.UUID | None = None


RemindDays = Annotated[
    int,
    msgspec.Meta(ge=0, le=60, description="Days before the due day to remind raters who have not answered."),
]


class CampaignCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A job-analysis campaign for a position, with its raters (invited in their inbox)."""

    position_id: uuid.UUID
    title: Name
    #: At least one (422 naming ``raters`` otherwise).
    raters: list[RaterInput] = msgspec.field(default_factory=list)
    due_on: date | None = None
    remind_days: RemindDays = 2


class RaterView(msgspec.Struct, kw_only=True):
    """A rater, whether they were invited and reminded, and whether they have answered."""

    id: uuid.UUID
    name: str
    role: RaterRole
    employee_id: uuid.UUID | None
    responded_at: datetime | None
    #: The member who answers for this rater (``null``: HR enters the answers).
    user_id: uuid.UUID | None = None
    invited_at: datetime | None = None
    reminded_at: datetime | None = None


class CampaignView(msgspec.Struct, kw_only=True):
    """A campaign with its raters."""

    id: uuid.UUID
    position_id: uuid.UUID
    position_code: str
    position_title: str
    title: str
    due_on: date | None
    remind_days: int
    status: CampaignStatus
    raters: list[RaterView]
    created_at: datetime
    version: int


class CampaignPage(msgspec.Struct, kw_only=True):
    """A page of campaigns."""

    items: list[CampaignView]
    next_cursor: str | None


class RatingInput(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """One item's ratings."""

    question_id: uuid.UUID
    need: Scale
    importance: Scale
    contribution: Scale


class RatingsUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A rater's answers (replacing any earlier ones)."""

    ratings: list[RatingInput]


class QuestionnaireView(msgspec.Struct, kw_only=True):
    """A questionnaire the caller was invited to answer, as a rater of a campaign."""

    rater_id: uuid.UUID
    rater_name: str
    role: RaterRole
    campaign_id: uuid.UUID
    campaign_title: str
    position_id: uuid.UUID
    position_code: str
    position_title: str
    due_on: date | None
    #: ``open``: answers are taken; ``closed``: no more.
    status: CampaignStatus
    invited_at: datetime | None
    reminded_at: datetime | None
    responded_at: datetime | None
    #: The caller's answers so far (only in ``get_hr_questionnaire``; empty in the list).
    answers: list[RatingInput] = msgspec.field(default_factory=list)
    #: Whether the caller may answer it now: it is theirs and open (HR reading another's: false).
    answerable: bool = False


class QuestionnaireList(msgspec.Struct, kw_only=True):
    """The caller's questionnaires: open ones first, then by due day."""

    items: list[QuestionnaireView]


class RoleMeans(msgspec.Struct, kw_only=True):
    """One role's means on the three scales (null: that role did not rate the item)."""

    need: Decimal | None
    importance: Decimal | None
    contribution: Decimal | None


class QuestionResult(msgspec.Struct, kw_only=True):
    """An item's means, points and the incumbents' and managers' means with their gap."""

    question_id: uuid.UUID
    code: str
    text: str
    dimension: Dimension
    raters: int
    need: Decimal
    importance: Decimal
    contribution: Decimal
    points: Decimal
    incumbents: RoleMeans
    managers: RoleMeans
    gap: Decimal | None
    disagreement: bool


class ProfileDimension(msgspec.Struct, kw_only=True):
    """A dimension of the ability profile."""

    dimension: Dimension
    items: int
    need: Decimal
    importance: Decimal


class CampaignResult(msgspec.Struct, kw_only=True):
    """What the ratings add up to: the ability profile, the points and the suggested grade."""

    campaign_id: uuid.UUID
    raters: int
    responded: int
    #: Each rated item's results, by dimension and code.
    questions: list[QuestionResult]
    profile: list[ProfileDimension]
    points: Decimal
    formula: str
    suggested_grade: str | None
    #: The position's current pay grade, to compare with the suggestion.
    current_grade: str | None
    grade_table: list[GradeBandInput]
    #: Incumbents and managers disagree when their means differ by more than this on a scale.
    disagreement_threshold: Decimal


# --- appraisals (考核) ----------------------------------------------------------------------

LevelPoints = Annotated[
    Decimal, msgspec.Meta(description="Points of a level, 0 to 1000, at most 2 decimals (decimal string).")
]


class HrSettingsView(msgspec.Struct, kw_only=True):
    """The tenant's HR settings: the points of the four appraisal levels (优/良/可/差)."""

    points_excellent: Decimal
    points_good: Decimal
    points_fair: Decimal
    points_poor: Decimal
    updated_at: datetime
    version: int


class HrSettingsUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Points to change (``If-Match``); excellent ≥ good ≥ fair ≥ poor ≥ 0 (422 naming the field)."""

    points_excellent: LevelPoints | msgspec.UnsetType = msgspec.UNSET
    points_good: LevelPoints | msgspec.UnsetType = msgspec.UNSET
    points_fair: LevelPoints | msgspec.UnsetType = msgspec.UNSET
    points_poor: LevelPoints | msgspec.UnsetType = msgspec.UNSET


class AppraisalCycleCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A new appraisal cycle (a draft): its name, period and scope."""

    name: Name
    starts_on: date
    ends_on: date
    #: The scope: this org unit and the units below it; ``null``: every active employee with a position.
    org_unit_id: uuid.UUID | None = None


class AppraisalCycleUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A draft cycle's fields to change (``If-Match``); ``null`` scope: everyone with a position."""

    name: Name | msgspec.UnsetType = msgspec.UNSET
    starts_on: date | msgspec.UnsetType = msgspec.UNSET
    ends_on: date | msgspec.UnsetType = msgspec.UNSET
    org_unit_id: uuid.UUID | msgspec.UnsetType | None = msgspec.UNSET


class AppraisalCycleMove(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Move a cycle: ``open`` (a draft; its employees are enrolled) or ``closed`` (scores locked)."""

    status: CycleStatus


class AppraisalCycleView(msgspec.Struct, kw_only=True):
    """An appraisal cycle with its scope and how far its appraisals are."""

    id: uuid.UUID
    name: str
    starts_on: date
    ends_on: date
    status: CycleStatus
    #: Where it may move next (``open`` from a draft, ``closed`` when open).
    next_statuses: list[CycleStatus]
    org_unit_id: uuid.UUID | None
    #: The scope's name (``null``: every active employee with a position).
    org_unit_name: str | None
    #: Appraisals in the cycle (enrolled when it opens), and how many the manager has fully scored.
    appraisals: int
    scored: int
    opened_at: datetime | None
    closed_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int


class AppraisalCyclePage(msgspec.Struct, kw_only=True):
    """A page of appraisal cycles."""

    items: list[AppraisalCycleView]
    next_cursor: str | None
    previous_cursor: str | None = None
    total: int | None = None


class AppraisalCycleFilters(msgspec.Struct, kw_only=True):
    """The cycles list's filters."""

    q: str | None = None
    status: CycleStatus | None = None


class ScoreInput(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """One duty's level against its four-level standard, with a comment."""

    duty_id: uuid.UUID
    level: AppraisalLevel
    comment: Text | None = None


class ScoresUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """One rater's scores of the appraisal's duties, replacing their earlier ones (a duty left
    out is not scored yet)."""

    scores: list[ScoreInput]


class DutyScore(msgspec.Struct, kw_only=True):
    """A rater's level of a duty: the level, its points and the comment."""

    level: AppraisalLevel
    points: Decimal
    comment: str | None
    scored_at: datetime


class AppraisalDuty(msgspec.Struct, kw_only=True):
    """A duty of the appraisal with its four-level standard, its weight and both raters' scores."""

    duty_id: uuid.UUID
    seq: int
    content: str
    excellent: str
    good: str
    fair: str
    poor: str
    #: The duty's weight in percent (``null``: it has none).
    weight: Decimal | None
    #: The weight the roll-up counts (1 each when no duty has a weight; else 0 for one without).
    counted_weight: Decimal
    self_score: DutyScore | None
    manager_score: DutyScore | None


class RollupView(msgspec.Struct, kw_only=True):
    """A weighted roll-up: Σ weight × points / Σ weight over the scored duties, half-up to 0.01."""

    score: Decimal | None
    #: The level nearest the score (``null``: nothing scored).
    level: AppraisalLevel | None
    weighted: Decimal
    weights: Decimal
    scored: int
    total: int
    complete: bool
    formula: str


class AppraisalView(msgspec.Struct, kw_only=True):
    """An employee's appraisal in a cycle: the duties of the job description in force with both
    raters' levels, the manager's roll-up (it counts) with the self-assessment's beside it, and
    HR's calibrated final level."""

    id: uuid.UUID
    cycle_id: uuid.UUID
    cycle_name: str
    cycle_status: CycleStatus
    starts_on: date
    ends_on: date
    employee_id: uuid.UUID
    employee_number: str
    employee_name: str
    position_id: uuid.UUID
    position_code: str
    position_title: str
    org_unit_id: uuid.UUID
    org_unit_name: str
    job_description_id: uuid.UUID | None
    #: The version of the job description scored (``null``: none was in force).
    job_description_number: int | None
    duties: list[AppraisalDuty]
    #: The manager's roll-up: the appraisal's score.
    manager: RollupView
    #: The self-assessment's roll-up, shown beside it.
    self_assessment: RollupView
    #: HR's calibrated level and its reason (``null``: the manager's roll-up level stands).
    final_level: AppraisalLevel | None
    final_reason: str | None
    #: The level the appraisal ends with: HR's if calibrated, else the manager's roll-up level.
    result_level: AppraisalLevel | None
    #: The points of the four levels used (the tenant's settings).
    level_points: dict[str, Decimal]
    #: Why the caller sees it (``hr``, ``self``, ``line_manager``) and what they may score now.
    access: PersonalAccess
    can_score_self: bool
    can_score_manager: bool
    can_calibrate: bool
    created_at: datetime
    updated_at: datetime
    version: int


class AppraisalSummary(msgspec.Struct, kw_only=True):
    """An appraisal in a list: who, which position, both roll-ups and the result."""

    id: uuid.UUID
    cycle_id: uuid.UUID
    cycle_name: str
    cycle_status: CycleStatus
    starts_on: date
    ends_on: date
    employee_id: uuid.UUID
    employee_number: str
    employee_name: str
    position_id: uuid.UUID
    position_code: str
    position_title: str
    org_unit_id: uuid.UUID
    org_unit_name: str
    manager_score: Decimal | None
    manager_level: AppraisalLevel | None
    self_score: Decimal | None
    self_level: AppraisalLevel | None
    scored: int
    total: int
    final_level: AppraisalLevel | None
    final_reason: str | None
    result_level: AppraisalLevel | None
    manager_formula: str
    version: int


class AppraisalList(msgspec.Struct, kw_only=True):
    """Appraisals the caller may see (HR: all; a line manager: their reports'; anyone: their own)."""

    items: list[AppraisalSummary]


class FinalLevelChange(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """HR's calibrated level of an appraisal with the reason (``null`` level: back to the roll-up's)."""

    level: AppraisalLevel | None
    reason: Required


class PositionRollup(msgspec.Struct, kw_only=True):
    """A position's roll-up in a cycle: the mean of its employees' manager scores."""

    position_id: uuid.UUID
    position_code: str
    position_title: str
    employees: int
    scored: int
    #: The manager scores averaged (the inputs of the formula).
    scores: list[Decimal]
    score: Decimal | None
    formula: str


class CalibrationOutlier(msgspec.Struct, kw_only=True):
    """An appraisal to look at: ``self_gap`` (self and manager far apart) or ``spread`` (far from
    the cycle's mean)."""

    appraisal_id: uuid.UUID
    employee_name: str
    reasons: list[str]


class CalibrationGroup(msgspec.Struct, kw_only=True):
    """One org unit's appraisals, by position."""

    org_unit_id: uuid.UUID
    org_unit_name: str
    appraisals: list[AppraisalSummary]


class Calibration(msgspec.Struct, kw_only=True):
    """A cycle's calibration: appraisals by org unit and position with self vs manager roll-ups,
    the positions' roll-ups, the distribution over the four levels (by result level) and the
    outliers, with the thresholds used."""

    cycle_id: uuid.UUID
    cycle_name: str
    cycle_status: CycleStatus
    groups: list[CalibrationGroup]
    positions: list[PositionRollup]
    distribution: dict[str, int]
    mean_score: Decimal | None
    outliers: list[CalibrationOutlier]
    self_gap: Decimal
    spread: Decimal
    level_points: dict[str, Decimal]


__all__ = [
    "AppraisalLevel",
    "CampaignStatus",
    "CycleStatus",
    "DescriptionStatus",
    "Dimension",
    "PathKind",
    "PositionCategory",
    "RaterRole",
    "ScoreRater",
]
