from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.search_hit_out import SearchHitOut


T = TypeVar("T", bound="SearchGroup")


@_attrs_define
class SearchGroup:
    """
    Attributes:
        hits (list[SearchHitOut]):
        key (str):
        label (str):
        more (bool | Unset):  Default: False.
    """

    hits: list[SearchHitOut]
    key: str
    label: str
    more: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        hits = []
        for hits_item_data in self.hits:
            hits_item = hits_item_data.to_dict()
            hits.append(hits_item)

        key = self.key

        label = self.label

        more = self.more

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "hits": hits,
                "key": key,
                "label": label,
            }
        )
        if more is not UNSET:
            field_dict["more"] = more

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.search_hit_out import SearchHitOut  # noqa: PLC0415

        d = dict(src_dict)
        hits = []
        _hits = d.pop("hits")
        for hits_item_data in _hits:
            hits_item = SearchHitOut.from_dict(hits_item_data)

            hits.append(hits_item)

        key = d.pop("key")

        label = d.pop("label")

        more = d.pop("more", UNSET)

        search_group = cls(
            hits=hits,
            key=key,
            label=label,
            more=more,
        )

        search_group.additional_properties = d
        return search_group

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
