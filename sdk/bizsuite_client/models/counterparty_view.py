from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.counterparty_kind import CounterpartyKind, check_counterparty_kind

if TYPE_CHECKING:
    from ..models.qualification_view import QualificationView


T = TypeVar("T", bound="CounterpartyView")


@_attrs_define
class CounterpartyView:
    """
    Attributes:
        blacklist_reason (None | str):
        blacklisted (bool):
        code (str):
        contact (None | str):
        created_at (datetime.datetime):
        id (UUID):
        kind (CounterpartyKind): The other party of an expenditure contract.
        name (str):
        notes (None | str):
        qualifications (list[QualificationView]):
        rating (int | None):
        updated_at (datetime.datetime):
        version (int):
    """

    blacklist_reason: None | str
    blacklisted: bool
    code: str
    contact: None | str
    created_at: datetime.datetime
    id: UUID
    kind: CounterpartyKind
    name: str
    notes: None | str
    qualifications: list[QualificationView]
    rating: int | None
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        blacklist_reason: None | str
        blacklist_reason = self.blacklist_reason

        blacklisted = self.blacklisted

        code = self.code

        contact: None | str
        contact = self.contact

        created_at = self.created_at.isoformat()

        id = str(self.id)

        kind: str = self.kind

        name = self.name

        notes: None | str
        notes = self.notes

        qualifications = []
        for qualifications_item_data in self.qualifications:
            qualifications_item = qualifications_item_data.to_dict()
            qualifications.append(qualifications_item)

        rating: int | None
        rating = self.rating

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "blacklist_reason": blacklist_reason,
                "blacklisted": blacklisted,
                "code": code,
                "contact": contact,
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "name": name,
                "notes": notes,
                "qualifications": qualifications,
                "rating": rating,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.qualification_view import QualificationView  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_blacklist_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        blacklist_reason = _parse_blacklist_reason(d.pop("blacklist_reason"))

        blacklisted = d.pop("blacklisted")

        code = d.pop("code")

        def _parse_contact(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        contact = _parse_contact(d.pop("contact"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        kind = check_counterparty_kind(d.pop("kind"))

        name = d.pop("name")

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        qualifications = []
        _qualifications = d.pop("qualifications")
        for qualifications_item_data in _qualifications:
            qualifications_item = QualificationView.from_dict(qualifications_item_data)

            qualifications.append(qualifications_item)

        def _parse_rating(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        rating = _parse_rating(d.pop("rating"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        counterparty_view = cls(
            blacklist_reason=blacklist_reason,
            blacklisted=blacklisted,
            code=code,
            contact=contact,
            created_at=created_at,
            id=id,
            kind=kind,
            name=name,
            notes=notes,
            qualifications=qualifications,
            rating=rating,
            updated_at=updated_at,
            version=version,
        )

        counterparty_view.additional_properties = d
        return counterparty_view

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
