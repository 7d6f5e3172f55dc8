from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.milestone_change import MilestoneChange


T = TypeVar("T", bound="ChangeOrderCreate")


@_attrs_define
class ChangeOrderCreate:
    """
    Attributes:
        cost_impact (str): A decimal string, at most 2 decimals; negative reduces the amount.
        proposer (str):
        reason (str):
        milestone_changes (list[MilestoneChange] | Unset):
        schedule_impact_days (int | Unset):  Default: 0.
    """

    cost_impact: str
    proposer: str
    reason: str
    milestone_changes: list[MilestoneChange] | Unset = UNSET
    schedule_impact_days: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cost_impact = self.cost_impact

        proposer = self.proposer

        reason = self.reason

        milestone_changes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.milestone_changes, Unset):
            milestone_changes = []
            for milestone_changes_item_data in self.milestone_changes:
                milestone_changes_item = milestone_changes_item_data.to_dict()
                milestone_changes.append(milestone_changes_item)

        schedule_impact_days = self.schedule_impact_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cost_impact": cost_impact,
                "proposer": proposer,
                "reason": reason,
            }
        )
        if milestone_changes is not UNSET:
            field_dict["milestone_changes"] = milestone_changes
        if schedule_impact_days is not UNSET:
            field_dict["schedule_impact_days"] = schedule_impact_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.milestone_change import MilestoneChange  # noqa: PLC0415

        d = dict(src_dict)
        cost_impact = d.pop("cost_impact")

        proposer = d.pop("proposer")

        reason = d.pop("reason")

        _milestone_changes = d.pop("milestone_changes", UNSET)
        milestone_changes: list[MilestoneChange] | Unset = UNSET
        if _milestone_changes is not UNSET:
            milestone_changes = []
            for milestone_changes_item_data in _milestone_changes:
                milestone_changes_item = MilestoneChange.from_dict(milestone_changes_item_data)

                milestone_changes.append(milestone_changes_item)

        schedule_impact_days = d.pop("schedule_impact_days", UNSET)

        change_order_create = cls(
            cost_impact=cost_impact,
            proposer=proposer,
            reason=reason,
            milestone_changes=milestone_changes,
            schedule_impact_days=schedule_impact_days,
        )

        change_order_create.additional_properties = d
        return change_order_create

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
