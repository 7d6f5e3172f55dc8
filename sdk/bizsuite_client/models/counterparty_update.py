from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.counterparty_kind import CounterpartyKind, check_counterparty_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="CounterpartyUpdate")


@_attrs_define
class CounterpartyUpdate:
    """
    Attributes:
        blacklist_reason (None | str | Unset):
        blacklisted (bool | Unset):
        code (str | Unset):
        contact (None | str | Unset):
        kind (CounterpartyKind | Unset): The other party of an expenditure contract.
        name (str | Unset):
        notes (None | str | Unset):
        rating (int | None | Unset): 1 (poor) to 5 (excellent).
    """

    blacklist_reason: None | str | Unset = UNSET
    blacklisted: bool | Unset = UNSET
    code: str | Unset = UNSET
    contact: None | str | Unset = UNSET
    kind: CounterpartyKind | Unset = UNSET
    name: str | Unset = UNSET
    notes: None | str | Unset = UNSET
    rating: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        blacklist_reason: None | str | Unset
        if isinstance(self.blacklist_reason, Unset):
            blacklist_reason = UNSET
        else:
            blacklist_reason = self.blacklist_reason

        blacklisted: bool | Unset
        if isinstance(self.blacklisted, Unset):
            blacklisted = UNSET
        else:
            blacklisted = self.blacklisted

        code: str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        contact: None | str | Unset
        if isinstance(self.contact, Unset):
            contact = UNSET
        else:
            contact = self.contact

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind

        name: str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        rating: int | None | Unset
        if isinstance(self.rating, Unset):
            rating = UNSET
        else:
            rating = self.rating

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if blacklist_reason is not UNSET:
            field_dict["blacklist_reason"] = blacklist_reason
        if blacklisted is not UNSET:
            field_dict["blacklisted"] = blacklisted
        if code is not UNSET:
            field_dict["code"] = code
        if contact is not UNSET:
            field_dict["contact"] = contact
        if kind is not UNSET:
            field_dict["kind"] = kind
        if name is not UNSET:
            field_dict["name"] = name
        if notes is not UNSET:
            field_dict["notes"] = notes
        if rating is not UNSET:
            field_dict["rating"] = rating

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_blacklist_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        blacklist_reason = _parse_blacklist_reason(d.pop("blacklist_reason", UNSET))

        def _parse_blacklisted(data: object) -> bool | Unset:
            if isinstance(data, Unset):
                return data
            return cast(bool | Unset, data)

        blacklisted = _parse_blacklisted(d.pop("blacklisted", UNSET))

        def _parse_code(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_contact(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact = _parse_contact(d.pop("contact", UNSET))

        _kind = d.pop("kind", UNSET)
        kind: CounterpartyKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = check_counterparty_kind(_kind)

        def _parse_name(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_rating(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rating = _parse_rating(d.pop("rating", UNSET))

        counterparty_update = cls(
            blacklist_reason=blacklist_reason,
            blacklisted=blacklisted,
            code=code,
            contact=contact,
            kind=kind,
            name=name,
            notes=notes,
            rating=rating,
        )

        counterparty_update.additional_properties = d
        return counterparty_update

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
