from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.activity_kind import ActivityKind, check_activity_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="ActivityUpdate")


@_attrs_define
class ActivityUpdate:
    """
    Attributes:
        body (None | str | Unset):
        contact_id (None | Unset | UUID):
        kind (ActivityKind | Unset): A touch point with an account.
        occurred_at (datetime.datetime | Unset):
        subject (str | Unset):
    """

    body: None | str | Unset = UNSET
    contact_id: None | Unset | UUID = UNSET
    kind: ActivityKind | Unset = UNSET
    occurred_at: datetime.datetime | Unset = UNSET
    subject: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        body: None | str | Unset
        if isinstance(self.body, Unset):
            body = UNSET
        else:
            body = self.body

        contact_id: None | str | Unset
        if isinstance(self.contact_id, Unset):
            contact_id = UNSET
        elif isinstance(self.contact_id, UUID):
            contact_id = str(self.contact_id)
        else:
            contact_id = self.contact_id

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind

        occurred_at: str | Unset
        if isinstance(self.occurred_at, Unset):
            occurred_at = UNSET
        else:
            occurred_at = self.occurred_at.isoformat()

        subject: str | Unset
        if isinstance(self.subject, Unset):
            subject = UNSET
        else:
            subject = self.subject

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if body is not UNSET:
            field_dict["body"] = body
        if contact_id is not UNSET:
            field_dict["contact_id"] = contact_id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at
        if subject is not UNSET:
            field_dict["subject"] = subject

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_body(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        body = _parse_body(d.pop("body", UNSET))

        def _parse_contact_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contact_id_type_0 = UUID(data)

                return contact_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        contact_id = _parse_contact_id(d.pop("contact_id", UNSET))

        _kind = d.pop("kind", UNSET)
        kind: ActivityKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = check_activity_kind(_kind)

        def _parse_occurred_at(data: object) -> datetime.datetime | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError()
            occurred_at_type_0 = datetime.datetime.fromisoformat(data)

            return occurred_at_type_0

        occurred_at = _parse_occurred_at(d.pop("occurred_at", UNSET))

        def _parse_subject(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        subject = _parse_subject(d.pop("subject", UNSET))

        activity_update = cls(
            body=body,
            contact_id=contact_id,
            kind=kind,
            occurred_at=occurred_at,
            subject=subject,
        )

        activity_update.additional_properties = d
        return activity_update

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
