from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.org_unit_kind import OrgUnitKind, check_org_unit_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrgUnitUpdate")


@_attrs_define
class OrgUnitUpdate:
    """
    Attributes:
        code (str | Unset):
        kind (OrgUnitKind | Unset): What an org unit is.
        name (str | Unset):
    """

    code: str | Unset = UNSET
    kind: OrgUnitKind | Unset = UNSET
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code: str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind

        name: str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if code is not UNSET:
            field_dict["code"] = code
        if kind is not UNSET:
            field_dict["kind"] = kind
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_code(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        _kind = d.pop("kind", UNSET)
        kind: OrgUnitKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = check_org_unit_kind(_kind)

        def _parse_name(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        org_unit_update = cls(
            code=code,
            kind=kind,
            name=name,
        )

        org_unit_update.additional_properties = d
        return org_unit_update

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
