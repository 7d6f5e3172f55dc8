from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.activity_type import ActivityType, check_activity_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="ScheduledActivityCreate")


@_attrs_define
class ScheduledActivityCreate:
    """
    Attributes:
        activity_type (ActivityType): What kind of thing is to be done.
        due_date (datetime.date):
        summary (str):
        target_id (UUID):
        target_type (str):
        assignee_user_id (None | Unset | UUID):
        note (None | str | Unset):
    """

    activity_type: ActivityType
    due_date: datetime.date
    summary: str
    target_id: UUID
    target_type: str
    assignee_user_id: None | Unset | UUID = UNSET
    note: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        activity_type: str = self.activity_type

        due_date = self.due_date.isoformat()

        summary = self.summary

        target_id = str(self.target_id)

        target_type = self.target_type

        assignee_user_id: None | str | Unset
        if isinstance(self.assignee_user_id, Unset):
            assignee_user_id = UNSET
        elif isinstance(self.assignee_user_id, UUID):
            assignee_user_id = str(self.assignee_user_id)
        else:
            assignee_user_id = self.assignee_user_id

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "activity_type": activity_type,
                "due_date": due_date,
                "summary": summary,
                "target_id": target_id,
                "target_type": target_type,
            }
        )
        if assignee_user_id is not UNSET:
            field_dict["assignee_user_id"] = assignee_user_id
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        activity_type = check_activity_type(d.pop("activity_type"))

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        summary = d.pop("summary")

        target_id = UUID(d.pop("target_id"))

        target_type = d.pop("target_type")

        def _parse_assignee_user_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assignee_user_id_type_0 = UUID(data)

                return assignee_user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        assignee_user_id = _parse_assignee_user_id(d.pop("assignee_user_id", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        scheduled_activity_create = cls(
            activity_type=activity_type,
            due_date=due_date,
            summary=summary,
            target_id=target_id,
            target_type=target_type,
            assignee_user_id=assignee_user_id,
            note=note,
        )

        scheduled_activity_create.additional_properties = d
        return scheduled_activity_create

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
