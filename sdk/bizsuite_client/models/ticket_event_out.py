from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ticket_event_kind import TicketEventKind, check_ticket_event_kind
from ..models.ticket_status import TicketStatus, check_ticket_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="TicketEventOut")


@_attrs_define
class TicketEventOut:
    """
    Attributes:
        actor_label (str):
        from_status (None | TicketStatus):
        id (UUID):
        kind (TicketEventKind): An entry of a ticket's history (pauses are derived from its status changes).
        milestone_key (None | str):
        note (None | str):
        occurred_at (datetime.datetime):
        to_status (None | TicketStatus):
        from_value (None | str | Unset):
        milestone_name (None | str | Unset):
        to_value (None | str | Unset):
    """

    actor_label: str
    from_status: None | TicketStatus
    id: UUID
    kind: TicketEventKind
    milestone_key: None | str
    note: None | str
    occurred_at: datetime.datetime
    to_status: None | TicketStatus
    from_value: None | str | Unset = UNSET
    milestone_name: None | str | Unset = UNSET
    to_value: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actor_label = self.actor_label

        from_status: None | str
        if isinstance(self.from_status, str):
            from_status = self.from_status
        else:
            from_status = self.from_status

        id = str(self.id)

        kind: str = self.kind

        milestone_key: None | str
        milestone_key = self.milestone_key

        note: None | str
        note = self.note

        occurred_at = self.occurred_at.isoformat()

        to_status: None | str
        if isinstance(self.to_status, str):
            to_status = self.to_status
        else:
            to_status = self.to_status

        from_value: None | str | Unset
        if isinstance(self.from_value, Unset):
            from_value = UNSET
        else:
            from_value = self.from_value

        milestone_name: None | str | Unset
        if isinstance(self.milestone_name, Unset):
            milestone_name = UNSET
        else:
            milestone_name = self.milestone_name

        to_value: None | str | Unset
        if isinstance(self.to_value, Unset):
            to_value = UNSET
        else:
            to_value = self.to_value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actor_label": actor_label,
                "from_status": from_status,
                "id": id,
                "kind": kind,
                "milestone_key": milestone_key,
                "note": note,
                "occurred_at": occurred_at,
                "to_status": to_status,
            }
        )
        if from_value is not UNSET:
            field_dict["from_value"] = from_value
        if milestone_name is not UNSET:
            field_dict["milestone_name"] = milestone_name
        if to_value is not UNSET:
            field_dict["to_value"] = to_value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        actor_label = d.pop("actor_label")

        def _parse_from_status(data: object) -> None | TicketStatus:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_status_type_0 = check_ticket_status(data)

                return from_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TicketStatus, data)

        from_status = _parse_from_status(d.pop("from_status"))

        id = UUID(d.pop("id"))

        kind = check_ticket_event_kind(d.pop("kind"))

        def _parse_milestone_key(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        milestone_key = _parse_milestone_key(d.pop("milestone_key"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        def _parse_to_status(data: object) -> None | TicketStatus:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                to_status_type_0 = check_ticket_status(data)

                return to_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TicketStatus, data)

        to_status = _parse_to_status(d.pop("to_status"))

        def _parse_from_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        from_value = _parse_from_value(d.pop("from_value", UNSET))

        def _parse_milestone_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        milestone_name = _parse_milestone_name(d.pop("milestone_name", UNSET))

        def _parse_to_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        to_value = _parse_to_value(d.pop("to_value", UNSET))

        ticket_event_out = cls(
            actor_label=actor_label,
            from_status=from_status,
            id=id,
            kind=kind,
            milestone_key=milestone_key,
            note=note,
            occurred_at=occurred_at,
            to_status=to_status,
            from_value=from_value,
            milestone_name=milestone_name,
            to_value=to_value,
        )

        ticket_event_out.additional_properties = d
        return ticket_event_out

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
