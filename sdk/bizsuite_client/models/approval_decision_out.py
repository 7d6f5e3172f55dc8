from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.decision_action import DecisionAction, check_decision_action

T = TypeVar("T", bound="ApprovalDecisionOut")


@_attrs_define
class ApprovalDecisionOut:
    """
    Attributes:
        action (DecisionAction): What happened to a request (the recorded history).
        actor_id (None | UUID):
        actor_label (None | str):
        comment (None | str):
        created_at (datetime.datetime):
        delegate_id (None | UUID):
        id (UUID):
        round_ (int):
        step_id (None | UUID):
    """

    action: DecisionAction
    actor_id: None | UUID
    actor_label: None | str
    comment: None | str
    created_at: datetime.datetime
    delegate_id: None | UUID
    id: UUID
    round_: int
    step_id: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action: str = self.action

        actor_id: None | str
        if isinstance(self.actor_id, UUID):
            actor_id = str(self.actor_id)
        else:
            actor_id = self.actor_id

        actor_label: None | str
        actor_label = self.actor_label

        comment: None | str
        comment = self.comment

        created_at = self.created_at.isoformat()

        delegate_id: None | str
        if isinstance(self.delegate_id, UUID):
            delegate_id = str(self.delegate_id)
        else:
            delegate_id = self.delegate_id

        id = str(self.id)

        round_ = self.round_

        step_id: None | str
        if isinstance(self.step_id, UUID):
            step_id = str(self.step_id)
        else:
            step_id = self.step_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "actor_id": actor_id,
                "actor_label": actor_label,
                "comment": comment,
                "created_at": created_at,
                "delegate_id": delegate_id,
                "id": id,
                "round": round_,
                "step_id": step_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = check_decision_action(d.pop("action"))

        def _parse_actor_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actor_id_type_0 = UUID(data)

                return actor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        actor_id = _parse_actor_id(d.pop("actor_id"))

        def _parse_actor_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor_label = _parse_actor_label(d.pop("actor_label"))

        def _parse_comment(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        comment = _parse_comment(d.pop("comment"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_delegate_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delegate_id_type_0 = UUID(data)

                return delegate_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        delegate_id = _parse_delegate_id(d.pop("delegate_id"))

        id = UUID(d.pop("id"))

        round_ = d.pop("round")

        def _parse_step_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                step_id_type_0 = UUID(data)

                return step_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        step_id = _parse_step_id(d.pop("step_id"))

        approval_decision_out = cls(
            action=action,
            actor_id=actor_id,
            actor_label=actor_label,
            comment=comment,
            created_at=created_at,
            delegate_id=delegate_id,
            id=id,
            round_=round_,
            step_id=step_id,
        )

        approval_decision_out.additional_properties = d
        return approval_decision_out

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
