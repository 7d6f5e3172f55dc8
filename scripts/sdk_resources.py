"""Render the SDK's resource client from the OpenAPI document and the generated low-level code.

Used by ``scripts/generate_sdk.py`` after openapi-python-client has written the low-level
package: every operation becomes a method of a resource, and the method's keyword
arguments and return type are read from the generated code itself (``_get_kwargs``,
``sync_detailed`` and the body models), so they always match it.

Naming (deterministic, checked for collisions):

- tags in ``FLAT_TAGS`` (``auth``, ``system``): ``client.<tag>.<operation_id>``;
- ``<verb>_<module>_<noun>`` where the path starts ``/api/v1/<module>/`` (a business
  module such as ``crm``): ``client.<module>.<nouns>.<verb>``;
- any other ``<verb>_<noun>`` (the kernel): ``client.<nouns>.<verb>``;
- ``get`` is spelled ``retrieve``; list operations keep their (plural) noun, others are
  pluralised, except singletons (a path without parameters that names the noun, such as
  ``/crm/settings`` or ``/sandbox/clock/advance``), which keep it;
- ``OVERRIDES`` names the irregular operations explicitly.
"""

from __future__ import annotations

import ast
import keyword
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Tags whose operations are not about one kind of record: ``client.<tag>.<operation_id>``.
FLAT_TAGS = frozenset({"auth", "system"})
#: Irregular operation ids: ``operation_id -> (resource path, method)``.
OVERRIDES: dict[str, tuple[str, str]] = {
    "create_plan_version": ("plans", "add_version"),
    "put_tenant_subscription": ("tenant_subscriptions", "assign_plan"),
    "change_subscription_status": ("tenant_subscriptions", "record_status"),
    "create_period_invoice": ("tenant_subscriptions", "bill_period"),
    "recompute_subscriptions": ("tenant_subscriptions", "reconcile"),
    "get_my_subscription": ("subscription", "retrieve"),
    "change_seats": ("subscription", "change_seats"),
    "change_plan": ("subscription", "change_plan"),
    "close_subscription": ("subscription", "cancel"),
    "resume_subscription": ("subscription", "resume"),
    "retry_subscription_payment": ("subscription", "pay"),
    "change_reseller_tenant_plan": ("reseller_tenants", "change_plan"),
    "list_reseller_tenant_invoices": ("reseller_tenants", "list_invoices"),
    "mark_fees_statement_issued": ("fees.statements", "issue"),
    "create_fees_statement_adjustment": ("fees.statements", "add_adjustment"),
    "create_fees_statement_payment": ("fees.statements", "record_payment"),
    "put_fees_profit_figure_audited": ("fees.profit_figures", "put_audited"),
    "reject_fees_reconciliation": ("fees.reconciliations", "dispute"),
    "mark_budgets_expense_paid": ("budgets.expenses", "mark_paid"),
    "put_budgets_line_explanation": ("budgets.lines", "explain"),
    "create_budgets_ratio_lines": ("budgets.plans", "compile"),
    "list_budgets_plan_adjustments": ("budgets.adjustments", "list_for_plan"),
    "get_venue_audio_venue_board": ("venue_audio.venues", "board"),
    "get_venue_audio_zone_now_playing": ("venue_audio.zones", "now_playing"),
    "send_venue_audio_device_heartbeat": ("venue_audio.devices", "heartbeat"),
    "begin_venue_audio_paging": ("venue_audio.broadcasts", "begin_paging"),
    "begin_venue_audio_emergency": ("venue_audio.broadcasts", "begin_emergency"),
    "list_my_approvals": ("approval_requests", "list_to_approve"),
    "list_my_submissions": ("approval_requests", "list_submitted"),
    "list_crm_account_activities": ("crm.activities", "list"),
    "list_crm_account_contacts": ("crm.contacts", "list"),
    "get_crm_account_revenue": ("crm.revenue", "retrieve"),
    "put_crm_account_revenue": ("crm.revenue", "put"),
    "delete_crm_account_revenue": ("crm.revenue", "delete"),
    "recompute_crm_revenue_tiers": ("crm.revenue", "recompute_tiers"),
    "get_crm_account_timeline": ("crm.accounts", "timeline"),
    "update_crm_accounts": ("crm.accounts", "bulk_update"),
    "update_crm_tickets": ("crm.tickets", "bulk_update"),
    "update_crm_opportunities": ("crm.opportunities", "bulk_update"),
    "move_crm_opportunity_stage": ("crm.opportunities", "move_stage"),
    "complete_crm_ticket_milestone": ("crm.tickets", "complete_milestone"),
    "change_crm_ticket_status": ("crm.tickets", "change_status"),
    "get_file_download_url": ("files", "download_url"),
    "mark_inbox_read": ("inbox", "mark_all_read"),
    "mark_inbox_item_read": ("inbox", "mark_read"),
    "mark_inbox_items_read": ("inbox", "mark_many_read"),
    "get_inbox_unread_count": ("inbox", "unread_count"),
    "redeliver_webhook": ("webhook_deliveries", "redeliver"),
    "rotate_webhook_secret": ("webhook_endpoints", "rotate_secret"),
    "send_webhook_test_event": ("webhook_endpoints", "send_test_event"),
}
VERBS = {"get": "retrieve"}
#: Attributes of the client classes themselves (hand-written in bizsuite_sdk.resource).
RESERVED_ROOT = frozenset({"webhooks", "low_level", "base_url", "close", "request"})
#: Per-call options every method takes; no body field or parameter may use these names.
OPTIONS = ("idempotency_key", "timeout", "max_retries")
RESERVED_ARGS = frozenset({*OPTIONS, "version", "self"})
HTTP_METHODS = ("get", "put", "post", "delete", "patch")
BUILTIN_TYPES = frozenset({"bool", "int", "str", "float", "bytes", "dict", "None"})
_PARAM = re.compile(r"^\{.*\}$")


