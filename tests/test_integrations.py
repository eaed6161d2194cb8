"""Where users run ecs-lint: the pre-commit hook (end to end, with the real
pre-commit package) and the composite GitHub Action's script."""
import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import FIXTURES, ROOT, run_action

BAD_PROVIDER = (FIXTURES / "oidc-provider" / "bad-audience.json").read_text()
GOOD_PROVIDER = (FIXTURES / "oidc-provider" / "good-create-input.json").read_text()
GOOD_TRUST = (FIXTURES / "article-fixed" / "iam" / "trust.json").read_text()
BAD_TRUST = GOOD_TRUST.replace("repo:myorg/blog-api:environment:production", "repo:myorg/*")


def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"})


@pytest.mark.network
@pytest.mark.skipif(os.environ.get("ECS_LINT_OFFLINE") == "1", reason="offline")
def test_pre_commit_hook_fails_on_a_finding_and_passes_once_fixed(tmp_path):
    pytest.importorskip("pre_commit")
    repo = tmp_path / "infra"
    repo.mkdir()
    git("init", "-q", cwd=repo)
    (repo / "iam").mkdir()
    (repo / "iam" / "trust.json").write_text(BAD_TRUST)
    (repo / "package.json").write_text('{"name": "not-ours"}')  # other JSON: skipped quietly
    git("add", "-A", cwd=repo)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    cmd = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "ecs-lint", "--all-files"]
    r = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, env=env, timeout=900)
    out = r.stdout + r.stderr
    assert r.returncode == 1, out
    assert "trust-sub-wildcard-in-equals" in out and "iam/trust.json:12:" in out
    assert "parse-error" not in out  # package.json is not ours: skipped quietly
    (repo / "iam" / "trust.json").write_text(GOOD_TRUST)
    git("add", "-A", cwd=repo)
    r = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, env=env, timeout=900)
    assert r.returncode == 0, r.stdout + r.stderr


def _action(tmp_path, **env):
    return run_action(tmp_path, **env)


@pytest.mark.skipif(shutil.which("ecs-lint") is None, reason="ecs-lint is not on PATH")
def test_action_script_writes_sarif_annotations_and_gates(tmp_path):
    (tmp_path / "p.json").write_text(BAD_PROVIDER)
    r, outputs = _action(tmp_path)
    assert r.returncode == 1
    assert r.stdout.startswith("::error file=p.json,line=3,")
    sarif = json.loads((tmp_path / "ecs-lint.sarif").read_text())
    assert sarif["runs"][0]["results"][0]["ruleId"] == "oidc-provider-audience-missing"
    assert outputs == {"report": "ecs-lint.sarif", "exit-code": "1"}


@pytest.mark.skipif(shutil.which("ecs-lint") is None, reason="ecs-lint is not on PATH")
def test_action_script_inputs(tmp_path):
    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "p.json").write_text(GOOD_PROVIDER)
    (tmp_path / "p.json").write_text(BAD_PROVIDER)
    r, outputs = _action(tmp_path, ECS_LINT_PATHS="good", ECS_LINT_FORMAT="json",
                         ECS_LINT_OUTPUT="r.json", ECS_LINT_ANNOTATIONS="false")
    assert r.returncode == 0 and r.stdout == ""
    assert json.loads((tmp_path / "r.json").read_text())["findings"] == []
    r, outputs = _action(tmp_path, ECS_LINT_FAIL_ON="never")
    assert r.returncode == 0 and outputs["exit-code"] == "0"
    r, _ = _action(tmp_path, ECS_LINT_CONFIG="missing.yaml")
    assert r.returncode == 2


def test_action_metadata_is_yaml_with_pinned_actions_and_its_inputs_documented():
    # GitHub refuses an action.yml it cannot parse (a `: ` in a plain value did it once)
    import re

    import yaml

    data = yaml.safe_load((ROOT / "action.yml").read_text())
    inputs = data["inputs"]
    assert {"paths", "format", "output", "fail-on", "config", "version", "annotations",
            "cache"} == set(inputs)
    readme = (ROOT / "README.md").read_text()
    for name in inputs:
        assert f"`{name}`" in readme, name
    for step in data["runs"]["steps"]:
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
    cache = next(st for st in data["runs"]["steps"] if "actions/cache@" in st.get("uses", ""))
    assert cache["with"]["path"] == "~/.cache/ecs-lint" and cache["if"] == "inputs.cache == 'true'"
