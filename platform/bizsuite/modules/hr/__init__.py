"""HR (人力资源: 职务分析): positions (职务) with their org units, reporting lines, headcount
(定员), pay grades and paths (promotion, lateral move, other positions the holder can fill,
without loops); job descriptions (职务说明书) with numbered duties, each with a performance
standard at four levels (优/良/可/差), and job requirements that never ask for protected
characteristics; employees (with an import) and their assignments to positions over time; the
org chart of positions and headcount against the people in post; the job-analysis questionnaire
(six dimensions rated by incumbents and managers) with its ability profile, job-evaluation points
and the grade they suggest from the tenant's points-to-grade table; raters invited in their
inbox, answering their own questionnaire and reminded before its due day (``jobs``); personal
data seen only by HR, the employee and their line managers; appraisals (考核): cycles whose
employees score their own duties against the four-level standards of the job description in
force and are scored by their line manager (or HR), the weighted roll-up per employee and per
position, the calibration of a cycle by HR, and each employee's appraisals over the cycles (seen,
like personal data, only by HR, the employee and their line managers).

``models`` holds every table; ``rules`` the domain rules; ``services`` (one module per
aggregate), ``api`` and ``pages`` are thin layers over them; ``blueprint`` reads ``[hr]``.
Job descriptions are approved through the kernel's engine as ``hr_job_description``.
"""

from __future__ import annotations

from pathlib import Path

from bizsuite.kit import DocumentType, ModuleSpec
from bizsuite.modules.hr import api, chatter, imports, pages, services
from bizsuite.modules.hr.blueprint import SECTION
from bizsuite.web.i18n import N_

MODULE = ModuleSpec(
    name="hr",
    controllers=api.CONTROLLERS,
    pages=pages.PAGES,
    navigation=pages.NAVIGATION,
    notices=pages.NOTICES,
    link_targets=pages.LINK_TARGETS,
    search_providers=pages.SEARCH_PROVIDERS,
    record_types=chatter.RECORD_TYPES,
    templates=Path(__file__).parent / "templates",
    models=["bizsuite.modules.hr.models"],
    blueprint_sections={"hr": SECTION},
    importers=[imports.EMPLOYEES],
    task_modules=["bizsuite.modules.hr.jobs"],
    settings=services.HR_SETTINGS,
    alert_kinds=services.ALERT_KINDS,
    document_types=[
        DocumentType(
            services.DESCRIPTION_DOCUMENT, services.on_description_decided, label=N_("Job description")
        ),
    ],
    audit_subjects={
        "hr.appraisal": N_("Appraisal"),
        "hr.appraisal_cycle": N_("Appraisal cycle"),
        "hr.assignment": N_("Assignment"),
        "hr.campaign": N_("Job-analysis campaign"),
        "hr.grade_table": N_("Points-to-grade table"),
        "hr.question": N_("Questionnaire item"),
        "hr.rating": N_("Questionnaire answers"),
        "hr.duty": N_("Duty item"),
        "hr.employee": N_("Employee"),
        "hr.job_description": N_("Job description"),
        "hr.position": N_("Job position"),
        "hr.settings": N_("HR settings"),
    },
)
