from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tier import Tier, check_tier

T = TypeVar("T", bound="KeyAccountOut")


@_attrs_define
class KeyAccountOut:
    """
    Attributes:
        account_id (UUID):
        code (str):
        cumulative_share (str):
        name (str):
        share (str):
        tier (Tier): Key-account tier (大客户分级) by trailing-12-month revenue.
        trailing_revenue (str):
    """

    account_id: UUID
    code: str
    cumulative_share: str
    name: str
    share: str
    tier: Tier
    trailing_revenue: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        code = self.code

        cumulative_share = self.cumulative_share

        name = self.name

        share = self.share

        tier: str = self.tier

        trailing_revenue = self.trailing_revenue

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "code": code,
                "cumulative_share": cumulative_share,
                "name": name,
                "share": share,
                "tier": tier,
                "trailing_revenue": trailing_revenue,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        code = d.pop("code")

        cumulative_share = d.pop("cumulative_share")

        name = d.pop("name")

        share = d.pop("share")

        tier = check_tier(d.pop("tier"))

        trailing_revenue = d.pop("trailing_revenue")

        key_account_out = cls(
            account_id=account_id,
            code=code,
            cumulative_share=cumulative_share,
            name=name,
            share=share,
            tier=tier,
            trailing_revenue=trailing_revenue,
        )

        key_account_out.additional_properties = d
        return key_account_out

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
