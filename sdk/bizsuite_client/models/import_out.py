from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.import_status import ImportStatus, check_import_status

if TYPE_CHECKING:
    from ..models.import_error_out import ImportErrorOut
    from ..models.import_field_out import ImportFieldOut
    from ..models.json_object import JsonObject


T = TypeVar("T", bound="ImportOut")


@_attrs_define
class ImportOut:
    """
    Attributes:
        created_at (datetime.datetime):
        created_by (str):
        error_count (int):
        errors (list[ImportErrorOut]):
        fields (list[ImportFieldOut]):
        file_id (UUID):
        filename (str):
        finished_at (datetime.datetime | None):
        headers (list[str]):
        id (UUID):
        kind (str):
        processed_rows (int):
        status (ImportStatus): Where an import stands.
        summary (JsonObject): A JSON object with free-form keys.
        total_rows (int):
        updated_at (datetime.datetime):
    """

    created_at: datetime.datetime
    created_by: str
    error_count: int
    errors: list[ImportErrorOut]
    fields: list[ImportFieldOut]
    file_id: UUID
    filename: str
    finished_at: datetime.datetime | None
    headers: list[str]
    id: UUID
    kind: str
    processed_rows: int
    status: ImportStatus
    summary: JsonObject
    total_rows: int
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        created_by = self.created_by

        error_count = self.error_count

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        fields = []
        for fields_item_data in self.fields:
            fields_item = fields_item_data.to_dict()
            fields.append(fields_item)

        file_id = str(self.file_id)

        filename = self.filename

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        headers = self.headers

        id = str(self.id)

        kind = self.kind

        processed_rows = self.processed_rows

        status: str = self.status

        summary = self.summary.to_dict()

        total_rows = self.total_rows

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "created_by": created_by,
                "error_count": error_count,
                "errors": errors,
                "fields": fields,
                "file_id": file_id,
                "filename": filename,
                "finished_at": finished_at,
                "headers": headers,
                "id": id,
                "kind": kind,
                "processed_rows": processed_rows,
                "status": status,
                "summary": summary,
                "total_rows": total_rows,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_error_out import ImportErrorOut  # noqa: PLC0415
        from ..models.import_field_out import ImportFieldOut  # noqa: PLC0415
        from ..models.json_object import JsonObject  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = d.pop("created_by")

        error_count = d.pop("error_count")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = ImportErrorOut.from_dict(errors_item_data)

            errors.append(errors_item)

        fields = []
        _fields = d.pop("fields")
        for fields_item_data in _fields:
            fields_item = ImportFieldOut.from_dict(fields_item_data)

            fields.append(fields_item)

        file_id = UUID(d.pop("file_id"))

        filename = d.pop("filename")

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        headers = cast(list[str], d.pop("headers"))

        id = UUID(d.pop("id"))

        kind = d.pop("kind")

        processed_rows = d.pop("processed_rows")

        status = check_import_status(d.pop("status"))

        summary = JsonObject.from_dict(d.pop("summary"))

        total_rows = d.pop("total_rows")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        import_out = cls(
            created_at=created_at,
            created_by=created_by,
            error_count=error_count,
            errors=errors,
            fields=fields,
            file_id=file_id,
            filename=filename,
            finished_at=finished_at,
            headers=headers,
            id=id,
            kind=kind,
            processed_rows=processed_rows,
            status=status,
            summary=summary,
            total_rows=total_rows,
            updated_at=updated_at,
        )

        import_out.additional_properties = d
        return import_out

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
