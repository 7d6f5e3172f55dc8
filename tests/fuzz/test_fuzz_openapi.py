"""Schemathesis over every operation of the OpenAPI document, against the live server.

The document is the contract: for generated requests (valid by the schema, with path ids taken
from real rows of the caller's tenant and of another tenant) the server never answers 5xx, and
every answer's status, content type and body are the ones the document lists for the operation.

``make test`` runs the fast profile (a fixed seed, a few examples per operation, no shrinking);
``make fuzz`` the long one (``BIZSUITE_FUZZ=long``). Every finding of every operation is reported
at once, with the request that caused it.
"""

from __future__ import annotations

import copy
import re
from typing import Any

import httpx
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, seed, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.conventions.test_isolation_by_route import _table_for
from tests.fuzz.conftest import FuzzWorld, fuzz_profile

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
METHODS = ("get", "post", "put", "patch", "delete")
_PARAM = re.compile(r"\{(\w+)\}")
#: Operations that end the caller's own access or need a browser session: fuzzing them would only
#: lock the fuzzer out of the rest (they are covered by their own tests).
SKIPPED = {
    ("patch", "/api/v1/tenant"),  # could switch the caller's modules off
}


def _with_real_ids(document: dict[str, Any], world: FuzzWorld) -> dict[str, Any]:
    """The document with each uuid path parameter limited to real ids (of both tenants)."""
    shaped = copy.deepcopy(document)
    for path, item in shaped["paths"].items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            for parameter in operation.get("parameters", []):
                if parameter.get("in") != "path" or parameter["schema"].get("format") != "uuid":
                    continue
                table = _table_for(parameter["name"])
                ids = world.ids.get(table) if table else None
                if ids:
                    parameter["schema"] = {"type": "string", "format": "uuid", "enum": [str(i) for i in ids]}
        _ = path
    return shaped


def _describe(case: Any, response: requests.Response, error: BaseException) -> str:
    body = response.text[:300] if response is not None else ""
    first = str(error).strip().splitlines()
    return (
        f"{case.method} {case.formatted_path} → {getattr(response, 'status_code', '?')}: {first[:3]} {body}"
    )


def _fuzz_operation(
    operation: Any,
    hypothesis_settings: settings,
    fixed_seed: int | None,
    session: requests.Session,
    headers: dict[str, str],
    findings: dict[str, list[str]],
) -> None:
    """Send the operation's generated cases; record (up to three) contract breaches, never stop."""
    label = f"{operation.method.upper()} {operation.path}"

    @hypothesis_settings
    @given(case=operation.as_strategy())
    def run(case: Any) -> None:
        response = case.call(session=session, headers=headers, timeout=30)
        try:
            case.validate_response(response, checks=CHECKS, headers=headers)
        except (Exception, BaseExceptionGroup) as error:
            found = findings.setdefault(label, [])
            if len(found) < 3:
                found.append(_describe(case, response, error))

    if fixed_seed is not None:
        run = seed(fixed_seed)(run)
    run()


def test_every_operation_keeps_to_the_document(live_server: str, fuzz_world: FuzzWorld) -> None:
    profile = fuzz_profile()
    document = httpx.get(f"{live_server}/api/docs/openapi.json", timeout=30).json()
    schema = schemathesis.openapi.from_dict(_with_real_ids(document, fuzz_world))
    schema.config.update(base_url=live_server)
    session = requests.Session()
    headers = fuzz_world.caller.headers
    findings: dict[str, list[str]] = {}
    operations = 0
    hypothesis_settings = settings(
        max_examples=profile.examples,
        derandomize=profile.seed is None,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
        print_blob=False,
    )
    for result in schema.get_all_operations():
        operation = result.ok()
        if (operation.method.lower(), operation.path) in SKIPPED:
            continue
        operations += 1
        _fuzz_operation(operation, hypothesis_settings, profile.seed, session, headers, findings)
    assert operations > 150
    report = "\n".join(f"{label}\n  " + "\n  ".join(found) for label, found in sorted(findings.items()))
    assert not findings, f"{len(findings)} of {operations} operations broke the contract:\n{report}"
