from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SavedViewOut")


@_attrs_define
class SavedViewOut:
    """
    Attributes:
        created_at (datetime.datetime):
        id (UUID):
        list_key (str):
        mine (bool):
        name (str):
        owner_user_id (UUID):
        query (str):
        shared (bool):
        version (int):
    """

    created_at: datetime.datetime
    id: UUID
    list_key: str
    mine: bool
    name: str
    owner_user_id: UUID
    query: str
    shared: bool
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = str(self.id)

        list_key = self.list_key

        mine = self.mine

        name = self.name

        owner_user_id = str(self.owner_user_id)

        query = self.query

        shared = self.shared

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "list_key": list_key,
                "mine": mine,
                "name": name,
                "owner_user_id": owner_user_id,
                "query": query,
                "shared": shared,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        list_key = d.pop("list_key")

        mine = d.pop("mine")

        name = d.pop("name")

        owner_user_id = UUID(d.pop("owner_user_id"))

        query = d.pop("query")

        shared = d.pop("shared")

        version = d.pop("version")

        saved_view_out = cls(
            created_at=created_at,
            id=id,
            list_key=list_key,
            mine=mine,
            name=name,
            owner_user_id=owner_user_id,
            query=query,
            shared=shared,
            version=version,
        )

        saved_view_out.additional_properties = d
        return saved_view_out

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
