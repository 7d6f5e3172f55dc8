from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RecomputeOut")


@_attrs_define
class RecomputeOut:
    """
    Attributes:
        as_of (None | str):
        at_risk (int):
        new_alerts (int):
        tiers_changed (int):
    """

    as_of: None | str
    at_risk: int
    new_alerts: int
    tiers_changed: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of: None | str
        as_of = self.as_of

        at_risk = self.at_risk

        new_alerts = self.new_alerts

        tiers_changed = self.tiers_changed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "at_risk": at_risk,
                "new_alerts": new_alerts,
                "tiers_changed": tiers_changed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_as_of(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        as_of = _parse_as_of(d.pop("as_of"))

        at_risk = d.pop("at_risk")

        new_alerts = d.pop("new_alerts")

        tiers_changed = d.pop("tiers_changed")

        recompute_out = cls(
            as_of=as_of,
            at_risk=at_risk,
            new_alerts=new_alerts,
            tiers_changed=tiers_changed,
        )

        recompute_out.additional_properties = d
        return recompute_out

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
