from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.severity import Severity, check_severity
from ..types import UNSET, Unset

T = TypeVar("T", bound="AlertCreate")


@_attrs_define
class AlertCreate:
    """
    Attributes:
        severity (Severity): How urgent an alert is, mildest first.
        title (str):
        type_ (str):
        body (None | str | Unset):
        dedup_key (None | str | Unset):
        due_at (datetime.datetime | None | Unset):
        recipient_ids (list[UUID] | None | Unset):
        target_id (None | Unset | UUID):
        target_type (None | str | Unset):
    """

    severity: Severity
    title: str
    type_: str
    body: None | str | Unset = UNSET
    dedup_key: None | str | Unset = UNSET
    due_at: datetime.datetime | None | Unset = UNSET
    recipient_ids: list[UUID] | None | Unset = UNSET
    target_id: None | Unset | UUID = UNSET
    target_type: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        severity: str = self.severity

        title = self.title

        type_ = self.type_

        body: None | str | Unset
        if isinstance(self.body, Unset):
            body = UNSET
        else:
            body = self.body

        dedup_key: None | str | Unset
        if isinstance(self.dedup_key, Unset):
            dedup_key = UNSET
        else:
            dedup_key = self.dedup_key

        due_at: None | str | Unset
        if isinstance(self.due_at, Unset):
            due_at = UNSET
        elif isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at

        recipient_ids: list[str] | None | Unset
        if isinstance(self.recipient_ids, Unset):
            recipient_ids = UNSET
        elif isinstance(self.recipient_ids, list):
            recipient_ids = []
            for recipient_ids_type_0_item_data in self.recipient_ids:
                recipient_ids_type_0_item = str(recipient_ids_type_0_item_data)
                recipient_ids.append(recipient_ids_type_0_item)

        else:
            recipient_ids = self.recipient_ids

        target_id: None | str | Unset
        if isinstance(self.target_id, Unset):
            target_id = UNSET
        elif isinstance(self.target_id, UUID):
            target_id = str(self.target_id)
        else:
            target_id = self.target_id

        target_type: None | str | Unset
        if isinstance(self.target_type, Unset):
            target_type = UNSET
        else:
            target_type = self.target_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "severity": severity,
                "title": title,
                "type": type_,
            }
        )
        if body is not UNSET:
            field_dict["body"] = body
        if dedup_key is not UNSET:
            field_dict["dedup_key"] = dedup_key
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if recipient_ids is not UNSET:
            field_dict["recipient_ids"] = recipient_ids
        if target_id is not UNSET:
            field_dict["target_id"] = target_id
        if target_type is not UNSET:
            field_dict["target_type"] = target_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        severity = check_severity(d.pop("severity"))

        title = d.pop("title")

        type_ = d.pop("type")

        def _parse_body(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        body = _parse_body(d.pop("body", UNSET))

        def _parse_dedup_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dedup_key = _parse_dedup_key(d.pop("dedup_key", UNSET))

        def _parse_due_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_at_type_0 = datetime.datetime.fromisoformat(data)

                return due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        due_at = _parse_due_at(d.pop("due_at", UNSET))

        def _parse_recipient_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                recipient_ids_type_0 = []
                _recipient_ids_type_0 = data
                for recipient_ids_type_0_item_data in _recipient_ids_type_0:
                    recipient_ids_type_0_item = UUID(recipient_ids_type_0_item_data)

                    recipient_ids_type_0.append(recipient_ids_type_0_item)

                return recipient_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        recipient_ids = _parse_recipient_ids(d.pop("recipient_ids", UNSET))

        def _parse_target_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_id_type_0 = UUID(data)

                return target_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        target_id = _parse_target_id(d.pop("target_id", UNSET))

        def _parse_target_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        target_type = _parse_target_type(d.pop("target_type", UNSET))

        alert_create = cls(
            severity=severity,
            title=title,
            type_=type_,
            body=body,
            dedup_key=dedup_key,
            due_at=due_at,
            recipient_ids=recipient_ids,
            target_id=target_id,
            target_type=target_type,
        )

        alert_create.additional_properties = d
        return alert_create

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
