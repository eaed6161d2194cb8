import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


# a role that GitHub's OIDC provider may assume, trusting one sub (end-to-end tests)
ROLE = "arn:aws:iam::123456789012:role/deploy"


def oidc_workflow(role=ROLE, environment=None, paths=None, steps="", on=None) -> str:
    """A workflow (indented: `textwrap.dedent` it) whose job `deploy` assumes
    `role` through OIDC on pushes to main (or on `on`), in `environment`,
    touching `paths/**` when given, then runs `steps` (list items at the steps'
    indentation)."""
    on_paths = f'\n        paths: ["{paths}/**"]' if paths else ""
    env = f"\n        environment: {environment}" if environment else ""
    trigger = f"on: {on}" if on else f"""on:
      push:
        branches: [main]{on_paths}"""
    return f"""\
    {trigger}
    jobs:
      deploy:
        runs-on: ubuntu-latest{env}
        permissions:
          id-token: write
        steps:
          - uses: aws-actions/configure-aws-credentials@v4
            with:
              role-to-assume: {role}
              aws-region: eu-west-1
{steps}    """


def gated_deploy_workflow(role: str, region: str, steps: str) -> str:
    """A workflow whose job `deploy` needs a `test` job (`make test`), runs in
    environment production on pushes to main, assumes `role` in `region` and
    then runs `steps` (list items at the steps' indentation)."""
    return f"""\
name: deploy
on:
  push:
    branches: [main]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: make test
  deploy:
    needs: test
    runs-on: ubuntu-latest
    environment: production
    permissions:
      contents: read
      id-token: write
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: {role}
          aws-region: {region}
{steps}"""


def oidc_trust(sub) -> dict:
    return {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/"
                                       "token.actions.githubusercontent.com"},
            "Action": "sts:AssumeRoleWithWebIdentity",
            "Condition": {"StringEquals": {
                "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                "token.actions.githubusercontent.com:sub": sub}}}]}


def run_cli(*args, cwd=None, input=None, env=None):
    """Run `python -m ecs_lint` as a user would; returns CompletedProcess."""
    e = dict(os.environ)
    e.pop("NO_COLOR", None)
    if env:
        e.update(env)
    return subprocess.run([sys.executable, "-m", "ecs_lint", *args], cwd=cwd,
                          capture_output=True, text=True, input=input, env=e, timeout=300)


def lint_folder(folder, *extra, config=None):
    """Lint a folder in-process with its own config; returns the findings."""
    from ecs_lint.config import find_config, load_config
    from ecs_lint.runner import Options, collect, lint

    old = os.getcwd()
    os.chdir(folder)
    try:
        cfg = load_config(config or find_config("."))
        files = collect(["."] if not extra else list(extra), cfg, [])
        run = lint(files, Options(config=cfg, repo_root=str(folder)))
        return run.findings
    finally:
        os.chdir(old)


def read_expect(folder):
    """expect.tsv in the practice-case grammar: rule<TAB>path<TAB>line; `~` = tolerated."""
    required, tolerated = [], []
    f = Path(folder) / "expect.tsv"
    for raw in f.read_text().splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        parts = raw.split("\t")
        rule = parts[0].strip()
        path = parts[1].strip() if len(parts) > 1 else "-"
        line = parts[2].strip() if len(parts) > 2 else "-"
        item = (rule.lstrip("~"), path, None if line in ("-", "") else int(line))
        (tolerated if rule.startswith("~") else required).append(item)
    return required, tolerated


@pytest.fixture
def shared():
    if not SHARED.exists():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


@pytest.fixture(autouse=True, scope="session")
def _own_cache_folder(tmp_path_factory):
    """The suite's cache (validated configs, parliament's findings) lives in a
    folder of its own, not in the user's ~/.cache."""
    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield
    if old is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = old


@pytest.fixture(autouse=True)
def _results_not_reused(monkeypatch):
    """In-process runs do every check again: tests change functions and files
    under the same names, which a reused result would not see. The tests of
    reuse (tests/test_results.py) turn it back on."""
    from ecs_lint import runner

    monkeypatch.setattr(runner, "REUSE_RESULTS", False)


def workflow_findings(text, github=None, messages=False):
    """(rule, line[, message]) of every single-file workflow finding on a
    workflow text (dedented), sorted; in-process, no config beyond `github`."""
    from ecs_lint.config import Config
    from ecs_lint.loader import load_text
    from ecs_lint.model import Document
    from ecs_lint.registry import CHECKS, RULES, load_rules
    from ecs_lint.runner import Context

    load_rules()
    text = textwrap.dedent(text)
    loaded = load_text(text, "yaml")[0]
    doc = Document("workflow", loaded.data, "w.yml", loaded.locate, text=text)
    ctx = Context(Config(github=github or {}), ".", [], set(RULES))
    out = []
    for chk in CHECKS:
        if "workflow" in chk.kinds and not chk.cross_file:
            for p in chk.func(doc, ctx):
                line = (p.span or doc.span(p.path, p.key)).line
                out.append((p.rule, line, p.message) if messages else (p.rule, line))
    return sorted(out)


def file_findings(tmp_path, name, data):
    """(rule, line, column) of the findings on one file written into `tmp_path`
    (text is dedented; anything else is written as JSON)."""
    import json

    text = textwrap.dedent(data) if isinstance(data, str) else json.dumps(data, indent=2)
    (tmp_path / name).write_text(text)
    return [(f.rule, f.line, f.column) for f in lint_folder(tmp_path)]


def xref_sub_findings(tmp_path, files, sub, config="github:\n  repository: myorg/app\n"):
    """Sorted (rule, file, message) of the xref-sub findings of a repository with
    `files` ({path: text, dedented}), one role ROLE whose trust policy admits `sub`
    (or is `sub` when a dict), and `config` (the roles mapping is added)."""
    for rel, text in files.items():
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(text))
    (tmp_path / "iam").mkdir(exist_ok=True)
    trust = sub if isinstance(sub, dict) else oidc_trust(sub)
    (tmp_path / "iam" / "trust.json").write_text(json.dumps(trust, indent=2))
    (tmp_path / ".ecs-lint.yaml").write_text(
        config + f'roles:\n  "{ROLE}":\n    trust: iam/trust.json\n')
    return sorted((f.rule, f.file, f.message) for f in lint_folder(tmp_path)
                  if f.rule.startswith("xref-sub"))


def lint_files(tmp_path, files, config=None):
    """The findings on a folder of `files` ({path: text, or data written as JSON})
    with an optional `.ecs-lint.yaml` text."""
    for name, data in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(data if isinstance(data, str) else json.dumps(data, indent=2))
    if config is not None:
        (tmp_path / ".ecs-lint.yaml").write_text(config)
    return lint_folder(tmp_path)


def run_action(folder, **env):
    """(process, step outputs) of the GitHub Action's script (scripts/action-run.sh)
    run in `folder` with `env` (its inputs as ECS_LINT_* variables), ecs-lint
    taken from this Python instead of installed."""
    out = folder / "gh-output"
    e = {**os.environ, "ECS_LINT_SKIP_INSTALL": "true", "GITHUB_OUTPUT": str(out),
         "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"], **env}
    r = subprocess.run(["bash", str(ROOT / "scripts" / "action-run.sh")], cwd=folder,
                       capture_output=True, text=True, env=e, timeout=300)
    outputs = dict(line.split("=", 1) for line in out.read_text().splitlines()) \
        if out.exists() else {}
    return r, outputs
