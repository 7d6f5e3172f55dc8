from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FileOut")


@_attrs_define
class FileOut:
    """
    Attributes:
        content_type (str):
        created_at (datetime.datetime):
        document_id (None | UUID):
        document_type (None | str):
        id (UUID):
        name (str):
        sha256 (str):
        size (int):
        updated_at (datetime.datetime):
        uploaded_by (None | UUID):
        version (int):
    """

    content_type: str
    created_at: datetime.datetime
    document_id: None | UUID
    document_type: None | str
    id: UUID
    name: str
    sha256: str
    size: int
    updated_at: datetime.datetime
    uploaded_by: None | UUID
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content_type = self.content_type

        created_at = self.created_at.isoformat()

        document_id: None | str
        if isinstance(self.document_id, UUID):
            document_id = str(self.document_id)
        else:
            document_id = self.document_id

        document_type: None | str
        document_type = self.document_type

        id = str(self.id)

        name = self.name

        sha256 = self.sha256

        size = self.size

        updated_at = self.updated_at.isoformat()

        uploaded_by: None | str
        if isinstance(self.uploaded_by, UUID):
            uploaded_by = str(self.uploaded_by)
        else:
            uploaded_by = self.uploaded_by

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content_type": content_type,
                "created_at": created_at,
                "document_id": document_id,
                "document_type": document_type,
                "id": id,
                "name": name,
                "sha256": sha256,
                "size": size,
                "updated_at": updated_at,
                "uploaded_by": uploaded_by,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        content_type = d.pop("content_type")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_document_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                document_id_type_0 = UUID(data)

                return document_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        document_id = _parse_document_id(d.pop("document_id"))

        def _parse_document_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        document_type = _parse_document_type(d.pop("document_type"))

        id = UUID(d.pop("id"))

        name = d.pop("name")

        sha256 = d.pop("sha256")

        size = d.pop("size")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_uploaded_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                uploaded_by_type_0 = UUID(data)

                return uploaded_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        uploaded_by = _parse_uploaded_by(d.pop("uploaded_by"))

        version = d.pop("version")

        file_out = cls(
            content_type=content_type,
            created_at=created_at,
            document_id=document_id,
            document_type=document_type,
            id=id,
            name=name,
            sha256=sha256,
            size=size,
            updated_at=updated_at,
            uploaded_by=uploaded_by,
            version=version,
        )

        file_out.additional_properties = d
        return file_out

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
