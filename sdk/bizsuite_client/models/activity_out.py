from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.activity_kind import ActivityKind, check_activity_kind

T = TypeVar("T", bound="ActivityOut")


@_attrs_define
class ActivityOut:
    """
    Attributes:
        account_id (UUID):
        author_label (str):
        author_user_id (None | UUID):
        body (None | str):
        contact_id (None | UUID):
        created_at (datetime.datetime):
        id (UUID):
        kind (ActivityKind): A touch point with an account.
        occurred_at (datetime.datetime):
        subject (str):
        updated_at (datetime.datetime):
        version (int):
    """

    account_id: UUID
    author_label: str
    author_user_id: None | UUID
    body: None | str
    contact_id: None | UUID
    created_at: datetime.datetime
    id: UUID
    kind: ActivityKind
    occurred_at: datetime.datetime
    subject: str
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        author_label = self.author_label

        author_user_id: None | str
        if isinstance(self.author_user_id, UUID):
            author_user_id = str(self.author_user_id)
        else:
            author_user_id = self.author_user_id

        body: None | str
        body = self.body

        contact_id: None | str
        if isinstance(self.contact_id, UUID):
            contact_id = str(self.contact_id)
        else:
            contact_id = self.contact_id

        created_at = self.created_at.isoformat()

        id = str(self.id)

        kind: str = self.kind

        occurred_at = self.occurred_at.isoformat()

        subject = self.subject

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "author_label": author_label,
                "author_user_id": author_user_id,
                "body": body,
                "contact_id": contact_id,
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "occurred_at": occurred_at,
                "subject": subject,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        author_label = d.pop("author_label")

        def _parse_author_user_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                author_user_id_type_0 = UUID(data)

                return author_user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        author_user_id = _parse_author_user_id(d.pop("author_user_id"))

        def _parse_body(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        body = _parse_body(d.pop("body"))

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

        id = UUID(d.pop("id"))

        kind = check_activity_kind(d.pop("kind"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        subject = d.pop("subject")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        activity_out = cls(
            account_id=account_id,
            author_label=author_label,
            author_user_id=author_user_id,
            body=body,
            contact_id=contact_id,
            created_at=created_at,
            id=id,
            kind=kind,
            occurred_at=occurred_at,
            subject=subject,
            updated_at=updated_at,
            version=version,
        )

        activity_out.additional_properties = d
        return activity_out

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
