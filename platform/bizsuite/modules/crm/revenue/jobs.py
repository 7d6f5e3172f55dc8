"""CRM revenue: background tasks (registered with the worker)."""

from __future__ import annotations