class NamingError(RuntimeError):
    """Two operations map to one method, or an operation cannot be named by the rules."""


@dataclass
class Arg:
    """One argument of a resource method and what it feeds in the low-level call."""

    name: str  # the method's argument
    target: str  # the ``_get_kwargs`` argument, or the body model's field
    annotation: str
    default: str | None  # source of the default, None when required
    in_body: bool = False


@dataclass
class Method:
    operation_id: str
    module: str  # "crm.list_crm_accounts"
    name: str
    http_method: str
    summary: str
    positional: list[Arg]
    keyword: list[Arg]
    body_model: tuple[str, str] | None  # (models submodule, class) when the body is flattened
    version: str | None  # None, "required" or "optional"
    returns: str  # the result annotation ("None" for no body)
    item: str | None  # the item annotation of a list (a pager)


@dataclass
class Resource:
    path: str  # "crm.accounts"
    methods: dict[str, Method] = field(default_factory=dict)

    @property
    def class_name(self) -> str:
        # "Resource" keeps the names apart from the models (``CrmDashboard`` is a model).
        return "".join(part.title() for part in re.split(r"[._]", self.path)) + "Resource"


def plural(noun: str) -> str:
    """``account`` -> ``accounts``, ``policy`` -> ``policies``; nouns ending in ``s`` stay."""
    if noun.endswith("s"):
        return noun
    if noun.endswith("y") and noun[-2:-1] not in {"a", "e", "i", "o", "u"}:
        return noun[:-1] + "ies"
    return noun + "s"


