"""Fee billing set-up pages: the fee schedules (every version; define a new version from an
effective date, edit one no statement was generated from), the payers (which subsidiaries are
billed) and the settings (the statement number pattern)."""

from __future__ import annotations

import uuid
from typing import Any

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.params import FromPath
from litestar.response import Template

from bizsuite.core.dependencies import Ctx
from bizsuite.core.identity.models import Role
from bizsuite.modules.fees import rules
from bizsuite.modules.fees.rules import ComponentKind
from bizsuite.modules.fees.schemas import (
    FeeComponentCreate,
    FeePayerUpdate,
    FeeScheduleCreate,
    FeeScheduleUpdate,
    FeeScheduleView,
    FeesSettingsUpdate,
)
from bizsuite.modules.fees.services import payers, schedules, settings
from bizsuite.modules.fees.services.common import visible_units
from bizsuite.web.forms import (
    FormErrors,
    Submission,
    decode_form,
    form_context,
    form_version,
    read_form,
    saved_values,
)
from bizsuite.web.i18n import N_
from bizsuite.web.i18n import gettext as _
from bizsuite.web.pages import Form
from bizsuite.web.support import redirect, run_form, signed_in
from bizsuite.web.templating import page

#: The schedule form's own fields (each component row's are ``components[i].<name>``).
HEAD_FIELDS = ("name", "effective_from", "currency", "cutoff_month", "cutoff_day", "notes")
COMPONENT_FIELDS = ("kind", "label", "rate", "per", "band_low", "band_high", "quarters")
#: Empty component rows the form offers below the schedule's own (to add components).
SPARE_ROWS = 2
PAYER_FIELDS = ("payer", "excluded_reason", "wholly_owned", "included")
STATUS_LABELS = {
    "billed": N_("Billed"),
    "excluded": N_("Not a payer"),
    "not_wholly_owned": N_("Not wholly owned: not billed"),
}


def _shown_decimal(value: Any) -> str:
    return "" if value is None else str(rules.tidy(value))


def schedule_values(schedule: FeeScheduleView, *, new_version: bool = False) -> dict[str, Any]:
    """A schedule as its form shows it: flat fields, a component's as ``components[i].<name>``
    (quarters as ``1, 2, 3``). A new version starts from it with no effective date."""
    values: dict[str, Any] = {
        "name": schedule.name,
        "effective_from": "" if new_version else schedule.effective_from.isoformat(),
        "currency": schedule.currency,
        "cutoff_month": str(schedule.cutoff_month),
        "cutoff_day": str(schedule.cutoff_day),
        "notes": schedule.notes or "",
    }
    for i, c in enumerate(schedule.components):
        values.update(
            {
                f"components[{i}].kind": c.kind.value,
                f"components[{i}].label": c.label,
                f"components[{i}].rate": _shown_decimal(c.rate),
                f"components[{i}].per": _shown_decimal(c.per),
                f"components[{i}].band_low": _shown_decimal(c.band_low),
                f"components[{i}].band_high": _shown_decimal(c.band_high),
                f"components[{i}].quarters": ", ".join(str(q) for q in c.quarters),
            }
        )
    return values


def _rows(values: dict[str, Any]) -> int:
    """How many component rows the form has (the highest index sent or shown, plus one)."""
    indexes = [
        int(key[len("components[") : key.index("]")])
        for key in values
        if key.startswith("components[") and "]" in key and key[len("components[") : key.index("]")].isdigit()
    ]
    return max(indexes, default=-1) + 1


def _quarters(text: str) -> list[int] | None:
    parts = [p for p in text.replace("，", ",").replace(" ", ",").split(",") if p]
    if not all(p.strip().upper().removeprefix("Q").isdigit() for p in parts):
        return None
    return [int(p.strip().upper().removeprefix("Q")) for p in parts]


