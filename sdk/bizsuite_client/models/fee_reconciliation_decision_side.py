from typing import Literal

FeeReconciliationDecisionSide = Literal["hq", "subsidiary"]

FEE_RECONCILIATION_DECISION_SIDE_VALUES: set[FeeReconciliationDecisionSide] = {
    "hq",
    "subsidiary",
}


def check_fee_reconciliation_decision_side(value: str) -> FeeReconciliationDecisionSide:
    if value in FEE_RECONCILIATION_DECISION_SIDE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FEE_RECONCILIATION_DECISION_SIDE_VALUES!r}")
