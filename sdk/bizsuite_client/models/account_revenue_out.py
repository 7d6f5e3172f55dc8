from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tier import Tier, check_tier

if TYPE_CHECKING:
    from ..models.revenue_month import RevenueMonth


T = TypeVar("T", bound="AccountRevenueOut")


@_attrs_define
class AccountRevenueOut:
    """
    Attributes:
        account_id (UUID):
        as_of (None | str):
        at_risk (bool):
        code (str):
        months (list[RevenueMonth]):
        months_declining (int):
        name (str):
        tier (None | Tier):
        trailing_revenue (str):
    """

    account_id: UUID
    as_of: None | str
    at_risk: bool
    code: str
    months: list[RevenueMonth]
    months_declining: int
    name: str
    tier: None | Tier
    trailing_revenue: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        as_of: None | str
        as_of = self.as_of

        at_risk = self.at_risk

        code = self.code

        months = []
        for months_item_data in self.months:
            months_item = months_item_data.to_dict()
            months.append(months_item)

        months_declining = self.months_declining

        name = self.name

        tier: None | str
        if isinstance(self.tier, str):
            tier = self.tier
        else:
            tier = self.tier

        trailing_revenue = self.trailing_revenue

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "as_of": as_of,
                "at_risk": at_risk,
                "code": code,
                "months": months,
                "months_declining": months_declining,
                "name": name,
                "tier": tier,
                "trailing_revenue": trailing_revenue,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.revenue_month import RevenueMonth  # noqa: PLC0415

        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        def _parse_as_of(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        as_of = _parse_as_of(d.pop("as_of"))

        at_risk = d.pop("at_risk")

        code = d.pop("code")

        months = []
        _months = d.pop("months")
        for months_item_data in _months:
            months_item = RevenueMonth.from_dict(months_item_data)

            months.append(months_item)

        months_declining = d.pop("months_declining")

        name = d.pop("name")

        def _parse_tier(data: object) -> None | Tier:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tier_type_0 = check_tier(data)

                return tier_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Tier, data)

        tier = _parse_tier(d.pop("tier"))

        trailing_revenue = d.pop("trailing_revenue")

        account_revenue_out = cls(
            account_id=account_id,
            as_of=as_of,
            at_risk=at_risk,
            code=code,
            months=months,
            months_declining=months_declining,
            name=name,
            tier=tier,
            trailing_revenue=trailing_revenue,
        )

        account_revenue_out.additional_properties = d
        return account_revenue_out

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
