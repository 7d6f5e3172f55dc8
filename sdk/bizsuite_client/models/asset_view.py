from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AssetView")


@_attrs_define
class AssetView:
    """
    Attributes:
        channels (int):
        content_type (str):
        created_at (datetime.datetime):
        delivery_file_id (None | UUID):
        duration_ms (int):
        file_id (UUID):
        id (UUID):
        name (str):
        purpose (str):
        rms_dbfs (None | str):
        sample_rate (int):
        updated_at (datetime.datetime):
        venue_id (UUID):
        version (int):
    """

    channels: int
    content_type: str
    created_at: datetime.datetime
    delivery_file_id: None | UUID
    duration_ms: int
    file_id: UUID
    id: UUID
    name: str
    purpose: str
    rms_dbfs: None | str
    sample_rate: int
    updated_at: datetime.datetime
    venue_id: UUID
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        channels = self.channels

        content_type = self.content_type

        created_at = self.created_at.isoformat()

        delivery_file_id: None | str
        if isinstance(self.delivery_file_id, UUID):
            delivery_file_id = str(self.delivery_file_id)
        else:
            delivery_file_id = self.delivery_file_id

        duration_ms = self.duration_ms

        file_id = str(self.file_id)

        id = str(self.id)

        name = self.name

        purpose = self.purpose

        rms_dbfs: None | str
        rms_dbfs = self.rms_dbfs

        sample_rate = self.sample_rate

        updated_at = self.updated_at.isoformat()

        venue_id = str(self.venue_id)

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "channels": channels,
                "content_type": content_type,
                "created_at": created_at,
                "delivery_file_id": delivery_file_id,
                "duration_ms": duration_ms,
                "file_id": file_id,
                "id": id,
                "name": name,
                "purpose": purpose,
                "rms_dbfs": rms_dbfs,
                "sample_rate": sample_rate,
                "updated_at": updated_at,
                "venue_id": venue_id,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        channels = d.pop("channels")

        content_type = d.pop("content_type")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_delivery_file_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivery_file_id_type_0 = UUID(data)

                return delivery_file_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        delivery_file_id = _parse_delivery_file_id(d.pop("delivery_file_id"))

        duration_ms = d.pop("duration_ms")

        file_id = UUID(d.pop("file_id"))

        id = UUID(d.pop("id"))

        name = d.pop("name")

        purpose = d.pop("purpose")

        def _parse_rms_dbfs(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rms_dbfs = _parse_rms_dbfs(d.pop("rms_dbfs"))

        sample_rate = d.pop("sample_rate")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        venue_id = UUID(d.pop("venue_id"))

        version = d.pop("version")

        asset_view = cls(
            channels=channels,
            content_type=content_type,
            created_at=created_at,
            delivery_file_id=delivery_file_id,
            duration_ms=duration_ms,
            file_id=file_id,
            id=id,
            name=name,
            purpose=purpose,
            rms_dbfs=rms_dbfs,
            sample_rate=sample_rate,
            updated_at=updated_at,
            venue_id=venue_id,
            version=version,
        )

        asset_view.additional_properties = d
        return asset_view

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
