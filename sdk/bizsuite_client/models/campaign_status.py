from typing import Literal

CampaignStatus = Literal["closed", "open"]

CAMPAIGN_STATUS_VALUES: set[CampaignStatus] = {
    "closed",
    "open",
}


def check_campaign_status(value: str) -> CampaignStatus:
    if value in CAMPAIGN_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CAMPAIGN_STATUS_VALUES!r}")
