from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.message_kind import MessageKind, check_message_kind

if TYPE_CHECKING:
    from ..models.chatter_attachment import ChatterAttachment
    from ..models.chatter_person import ChatterPerson


T = TypeVar("T", bound="ChatterMessageOut")


@_attrs_define
class ChatterMessageOut:
    """
    Attributes:
        attachments (list[ChatterAttachment]):
        author (str):
        author_user_id (None | UUID):
        body (str):
        created_at (datetime.datetime):
        id (UUID):
        kind (MessageKind): What a chatter message is: a note someone wrote, or the feedback of a finished activity.
        mentions (list[ChatterPerson]):
        target_id (UUID):
        target_type (str):
        updated_at (datetime.datetime):
        version (int):
    """

    attachments: list[ChatterAttachment]
    author: str
    author_user_id: None | UUID
    body: str
    created_at: datetime.datetime
    id: UUID
    kind: MessageKind
    mentions: list[ChatterPerson]
    target_id: UUID
    target_type: str
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attachments = []
        for attachments_item_data in self.attachments:
            attachments_item = attachments_item_data.to_dict()
            attachments.append(attachments_item)

        author = self.author

        author_user_id: None | str
        if isinstance(self.author_user_id, UUID):
            author_user_id = str(self.author_user_id)
        else:
            author_user_id = self.author_user_id

        body = self.body

        created_at = self.created_at.isoformat()

        id = str(self.id)

        kind: str = self.kind

        mentions = []
        for mentions_item_data in self.mentions:
            mentions_item = mentions_item_data.to_dict()
            mentions.append(mentions_item)

        target_id = str(self.target_id)

        target_type = self.target_type

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attachments": attachments,
                "author": author,
                "author_user_id": author_user_id,
                "body": body,
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "mentions": mentions,
                "target_id": target_id,
                "target_type": target_type,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chatter_attachment import ChatterAttachment  # noqa: PLC0415
        from ..models.chatter_person import ChatterPerson  # noqa: PLC0415

        d = dict(src_dict)
        attachments = []
        _attachments = d.pop("attachments")
        for attachments_item_data in _attachments:
            attachments_item = ChatterAttachment.from_dict(attachments_item_data)

            attachments.append(attachments_item)

        author = d.pop("author")

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

        body = d.pop("body")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        kind = check_message_kind(d.pop("kind"))

        mentions = []
        _mentions = d.pop("mentions")
        for mentions_item_data in _mentions:
            mentions_item = ChatterPerson.from_dict(mentions_item_data)

            mentions.append(mentions_item)

        target_id = UUID(d.pop("target_id"))

        target_type = d.pop("target_type")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        chatter_message_out = cls(
            attachments=attachments,
            author=author,
            author_user_id=author_user_id,
            body=body,
            created_at=created_at,
            id=id,
            kind=kind,
            mentions=mentions,
            target_id=target_id,
            target_type=target_type,
            updated_at=updated_at,
            version=version,
        )

        chatter_message_out.additional_properties = d
        return chatter_message_out

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
