"""Every key of every tenant table carries ``tenant_id``: the schema can be distributed on Citus.

Read from PostgreSQL's catalogue of the migrated database (not from the models), for every table
with a ``tenant_id`` column:

- its primary key, every unique constraint and every unique index (partial or not) has
  ``tenant_id`` among its key columns (``INCLUDE`` columns do not count), and every exclusion
  constraint compares ``tenant_id`` with ``=``: Citus enforces uniqueness only within a shard;
- a foreign key to another tenant table is composite, ``tenant_id`` at the same position on both
  sides (``(tenant_id, x_id) -> (tenant_id, id)``), so both rows live in the same shard, and its
  actions never write ``tenant_id``: no ``ON DELETE SET NULL``/``SET DEFAULT`` (Citus refuses
  them on a key that holds the distribution column, even with a PostgreSQL 15 column list) and
  no ``ON UPDATE`` action but ``NO ACTION``/``RESTRICT``;
- a foreign key to a global table is ``tenant_id -> tenants(id)``, or one of the
  :data:`REFERENCE_TABLE_TARGETS` below (a distributed table may reference a reference table);
- no global table references a tenant table (Citus refuses keys from reference or local tables
  to distributed ones).

Tenant tables are the project's own list, every public table outside ``GLOBAL_TABLES``
(``core/models.py``, the same list the RLS and isolation tests use); the test also checks that
this list and "has a ``tenant_id`` column" agree, but for the :data:`GLOBAL_TABLES_WITH_TENANT_ID`.
The Citus plan built on this is in ``docs/operations.md`` ("Beyond one database").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bizsuite.core.models import GLOBAL_TABLES
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

#: Global tables (no RLS, not distributed) that still have a ``tenant_id`` column, and why.
GLOBAL_TABLES_WITH_TENANT_ID = {
    "web_sessions": (
        "a browser session is found by the SHA-256 of its cookie before any tenant is known and "
        "switches between its user's tenants; tenant_id is the one chosen now (nullable)"
    ),
    "billing_stripe_events": (
        "a Stripe event is deduplicated by Stripe's own event id, and may arrive before the "
        "tenant it concerns is known (tenant_id is nullable)"
    ),
    "reseller_tenants": (
        "operator data: which reseller provisioned a tenant, read across tenants by the reseller API"
    ),
}

#: Global tables that tenant tables may reference on a column other than ``tenant_id``, and why.
#: In the Citus plan they are reference tables (copied to every node), which distributed tables
#: may reference on any column.
REFERENCE_TABLE_TARGETS = {
    "users": (
        "people are global (one user may belong to several tenants), so authors, owners, "
        "assignees and approvers reference users(id); the tenant side is memberships"
    ),
    "billing_plans": "the operator's plan catalogue, shared by every tenant; a subscription names its plan",
    "billing_addons": "the operator's add-on catalogue, shared by every tenant; a subscription names its add-ons",
}

_TABLES = """
SELECT c.relname,
       EXISTS (SELECT FROM pg_attribute a
               WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
FROM pg_class c
WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
"""

#: Primary keys, unique constraints and unique indexes with their key columns (NULL for an
#: expression), and whether a constraint stands behind the index.
_UNIQUE = """
SELECT t.relname, ic.relname, i.indisprimary, con.contype IS NOT NULL,
       ARRAY(SELECT a.attname::text
             FROM unnest(i.indkey[0:i.indnkeyatts - 1]) WITH ORDINALITY k(n, o)
             LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n
             ORDER BY k.o)
FROM pg_index i
JOIN pg_class t ON t.oid = i.indrelid
JOIN pg_class ic ON ic.oid = i.indexrelid
LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid
     AND con.contype IN ('p', 'u')
WHERE t.relnamespace = 'public'::regnamespace AND (i.indisunique OR i.indisprimary)
"""

#: Exclusion constraints: each column with its operator.
_EXCLUSION = """
SELECT c.conrelid::regclass::text, c.conname,
       ARRAY(SELECT coalesce(a.attname::text, '?') || ' ' || o.oprname::text
             FROM unnest(c.conkey, c.conexclop) k(n, op)
             LEFT JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n
             JOIN pg_operator o ON o.oid = k.op)
FROM pg_constraint c
WHERE c.contype = 'x' AND c.connamespace = 'public'::regnamespace
"""

#: Foreign keys: both tables, both column lists in order, the delete and update actions.
_FOREIGN_KEYS = """
SELECT c.conrelid::regclass::text, c.conname, c.confrelid::regclass::text,
       ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o)
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o),
       ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, o)
             JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o),
       c.confdeltype, c.confupdtype
FROM pg_constraint c
WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
"""

_ACTIONS = {"a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT"}


@dataclass(frozen=True)
class Catalogue:
    """What the checks read: tables, unique keys, exclusion constraints, foreign keys."""

    with_tenant_id: frozenset[str]
    without_tenant_id: frozenset[str]
    unique: list[tuple[str, str, bool, bool, list[str | None]]]
    exclusion: list[tuple[str, str, list[str]]]
    foreign_keys: list[tuple[str, str, str, list[str], list[str], str, str]]

    @property
    def tenant_tables(self) -> frozenset[str]:
        return frozenset(t for t in self.with_tenant_id | self.without_tenant_id if t not in GLOBAL_TABLES)


async def read_catalogue(conn: AsyncConnection) -> Catalogue:
    """Read the public schema's tables and keys."""

    async def rows(sql: str) -> list[tuple[Any, ...]]:
        return [tuple(row) for row in (await conn.execute(text(sql))).all()]

    tables = await rows(_TABLES)
    return Catalogue(
        with_tenant_id=frozenset(name for name, has in tables if has),
        without_tenant_id=frozenset(name for name, has in tables if not has),
        unique=await rows(_UNIQUE),
        exclusion=await rows(_EXCLUSION),
        foreign_keys=[(*row[:5], _char(row[5]), _char(row[6])) for row in await rows(_FOREIGN_KEYS)],
    )


