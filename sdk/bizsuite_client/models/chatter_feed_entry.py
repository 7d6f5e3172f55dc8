from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chatter_feed_entry_kind import ChatterFeedEntryKind, check_chatter_feed_entry_kind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chatter_change import ChatterChange
    from ..models.chatter_message_out import ChatterMessageOut


T = TypeVar("T", bound="ChatterFeedEntry")


@_attrs_define
class ChatterFeedEntry:
    """
    Attributes:
        author (None | str):
        id (UUID):
        kind (ChatterFeedEntryKind):
        occurred_at (datetime.datetime):
        changes (list[ChatterChange] | Unset):
        message (ChatterMessageOut | None | Unset):
    """

    author: None | str
    id: UUID
    kind: ChatterFeedEntryKind
    occurred_at: datetime.datetime
    changes: list[ChatterChange] | Unset = UNSET
    message: ChatterMessageOut | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.chatter_message_out import ChatterMessageOut  # noqa: PLC0415

        author: None | str
        author = self.author

        id = str(self.id)

        kind: str = self.kind

        occurred_at = self.occurred_at.isoformat()

        changes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.changes, Unset):
            changes = []
            for changes_item_data in self.changes:
                changes_item = changes_item_data.to_dict()
                changes.append(changes_item)

        message: dict[str, Any] | None | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        elif isinstance(self.message, ChatterMessageOut):
            message = self.message.to_dict()
        else:
            message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "author": author,
                "id": id,
                "kind": kind,
                "occurred_at": occurred_at,
            }
        )
        if changes is not UNSET:
            field_dict["changes"] = changes
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chatter_change import ChatterChange  # noqa: PLC0415
        from ..models.chatter_message_out import ChatterMessageOut  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_author(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        author = _parse_author(d.pop("author"))

        id = UUID(d.pop("id"))

        kind = check_chatter_feed_entry_kind(d.pop("kind"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        _changes = d.pop("changes", UNSET)
        changes: list[ChatterChange] | Unset = UNSET
        if _changes is not UNSET:
            changes = []
            for changes_item_data in _changes:
                changes_item = ChatterChange.from_dict(changes_item_data)

                changes.append(changes_item)

        def _parse_message(data: object) -> ChatterMessageOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                message_type_0 = ChatterMessageOut.from_dict(data)

                return message_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChatterMessageOut | None | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        chatter_feed_entry = cls(
            author=author,
            id=id,
            kind=kind,
            occurred_at=occurred_at,
            changes=changes,
            message=message,
        )

        chatter_feed_entry.additional_properties = d
        return chatter_feed_entry

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
