"""CRM settings: the settings page (admins) and its navigation entry.

Churn months, tier shares, the horizon of revenue months, zone routing and the business
calendar; the page calls the service
the API calls.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.response import Template

from bizsuite.core.dependencies import Ctx
from bizsuite.core.identity.models import Role
from bizsuite.kit import NavItem
from bizsuite.modules.crm.calendar import WEEKDAYS, BusinessCalendar
from bizsuite.modules.crm.settings import services
from bizsuite.modules.crm.settings.schemas import CrmSettingsOut, CrmSettingsUpdate
from bizsuite.web.forms import FormErrors, Submission, read_form, translate_field_message
from bizsuite.web.i18n import N_
from bizsuite.web.i18n import gettext as _
from bizsuite.web.pages import Form
from bizsuite.web.support import redirect, run_form, signed_in
from bizsuite.web.templating import page

WEEKDAY_LABELS = {
    "mon": N_("Monday"),
    "tue": N_("Tuesday"),
    "wed": N_("Wednesday"),
    "thu": N_("Thursday"),
    "fri": N_("Friday"),
    "sat": N_("Saturday"),
    "sun": N_("Sunday"),
}
#: Toasts after a redirect (``?notice=<code>``).
NOTICES = {
    "crm_settings.saved": N_("CRM settings saved; tiers and churn are up to date."),
}
SETTINGS_FIELDS = ("churn_months", "tier_a_share", "tier_b_share", "revenue_future_months")


def _calendar(data: dict[str, Any]) -> tuple[BusinessCalendar | None, FormErrors]:
    """The form's business calendar (hours per weekday, holidays one per line), or why not."""
    errors = FormErrors()
    hours: dict[str, list[str]] = {}
    for day in WEEKDAYS:
        start, end = str(data.get(f"{day}_start") or "").strip(), str(data.get(f"{day}_end") or "").strip()
        if start or end:
            hours[day] = [start, end]
    holidays: list[str] = []
    for line in str(data.get("holidays") or "").replace(",", "\n").splitlines():
        if line.strip():
            try:
                holidays.append(date.fromisoformat(line.strip()).isoformat())
            except ValueError:
                errors["holidays"] = _("Write one date per line, like 2026-10-01.")
    try:
        calendar = msgspec.convert({"hours": hours, "holidays": holidays}, BusinessCalendar, strict=False)
    except msgspec.ValidationError as error:
        errors.setdefault("business_calendar", translate_field_message(str(error).split(" - at ")[0]))
        return None, errors
    return (None if errors else calendar), errors


def read_settings_form(data: dict[str, Any]) -> Submission[CrmSettingsUpdate]:
    """The settings form as the API's update body, with every field error at once."""
    submission = read_form(data, CrmSettingsUpdate, SETTINGS_FIELDS, checkboxes=("route_by_zone",))
    calendar, errors = _calendar(data)
    if errors:
        submission.errors.update(errors)
        submission.body = None
    elif submission.body is not None:
        submission.body.business_calendar = calendar
    # The page shows back exactly what was typed (hours and holidays included).
    submission.values = {key: data.get(key) for key in data if key not in ("csrf_token", "version")}
    return submission


def _saved(view: CrmSettingsOut) -> dict[str, Any]:
    return {
        "churn_months": view.churn_months,
        "tier_a_share": str(view.tier_a_share),
        "tier_b_share": str(view.tier_b_share),
        "route_by_zone": view.route_by_zone,
        "revenue_future_months": view.revenue_future_months,
    }


class CrmSettingsPages(Controller):
    """The CRM settings (admins)."""

    path = "/crm/settings"
    include_in_schema = False
    guards = [signed_in]
    opt = {"min_role": Role.ADMIN}

    async def _render(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        submission: Submission[CrmSettingsUpdate] | None = None,
    ) -> Template:
        view = await services.get_crm_settings(ctx)
        return page(
            request,
            "crm/settings/settings.html",
            status_code=submission.status_code if submission else 200,
            settings=view,
            calendar=view.business_calendar,
            weekdays=WEEKDAY_LABELS,
            errors=submission.errors if submission else FormErrors(),
            values=submission.values if submission else None,
            conflict=submission.conflict if submission else None,
        )

    @get()
    async def settings(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """The settings form."""
        return await self._render(ctx, request)

    @post()
    async def save(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Save the settings; new churn months or tier shares recompute at once."""

        async def save(body: CrmSettingsUpdate, version: str | None) -> CrmSettingsOut:
            async with ctx.session.begin_nested():
                return await services.save_crm_settings(ctx, body, version)

        async def saved() -> dict[str, Any]:
            return _saved(await services.get_crm_settings(ctx))

        async def again(submission: Submission[CrmSettingsUpdate]) -> Response[Any]:
            return await self._render(ctx, request, submission)

        return await run_form(
            read_settings_form(data),
            save,
            done=lambda _view: redirect("/crm/settings", notice="crm_settings.saved"),
            again=again,
            saved=saved,
        )


PAGES: list[type[Controller]] = [CrmSettingsPages]
NAVIGATION: list[NavItem] = [
    NavItem(N_("CRM settings"), "/crm/settings", Role.ADMIN, module="crm", section=N_("CRM")),
]
