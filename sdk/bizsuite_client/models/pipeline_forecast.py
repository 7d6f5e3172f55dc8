from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pipeline_forecast_month import PipelineForecastMonth
    from ..models.pipeline_owner_summary import PipelineOwnerSummary
    from ..models.pipeline_stage_summary import PipelineStageSummary


T = TypeVar("T", bound="PipelineForecast")


@_attrs_define
class PipelineForecast:
    """
    Attributes:
        currency (str):
        months (list[PipelineForecastMonth]):
        stages (list[PipelineStageSummary]):
        owners (list[PipelineOwnerSummary] | Unset):
    """

    currency: str
    months: list[PipelineForecastMonth]
    stages: list[PipelineStageSummary]
    owners: list[PipelineOwnerSummary] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        months = []
        for months_item_data in self.months:
            months_item = months_item_data.to_dict()
            months.append(months_item)

        stages = []
        for stages_item_data in self.stages:
            stages_item = stages_item_data.to_dict()
            stages.append(stages_item)

        owners: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.owners, Unset):
            owners = []
            for owners_item_data in self.owners:
                owners_item = owners_item_data.to_dict()
                owners.append(owners_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "months": months,
                "stages": stages,
            }
        )
        if owners is not UNSET:
            field_dict["owners"] = owners

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pipeline_forecast_month import PipelineForecastMonth  # noqa: PLC0415
        from ..models.pipeline_owner_summary import PipelineOwnerSummary  # noqa: PLC0415
        from ..models.pipeline_stage_summary import PipelineStageSummary  # noqa: PLC0415

        d = dict(src_dict)
        currency = d.pop("currency")

        months = []
        _months = d.pop("months")
        for months_item_data in _months:
            months_item = PipelineForecastMonth.from_dict(months_item_data)

            months.append(months_item)

        stages = []
        _stages = d.pop("stages")
        for stages_item_data in _stages:
            stages_item = PipelineStageSummary.from_dict(stages_item_data)

            stages.append(stages_item)

        _owners = d.pop("owners", UNSET)
        owners: list[PipelineOwnerSummary] | Unset = UNSET
        if _owners is not UNSET:
            owners = []
            for owners_item_data in _owners:
                owners_item = PipelineOwnerSummary.from_dict(owners_item_data)

                owners.append(owners_item)

        pipeline_forecast = cls(
            currency=currency,
            months=months,
            stages=stages,
            owners=owners,
        )

        pipeline_forecast.additional_properties = d
        return pipeline_forecast

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
