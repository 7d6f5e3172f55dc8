"""Audio assets: files uploaded to the kernel's storage, registered for a venue once their type is
checked and their duration, format and loudness are read (WAV, MP3, Ogg or FLAC through
libsndfile, AAC through FFmpeg: ``venue_audio/audio.py``), each kept with the one format players
receive (MP3)."""

from __future__ import annotations

import uuid
from contextlib import nullcontext
from decimal import ROUND_HALF_UP, Decimal
from pathlib import PurePath

import anyio.to_thread
import msgspec
from sqlalchemy import select

from bizsuite.core.context import Context, snapshot
from bizsuite.core.errors import ConflictProblem, NotFoundProblem, ValidationProblem
from bizsuite.core.files.models import StoredFile
from bizsuite.core.files.services import (
    Upload,
    UploadPolicy,
    delete_document_files,
    get_file,
    removed_on_failure,
    upload,
)
from bizsuite.core.files.storage import ObjectStorage, one_chunk
from bizsuite.core.ids import new_id
from bizsuite.core.repository import check_version, fetch, list_page
from bizsuite.modules.venue_audio.models import Asset, Schedule, Venue
from bizsuite.modules.venue_audio.schemas import AssetCreate, AssetView, AudioZoneFilters
from bizsuite.modules.venue_audio.services.venues import venue_reference

#: The document type of an asset's MP3 encoding in the files (attached to the asset).
DELIVERY_DOCUMENT = "venue_audio_asset"


def asset_view(asset: Asset) -> AssetView:
    """An asset row as its view."""
    return msgspec.convert(asset, AssetView, from_attributes=True)


async def list_assets(
    ctx: Context, filters: AudioZoneFilters, *, limit: int, cursor: str | None
) -> tuple[list[AssetView], str | None]:
    """A page of assets, oldest first, of one venue or all."""
    statement = select(Asset)
    if filters.venue_id is not None:
        statement = statement.where(Asset.venue_id == filters.venue_id)
    rows, next_cursor = await list_page(ctx.session, statement, Asset, limit=limit, cursor=cursor)
    return [asset_view(row) for row in rows], next_cursor


async def get_asset(ctx: Context, asset_id: uuid.UUID) -> AssetView:
    """One asset, or 404."""
    return asset_view(await fetch(ctx.session, Asset, asset_id, what="asset"))


async def venue_asset(
    ctx: Context, venue_id: uuid.UUID, asset_id: uuid.UUID, *, field: str, purpose: str | None = None
) -> Asset:
    """An audio asset of the venue (of ``purpose``, if given), or 422 naming ``field``."""
    asset = await ctx.session.scalar(select(Asset).where(Asset.id == asset_id, Asset.venue_id == venue_id))
    if asset is None:
        raise ValidationProblem.for_field(field, "must be one of the venue's audio assets")
    if purpose is not None and asset.purpose != purpose:
        raise ValidationProblem.for_field(field, "must be an evacuation message of the venue")
    return asset


