"""Org-tree rules as plain functions."""

from __future__ import annotations

import uuid
from collections.abc import Iterable


def creates_cycle(
    node_id: uuid.UUID, new_parent_id: uuid.UUID | None, parent_chain: Iterable[uuid.UUID]
) -> bool:
    """Whether moving ``node_id`` under ``new_parent_id`` would make the tree a cycle.

    ``parent_chain`` is the new parent followed by all its ancestors up to the root.
    """
    if new_parent_id is None:
        return False
    return node_id == new_parent_id or node_id in set(parent_chain)