def read_schedule_form(data: dict[str, Any], schema: type[Any]) -> Submission[Any]:
    """The schedule form as ``schema`` (create or update), with every field's error at once,
    a component's named as the API names it (``components[1].band_high``). A row with neither
    a kind nor a label is left out (that is how a component is removed)."""
    values = {
        k: (v.strip() if isinstance(v, str) else v) for k, v in data.items() if k not in ("csrf_token",)
    }
    errors = FormErrors()
    components: list[dict[str, Any]] = []
    for i in range(min(_rows(values), 20 + SPARE_ROWS)):
        row = {name: str(values.get(f"components[{i}].{name}") or "").strip() for name in COMPONENT_FIELDS}
        if not row["kind"] and not row["label"]:
            continue
        quarters = _quarters(row.pop("quarters"))
        if quarters is None:
            errors[f"components[{i}].quarters"] = _("quarters are 1 to 4, each once")
        body, row_errors = decode_form(
            {**row, "quarters": quarters or []}, FeeComponentCreate, lists=("quarters",)
        )
        for name, message in row_errors.items():
            errors[f"components[{i}].{name}" if not name.startswith("__") else f"components[{i}].kind"] = (
                message
            )
        if body is not None:
            components.append(msgspec.to_builtins(body))
    head = {k: values[k] for k in HEAD_FIELDS if values.get(k)}
    body, head_errors = decode_form({**head, "components": components}, schema, lists=("components",))
    for name, message in head_errors.items():
        if name == "components" and errors:
            continue
        errors.setdefault(name, message)
    if not components and "components" not in errors and not any(k.startswith("components[") for k in errors):
        errors["components"] = _("add at least one component")
    return Submission(values=values, body=None if errors else body, errors=errors, version=form_version(data))


def _kinds() -> list[tuple[str, str]]:
    return [
        ("", "—"),
        (ComponentKind.VOLUME_RATE.value, _("Volume fee")),
        (ComponentKind.BAND_SETTLEMENT.value, _("Year-end settlement")),
        (ComponentKind.PROFIT_SHARE.value, _("Profit fee")),
        (ComponentKind.INCOME_SHARE.value, _("Other income fee")),
    ]


