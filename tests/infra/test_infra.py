"""Static checks of infra/: Dockerfile, compose, Kubernetes manifests, PgBouncer, README.

There is no Docker engine or cluster here, so the files are parsed, not run. Each test
names one property the deployment relies on and fails when the file loses it.
"""

from __future__ import annotations

import configparser
import dataclasses
import fnmatch
import json
import re
import shlex
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
import yaml
from bizsuite.settings import Settings

REPO = Path(__file__).resolve().parents[2]
INFRA = REPO / "infra"
DOCKERFILE = INFRA / "Dockerfile"
COMPOSE = INFRA / "compose.yaml"
K8S = INFRA / "k8s"
PGBOUNCER_INI = INFRA / "pgbouncer" / "pgbouncer.ini"
README = INFRA / "README.md"

ENV_VAR = re.compile(r"\bBIZSUITE_[A-Z0-9_]+\b")


# --------------------------------------------------------------------------- Dockerfile


@dataclasses.dataclass
class Instruction:
    keyword: str
    args: str


@dataclasses.dataclass
class Stage:
    base: str
    name: str | None
    instructions: list[Instruction]

    def all(self, keyword: str) -> list[str]:
        return [i.args for i in self.instructions if i.keyword == keyword]


def parse_dockerfile(text: str) -> list[Instruction]:
    """Join continuation lines and drop comments, as the Docker parser does."""
    result: list[Instruction] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("#") or (pending and not line):
            continue
        if not pending and not line:
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        pending += line
        keyword, _, rest = pending.strip().partition(" ")
        result.append(Instruction(keyword.upper(), rest.strip()))
        pending = ""
    assert not pending, "Dockerfile ends inside a line continuation"
    return result


def split_stages(instructions: list[Instruction]) -> list[Stage]:
    stages: list[Stage] = []
    for ins in instructions:
        if ins.keyword == "FROM":
            words = ins.args.split()
            words = [w for w in words if not w.startswith("--platform")]
            name = words[2] if len(words) >= 3 and words[1].lower() == "as" else None
            stages.append(Stage(base=words[0], name=name, instructions=[]))
        elif stages:
            stages[-1].instructions.append(ins)
    return stages


def copy_parts(args: str) -> tuple[dict[str, str], list[str], str]:
    """Return (flags, sources, destination) of a COPY instruction (shell form)."""
    words = shlex.split(args)
    flags = {}
    while words and words[0].startswith("--"):
        key, _, value = words.pop(0)[2:].partition("=")
        flags[key] = value
    return flags, words[:-1], words[-1]


def copied_paths(stage: Stage) -> dict[str, str]:
    """Map absolute destination path -> source, for COPY from the build context."""
    result: dict[str, str] = {}
    workdir = PurePosixPath("/")
    for ins in stage.instructions:
        if ins.keyword == "WORKDIR":
            workdir = workdir / ins.args
        if ins.keyword != "COPY":
            continue
        flags, sources, dest = copy_parts(ins.args)
        if "from" in flags:
            continue
        target = workdir / dest
        for src in sources:
            into_dir = dest.endswith("/") or dest in {".", "./"} or len(sources) > 1
            path = target / PurePosixPath(src).name if into_dir else target
            result[str(path)] = src
    return result


@pytest.fixture(scope="module")
def stages() -> list[Stage]:
    return split_stages(parse_dockerfile(DOCKERFILE.read_text()))


@pytest.fixture(scope="module")
def final(stages: list[Stage]) -> Stage:
    return stages[-1]


def test_dockerfile_is_multi_stage_with_slim_runtime(stages: list[Stage], final: Stage) -> None:
    assert len(stages) >= 3, "expected assets, builder and runtime stages"
    assert final.base.startswith("python:3.11-slim")
    earlier = {s.name for s in stages[:-1]}
    copied_from = {copy_parts(a)[0].get("from") for a in final.all("COPY")}
    assert earlier & copied_from, "the runtime stage copies nothing from an earlier stage"
    builder = next(s for s in stages[:-1] if any("venv" in a for a in s.all("RUN")))
    assert builder.name in copied_from, "the virtualenv is built but not copied into the runtime"
    assert not any("build-essential" in a for a in final.all("RUN")), "compilers in the runtime image"


