from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.payer_status import PayerStatus, check_payer_status

T = TypeVar("T", bound="FeePayerView")


@_attrs_define
class FeePayerView:
    """
    Attributes:
        excluded_reason (None | str):
        included (bool):
        org_unit_code (str):
        org_unit_id (UUID):
        org_unit_name (str):
        payer (bool):
        status (PayerStatus): Whether a subsidiary is billed: by default every subsidiary is a wholly-owned payer.
        updated_at (datetime.datetime | None):
        version (int):
        wholly_owned (bool):
    """

    excluded_reason: None | str
    included: bool
    org_unit_code: str
    org_unit_id: UUID
    org_unit_name: str
    payer: bool
    status: PayerStatus
    updated_at: datetime.datetime | None
    version: int
    wholly_owned: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        excluded_reason: None | str
        excluded_reason = self.excluded_reason

        included = self.included

        org_unit_code = self.org_unit_code

        org_unit_id = str(self.org_unit_id)

        org_unit_name = self.org_unit_name

        payer = self.payer

        status: str = self.status

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        version = self.version

        wholly_owned = self.wholly_owned

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "excluded_reason": excluded_reason,
                "included": included,
                "org_unit_code": org_unit_code,
                "org_unit_id": org_unit_id,
                "org_unit_name": org_unit_name,
                "payer": payer,
                "status": status,
                "updated_at": updated_at,
                "version": version,
                "wholly_owned": wholly_owned,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_excluded_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        excluded_reason = _parse_excluded_reason(d.pop("excluded_reason"))

        included = d.pop("included")

        org_unit_code = d.pop("org_unit_code")

        org_unit_id = UUID(d.pop("org_unit_id"))

        org_unit_name = d.pop("org_unit_name")

        payer = d.pop("payer")

        status = check_payer_status(d.pop("status"))

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        version = d.pop("version")

        wholly_owned = d.pop("wholly_owned")

        fee_payer_view = cls(
            excluded_reason=excluded_reason,
            included=included,
            org_unit_code=org_unit_code,
            org_unit_id=org_unit_id,
            org_unit_name=org_unit_name,
            payer=payer,
            status=status,
            updated_at=updated_at,
            version=version,
            wholly_owned=wholly_owned,
        )

        fee_payer_view.additional_properties = d
        return fee_payer_view

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