class SchedulePages(Controller):
    """The fee schedules (收费标准): every version; a new version from an effective date; the
    edit form of a version no statement was generated from."""

    path = "/fees/schedules"
    include_in_schema = False
    guards = [signed_in]

    @get()
    async def schedules(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """Every schedule version with its components, latest first."""
        items, _next = await schedules.list_schedules(ctx, limit=100, cursor=None)
        return page(
            request,
            "fees/schedules.html",
            items=items,
            labels=_component_labels(),
            tidy=rules.tidy,
            group_view=await visible_units(ctx) is None,
        )

    async def _form(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        *,
        schedule: FeeScheduleView | None,
        values: dict[str, Any],
        form: Submission[Any] | None = None,
    ) -> Template:
        return page(
            request,
            "fees/schedule_form.html",
            status_code=form.status_code if form else 200,
            schedule=schedule,
            **form_context(form, values=values),
            conflict=form.conflict if form else None,
            rows=_rows(values) + SPARE_ROWS,
            kinds=_kinds(),
            group_view=await visible_units(ctx) is None,
        )

    @get("/new")
    async def new(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """A new version, starting from the latest one's components (or the seed's kinds)."""
        items, _next = await schedules.list_schedules(ctx, limit=1, cursor=None)
        latest = max(items, key=lambda s: s.effective_from) if items else None
        values = schedule_values(latest, new_version=True) if latest else {"currency": "CNY"}
        return await self._form(ctx, request, schedule=None, values=values)

    @post("/new", opt={"min_role": Role.MEMBER})
    async def create(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Add the version; the earlier ones are kept for the periods they bill."""

        async def again(form: Submission[FeeScheduleCreate]) -> Template:
            return await self._form(ctx, request, schedule=None, values=form.values, form=form)

        return await run_form(
            read_schedule_form(data, FeeScheduleCreate),
            lambda body, _version: schedules.create_schedule(ctx, body),
            done=lambda made: redirect(f"/fees/schedules/{made.id}", notice="fees.schedule.created"),
            again=again,
        )

    @get("/{schedule_id:uuid}")
    async def schedule(
        self, ctx: Ctx, request: Request[Any, Any, Any], schedule_id: FromPath[uuid.UUID]
    ) -> Template:
        """A version and (while no statement was generated from it) its edit form."""
        found = await schedules.get_schedule(ctx, schedule_id)
        return await self._form(ctx, request, schedule=found, values=schedule_values(found))

    @post("/{schedule_id:uuid}", opt={"min_role": Role.MEMBER})
    async def edit(
        self, ctx: Ctx, request: Request[Any, Any, Any], schedule_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Save the version (``version``: someone else's save in between shows theirs beside mine)."""
        found = await schedules.get_schedule(ctx, schedule_id)

        async def again(form: Submission[FeeScheduleUpdate]) -> Template:
            return await self._form(ctx, request, schedule=found, values=form.values, form=form)

        async def current() -> dict[str, Any]:
            return schedule_values(await schedules.get_schedule(ctx, schedule_id))

        return await run_form(
            read_schedule_form(data, FeeScheduleUpdate),
            lambda body, version: schedules.update_schedule(ctx, schedule_id, body, version),
            done=lambda saved: redirect(f"/fees/schedules/{saved.id}", notice="fees.schedule.updated"),
            again=again,
            saved=current,
        )


def _component_labels() -> dict[str, str]:
    return {
        "volume_rate": N_("Volume fee"),
        "band_settlement": N_("Year-end settlement"),
        "profit_share": N_("Profit fee"),
        "income_share": N_("Other income fee"),
    }


class PayerPages(Controller):
    """Payers: which subsidiaries are billed."""

    path = "/fees/payers"
    include_in_schema = False
    guards = [signed_in]

    async def _page(
        self, ctx: Ctx, request: Request[Any, Any, Any], form: Submission[Any] | None = None, which: str = ""
    ) -> Template:
        return page(
            request,
            "fees/payers.html",
            status_code=form.status_code if form else 200,
            items=await payers.list_payers(ctx),
            status_labels=STATUS_LABELS,
            group_view=await visible_units(ctx) is None,
            which=which,
            **form_context(form),
        )

    @get()
    async def payers(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """Every subsidiary with its payer flags, and (HQ) the form to change them."""
        return await self._page(ctx, request)

    @post("/{org_unit_id:uuid}", opt={"min_role": Role.MEMBER})
    async def save(
        self, ctx: Ctx, request: Request[Any, Any, Any], org_unit_id: FromPath[uuid.UUID], data: Form
    ) -> Response[Any]:
        """Save a subsidiary's payer flags."""

        async def again(form: Submission[FeePayerUpdate]) -> Template:
            return await self._page(ctx, request, form, str(org_unit_id))

        async def current() -> dict[str, Any]:
            found = await payers.get_payer(ctx, org_unit_id)
            return saved_values(found, PAYER_FIELDS)

        return await run_form(
            read_form(data, FeePayerUpdate, PAYER_FIELDS, checkboxes=("payer", "wholly_owned", "included")),
            lambda body, version: payers.set_payer(ctx, org_unit_id, body, version),
            done=lambda _p: redirect("/fees/payers", notice="fees.payer.updated"),
            again=again,
            saved=current,
        )


class SettingsPages(Controller):
    """The fee billing settings."""

    path = "/fees/settings"
    include_in_schema = False
    guards = [signed_in]

    async def _page(
        self, ctx: Ctx, request: Request[Any, Any, Any], form: Submission[Any] | None = None
    ) -> Template:
        current = await settings.get_settings(ctx)
        return page(
            request,
            "fees/settings.html",
            status_code=form.status_code if form else 200,
            current=current,
            group_view=await visible_units(ctx) is None,
            **form_context(form, values=saved_values(current, ("statement_number_pattern",))),
            conflict=form.conflict if form else None,
        )

    @get()
    async def settings_page(self, ctx: Ctx, request: Request[Any, Any, Any]) -> Template:
        """The statement number pattern with an example, and its form."""
        return await self._page(ctx, request)

    @post(opt={"min_role": Role.MANAGER})
    async def save(self, ctx: Ctx, request: Request[Any, Any, Any], data: Form) -> Response[Any]:
        """Save the settings."""

        async def again(form: Submission[FeesSettingsUpdate]) -> Template:
            return await self._page(ctx, request, form)

        async def current() -> dict[str, Any]:
            return saved_values(await settings.get_settings(ctx), ("statement_number_pattern",))

        return await run_form(
            read_form(
                data,
                FeesSettingsUpdate,
                ("statement_number_pattern",),
                update=True,
                required=("statement_number_pattern",),
            ),
            lambda body, version: settings.update_settings(ctx, body, version),
            done=lambda _s: redirect("/fees/settings", notice="fees.settings.updated"),
            again=again,
            saved=current,
        )


PAGES: list[type[Controller]] = [SchedulePages, PayerPages, SettingsPages]
NOTICES = {
    "fees.schedule.created": N_("Fee schedule version added; the earlier versions are kept."),
    "fees.schedule.updated": N_("Fee schedule saved."),
    "fees.payer.updated": N_("Payer saved."),
    "fees.settings.updated": N_("Fee settings saved."),
}
