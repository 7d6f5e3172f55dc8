"""``make demo`` starts the demo venue's two reference players (``bizsuite-player``) beside the
server, each with its own device key (kept under the data folder and reused while valid)."""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import select

from bizsuite.core.context import Context
from bizsuite.core.demo import read_saved_secret, save_secret
from bizsuite.core.identity.security import sha256_hex
from bizsuite.kit import DemoCompanion
from bizsuite.modules.venue_audio.models import Device, DeviceKey, DeviceKind
from bizsuite.modules.venue_audio.services.players import create_device_key

#: The players of the demo tower (``tenants/demo.toml``) that run with the demo.
DEMO_PLAYERS = ("PLAYER-1F", "PLAYER-5F")


async def _key(ctx: Context, device: Device, key_file: Path) -> str:
    saved = read_saved_secret(key_file)
    if saved:
        valid = await ctx.session.scalar(
            select(DeviceKey.id).where(
                DeviceKey.key_hash == sha256_hex(saved),
                DeviceKey.device_id == device.id,
                DeviceKey.revoked_at.is_(None),
            )
        )
        if valid is not None:
            return saved
    secret = (await create_device_key(ctx, device.id)).key
    save_secret(key_file, secret)
    return secret


async def demo_players(ctx: Context, data_dir: Path, base_url: str) -> list[DemoCompanion]:
    """The demo tower's players as processes beside the demo server."""
    devices = (
        await ctx.session.scalars(
            select(Device)
            .where(Device.kind == DeviceKind.PLAYER.value, Device.code.in_(DEMO_PLAYERS))
            .order_by(Device.code)
        )
    ).all()
    companions = []
    for device in devices:
        out = data_dir / "players" / device.code
        key = await _key(ctx, device, data_dir / "demo-players" / f"{device.code}.key")
        companions.append(
            DemoCompanion(
                name=f"Player {device.code}",
                command=[
                    sys.executable,
                    "-m",
                    "bizsuite_sdk.player",
                    "--base-url",
                    base_url,
                    "--out",
                    str(out),
                ],
                env={"BIZSUITE_DEVICE_KEY": key},
                note=f"Player {device.code} ({device.name}): what it plays goes to {out}/now-playing.json",
            )
        )
    return companions
