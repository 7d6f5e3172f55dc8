"""Litestar's per-request work the app does without (``core/framework.py``)."""

from __future__ import annotations

import ast
from typing import Any

import pytest
from bizsuite.core import framework
from bizsuite.settings import REPO_ROOT
from litestar import Litestar, Request, Response, get
from litestar.connection import ASGIConnection
from litestar.di import NamedDependency, Provide
from litestar.handlers import HTTPRouteHandler
from litestar.handlers.base import BaseRouteHandler
from litestar.testing import AsyncTestClient

seen: list[Any] = []


async def remember(connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler) -> None:
    seen.append(handler)


async def first() -> str:
    return "one"


def second() -> str:
    return "two"


async def failing() -> str:
    raise ValueError("no")


@get(
    "/both", guards=[remember], dependencies={"a": Provide(first), "b": Provide(second, sync_to_thread=False)}
)
async def both(a: NamedDependency[str], b: NamedDependency[str]) -> str:
    return a + b


@get("/fails", dependencies={"a": Provide(first), "c": Provide(failing)})
async def fails(a: NamedDependency[str], c: NamedDependency[str]) -> str:
    return a + c


async def test_guards_and_dependencies_work_as_before() -> None:
    framework.install()
    framework.install()  # idempotent
    app = Litestar([both, fails], debug=False)
    async with AsyncTestClient(app) as client:
        answer = await client.get("/both")
        assert answer.status_code == 200 and answer.text == "onetwo"
        assert seen and seen[-1] is app.route_handler_method_map["/both"]["GET"]  # the handler, no copy
        assert (await client.get("/fails")).status_code == 500  # a failing dependency fails the request


class Refused(Exception):
    pass


def app_refusal(request: Request[Any, Any, Any], exc: Exception) -> Response[str]:
    return Response("app", status_code=409)


def route_refusal(request: Request[Any, Any, Any], exc: Exception) -> Response[str]:
    return Response("route", status_code=418)


async def refuse() -> str:
    raise Refused()


routed = get("/routed", exception_handlers={Refused: route_refusal})(refuse)
plain = HTTPRouteHandler("/plain", http_method="GET")(refuse)  # its class takes no weak reference


async def test_exception_handlers_are_the_routes_own_first_then_the_apps() -> None:
    framework.install()
    app = Litestar([routed, plain], exception_handlers={Refused: app_refusal}, debug=False)
    async with AsyncTestClient(app) as client:
        for _ in range(2):  # merged at the first request, kept for the next
            assert (await client.get("/routed")).status_code == 418
            assert (await client.get("/plain")).status_code == 409


def _guards(tree: ast.AST) -> list[ast.AsyncFunctionDef | ast.FunctionDef]:
    """Functions with a parameter annotated ``BaseRouteHandler`` (guards)."""
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and any(
            arg.annotation is not None and "BaseRouteHandler" in ast.unparse(arg.annotation)
            for arg in node.args.args
        )
    ]


def _mutations(guard: ast.AsyncFunctionDef | ast.FunctionDef) -> list[str]:
    names = {
        arg.arg
        for arg in guard.args.args
        if arg.annotation is not None and "BaseRouteHandler" in ast.unparse(arg.annotation)
    }
    found = []
    for node in ast.walk(guard):
        targets = node.targets if isinstance(node, ast.Assign) else []
        targets += [node.target] if isinstance(node, ast.AugAssign | ast.AnnAssign) else []
        for target in targets:
            if any(isinstance(n, ast.Name) and n.id in names for n in ast.walk(target)):
                found.append(ast.unparse(node))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            call = ast.unparse(node.func)
            if node.func.attr in {"update", "setdefault", "pop", "clear", "append"} and any(
                call.startswith(f"{name}.") for name in names
            ):
                found.append(ast.unparse(node))
    return found


def test_no_guard_changes_the_route_handler_it_is_given() -> None:
    """Guards share the handler itself (not a copy per request): they may only read it."""
    changed = []
    for path in sorted((REPO_ROOT / "platform" / "bizsuite").rglob("*.py")):
        for guard in _guards(ast.parse(path.read_text(encoding="utf-8"))):
            changed += [f"{path.name}:{guard.name}: {m}" for m in _mutations(guard)]
    assert changed == []


@pytest.mark.parametrize(
    "source",
    [
        "handler.opt['x'] = 1",
        "handler.opt.update(x=1)",
        "handler.name = 'x'",
        "handler.opt.setdefault('x', 1)",
    ],
)
def test_the_scan_sees_a_guard_change_its_handler(source: str) -> None:
    tree = ast.parse(f"async def guard(connection, handler: BaseRouteHandler) -> None:\n    {source}\n")
    assert _mutations(_guards(tree)[0])
