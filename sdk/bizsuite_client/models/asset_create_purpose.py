from typing import Literal

AssetCreatePurpose = Literal["evacuation", "message", "music"]

ASSET_CREATE_PURPOSE_VALUES: set[AssetCreatePurpose] = {
    "evacuation",
    "message",
    "music",
}


def check_asset_create_purpose(value: str) -> AssetCreatePurpose:
    if value in ASSET_CREATE_PURPOSE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ASSET_CREATE_PURPOSE_VALUES!r}")
