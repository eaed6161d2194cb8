"""Audit 'v': ecs-lint run on some files of a repository rather than the whole
folder (a security review of one policy, the pre-commit hook passing the changed
files, a CI step on a subfolder), from the root, a subfolder or with absolute
paths. Cross-file rules see only the files passed: where what they would need
was not passed, they stay silent (RULES.md, "Where a link can't be made,
cross-file rules stay silent"); the files passed get the same findings
wherever the run starts. Each test holds a case where ecs-lint was wrong (see
the commit that added it for the evidence)."""
import json
import shutil
import subprocess
import textwrap

import pytest

from conftest import FIXTURES, run_cli

ROLE = "arn:aws:iam::123456789012:role/github-actions-deploy"


def _findings(result):
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)["findings"]


def _rules(result):
    return sorted((f["rule"], f["path"], f["line"]) for f in _findings(result))


def _repo(tmp_path):
    """The corrected article setup as a git checkout of myorg/blog-api."""
    repo = tmp_path / "blog-api"
    shutil.copytree(FIXTURES / "article-fixed", repo)
    for name in ("expect.tsv", "README.md"):
        (repo / name).unlink(missing_ok=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "remote", "add", "origin",
                    "https://github.com/myorg/blog-api.git"], check=True)
    return repo


def _split_permissions(repo):
    """The role's permissions in three files, as the config lists them: ECR
    (push), ECS (register, deploy, run) and iam:PassRole."""
    policy = json.loads((repo / "iam/deploy-policy.json").read_text())
    parts = {"ecr": [], "ecs": [], "passrole": []}
    for st in policy["Statement"]:
        actions = st["Action"] if isinstance(st["Action"], list) else [st["Action"]]
        part = "passrole" if actions == ["iam:PassRole"] else \
            "ecr" if any(a.startswith("ecr:") for a in actions) else "ecs"
        parts[part].append(st)
    for part, statements in parts.items():
        assert statements, part
        (repo / f"iam/{part}-policy.json").write_text(json.dumps(
            {"Version": "2012-10-17", "Statement": statements}, indent=2) + "\n")
    (repo / "iam/deploy-policy.json").unlink()
    cfg = (repo / ".ecs-lint.yaml").read_text().replace(
        "permissions: [iam/deploy-policy.json]",
        "permissions: [iam/ecr-policy.json, iam/ecs-policy.json, iam/passrole-policy.json]")
    (repo / ".ecs-lint.yaml").write_text(cfg)


ERRORS = ("xref-permission-missing", "xref-passrole-not-covered", "policy-passrole-missing")


@pytest.mark.parametrize("paths", [
    [".github/workflows/deploy.yml", "iam/ecr-policy.json"],
    [".github/workflows/deploy.yml", "iam/ecs-policy.json", "ops/task-definition.json"],
    ["iam/ecs-policy.json"],
    ["iam/ecs-policy.json", "ops/task-definition.json"],
])
def test_some_permission_files_of_a_role_judge_nothing(tmp_path, paths):
    # pre-commit passes the changed files: the role's other permission files
    # (config `roles:`) were not read, so what the role may do is not known; a
    # whole-folder run is clean, and so must be a run on some of its files
    repo = _repo(tmp_path)
    _split_permissions(repo)
    whole = _rules(run_cli(".", "--no-cache", "--format", "json", cwd=repo))
    assert not [f for f in whole if f[0] in ERRORS]
    some = _rules(run_cli(*paths, "--no-cache", "--format", "json", cwd=repo))
    assert not [f for f in some if f[0] in ERRORS], some


def test_a_permission_file_of_the_role_still_judged_when_all_are_passed(tmp_path):
    # the same files, all passed: the role is judged (logs:FilterLogEvents is
    # missing once the ECS file no longer allows it)
    repo = _repo(tmp_path)
    _split_permissions(repo)
    ecs = json.loads((repo / "iam/ecs-policy.json").read_text())
    for st in ecs["Statement"]:
        st["Action"] = [a for a in st["Action"] if a != "logs:FilterLogEvents"]
    (repo / "iam/ecs-policy.json").write_text(json.dumps(ecs, indent=2))
    paths = [".github/workflows/deploy.yml", "iam/ecr-policy.json", "iam/ecs-policy.json",
             "iam/passrole-policy.json"]
    found = _rules(run_cli(*paths, "--no-cache", "--format", "json", cwd=repo))
    assert [f[0] for f in found if f[0] in ERRORS] == ["xref-permission-missing"]
    # and PassRole left out of every file: policy-passrole-missing, files all read
    (repo / "iam/passrole-policy.json").write_text(json.dumps(
        {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "ecs:ListTasks", "Resource": "*"}]}))
    found = _rules(run_cli("iam/ecs-policy.json", "iam/ecr-policy.json",
                           "iam/passrole-policy.json", "--no-cache", "--format", "json",
                           cwd=repo))
    assert ("policy-passrole-missing", "iam/ecs-policy.json") in [f[:2] for f in found]


