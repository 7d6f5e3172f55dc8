from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChatterNoteCreate")


@_attrs_define
class ChatterNoteCreate:
    """
    Attributes:
        body (str):
        file_ids (list[UUID] | Unset):
        mention_ids (list[UUID] | Unset):
    """

    body: str
    file_ids: list[UUID] | Unset = UNSET
    mention_ids: list[UUID] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        body = self.body

        file_ids: list[str] | Unset = UNSET
        if not isinstance(self.file_ids, Unset):
            file_ids = []
            for file_ids_item_data in self.file_ids:
                file_ids_item = str(file_ids_item_data)
                file_ids.append(file_ids_item)

        mention_ids: list[str] | Unset = UNSET
        if not isinstance(self.mention_ids, Unset):
            mention_ids = []
            for mention_ids_item_data in self.mention_ids:
                mention_ids_item = str(mention_ids_item_data)
                mention_ids.append(mention_ids_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "body": body,
            }
        )
        if file_ids is not UNSET:
            field_dict["file_ids"] = file_ids
        if mention_ids is not UNSET:
            field_dict["mention_ids"] = mention_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        body = d.pop("body")

        _file_ids = d.pop("file_ids", UNSET)
        file_ids: list[UUID] | Unset = UNSET
        if _file_ids is not UNSET:
            file_ids = []
            for file_ids_item_data in _file_ids:
                file_ids_item = UUID(file_ids_item_data)

                file_ids.append(file_ids_item)

        _mention_ids = d.pop("mention_ids", UNSET)
        mention_ids: list[UUID] | Unset = UNSET
        if _mention_ids is not UNSET:
            mention_ids = []
            for mention_ids_item_data in _mention_ids:
                mention_ids_item = UUID(mention_ids_item_data)

                mention_ids.append(mention_ids_item)

        chatter_note_create = cls(
            body=body,
            file_ids=file_ids,
            mention_ids=mention_ids,
        )

        chatter_note_create.additional_properties = d
        return chatter_note_create

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
