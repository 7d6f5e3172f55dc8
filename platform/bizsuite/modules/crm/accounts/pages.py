"""CRM accounts: web pages and their navigation entries."""

from __future__ import annotations

from litestar import Controller

from bizsuite.web.templating import NavItem

PAGES: list[type[Controller]] = []
NAVIGATION: list[NavItem] = []
