from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DashboardTierFigures")


@_attrs_define
class DashboardTierFigures:
    """
    Attributes:
        accounts (int):
        tier (None | str):
        trailing_revenue (str):
    """

    accounts: int
    tier: None | str
    trailing_revenue: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accounts = self.accounts

        tier: None | str
        tier = self.tier

        trailing_revenue = self.trailing_revenue

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accounts": accounts,
                "tier": tier,
                "trailing_revenue": trailing_revenue,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounts = d.pop("accounts")

        def _parse_tier(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tier = _parse_tier(d.pop("tier"))

        trailing_revenue = d.pop("trailing_revenue")

        dashboard_tier_figures = cls(
            accounts=accounts,
            tier=tier,
            trailing_revenue=trailing_revenue,
        )

        dashboard_tier_figures.additional_properties = d
        return dashboard_tier_figures

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
