from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.milestone_state import MilestoneState, check_milestone_state
from ..models.sla_anchor import SlaAnchor, check_sla_anchor
from ..types import UNSET, Unset

T = TypeVar("T", bound="TicketMilestoneOut")


@_attrs_define
class TicketMilestoneOut:
    """
    Attributes:
        anchor (SlaAnchor): Where a milestone's clock starts: at ticket creation or when the previous milestone was met.
        breached_at (datetime.datetime | None):
        due_at (datetime.datetime | None):
        due_in_seconds (int | None):
        key (str):
        met_at (datetime.datetime | None):
        name (str):
        position (int):
        reason (None | str):
        reason_allowed (bool):
        same_day (bool):
        state (MilestoneState): What a milestone shows.
        target_minutes (int | None):
        anchor_at (datetime.datetime | None | Unset):
        paused_seconds (int | Unset):  Default: 0.
    """

    anchor: SlaAnchor
    breached_at: datetime.datetime | None
    due_at: datetime.datetime | None
    due_in_seconds: int | None
    key: str
    met_at: datetime.datetime | None
    name: str
    position: int
    reason: None | str
    reason_allowed: bool
    same_day: bool
    state: MilestoneState
    target_minutes: int | None
    anchor_at: datetime.datetime | None | Unset = UNSET
    paused_seconds: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        anchor: str = self.anchor

        breached_at: None | str
        if isinstance(self.breached_at, datetime.datetime):
            breached_at = self.breached_at.isoformat()
        else:
            breached_at = self.breached_at

        due_at: None | str
        if isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at

        due_in_seconds: int | None
        due_in_seconds = self.due_in_seconds

        key = self.key

        met_at: None | str
        if isinstance(self.met_at, datetime.datetime):
            met_at = self.met_at.isoformat()
        else:
            met_at = self.met_at

        name = self.name

        position = self.position

        reason: None | str
        reason = self.reason

        reason_allowed = self.reason_allowed

        same_day = self.same_day

        state: str = self.state

        target_minutes: int | None
        target_minutes = self.target_minutes

        anchor_at: None | str | Unset
        if isinstance(self.anchor_at, Unset):
            anchor_at = UNSET
        elif isinstance(self.anchor_at, datetime.datetime):
            anchor_at = self.anchor_at.isoformat()
        else:
            anchor_at = self.anchor_at

        paused_seconds = self.paused_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "anchor": anchor,
                "breached_at": breached_at,
                "due_at": due_at,
                "due_in_seconds": due_in_seconds,
                "key": key,
                "met_at": met_at,
                "name": name,
                "position": position,
                "reason": reason,
                "reason_allowed": reason_allowed,
                "same_day": same_day,
                "state": state,
                "target_minutes": target_minutes,
            }
        )
        if anchor_at is not UNSET:
            field_dict["anchor_at"] = anchor_at
        if paused_seconds is not UNSET:
            field_dict["paused_seconds"] = paused_seconds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        anchor = check_sla_anchor(d.pop("anchor"))

        def _parse_breached_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                breached_at_type_0 = datetime.datetime.fromisoformat(data)

                return breached_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        breached_at = _parse_breached_at(d.pop("breached_at"))

        def _parse_due_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_at_type_0 = datetime.datetime.fromisoformat(data)

                return due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        due_at = _parse_due_at(d.pop("due_at"))

        def _parse_due_in_seconds(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        due_in_seconds = _parse_due_in_seconds(d.pop("due_in_seconds"))

        key = d.pop("key")

        def _parse_met_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                met_at_type_0 = datetime.datetime.fromisoformat(data)

                return met_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        met_at = _parse_met_at(d.pop("met_at"))

        name = d.pop("name")

        position = d.pop("position")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        reason_allowed = d.pop("reason_allowed")

        same_day = d.pop("same_day")

        state = check_milestone_state(d.pop("state"))

        def _parse_target_minutes(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        target_minutes = _parse_target_minutes(d.pop("target_minutes"))

        def _parse_anchor_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                anchor_at_type_0 = datetime.datetime.fromisoformat(data)

                return anchor_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        anchor_at = _parse_anchor_at(d.pop("anchor_at", UNSET))

        paused_seconds = d.pop("paused_seconds", UNSET)

        ticket_milestone_out = cls(
            anchor=anchor,
            breached_at=breached_at,
            due_at=due_at,
            due_in_seconds=due_in_seconds,
            key=key,
            met_at=met_at,
            name=name,
            position=position,
            reason=reason,
            reason_allowed=reason_allowed,
            same_day=same_day,
            state=state,
            target_minutes=target_minutes,
            anchor_at=anchor_at,
            paused_seconds=paused_seconds,
        )

        ticket_milestone_out.additional_properties = d
        return ticket_milestone_out

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