def test_dockerfile_runs_as_uid_10001(final: Stage) -> None:
    users = final.all("USER")
    assert users, "the runtime stage has no USER: it would run as root"
    user = users[-1].split(":")[0]
    assert user not in {"root", "0", ""}
    if not user.isdigit():
        created = " ".join(final.all("RUN"))
        assert re.search(rf"useradd\b[^;&]*--uid 10001\b[^;&]*\b{re.escape(user)}\b", created), created
    else:
        assert user == "10001"


def test_dockerfile_healthcheck_uses_python_on_health(final: Stage) -> None:
    (check,) = final.all("HEALTHCHECK")
    assert check.split()[0].upper() != "NONE"
    assert "/health" in check
    assert "python" in check
    assert "curl" not in check and "wget" not in check, "python:3.11-slim has neither curl nor wget"
    assert ":8000/" in check


def test_dockerfile_exposes_8000_and_serves_by_default(final: Stage) -> None:
    ports = {p.split("/")[0] for args in final.all("EXPOSE") for p in args.split()}
    assert "8000" in ports
    cmd = json.loads(final.all("CMD")[-1])
    assert cmd[:2] == ["bizsuite", "serve"], cmd
    assert cmd[cmd.index("--host") + 1] == "0.0.0.0"
    assert cmd[cmd.index("--port") + 1] == "8000"


def test_dockerfile_sets_python_env(final: Stage) -> None:
    env: dict[str, str] = {}
    for args in final.all("ENV"):
        for word in shlex.split(args):
            key, _, value = word.partition("=")
            env[key] = value
    assert env.get("PYTHONDONTWRITEBYTECODE") == "1"
    assert env.get("PYTHONUNBUFFERED") == "1"
    assert env.get("BIZSUITE_DATA_DIR", "/app/var").startswith("/app/var")


def test_dockerfile_copies_app_next_to_pyproject(final: Stage) -> None:
    copied = copied_paths(final)
    for path in ("/app/pyproject.toml", "/app/platform", "/app/migrations", "/app/tenants"):
        assert path in copied, f"{path} is not copied into the runtime image: {sorted(copied)}"
    assert final.all("WORKDIR")[-1] == "/app"


def test_dockerfile_copy_sources_exist(stages: list[Stage]) -> None:
    for stage in stages:
        for args in stage.all("COPY"):
            flags, sources, _ = copy_parts(args)
            if "from" in flags:
                continue
            concrete = [s for s in sources if not any(c in s for c in "*?[")]
            assert concrete, f"COPY {args!r} may match nothing and fail the build"
            for src in concrete:
                assert (REPO / src).exists(), f"COPY source {src} is missing from the repository"


def test_dockerfile_installs_frontend_with_npm_ci(stages: list[Stage], final: Stage) -> None:
    node = [s for s in stages[:-1] if any("npm ci" in a for a in s.all("RUN"))]
    assert node, "no stage runs npm ci"
    (assets,) = node
    assert any("--omit=dev" in a for a in assets.all("RUN"))
    sources = [src for a in assets.all("COPY") for src in copy_parts(a)[1]]
    assert any(fnmatch.fnmatch("package-lock.json", s) for s in sources), "lockfile not copied"
    assert any(fnmatch.fnmatch("package.json", s) for s in sources)
    from_assets = [a for a in final.all("COPY") if copy_parts(a)[0].get("from") == assets.name]
    assert any("node_modules" in a for a in from_assets), "node_modules never reach the runtime image"


def _dockerignore_patterns() -> list[str]:
    match = re.search(r"```dockerignore\n(.*?)```", README.read_text(), re.S)
    assert match, "infra/README.md lacks the suggested .dockerignore block"
    lines = [line.strip() for line in match.group(1).splitlines()]
    return [line.strip("/") for line in lines if line and not line.startswith(("#", "!"))]


def _ignored(path: str, patterns: list[str]) -> bool:
    parts = PurePosixPath(path).parts
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    for pattern in patterns:
        tail = pattern.removeprefix("**/")
        for prefix in prefixes:
            if fnmatch.fnmatchcase(prefix, pattern):
                return True
            if pattern.startswith("**/") and fnmatch.fnmatchcase(PurePosixPath(prefix).name, tail):
                return True
    return False