def resource_name(operation_id: str, tag: str, path: str, http_method: str) -> tuple[str, str]:
    """The resource path and method name of an operation (the naming rules above)."""
    if operation_id in OVERRIDES:
        return OVERRIDES[operation_id]
    if tag in FLAT_TAGS:
        return tag, operation_id
    verb, _, rest = operation_id.partition("_")
    if not rest:
        raise NamingError(f"{operation_id}: no noun; add it to OVERRIDES or FLAT_TAGS")
    namespace = ""
    module_prefix = f"/api/v1/{tag.replace('_', '-')}/"
    if path.startswith(module_prefix) and rest.startswith(f"{tag}_"):
        namespace, rest = f"{tag}.", rest[len(tag) + 1 :]
    segments = [s.replace("-", "_") for s in path.removeprefix("/api/v1").strip("/").split("/") if s]
    singleton = not any(_PARAM.match(s) for s in segments) and any(
        rest == s or rest.endswith(f"_{s}") for s in segments
    )
    noun = rest if verb == "list" or singleton else plural(rest)
    return namespace + noun, VERBS.get(verb, verb)


def _arg_name(name: str) -> str:
    """The generator's ``type_`` is ``type`` again (unless the bare name is a Python keyword)."""
    bare = name.rstrip("_")
    return name if keyword.iskeyword(bare) or not bare else bare


class _Annotations(ast.NodeTransformer):
    """``list[...]`` becomes ``builtins.list[...]`` (resources have a method called ``list``)."""

    def __init__(self) -> None:
        self.names: set[str] = set()

    def visit_Name(self, node: ast.Name) -> ast.AST:
        if node.id == "list":
            self.names.add("builtins")
            return ast.Attribute(value=ast.Name("builtins", ast.Load()), attr="list", ctx=ast.Load())
        self.names.add(node.id)
        return node

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        if isinstance(node.value, str):  # a forward reference: "OrgUnit"
            inner = ast.parse(node.value, mode="eval").body
            return self.visit(inner)
        return node


