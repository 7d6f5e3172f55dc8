from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.asset_create_purpose import AssetCreatePurpose, check_asset_create_purpose
from ..types import UNSET, Unset

T = TypeVar("T", bound="AssetCreate")


@_attrs_define
class AssetCreate:
    """
    Attributes:
        file_id (UUID):
        name (str):
        venue_id (UUID):
        purpose (AssetCreatePurpose | Unset):  Default: 'music'.
    """

    file_id: UUID
    name: str
    venue_id: UUID
    purpose: AssetCreatePurpose | Unset = "music"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file_id = str(self.file_id)

        name = self.name

        venue_id = str(self.venue_id)

        purpose: str | Unset = UNSET
        if not isinstance(self.purpose, Unset):
            purpose = self.purpose

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file_id": file_id,
                "name": name,
                "venue_id": venue_id,
            }
        )
        if purpose is not UNSET:
            field_dict["purpose"] = purpose

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file_id = UUID(d.pop("file_id"))

        name = d.pop("name")

        venue_id = UUID(d.pop("venue_id"))

        _purpose = d.pop("purpose", UNSET)
        purpose: AssetCreatePurpose | Unset
        if isinstance(_purpose, Unset):
            purpose = UNSET
        else:
            purpose = check_asset_create_purpose(_purpose)

        asset_create = cls(
            file_id=file_id,
            name=name,
            venue_id=venue_id,
            purpose=purpose,
        )

        asset_create.additional_properties = d
        return asset_create

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
