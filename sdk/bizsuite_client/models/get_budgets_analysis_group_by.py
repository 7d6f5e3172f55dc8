from typing import Literal

GetBudgetsAnalysisGroupBy = Literal["category", "org_unit", "period", "quarter"]

GET_BUDGETS_ANALYSIS_GROUP_BY_VALUES: set[GetBudgetsAnalysisGroupBy] = {
    "category",
    "org_unit",
    "period",
    "quarter",
}


def check_get_budgets_analysis_group_by(value: str) -> GetBudgetsAnalysisGroupBy:
    if value in GET_BUDGETS_ANALYSIS_GROUP_BY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_BUDGETS_ANALYSIS_GROUP_BY_VALUES!r}")
