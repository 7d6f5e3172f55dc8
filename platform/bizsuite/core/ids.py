"""Identifier helpers: every row id is a time-ordered UUIDv7."""

from __future__ import annotations

import uuid

from uuid_utils.compat import uuid7


def new_id() -> uuid.UUID:
    """Return a new UUIDv7 (time-ordered, so indexes stay append-friendly)."""
    return uuid7()