async def asset_sizes(ctx: Context, file_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    """The sizes in bytes of the assets' files."""
    if not file_ids:
        return {}
    rows = await ctx.session.execute(
        select(StoredFile.id, StoredFile.size).where(StoredFile.id.in_(file_ids))
    )
    return {file_id: int(size) for file_id, size in rows.all()}


async def create_asset(
    ctx: Context, storage: ObjectStorage, data: AssetCreate, policy: UploadPolicy
) -> AssetView:
    """Register an uploaded file as an asset: a WAV, MP3, Ogg, FLAC or AAC (M4A) file the caller
    may read, measured, and encoded as the MP3 players receive (422 naming ``file_id`` for any
    other or an unreadable file); a name already used in the venue answers 409."""
    # Imported here: decoding brings numpy and libsndfile (some 25 MB) into the first worker that
    # registers an asset, not into every worker.
    from bizsuite.modules.venue_audio import audio

    await venue_reference(ctx, data.venue_id)
    try:
        stored = await get_file(ctx, data.file_id)
    except NotFoundProblem as missing:
        raise ValidationProblem.for_field("file_id", "no such file") from missing
    if stored.content_type not in audio.ASSET_TYPES:
        raise ValidationProblem.for_field(
            "file_id", "only WAV, MP3, Ogg, FLAC and AAC (M4A) files can be audio assets"
        )
    taken = select(Asset.id).where(Asset.venue_id == data.venue_id, Asset.name == data.name)
    if await ctx.session.scalar(taken) is not None:
        raise ConflictProblem.for_field("name", "an asset with this name already exists in the venue")
    content = await storage.read(stored.storage_key)
    facts = await anyio.to_thread.run_sync(audio.audio_facts, content, stored.content_type)
    if facts is None:
        raise ValidationProblem.for_field("file_id", "not an audio file that can be read")
    if stored.content_type != audio.DELIVERY_TYPE and (problem := audio.delivery_problem(facts)):
        raise ValidationProblem.for_field("file_id", problem)
    asset_id, delivery = new_id(), stored
    if stored.content_type != audio.DELIVERY_TYPE:
        encoded = await anyio.to_thread.run_sync(audio.to_delivery, content, stored.content_type)
        meta = Upload(
            name=f"{PurePath(stored.name).stem}.mp3",
            content_type=audio.DELIVERY_TYPE,
            document_type=DELIVERY_DOCUMENT,
            document_id=asset_id,
        )
        delivery = await upload(ctx, storage, one_chunk(encoded), meta, policy)
    asset = Asset(
        id=asset_id,
        venue_id=data.venue_id,
        file_id=stored.id,
        name=data.name,
        purpose=data.purpose,
        content_type=stored.content_type,
        duration_ms=facts.duration_ms,
        sample_rate=facts.sample_rate,
        channels=facts.channels,
        loudness_lufs=_tenth(facts.loudness.lufs),
        loudness_blocks=facts.loudness.blocks,
        loudness_counted_blocks=facts.loudness.counted_blocks,
        loudness_gate_lufs=_tenth(facts.loudness.relative_gate_lufs),
        delivery_file_id=delivery.id,
    )
    async with removed_on_failure(storage, delivery) if delivery is not stored else nullcontext():
        ctx.session.add(asset)
        await ctx.session.flush()
    ctx.audit("venue_audio.asset.created", asset, after=snapshot(asset))
    return asset_view(asset)


def _tenth(value: float | None) -> Decimal | None:
    """A level as stored: to a tenth of a dB, half away from zero."""
    return None if value is None else Decimal(repr(value)).quantize(Decimal("0.1"), ROUND_HALF_UP)


async def delivery_file(ctx: Context, venue_id: uuid.UUID, asset_id: uuid.UUID) -> StoredFile:
    """The file a player of ``venue_id`` receives for an asset of its venue (404 otherwise): the
    MP3 kept with the asset, or the original for an asset registered before delivery files."""
    asset = await ctx.session.scalar(select(Asset).where(Asset.id == asset_id, Asset.venue_id == venue_id))
    if asset is None:
        raise NotFoundProblem(f"No audio asset {asset_id} in this player's venue.")
    row = await ctx.session.scalar(
        select(StoredFile).where(StoredFile.id == (asset.delivery_file_id or asset.file_id))
    )
    assert row is not None  # the references keep it
    return row


async def delete_asset(
    ctx: Context, storage: ObjectStorage, asset_id: uuid.UUID, if_match: str | None
) -> None:
    """Remove an asset (the uploaded file stays in the files; its MP3 encoding goes with it); one a
    schedule or a venue's evacuation message plays is refused (409)."""
    asset = await fetch(ctx.session, Asset, asset_id, what="asset")
    check_version(asset, if_match)
    in_use = await ctx.session.scalar(select(Schedule.id).where(Schedule.asset_id == asset.id).limit(1))
    in_use = in_use or await ctx.session.scalar(select(Venue.id).where(Venue.evacuation_asset_id == asset.id))
    if in_use is not None:
        raise ConflictProblem("The asset is in use by a schedule or as an evacuation message.")
    ctx.audit("venue_audio.asset.deleted", asset, before=snapshot(asset))
    await ctx.session.delete(asset)
    await ctx.session.flush()
    await delete_document_files(ctx, storage, DELIVERY_DOCUMENT, asset.id)
