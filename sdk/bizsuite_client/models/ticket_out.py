from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ticket_category import TicketCategory, check_ticket_category
from ..models.ticket_priority import TicketPriority, check_ticket_priority
from ..models.ticket_status import TicketStatus, check_ticket_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ticket_milestone_out import TicketMilestoneOut


T = TypeVar("T", bound="TicketOut")


@_attrs_define
class TicketOut:
    """
    Attributes:
        account_id (UUID):
        assignee_user_id (None | UUID):
        breached (bool):
        category (TicketCategory): What a service ticket (工单) is about; complaints (投诉) record a satisfaction score at
            close.
        close_note (None | str):
        closed_at (datetime.datetime | None):
        contact_id (None | UUID):
        created_at (datetime.datetime):
        created_by (str):
        description (None | str):
        id (UUID):
        milestones (list[TicketMilestoneOut]):
        number (str):
        policy_id (None | UUID):
        priority (TicketPriority): How urgent a ticket is.
        resolved_at (datetime.datetime | None):
        satisfaction (int | None):
        status (TicketStatus): Where a ticket stands; SLA clocks pause while it is waiting (for the customer, for
            parts).
        title (str):
        updated_at (datetime.datetime):
        version (int):
        zone_id (None | UUID):
        account_name (str | Unset):  Default: ''.
        assignee_name (None | str | Unset):
        policy_name (None | str | Unset):
    """

    account_id: UUID
    assignee_user_id: None | UUID
    breached: bool
    category: TicketCategory
    close_note: None | str
    closed_at: datetime.datetime | None
    contact_id: None | UUID
    created_at: datetime.datetime
    created_by: str
    description: None | str
    id: UUID
    milestones: list[TicketMilestoneOut]
    number: str
    policy_id: None | UUID
    priority: TicketPriority
    resolved_at: datetime.datetime | None
    satisfaction: int | None
    status: TicketStatus
    title: str
    updated_at: datetime.datetime
    version: int
    zone_id: None | UUID
    account_name: str | Unset = ""
    assignee_name: None | str | Unset = UNSET
    policy_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        assignee_user_id: None | str
        if isinstance(self.assignee_user_id, UUID):
            assignee_user_id = str(self.assignee_user_id)
        else:
            assignee_user_id = self.assignee_user_id

        breached = self.breached

        category: str = self.category

        close_note: None | str
        close_note = self.close_note

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        contact_id: None | str
        if isinstance(self.contact_id, UUID):
            contact_id = str(self.contact_id)
        else:
            contact_id = self.contact_id

        created_at = self.created_at.isoformat()

        created_by = self.created_by

        description: None | str
        description = self.description

        id = str(self.id)

        milestones = []
        for milestones_item_data in self.milestones:
            milestones_item = milestones_item_data.to_dict()
            milestones.append(milestones_item)

        number = self.number

        policy_id: None | str
        if isinstance(self.policy_id, UUID):
            policy_id = str(self.policy_id)
        else:
            policy_id = self.policy_id

        priority: str = self.priority

        resolved_at: None | str
        if isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        satisfaction: int | None
        satisfaction = self.satisfaction

        status: str = self.status

        title = self.title

        updated_at = self.updated_at.isoformat()

        version = self.version

        zone_id: None | str
        if isinstance(self.zone_id, UUID):
            zone_id = str(self.zone_id)
        else:
            zone_id = self.zone_id

        account_name = self.account_name

        assignee_name: None | str | Unset
        if isinstance(self.assignee_name, Unset):
            assignee_name = UNSET
        else:
            assignee_name = self.assignee_name

        policy_name: None | str | Unset
        if isinstance(self.policy_name, Unset):
            policy_name = UNSET
        else:
            policy_name = self.policy_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "assignee_user_id": assignee_user_id,
                "breached": breached,
                "category": category,
                "close_note": close_note,
                "closed_at": closed_at,
                "contact_id": contact_id,
                "created_at": created_at,
                "created_by": created_by,
                "description": description,
                "id": id,
                "milestones": milestones,
                "number": number,
                "policy_id": policy_id,
                "priority": priority,
                "resolved_at": resolved_at,
                "satisfaction": satisfaction,
                "status": status,
                "title": title,
                "updated_at": updated_at,
                "version": version,
                "zone_id": zone_id,
            }
        )
        if account_name is not UNSET:
            field_dict["account_name"] = account_name
        if assignee_name is not UNSET:
            field_dict["assignee_name"] = assignee_name
        if policy_name is not UNSET:
            field_dict["policy_name"] = policy_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ticket_milestone_out import TicketMilestoneOut  # noqa: PLC0415

        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        def _parse_assignee_user_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assignee_user_id_type_0 = UUID(data)

                return assignee_user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        assignee_user_id = _parse_assignee_user_id(d.pop("assignee_user_id"))

        breached = d.pop("breached")

        category = check_ticket_category(d.pop("category"))

        def _parse_close_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        close_note = _parse_close_note(d.pop("close_note"))

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))

        def _parse_contact_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contact_id_type_0 = UUID(data)

                return contact_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        contact_id = _parse_contact_id(d.pop("contact_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = d.pop("created_by")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        id = UUID(d.pop("id"))

        milestones = []
        _milestones = d.pop("milestones")
        for milestones_item_data in _milestones:
            milestones_item = TicketMilestoneOut.from_dict(milestones_item_data)

            milestones.append(milestones_item)

        number = d.pop("number")

        def _parse_policy_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                policy_id_type_0 = UUID(data)

                return policy_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        policy_id = _parse_policy_id(d.pop("policy_id"))

        priority = check_ticket_priority(d.pop("priority"))

        def _parse_resolved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)

                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at"))

        def _parse_satisfaction(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        satisfaction = _parse_satisfaction(d.pop("satisfaction"))

        status = check_ticket_status(d.pop("status"))

        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_zone_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                zone_id_type_0 = UUID(data)

                return zone_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        zone_id = _parse_zone_id(d.pop("zone_id"))

        account_name = d.pop("account_name", UNSET)

        def _parse_assignee_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assignee_name = _parse_assignee_name(d.pop("assignee_name", UNSET))

        def _parse_policy_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        policy_name = _parse_policy_name(d.pop("policy_name", UNSET))

        ticket_out = cls(
            account_id=account_id,
            assignee_user_id=assignee_user_id,
            breached=breached,
            category=category,
            close_note=close_note,
            closed_at=closed_at,
            contact_id=contact_id,
            created_at=created_at,
            created_by=created_by,
            description=description,
            id=id,
            milestones=milestones,
            number=number,
            policy_id=policy_id,
            priority=priority,
            resolved_at=resolved_at,
            satisfaction=satisfaction,
            status=status,
            title=title,
            updated_at=updated_at,
            version=version,
            zone_id=zone_id,
            account_name=account_name,
            assignee_name=assignee_name,
            policy_name=policy_name,
        )

        ticket_out.additional_properties = d
        return ticket_out

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