def test_dockerignore_suggestion_keeps_what_the_build_copies(stages: list[Stage]) -> None:
    patterns = _dockerignore_patterns()
    assert _ignored(".git", patterns) and _ignored(".venv", patterns)
    assert _ignored("platform/bizsuite/__pycache__/app.cpython-311.pyc", patterns)
    for stage in stages:
        for args in stage.all("COPY"):
            flags, sources, _ = copy_parts(args)
            if "from" in flags:
                continue
            for src in sources:
                for name in ("package.json", "package-lock.json") if "*" in src else (src,):
                    assert not _ignored(name, patterns), f"the suggested .dockerignore drops {name}"
    assert not _ignored("platform/bizsuite/settings.py", patterns)


# --------------------------------------------------------------------------- compose


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE.read_text())


def _command(service: dict[str, Any]) -> list[str]:
    command = service.get("command")
    return shlex.split(command) if isinstance(command, str) else list(command or [])


def _depends(service: dict[str, Any]) -> dict[str, str]:
    depends = service.get("depends_on") or {}
    assert isinstance(depends, dict), "depends_on needs conditions, not a bare list"
    return {name: spec.get("condition", "service_started") for name, spec in depends.items()}


def test_compose_has_the_services(compose: dict[str, Any]) -> None:
    assert {"db", "migrate", "app", "worker"} <= set(compose["services"])


def test_compose_builds_one_image_from_repo_root(compose: dict[str, Any]) -> None:
    images = set()
    for name in ("migrate", "app", "worker"):
        service = compose["services"][name]
        build = service["build"]
        context = (INFRA / build["context"]).resolve()
        assert context == REPO, f"{name}: build context {context} is not the repository root"
        assert (context / build["dockerfile"]).resolve() == DOCKERFILE
        images.add(service["image"])
    assert len(images) == 1, f"app, worker and migrate should share one image: {images}"


def test_compose_db_is_postgres_15_with_healthcheck(compose: dict[str, Any]) -> None:
    db = compose["services"]["db"]
    assert db["image"].startswith("postgres:15")
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert any(str(v).endswith(":/var/lib/postgresql/data") for v in db["volumes"])


def test_compose_migrate_runs_once_after_db(compose: dict[str, Any]) -> None:
    migrate = compose["services"]["migrate"]
    assert _command(migrate) == ["bizsuite", "migrate"]
    assert _depends(migrate).get("db") == "service_healthy"
    assert str(migrate.get("restart", "no")) == "no", "a one-shot job must not restart"


def test_compose_app_waits_for_migrations_and_db(compose: dict[str, Any]) -> None:
    app = compose["services"]["app"]
    command = _command(app)
    assert command[:2] == ["bizsuite", "serve"]
    assert command[command.index("--host") + 1] == "0.0.0.0"
    assert command[command.index("--port") + 1] == "8000"
    depends = _depends(app)
    assert depends.get("migrate") == "service_completed_successfully"
    assert depends.get("db") == "service_healthy"


def test_compose_app_healthcheck_and_port(compose: dict[str, Any]) -> None:
    app = compose["services"]["app"]
    check = app["healthcheck"]
    assert not check.get("disable")
    assert "/health" in " ".join(check["test"])
    targets = {str(p).rsplit(":", 1)[-1].split("/")[0] for p in app["ports"]}
    assert "8000" in targets


def test_compose_worker(compose: dict[str, Any]) -> None:
    worker = compose["services"]["worker"]
    assert _command(worker) == ["bizsuite", "worker"]
    assert _depends(worker).get("migrate") == "service_completed_successfully"
    # The image's HEALTHCHECK probes :8000, which the worker does not serve.
    assert worker.get("healthcheck", {}).get("disable") is True
    assert compose["services"]["migrate"].get("healthcheck", {}).get("disable") is True


def test_compose_only_app_may_use_pgbouncer(compose: dict[str, Any]) -> None:
    for name in ("migrate", "worker"):
        env = compose["services"][name]["environment"]
        assert str(env.get("BIZSUITE_PGBOUNCER", "false")).lower() == "false", name
        assert not env.get("BIZSUITE_APP_DATABASE_URL"), f"{name} must reach PostgreSQL directly"


