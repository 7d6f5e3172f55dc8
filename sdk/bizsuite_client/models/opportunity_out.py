from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.opportunity_status import OpportunityStatus, check_opportunity_status
from ..models.stage_kind import StageKind, check_stage_kind

T = TypeVar("T", bound="OpportunityOut")


@_attrs_define
class OpportunityOut:
    """
    Attributes:
        account_id (UUID):
        account_name (str):
        amount (str):
        close_reason (None | str):
        closed_at (datetime.datetime | None):
        created_at (datetime.datetime):
        currency (str):
        expected_close (datetime.date | None):
        expected_value (str):
        id (UUID):
        name (str):
        owner_name (None | str):
        owner_user_id (None | UUID):
        probability (int):
        stage_id (UUID):
        stage_kind (StageKind): Open stages move; won and lost stages close the opportunity.
        stage_name (str):
        status (OpportunityStatus): Where an opportunity stands, from its stage's kind.
        updated_at (datetime.datetime):
        version (int):
    """

    account_id: UUID
    account_name: str
    amount: str
    close_reason: None | str
    closed_at: datetime.datetime | None
    created_at: datetime.datetime
    currency: str
    expected_close: datetime.date | None
    expected_value: str
    id: UUID
    name: str
    owner_name: None | str
    owner_user_id: None | UUID
    probability: int
    stage_id: UUID
    stage_kind: StageKind
    stage_name: str
    status: OpportunityStatus
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        account_name = self.account_name

        amount = self.amount

        close_reason: None | str
        close_reason = self.close_reason

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        created_at = self.created_at.isoformat()

        currency = self.currency

        expected_close: None | str
        if isinstance(self.expected_close, datetime.date):
            expected_close = self.expected_close.isoformat()
        else:
            expected_close = self.expected_close

        expected_value = self.expected_value

        id = str(self.id)

        name = self.name

        owner_name: None | str
        owner_name = self.owner_name

        owner_user_id: None | str
        if isinstance(self.owner_user_id, UUID):
            owner_user_id = str(self.owner_user_id)
        else:
            owner_user_id = self.owner_user_id

        probability = self.probability

        stage_id = str(self.stage_id)

        stage_kind: str = self.stage_kind

        stage_name = self.stage_name

        status: str = self.status

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "account_name": account_name,
                "amount": amount,
                "close_reason": close_reason,
                "closed_at": closed_at,
                "created_at": created_at,
                "currency": currency,
                "expected_close": expected_close,
                "expected_value": expected_value,
                "id": id,
                "name": name,
                "owner_name": owner_name,
                "owner_user_id": owner_user_id,
                "probability": probability,
                "stage_id": stage_id,
                "stage_kind": stage_kind,
                "stage_name": stage_name,
                "status": status,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        account_name = d.pop("account_name")

        amount = d.pop("amount")

        def _parse_close_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        close_reason = _parse_close_reason(d.pop("close_reason"))

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        def _parse_expected_close(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expected_close_type_0 = datetime.date.fromisoformat(data)

                return expected_close_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        expected_close = _parse_expected_close(d.pop("expected_close"))

        expected_value = d.pop("expected_value")

        id = UUID(d.pop("id"))

        name = d.pop("name")

        def _parse_owner_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        owner_name = _parse_owner_name(d.pop("owner_name"))

        def _parse_owner_user_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_user_id_type_0 = UUID(data)

                return owner_user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        owner_user_id = _parse_owner_user_id(d.pop("owner_user_id"))

        probability = d.pop("probability")

        stage_id = UUID(d.pop("stage_id"))

        stage_kind = check_stage_kind(d.pop("stage_kind"))

        stage_name = d.pop("stage_name")

        status = check_opportunity_status(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        opportunity_out = cls(
            account_id=account_id,
            account_name=account_name,
            amount=amount,
            close_reason=close_reason,
            closed_at=closed_at,
            created_at=created_at,
            currency=currency,
            expected_close=expected_close,
            expected_value=expected_value,
            id=id,
            name=name,
            owner_name=owner_name,
            owner_user_id=owner_user_id,
            probability=probability,
            stage_id=stage_id,
            stage_kind=stage_kind,
            stage_name=stage_name,
            status=status,
            updated_at=updated_at,
            version=version,
        )

        opportunity_out.additional_properties = d
        return opportunity_out

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
