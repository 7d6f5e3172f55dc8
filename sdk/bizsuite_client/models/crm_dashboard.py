from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.dashboard_at_risk import DashboardAtRisk
    from ..models.dashboard_revenue_month import DashboardRevenueMonth
    from ..models.dashboard_sla_attainment import DashboardSlaAttainment
    from ..models.dashboard_tier_figures import DashboardTierFigures
    from ..models.pipeline_stage_summary import PipelineStageSummary


T = TypeVar("T", bound="CrmDashboard")


@_attrs_define
class CrmDashboard:
    """
    Attributes:
        at_risk (DashboardAtRisk):
        currency (str):
        pipeline (list[PipelineStageSummary]):
        revenue_trend (list[DashboardRevenueMonth]):
        since (datetime.date):
        sla_by_policy (list[DashboardSlaAttainment]):
        sla_by_zone (list[DashboardSlaAttainment]):
        tiers (list[DashboardTierFigures]):
    """

    at_risk: DashboardAtRisk
    currency: str
    pipeline: list[PipelineStageSummary]
    revenue_trend: list[DashboardRevenueMonth]
    since: datetime.date
    sla_by_policy: list[DashboardSlaAttainment]
    sla_by_zone: list[DashboardSlaAttainment]
    tiers: list[DashboardTierFigures]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at_risk = self.at_risk.to_dict()

        currency = self.currency

        pipeline = []
        for pipeline_item_data in self.pipeline:
            pipeline_item = pipeline_item_data.to_dict()
            pipeline.append(pipeline_item)

        revenue_trend = []
        for revenue_trend_item_data in self.revenue_trend:
            revenue_trend_item = revenue_trend_item_data.to_dict()
            revenue_trend.append(revenue_trend_item)

        since = self.since.isoformat()

        sla_by_policy = []
        for sla_by_policy_item_data in self.sla_by_policy:
            sla_by_policy_item = sla_by_policy_item_data.to_dict()
            sla_by_policy.append(sla_by_policy_item)

        sla_by_zone = []
        for sla_by_zone_item_data in self.sla_by_zone:
            sla_by_zone_item = sla_by_zone_item_data.to_dict()
            sla_by_zone.append(sla_by_zone_item)

        tiers = []
        for tiers_item_data in self.tiers:
            tiers_item = tiers_item_data.to_dict()
            tiers.append(tiers_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at_risk": at_risk,
                "currency": currency,
                "pipeline": pipeline,
                "revenue_trend": revenue_trend,
                "since": since,
                "sla_by_policy": sla_by_policy,
                "sla_by_zone": sla_by_zone,
                "tiers": tiers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dashboard_at_risk import DashboardAtRisk  # noqa: PLC0415
        from ..models.dashboard_revenue_month import DashboardRevenueMonth  # noqa: PLC0415
        from ..models.dashboard_sla_attainment import DashboardSlaAttainment  # noqa: PLC0415
        from ..models.dashboard_tier_figures import DashboardTierFigures  # noqa: PLC0415
        from ..models.pipeline_stage_summary import PipelineStageSummary  # noqa: PLC0415

        d = dict(src_dict)
        at_risk = DashboardAtRisk.from_dict(d.pop("at_risk"))

        currency = d.pop("currency")

        pipeline = []
        _pipeline = d.pop("pipeline")
        for pipeline_item_data in _pipeline:
            pipeline_item = PipelineStageSummary.from_dict(pipeline_item_data)

            pipeline.append(pipeline_item)

        revenue_trend = []
        _revenue_trend = d.pop("revenue_trend")
        for revenue_trend_item_data in _revenue_trend:
            revenue_trend_item = DashboardRevenueMonth.from_dict(revenue_trend_item_data)

            revenue_trend.append(revenue_trend_item)

        since = datetime.date.fromisoformat(d.pop("since"))

        sla_by_policy = []
        _sla_by_policy = d.pop("sla_by_policy")
        for sla_by_policy_item_data in _sla_by_policy:
            sla_by_policy_item = DashboardSlaAttainment.from_dict(sla_by_policy_item_data)

            sla_by_policy.append(sla_by_policy_item)

        sla_by_zone = []
        _sla_by_zone = d.pop("sla_by_zone")
        for sla_by_zone_item_data in _sla_by_zone:
            sla_by_zone_item = DashboardSlaAttainment.from_dict(sla_by_zone_item_data)

            sla_by_zone.append(sla_by_zone_item)

        tiers = []
        _tiers = d.pop("tiers")
        for tiers_item_data in _tiers:
            tiers_item = DashboardTierFigures.from_dict(tiers_item_data)

            tiers.append(tiers_item)

        crm_dashboard = cls(
            at_risk=at_risk,
            currency=currency,
            pipeline=pipeline,
            revenue_trend=revenue_trend,
            since=since,
            sla_by_policy=sla_by_policy,
            sla_by_zone=sla_by_zone,
            tiers=tiers,
        )

        crm_dashboard.additional_properties = d
        return crm_dashboard

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