def test_compose_pgbouncer_is_an_optional_profile(compose: dict[str, Any]) -> None:
    bouncer = compose["services"]["pgbouncer"]
    assert "pgbouncer" in bouncer["profiles"]
    mounts = [str(v).split(":") for v in bouncer["volumes"]]
    ini = [m for m in mounts if m[1] == "/etc/pgbouncer/pgbouncer.ini"]
    assert ini, "pgbouncer.ini is not mounted"
    assert (INFRA / ini[0][0]).resolve() == PGBOUNCER_INI
    for name in ("app", "worker", "migrate", "db"):
        assert "profiles" not in compose["services"][name], f"{name} must start without a profile"


# --------------------------------------------------------------------------- settings names


def test_every_bizsuite_variable_is_a_setting() -> None:
    fields = {f.name for f in dataclasses.fields(Settings)}
    files = [DOCKERFILE, COMPOSE, PGBOUNCER_INI, README, *sorted(K8S.glob("*.yaml"))]
    seen: dict[str, set[str]] = {}
    for path in files:
        for name in ENV_VAR.findall(path.read_text()):
            seen.setdefault(name, set()).add(path.relative_to(REPO).as_posix())
    assert "BIZSUITE_DATABASE_URL" in seen and "BIZSUITE_PGBOUNCER" in seen
    unknown = {name: sorted(where) for name, where in seen.items() if name[9:].lower() not in fields}
    assert not unknown, f"variables that Settings does not read: {unknown}"


# --------------------------------------------------------------------------- Kubernetes


@pytest.fixture(scope="module")
def manifests() -> dict[str, list[dict[str, Any]]]:
    docs: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(K8S.glob("*.yaml")):
        docs[path.name] = [d for d in yaml.safe_load_all(path.read_text()) if d is not None]
    return docs


def _objects(manifests: dict[str, list[dict[str, Any]]], kind: str) -> list[dict[str, Any]]:
    return [d for docs in manifests.values() for d in docs if d.get("kind") == kind]


def _workload(manifests: dict[str, list[dict[str, Any]]], kind: str, arg: str) -> dict[str, Any]:
    def argv(workload: dict[str, Any]) -> list[str]:
        container = workload["spec"]["template"]["spec"]["containers"][0]
        return [*container.get("command", []), *container.get("args", [])]

    found = [d for d in _objects(manifests, kind) if arg in argv(d)]
    assert len(found) == 1, f"expected one {kind} running `bizsuite {arg}`, found {len(found)}"
    return found[0]


def _container(workload: dict[str, Any]) -> dict[str, Any]:
    return workload["spec"]["template"]["spec"]["containers"][0]


def _assert_non_root(workload: dict[str, Any]) -> None:
    pod = workload["spec"]["template"]["spec"]
    for container in pod["containers"]:
        context = {**pod.get("securityContext", {}), **container.get("securityContext", {})}
        assert context.get("runAsNonRoot") is True, workload["metadata"]["name"]
        assert context.get("runAsUser", 10001) != 0
        assert container.get("securityContext", {}).get("allowPrivilegeEscalation") is False


def test_k8s_manifests_parse(manifests: dict[str, list[dict[str, Any]]]) -> None:
    kinds = set()
    for name, docs in manifests.items():
        assert docs, f"{name} is empty"
        for doc in docs:
            assert doc.get("apiVersion") and doc.get("kind"), name
            if doc["kind"] != "Kustomization":
                assert doc["metadata"]["name"], name
            kinds.add(doc["kind"])
    expected = {"Deployment", "Job", "Service", "ConfigMap", "Secret", "HorizontalPodAutoscaler"}
    assert expected <= kinds


def test_k8s_kustomization_lists_everything_but_the_secret_example(
    manifests: dict[str, list[dict[str, Any]]],
) -> None:
    (kustomization,) = manifests["kustomization.yaml"]
    resources = set(kustomization["resources"])
    assert all((K8S / r).is_file() for r in resources)
    secret_files = {n for n, docs in manifests.items() if any(d["kind"] == "Secret" for d in docs)}
    assert not resources & secret_files, "placeholder secrets would overwrite the real ones"
    assert resources == set(manifests) - secret_files - {"kustomization.yaml"}


