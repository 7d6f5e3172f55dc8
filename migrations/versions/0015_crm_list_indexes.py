"""Search anywhere in the tickets and opportunities lists (issue 12).

``pg_trgm`` GIN indexes on the lower-cased ticket title and opportunity name, so the lists'
``LIKE '%电梯%'``-style searches use an index (as migration 0009 did for accounts and contacts;
see docs/lists.md).

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The searched text of a row, exactly as the models' indexes and the list queries spell it.
TICKET_SEARCH = "lower(title::text)"
OPPORTUNITY_SEARCH = "lower(name::text)"


def upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute(
        f"CREATE INDEX ix_crm_tickets_search_trgm ON crm_tickets USING gin (({TICKET_SEARCH}) gin_trgm_ops)"
    )
    op.execute(
        "CREATE INDEX ix_crm_opportunities_search_trgm ON crm_opportunities "
        f"USING gin (({OPPORTUNITY_SEARCH}) gin_trgm_ops)"
    )


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_crm_opportunities_search_trgm")
    op.execute("DROP INDEX IF EXISTS ix_crm_tickets_search_trgm")
