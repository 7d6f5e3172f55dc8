from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BudgetCompile")


@_attrs_define
class BudgetCompile:
    """
    Attributes:
        category_ids (list[UUID] | None | Unset):
    """

    category_ids: list[UUID] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        category_ids: list[str] | None | Unset
        if isinstance(self.category_ids, Unset):
            category_ids = UNSET
        elif isinstance(self.category_ids, list):
            category_ids = []
            for category_ids_type_0_item_data in self.category_ids:
                category_ids_type_0_item = str(category_ids_type_0_item_data)
                category_ids.append(category_ids_type_0_item)

        else:
            category_ids = self.category_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if category_ids is not UNSET:
            field_dict["category_ids"] = category_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_category_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                category_ids_type_0 = []
                _category_ids_type_0 = data
                for category_ids_type_0_item_data in _category_ids_type_0:
                    category_ids_type_0_item = UUID(category_ids_type_0_item_data)

                    category_ids_type_0.append(category_ids_type_0_item)

                return category_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        category_ids = _parse_category_ids(d.pop("category_ids", UNSET))

        budget_compile = cls(
            category_ids=category_ids,
        )

        budget_compile.additional_properties = d
        return budget_compile

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