def test_k8s_app_deployment(manifests: dict[str, list[dict[str, Any]]]) -> None:
    app = _workload(manifests, "Deployment", "serve")
    _assert_non_root(app)
    container = _container(app)
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    assert 8000 in ports.values()

    def probe_target(probe: str) -> tuple[str, int]:
        get = container[probe]["httpGet"]
        port = get["port"]
        return get["path"], ports[port] if isinstance(port, str) else port

    assert probe_target("livenessProbe") == ("/health", 8000)
    assert probe_target("readinessProbe") == ("/ready", 8000)
    resources = container["resources"]
    assert {"cpu", "memory"} <= set(resources["requests"])
    assert "memory" in resources["limits"]


def test_k8s_worker_and_migration_job(manifests: dict[str, list[dict[str, Any]]]) -> None:
    worker = _workload(manifests, "Deployment", "worker")
    _assert_non_root(worker)
    job = _workload(manifests, "Job", "migrate")
    _assert_non_root(job)
    assert job["spec"]["template"]["spec"]["restartPolicy"] in {"Never", "OnFailure"}
    images = {_container(w)["image"] for w in (worker, job, _workload(manifests, "Deployment", "serve"))}
    assert len(images) == 1, f"app, worker and migration should run one image: {images}"


def test_k8s_service_routes_to_app_pods_only(manifests: dict[str, list[dict[str, Any]]]) -> None:
    app = _workload(manifests, "Deployment", "serve")
    worker = _workload(manifests, "Deployment", "worker")
    (service,) = _objects(manifests, "Service")
    selector = service["spec"]["selector"]
    app_labels = app["spec"]["template"]["metadata"]["labels"]
    worker_labels = worker["spec"]["template"]["metadata"]["labels"]
    assert selector.items() <= app_labels.items()
    assert not selector.items() <= worker_labels.items(), "the Service would send traffic to workers"
    ports = {p["name"]: p["containerPort"] for p in _container(app)["ports"]}
    target = service["spec"]["ports"][0]["targetPort"]
    assert (ports[target] if isinstance(target, str) else target) == 8000


def test_k8s_hpa_scales_the_app(manifests: dict[str, list[dict[str, Any]]]) -> None:
    app = _workload(manifests, "Deployment", "serve")
    hpas = _objects(manifests, "HorizontalPodAutoscaler")
    (for_app,) = [h for h in hpas if h["spec"]["scaleTargetRef"]["name"] == app["metadata"]["name"]]
    assert for_app["apiVersion"] == "autoscaling/v2"
    assert for_app["spec"]["scaleTargetRef"]["kind"] == "Deployment"
    assert for_app["spec"]["minReplicas"] >= 2
    assert "replicas" not in app["spec"], "a fixed replica count fights the HPA on every apply"
    assert "cpu" in _container(app)["resources"]["requests"], "CPU utilisation needs a CPU request"


def test_k8s_workloads_reference_existing_config(manifests: dict[str, list[dict[str, Any]]]) -> None:
    configmaps = {d["metadata"]["name"] for d in _objects(manifests, "ConfigMap")}
    secrets = {d["metadata"]["name"] for d in _objects(manifests, "Secret")}
    for kind, arg in (("Deployment", "serve"), ("Deployment", "worker"), ("Job", "migrate")):
        sources = _container(_workload(manifests, kind, arg))["envFrom"]
        assert {s["configMapRef"]["name"] for s in sources if "configMapRef" in s} <= configmaps
        assert {s["secretRef"]["name"] for s in sources if "secretRef" in s} <= secrets


# --------------------------------------------------------------------------- PgBouncer


def test_pgbouncer_transaction_mode() -> None:
    parser = configparser.ConfigParser(interpolation=None, comment_prefixes=(";", "#"))
    parser.read_string(PGBOUNCER_INI.read_text())
    bouncer = parser["pgbouncer"]
    assert bouncer["pool_mode"] == "transaction"
    assert list(parser["databases"]), "no database is routed"
    # The app sends statement_timeout as a startup parameter (core/database.py);
    # PgBouncer refuses such connections unless it is ignored.
    ignored = {p.strip() for p in bouncer.get("ignore_startup_parameters", "").split(",")}
    assert "statement_timeout" in ignored
    assert bouncer["auth_type"] in {"scram-sha-256", "md5", "hba", "cert"}


def test_readme_covers_scale_out() -> None:
    text = README.read_text()
    for needle in ("BIZSUITE_PGBOUNCER=true", "read replica", "Citus", "tenant_id", "reference table", "S3"):
        assert needle.lower() in text.lower(), needle
