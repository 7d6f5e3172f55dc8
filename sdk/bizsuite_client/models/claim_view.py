from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.claim_kind import ClaimKind, check_claim_kind
from ..models.claim_status import ClaimStatus, check_claim_status

T = TypeVar("T", bound="ClaimView")


@_attrs_define
class ClaimView:
    """
    Attributes:
        agreed_amount (None | str):
        agreed_days (int | None):
        amount (None | str):
        contract_id (UUID):
        created_at (datetime.datetime):
        days (int | None):
        id (UUID):
        kind (ClaimKind): A claim for money (索赔) or a claim for time (延期).
        raised_by (str):
        raised_on (datetime.date):
        reason (str):
        resolution (None | str):
        status (ClaimStatus): Where a claim or delay stands.
        updated_at (datetime.datetime):
        version (int):
    """

    agreed_amount: None | str
    agreed_days: int | None
    amount: None | str
    contract_id: UUID
    created_at: datetime.datetime
    days: int | None
    id: UUID
    kind: ClaimKind
    raised_by: str
    raised_on: datetime.date
    reason: str
    resolution: None | str
    status: ClaimStatus
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agreed_amount: None | str
        agreed_amount = self.agreed_amount

        agreed_days: int | None
        agreed_days = self.agreed_days

        amount: None | str
        amount = self.amount

        contract_id = str(self.contract_id)

        created_at = self.created_at.isoformat()

        days: int | None
        days = self.days

        id = str(self.id)

        kind: str = self.kind

        raised_by = self.raised_by

        raised_on = self.raised_on.isoformat()

        reason = self.reason

        resolution: None | str
        resolution = self.resolution

        status: str = self.status

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agreed_amount": agreed_amount,
                "agreed_days": agreed_days,
                "amount": amount,
                "contract_id": contract_id,
                "created_at": created_at,
                "days": days,
                "id": id,
                "kind": kind,
                "raised_by": raised_by,
                "raised_on": raised_on,
                "reason": reason,
                "resolution": resolution,
                "status": status,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_agreed_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        agreed_amount = _parse_agreed_amount(d.pop("agreed_amount"))

        def _parse_agreed_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        agreed_days = _parse_agreed_days(d.pop("agreed_days"))

        def _parse_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        amount = _parse_amount(d.pop("amount"))

        contract_id = UUID(d.pop("contract_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        days = _parse_days(d.pop("days"))

        id = UUID(d.pop("id"))

        kind = check_claim_kind(d.pop("kind"))

        raised_by = d.pop("raised_by")

        raised_on = datetime.date.fromisoformat(d.pop("raised_on"))

        reason = d.pop("reason")

        def _parse_resolution(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resolution = _parse_resolution(d.pop("resolution"))

        status = check_claim_status(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        claim_view = cls(
            agreed_amount=agreed_amount,
            agreed_days=agreed_days,
            amount=amount,
            contract_id=contract_id,
            created_at=created_at,
            days=days,
            id=id,
            kind=kind,
            raised_by=raised_by,
            raised_on=raised_on,
            reason=reason,
            resolution=resolution,
            status=status,
            updated_at=updated_at,
            version=version,
        )

        claim_view.additional_properties = d
        return claim_view

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
