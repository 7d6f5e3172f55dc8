"""CRM accounts: API controllers (tag `crm`)."""

from __future__ import annotations

from litestar import Controller

CONTROLLERS: list[type[Controller]] = []
