from typing import Literal

SpendRule = Literal["hard", "off", "soft"]

SPEND_RULE_VALUES: set[SpendRule] = {
    "hard",
    "off",
    "soft",
}


def check_spend_rule(value: str) -> SpendRule:
    if value in SPEND_RULE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SPEND_RULE_VALUES!r}")