def _two_environments(repo):
    """deploy.yml (production) and staging.yml (staging) assume the same role,
    whose trust policy admits both environments: nothing is broader than used."""
    wf = (repo / ".github/workflows/deploy.yml").read_text()
    (repo / ".github/workflows/staging.yml").write_text(
        wf.replace("environment: production", "environment: staging")
          .replace("branches: [main]", "branches: [develop]"))
    trust = json.loads((repo / "iam/trust.json").read_text())
    trust["Statement"][0]["Condition"]["StringEquals"][
        "token.actions.githubusercontent.com:sub"] = [
        "repo:myorg/blog-api:environment:production", "repo:myorg/blog-api:environment:staging"]
    (repo / "iam/trust.json").write_text(json.dumps(trust, indent=2))


@pytest.mark.parametrize("paths,cwd", [
    (["iam/trust.json", ".github/workflows/deploy.yml"], ""),
    ([".github/workflows/deploy.yml", "iam/trust.json"], ""),
    (["trust.json", "../.github/workflows/deploy.yml"], "iam"),
    (["iam", ".github/workflows/deploy.yml"], ""),
])
def test_broader_than_used_needs_every_workflow_of_the_repository(tmp_path, paths, cwd):
    # the trust policy and one of the two workflows that assume the role: the
    # staging sub is used by staging.yml, which was not passed; "no workflow
    # produces it" can't be said (and narrowing the policy would break staging)
    repo = _repo(tmp_path)
    _two_environments(repo)
    assert not [f for f in _rules(run_cli(".", "--no-cache", "--format", "json", cwd=repo))
                if f[0].startswith("xref-")]
    some = _rules(run_cli(*paths, "--no-cache", "--format", "json", cwd=repo / cwd))
    assert not [f for f in some if f[0].startswith("xref-")], some


def test_broader_than_used_when_every_workflow_is_passed(tmp_path):
    # every workflow of the repository passed by name: the claim can be made
    repo = _repo(tmp_path)
    _two_environments(repo)
    (repo / ".github/workflows/staging.yml").write_text(
        (repo / ".github/workflows/staging.yml").read_text().replace(
            "environment: staging", "environment: production"))
    for cwd, paths in (("", ["iam/trust.json", ".github/workflows/deploy.yml",
                             ".github/workflows/staging.yml"]),
                       (".github", ["../iam/trust.json", "workflows"])):
        found = _rules(run_cli(*paths, "--no-cache", "--format", "json", cwd=repo / cwd))
        assert [f[0] for f in found if f[0].startswith("xref-")] == \
            ["xref-sub-broader-than-used"], (cwd, found)


def test_exclude_and_ignore_hold_with_a_config_named_through_a_link(tmp_path):
    # the working folder is known by its real path, the config by the path
    # given (macOS: /tmp is a link to /private/tmp; CI workspaces behind links):
    # the config's globs must still apply, to named files and walked ones
    repo = _repo(tmp_path)
    wide = json.loads((repo / "iam/trust.json").read_text())
    wide["Statement"][0]["Condition"]["StringEquals"][
        "token.actions.githubusercontent.com:sub"] = "repo:myorg/*"
    (repo / "legacy").mkdir()
    for name in ("legacy/trust.json", "iam/wide.json"):
        (repo / name).write_text(json.dumps(wide, indent=2))
    (repo / ".ecs-lint.yaml").write_text((repo / ".ecs-lint.yaml").read_text() + textwrap.dedent("""\
        exclude: ["legacy/**"]
        ignore:
          - {path: "iam/wide.json", rules: [trust-sub]}
        """))
    link = tmp_path / "link"
    link.symlink_to(repo)
    for args in (["legacy/trust.json", "iam/wide.json"], ["."]):
        plain = _rules(run_cli(*args, "--no-cache", "--format", "json", cwd=repo))
        linked = _rules(run_cli(*args, "--config", str(link / ".ecs-lint.yaml"), "--no-cache",
                                "--format", "json", cwd=repo))
        assert linked == plain, args
        assert not [f for f in plain if f[1].startswith("legacy/")
                    or f[:2] == ("trust-sub-any-repo", "iam/wide.json")]
