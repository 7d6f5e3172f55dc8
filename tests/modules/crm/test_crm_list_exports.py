"""With the lists on list_export_source: a large list export is offered, POSTed, written whole
by a job; the selection is exported from the SQL."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
from bizsuite.settings import Settings
from bizsuite.web.exports import EXPORT_LIMIT
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TenantHandle
from tests.core.jobs.helpers import fast, run_jobs_until
from tests.modules.crm.conftest import make_accounts
from tests.web.test_exports import _sign_in


async def test_the_accounts_list_exports_every_row_through_a_job(
    client: httpx.AsyncClient, settings: Settings, app_engine: AsyncEngine, tenant_a: TenantHandle
) -> None:
    total = EXPORT_LIMIT + 5
    made = await make_accounts(app_engine, tenant_a, [f"L-{n:05d}" for n in range(total)])
    csrf = await _sign_in(client, tenant_a)
    params = {"format": "csv", "sort": "code", "col": "code"}
    offered = await client.get("/crm/accounts/export", params=params)
    assert offered.status_code == 200 and 'data-testid="export-start"' in offered.text
    queued = await client.post(
        "/crm/accounts/export", params=params, data={"csrf_token": csrf}, follow_redirects=False
    )
    assert queued.status_code == 303, queued.text
    follow = queued.headers["location"]

    async def finished() -> bool:
        return "export-download" in (await client.get(follow)).text

    await run_jobs_until(fast(settings, worker_stalled_ms=60_000), finished)
    done = (await client.get(follow)).text
    link = done.split('href="/files/', 1)[1].split('"', 1)[0]
    download = await client.get(f"/files/{link}", follow_redirects=True)
    lines = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))
    assert len(lines) == total + 1 and lines[-1] == [f"L-{total - 1:05d}"]

    # The last two accounts selected: found by the SQL, beyond the first 10,000 rows of the view.
    last = [made[f"L-{total - 1:05d}"], made[f"L-{total - 2:05d}"]]
    chosen: Any = [*params.items(), *(("ids", str(i)) for i in last)]
    selected = await client.get("/crm/accounts/export", params=chosen)
    assert selected.status_code == 200, selected.text
    rows = list(csv.reader(io.StringIO(selected.content.decode("utf-8-sig"))))
    assert [r[0] for r in rows[1:]] == [f"L-{total - 2:05d}", f"L-{total - 1:05d}"]
