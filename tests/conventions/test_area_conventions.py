"""Conventions every area is held to, read off the route table, the registry and the source:
a new module is checked the day it is installed, with no test of its own."""

from __future__ import annotations

import ast
import re
import types
import typing
from pathlib import Path
from typing import Any

import msgspec
from bizsuite.kit import Registry, registry
from bizsuite.settings import REPO_ROOT
from litestar import Litestar
from litestar.handlers import HTTPRouteHandler

PLATFORM = REPO_ROOT / "platform" / "bizsuite"
VERBS = {
    "list", "get", "create", "update", "delete", "put", "replace", "archive", "restore", "move",
    "reorder", "confirm", "recompute", "close", "complete", "change", "search", "submit",
    "approve", "reject", "withdraw", "resubmit", "delegate", "preview", "retry", "redeliver",
    "rotate", "send", "upload", "download", "mark", "accept", "revoke", "remove", "switch", "begin",
    "enable", "disable", "login", "logout", "suspend", "resume", "advance", "unlock", "export",
    "provision",
}  # fmt: skip


def _handlers(app: Litestar) -> list[tuple[str, HTTPRouteHandler]]:
    return [
        (route.path, handler)
        for route in app.routes
        for handler in getattr(route, "route_handlers", [])
        if isinstance(handler, HTTPRouteHandler) and route.path.startswith("/api/v1/")
    ]


def test_operation_ids_are_verb_module_noun_and_tags_name_the_area(app: Litestar) -> None:
    wrong = []
    for path, handler in _handlers(app):
        if handler.http_methods <= {"OPTIONS", "HEAD"}:
            continue  # Litestar's own OPTIONS answers
        operation_id = handler.operation_id
        module = handler.opt.get("module")
        assert isinstance(operation_id, str), path
        verb = operation_id.split("_")[0]
        shape = rf"^[a-z]+_{module}_[a-z0-9_]+$" if module else r"^[a-z]+(_[a-z0-9]+)*$"
        if verb not in VERBS or not re.match(shape, operation_id):
            wrong.append((path, operation_id))
        tags = list(handler.resolve_tags())
        if module and tags != [module]:
            wrong.append((path, f"tags {tags}"))
    assert wrong == []


def test_module_pages_and_navigation_live_under_the_module_path(app: Litestar) -> None:
    outside = []
    for spec in registry().modules:
        prefix = "/" + spec.name.replace("_", "-")
        outside += [item.href for item in spec.navigation if not item.href.startswith(prefix)]
        outside += [p.url for p in spec.panels if not p.url.startswith(prefix)]
        outside += [t.url for t in spec.link_targets if not t.url.startswith(prefix)]
        outside += [name for name in spec.event_types if not name.startswith(spec.name + ".")]
    for route in app.routes:
        module = next((h.opt.get("module") for h in getattr(route, "route_handlers", [])), None)
        if module and not route.path.startswith(
            ("/api/v1/" + module.replace("_", "-"), "/" + module.replace("_", "-"))
        ):
            outside.append(route.path)
    assert outside == []


def _shown(path: Path) -> str:
    return str(path.relative_to(REPO_ROOT)) if path.is_relative_to(REPO_ROOT) else str(path)


def _audit_actions(folder: Path) -> list[tuple[str, str]]:
    found = []
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "audit"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.append((_shown(path), node.args[0].value))
    return found


def test_audit_actions_are_module_noun_verb() -> None:
    wrong = []
    for spec in registry().modules:
        folder = PLATFORM / "modules" / spec.name
        wrong += [
            (f, a) for f, a in _audit_actions(folder) if not re.match(rf"^{spec.name}\.[a-z_]+\.[a-z_]+$", a)
        ]
    wrong += [(f, a) for f, a in _audit_actions(PLATFORM / "core") if not re.match(r"^[a-z_]+\.[a-z_]+$", a)]
    assert wrong == []
    assert len(_audit_actions(PLATFORM / "modules")) > 20


def _accepts_none(annotation: Any) -> bool:
    if annotation is None or annotation is type(None):
        return True
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _accepts_none(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return any(_accepts_none(arg) for arg in typing.get_args(annotation))
    return False


def test_patch_bodies_clear_nullable_fields_with_an_explicit_null(app: Litestar) -> None:
    """An omitted field keeps its value; ``null`` clears: so no PATCH field may default to None."""
    wrong, bodies = [], 0
    for path, handler in _handlers(app):
        if "PATCH" not in handler.http_methods:
            continue
        body = typing.get_type_hints(handler.fn, include_extras=True).get("data")
        while typing.get_origin(body) is typing.Annotated:
            body = typing.get_args(body)[0]
        if body is None or not (isinstance(body, type) and issubclass(body, msgspec.Struct)):
            continue
        bodies += 1
        for info in msgspec.structs.fields(body):
            if _accepts_none(info.type) and info.default is not msgspec.UNSET:
                wrong.append(f"{body.__name__}.{info.name} ({path})")
    assert wrong == []
    assert bodies > 5


def _duplicate_refusals(folder: Path) -> list[tuple[str, int, str]]:
    """``raise X.for_field(field, "… already used/exists/taken …")`` whose X is not a conflict."""
    found = []
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            call = node.exc
            if not (isinstance(call.func, ast.Attribute) and call.func.attr == "for_field"):
                continue
            messages = [a for a in call.args[1:2] if isinstance(a, ast.Constant | ast.JoinedStr)]
            text = ast.unparse(messages[0]) if messages else ""
            if re.search(r"already (used|exists|taken|holds|a member|the)", text):
                problem = ast.unparse(call.func.value)
                if problem != "ConflictProblem":
                    found.append((_shown(path), node.lineno, problem))
    return found


def test_duplicates_are_refused_with_409() -> None:
    assert _duplicate_refusals(PLATFORM) == []


def test_every_area_declares_itself_and_the_kernel_lists_none_of_them() -> None:
    areas: Registry = registry()
    names = [spec.name for spec in areas.specs]
    assert len(names) == len(set(names))
    assert {"identity", "org_units", "approvals", "alerts", "files", "jobs", "webhooks", "audit"} <= set(
        names
    )
    central = ["app.py", "web/router.py", "web/templating.py", "core/models.py", "core/blueprints.py"]
    for relative in central:
        source = (PLATFORM / relative).read_text(encoding="utf-8")
        assert "bizsuite.modules." not in source, relative
        assert not re.search(r"from bizsuite\.core\.\w+\.api import", source), relative
        assert not re.search(r"from bizsuite\.web\.\w+_pages import", source), relative
    # The blueprint loader keeps the tenant table only: each area declares its own tables.
    loader = ast.parse((PLATFORM / "core" / "blueprints.py").read_text(encoding="utf-8"))
    structs = {
        node.name
        for node in ast.walk(loader)
        if isinstance(node, ast.ClassDef) and any(ast.unparse(b) == "msgspec.Struct" for b in node.bases)
    }
    assert structs == {"TenantSpec", "Blueprint"}
    other_areas = {spec.name for spec in areas.specs if spec.kernel} - {"tenants"}
    imported = {
        node.module.split(".")[2]
        for node in ast.walk(loader)
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("bizsuite.core.")
    }
    assert imported & other_areas == set()
    declared_by = {key: spec.name for spec in areas.specs for key in spec.blueprint_sections}
    assert {
        "org_units": "org_units",
        "users": "identity",
        "approver_assignments": "approvals",
        "approval_flows": "approvals",
    }.items() <= declared_by.items()
    keys = list(areas.blueprint_sections)
    assert keys.index("org_units") < keys.index("users") < keys.index("approver_assignments"), keys
