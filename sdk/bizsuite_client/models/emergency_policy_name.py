from typing import Literal

EmergencyPolicyName = Literal["all_zones", "phased"]

EMERGENCY_POLICY_NAME_VALUES: set[EmergencyPolicyName] = {
    "all_zones",
    "phased",
}


def check_emergency_policy_name(value: str) -> EmergencyPolicyName:
    if value in EMERGENCY_POLICY_NAME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EMERGENCY_POLICY_NAME_VALUES!r}")
