from typing import Literal

PlayerStateState = Literal["acknowledged", "idle", "late", "waiting"]

PLAYER_STATE_STATE_VALUES: set[PlayerStateState] = {
    "acknowledged",
    "idle",
    "late",
    "waiting",
}


def check_player_state_state(value: str) -> PlayerStateState:
    if value in PLAYER_STATE_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PLAYER_STATE_STATE_VALUES!r}")
