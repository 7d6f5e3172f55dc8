"""Move stored files from one backend to another (``bizsuite storage migrate --from local --to s3``).

After ``BIZSUITE_STORAGE`` changes, rows still name the old backend and the new one has no object
for them. This copies every object of every tenant, checks each copy against the row's SHA-256,
then records the new backend on the row, tenant by tenant (one transaction each). Sources are
removed only after their tenant's rows committed, and only when asked. Running it again is safe:
rows already on the target are not touched, and an object already copied is checked, not resent.
An object missing from both backends is reported and its row left as it is (its download link
answers 404).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bizsuite.core.db import bind_tenant
from bizsuite.core.files.models import StoredFile
from bizsuite.core.files.storage import ObjectStorage, one_chunk
from bizsuite.core.tenants.models import Tenant


@dataclass(slots=True)
class TransferReport:
    """What a transfer did."""

    moved: int = 0
    #: Objects the target already held (a re-run after an interruption): rows updated only.
    already_there: int = 0
    #: ``tenant/file id: reason`` for every row left on the source backend.
    problems: list[str] = field(default_factory=list)


async def _copy(source: ObjectStorage, target: ObjectStorage, row: StoredFile) -> str | None:
    """Copy one object (unless the target has it); ``None`` when the target holds the right bytes."""
    key = row.storage_key
    if not await target.exists(key):
        if not await source.exists(key):
            return f"no object under {key} on {source.backend} or {target.backend}"
        await target.save(key, one_chunk(await source.read(key)), content_type=row.content_type)
    if hashlib.sha256(await target.read(key)).hexdigest() != row.sha256:
        return f"the copy under {key} on {target.backend} does not match the recorded SHA-256"
    return None


async def transfer_files(
    sessionmaker: async_sessionmaker[AsyncSession],
    source: ObjectStorage,
    target: ObjectStorage,
    *,
    delete_source: bool = False,
    progress: Callable[[str], None] = lambda _line: None,
) -> TransferReport:
    """Move every file row of every tenant stored on ``source`` to ``target``."""
    if source.backend == target.backend:
        raise ValueError("the source and the target are the same backend")
    report = TransferReport()
    async with sessionmaker() as session:
        tenants = list(await session.scalars(select(Tenant.id).order_by(Tenant.id)))
    for tenant_id in tenants:
        moved_keys: list[str] = []
        async with sessionmaker() as session, session.begin():
            await bind_tenant(session, tenant_id)
            rows = list(
                await session.scalars(
                    select(StoredFile)
                    .where(StoredFile.storage_backend == source.backend)
                    .order_by(StoredFile.id)
                )
            )
            for row in rows:
                already = await target.exists(row.storage_key)
                problem = await _copy(source, target, row)
                if problem is not None:
                    report.problems.append(f"{tenant_id}/{row.id}: {problem}")
                    continue
                # A Core update: the file's content and version stay as they are.
                await session.execute(
                    update(StoredFile)
                    .where(StoredFile.id == row.id)
                    .values(storage_backend=target.backend)
                    .execution_options(synchronize_session=False)
                )
                moved_keys.append(row.storage_key)
                if already:
                    report.already_there += 1
                else:
                    report.moved += 1
            if rows:
                progress(f"tenant {tenant_id}: {len(moved_keys)} of {len(rows)} files on {target.backend}")
        if delete_source:
            for key in moved_keys:
                await source.delete(key)
    return report
