from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sla_anchor import SlaAnchor, check_sla_anchor

T = TypeVar("T", bound="SlaMilestoneOut")


@_attrs_define
class SlaMilestoneOut:
    """
    Attributes:
        anchor (SlaAnchor): Where a milestone's clock starts: at ticket creation or when the previous milestone was met.
        key (str):
        name (str):
        position (int):
        reason_allowed (bool):
        same_day (bool):
        target_minutes (int | None):
    """

    anchor: SlaAnchor
    key: str
    name: str
    position: int
    reason_allowed: bool
    same_day: bool
    target_minutes: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        anchor: str = self.anchor

        key = self.key

        name = self.name

        position = self.position

        reason_allowed = self.reason_allowed

        same_day = self.same_day

        target_minutes: int | None
        target_minutes = self.target_minutes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "anchor": anchor,
                "key": key,
                "name": name,
                "position": position,
                "reason_allowed": reason_allowed,
                "same_day": same_day,
                "target_minutes": target_minutes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        anchor = check_sla_anchor(d.pop("anchor"))

        key = d.pop("key")

        name = d.pop("name")

        position = d.pop("position")

        reason_allowed = d.pop("reason_allowed")

        same_day = d.pop("same_day")

        def _parse_target_minutes(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        target_minutes = _parse_target_minutes(d.pop("target_minutes"))

        sla_milestone_out = cls(
            anchor=anchor,
            key=key,
            name=name,
            position=position,
            reason_allowed=reason_allowed,
            same_day=same_day,
            target_minutes=target_minutes,
        )

        sla_milestone_out.additional_properties = d
        return sla_milestone_out

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
