from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.activity_status import ActivityStatus, check_activity_status
from ..models.activity_type import ActivityType, check_activity_type
from ..models.due_state import DueState, check_due_state

T = TypeVar("T", bound="ScheduledActivityOut")


@_attrs_define
class ScheduledActivityOut:
    """
    Attributes:
        activity_type (ActivityType): What kind of thing is to be done.
        assignee (str):
        assignee_user_id (UUID):
        created_at (datetime.datetime):
        done_at (datetime.datetime | None):
        due_date (datetime.date):
        feedback (None | str):
        id (UUID):
        note (None | str):
        state (DueState): How a planned activity stands on a day: red, orange or green.
        status (ActivityStatus): Planned until someone marks it done (a cancelled activity is deleted).
        summary (str):
        target_id (UUID):
        target_label (str):
        target_type (str):
        target_url (None | str):
        updated_at (datetime.datetime):
        version (int):
    """

    activity_type: ActivityType
    assignee: str
    assignee_user_id: UUID
    created_at: datetime.datetime
    done_at: datetime.datetime | None
    due_date: datetime.date
    feedback: None | str
    id: UUID
    note: None | str
    state: DueState
    status: ActivityStatus
    summary: str
    target_id: UUID
    target_label: str
    target_type: str
    target_url: None | str
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        activity_type: str = self.activity_type

        assignee = self.assignee

        assignee_user_id = str(self.assignee_user_id)

        created_at = self.created_at.isoformat()

        done_at: None | str
        if isinstance(self.done_at, datetime.datetime):
            done_at = self.done_at.isoformat()
        else:
            done_at = self.done_at

        due_date = self.due_date.isoformat()

        feedback: None | str
        feedback = self.feedback

        id = str(self.id)

        note: None | str
        note = self.note

        state: str = self.state

        status: str = self.status

        summary = self.summary

        target_id = str(self.target_id)

        target_label = self.target_label

        target_type = self.target_type

        target_url: None | str
        target_url = self.target_url

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "activity_type": activity_type,
                "assignee": assignee,
                "assignee_user_id": assignee_user_id,
                "created_at": created_at,
                "done_at": done_at,
                "due_date": due_date,
                "feedback": feedback,
                "id": id,
                "note": note,
                "state": state,
                "status": status,
                "summary": summary,
                "target_id": target_id,
                "target_label": target_label,
                "target_type": target_type,
                "target_url": target_url,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        activity_type = check_activity_type(d.pop("activity_type"))

        assignee = d.pop("assignee")

        assignee_user_id = UUID(d.pop("assignee_user_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_done_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                done_at_type_0 = datetime.datetime.fromisoformat(data)

                return done_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        done_at = _parse_done_at(d.pop("done_at"))

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        def _parse_feedback(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        feedback = _parse_feedback(d.pop("feedback"))

        id = UUID(d.pop("id"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        state = check_due_state(d.pop("state"))

        status = check_activity_status(d.pop("status"))

        summary = d.pop("summary")

        target_id = UUID(d.pop("target_id"))

        target_label = d.pop("target_label")

        target_type = d.pop("target_type")

        def _parse_target_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target_url = _parse_target_url(d.pop("target_url"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        scheduled_activity_out = cls(
            activity_type=activity_type,
            assignee=assignee,
            assignee_user_id=assignee_user_id,
            created_at=created_at,
            done_at=done_at,
            due_date=due_date,
            feedback=feedback,
            id=id,
            note=note,
            state=state,
            status=status,
            summary=summary,
            target_id=target_id,
            target_label=target_label,
            target_type=target_type,
            target_url=target_url,
            updated_at=updated_at,
            version=version,
        )

        scheduled_activity_out.additional_properties = d
        return scheduled_activity_out

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
