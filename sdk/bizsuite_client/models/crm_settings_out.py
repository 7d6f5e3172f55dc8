from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.business_calendar import BusinessCalendar


T = TypeVar("T", bound="CrmSettingsOut")


@_attrs_define
class CrmSettingsOut:
    """
    Attributes:
        business_calendar (BusinessCalendar):
        churn_months (int):
        id (UUID):
        revenue_future_months (int):
        route_by_zone (bool):
        tier_a_share (str):
        tier_b_share (str):
        updated_at (datetime.datetime):
        version (int):
    """

    business_calendar: BusinessCalendar
    churn_months: int
    id: UUID
    revenue_future_months: int
    route_by_zone: bool
    tier_a_share: str
    tier_b_share: str
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        business_calendar = self.business_calendar.to_dict()

        churn_months = self.churn_months

        id = str(self.id)

        revenue_future_months = self.revenue_future_months

        route_by_zone = self.route_by_zone

        tier_a_share = self.tier_a_share

        tier_b_share = self.tier_b_share

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "business_calendar": business_calendar,
                "churn_months": churn_months,
                "id": id,
                "revenue_future_months": revenue_future_months,
                "route_by_zone": route_by_zone,
                "tier_a_share": tier_a_share,
                "tier_b_share": tier_b_share,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.business_calendar import BusinessCalendar  # noqa: PLC0415

        d = dict(src_dict)
        business_calendar = BusinessCalendar.from_dict(d.pop("business_calendar"))

        churn_months = d.pop("churn_months")

        id = UUID(d.pop("id"))

        revenue_future_months = d.pop("revenue_future_months")

        route_by_zone = d.pop("route_by_zone")

        tier_a_share = d.pop("tier_a_share")

        tier_b_share = d.pop("tier_b_share")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        crm_settings_out = cls(
            business_calendar=business_calendar,
            churn_months=churn_months,
            id=id,
            revenue_future_months=revenue_future_months,
            route_by_zone=route_by_zone,
            tier_a_share=tier_a_share,
            tier_b_share=tier_b_share,
            updated_at=updated_at,
            version=version,
        )

        crm_settings_out.additional_properties = d
        return crm_settings_out

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
