from typing import Literal

ModuleName = Literal["budgets", "contracts", "crm", "fees", "hr", "venue_audio"]

MODULE_NAME_VALUES: set[ModuleName] = {
    "budgets",
    "contracts",
    "crm",
    "fees",
    "hr",
    "venue_audio",
}


def check_module_name(value: str) -> ModuleName:
    if value in MODULE_NAME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MODULE_NAME_VALUES!r}")
