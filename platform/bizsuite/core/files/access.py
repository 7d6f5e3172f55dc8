"""Who may read a stored file: decided by what the file is attached to (its ``document_type``).

- Not attached: every member of the tenant (viewers too), as before.
- A large export's file (:data:`EXPORT_DOCUMENT`): the member who asked for it (its
  ``uploaded_by``) and admins or owners only; it never shows in the general file list.
- A chatter note's attachment (:data:`CHATTER_DOCUMENT`): whoever may use the module of the
  record the note is on.
- An import's file (:data:`IMPORT_DOCUMENT`): whoever may use the importer's module.
- A module's record (``document_type`` a declared record type, or a name starting with the
  module's name and ``_`` or ``.``: ``contracts_contract``): whoever may use that module.

The rule is one SQL condition (:func:`readable`), so a list pages correctly and a single file is
checked with the same words (:func:`may_read`). Background work (the operator principal) reads
every file of its tenant.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import ColumnElement, and_, false, func, not_, or_, select, true

from bizsuite.core.context import Context, Principal, PrincipalKind
from bizsuite.core.files.models import StoredFile
from bizsuite.core.identity.models import ApiKey, Role

#: A large export's file is attached to its job (``background_jobs`` row).
EXPORT_DOCUMENT = "background_jobs"
#: A chatter note's attachments name the note.
CHATTER_DOCUMENT = "chatter_messages"
#: An import's file names the import.
IMPORT_DOCUMENT = "import"


def is_admin(principal: Principal) -> bool:
    """Whether the caller is an admin or the owner of the tenant."""
    return principal.role is not None and principal.role.at_least(Role.ADMIN)


async def acting_person(ctx: Context) -> uuid.UUID | None:
    """The person behind the caller: the signed-in user, or the creator of the API key in use
    (a key acts for the person who made it)."""
    principal = ctx.principal
    if principal.user_id is not None or principal.api_key_id is None:
        return principal.user_id
    creator: uuid.UUID | None = await ctx.session.scalar(
        select(ApiKey.created_by).where(ApiKey.id == principal.api_key_id)
    )
    return creator


def module_of(document_type: str) -> str | None:
    """The business module whose records ``document_type`` names (``None``: a kernel document)."""
    from bizsuite.kit import registry

    found = registry()
    declared = found.record_types.get(document_type)
    if declared is not None:
        return declared.module
    for name in sorted((spec.name for spec in found.modules), key=len, reverse=True):
        if document_type == name or document_type.startswith((f"{name}_", f"{name}.")):
            return name
    return None


def _belongs_to(column: Any, module: str) -> ColumnElement[bool]:
    return or_(
        column == module,
        column.startswith(f"{module}_", autoescape=True),
        column.startswith(f"{module}.", autoescape=True),
    )


async def readable(ctx: Context) -> ColumnElement[bool]:
    """The condition on :class:`StoredFile` rows the caller may read (see the module's rules)."""
    from bizsuite.core.chatter.models import ChatterMessage
    from bizsuite.core.imports.models import DataImport
    from bizsuite.kit import registry

    principal = ctx.principal
    if principal.kind is PrincipalKind.OPERATOR:
        return true()
    found = registry()
    kind = func.coalesce(StoredFile.document_type, "")
    denied: list[ColumnElement[bool]] = []
    if not is_admin(principal):
        person = await acting_person(ctx)
        mine = StoredFile.uploaded_by == person if person is not None else false()
        denied.append(and_(kind == EXPORT_DOCUMENT, not_(mine)))
    modules = [spec.name for spec in found.modules if not principal.can_use_module(spec.name)]
    denied.extend(_belongs_to(kind, module) for module in modules)
    record_types = [
        name for name, t in found.record_types.items() if t.module and not principal.can_use_module(t.module)
    ]
    if record_types:
        denied.append(kind.in_(record_types))
        denied.append(
            and_(
                kind == CHATTER_DOCUMENT,
                StoredFile.document_id.in_(
                    select(ChatterMessage.id).where(ChatterMessage.target_type.in_(record_types))
                ),
            )
        )
    importers = [
        key
        for key, spec in found.importers.items()
        if spec.module and not principal.can_use_module(spec.module)
    ]
    if importers:
        denied.append(
            and_(
                kind == IMPORT_DOCUMENT,
                StoredFile.document_id.in_(select(DataImport.id).where(DataImport.kind.in_(importers))),
            )
        )
    return not_(or_(*denied)) if denied else true()


async def may_read(ctx: Context, row: StoredFile) -> bool:
    """Whether the caller may see ``row`` (its metadata, its content, a link to it)."""
    if ctx.principal.kind is PrincipalKind.OPERATOR:
        return True
    condition = await readable(ctx)
    found = await ctx.session.scalar(select(StoredFile.id).where(StoredFile.id == row.id, condition))
    return found is not None
