from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ticket_category import TicketCategory, check_ticket_category
from ..models.ticket_priority import TicketPriority, check_ticket_priority
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sla_milestone_in import SlaMilestoneIn


T = TypeVar("T", bound="SlaPolicyIn")


@_attrs_define
class SlaPolicyIn:
    """
    Attributes:
        code (str):
        milestones (list[SlaMilestoneIn]):
        name (str):
        active (bool | Unset):  Default: True.
        category (None | TicketCategory | Unset):
        priority (None | TicketPriority | Unset):
    """

    code: str
    milestones: list[SlaMilestoneIn]
    name: str
    active: bool | Unset = True
    category: None | TicketCategory | Unset = UNSET
    priority: None | TicketPriority | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        milestones = []
        for milestones_item_data in self.milestones:
            milestones_item = milestones_item_data.to_dict()
            milestones.append(milestones_item)

        name = self.name

        active = self.active

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        elif isinstance(self.category, str):
            category = self.category
        else:
            category = self.category

        priority: None | str | Unset
        if isinstance(self.priority, Unset):
            priority = UNSET
        elif isinstance(self.priority, str):
            priority = self.priority
        else:
            priority = self.priority

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "milestones": milestones,
                "name": name,
            }
        )
        if active is not UNSET:
            field_dict["active"] = active
        if category is not UNSET:
            field_dict["category"] = category
        if priority is not UNSET:
            field_dict["priority"] = priority

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sla_milestone_in import SlaMilestoneIn  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        milestones = []
        _milestones = d.pop("milestones")
        for milestones_item_data in _milestones:
            milestones_item = SlaMilestoneIn.from_dict(milestones_item_data)

            milestones.append(milestones_item)

        name = d.pop("name")

        active = d.pop("active", UNSET)

        def _parse_category(data: object) -> None | TicketCategory | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_type_0 = check_ticket_category(data)

                return category_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TicketCategory | Unset, data)

        category = _parse_category(d.pop("category", UNSET))

        def _parse_priority(data: object) -> None | TicketPriority | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                priority_type_0 = check_ticket_priority(data)

                return priority_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TicketPriority | Unset, data)

        priority = _parse_priority(d.pop("priority", UNSET))

        sla_policy_in = cls(
            code=code,
            milestones=milestones,
            name=name,
            active=active,
            category=category,
            priority=priority,
        )

        sla_policy_in.additional_properties = d
        return sla_policy_in

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
