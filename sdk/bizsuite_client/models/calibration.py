from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cycle_status import CycleStatus, check_cycle_status

if TYPE_CHECKING:
    from ..models.calibration_distribution import CalibrationDistribution
    from ..models.calibration_group import CalibrationGroup
    from ..models.calibration_level_points import CalibrationLevelPoints
    from ..models.calibration_outlier import CalibrationOutlier
    from ..models.position_rollup import PositionRollup


T = TypeVar("T", bound="Calibration")


@_attrs_define
class Calibration:
    """
    Attributes:
        cycle_id (UUID):
        cycle_name (str):
        cycle_status (CycleStatus): Where an appraisal cycle stands: a draft, open for scores, closed (scores locked).
        distribution (CalibrationDistribution):
        groups (list[CalibrationGroup]):
        level_points (CalibrationLevelPoints):
        mean_score (None | str):
        outliers (list[CalibrationOutlier]):
        positions (list[PositionRollup]):
        self_gap (str):
        spread (str):
    """

    cycle_id: UUID
    cycle_name: str
    cycle_status: CycleStatus
    distribution: CalibrationDistribution
    groups: list[CalibrationGroup]
    level_points: CalibrationLevelPoints
    mean_score: None | str
    outliers: list[CalibrationOutlier]
    positions: list[PositionRollup]
    self_gap: str
    spread: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cycle_id = str(self.cycle_id)

        cycle_name = self.cycle_name

        cycle_status: str = self.cycle_status

        distribution = self.distribution.to_dict()

        groups = []
        for groups_item_data in self.groups:
            groups_item = groups_item_data.to_dict()
            groups.append(groups_item)

        level_points = self.level_points.to_dict()

        mean_score: None | str
        mean_score = self.mean_score

        outliers = []
        for outliers_item_data in self.outliers:
            outliers_item = outliers_item_data.to_dict()
            outliers.append(outliers_item)

        positions = []
        for positions_item_data in self.positions:
            positions_item = positions_item_data.to_dict()
            positions.append(positions_item)

        self_gap = self.self_gap

        spread = self.spread

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cycle_id": cycle_id,
                "cycle_name": cycle_name,
                "cycle_status": cycle_status,
                "distribution": distribution,
                "groups": groups,
                "level_points": level_points,
                "mean_score": mean_score,
                "outliers": outliers,
                "positions": positions,
                "self_gap": self_gap,
                "spread": spread,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.calibration_distribution import CalibrationDistribution  # noqa: PLC0415
        from ..models.calibration_group import CalibrationGroup  # noqa: PLC0415
        from ..models.calibration_level_points import CalibrationLevelPoints  # noqa: PLC0415
        from ..models.calibration_outlier import CalibrationOutlier  # noqa: PLC0415
        from ..models.position_rollup import PositionRollup  # noqa: PLC0415

        d = dict(src_dict)
        cycle_id = UUID(d.pop("cycle_id"))

        cycle_name = d.pop("cycle_name")

        cycle_status = check_cycle_status(d.pop("cycle_status"))

        distribution = CalibrationDistribution.from_dict(d.pop("distribution"))

        groups = []
        _groups = d.pop("groups")
        for groups_item_data in _groups:
            groups_item = CalibrationGroup.from_dict(groups_item_data)

            groups.append(groups_item)

        level_points = CalibrationLevelPoints.from_dict(d.pop("level_points"))

        def _parse_mean_score(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        mean_score = _parse_mean_score(d.pop("mean_score"))

        outliers = []
        _outliers = d.pop("outliers")
        for outliers_item_data in _outliers:
            outliers_item = CalibrationOutlier.from_dict(outliers_item_data)

            outliers.append(outliers_item)

        positions = []
        _positions = d.pop("positions")
        for positions_item_data in _positions:
            positions_item = PositionRollup.from_dict(positions_item_data)

            positions.append(positions_item)

        self_gap = d.pop("self_gap")

        spread = d.pop("spread")

        calibration = cls(
            cycle_id=cycle_id,
            cycle_name=cycle_name,
            cycle_status=cycle_status,
            distribution=distribution,
            groups=groups,
            level_points=level_points,
            mean_score=mean_score,
            outliers=outliers,
            positions=positions,
            self_gap=self_gap,
            spread=spread,
        )

        calibration.additional_properties = d
        return calibration

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
