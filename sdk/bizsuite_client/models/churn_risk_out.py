from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tier import Tier, check_tier

T = TypeVar("T", bound="ChurnRiskOut")


@_attrs_define
class ChurnRiskOut:
    """
    Attributes:
        account_id (UUID):
        alerted_at (datetime.datetime | None):
        code (str):
        detected_at (datetime.datetime):
        id (UUID):
        last_month (str):
        months_declining (int):
        name (str):
        owner_user_id (None | UUID):
        revenue_at_stake (str):
        streak_start (str):
        tier (None | Tier):
    """

    account_id: UUID
    alerted_at: datetime.datetime | None
    code: str
    detected_at: datetime.datetime
    id: UUID
    last_month: str
    months_declining: int
    name: str
    owner_user_id: None | UUID
    revenue_at_stake: str
    streak_start: str
    tier: None | Tier
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        alerted_at: None | str
        if isinstance(self.alerted_at, datetime.datetime):
            alerted_at = self.alerted_at.isoformat()
        else:
            alerted_at = self.alerted_at

        code = self.code

        detected_at = self.detected_at.isoformat()

        id = str(self.id)

        last_month = self.last_month

        months_declining = self.months_declining

        name = self.name

        owner_user_id: None | str
        if isinstance(self.owner_user_id, UUID):
            owner_user_id = str(self.owner_user_id)
        else:
            owner_user_id = self.owner_user_id

        revenue_at_stake = self.revenue_at_stake

        streak_start = self.streak_start

        tier: None | str
        if isinstance(self.tier, str):
            tier = self.tier
        else:
            tier = self.tier

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "alerted_at": alerted_at,
                "code": code,
                "detected_at": detected_at,
                "id": id,
                "last_month": last_month,
                "months_declining": months_declining,
                "name": name,
                "owner_user_id": owner_user_id,
                "revenue_at_stake": revenue_at_stake,
                "streak_start": streak_start,
                "tier": tier,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        def _parse_alerted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                alerted_at_type_0 = datetime.datetime.fromisoformat(data)

                return alerted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        alerted_at = _parse_alerted_at(d.pop("alerted_at"))

        code = d.pop("code")

        detected_at = datetime.datetime.fromisoformat(d.pop("detected_at"))

        id = UUID(d.pop("id"))

        last_month = d.pop("last_month")

        months_declining = d.pop("months_declining")

        name = d.pop("name")

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

        revenue_at_stake = d.pop("revenue_at_stake")

        streak_start = d.pop("streak_start")

        def _parse_tier(data: object) -> None | Tier:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tier_type_0 = check_tier(data)

                return tier_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Tier, data)

        tier = _parse_tier(d.pop("tier"))

        churn_risk_out = cls(
            account_id=account_id,
            alerted_at=alerted_at,
            code=code,
            detected_at=detected_at,
            id=id,
            last_month=last_month,
            months_declining=months_declining,
            name=name,
            owner_user_id=owner_user_id,
            revenue_at_stake=revenue_at_stake,
            streak_start=streak_start,
            tier=tier,
        )

        churn_risk_out.additional_properties = d
        return churn_risk_out

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
