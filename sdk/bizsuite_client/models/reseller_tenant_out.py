from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tenant_status import TenantStatus, check_tenant_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.figure_out import FigureOut
    from ..models.usage_out import UsageOut


T = TypeVar("T", bound="ResellerTenantOut")


@_attrs_define
class ResellerTenantOut:
    """
    Attributes:
        created_at (datetime.datetime):
        id (UUID):
        modules (list[str]):
        name (str):
        open_invoices (int):
        phase (None | str):
        plan (None | str):
        plan_version (int | None):
        seats (int | None):
        seats_used (int):
        slug (str):
        status (TenantStatus): Lifecycle of a tenant.
        margin_month (FigureOut | None | Unset):
        usage (list[UsageOut] | Unset):
    """

    created_at: datetime.datetime
    id: UUID
    modules: list[str]
    name: str
    open_invoices: int
    phase: None | str
    plan: None | str
    plan_version: int | None
    seats: int | None
    seats_used: int
    slug: str
    status: TenantStatus
    margin_month: FigureOut | None | Unset = UNSET
    usage: list[UsageOut] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.figure_out import FigureOut  # noqa: PLC0415

        created_at = self.created_at.isoformat()

        id = str(self.id)

        modules = self.modules

        name = self.name

        open_invoices = self.open_invoices

        phase: None | str
        phase = self.phase

        plan: None | str
        plan = self.plan

        plan_version: int | None
        plan_version = self.plan_version

        seats: int | None
        seats = self.seats

        seats_used = self.seats_used

        slug = self.slug

        status: str = self.status

        margin_month: dict[str, Any] | None | Unset
        if isinstance(self.margin_month, Unset):
            margin_month = UNSET
        elif isinstance(self.margin_month, FigureOut):
            margin_month = self.margin_month.to_dict()
        else:
            margin_month = self.margin_month

        usage: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.usage, Unset):
            usage = []
            for usage_item_data in self.usage:
                usage_item = usage_item_data.to_dict()
                usage.append(usage_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "modules": modules,
                "name": name,
                "open_invoices": open_invoices,
                "phase": phase,
                "plan": plan,
                "plan_version": plan_version,
                "seats": seats,
                "seats_used": seats_used,
                "slug": slug,
                "status": status,
            }
        )
        if margin_month is not UNSET:
            field_dict["margin_month"] = margin_month
        if usage is not UNSET:
            field_dict["usage"] = usage

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.figure_out import FigureOut  # noqa: PLC0415
        from ..models.usage_out import UsageOut  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        modules = cast(list[str], d.pop("modules"))

        name = d.pop("name")

        open_invoices = d.pop("open_invoices")

        def _parse_phase(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phase = _parse_phase(d.pop("phase"))

        def _parse_plan(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        plan = _parse_plan(d.pop("plan"))

        def _parse_plan_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        plan_version = _parse_plan_version(d.pop("plan_version"))

        def _parse_seats(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        seats = _parse_seats(d.pop("seats"))

        seats_used = d.pop("seats_used")

        slug = d.pop("slug")

        status = check_tenant_status(d.pop("status"))

        def _parse_margin_month(data: object) -> FigureOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                margin_month_type_0 = FigureOut.from_dict(data)

                return margin_month_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FigureOut | None | Unset, data)

        margin_month = _parse_margin_month(d.pop("margin_month", UNSET))

        _usage = d.pop("usage", UNSET)
        usage: list[UsageOut] | Unset = UNSET
        if _usage is not UNSET:
            usage = []
            for usage_item_data in _usage:
                usage_item = UsageOut.from_dict(usage_item_data)

                usage.append(usage_item)

        reseller_tenant_out = cls(
            created_at=created_at,
            id=id,
            modules=modules,
            name=name,
            open_invoices=open_invoices,
            phase=phase,
            plan=plan,
            plan_version=plan_version,
            seats=seats,
            seats_used=seats_used,
            slug=slug,
            status=status,
            margin_month=margin_month,
            usage=usage,
        )

        reseller_tenant_out.additional_properties = d
        return reseller_tenant_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
