from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.settlement_kind import SettlementKind, check_settlement_kind
from ..models.settlement_status import SettlementStatus, check_settlement_status

if TYPE_CHECKING:
    from ..models.spend_check_view import SpendCheckView


T = TypeVar("T", bound="SettlementView")


@_attrs_define
class SettlementView:
    """
    Attributes:
        amount (str):
        amount_base (str):
        contract_id (UUID):
        created_at (datetime.datetime):
        id (UUID):
        kind (SettlementKind): Money received on an income contract (收款) or paid on an expenditure contract (付款).
        milestone_id (None | UUID):
        reference (None | str):
        settled_on (datetime.date):
        spend_check (None | SpendCheckView):
        status (SettlementStatus): A receipt is recorded at once; a payment under the soft rule waits for special
            approval.
    """

    amount: str
    amount_base: str
    contract_id: UUID
    created_at: datetime.datetime
    id: UUID
    kind: SettlementKind
    milestone_id: None | UUID
    reference: None | str
    settled_on: datetime.date
    spend_check: None | SpendCheckView
    status: SettlementStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.spend_check_view import SpendCheckView  # noqa: PLC0415

        amount = self.amount

        amount_base = self.amount_base

        contract_id = str(self.contract_id)

        created_at = self.created_at.isoformat()

        id = str(self.id)

        kind: str = self.kind

        milestone_id: None | str
        if isinstance(self.milestone_id, UUID):
            milestone_id = str(self.milestone_id)
        else:
            milestone_id = self.milestone_id

        reference: None | str
        reference = self.reference

        settled_on = self.settled_on.isoformat()

        spend_check: dict[str, Any] | None
        if isinstance(self.spend_check, SpendCheckView):
            spend_check = self.spend_check.to_dict()
        else:
            spend_check = self.spend_check

        status: str = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "amount_base": amount_base,
                "contract_id": contract_id,
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "milestone_id": milestone_id,
                "reference": reference,
                "settled_on": settled_on,
                "spend_check": spend_check,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.spend_check_view import SpendCheckView  # noqa: PLC0415

        d = dict(src_dict)
        amount = d.pop("amount")

        amount_base = d.pop("amount_base")

        contract_id = UUID(d.pop("contract_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        kind = check_settlement_kind(d.pop("kind"))

        def _parse_milestone_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                milestone_id_type_0 = UUID(data)

                return milestone_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        milestone_id = _parse_milestone_id(d.pop("milestone_id"))

        def _parse_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference = _parse_reference(d.pop("reference"))

        settled_on = datetime.date.fromisoformat(d.pop("settled_on"))

        def _parse_spend_check(data: object) -> None | SpendCheckView:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                spend_check_type_0 = SpendCheckView.from_dict(data)

                return spend_check_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SpendCheckView, data)

        spend_check = _parse_spend_check(d.pop("spend_check"))

        status = check_settlement_status(d.pop("status"))

        settlement_view = cls(
            amount=amount,
            amount_base=amount_base,
            contract_id=contract_id,
            created_at=created_at,
            id=id,
            kind=kind,
            milestone_id=milestone_id,
            reference=reference,
            settled_on=settled_on,
            spend_check=spend_check,
            status=status,
        )

        settlement_view.additional_properties = d
        return settlement_view

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
