from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.import_mapping_mapping import ImportMappingMapping


T = TypeVar("T", bound="ImportMapping")


@_attrs_define
class ImportMapping:
    """
    Attributes:
        mapping (ImportMappingMapping):
    """

    mapping: ImportMappingMapping
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        mapping = self.mapping.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "mapping": mapping,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_mapping_mapping import ImportMappingMapping  # noqa: PLC0415

        d = dict(src_dict)
        mapping = ImportMappingMapping.from_dict(d.pop("mapping"))

        import_mapping = cls(
            mapping=mapping,
        )

        import_mapping.additional_properties = d
        return import_mapping

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
