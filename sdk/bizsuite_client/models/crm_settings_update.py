from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.business_calendar import BusinessCalendar


T = TypeVar("T", bound="CrmSettingsUpdate")


@_attrs_define
class CrmSettingsUpdate:
    """
    Attributes:
        business_calendar (BusinessCalendar | None | Unset):
        churn_months (int | None | Unset): Consecutive months of decline (2..24).
        revenue_future_months (int | None | Unset): Months after the current one that revenue may be recorded for
            (0..12; 0: none).
        route_by_zone (bool | None | Unset):
        tier_a_share (None | str | Unset): A share of revenue between 0 and 1, e.g. `0.8`.
        tier_b_share (None | str | Unset): A share of revenue between 0 and 1, e.g. `0.8`.
    """

    business_calendar: BusinessCalendar | None | Unset = UNSET
    churn_months: int | None | Unset = UNSET
    revenue_future_months: int | None | Unset = UNSET
    route_by_zone: bool | None | Unset = UNSET
    tier_a_share: None | str | Unset = UNSET
    tier_b_share: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.business_calendar import BusinessCalendar  # noqa: PLC0415

        business_calendar: dict[str, Any] | None | Unset
        if isinstance(self.business_calendar, Unset):
            business_calendar = UNSET
        elif isinstance(self.business_calendar, BusinessCalendar):
            business_calendar = self.business_calendar.to_dict()
        else:
            business_calendar = self.business_calendar

        churn_months: int | None | Unset
        if isinstance(self.churn_months, Unset):
            churn_months = UNSET
        else:
            churn_months = self.churn_months

        revenue_future_months: int | None | Unset
        if isinstance(self.revenue_future_months, Unset):
            revenue_future_months = UNSET
        else:
            revenue_future_months = self.revenue_future_months

        route_by_zone: bool | None | Unset
        if isinstance(self.route_by_zone, Unset):
            route_by_zone = UNSET
        else:
            route_by_zone = self.route_by_zone

        tier_a_share: None | str | Unset
        if isinstance(self.tier_a_share, Unset):
            tier_a_share = UNSET
        else:
            tier_a_share = self.tier_a_share

        tier_b_share: None | str | Unset
        if isinstance(self.tier_b_share, Unset):
            tier_b_share = UNSET
        else:
            tier_b_share = self.tier_b_share

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if business_calendar is not UNSET:
            field_dict["business_calendar"] = business_calendar
        if churn_months is not UNSET:
            field_dict["churn_months"] = churn_months
        if revenue_future_months is not UNSET:
            field_dict["revenue_future_months"] = revenue_future_months
        if route_by_zone is not UNSET:
            field_dict["route_by_zone"] = route_by_zone
        if tier_a_share is not UNSET:
            field_dict["tier_a_share"] = tier_a_share
        if tier_b_share is not UNSET:
            field_dict["tier_b_share"] = tier_b_share

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.business_calendar import BusinessCalendar  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_business_calendar(data: object) -> BusinessCalendar | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                business_calendar_type_0 = BusinessCalendar.from_dict(data)

                return business_calendar_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BusinessCalendar | None | Unset, data)

        business_calendar = _parse_business_calendar(d.pop("business_calendar", UNSET))

        def _parse_churn_months(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        churn_months = _parse_churn_months(d.pop("churn_months", UNSET))

        def _parse_revenue_future_months(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        revenue_future_months = _parse_revenue_future_months(d.pop("revenue_future_months", UNSET))

        def _parse_route_by_zone(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        route_by_zone = _parse_route_by_zone(d.pop("route_by_zone", UNSET))

        def _parse_tier_a_share(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tier_a_share = _parse_tier_a_share(d.pop("tier_a_share", UNSET))

        def _parse_tier_b_share(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tier_b_share = _parse_tier_b_share(d.pop("tier_b_share", UNSET))

        crm_settings_update = cls(
            business_calendar=business_calendar,
            churn_months=churn_months,
            revenue_future_months=revenue_future_months,
            route_by_zone=route_by_zone,
            tier_a_share=tier_a_share,
            tier_b_share=tier_b_share,
        )

        crm_settings_update.additional_properties = d
        return crm_settings_update

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
