"""The spec is shaped for a good client: stable names, typed errors, no anonymous types."""

from __future__ import annotations

import json
import re
from typing import Any

from bizsuite.settings import REPO_ROOT

SDK = REPO_ROOT / "sdk"
# The committed spec; test_sdk_drift proves it is what the code generates.
SPEC: dict[str, Any] = json.loads((SDK / "openapi.json").read_text(encoding="utf-8"))
METHODS = ("get", "post", "put", "patch", "delete")
OPERATIONS = [
    (method, path, operation)
    for path, item in SPEC["paths"].items()
    for method, operation in item.items()
    if method in METHODS
]


def test_every_operation_has_a_stable_name_and_one_tag() -> None:
    names = [operation["operationId"] for _, _, operation in OPERATIONS]
    assert len(names) == len(set(names))
    for method, path, operation in OPERATIONS:
        assert operation["operationId"].isidentifier(), (method, path)
        assert len(operation["tags"]) == 1, (method, path)
        module = SDK / "bizsuite_client" / "api" / operation["tags"][0] / f"{operation['operationId']}.py"
        assert module.is_file(), module


def test_every_error_is_a_problem_details_body() -> None:
    problem = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/ProblemDetails"}}}
    for method, path, operation in OPERATIONS:
        errors = {code: r for code, r in operation["responses"].items() if code[0] in "45"}
        # Every operation; the rest follow the route (tests/core/test_openapi_statuses.py).
        assert {"400", "422", "429", "503"} <= set(errors), (method, path)
        if "{" in path:
            assert "404" in errors, (method, path)
        if "If-Match" in {p["name"] for p in operation.get("parameters", [])}:
            assert {"412", "428"} <= set(errors), (method, path)
        assert all(response["content"] == problem for response in errors.values()), (method, path)


def test_bodies_are_named_components_and_nothing_is_anonymous() -> None:
    for method, path, operation in OPERATIONS:
        for code, response in operation["responses"].items():
            if code == "204":
                assert "content" not in response, (method, path)
            for media_type, media in (response.get("content") or {}).items():
                assert media_type, (method, path, code)
                if media_type.endswith("json"):
                    assert "$ref" in media["schema"], (method, path, code)
        for media in operation.get("requestBody", {}).get("content", {}).values():
            assert "$ref" in media["schema"] or media["schema"].get("format") == "binary", (method, path)
    # openapi-python-client names inline unions and objects "<Model><Field>Type<N>".
    generated = [p.stem for p in (SDK / "bizsuite_client" / "models").glob("*.py")]
    assert not [name for name in generated if re.search(r"_type_\d+$", name)]


def test_enums_are_literals() -> None:
    kind = (SDK / "bizsuite_client" / "models" / "org_unit_kind.py").read_text()
    assert "OrgUnitKind = Literal[" in kind


def test_writes_take_if_match_and_tenant_posts_take_an_idempotency_key() -> None:
    for method, path, operation in OPERATIONS:
        parameters = {p["name"]: p for p in operation.get("parameters", [])}
        if "If-Match" in parameters:
            assert parameters["If-Match"]["required"] is True
            assert parameters["If-Match"]["schema"]["type"] == "string"
        if method == "post" and operation["tags"][0] not in {"auth", "tenants"}:
            assert parameters["Idempotency-Key"]["required"] is False, path
