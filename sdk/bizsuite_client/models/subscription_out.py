from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.billing_interval import BillingInterval, check_billing_interval
from ..models.billing_provider import BillingProvider, check_billing_provider
from ..models.phase import Phase, check_phase
from ..models.subscription_status import SubscriptionStatus, check_subscription_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.figure_out import FigureOut
    from ..models.plan_out import PlanOut
    from ..models.subscription_addon_out import SubscriptionAddonOut
    from ..models.usage_out import UsageOut


T = TypeVar("T", bound="SubscriptionOut")


@_attrs_define
class SubscriptionOut:
    """
    Attributes:
        access (str):
        cancel_at_period_end (bool):
        canceled_at (datetime.datetime | None):
        current_period_end (datetime.datetime | None):
        current_period_start (datetime.datetime | None):
        interval (BillingInterval): How often a subscription is billed.
        past_due_since (datetime.datetime | None):
        phase (Phase): Where a subscription stands now (the stored status, with grace and suspension by time).
        plan (PlanOut):
        price (FigureOut):
        provider (BillingProvider): Who collects the money: the operator by hand (offline) or Stripe.
        read_only_from (datetime.datetime | None):
        seats (int):
        status (SubscriptionStatus): A subscription's stored status (``grace`` is derived from ``past_due_since`` and
            the clock).
        suspended_from (datetime.datetime | None):
        tenant_id (UUID):
        trial_end (datetime.datetime | None):
        usage (list[UsageOut]):
        version (int):
        addons (list[SubscriptionAddonOut] | Unset):
        proration (FigureOut | None | Unset):
    """

    access: str
    cancel_at_period_end: bool
    canceled_at: datetime.datetime | None
    current_period_end: datetime.datetime | None
    current_period_start: datetime.datetime | None
    interval: BillingInterval
    past_due_since: datetime.datetime | None
    phase: Phase
    plan: PlanOut
    price: FigureOut
    provider: BillingProvider
    read_only_from: datetime.datetime | None
    seats: int
    status: SubscriptionStatus
    suspended_from: datetime.datetime | None
    tenant_id: UUID
    trial_end: datetime.datetime | None
    usage: list[UsageOut]
    version: int
    addons: list[SubscriptionAddonOut] | Unset = UNSET
    proration: FigureOut | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.figure_out import FigureOut  # noqa: PLC0415

        access = self.access

        cancel_at_period_end = self.cancel_at_period_end

        canceled_at: None | str
        if isinstance(self.canceled_at, datetime.datetime):
            canceled_at = self.canceled_at.isoformat()
        else:
            canceled_at = self.canceled_at

        current_period_end: None | str
        if isinstance(self.current_period_end, datetime.datetime):
            current_period_end = self.current_period_end.isoformat()
        else:
            current_period_end = self.current_period_end

        current_period_start: None | str
        if isinstance(self.current_period_start, datetime.datetime):
            current_period_start = self.current_period_start.isoformat()
        else:
            current_period_start = self.current_period_start

        interval: str = self.interval

        past_due_since: None | str
        if isinstance(self.past_due_since, datetime.datetime):
            past_due_since = self.past_due_since.isoformat()
        else:
            past_due_since = self.past_due_since

        phase: str = self.phase

        plan = self.plan.to_dict()

        price = self.price.to_dict()

        provider: str = self.provider

        read_only_from: None | str
        if isinstance(self.read_only_from, datetime.datetime):
            read_only_from = self.read_only_from.isoformat()
        else:
            read_only_from = self.read_only_from

        seats = self.seats

        status: str = self.status

        suspended_from: None | str
        if isinstance(self.suspended_from, datetime.datetime):
            suspended_from = self.suspended_from.isoformat()
        else:
            suspended_from = self.suspended_from

        tenant_id = str(self.tenant_id)

        trial_end: None | str
        if isinstance(self.trial_end, datetime.datetime):
            trial_end = self.trial_end.isoformat()
        else:
            trial_end = self.trial_end

        usage = []
        for usage_item_data in self.usage:
            usage_item = usage_item_data.to_dict()
            usage.append(usage_item)

        version = self.version

        addons: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.addons, Unset):
            addons = []
            for addons_item_data in self.addons:
                addons_item = addons_item_data.to_dict()
                addons.append(addons_item)

        proration: dict[str, Any] | None | Unset
        if isinstance(self.proration, Unset):
            proration = UNSET
        elif isinstance(self.proration, FigureOut):
            proration = self.proration.to_dict()
        else:
            proration = self.proration

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access": access,
                "cancel_at_period_end": cancel_at_period_end,
                "canceled_at": canceled_at,
                "current_period_end": current_period_end,
                "current_period_start": current_period_start,
                "interval": interval,
                "past_due_since": past_due_since,
                "phase": phase,
                "plan": plan,
                "price": price,
                "provider": provider,
                "read_only_from": read_only_from,
                "seats": seats,
                "status": status,
                "suspended_from": suspended_from,
                "tenant_id": tenant_id,
                "trial_end": trial_end,
                "usage": usage,
                "version": version,
            }
        )
        if addons is not UNSET:
            field_dict["addons"] = addons
        if proration is not UNSET:
            field_dict["proration"] = proration

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.figure_out import FigureOut  # noqa: PLC0415
        from ..models.plan_out import PlanOut  # noqa: PLC0415
        from ..models.subscription_addon_out import SubscriptionAddonOut  # noqa: PLC0415
        from ..models.usage_out import UsageOut  # noqa: PLC0415

        d = dict(src_dict)
        access = d.pop("access")

        cancel_at_period_end = d.pop("cancel_at_period_end")

        def _parse_canceled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                canceled_at_type_0 = datetime.datetime.fromisoformat(data)

                return canceled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        canceled_at = _parse_canceled_at(d.pop("canceled_at"))

        def _parse_current_period_end(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                current_period_end_type_0 = datetime.datetime.fromisoformat(data)

                return current_period_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        current_period_end = _parse_current_period_end(d.pop("current_period_end"))

        def _parse_current_period_start(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                current_period_start_type_0 = datetime.datetime.fromisoformat(data)

                return current_period_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        current_period_start = _parse_current_period_start(d.pop("current_period_start"))

        interval = check_billing_interval(d.pop("interval"))

        def _parse_past_due_since(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                past_due_since_type_0 = datetime.datetime.fromisoformat(data)

                return past_due_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        past_due_since = _parse_past_due_since(d.pop("past_due_since"))

        phase = check_phase(d.pop("phase"))

        plan = PlanOut.from_dict(d.pop("plan"))

        price = FigureOut.from_dict(d.pop("price"))

        provider = check_billing_provider(d.pop("provider"))

        def _parse_read_only_from(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                read_only_from_type_0 = datetime.datetime.fromisoformat(data)

                return read_only_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        read_only_from = _parse_read_only_from(d.pop("read_only_from"))

        seats = d.pop("seats")

        status = check_subscription_status(d.pop("status"))

        def _parse_suspended_from(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                suspended_from_type_0 = datetime.datetime.fromisoformat(data)

                return suspended_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        suspended_from = _parse_suspended_from(d.pop("suspended_from"))

        tenant_id = UUID(d.pop("tenant_id"))

        def _parse_trial_end(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                trial_end_type_0 = datetime.datetime.fromisoformat(data)

                return trial_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        trial_end = _parse_trial_end(d.pop("trial_end"))

        usage = []
        _usage = d.pop("usage")
        for usage_item_data in _usage:
            usage_item = UsageOut.from_dict(usage_item_data)

            usage.append(usage_item)

        version = d.pop("version")

        _addons = d.pop("addons", UNSET)
        addons: list[SubscriptionAddonOut] | Unset = UNSET
        if _addons is not UNSET:
            addons = []
            for addons_item_data in _addons:
                addons_item = SubscriptionAddonOut.from_dict(addons_item_data)

                addons.append(addons_item)

        def _parse_proration(data: object) -> FigureOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                proration_type_0 = FigureOut.from_dict(data)

                return proration_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FigureOut | None | Unset, data)

        proration = _parse_proration(d.pop("proration", UNSET))

        subscription_out = cls(
            access=access,
            cancel_at_period_end=cancel_at_period_end,
            canceled_at=canceled_at,
            current_period_end=current_period_end,
            current_period_start=current_period_start,
            interval=interval,
            past_due_since=past_due_since,
            phase=phase,
            plan=plan,
            price=price,
            provider=provider,
            read_only_from=read_only_from,
            seats=seats,
            status=status,
            suspended_from=suspended_from,
            tenant_id=tenant_id,
            trial_end=trial_end,
            usage=usage,
            version=version,
            addons=addons,
            proration=proration,
        )

        subscription_out.additional_properties = d
        return subscription_out

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