def _char(value: object) -> str:
    """``"char"`` columns come back as bytes from asyncpg."""
    return value.decode() if isinstance(value, bytes) else str(value)


def table_list_violations(catalogue: Catalogue) -> list[str]:
    """The project's list of tenant tables and the tables with a tenant_id column must agree."""
    problems = []
    for table in sorted(catalogue.tenant_tables - catalogue.with_tenant_id):
        problems.append(f"{table}: not in GLOBAL_TABLES, so a tenant table, but has no tenant_id column")
    for table in sorted(catalogue.with_tenant_id - catalogue.tenant_tables):
        if table not in GLOBAL_TABLES_WITH_TENANT_ID:
            problems.append(
                f"{table}: has a tenant_id column but is in GLOBAL_TABLES; make it a tenant table "
                "or list it in GLOBAL_TABLES_WITH_TENANT_ID with the reason"
            )
    for table in sorted(
        set(GLOBAL_TABLES_WITH_TENANT_ID) - (catalogue.with_tenant_id - catalogue.tenant_tables)
    ):
        problems.append(
            f"{table}: listed in GLOBAL_TABLES_WITH_TENANT_ID but is not a global table with tenant_id"
        )
    for table in sorted(set(REFERENCE_TABLE_TARGETS) - catalogue.without_tenant_id):
        problems.append(f"{table}: listed in REFERENCE_TABLE_TARGETS but is not a table without tenant_id")
    return problems


def key_violations(catalogue: Catalogue) -> list[str]:
    """Primary keys, unique constraints/indexes and exclusion constraints without tenant_id."""
    tenant_tables = catalogue.tenant_tables
    problems = []
    for table, name, primary, constraint, columns in sorted(catalogue.unique, key=lambda r: (r[0], r[1])):
        if table not in tenant_tables or "tenant_id" in columns:
            continue
        kind = "primary key" if primary else "unique constraint" if constraint else "unique index"
        shown = ", ".join(c or "<expression>" for c in columns)
        problems.append(f"{table}: {kind} {name} ({shown}) does not include tenant_id")
    for table, name, parts in sorted(catalogue.exclusion):
        if table in tenant_tables and "tenant_id =" not in parts:
            problems.append(
                f"{table}: exclusion constraint {name} ({', '.join(parts)}) lacks tenant_id WITH ="
            )
    return problems


def foreign_key_violations(catalogue: Catalogue) -> list[str]:
    """Foreign keys that Citus could not keep with every tenant table distributed by tenant_id."""
    tenant_tables = catalogue.tenant_tables
    problems = []
    for source, name, target, columns, targets, on_delete, on_update in sorted(catalogue.foreign_keys):
        where = f"{source}: foreign key {name} ({', '.join(columns)}) -> {target}({', '.join(targets)})"
        if source not in tenant_tables:
            if target in tenant_tables:
                problems.append(f"{where}: a global table must not reference a tenant table")
            continue
        if target in tenant_tables:
            if ("tenant_id", "tenant_id") not in zip(columns, targets, strict=True) or len(columns) < 2:
                problems.append(f"{where}: not composite on tenant_id (tenant_id, x) -> (tenant_id, id)")
        elif columns == ["tenant_id"] and target == "tenants" and targets == ["id"]:
            pass
        elif target in REFERENCE_TABLE_TARGETS and "tenant_id" not in columns:
            continue  # a reference table: any action is fine on a key without the distribution column
        else:
            problems.append(
                f"{where}: a tenant table may reference a global table only as tenant_id -> tenants(id) "
                "or a table of REFERENCE_TABLE_TARGETS"
            )
            continue
        if on_delete in ("n", "d"):
            problems.append(
                f"{where}: ON DELETE {_ACTIONS[on_delete]} on a key holding tenant_id (Citus refuses it, "
                "even with a column list; clear the reference in the delete instead)"
            )
        if on_update not in ("a", "r"):
            problems.append(
                f"{where}: ON UPDATE {_ACTIONS[on_update]} on a key holding tenant_id (Citus refuses it)"
            )
    return problems


async def _catalogue(engine: AsyncEngine) -> Catalogue:
    async with engine.connect() as conn:
        return await read_catalogue(conn)


async def test_the_tenant_tables_are_the_tables_with_tenant_id(owner_engine: AsyncEngine) -> None:
    catalogue = await _catalogue(owner_engine)
    assert {"crm_accounts", "memberships", "audit_log"} <= catalogue.tenant_tables
    problems = table_list_violations(catalogue)
    assert not problems, "\n".join(problems)


async def test_every_tenant_key_and_unique_index_includes_tenant_id(owner_engine: AsyncEngine) -> None:
    catalogue = await _catalogue(owner_engine)
    checked = [row for row in catalogue.unique if row[0] in catalogue.tenant_tables]
    assert len(checked) > len(catalogue.tenant_tables)  # a primary key each, and unique indexes
    problems = key_violations(catalogue)
    assert not problems, "keys Citus could not enforce per tenant:\n" + "\n".join(problems)


async def test_every_tenant_foreign_key_can_be_kept_by_citus(owner_engine: AsyncEngine) -> None:
    catalogue = await _catalogue(owner_engine)
    assert any(
        row[0] in catalogue.tenant_tables and row[2] in catalogue.tenant_tables
        for row in catalogue.foreign_keys
    )
    problems = foreign_key_violations(catalogue)
    assert not problems, "foreign keys Citus could not keep:\n" + "\n".join(problems)
