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
        loudness_blocks (int | None): The 400 ms blocks measured (a new one every 100 ms).
        loudness_counted_blocks (int | None): Of `loudness_blocks`, those above both gates: what `loudness_lufs`
            averages.
        loudness_gate_lufs (None | str): The relative gate in LUFS: 10 LU below the loudness of the blocks at or above
            −70 LUFS; quieter blocks (pauses, fades) do not count.
        loudness_lufs (None | str): Integrated loudness in LUFS, ITU-R BS.1770-4 as EBU R 128 uses it, one decimal: each
            channel K-weighted (a +4 dB shelf above about 1.5 kHz, a 38 Hz high-pass); z = each channel's mean square over
            400 ms blocks overlapping by 75 %; a block's loudness l = −0.691 + 10·log10(Σ G·z) with G = 1 for left, right
            and centre (1.41 for surround); blocks counted when l ≥ −70 LUFS and above `loudness_gate_lufs`; the result is
            −0.691 + 10·log10(Σ G·z̄), z̄ the mean of z over the counted blocks. `null`: no block counted (silence, quieter
            than −70 LUFS, or shorter than 400 ms), or an asset registered before loudness was measured (`loudness_blocks`
            null too).
        name (str):
        purpose (str):
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
    loudness_blocks: int | None
    loudness_counted_blocks: int | None
    loudness_gate_lufs: None | str
    loudness_lufs: None | str
    name: str
    purpose: str
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

        loudness_blocks: int | None
        loudness_blocks = self.loudness_blocks

        loudness_counted_blocks: int | None
        loudness_counted_blocks = self.loudness_counted_blocks

        loudness_gate_lufs: None | str
        loudness_gate_lufs = self.loudness_gate_lufs

        loudness_lufs: None | str
        loudness_lufs = self.loudness_lufs

        name = self.name

        purpose = self.purpose

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
                "loudness_blocks": loudness_blocks,
                "loudness_counted_blocks": loudness_counted_blocks,
                "loudness_gate_lufs": loudness_gate_lufs,
                "loudness_lufs": loudness_lufs,
                "name": name,
                "purpose": purpose,
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

        def _parse_loudness_blocks(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        loudness_blocks = _parse_loudness_blocks(d.pop("loudness_blocks"))

        def _parse_loudness_counted_blocks(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        loudness_counted_blocks = _parse_loudness_counted_blocks(d.pop("loudness_counted_blocks"))

        def _parse_loudness_gate_lufs(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        loudness_gate_lufs = _parse_loudness_gate_lufs(d.pop("loudness_gate_lufs"))

        def _parse_loudness_lufs(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        loudness_lufs = _parse_loudness_lufs(d.pop("loudness_lufs"))

        name = d.pop("name")

        purpose = d.pop("purpose")

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
            loudness_blocks=loudness_blocks,
            loudness_counted_blocks=loudness_counted_blocks,
            loudness_gate_lufs=loudness_gate_lufs,
            loudness_lufs=loudness_lufs,
            name=name,
            purpose=purpose,
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
