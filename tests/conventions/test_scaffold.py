"""A module scaffolded by ``bizsuite scaffold`` plugs in with one package, one line of the
installed list and one migration: it gets navigation, an API held to every convention and
isolated between tenants, and a page, without editing any other file."""

from __future__ import annotations

import re
import sys
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest
from bizsuite.app import create_app
from bizsuite.core.database import make_engine, runtime_url
from bizsuite.core.db import Base
from bizsuite.core.migrate import upgrade
from bizsuite.kit import activate, build_registry, registry
from bizsuite.modules import INSTALLED
from bizsuite.scaffold import Scaffold, write
from bizsuite.settings import REPO_ROOT, Settings
from litestar import Litestar
from sqlalchemy import URL

from tests.conftest import PASSWORD, _recreate_database, asgi_client, create_tenant_with_key
from tests.conventions.test_area_conventions import _audit_actions, _duplicate_refusals

NAME = "scratch"


@pytest.fixture
async def scratch(
    tmp_path: Path, owner_url: URL, settings: Settings
) -> AsyncIterator[tuple[Litestar, Settings]]:
    """The scaffolded module installed (in a database of its own), and its app."""
    heads = sorted(p.name[:4] for p in (REPO_ROOT / "migrations" / "versions").glob("[0-9]*.py"))
    written = write(
        Scaffold(
            name=NAME,
            package=NAME,
            module_dir=tmp_path / "pkgs" / NAME,
            migrations_dir=tmp_path / "versions",
            tests_dir=tmp_path / "tests",
        ),
        down_revision=heads[-1],
    )
    assert {p.name for p in written} >= {"__init__.py", "models.py", "api.py", "pages.py", "list.html"}
    sys.path.insert(0, str(tmp_path / "pkgs"))
    previous = activate(build_registry((*INSTALLED, NAME)))  # the one line of the installed list
    database = owner_url.set(database=f"{owner_url.database}_scaffold")
    await _recreate_database(owner_url, str(database.database))
    own = replace(settings, database_url=database.render_as_string(hide_password=False))
    try:
        await upgrade(database, own, extra_versions=[tmp_path / "versions"])  # the one migration
        yield create_app(own), own
    finally:
        activate(previous if previous is not None else build_registry(INSTALLED))
        sys.path.remove(str(tmp_path / "pkgs"))
        for table in [t for name, t in Base.metadata.tables.items() if name.startswith(f"{NAME}_")]:
            Base.metadata.remove(table)
        for module in [m for m in sys.modules if m == NAME or m.startswith(f"{NAME}.")]:
            del sys.modules[module]
        await _recreate_database(owner_url, str(database.database))


async def test_a_scaffolded_module_gets_navigation_an_isolated_api_and_a_page(
    scratch: tuple[Litestar, Settings],
) -> None:
    app, own = scratch
    engine = make_engine(runtime_url(own), own)
    try:
        mine = await create_tenant_with_key(engine, modules=[NAME])
        theirs = await create_tenant_with_key(engine, modules=[NAME])
        without = await create_tenant_with_key(engine, modules=["crm"])
    finally:
        await engine.dispose()
    base = "/api/v1/scratch/items"
    async with asgi_client(app) as client:
        made = await client.post(base, headers=mine.headers, json={"code": "s-1", "name": "First"})
        assert made.status_code == 201, made.text
        item = made.json()
        assert (
            await client.post(base, headers=mine.headers, json={"code": "S-1", "name": "x"})
        ).status_code == 409
        # Isolation: another tenant can neither see, list, change nor delete it; a tenant
        # without the module is refused.
        path = f"{base}/{item['id']}"
        assert (await client.get(path, headers=theirs.headers)).status_code == 404
        assert (await client.get(base, headers=theirs.headers)).json()["items"] == []
        change = {**theirs.headers, "If-Match": "1"}
        assert (await client.patch(path, headers=change, json={"name": "x"})).status_code == 404
        assert (await client.delete(path, headers=change)).status_code == 404
        assert (await client.get(base, headers=without.headers)).status_code == 403
        assert (await client.get(path, headers=mine.headers)).json()["name"] == "First"

        await client.get("/login")
        signed = await client.post(
            "/login",
            data={
                "email": mine.owner.email,
                "password": PASSWORD,
                "form_token": client.cookies.get("bizsuite_form"),
            },
            follow_redirects=False,
        )
        assert signed.status_code == 303
        home = await client.get("/")
        assert 'href="/scratch/items"' in home.text
        listing = await client.get("/scratch/items")
        assert listing.status_code == 200 and "First" in listing.text
        detail = await client.get(f"/scratch/items/{item['id']}")
        assert detail.status_code == 200 and 'data-testid="edit-item"' in detail.text
        token = re.search(r'name="csrf_token" value="([^"]+)"', listing.text)
        assert token is not None
        refused = await client.post(
            "/scratch/items", data={"csrf_token": token.group(1), "code": "S 2", "name": ""}
        )
        assert refused.status_code == 422
        assert 'data-testid="error-name"' in refused.text and 'data-testid="error-code"' in refused.text
        saved = await client.post(
            "/scratch/items",
            data={"csrf_token": token.group(1), "code": "S-2", "name": "Second"},
            follow_redirects=False,
        )
        assert saved.status_code == 303
        location = saved.headers["location"].split("?")[0]
        reload = await client.get(f"{location}/edit", headers={"accept": "text/html"}, follow_redirects=False)
        assert reload.status_code == 303  # a reload of a form's action URL goes back to the page

    # The module is held to the conventions as generated.
    routes = [
        (r.path, h)
        for r in app.routes
        for h in getattr(r, "route_handlers", [])
        if r.path.startswith(base) and not h.http_methods <= {"OPTIONS", "HEAD"}
    ]
    assert {h.operation_id for _, h in routes} == {
        "list_scratch_items",
        "create_scratch_item",
        "get_scratch_item",
        "update_scratch_item",
        "delete_scratch_item",
    }
    assert all(h.opt.get("module") == NAME and list(h.resolve_tags()) == [NAME] for _, h in routes)
    package = Path(sys.modules[NAME].__file__ or "").parent
    assert {a for _, a in _audit_actions(package)} == {
        "scratch.item.created",
        "scratch.item.updated",
        "scratch.item.deleted",
    }
    assert _duplicate_refusals(package) == []
    assert any(item.href == "/scratch/items" and item.module == NAME for item in registry().sorted_navigation)


async def test_a_module_whose_dependency_is_missing_stops_startup(tmp_path: Path) -> None:
    package = tmp_path / "needs_missing"
    package.mkdir()
    (package / "__init__.py").write_text(
        "from bizsuite.kit import ModuleSpec\nMODULE = ModuleSpec(name='needs_missing', depends=('nowhere',))\n"
    )
    sys.path.insert(0, str(tmp_path))
    try:
        from bizsuite.kit import ModuleLoadError, build_registry

        with pytest.raises(ModuleLoadError, match="depends on 'nowhere', which is not installed"):
            build_registry((*INSTALLED, "needs_missing"))
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("needs_missing", None)


def test_scaffold_refuses_a_bad_name_and_an_existing_folder(tmp_path: Path) -> None:
    from bizsuite.scaffold import ScaffoldError

    target = Scaffold("Bad-Name", "x", tmp_path / "m", tmp_path / "v", tmp_path / "t")
    with pytest.raises(ScaffoldError, match="lower-case"):
        write(target)
    (tmp_path / "m").mkdir()
    with pytest.raises(ScaffoldError, match="exists already"):
        write(replace(target, name="fine"))
