from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.activity_type import ActivityType, check_activity_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="ScheduledActivityUpdate")


@_attrs_define
class ScheduledActivityUpdate:
    """
    Attributes:
        activity_type (ActivityType | Unset): What kind of thing is to be done.
        assignee_user_id (Unset | UUID):
        due_date (datetime.date | Unset):
        note (None | str | Unset):
        summary (str | Unset):
    """

    activity_type: ActivityType | Unset = UNSET
    assignee_user_id: Unset | UUID = UNSET
    due_date: datetime.date | Unset = UNSET
    note: None | str | Unset = UNSET
    summary: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        activity_type: str | Unset = UNSET
        if not isinstance(self.activity_type, Unset):
            activity_type = self.activity_type

        assignee_user_id: str | Unset
        if isinstance(self.assignee_user_id, Unset):
            assignee_user_id = UNSET
        else:
            assignee_user_id = str(self.assignee_user_id)

        due_date: str | Unset
        if isinstance(self.due_date, Unset):
            due_date = UNSET
        else:
            due_date = self.due_date.isoformat()

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        summary: str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if activity_type is not UNSET:
            field_dict["activity_type"] = activity_type
        if assignee_user_id is not UNSET:
            field_dict["assignee_user_id"] = assignee_user_id
        if due_date is not UNSET:
            field_dict["due_date"] = due_date
        if note is not UNSET:
            field_dict["note"] = note
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _activity_type = d.pop("activity_type", UNSET)
        activity_type: ActivityType | Unset
        if isinstance(_activity_type, Unset):
            activity_type = UNSET
        else:
            activity_type = check_activity_type(_activity_type)

        def _parse_assignee_user_id(data: object) -> Unset | UUID:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError()
            assignee_user_id_type_0 = UUID(data)

            return assignee_user_id_type_0

        assignee_user_id = _parse_assignee_user_id(d.pop("assignee_user_id", UNSET))

        def _parse_due_date(data: object) -> datetime.date | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError()
            due_date_type_0 = datetime.date.fromisoformat(data)

            return due_date_type_0

        due_date = _parse_due_date(d.pop("due_date", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_summary(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        scheduled_activity_update = cls(
            activity_type=activity_type,
            assignee_user_id=assignee_user_id,
            due_date=due_date,
            note=note,
            summary=summary,
        )

        scheduled_activity_update.additional_properties = d
        return scheduled_activity_update

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