class _Renderer:
    def __init__(self, package: Path, spec: dict[str, Any]) -> None:
        self.package = package
        self.spec = spec
        self.names: set[str] = set()
        self.models = self._model_index()
        self.resources: dict[str, Resource] = {}

    def _model_index(self) -> dict[str, str]:
        index: dict[str, str] = {}
        tree = ast.parse((self.package / "models" / "__init__.py").read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    index[alias.asname or alias.name] = node.module
        return index

    def annotation(self, node: ast.expr | None) -> str:
        if node is None:
            raise NamingError("an argument without an annotation")
        transformer = _Annotations()
        rendered = ast.unparse(transformer.visit(ast.parse(ast.unparse(node), mode="eval").body))
        self.names |= transformer.names
        return rendered

    def operation_file(self, operation_id: str) -> tuple[str, ast.Module]:
        (found,) = list((self.package / "api").glob(f"*/{operation_id}.py")) or [None]
        if found is None:
            raise NamingError(f"{operation_id}: the generator wrote no module for it")
        module = f"{found.parent.name}.{operation_id}"
        return module, ast.parse(found.read_text(encoding="utf-8"))

    def model_fields(self, name: str) -> tuple[str, list[tuple[str, ast.expr, ast.expr | None]]] | None:
        """The body model's submodule and fields, or None when it cannot be flattened."""
        module = self.models.get(name)
        if module is None:
            return None
        tree = ast.parse((self.package / "models" / f"{module.lstrip('.')}.py").read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and node.name == name:
                fields = [
                    (stmt.target.id, stmt.annotation, stmt.value)
                    for stmt in node.body
                    if isinstance(stmt, ast.AnnAssign)
                    and isinstance(stmt.target, ast.Name)
                    and stmt.target.id != "additional_properties"
                ]
                if not fields or any(isinstance(v, ast.Call) for _, _, v in fields):
                    return None
                return module.lstrip("."), fields
        return None

    def method(self, operation_id: str, http_method: str, op: dict[str, Any], name: str) -> Method:
        module, tree = self.operation_file(operation_id)
        functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
        get_kwargs, detailed = functions["_get_kwargs"], functions["sync_detailed"]
        positional = [
            Arg(_arg_name(a.arg), a.arg, self.annotation(a.annotation), None) for a in get_kwargs.args.args
        ]
        keyword_args: list[Arg] = []
        body_model: tuple[str, str] | None = None
        version: str | None = None
        for arg, default in zip(get_kwargs.args.kwonlyargs, get_kwargs.args.kw_defaults, strict=True):
            if arg.arg == "idempotency_key":
                continue  # a per-call option (the runtime sets the header)
            if arg.arg == "if_match":
                version = "required" if default is None else "optional"
                continue
            if arg.arg == "body" and isinstance(arg.annotation, ast.Name):
                flattened = self.model_fields(arg.annotation.id)
                if flattened is not None:
                    body_model = (flattened[0], arg.annotation.id)
                    for field_name, field_annotation, field_default in flattened[1]:
                        keyword_args.append(
                            Arg(
                                _arg_name(field_name),
                                field_name,
                                self.annotation(field_annotation),
                                None if field_default is None else ast.unparse(field_default),
                                in_body=True,
                            )
                        )
                    continue
            keyword_args.append(
                Arg(
                    _arg_name(arg.arg),
                    arg.arg,
                    self.annotation(arg.annotation),
                    None if default is None else ast.unparse(default),
                )
            )
        names = [a.name for a in positional + keyword_args]
        clash = (set(names) & RESERVED_ARGS) | {n for n in names if names.count(n) > 1}
        if clash:
            raise NamingError(f"{operation_id}: argument names {sorted(clash)} clash; add an override")
        keyword_args.sort(key=lambda a: a.default is not None)  # required first (stable)
        returns, item = self.result(operation_id, detailed)
        return Method(
            operation_id=operation_id,
            module=module,
            name=name,
            http_method=http_method,
            summary=(op.get("summary") or operation_id).strip(),
            positional=positional,
            keyword=keyword_args,
            body_model=body_model,
            version=version,
            returns=returns,
            item=item,
        )

    def result(self, operation_id: str, detailed: ast.FunctionDef) -> tuple[str, str | None]:
        returns = detailed.returns
        if not (isinstance(returns, ast.Subscript) and ast.unparse(returns.value) == "Response"):
            raise NamingError(f"{operation_id}: unexpected sync_detailed return {ast.unparse(returns)}")
        members: list[ast.expr] = []

        def flatten(node: ast.expr) -> None:
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
                flatten(node.left)
                flatten(node.right)
            else:
                members.append(node)

        flatten(returns.slice)
        kept = [m for m in members if ast.unparse(m) != "ProblemDetails"]
        if not kept or [ast.unparse(m) for m in kept] == ["Any"]:
            return "None", None
        if len(kept) != 1 or not isinstance(kept[0], ast.Name):
            return self.annotation(
                ast.parse(" | ".join(ast.unparse(m) for m in kept), mode="eval").body
            ), None
        model = kept[0].id
        return self.annotation(kept[0]), self.page_item(model)

    def page_item(self, model: str) -> str | None:
        """The item annotation when ``model`` is a list response (``items`` [+ ``next_cursor``])."""
        module = self.models.get(model)
        if module is None:
            return None
        tree = ast.parse((self.package / "models" / f"{module.lstrip('.')}.py").read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and node.name == model:
                for stmt in node.body:
                    if (
                        isinstance(stmt, ast.AnnAssign)
                        and isinstance(stmt.target, ast.Name)
                        and stmt.target.id == "items"
                        and isinstance(stmt.annotation, ast.Subscript)
                        and ast.unparse(stmt.annotation.value) == "list"
                    ):
                        return self.annotation(stmt.annotation.slice)
        return None

    def collect(self) -> None:
        taken: dict[tuple[str, str], str] = {}
        for path, item in sorted(self.spec["paths"].items()):
            for http_method in HTTP_METHODS:
                op = item.get(http_method)
                if op is None:
                    continue
                operation_id = op["operationId"]
                tag = (op.get("tags") or ["default"])[0]
                resource_path, name = resource_name(operation_id, tag, path, http_method)
                if (resource_path, name) in taken:
                    raise NamingError(
                        f"{operation_id} and {taken[resource_path, name]} both map to "
                        f"client.{resource_path}.{name}; add one to OVERRIDES"
                    )
                if resource_path.split(".")[0] in RESERVED_ROOT:
                    raise NamingError(f"{operation_id}: client.{resource_path} is reserved; add an override")
                taken[resource_path, name] = operation_id
                method = self.method(operation_id, http_method, op, name)
                resource = self.resources.setdefault(resource_path, Resource(resource_path))
                resource.methods[name] = method
        namespaces = {p.split(".")[0] for p in self.resources if "." in p}
        clash = namespaces & set(self.resources)
        if clash:
            raise NamingError(f"{sorted(clash)} are both a namespace and a resource; add overrides")

    # --- rendering -------------------------------------------------------------------------

    def signature(self, method: Method, *, is_async: bool) -> list[str]:
        params = ["self"]
        params += [f"{a.name}: {a.annotation}" for a in method.positional]
        keyword_args: list[str] = []
        if method.version == "required":
            keyword_args.append("version: Versioned")
        elif method.version == "optional":
            keyword_args.append("version: Versioned | None = None")
        for arg in method.keyword:
            default = "" if arg.default is None else f" = {arg.default}"
            keyword_args.append(f"{arg.name}: {arg.annotation}{default}")
        if method.http_method == "post":
            keyword_args.append("idempotency_key: str | None = None")
        keyword_args += ["timeout: float | None = None", "max_retries: int | None = None"]
        params += ["*", *keyword_args]
        if method.item is not None:
            returns = f"{'AsyncPager' if is_async else 'SyncPager'}[{method.item}]"
            prefix = "def"
        else:
            returns = method.returns
            prefix = "async def" if is_async else "def"
        return [f"    {prefix} {method.name}(", *[f"        {p}," for p in params], f"    ) -> {returns}:"]

    def body(self, method: Method, *, is_async: bool) -> list[str]:
        doc = method.summary.replace("\\", "\\\\").replace('"""', "'''")
        lines = [f'        """{doc} (``{method.operation_id}``)."""']
        kwargs = [f'"{a.target}": {a.name}' for a in method.keyword if not a.in_body]
        if method.body_model is not None:
            fields = ", ".join(f"{a.target}={a.name}" for a in method.keyword if a.in_body)
            module, model = method.body_model
            kwargs.append(f'"body": build_body("{module}", "{model}", {fields})')
        if method.version == "required":
            kwargs.append('"if_match": if_match(version)')
        elif method.version == "optional":
            kwargs.append('**({} if version is None else {"if_match": if_match(version)})')
        args = "".join(f"{a.name}, " for a in method.positional)
        options = "RequestOptions(timeout=timeout, max_retries=max_retries"
        options += ", idempotency_key=idempotency_key)" if method.http_method == "post" else ")"
        call_args = f'"{method.module}", ({args}), {{{", ".join(kwargs)}}}, {options}'
        if method.item is not None:
            lines.append(f"        return self._pager({call_args})")
        elif method.returns == "None":
            lines.append(f"        {'await ' if is_async else ''}self._call({call_args})")
        else:
            awaited = "await " if is_async else ""
            lines.append(f'        return cast("{method.returns}", {awaited}self._call({call_args}))')
        return lines

    def resource_class(self, resource: Resource, *, is_async: bool) -> list[str]:
        prefix = "Async" if is_async else ""
        name = prefix + resource.class_name
        lines = [
            "",
            "",
            f"class {name}({'AsyncResource' if is_async else 'SyncResource'}):",
            f'    """``client.{resource.path}``."""',
            "",
            "    @cached_property",
            f"    def with_raw_response(self) -> {name}WithRawResponse:",
            '        """The same methods, returning the ``RawResponse`` (headers, request id)."""',
            f"        return {name}WithRawResponse(self)",
        ]
        for method in resource.methods.values():
            lines += ["", *self.signature(method, is_async=is_async), *self.body(method, is_async=is_async)]
        lines += [
            "",
            "",
            f"class {name}WithRawResponse:",
            f'    """``client.{resource.path}.with_raw_response``."""',
            "",
            f"    def __init__(self, resource: {name}) -> None:",
        ]
        for method in resource.methods.values():
            if not is_async:
                wrapper = "to_raw_response"
            else:
                wrapper = "to_async_raw_pager" if method.item is not None else "to_async_raw_response"
            lines.append(f"        self.{method.name} = {wrapper}(resource.{method.name})")
        return lines

    def namespace_classes(self, *, is_async: bool) -> list[str]:
        prefix = "Async" if is_async else ""
        lines: list[str] = []
        namespaces = sorted({p.split(".")[0] for p in self.resources if "." in p})
        for namespace in namespaces:
            cls = prefix + namespace.title().replace("_", "") + "Namespace"
            client = "AsyncClientBase" if is_async else "SyncClientBase"
            lines += [
                "",
                "",
                f"class {cls}:",
                f'    """``client.{namespace}``: the {namespace} module\'s resources."""',
                "",
                f"    def __init__(self, client: {client}) -> None:",
                "        self._client = client",
            ]
            for resource in sorted(self.resources.values(), key=lambda r: r.path):
                if resource.path.startswith(f"{namespace}."):
                    attr = resource.path.split(".", 1)[1]
                    lines += [
                        "",
                        "    @cached_property",
                        f"    def {attr}(self) -> {prefix}{resource.class_name}:",
                        f"        return {prefix}{resource.class_name}(self._client)",
                    ]
        return lines

    def client_class(self, *, is_async: bool) -> list[str]:
        prefix = "Async" if is_async else ""
        base = "AsyncClientBase" if is_async else "SyncClientBase"
        doc = (
            "The BizSuite API, one attribute per resource: ``client.crm.accounts.list()``."
            if not is_async
            else "The BizSuite API for asyncio: the same resources as ``BizSuite``, awaited."
        )
        lines = ["", "", f"class {prefix}BizSuite({base}):", f'    """{doc}', "", CLIENT_DOC, '    """']
        attrs: dict[str, str] = {}
        for resource in self.resources.values():
            root = resource.path.split(".")[0]
            if "." in resource.path:
                attrs[root] = prefix + root.title().replace("_", "") + "Namespace"
            else:
                attrs[root] = prefix + resource.class_name
        for attr, cls in sorted(attrs.items()):
            lines += [
                "",
                "    @cached_property",
                f"    def {attr}(self) -> {cls}:",
                f"        return {cls}(self)",
            ]
        return lines

    def render(self) -> str:
        self.collect()
        body: list[str] = []
        for is_async in (False, True):
            for resource in sorted(self.resources.values(), key=lambda r: r.path):
                body += self.resource_class(resource, is_async=is_async)
            body += self.namespace_classes(is_async=is_async)
            body += self.client_class(is_async=is_async)
        operations = [
            f'    "{m.operation_id}": "{r.path}.{m.name}",'
            for r in sorted(self.resources.values(), key=lambda r: r.path)
            for m in r.methods.values()
        ]
        body += [
            "",
            "",
            "#: Every operation of the OpenAPI document and the resource method that calls it.",
            "OPERATIONS: dict[str, str] = {",
            *sorted(operations),
            "}",
        ]
        return HEADER + self.imports() + "\n".join(body) + "\n"

    def imports(self) -> str:
        typing_only: list[str] = []
        runtime = ["from typing import TYPE_CHECKING, cast"]
        names = set(self.names)
        if "builtins" in names:
            runtime.insert(0, "import builtins")
            names.discard("builtins")
        if "datetime" in names:
            typing_only.append("    import datetime")
            names.discard("datetime")
        if "UUID" in names:
            typing_only.append("    from uuid import UUID")
            names.discard("UUID")
        if "Any" in names:
            runtime[-1] = "from typing import TYPE_CHECKING, Any, cast"
            names.discard("Any")
        types = sorted(names & {"File", "Unset"})
        names -= set(types)
        runtime.append(
            f"from .types import UNSET, {', '.join(types)}" if types else "from .types import UNSET"
        )
        models = sorted(names & set(self.models))
        unknown = names - set(models) - BUILTIN_TYPES
        if unknown:
            raise NamingError(f"annotations name unknown types: {sorted(unknown)}")
        if models:
            typing_only.append("    from .models import (")
            typing_only += [f"        {m}," for m in models]
            typing_only.append("    )")
        lines = [
            *runtime,
            "",
            RUNTIME_IMPORT,
            "",
            "if TYPE_CHECKING:",
            *typing_only,
            "",
            "__all__ = ['AsyncBizSuite', 'BizSuite', 'OPERATIONS']",
        ]
        return "\n".join(lines) + "\n"


HEADER = '''"""The resource client: ``BizSuite`` and ``AsyncBizSuite``.

GENERATED by scripts/generate_sdk.py from the OpenAPI document and the low-level modules in
``bizsuite_client.api``; never edit it by hand (``make sdk`` rewrites it). The runtime it calls
is hand-written in ``bizsuite_sdk.resource``.
"""

from __future__ import annotations

from functools import cached_property
'''

RUNTIME_IMPORT = """from bizsuite_sdk.resource import (
    AsyncClientBase,
    AsyncPager,
    AsyncResource,
    RequestOptions,
    SyncClientBase,
    SyncPager,
    SyncResource,
    Versioned,
    build_body,
    if_match,
    to_async_raw_pager,
    to_async_raw_response,
    to_raw_response,
)"""

CLIENT_DOC = """    ``api_key`` and ``base_url`` default to ``BIZSUITE_API_KEY`` and ``BIZSUITE_BASE_URL``
    (``http://127.0.0.1:8000``). Every method raises the typed ``ApiError`` subclass for an
    error answer; lists return auto-paging iterators; ``version=`` takes a number or the
    record you read. Per call: ``timeout``, ``max_retries`` and (POST) ``idempotency_key``."""


INIT = '''"""The BizSuite API client.

``BizSuite`` / ``AsyncBizSuite`` are the resource clients (``client.crm.accounts.list()``);
the errors, pagers and webhook helpers are exported here too, so one import is enough.
``AuthenticatedClient`` and ``bizsuite_client.api`` are the low-level generated calls.

GENERATED by scripts/generate_sdk.py; never edit it by hand.
"""

from typing import TYPE_CHECKING, Any

from .client import AuthenticatedClient, Client

if TYPE_CHECKING:
    from bizsuite_sdk.errors import (
        ApiError,
        AuthenticationError,
        BizSuiteError,
        ConfigurationError,
        ConflictError,
        NotFoundError,
        PermissionDeniedError,
        RateLimitError,
        ServerError,
        StaleVersionError,
        ValidationError,
    )
    from bizsuite_sdk.resource import AsyncPager, Page, RawResponse, SyncPager, Versioned
    from bizsuite_sdk.webhooks import WebhookEvent, WebhookVerificationError

    from .resources import AsyncBizSuite, BizSuite

# Loaded on first use: importing the package stays fast (the models load with the first call).
_LAZY = {
    "AsyncBizSuite": "bizsuite_client.resources",
    "BizSuite": "bizsuite_client.resources",
    "ApiError": "bizsuite_sdk.errors",
    "AuthenticationError": "bizsuite_sdk.errors",
    "BizSuiteError": "bizsuite_sdk.errors",
    "ConfigurationError": "bizsuite_sdk.errors",
    "ConflictError": "bizsuite_sdk.errors",
    "NotFoundError": "bizsuite_sdk.errors",
    "PermissionDeniedError": "bizsuite_sdk.errors",
    "RateLimitError": "bizsuite_sdk.errors",
    "ServerError": "bizsuite_sdk.errors",
    "StaleVersionError": "bizsuite_sdk.errors",
    "ValidationError": "bizsuite_sdk.errors",
    "AsyncPager": "bizsuite_sdk.resource",
    "Page": "bizsuite_sdk.resource",
    "RawResponse": "bizsuite_sdk.resource",
    "SyncPager": "bizsuite_sdk.resource",
    "Versioned": "bizsuite_sdk.resource",
    "WebhookEvent": "bizsuite_sdk.webhooks",
    "WebhookVerificationError": "bizsuite_sdk.webhooks",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = (
    "ApiError",
    "AsyncBizSuite",
    "AsyncPager",
    "AuthenticatedClient",
    "AuthenticationError",
    "BizSuite",
    "BizSuiteError",
    "Client",
    "ConfigurationError",
    "ConflictError",
    "NotFoundError",
    "Page",
    "PermissionDeniedError",
    "RateLimitError",
    "RawResponse",
    "ServerError",
    "StaleVersionError",
    "SyncPager",
    "ValidationError",
    "Versioned",
    "WebhookEvent",
    "WebhookVerificationError",
)
'''


def render_resources(package: Path, spec: dict[str, Any]) -> str:
    """The source of ``bizsuite_client/resources.py`` (before formatting)."""
    return _Renderer(package, spec).render()


def render_init() -> str:
    """The source of ``bizsuite_client/__init__.py``."""
    return INIT


EVENTS_HEADER = '''"""Typed webhook events: one class per event type the server registers.

``client.webhooks.verify(...)`` returns the class of the delivery's type (``CrmTicketCreated``
for ``crm.ticket.created``), or the base ``WebhookEvent`` for a type this SDK does not know
yet. Each class's ``TYPE`` is its event type; ``EVENT_CLASSES`` maps every type to its class.

GENERATED by scripts/generate_sdk.py from the OpenAPI document's ``x-bizsuite-event-types``;
never edit it by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from bizsuite_sdk.webhooks import WebhookEvent
'''

EVENT_TYPES_EXTENSION = "x-bizsuite-event-types"


def event_class_name(event_type: str) -> str:
    """``crm.ticket.sla_breached`` -> ``CrmTicketSlaBreached``."""
    words = [word for part in event_type.split(".") for word in part.split("_") if word]
    return "".join(word[:1].upper() + word[1:] for word in words)


def render_events(spec: dict[str, Any]) -> str:
    """The source of ``bizsuite_client/events.py`` (before formatting)."""
    catalogue = sorted(spec.get(EVENT_TYPES_EXTENSION) or [], key=lambda entry: str(entry["name"]))
    names: dict[str, str] = {}
    lines = [EVENTS_HEADER]
    for entry in catalogue:
        event_type = str(entry["name"])
        class_name = event_class_name(event_type)
        if class_name in names.values() or class_name == "WebhookEvent":
            raise NamingError(f"event type {event_type!r} gives a class name already taken: {class_name}")
        names[event_type] = class_name
        description = " ".join(str(entry.get("description") or event_type).split()).replace("\\", "\\\\")
        description = description.replace('"""', "'''")
        lines += [
            "",
            "",
            "@dataclass(frozen=True)",
            f"class {class_name}(WebhookEvent):",
            f'    """``{event_type}``: {description}"""',
            "",
            f"    TYPE: ClassVar[str] = {event_type!r}",
        ]
    lines += [
        "",
        "",
        "#: Every known event type and its class.",
        "EVENT_CLASSES: dict[str, type[WebhookEvent]] = {",
    ]
    lines += [f"    {event_type!r}: {class_name}," for event_type, class_name in names.items()]
    lines += ["}", "", "__all__ = ["]
    lines += [f"    {name!r}," for name in sorted(["EVENT_CLASSES", "WebhookEvent", *names.values()])]
    lines += ["]", ""]
    return "\n".join(lines)
