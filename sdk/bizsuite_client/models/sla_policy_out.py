from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ticket_category import TicketCategory, check_ticket_category
from ..models.ticket_priority import TicketPriority, check_ticket_priority

if TYPE_CHECKING:
    from ..models.sla_milestone_out import SlaMilestoneOut


T = TypeVar("T", bound="SlaPolicyOut")


@_attrs_define
class SlaPolicyOut:
    """
    Attributes:
        active (bool):
        category (None | TicketCategory):
        code (str):
        created_at (datetime.datetime):
        id (UUID):
        milestones (list[SlaMilestoneOut]):
        name (str):
        priority (None | TicketPriority):
        updated_at (datetime.datetime):
        version (int):
    """

    active: bool
    category: None | TicketCategory
    code: str
    created_at: datetime.datetime
    id: UUID
    milestones: list[SlaMilestoneOut]
    name: str
    priority: None | TicketPriority
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        category: None | str
        if isinstance(self.category, str):
            category = self.category
        else:
            category = self.category

        code = self.code

        created_at = self.created_at.isoformat()

        id = str(self.id)

        milestones = []
        for milestones_item_data in self.milestones:
            milestones_item = milestones_item_data.to_dict()
            milestones.append(milestones_item)

        name = self.name

        priority: None | str
        if isinstance(self.priority, str):
            priority = self.priority
        else:
            priority = self.priority

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "category": category,
                "code": code,
                "created_at": created_at,
                "id": id,
                "milestones": milestones,
                "name": name,
                "priority": priority,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sla_milestone_out import SlaMilestoneOut  # noqa: PLC0415

        d = dict(src_dict)
        active = d.pop("active")

        def _parse_category(data: object) -> None | TicketCategory:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_type_0 = check_ticket_category(data)

                return category_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TicketCategory, data)

        category = _parse_category(d.pop("category"))

        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        milestones = []
        _milestones = d.pop("milestones")
        for milestones_item_data in _milestones:
            milestones_item = SlaMilestoneOut.from_dict(milestones_item_data)

            milestones.append(milestones_item)

        name = d.pop("name")

        def _parse_priority(data: object) -> None | TicketPriority:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                priority_type_0 = check_ticket_priority(data)

                return priority_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TicketPriority, data)

        priority = _parse_priority(d.pop("priority"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        sla_policy_out = cls(
            active=active,
            category=category,
            code=code,
            created_at=created_at,
            id=id,
            milestones=milestones,
            name=name,
            priority=priority,
            updated_at=updated_at,
            version=version,
        )

        sla_policy_out.additional_properties = d
        return sla_policy_out

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
