"""Imports API: upload a file for an importer, map its columns, preview, confirm, follow, discard."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from litestar import Controller, Request, delete, get, post, put
from litestar.params import FromPath, JSONBody, QueryParameter

from bizsuite.core.context import tenant_guard
from bizsuite.core.dependencies import Ctx, app_settings
from bizsuite.core.errors import PayloadTooLargeProblem
from bizsuite.core.files import services as files
from bizsuite.core.files.api import STORAGE, ContentTypeParam, NameParam, Storage, UploadOperation
from bizsuite.core.identity.models import Role
from bizsuite.core.imports import services
from bizsuite.core.imports.schemas import ImportMapping, ImportOut, ImportPage, import_out
from bizsuite.core.pagination import DEFAULT_LIMIT, CursorParam, LimitParam

TAGS = ["imports"]
KindParam = Annotated[
    str,
    QueryParameter(
        min_length=1,
        max_length=100,
        description="The importer: `crm.accounts` (accounts with contacts), `crm.revenue` (monthly revenue).",
    ),
]
OptionalKindParam = Annotated[
    str | None, QueryParameter(max_length=100, description="Only the imports of this importer.")
]


def upload_policy(request: Request[Any, Any, Any]) -> files.UploadPolicy:
    settings = app_settings(request)
    return files.UploadPolicy.from_settings(settings)


async def read_body(request: Request[Any, Any, Any], max_bytes: int) -> bytes:
    """The request body, refused (413) beyond ``max_bytes``."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise PayloadTooLargeProblem(f"Files may have at most {max_bytes} bytes.")
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > max_bytes:
            raise PayloadTooLargeProblem(f"Files may have at most {max_bytes} bytes.")
    return bytes(body)


async def _out(ctx: Ctx, import_id: uuid.UUID) -> ImportOut:
    row, creator = await services.get_import(ctx, import_id)
    return import_out(row, services.importer(row.kind, ctx.principal), creator)


class ImportController(Controller):
    """Files imported into the records of an importer, all rows or none."""

    path = "/api/v1/imports"
    tags = TAGS
    guards = [tenant_guard]
    dependencies = STORAGE

    @post(
        operation_id="create_import",
        summary="Upload a file for preview",
        request_max_body_size=None,
        operation_class=UploadOperation,
        opt={"streams_body": True, "min_role": Role.MEMBER},
    )
    async def create_import(
        self,
        ctx: Ctx,
        request: Request[Any, Any, Any],
        storage: Storage,
        kind: KindParam,
        name: NameParam,
        content_type: ContentTypeParam = None,
    ) -> ImportOut:
        """Upload a CSV or XLSX file for the importer `kind`. Its header row is matched to the
        importer's fields by name (en or zh-CN); the answer is the preview: the mapping, the first
        valid rows, the figures and every row error (row, column, reason, value). A file with
        errors is `rejected`; change the mapping (`PUT .../mapping`) or discard it. One without
        errors waits for `confirm`."""
        spec = services.importer(kind, ctx.principal, query_field="kind")
        policy = upload_policy(request)
        data = await read_body(request, policy.max_bytes)
        row = await services.create_import(
            ctx,
            storage,
            spec,
            data,
            filename=name,
            content_type=content_type or request.headers.get("content-type"),
            policy=policy,
        )
        return await _out(ctx, row.id)

    @get(operation_id="list_imports", summary="List imports")
    async def list_imports(
        self,
        ctx: Ctx,
        kind: OptionalKindParam = None,
        limit: LimitParam = DEFAULT_LIMIT,
        cursor: CursorParam = None,
    ) -> ImportPage:
        """Imports, newest first (of one importer with `kind`)."""
        rows, next_cursor = await services.list_imports(ctx, kind, limit=limit, cursor=cursor)
        usable = registry_usable(ctx)
        return ImportPage(
            items=[import_out(row, usable[row.kind], creator) for row, creator in rows if row.kind in usable],
            next_cursor=next_cursor,
        )

    @get("/{import_id:uuid}", operation_id="get_import", summary="Get an import")
    async def get_import(self, ctx: Ctx, import_id: FromPath[uuid.UUID]) -> ImportOut:
        """One import: mapping, preview, errors, status and progress (`processed_rows` of `total_rows`)."""
        return await _out(ctx, import_id)

    @put(
        "/{import_id:uuid}/mapping",
        operation_id="update_import_mapping",
        summary="Change which columns fill which fields",
        opt={"min_role": Role.MEMBER},
    )
    async def update_import_mapping(
        self, ctx: Ctx, storage: Storage, import_id: FromPath[uuid.UUID], data: JSONBody[ImportMapping]
    ) -> ImportOut:
        """Map fields to columns (0-based) and check the file again; 409 once it runs or ran."""
        await services.remap_import(ctx, storage, import_id, data.mapping)
        return await _out(ctx, import_id)

    @post(
        "/{import_id:uuid}/confirm",
        operation_id="confirm_import",
        summary="Import a previewed file",
        status_code=202,
        opt={"min_role": Role.MEMBER},
    )
    async def confirm_import(self, ctx: Ctx, import_id: FromPath[uuid.UUID]) -> ImportOut:
        """Queue the import (all rows in one transaction); 409 unless the file was previewed clean."""
        await services.confirm_import(ctx, import_id)
        return await _out(ctx, import_id)

    @delete(
        "/{import_id:uuid}",
        operation_id="delete_import",
        summary="Discard an import",
        opt={"min_role": Role.MEMBER},
    )
    async def delete_import(self, ctx: Ctx, storage: Storage, import_id: FromPath[uuid.UUID]) -> None:
        """Remove an import that has not run, with its file; 409 once it runs or ran."""
        await services.discard_import(ctx, storage, import_id)


def registry_usable(ctx: Ctx) -> dict[str, Any]:
    """The importers this caller may use, by key."""
    from bizsuite.kit import registry

    return {
        key: spec
        for key, spec in registry().importers.items()
        if spec.module is None or ctx.principal.can_use_module(spec.module)
    }


CONTROLLERS: list[type[Controller]] = [ImportController]
