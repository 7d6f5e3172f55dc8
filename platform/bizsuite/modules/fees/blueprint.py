"""The ``[fees]`` table of a blueprint: fee schedules with their components, customs records,
profit figures and other income by subsidiary code, created when missing (applying twice writes
nothing the second time)."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import msgspec
from sqlalchemy import select

from bizsuite.core.blueprints import ApplyReport, Blueprint, BlueprintSection, SectionError
from bizsuite.core.context import Context, snapshot
from bizsuite.core.org_units.blueprint import org_units_in
from bizsuite.core.org_units.models import OrgUnit
from bizsuite.modules.fees import rules
from bizsuite.modules.fees.models import (
    CustomsDirection,
    CustomsRecord,
    FeeComponent,
    FeeSchedule,
    IncomeEntry,
    IncomeKind,
    Payer,
    ProfitFigure,
)
from bizsuite.modules.fees.services.settings import load_settings


class ComponentSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A schedule component."""

    kind: rules.ComponentKind
    label: str
    rate: Decimal | None = None
    per: Decimal = Decimal(100)
    band_low: Decimal | None = None
    band_high: Decimal | None = None
    quarters: list[int] = msgspec.field(default_factory=list)
    metric_currency: str = "USD"


class ScheduleSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A schedule (by effective date)."""

    name: str
    effective_from: date
    components: list[ComponentSpec]
    currency: str = "CNY"
    cutoff_month: int = 12
    cutoff_day: int = 20
    notes: str | None = None


class CustomsSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A customs record (by reference) of a subsidiary (org unit code)."""

    org_unit: str
    declared_on: date
    direction: CustomsDirection
    amount: Decimal
    reference: str


class ProfitSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A year's operating profit of a subsidiary."""

    org_unit: str
    year: int
    reported: Decimal
    audited: Decimal | None = None


class IncomeSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Other income of a subsidiary in a year."""

    org_unit: str
    year: int
    kind: IncomeKind
    amount: Decimal
    note: str | None = None


class PayerSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """How a subsidiary (org unit code) pays when not the default wholly-owned payer."""

    org_unit: str
    payer: bool = True
    excluded_reason: str | None = None
    wholly_owned: bool = True
    included: bool = False


class SettingsSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """``[fees.settings]``."""

    statement_number_pattern: str | None = None


class FeesSection(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """``[fees]``."""

    settings: SettingsSpec | None = None
    payers: list[PayerSpec] = msgspec.field(default_factory=list)
    schedules: list[ScheduleSpec] = msgspec.field(default_factory=list)
    customs: list[CustomsSpec] = msgspec.field(default_factory=list)
    profits: list[ProfitSpec] = msgspec.field(default_factory=list)
    income: list[IncomeSpec] = msgspec.field(default_factory=list)


def check(blueprint: Blueprint, section: FeesSection) -> None:
    """Components usable; org unit codes known."""
    units = {unit.code for unit in org_units_in(blueprint)}
    for i, schedule in enumerate(section.schedules):
        for j, c in enumerate(schedule.components):
            problem = rules.component_error(
                rules.Component(
                    kind=c.kind,
                    label=c.label,
                    rate=c.rate,
                    per=c.per,
                    band_low=c.band_low,
                    band_high=c.band_high,
                    quarters=tuple(c.quarters),
                )
            )
            if problem:
                raise SectionError(f"schedules[{i}].components[{j}].{problem[0]}", problem[1])
    pattern = section.settings.statement_number_pattern if section.settings is not None else None
    if pattern is not None and (error := rules.number_pattern_error(pattern)):
        raise SectionError("settings.statement_number_pattern", error)
    kinds = {unit.code: unit.kind for unit in org_units_in(blueprint)}
    for i, payer in enumerate(section.payers):
        if (
            payer.org_unit in kinds
            and getattr(kinds[payer.org_unit], "value", kinds[payer.org_unit]) != "subsidiary"
        ):
            raise SectionError(f"payers[{i}].org_unit", f"{payer.org_unit!r} is not a subsidiary")
        if problem := rules.payer_error(payer=payer.payer, excluded_reason=payer.excluded_reason):
            raise SectionError(f"payers[{i}].{problem[0]}", problem[1])
    named: list[tuple[str, list[str]]] = [
        ("payers", [p.org_unit for p in section.payers]),
        ("customs", [c.org_unit for c in section.customs]),
        ("profits", [p.org_unit for p in section.profits]),
        ("income", [e.org_unit for e in section.income]),
    ]
    for name, codes in named:
        for i, code in enumerate(codes):
            if code not in units:
                raise SectionError(f"{name}[{i}].org_unit", f"no org unit with code {code!r}")


async def apply(outer: Context, section: FeesSection, report: ApplyReport) -> None:
    """Create what is missing."""
    ctx = dataclasses.replace(outer, principal=dataclasses.replace(outer.principal, tenant=report.tenant))
    session = ctx.session
    units = dict((await session.execute(select(OrgUnit.code, OrgUnit.id))).all())
    if section.settings is not None and section.settings.statement_number_pattern is not None:
        row = await load_settings(ctx)
        if row.statement_number_pattern != section.settings.statement_number_pattern:
            before = snapshot(row)
            row.statement_number_pattern = section.settings.statement_number_pattern
            await session.flush()
            ctx.audit("fees.settings.updated", row, before=before, after=snapshot(row))
            report.created.append("fee settings")
    set_payers = set(await session.scalars(select(Payer.org_unit_id)))
    for spec_payer in section.payers:
        if units[spec_payer.org_unit] in set_payers:
            continue
        payer = Payer(
            org_unit_id=units[spec_payer.org_unit],
            payer=spec_payer.payer,
            excluded_reason=None if spec_payer.payer else (spec_payer.excluded_reason or "").strip(),
            wholly_owned=spec_payer.wholly_owned,
            included=spec_payer.included and not spec_payer.wholly_owned,
        )
        session.add(payer)
        await session.flush()
        ctx.audit("fees.payer.updated", payer, after=snapshot(payer))
        report.created.append(f"fee payer {spec_payer.org_unit}")
    existing = set(await session.scalars(select(FeeSchedule.effective_from)))
    for spec in section.schedules:
        if spec.effective_from in existing:
            continue
        schedule = FeeSchedule(
            name=spec.name,
            effective_from=spec.effective_from,
            currency=spec.currency,
            cutoff_month=spec.cutoff_month,
            cutoff_day=spec.cutoff_day,
            notes=spec.notes,
        )
        session.add(schedule)
        await session.flush()
        for position, c in enumerate(spec.components, start=1):
            session.add(
                FeeComponent(
                    schedule_id=schedule.id,
                    position=position,
                    kind=c.kind,
                    label=c.label,
                    rate=c.rate,
                    per=c.per,
                    band_low=c.band_low,
                    band_high=c.band_high,
                    quarters=c.quarters or list(rules.DEFAULT_QUARTERS[c.kind]),
                    metric_currency=c.metric_currency,
                )
            )
        await session.flush()
        ctx.audit("fees.schedule.created", schedule, after=snapshot(schedule))
        report.created.append(f"fee schedule {spec.effective_from}")
    references = set(await session.scalars(select(CustomsRecord.reference)))
    for spec_c in section.customs:
        if spec_c.reference in references:
            continue
        session.add(
            CustomsRecord(
                org_unit_id=units[spec_c.org_unit],
                declared_on=spec_c.declared_on,
                direction=spec_c.direction,
                amount=spec_c.amount,
                reference=spec_c.reference,
            )
        )
        references.add(spec_c.reference)
        report.created.append(f"customs record {spec_c.reference}")
    profits = set((await session.execute(select(ProfitFigure.org_unit_id, ProfitFigure.year))).all())
    for spec_p in section.profits:
        if (units[spec_p.org_unit], spec_p.year) in profits:
            continue
        session.add(
            ProfitFigure(
                org_unit_id=units[spec_p.org_unit],
                year=spec_p.year,
                reported=spec_p.reported,
                audited=spec_p.audited,
            )
        )
        report.created.append(f"profit {spec_p.org_unit} {spec_p.year}")
    if section.income and not await session.scalar(select(IncomeEntry.id).limit(1)):
        for spec_i in section.income:
            session.add(
                IncomeEntry(
                    org_unit_id=units[spec_i.org_unit],
                    year=spec_i.year,
                    kind=spec_i.kind,
                    amount=spec_i.amount,
                    note=spec_i.note,
                )
            )
        report.created.append("other income")
    await session.flush()


SECTION = BlueprintSection(spec=FeesSection, apply=apply, check=check)
