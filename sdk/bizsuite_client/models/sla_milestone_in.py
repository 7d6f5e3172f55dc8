from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sla_anchor import SlaAnchor, check_sla_anchor
from ..types import UNSET, Unset

T = TypeVar("T", bound="SlaMilestoneIn")


@_attrs_define
class SlaMilestoneIn:
    """
    Attributes:
        key (str):
        name (str):
        anchor (SlaAnchor | Unset): Where a milestone's clock starts: at ticket creation or when the previous milestone
            was met.
        reason_allowed (bool | Unset):  Default: False.
        same_day (bool | Unset):  Default: False.
        target_minutes (int | None | Unset):
    """

    key: str
    name: str
    anchor: SlaAnchor | Unset = UNSET
    reason_allowed: bool | Unset = False
    same_day: bool | Unset = False
    target_minutes: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        name = self.name

        anchor: str | Unset = UNSET
        if not isinstance(self.anchor, Unset):
            anchor = self.anchor

        reason_allowed = self.reason_allowed

        same_day = self.same_day

        target_minutes: int | None | Unset
        if isinstance(self.target_minutes, Unset):
            target_minutes = UNSET
        else:
            target_minutes = self.target_minutes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "name": name,
            }
        )
        if anchor is not UNSET:
            field_dict["anchor"] = anchor
        if reason_allowed is not UNSET:
            field_dict["reason_allowed"] = reason_allowed
        if same_day is not UNSET:
            field_dict["same_day"] = same_day
        if target_minutes is not UNSET:
            field_dict["target_minutes"] = target_minutes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        name = d.pop("name")

        _anchor = d.pop("anchor", UNSET)
        anchor: SlaAnchor | Unset
        if isinstance(_anchor, Unset):
            anchor = UNSET
        else:
            anchor = check_sla_anchor(_anchor)

        reason_allowed = d.pop("reason_allowed", UNSET)

        same_day = d.pop("same_day", UNSET)

        def _parse_target_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        target_minutes = _parse_target_minutes(d.pop("target_minutes", UNSET))

        sla_milestone_in = cls(
            key=key,
            name=name,
            anchor=anchor,
            reason_allowed=reason_allowed,
            same_day=same_day,
            target_minutes=target_minutes,
        )

        sla_milestone_in.additional_properties = d
        return sla_milestone_in

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
