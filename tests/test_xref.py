"""Cross-file analysis: the CLI -> IAM action table, linking, sub production,
and small repositories linted end to end (the fixtures live in fixtures/xref)."""
import json
import os
import re
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROLE, lint_folder, oidc_trust, oidc_workflow, run_cli
from ecs_lint.xref import actions as A
from ecs_lint.xref import linking as L
from ecs_lint.xref import subjects_produced as P

# ---------------------------------------------------------------------------
# what each command needs


@pytest.mark.parametrize("service,command,rest,expected", [
    ("ecs", "describe-tasks", [], ("ecs:DescribeTasks",)),
    ("ecs", "run-task", ["--cluster", "x"], ("ecs:RunTask",)),
    ("ecs", "register-task-definition", [], ("ecs:RegisterTaskDefinition",)),
    ("ecs", "wait", ["tasks-stopped", "--tasks", "t"], ("ecs:DescribeTasks",)),
    ("ecs", "wait", ["services-stable"], ("ecs:DescribeServices",)),
    ("ecs", "wait", [], None),
    ("logs", "tail", ["/ecs/app"], ("logs:FilterLogEvents",)),
    ("ecr", "get-login-password", [], ("ecr:GetAuthorizationToken",)),
    ("sts", "get-caller-identity", [], ()),
    ("deploy", "create-deployment", [], ("codedeploy:CreateDeployment",)),
    ("elbv2", "describe-target-health", [], ("elasticloadbalancing:DescribeTargetHealth",)),
    ("lambda", "invoke", [], ("lambda:InvokeFunction",)),
    ("eks", "get-token", ["--cluster-name", "c"], ()),  # signed locally: no call
    ("rds", "generate-db-auth-token", [], ()),
    ("codeartifact", "login", ["--tool", "pip"], ("codeartifact:GetAuthorizationToken",
                                                   "codeartifact:GetRepositoryEndpoint",
                                                   "sts:GetServiceBearerToken")),
    ("s3", "cp", [], None),  # argument-dependent: not guessed
    # go/10: the CLI deployer's calls; no ExecuteChangeSet with --no-execute-changeset
    ("cloudformation", "deploy", ["--stack-name", "s"], (
        "cloudformation:DescribeStacks", "cloudformation:CreateChangeSet",
        "cloudformation:DescribeChangeSet", "cloudformation:ExecuteChangeSet")),
    ("cloudformation", "deploy", ["--no-execute-changeset"], (
        "cloudformation:DescribeStacks", "cloudformation:CreateChangeSet",
        "cloudformation:DescribeChangeSet")),
    ("cloudformation", "package", [], None),
    ("ecs", "$(whoami)", [], None),
    (None, "x", [], None),
])
def test_cli_actions(service, command, rest, expected):
    assert A.cli_actions(service, command, rest) == expected


def test_pascal():
    assert A.pascal("describe-task-definition") == "DescribeTaskDefinition"


def _acts(uses, w):
    return [a for a, _ in A.action_step_needs(uses, w)]


def test_deploy_action_describes_the_service_even_without_waiting():
    acts = _acts("aws-actions/amazon-ecs-deploy-task-definition",
                 {"task-definition": "td.json", "service": "web"})
    assert acts == ["ecs:RegisterTaskDefinition", "ecs:DescribeServices", "ecs:UpdateService"]


def test_deploy_action_codedeploy_and_run_task():
    acts = _acts("aws-actions/amazon-ecs-deploy-task-definition",
                 {"task-definition": "td.json", "service": "web",
                  "codedeploy-appspec": "appspec.yaml"})
    assert "ecs:UpdateService" not in acts and "codedeploy:CreateDeployment" in acts
    acts = _acts("aws-actions/amazon-ecs-deploy-task-definition",
                 {"task-definition-arn": "arn:...", "run-task": True,
                  "wait-for-task-stopped": "true"})
    assert acts == ["ecs:RunTask", "ecs:DescribeTasks"]  # no register with an ARN


def test_other_actions():
    assert _acts("aws-actions/amazon-ecr-login", {}) == ["ecr:GetAuthorizationToken"]
    assert _acts("aws-actions/amazon-ecs-render-task-definition", {"x": 1}) == []
    assert _acts("docker/build-push-action", {"push": True}) == list(A.ECR_PUSH)
    assert _acts("docker/build-push-action", {"push": False}) == []
    assert _acts("aws-actions/amazon-ecs-deploy-task-definition", "not a map") == []


def test_docker_commands():
    assert [a for a, _, _ in A.docker_needs(["docker", "push", "x"])] == list(A.ECR_PUSH)
    assert [a for a, _, _ in A.docker_needs(["docker", "pull", "x"])] == list(A.ECR_PULL)
    assert A.docker_needs(["docker", "build", "-t", "x", "."]) == []
    assert A.docker_needs(["docker", "buildx", "build", "--push", "."])
    assert A.docker_needs([]) == []


def test_registries():
    arn = A.ecr_repository_arn("123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app:1")
    assert arn == "arn:aws:ecr:eu-west-1:123456789012:repository/team/app"
    assert A.ecr_repository_arn("ghcr.io/o/app:1") is None
    assert A.is_other_registry("ghcr.io/o/app:1")
    assert A.is_other_registry("nginx:1.27")
    assert not A.is_other_registry("$REGISTRY/app:1")
    assert not A.is_other_registry("123456789012.dkr.ecr.eu-west-1.amazonaws.com/app")


# ---------------------------------------------------------------------------
# linking


@pytest.mark.parametrize("url,expected", [
    ("https://github.com/myorg/app.git", "myorg/app"),
    ("https://github.com/myorg/app", "myorg/app"),
    ("https://x-access-token:abc@github.com/myorg/app.git", "myorg/app"),
    ("git@github.com:myorg/app.git", "myorg/app"),
    ("ssh://git@github.com/myorg/app.git", "myorg/app"),
    ("ssh://git@ssh.github.com:443/myorg/app.git", "myorg/app"),
    ("https://gitlab.com/myorg/app.git", None),
    ("/srv/git/app.git", None),
])
def test_remote_urls(url, expected):
    assert L.parse_remote_url(url) == expected


def test_git_config_origin_only():
    text = textwrap.dedent("""\
        [core]
        \tbare = false
        [remote "upstream"]
        \turl = git@github.com:upstream/app.git
        [remote "origin"]
        \turl = https://github.com/me/app.git
        \tfetch = +refs/heads/*:refs/remotes/origin/*
        """)
    assert L.parse_git_config_remote(text) == "me/app"
    assert L.parse_git_config_remote("[remote \"upstream\"]\n url = git@github.com:a/b\n") is None


def test_role_names_from_arns():
    assert L.role_name_of_arn("arn:aws:iam::123456789012:role/path/deploy") == "deploy"
    assert L.account_of_arn("arn:aws:iam::123456789012:role/deploy") == "123456789012"
    assert L.role_name_of_arn("deploy") is None


def test_resolve_role_value():
    github = {"vars": {"ROLE": "arn:aws:iam::1:role/r"}}
    assert L.resolve_role_value("${{ vars.ROLE }}", "arn:aws:iam::1:role/r", github)[:2] == \
        ("arn:aws:iam::1:role/r", "vars.ROLE")
    resolved, ref, how = L.resolve_role_value("${{ secrets.X }}", "${{ secrets.X }}", github)
    assert resolved is None and ref == "secrets.X" and "secrets" in how
    assert L.resolve_role_value(None, None, {})[0] is None
    assert L.resolve_role_value(12, 12, {})[0] == "12"


CFN_ROLE = """\
Resources:
  GithubDeploy:
    Type: AWS::IAM::Role
    Properties:
      RoleName: github_deploy
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Federated: "arn:aws:iam::%s:oidc-provider/token.actions.githubusercontent.com"}
            Action: sts:AssumeRoleWithWebIdentity
            Condition:
              StringEquals:
                token.actions.githubusercontent.com:aud: sts.amazonaws.com
                token.actions.githubusercontent.com:sub: repo:o/r:environment:prod
"""


@pytest.mark.parametrize("provider_account, role_account, linked", [
    ("410293857612", "410293857612", True),
    ("410293857612", "287465019283", False),  # a role of the same name in another account
    ("${AWS::AccountId}", "287465019283", True),  # the account is not known: by its name
])
def test_a_template_roles_account_is_its_oidc_providers(tmp_path, provider_account,
                                                          role_account, linked):
    # a role trusts only an OIDC provider of its own account, so a template role
    # written without its account is in the account its provider names
    (tmp_path / "stack.yaml").write_text(CFN_ROLE % provider_account)
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    (wf / "deploy.yml").write_text(textwrap.dedent(oidc_workflow(
        role=f"arn:aws:iam::{role_account}:role/github_deploy", environment="staging")))
    (tmp_path / ".ecs-lint.yaml").write_text("github: {repository: o/r}\n")
    found = [f for f in lint_folder(tmp_path) if f.rule == "xref-sub-not-admitted"]
    assert bool(found) is linked


# ---------------------------------------------------------------------------
# job `if:` narrowing


def test_narrowing_section6_format():
    n = P.narrowing("github.ref == format('refs/heads/{0}', matrix.branch)", {"branch": "develop"})
    assert n.understood and P.contains(n.refs, "refs/heads/develop")
    assert not P.contains(n.refs, "refs/heads/main")


def test_narrowing_forms():
    n = P.narrowing("${{ github.ref == 'refs/heads/main' && github.event_name == 'push' }}", None)
    assert n.understood and n.events == {"push"} and P.contains(n.refs, "refs/heads/main")
    n = P.narrowing("startsWith(github.ref, 'refs/tags/v')", None)
    assert P.contains(n.refs, "refs/tags/v1") and not P.contains(n.refs, "refs/heads/v1")
    assert P.narrowing("success() && !cancelled()", None).understood
    assert not P.narrowing("github.actor == 'me' || github.ref == 'x'", None).understood
    # a test of the event's data says whether the job runs, not on which ref
    n = P.narrowing("contains(github.event.head_commit.message, 'deploy')", None)
    assert n.understood and n.refs is None
    assert not P.narrowing("contains(github.event.head_commit.message, 'x') || "
                           "hashFiles('a') != ''", None).understood
    assert P.narrowing(None, None).refs is None
    assert not P.narrowing(["not", "a", "string"], None).understood


def test_unreadable_if_makes_subs_possible_not_certain():
    refs = P.refs_of_triggers({"push": {"branches": ["main"]}}, "main")
    for condition in ("hashFiles('deploy.lock') != ''", "startsWith(github.head_ref, 'x')",
                      "github.event.workflow_run.head_branch == 'main'"):
        produced = P.produce(P.prefix_pattern("repo:o/r:"), refs, None,
                             P.narrowing(condition, None))
        assert P.is_empty_syntactically(produced.must), condition
        assert P.contains(produced.may, "repo:o/r:ref:refs/heads/main")


def test_an_if_on_the_events_data_keeps_the_subs_certain():
    # who triggered it, which comment or label: whether the job runs, not where
    refs = P.refs_of_triggers({"issue_comment": {"types": ["created"]}}, "main")
    for condition in ("github.actor == 'bot'",
                      "github.event.issue.pull_request == null && "
                      "startsWith(github.event.comment.body, '/deploy')",
                      "contains(github.event.pull_request.labels.*.name, 'deploy') || "
                      "github.triggering_actor == 'admin'"):
        produced = P.produce(P.prefix_pattern("repo:o/r:"), refs, None,
                             P.narrowing(condition, None))
        assert P.contains(produced.must, "repo:o/r:ref:refs/heads/main"), condition


def test_a_pull_request_target_run_sends_the_pull_request_sub():
    # it runs in the base branch's context, but its token is a pull request's
    refs = P.refs_of_triggers({"pull_request_target": {"branches": ["main"]}}, "main")
    produced = P.produce(P.prefix_pattern("repo:o/r:"), refs, None, P.Narrowing())
    assert P.contains(produced.must, "repo:o/r:pull_request")
    assert not P.contains(produced.may, "repo:o/r:ref:refs/heads/main")


def test_environment_and_pull_request_forms():
    refs = P.refs_of_triggers({"push": {"branches": ["main"]}, "pull_request": {}}, "main")
    pfx = P.prefix_pattern("repo:o/r:")
    env = P.produce(pfx, refs, "prod:eu", P.Narrowing())
    assert P.contains(env.must, "repo:o/r:environment:prod%3Aeu")  # `:` sent as %3A
    assert not P.contains(env.must, "repo:o/r:pull_request")
    plain = P.produce(pfx, refs, None, P.Narrowing())
    assert P.contains(plain.must, "repo:o/r:pull_request")
    assert P.contains(plain.must, "repo:o/r:ref:refs/heads/main")


@pytest.mark.parametrize("event, must, may, not_sent", [
    # the merge queue's branch, never the base branch
    ("merge_group", "repo:o/r:ref:refs/heads/gh-readonly-queue/main/pr-7-" + "0f" * 20, None,
     "repo:o/r:ref:refs/heads/main"),
    # ... named `pr-N-SHA` after the base branch
    ("merge_group", None, None, "repo:o/r:ref:refs/heads/gh-readonly-queue/main/x"),
    # a pull request's events: not the default branch
    # a review runs on the pull request's merge ref: its sub is the pull request's
    ("pull_request_review", "repo:o/r:pull_request", None, "repo:o/r:ref:refs/heads/main"),
    # the branch or tag just created or deployed: any, none certain
    ("create", None, "repo:o/r:ref:refs/tags/v1", None),
    ("deployment", None, "repo:o/r:ref:refs/heads/feature", None),
    ("schedule", "repo:o/r:ref:refs/heads/main", None, "repo:o/r:ref:refs/heads/dev"),
])
def test_events_run_on_the_refs_github_gives_them(event, must, may, not_sent):
    refs = P.refs_of_triggers({event: {}}, "main")
    out = P.produce(P.prefix_pattern("repo:o/r:"), refs, None, P.Narrowing())
    if must:
        assert P.contains(out.must, must)
    if may:
        assert P.contains(out.may, may) and not P.contains(out.must, may)
    if not_sent:
        assert not P.contains(out.may, not_sent)


def test_subject_prefixes():
    assert P.subject_prefix({"repository": "o/r"}) == "repo:o/r:"
    assert P.subject_prefix({"repository": "o/r", "subject": "immutable", "owner-id": 1,
                             "repository-id": 2}) == "repo:o@1/r@2:"
    # ids the config does not give: some number, in the immutable shape all the same
    unknown = P.subject_prefix({"repository": "o/r", "subject": "immutable"})
    assert unknown == "repo:o@{ID}/r@{ID}:"
    assert P.contains(P.Seq(P.prefix_pattern(unknown)), "repo:o@123/r@45:")
    assert not P.contains(P.Seq(P.prefix_pattern(unknown)), "repo:o/r:")
    assert P.show_sub("repo:o@0/r@0:pull_request", True, unknown) == "repo:o@ID/r@ID:pull_request"
    assert P.subject_prefix({}) is None


# ---------------------------------------------------------------------------
# small repositories, end to end


def _repo(tmp_path, workflow, sub, config=None, remote=None, extra=None):
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "deploy.yml").write_text(textwrap.dedent(workflow))
    (tmp_path / "iam").mkdir()
    (tmp_path / "iam" / "trust.json").write_text(
        json.dumps(oidc_trust(sub), indent=2))
    cfg = config if config is not None else "github:\n  repository: myorg/app\n"
    cfg += f'roles:\n  "{ROLE}":\n    trust: iam/trust.json\n'
    (tmp_path / ".ecs-lint.yaml").write_text(cfg)
    if remote:
        (tmp_path / ".git").mkdir()
        (tmp_path / ".git" / "config").write_text(f'[remote "origin"]\n\turl = {remote}\n')
    for rel, text in (extra or {}).items():
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(text))
    return [f for f in lint_folder(tmp_path) if f.rule.startswith(("xref-", "internal"))]


DEPLOY = oidc_workflow(ROLE, "production")


def test_repository_from_the_git_remote(tmp_path):
    found = _repo(tmp_path, DEPLOY, "repo:myorg/app:ref:refs/heads/main", config="",
                  remote="git@github.com:myorg/app.git")
    assert [f.rule for f in found] == ["xref-sub-not-admitted"]
    assert "repo:myorg/app:environment:production" in found[0].message
    assert found[0].related and found[0].related[0].file.endswith("deploy.yml")


def test_repository_unknown_compares_the_context_only(tmp_path):
    ok = _repo(tmp_path, DEPLOY, "repo:someorg/app:environment:production", config="")
    assert ok == []  # some repository's production environment is admitted


def test_repository_unknown_still_catches_the_wrong_context(tmp_path):
    found = _repo(tmp_path, DEPLOY, "repo:someorg/app:ref:refs/heads/main", config="")
    assert [f.rule for f in found] == ["xref-sub-not-admitted"]
    assert "repo:OWNER/REPO:environment:production" in found[0].message


def test_reusable_workflow_takes_its_callers_refs(tmp_path):
    called = oidc_workflow(on="workflow_call")
    caller = """\
        on:
          push:
            branches: [release]
        jobs:
          call:
            uses: ./.github/workflows/deploy.yml
        """
    found = _repo(tmp_path, called, "repo:myorg/app:ref:refs/heads/main",
                  extra={".github/workflows/caller.yml": caller})
    assert [f.rule for f in found] == ["xref-sub-not-admitted"]
    assert "ref:refs/heads/release" in found[0].message


@pytest.mark.parametrize("call_if, called_if, witness", [
    (None, None, "ref:refs/heads/x"),
    # the calling job runs on main only: the called job too
    ("github.ref == 'refs/heads/main'", None, None),
    # in a called workflow, github.event_name is the caller's event
    (None, "github.event_name == 'push'", "ref:refs/heads/x"),
    (None, "github.event_name == 'pull_request'", None),
])
def test_reusable_workflow_reads_the_calling_and_called_jobs_if(tmp_path, call_if, called_if,
                                                                 witness):
    called = oidc_workflow(on="workflow_call")
    if called_if:
        called = called.replace("runs-on: ubuntu-latest",
                                f'runs-on: ubuntu-latest\n        if: "{called_if}"')
    caller = """\
        on:
          push:
            branches: ["**"]
        jobs:
          call:
            uses: ./.github/workflows/deploy.yml
        """ + (f'    if: "{call_if}"\n' if call_if else "")
    found = _repo(tmp_path, called, "repo:myorg/app:ref:refs/heads/main",
                  extra={".github/workflows/caller.yml": caller})
    found = [f for f in found if f.rule == "xref-sub-not-admitted"]
    assert bool(found) is bool(witness), [f.message for f in found]
    assert all(witness in f.message for f in found)


def test_dispatch_runs_on_the_configured_default_branch(tmp_path):
    wf = oidc_workflow(on="workflow_dispatch")
    found = _repo(tmp_path, wf, "repo:myorg/app:ref:refs/heads/main",
                  config="github:\n  repository: myorg/app\n  default-branch: trunk\n")
    assert [f.rule for f in found] == ["xref-sub-not-admitted"]
    assert "refs/heads/trunk" in found[0].message


def test_roles_resolved_through_env_and_vars(tmp_path):
    wf = DEPLOY.replace(f"role-to-assume: {ROLE}", "role-to-assume: ${{ env.ROLE }}") \
        .replace("    jobs:\n", "    env:\n      ROLE: ${{ vars.DEPLOY_ROLE }}\n    jobs:\n")
    cfg = f"github:\n  repository: myorg/app\n  vars:\n    DEPLOY_ROLE: {ROLE}\n"
    found = _repo(tmp_path, wf, "repo:myorg/app:ref:refs/heads/main", config=cfg)
    assert [f.rule for f in found] == ["xref-sub-not-admitted"]


HOSTILE = [
    "on: 5\njobs: []\n",
    "on: push\njobs:\n  a: null\n  b:\n    steps: not-a-list\n",
    "on: push\njobs:\n  a:\n    environment: {name: null}\n    strategy: {matrix: ${{ x }}}\n"
    "    steps:\n      - uses: aws-actions/configure-aws-credentials@v4\n        with: [1, 2]\n"
    "      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n"
    "          role-to-assume: 123\n          aws-region: {a: b}\n"
    "      - uses: aws-actions/amazon-ecs-render-task-definition@v1\n        with:\n"
    "          task-definition: [x]\n          container-name: null\n"
    "      - run: 42\n      - run: aws ecs wait\n",
    "on: {push: {branches: [null, 3, {a: b}], tags: 'v*'}}\njobs:\n  a:\n"
    "    if: ${{ github.ref == format('refs/heads/{0}', matrix.missing) }}\n"
    "    environment: prod\n    steps:\n"
    "      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n"
    f"          role-to-assume: {ROLE}\n          aws-region: eu-west-1\n",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_wrong_shapes_never_crash(tmp_path, text):
    found = _repo(tmp_path, text, "repo:myorg/app:environment:prod")
    assert not [f for f in found if f.rule == "internal-error"]


def test_trust_with_wrong_shapes_never_crashes(tmp_path):
    (tmp_path / "iam").mkdir()
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "deploy.yml").write_text(textwrap.dedent(DEPLOY))
    (tmp_path / "iam" / "trust.json").write_text(json.dumps({
        "Version": "2012-10-17",
        "Statement": [None, "x", {"Effect": "Allow", "Principal": {"Federated": ["x", 3]},
                                  "Action": "sts:AssumeRoleWithWebIdentity",
                                  "Condition": {"StringLike": {
                                      "token.actions.githubusercontent.com:sub": [None, 5]}}}]}))
    (tmp_path / ".ecs-lint.yaml").write_text(
        f'github:\n  repository: myorg/app\nroles:\n  "{ROLE}":\n    trust: iam/trust.json\n')
    found = lint_folder(tmp_path)
    assert not [f for f in found if f.rule == "internal-error"]


def test_practice_matrix_rows_stay_correlated(shared):
    case = shared / "practice" / "cases" / "05-clean-matrix-staging-production"
    found = [f for f in lint_folder(case) if f.rule.startswith("xref-")]
    assert found == []


# ---------------------------------------------------------------------------
# what is worked out once per run must not mix up jobs, rows or roles

FILTER = st.lists(st.sampled_from(["main", "release/*", "v*", "!v0*", "**", "feat-?", 3, None]),
                  max_size=3)
PUSH = st.dictionaries(st.sampled_from(["branches", "branches-ignore", "tags", "tags-ignore"]),
                       FILTER, max_size=2)
EVENTS = st.sampled_from(["push", "pull_request", "pull_request_target", "workflow_dispatch",
                          "schedule", "release", "merge_group", "workflow_run"])


def test_a_pull_requests_closed_type_is_in_the_key():
    opened = {"pull_request": {"types": ["opened"], "branches": ["main"]}}
    closed = {"pull_request": {"types": ["closed"], "branches": ["main"]}}
    assert P.triggers_key(opened) != P.triggers_key(closed)
    assert P.contains(P.refs_of_triggers(closed, "main").pull_request_refs, "refs/heads/main")
    assert not P.contains(P.refs_of_triggers(opened, "main").pull_request_refs,
                          "refs/heads/main")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(EVENTS, PUSH), max_size=4, unique_by=lambda t: t[0]),
       st.dictionaries(st.sampled_from(["paths", "paths-ignore", "types", "branches"]),
                       FILTER, max_size=3))
def test_triggers_with_the_same_key_run_on_the_same_refs(events, noise):
    triggers = {e: (spec if e == "push" else {}) for e, spec in events}
    # what refs_of_triggers does not read: paths filters, other events' settings
    # (but a merge_group's or pull_request_target's `branches`, which name the
    # base branch a merge group or a pull_request_target run is on, and a
    # pull_request's `types`: a merged pull request's `closed` runs on its base)
    other = {e: ({**spec, **{k: v for k, v in noise.items() if k.startswith("paths")}}
                 if e == "push" else {k: v for k, v in noise.items() if (
                     k != "branches" or e not in ("merge_group", "pull_request_target"))
                     and (k != "types" or e != "pull_request")})
             for e, spec in triggers.items()}
    assert P.triggers_key(other) == P.triggers_key(triggers)
    assert P.refs_of_triggers(other, "main") == P.refs_of_triggers(triggers, "main")
    if "push" in triggers:  # a different ref filter is a different key
        changed = {**triggers, "push": {**triggers["push"], "branches": ["elsewhere"]}}
        if changed["push"] != triggers["push"]:
            assert P.triggers_key(changed) != P.triggers_key(triggers)


def test_shared_work_keeps_each_job_and_role_apart(tmp_path):
    roles = {"a": "arn:aws:iam::123456789012:role/a", "b": "arn:aws:iam::123456789012:role/b"}
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    (tmp_path / "iam").mkdir()
    # a.yml and b.yml send the same sub (same triggers but for `paths`); c.yml another
    (wf / "a.yml").write_text(textwrap.dedent(oidc_workflow(roles["a"], "production", "a")))
    (wf / "b.yml").write_text(textwrap.dedent(oidc_workflow(roles["b"], "production", "b")))
    (wf / "c.yml").write_text(textwrap.dedent(oidc_workflow(roles["b"], "staging", "c")))
    cfg = "github:\n  repository: myorg/app\nroles:\n"
    for name, arn in roles.items():
        (tmp_path / "iam" / f"{name}.json").write_text(
            json.dumps(oidc_trust("repo:myorg/app:ref:refs/heads/main")))
        cfg += f'  "{arn}":\n    trust: iam/{name}.json\n'
    (tmp_path / ".ecs-lint.yaml").write_text(cfg)
    found = sorted((f.file, f.message) for f in lint_folder(tmp_path)
                   if f.rule == "xref-sub-not-admitted")
    assert [(os.path.basename(file), re.search(r"in (\S+):\d+ assumes (\S+) with sub '([^']+)'",
                                               message).groups())
            for file, message in found] == [
        ("a.json", (".github/workflows/a.yml", roles["a"],
                    "repo:myorg/app:environment:production")),
        ("b.json", (".github/workflows/b.yml", roles["b"],
                    "repo:myorg/app:environment:production")),
        ("b.json", (".github/workflows/c.yml", roles["b"], "repo:myorg/app:environment:staging")),
    ]


def _permission_findings(tmp_path, steps, policy):
    """xref-permission-missing findings of a repository whose deploy job runs
    `steps` under ROLE, whose permission policy is `policy`."""
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "deploy.yml").write_text(
        textwrap.dedent(oidc_workflow(ROLE, steps=steps)))
    (tmp_path / "iam").mkdir()
    (tmp_path / "iam" / "policy.json").write_text(json.dumps(policy, indent=2))
    (tmp_path / ".ecs-lint.yaml").write_text(
        f'github:\n  repository: myorg/app\nroles:\n  "{ROLE}":\n'
        "    permissions: [iam/policy.json]\n")
    return [f for f in lint_folder(tmp_path) if f.rule == "xref-permission-missing"]


def test_a_missing_push_action_points_at_the_statement_on_repositories(tmp_path):
    steps = """\
          - uses: aws-actions/amazon-ecr-login@v2
          - run: docker push 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:${{ github.sha }}
"""
    policy = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"},
        {"Effect": "Allow", "Action": ["ecr:BatchCheckLayerAvailability", "ecr:PutImage",
                                       "ecr:InitiateLayerUpload", "ecr:UploadLayerPart",
                                       "ecr:CompleteLayerUpload"],
         "Resource": "arn:aws:ecr:eu-west-1:123456789012:repository/other"}]}
    missing = _permission_findings(tmp_path, steps, policy)
    lines = (tmp_path / "iam" / "policy.json").read_text().splitlines()
    token_line = next(n for n, line in enumerate(lines, 1) if "GetAuthorizationToken" in line)
    assert missing and all(f.line > token_line + 1 for f in missing), \
        [(f.line, f.message) for f in missing]  # in the statement on repositories


@pytest.mark.parametrize("resource, missing", [("*", False),
                                                ("arn:aws:ecr:eu-west-1:123456789012:repository/app",
                                                 True)])
def test_ecr_login_needs_get_authorization_token_on_star(tmp_path, resource, missing):
    steps = "          - uses: aws-actions/amazon-ecr-login@v2\n"
    policy = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": resource}]}
    found = _permission_findings(tmp_path, steps, policy)
    assert bool(found) is missing


@pytest.mark.parametrize("other_role, broader", [
    ("arn:aws:iam::999999999999:role/unrelated-readonly", True),  # resolved: not our role
    ("${{ secrets.SOME_ROLE }}", False),  # unresolvable: it may be our role, used wider
])
def test_an_unlinked_role_stops_broader_only_when_it_may_be_the_role(tmp_path, other_role,
                                                                      broader):
    steps = f"""\
          - uses: aws-actions/configure-aws-credentials@v4
            with:
              role-to-assume: {other_role}
              aws-region: eu-west-1
"""
    trust = oidc_trust(None)
    trust["Statement"][0]["Condition"]["StringLike"] = {
        "token.actions.githubusercontent.com:sub": "repo:myorg/app:ref:refs/heads/*"}
    del trust["Statement"][0]["Condition"]["StringEquals"]["token.actions.githubusercontent.com:sub"]
    found = _repo(tmp_path, oidc_workflow(ROLE, steps=steps), None,
                  extra={"iam/trust.json": json.dumps(trust)})
    assert ("xref-sub-broader-than-used" in [f.rule for f in found]) is broader


@pytest.mark.parametrize("repository, missing", [("app", False), ("app2", True)])
def test_build_push_action_needs_the_push_actions_on_its_ecr_repository(tmp_path, repository,
                                                                         missing):
    steps = f"""\
          - uses: aws-actions/amazon-ecr-login@v2
          - uses: docker/build-push-action@v6
            with:
              push: true
              tags: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/{repository}:${{{{ github.sha }}}}
"""
    policy = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"},
        {"Effect": "Allow", "Action": list(A.ECR_PUSH),
         "Resource": "arn:aws:ecr:eu-west-1:123456789012:repository/app"}]}
    found = _permission_findings(tmp_path, steps, policy)
    assert bool(found) is missing, [f.message for f in found]
    assert all("repository/app2" in f.message for f in found)


def test_a_render_step_of_a_render_output_checks_its_container_name(tmp_path):
    steps = """\
          - id: render
            uses: aws-actions/amazon-ecs-render-task-definition@v1
            with:
              task-definition: ops/td.json
              container-name: web
              image: app:1
          - id: sidecar
            uses: aws-actions/amazon-ecs-render-task-definition@v1
            with:
              task-definition: ${{ steps.render.outputs.task-definition }}
              container-name: sidecar-typo
              image: side:1
"""
    taskdef = {"family": "app", "containerDefinitions": [{"name": "web", "image": "app:1"}]}
    found = _repo(tmp_path, oidc_workflow(ROLE, steps=steps), "repo:myorg/app:ref:refs/heads/main",
                  extra={"ops/td.json": json.dumps(taskdef)})
    assert [f.rule for f in found] == ["xref-container-name-unknown"]
    assert "sidecar-typo" in found[0].message


@pytest.mark.parametrize("path, missing", [("src/ops/td.json", False), ("ops/td.json", True)])
def test_task_definition_paths_follow_the_checkout_folder(tmp_path, path, missing):
    steps = f"""\
          - uses: actions/checkout@v4
            with:
              path: src
          - uses: aws-actions/amazon-ecs-render-task-definition@v1
            with:
              task-definition: {path}
              container-name: web
              image: app:1
"""
    taskdef = {"family": "app", "containerDefinitions": [{"name": "web", "image": "app:1"}]}
    found = _repo(tmp_path, oidc_workflow(ROLE, steps=steps), "repo:myorg/app:ref:refs/heads/main",
                  extra={"ops/td.json": json.dumps(taskdef)})
    assert ("xref-task-definition-missing" in [f.rule for f in found]) is missing


@pytest.mark.parametrize("path, found_rules", [
    # the ECS actions read a relative path from GITHUB_WORKSPACE: the same file
    ("${{ github.workspace }}/ops/td.json", ["xref-container-name-unknown"]),
    ("${{github.workspace}}/ops/td.json", ["xref-container-name-unknown"]),
    ("${{ github.workspace }}/ops/typo.json", ["xref-task-definition-missing"]),
    ("${{ env.ROOT }}/ops/typo.json", []),  # anything else before it is not known
])
def test_a_task_definition_path_from_the_workspace_is_the_repository_file(
        tmp_path, path, found_rules):
    steps = f"""\
          - uses: actions/checkout@v4
          - uses: aws-actions/amazon-ecs-render-task-definition@v1
            with:
              task-definition: {path}
              container-name: api
              image: app:1
"""
    taskdef = {"family": "app", "containerDefinitions": [{"name": "web", "image": "app:1"}]}
    found = _repo(tmp_path, oidc_workflow(ROLE, steps=steps), "repo:myorg/app:ref:refs/heads/main",
                  extra={"ops/td.json": json.dumps(taskdef)})
    assert [f.rule for f in found] == found_rules


def test_immutable_subjects_without_ids_still_miss_a_trust_for_the_old_form(tmp_path):
    found = _repo(tmp_path, oidc_workflow(ROLE), "repo:myorg/app:ref:refs/heads/main",
                  config="github:\n  repository: myorg/app\n  subject: immutable\n")
    assert [f.rule for f in found] == ["xref-sub-not-admitted"]
    assert "repo:myorg@ID/app@ID:ref:refs/heads/main" in found[0].message


def test_a_sub_a_deny_refuses_names_the_deny(tmp_path):
    trust = oidc_trust("repo:myorg/app:*")
    allow = trust["Statement"][0]
    allow["Condition"]["StringLike"] = {
        "token.actions.githubusercontent.com:sub": allow["Condition"]["StringEquals"].pop(
            "token.actions.githubusercontent.com:sub")}
    trust["Statement"].append({
        "Effect": "Deny", "Principal": allow["Principal"], "Action": allow["Action"],
        "Condition": {"StringLike": {"token.actions.githubusercontent.com:sub": "*:ref:refs/heads/ma*"}}})
    text = json.dumps(trust, indent=2)
    found = _repo(tmp_path, oidc_workflow(ROLE), None, extra={"iam/trust.json": text})
    (f,) = [f for f in found if f.rule == "xref-sub-not-admitted"]
    assert "statement 2 (Deny) refuses it" in f.message
    deny_line = next(n for n, line in enumerate(text.splitlines(), 1) if "heads/ma*" in line)
    assert f.line == deny_line


@pytest.mark.parametrize("controller, wanted, unwanted", [
    ("CODE_DEPLOY", "codedeploy:CreateDeployment", "ecs:UpdateService"),
    ("ECS", "ecs:UpdateService", "codedeploy:CreateDeployment"),
])
def test_the_deploy_action_follows_the_services_deployment_controller(tmp_path, controller,
                                                                      wanted, unwanted):
    steps = """\
          - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
            with:
              task-definition: ops/td.json
              service: app
              cluster: prod
              wait-for-service-stability: true
"""
    (tmp_path / "ops").mkdir()
    (tmp_path / "ops" / "td.json").write_text(json.dumps(
        {"family": "app", "containerDefinitions": [{"name": "web", "image": "app:1"}]}))
    (tmp_path / "ops" / "service.json").write_text(json.dumps(
        {"cluster": "prod", "serviceName": "app", "taskDefinition": "app",
         "deploymentController": {"type": controller}}))
    policy = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["ecs:RegisterTaskDefinition", "ecs:DescribeServices"],
         "Resource": "*"}]}
    messages = " ".join(f.message for f in _permission_findings(tmp_path, steps, policy))
    assert wanted in messages and unwanted not in messages


@pytest.mark.parametrize("allowed_region, missing", [("eu-west-1", False), ("us-east-1", True)])
def test_a_deny_on_the_requested_region_reads_the_configured_region(tmp_path, allowed_region,
                                                                   missing):
    steps = "          - run: aws logs tail /ecs/app --since 10m\n"
    policy = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "logs:FilterLogEvents", "Resource": "*"},
        {"Effect": "Deny", "Action": "*", "Resource": "*",
         "Condition": {"StringNotEquals": {"aws:RequestedRegion": allowed_region}}}]}
    found = _permission_findings(tmp_path, steps, policy)  # the job runs in eu-west-1
    assert bool(found) is missing, [f.message for f in found]


@pytest.mark.parametrize("job_if, reported", [
    ("startsWith(github.ref, 'refs/tags/')", False),  # pushes to main only: never runs
    ("startsWith(github.ref, 'refs/heads/')", True),
])
def test_an_environment_job_whose_if_never_holds_sends_no_sub(tmp_path, job_if, reported):
    wf = oidc_workflow(ROLE, "production").replace(
        "runs-on: ubuntu-latest", f'runs-on: ubuntu-latest\n        if: "{job_if}"')
    found = _repo(tmp_path, wf, "repo:myorg/app:ref:refs/heads/main")
    assert ("xref-sub-not-admitted" in [f.rule for f in found]) is reported


def test_the_git_remote_repository_is_read_as_the_trust_spells_it(tmp_path):
    found = _repo(tmp_path, oidc_workflow(ROLE), "repo:myorg/app:ref:refs/heads/main", config="",
                  remote="https://github.com/MyOrg/App.git")
    assert [f.rule for f in found] == []


@pytest.mark.parametrize("on, ref_op, ref, expected", [
    # an environment job still sends its ref claim: the ref condition must admit it
    ("{push: {branches: [main, develop]}}", "StringEquals", "refs/heads/main",
     "refs/heads/develop"),
    ("{push: {tags: ['v*']}}", "StringEquals", "refs/heads/main", "refs/tags/v"),
    ("{push: {branches: [main]}}", "StringEquals", "refs/heads/main", None),
    ("{push: {branches: [main, develop]}}", "StringLike", "refs/heads/*", None),
    ("workflow_dispatch", "StringEquals", "refs/heads/main", None),  # main must work
    ("{push: {tags: ['v*']}}", "StringLike", "refs/tags/v*", None),
])
def test_environment_job_ref_claim(tmp_path, on, ref_op, ref, expected):
    found = _repo(tmp_path, oidc_workflow(ROLE, "production", on=on),
                  "repo:myorg/app:environment:production")
    trust = json.loads((tmp_path / "iam" / "trust.json").read_text())
    trust["Statement"][0]["Condition"].setdefault(ref_op, {})[
        "token.actions.githubusercontent.com:ref"] = ref
    (tmp_path / "iam" / "trust.json").write_text(json.dumps(trust, indent=2))
    found = [f for f in lint_folder(tmp_path) if f.rule.startswith(("xref-", "internal"))]
    if expected is None:
        assert found == []
    else:
        assert [f.rule for f in found] == ["xref-sub-not-admitted"]
        assert f"from ref '{expected}" in found[0].message
        assert "environment:production" in found[0].message
        line = (tmp_path / "iam" / "trust.json").read_text().splitlines()[found[0].span.line - 1]
        assert ":ref" in line  # points at the ref condition


JWR = "token.actions.githubusercontent.com:job_workflow_ref"
CALLED = """\
    on:
      workflow_call:
    jobs:
      deploy:
        runs-on: ubuntu-latest
        permissions:
          id-token: write
        steps:
          - uses: aws-actions/configure-aws-credentials@v4
            with:
              role-to-assume: %s
              aws-region: eu-west-1
    """ % ROLE
CALLER = """\
    on: %s
    jobs:
      deploy:
        permissions:
          id-token: write
        uses: ./.github/workflows/ecs-deploy.yml
    """


@pytest.mark.parametrize("on, sub, op, value, expected", [
    # the job's own workflow, on the refs it runs on
    (None, "repo:myorg/app:ref:refs/heads/main", "StringEquals",
     "myorg/app/.github/workflows/deploy.yml@refs/heads/main", None),
    (None, "repo:myorg/app:ref:refs/heads/main", "StringEquals",
     "myorg/app/.github/workflows/release.yml@refs/heads/main",
     "myorg/app/.github/workflows/deploy.yml@refs/heads/main"),
    ("{push: {branches: [main, develop]}}", "repo:myorg/app:ref:refs/heads/*", "StringLike",
     "myorg/app/.github/workflows/deploy.yml@refs/heads/main",
     "myorg/app/.github/workflows/deploy.yml@refs/heads/develop"),
    ("{push: {tags: ['v*']}}", "repo:myorg/app:ref:refs/tags/*", "StringLike",
     "myorg/app/.github/workflows/deploy.yml@refs/tags/v*", None),
    # a pull request's ref is its merge ref
    ("pull_request", "repo:myorg/app:pull_request", "StringLike",
     "myorg/app/.github/workflows/deploy.yml@refs/heads/*",
     "myorg/app/.github/workflows/deploy.yml@refs/pull/0/merge"),
    ("pull_request", "repo:myorg/app:pull_request", "StringLike",
     "myorg/app/.github/workflows/deploy.yml@*", None),
    # a negated condition and one with a policy variable
    (None, "repo:myorg/app:ref:refs/heads/main", "StringNotLike",
     "myorg/app/.github/workflows/deploy.yml@*",
     "myorg/app/.github/workflows/deploy.yml@refs/heads/main"),
    (None, "repo:myorg/app:ref:refs/heads/main", "StringLike",
     "${aws:PrincipalTag/x}/.github/workflows/other.yml@*", None),
])
def test_job_workflow_ref_condition(tmp_path, on, sub, op, value, expected):
    _repo(tmp_path, oidc_workflow(ROLE, on=on), sub)
    trust = json.loads((tmp_path / "iam" / "trust.json").read_text())
    cond = trust["Statement"][0]["Condition"]
    if "*" in sub:
        cond["StringLike"] = {"token.actions.githubusercontent.com:sub": sub}
        del cond["StringEquals"]["token.actions.githubusercontent.com:sub"]
    cond.setdefault(op, {})[JWR] = value
    (tmp_path / "iam" / "trust.json").write_text(json.dumps(trust, indent=2))
    found = [f for f in lint_folder(tmp_path)
             if f.rule in ("xref-sub-not-admitted", "internal-error")]
    if expected is None:
        assert found == [], [f.message for f in found]
        return
    assert [f.rule for f in found] == ["xref-sub-not-admitted"], [f.message for f in found]
    assert f"job_workflow_ref '{expected}'" in found[0].message
    line = (tmp_path / "iam" / "trust.json").read_text().splitlines()[found[0].span.line - 1]
    assert ":job_workflow_ref" in line  # points at the condition that refuses it


@pytest.mark.parametrize("value, refused", [
    # a called workflow's job sends the called file, on the caller's ref
    ("myorg/app/.github/workflows/deploy.yml@refs/heads/main", True),
    ("myorg/app/.github/workflows/ecs-deploy.yml@refs/heads/main", False),
    ("myorg/app/.github/workflows/ecs-deploy.yml@refs/tags/*", True),
])
def test_job_workflow_ref_of_a_called_workflow(tmp_path, value, refused):
    _repo(tmp_path, CALLER % "{push: {branches: [main]}}", "repo:myorg/app:ref:refs/heads/main",
          extra={".github/workflows/ecs-deploy.yml": CALLED})
    trust = json.loads((tmp_path / "iam" / "trust.json").read_text())
    trust["Statement"][0]["Condition"]["StringLike"] = {JWR: value}
    (tmp_path / "iam" / "trust.json").write_text(json.dumps(trust, indent=2))
    found = [f for f in lint_folder(tmp_path) if f.rule.startswith(("xref-", "internal"))]
    assert [f.rule for f in found] == (["xref-sub-not-admitted"] if refused else []), \
        [f.message for f in found]
    if refused:
        assert "ecs-deploy.yml@refs/heads/main" in found[0].message
        assert "called workflow" in found[0].message


def test_job_workflow_ref_is_not_judged_when_another_statement_admits_the_sub(tmp_path):
    _repo(tmp_path, oidc_workflow(ROLE), "repo:myorg/app:ref:refs/heads/main")
    trust = json.loads((tmp_path / "iam" / "trust.json").read_text())
    pinned = json.loads(json.dumps(trust["Statement"][0]))
    pinned["Condition"]["StringEquals"][JWR] = "myorg/app/.github/workflows/x.yml@refs/heads/main"
    trust["Statement"].append(pinned)
    (tmp_path / "iam" / "trust.json").write_text(json.dumps(trust, indent=2))
    assert [f.rule for f in lint_folder(tmp_path) if f.rule.startswith("xref-")] == []


@pytest.mark.parametrize("subs, config, broader", [
    # the used sub in both subject formats: ready for the switch, not broader
    (["repo:myorg/app:environment:production",
      "repo:myorg@123/app@456:environment:production"], "", False),
    (["repo:myorg/app:environment:production", "repo:myorg@*/app@*:environment:production"],
     "", False),
    (["repo:myorg/app:environment:production", "repo:myorg@123/app@456:environment:production"],
     "  subject: immutable\n  owner-id: 123\n  repository-id: 456\n", False),
    # another context in the other format is still broader
    (["repo:myorg/app:environment:production", "repo:myorg@123/app@456:environment:dev"],
     "", True),
])
def test_the_other_subject_format_of_the_used_subs_is_not_broader(tmp_path, subs, config,
                                                                   broader):
    found = _repo(tmp_path, DEPLOY, "x", config="github:\n  repository: myorg/app\n" + config)
    trust = json.loads((tmp_path / "iam" / "trust.json").read_text())
    cond = trust["Statement"][0]["Condition"]
    del cond["StringEquals"]["token.actions.githubusercontent.com:sub"]
    cond["StringLike"] = {"token.actions.githubusercontent.com:sub": subs}
    (tmp_path / "iam" / "trust.json").write_text(json.dumps(trust, indent=2))
    found = [f.rule for f in lint_folder(tmp_path) if f.rule.startswith(("xref-", "internal"))]
    assert found == (["xref-sub-broader-than-used"] if broader else [])


@pytest.mark.parametrize("on, config, not_admitted", [
    # schedule runs on the default branch: master when the workflows filter on it
    ("{schedule: [{cron: '0 3 * * *'}], push: {branches: [master]}}", "", False),
    ("{schedule: [{cron: '0 3 * * *'}], push: {branches: [main]}}", "", True),
    ("{schedule: [{cron: '0 3 * * *'}]}", "", True),  # nothing says: main
    ("{schedule: [{cron: '0 3 * * *'}]}", "  default-branch: master\n", False),
])
def test_the_default_branch_is_guessed_from_the_branch_filters(tmp_path, on, config,
                                                               not_admitted):
    found = _repo(tmp_path, oidc_workflow(ROLE, on=on), "repo:myorg/app:ref:refs/heads/master",
                  config="github:\n  repository: myorg/app\n" + config)
    assert ("xref-sub-not-admitted" in [f.rule for f in found]) is not_admitted


@pytest.mark.parametrize("on, ref_value", [
    ("{push: {branches: master}, schedule: [{cron: x}]}", 7),  # branches as a string
    ("{push: {branches: [1, null, {a: b}]}, schedule: null}", ["refs/heads/*", 3, None]),
    ("{push: {branches: [master, main]}, workflow_dispatch: [1]}", {"Fn::If": ["a"]}),
    ("{push: null, schedule: [{cron: x}]}", ""),
])
def test_odd_branch_filters_and_ref_conditions_never_crash(tmp_path, on, ref_value):
    # the default-branch guess, the ref claim of environment jobs and the other
    # subject format on shapes no real file has: findings or silence, no error
    _repo(tmp_path, oidc_workflow(ROLE, "production", on=on),
          "repo:myorg/app:environment:production")
    trust = json.loads((tmp_path / "iam" / "trust.json").read_text())
    trust["Statement"][0]["Condition"]["StringLike"] = {
        "token.actions.githubusercontent.com:ref": ref_value}
    (tmp_path / "iam" / "trust.json").write_text(json.dumps(trust))
    found = lint_folder(tmp_path)
    assert not [f for f in found if f.rule == "internal-error"], found


_NESTED_TRUST_TEMPLATE = """\
Resources:
  DeployRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: deploy
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Federated: arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com
            Action: sts:AssumeRoleWithWebIdentity
            Condition:
              StringEquals:
                token.actions.githubusercontent.com:aud: sts.amazonaws.com
                token.actions.githubusercontent.com:sub: repo:acme/app:ref:refs/heads/main
"""

_NESTED_WORKFLOW = """\
on:
  push:
    branches: [main]
permissions:
  id-token: write
  contents: read
jobs:
  test:
    uses: ./.github/workflows/_test.yml
  deploy:
    needs: test
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502
        with:
          role-to-assume: arn:aws:iam::123456789012:role/deploy
          aws-region: us-east-1
"""


def test_a_folder_with_workflows_is_its_own_repository_root(tmp_path):
    # a repository folder kept inside another checkout (a vendored example, a
    # test case): GitHub reads workflows only at a repository's root, so the
    # folder holding .github/workflows is the root, not the outer checkout,
    # whose `origin` names another repository
    outer = tmp_path / "outer"
    (outer / ".git").mkdir(parents=True)
    (outer / ".git" / "config").write_text(
        '[remote "origin"]\n\turl = https://github.com/someone/else.git\n')
    case = outer / "examples" / "app"
    (case / ".github" / "workflows").mkdir(parents=True)
    (case / ".github" / "workflows" / "deploy.yml").write_text(_NESTED_WORKFLOW)
    (case / ".github" / "workflows" / "_test.yml").write_text(
        "on: workflow_call\njobs:\n  unit:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - run: make test\n")
    (case / "infra").mkdir()
    (case / "infra" / "roles.yaml").write_text(_NESTED_TRUST_TEMPLATE)
    out = run_cli("--no-cache", "--format", "json", ".", cwd=case)
    rules = {f["rule"] for f in json.loads(out.stdout)["findings"]}
    # the job sends repo:?/?:environment:production: refused whatever the repository
    assert "xref-sub-not-admitted" in rules
    msgs = [f["message"] for f in json.loads(out.stdout)["findings"]
            if f["rule"] == "xref-sub-not-admitted"]
    assert not any("someone/else" in m for m in msgs), msgs
    # the called test workflow is found: the deploy is gated
    assert "workflow-deploy-no-test-gate" not in rules


@pytest.mark.parametrize("branch, refused", [("main", False), ("prod", True)])
def test_immutable_subjects_with_unknown_ids_are_refused_only_for_every_id(tmp_path, branch,
                                                                           refused):
    # github.subject: immutable without owner-id/repository-id: the real ids are
    # fixed but unknown, so a trust pinning ids 11/22 may well be right
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "deploy.yml").write_text(textwrap.dedent(oidc_workflow()))
    trust = oidc_trust(f"repo:myorg@11/app@22:ref:refs/heads/{branch}")
    (tmp_path / "trust.json").write_text(json.dumps(trust))
    (tmp_path / ".ecs-lint.yaml").write_text(
        "github:\n  repository: myorg/app\n  subject: immutable\n"
        f"roles:\n  {ROLE}:\n    trust: trust.json\n")
    found = [f for f in lint_folder(tmp_path) if f.rule == "xref-sub-not-admitted"]
    assert bool(found) is refused, [f.message for f in found]
    if found:
        assert "@*" not in found[0].help  # no advice that lets any id in


_CALLED = """\
on:
  workflow_call:
    inputs:
      role:
        type: string
        default: arn:aws:iam::123456789012:role/main-deploy
jobs:
  deploy:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: ${{ inputs.role }}
          aws-region: eu-west-1
"""


def _caller(on, role=None):
    with_ = f"\n    with:\n      role: {role}" if role else ""
    return (f"on:\n{on}\npermissions:\n  id-token: write\n  contents: read\njobs:\n"
            f"  deploy:\n    uses: ./.github/workflows/_deploy.yml{with_}\n")


def _reusable_repo(tmp_path, callers):
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    (wf / "_deploy.yml").write_text(_CALLED)
    for name, text in callers.items():
        (wf / name).write_text(text)
    main = "arn:aws:iam::123456789012:role/main-deploy"
    release = "arn:aws:iam::123456789012:role/release-deploy"
    (tmp_path / "main-trust.json").write_text(json.dumps(oidc_trust(
        "repo:myorg/app:ref:refs/heads/main")))
    (tmp_path / "release-trust.json").write_text(json.dumps(oidc_trust(
        "repo:myorg/app:ref:refs/tags/v1.0")))
    (tmp_path / ".ecs-lint.yaml").write_text(
        "github:\n  repository: myorg/app\nroles:\n"
        f"  {main}:\n    trust: main-trust.json\n"
        f"  {release}:\n    trust: release-trust.json\n")
    return [f for f in lint_folder(tmp_path) if f.rule.startswith("xref-sub")]


MAIN_PUSH = "  push:\n    branches: [main]"
TAG_PUSH = "  push:\n    tags: ['v1.0']"


def test_a_reusable_workflow_assumes_the_role_each_caller_passes(tmp_path):
    # each caller's role is compared with the subs of that caller's runs only
    found = _reusable_repo(tmp_path, {
        "main.yml": _caller(MAIN_PUSH, "arn:aws:iam::123456789012:role/main-deploy"),
        "release.yml": _caller(TAG_PUSH, "arn:aws:iam::123456789012:role/release-deploy")})
    assert found == []


def test_a_caller_passing_the_wrong_role_is_refused(tmp_path):
    found = _reusable_repo(tmp_path, {
        "main.yml": _caller(MAIN_PUSH),  # the input's default: the main role
        "release.yml": _caller(TAG_PUSH, "arn:aws:iam::123456789012:role/main-deploy")})
    assert [f.rule for f in found] == ["xref-sub-not-admitted"]
    assert found[0].file == "main-trust.json"
    assert "repo:myorg/app:ref:refs/tags/v1.0" in found[0].message
    assert "called by .github/workflows/release.yml job 'deploy'" in found[0].message


def test_a_role_passed_through_the_callers_own_context_is_not_guessed(tmp_path):
    # `matrix`, `needs`, `inputs` in the calling job's `with:` are the caller's:
    # unknown here, so not compared (never the input's default)
    found = _reusable_repo(tmp_path, {
        "release.yml": _caller(TAG_PUSH, "${{ needs.plan.outputs.role }}")})
    assert found == []


_COMPOSITE_DEPLOY = """\
name: AWS deploy
inputs:
  role: {required: true}
  region: {default: eu-west-1}
  service: {required: true}
runs:
  using: composite
  steps:
    - uses: aws-actions/configure-aws-credentials@v4
      with:
        role-to-assume: ${{ inputs.role }}
        aws-region: ${{ inputs.region }}
    - shell: bash
      run: aws ecs update-service --cluster prod --service ${{ inputs.service }}
"""


@pytest.mark.parametrize("id_token", [False, True])
def test_a_local_composite_action_assumes_the_role_and_deploys_for_its_job(tmp_path, id_token):
    # GitHub runs the action's steps in the job: its role use and its AWS calls are the job's
    (tmp_path / ".github" / "actions" / "aws-deploy").mkdir(parents=True)
    (tmp_path / ".github" / "actions" / "aws-deploy" / "action.yml").write_text(_COMPOSITE_DEPLOY)
    (tmp_path / ".github" / "workflows").mkdir()
    perms = "  id-token: write\n" if id_token else ""
    (tmp_path / ".github" / "workflows" / "deploy.yml").write_text(
        "on:\n  push:\n    branches: [main]\npermissions:\n  contents: read\n" + perms +
        "jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n"
        "    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n"
        "      - uses: ./.github/actions/aws-deploy\n        with:\n"
        f"          role: {ROLE}\n          service: api\n")
    (tmp_path / "trust.json").write_text(json.dumps(oidc_trust(
        "repo:myorg/app:environment:staging")))
    (tmp_path / "policy.json").write_text(json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "ecs:DescribeServices", "Resource": "*"}]}))
    (tmp_path / ".ecs-lint.yaml").write_text(
        f"github:\n  repository: myorg/app\nroles:\n  {ROLE}:\n    trust: trust.json\n"
        "    permissions: [policy.json]\n")
    found = {(f.rule, f.file, f.line) for f in lint_folder(tmp_path)
             if f.severity in ("error", "warning")}
    assert ("xref-sub-not-admitted", "trust.json", 1) in found
    assert any(r == "xref-permission-missing" for r, _, _ in found)
    assert any(r == "workflow-id-token-missing" for r, _, _ in found) is not id_token


@pytest.mark.parametrize("role, linked", [
    ("arn:aws:iam::${{ vars.AWS_ACCOUNT_ID }}:role/deploy", True),
    ("arn:aws:iam::${{ vars.AWS_ACCOUNT_ID }}:role/${{ vars.ROLE }}", False),
    ("arn:aws:iam::${{ vars.AWS_ACCOUNT_ID }}:role/other", False),
])
def test_an_arn_with_an_expression_account_links_by_its_role_name(tmp_path, role, linked):
    # the account in a vars reference (what workflow-account-id-hardcoded advises):
    # the role name written in the ARN still names the template's role
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "deploy.yml").write_text(
        textwrap.dedent(oidc_workflow(role=role, on="push")))
    (tmp_path / "roles.yaml").write_text(_NESTED_TRUST_TEMPLATE)  # RoleName: deploy, main only
    (tmp_path / ".ecs-lint.yaml").write_text("github:\n  repository: acme/app\n")
    found = [f for f in lint_folder(tmp_path) if f.rule == "xref-sub-not-admitted"]
    assert bool(found) is linked  # a push to any branch is refused by the main-only trust


@pytest.mark.parametrize("with_, inputs", [
    ("[1, 2]", "{role: {default: x}}"), ("null", "[role]"), ("{role: {a: 1}}", "null"),
    ("{role: '${{ matrix.r }}'}", "{role: 3}"), ("{role: true}", "{role: {default: [1]}}"),
])
def test_odd_callers_and_inputs_of_a_reusable_workflow_never_crash(tmp_path, with_, inputs):
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    (wf / "_deploy.yml").write_text(_CALLED.replace(
        "    inputs:\n      role:\n        type: string\n"
        "        default: arn:aws:iam::123456789012:role/main-deploy\n",
        f"    inputs: {inputs}\n"))
    (wf / "main.yml").write_text(
        "on: push\npermissions:\n  id-token: write\njobs:\n"
        f"  deploy:\n    uses: ./.github/workflows/_deploy.yml\n    with: {with_}\n")
    found = lint_folder(tmp_path)
    assert not [f for f in found if f.rule in ("internal-error", "parse-error")], found


def test_cli_cluster_in_a_step_variable_scopes_describe_tasks(tmp_path):
    # `aws ecs wait tasks-stopped --cluster "$CLUSTER"` with CLUSTER in the step's
    # env: DescribeTasks is authorized on that cluster's tasks, not on its ARN
    from conftest import lint_files

    role = "arn:aws:iam::123456789012:role/deploy"
    wf = textwrap.dedent(f"""\
        on: {{push: {{branches: [main]}}}}
        jobs:
          migrate:
            runs-on: ubuntu-latest
            permissions: {{id-token: write}}
            steps:
              - uses: aws-actions/configure-aws-credentials@v4
                with: {{role-to-assume: "{role}", aws-region: eu-west-1}}
              - env:
                  CLUSTER: prod
                run: aws ecs wait tasks-stopped --cluster "$CLUSTER" --tasks "$TASK"
        """)
    policy = {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Action": "ecs:DescribeTasks",
        "Resource": "arn:aws:ecs:eu-west-1:123456789012:cluster/prod"}]}
    found = [f for f in lint_files(tmp_path, {".github/workflows/m.yml": wf, "p.json": policy},
                                   config=f'roles:\n  "{role}":\n    permissions: [p.json]\n')
             if f.rule == "xref-permission-missing"]
    assert len(found) == 1
    assert "ecs:DescribeTasks on arn:aws:ecs:eu-west-1:123456789012:task/prod/*" in found[0].message


def test_an_input_environment_with_a_default_is_compared_on_every_trigger(tmp_path):
    # `environment: ${{ inputs.environment || 'staging' }}` on push and on a
    # dispatch with a choice: staging on the push, either choice on a dispatch
    import shutil

    case = tmp_path / "case"
    shutil.copytree(Path(__file__).parent / "cases" / "aw" / "01-clean-dispatch-choice-cli-deploy",
                    case)
    assert not [f for f in lint_folder(case) if f.rule.startswith("xref-sub-")]
    trust = next((case / "iam").glob("*trust*.json"))
    trust.write_text(trust.read_text().replace(
        '"repo:larkspur-fin/ledger-api:environment:staging",', ""))
    found = [f for f in lint_folder(case) if f.rule == "xref-sub-not-admitted"]
    assert found and "environment:staging" in found[0].message, found
    assert not [f for f in lint_folder(case) if f.rule == "xref-sub-broader-than-used"]


REUSABLE_DEPLOY = """\
on:
  workflow_call:
    inputs:
      task-definition: {type: string, required: true}
      container: {type: string, default: web}
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - id: render
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: ${{ inputs.task-definition }}
          container-name: ${{ inputs.container }}
          image: repo/web:${{ github.sha }}
"""

CALLERS = """\
on: {push: {branches: [main]}}
jobs:
  web:
    uses: ./.github/workflows/_deploy.yml
    with:
      task-definition: ecs/web.json
  worker:
    uses: ./.github/workflows/_deploy.yml
    with:
      task-definition: %s
      container: %s
"""


@pytest.mark.parametrize("path, container, rule, line", [
    ("ecs/worker-td.json", "worker", "xref-task-definition-missing", 10),
    ("ecs/worker.json", "wroker", "xref-container-name-unknown", 11),
])
def test_a_wrong_input_of_a_reusable_workflow_is_reported_at_the_caller_that_gives_it(
        tmp_path, path, container, rule, line):
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    (wf / "_deploy.yml").write_text(REUSABLE_DEPLOY)
    (wf / "release.yml").write_text(CALLERS % (path, container))
    (tmp_path / "ecs").mkdir()
    for name in ("web", "worker"):
        (tmp_path / "ecs" / f"{name}.json").write_text(json.dumps({
            "family": name, "containerDefinitions": [{"name": name, "image": "x:1"}]}))
    found = [f for f in lint_folder(tmp_path) if f.rule == rule]
    assert [(f.file, f.span.line) for f in found] == [(".github/workflows/release.yml", line)]
    assert found[0].related[0].file == ".github/workflows/_deploy.yml"


def test_a_refused_sub_is_reported_at_the_statement_closest_to_it(tmp_path):
    trust = {"Version": "2012-10-17", "Statement": [
        {**oidc_trust("repo:o/r:ref:refs/heads/main")["Statement"][0], "Sid": "Build"},
        {**oidc_trust("repo:o/r:environment:prod")["Statement"][0], "Sid": "Deploy"}]}
    (tmp_path / "trust.json").write_text(json.dumps(trust, indent=2))
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    (wf / "deploy.yml").write_text(textwrap.dedent(oidc_workflow(environment="production")))
    (tmp_path / ".ecs-lint.yaml").write_text(
        f"github: {{repository: o/r}}\nroles:\n  \"{ROLE}\": {{trust: trust.json}}\n")
    (found,) = [f for f in lint_folder(tmp_path) if f.rule == "xref-sub-not-admitted"]
    lines = (tmp_path / "trust.json").read_text().splitlines()
    assert "environment:prod" in lines[found.span.line - 1]  # not the first statement's


HANDED_ON = """\
on: {push: {branches: [main]}}
permissions: {id-token: write, contents: read}
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::111111111111:role/entry
          aws-region: eu-west-1
      - run: |
%s
      - run: aws ecs update-service --cluster prod --service web --force-new-deployment
"""
ASSUME = """\
          creds=$(aws sts assume-role --role-arn arn:aws:iam::222222222222:role/deploy \\
            --role-session-name gha --query Credentials --output json)
          echo "AWS_ACCESS_KEY_ID=$(echo "$creds" | jq -r .AccessKeyId)" >> "$GITHUB_ENV"
          echo "AWS_SECRET_ACCESS_KEY=$(echo "$creds" | jq -r .SecretAccessKey)" >> "$GITHUB_ENV"
          echo "AWS_SESSION_TOKEN=$(echo "$creds" | jq -r .SessionToken)" >> "$GITHUB_ENV\""""


@pytest.mark.parametrize("script, missing_on", [
    (ASSUME, None),  # the update runs as the deploy role, which may
    (ASSUME.replace('>> "$GITHUB_ENV"', ""), "entry"),  # keys not handed on: the entry role
    ('          echo "AWS_ACCESS_KEY_ID=${{ secrets.K }}" >> "$GITHUB_ENV"', None),  # unknown
])
def test_keys_a_step_exports_are_the_role_of_the_later_steps(tmp_path, script, missing_on):
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    (wf / "deploy.yml").write_text(HANDED_ON % script)
    entry = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]}
    deploy = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "ecs:UpdateService", "Resource": "*"}]}
    (tmp_path / "entry.json").write_text(json.dumps(entry))
    (tmp_path / "deploy.json").write_text(json.dumps(deploy))
    (tmp_path / "trust.json").write_text(json.dumps(oidc_trust("repo:o/r:environment:production")))
    (tmp_path / ".ecs-lint.yaml").write_text(
        "github: {repository: o/r}\nroles:\n"
        "  arn:aws:iam::111111111111:role/entry: {trust: trust.json, permissions: [entry.json]}\n"
        "  arn:aws:iam::222222222222:role/deploy: {permissions: [deploy.json]}\n")
    found = [f for f in lint_folder(tmp_path) if f.rule == "xref-permission-missing"]
    assert [f.file for f in found] == ([f"{missing_on}.json"] if missing_on else [])


def test_an_input_environment_is_no_environment_on_a_push(tmp_path):
    # `environment: ${{ inputs.target }}` on push and dispatch: a push has no
    # inputs, so it runs without an environment and sends the branch sub
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    (wf / "deploy.yml").write_text(textwrap.dedent(oidc_workflow(
        environment="${{ inputs.target }}",
        on="{push: {branches: [main]}, workflow_dispatch: {inputs: {target: "
           "{type: choice, options: [staging, production]}}}}")))
    trust = {"Version": "2012-10-17", "Statement": [oidc_trust(s)["Statement"][0] for s in (
        "repo:o/r:environment:staging", "repo:o/r:environment:production")]}
    (tmp_path / "trust.json").write_text(json.dumps(trust, indent=2))
    (tmp_path / ".ecs-lint.yaml").write_text(
        f"github: {{repository: o/r}}\nroles:\n  \"{ROLE}\": {{trust: trust.json}}\n")
    found = [f for f in lint_folder(tmp_path) if f.rule == "xref-sub-not-admitted"]
    assert len(found) == 1 and "repo:o/r:ref:refs/heads/main" in found[0].message


@pytest.mark.parametrize("on", ["deployment", "push"])
@pytest.mark.parametrize("sub, refused", [
    ("repo:myorg/app:ref:refs/heads/main", True),  # no environment of the repository
    ("repo:myorg/app:environment:production", False),  # it may be production
    ("repo:myorg/app:environment:*", False),
])
def test_an_environment_from_the_event_is_one_unknown_environment(tmp_path, on, sub, refused):
    wf = oidc_workflow(ROLE, "${{ github.event.deployment.environment }}",
                       on=on if on == "deployment" else None)
    found = _repo(tmp_path, wf, sub)
    assert [f.rule for f in found] == (["xref-sub-not-admitted"] if refused else [])
    if refused:
        assert "'repo:myorg/app:environment:NAME'" in found[0].message
        assert "is not known" in found[0].message


@pytest.mark.parametrize("value, arn", [
    ("web:7", "arn:aws:ecs:eu-west-1:1:task-definition/web:7"),
    # a bare family runs its latest ACTIVE revision: its number not known (`FAMILY:*`
    # allows it, and so does a stack's Ref of the task definition)
    ("web-migrate", "arn:aws:ecs:eu-west-1:1:task-definition/web-migrate:<revision>"),
    ("arn:aws:ecs:eu-west-1:1:task-definition/web",
     "arn:aws:ecs:eu-west-1:1:task-definition/web:<revision>"),
    ("arn:aws:ecs:eu-west-1:1:task-definition/web:3", "arn:aws:ecs:eu-west-1:1:task-definition/web:3"),
    ("$TASK_DEF", None),
    ("web:latest", None),
])
def test_the_revision_run_task_is_authorized_on(value, arn):
    from ecs_lint.xref import needs as N

    assert N._task_definition_arn(value, "arn:aws:ecs:eu-west-1:1:") == arn


_GATED = """\
on:
  push:
    branches: ["**"]
jobs:
  image:
    if: github.ref == 'refs/heads/main'
    runs-on: ubuntu-latest
    steps:
      - run: make image
  deploy:
    needs: [image]
    if: {cond}
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: {role}
          aws-region: eu-west-1
"""


@pytest.mark.parametrize("cond, refused", [
    # a needed job that must have succeeded ran: its `if:` held (main only)
    ("${{ !cancelled() && needs.image.result == 'success' }}", False),
    ("always() && 'success' == needs.image.result", False),
    ("success()", False),
    # always() alone: the job runs wherever the workflow runs, any branch
    ("always()", True),
    ("always() && needs.image.result != 'failure'", True),
    # an `||` of a status function: not read, so no 401 is predicted either way
    ("always() || needs.image.result == 'success'", False),
])
def test_a_status_function_keeps_the_needed_jobs_the_if_requires(tmp_path, cond, refused):
    wf = _GATED.replace("{cond}", cond).replace("{role}", ROLE)
    found = _repo(tmp_path, wf, "repo:myorg/app:ref:refs/heads/main")
    assert [f.rule for f in found] == (["xref-sub-not-admitted"] if refused else [])


def _permission_repo(tmp_path, steps, statements, rule):
    """The findings of `rule` for a workflow whose job runs `steps` under ROLE,
    whose permission policy (mapped in config) holds `statements`."""
    (tmp_path / "iam").mkdir()
    (tmp_path / "iam" / "perm.json").write_text(json.dumps(
        {"Version": "2012-10-17", "Statement": statements}))
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "d.yml").write_text(
        textwrap.dedent(oidc_workflow(ROLE, steps=steps)))
    (tmp_path / ".ecs-lint.yaml").write_text(
        f'github:\n  repository: myorg/app\nroles:\n  "{ROLE}":\n    permissions: [iam/perm.json]\n')
    return [f for f in lint_folder(tmp_path) if f.rule == rule]


def test_a_log_group_is_matched_with_and_without_its_suffix():
    from ecs_lint.xref import needs as N

    arn = "arn:aws:logs:eu-west-1:1:log-group:/ecs/api-migrate:*"
    assert N.log_group_forms(arn) == [arn, arn[:-2]]
    other = "arn:aws:ecs:eu-west-1:1:service/c/api"
    assert N.log_group_forms(other) == [other]
    assert N.log_group_forms(None) == [None]


@pytest.mark.parametrize("granted, denied", [
    ("log-group:/ecs/api:*", True),  # the colon: not /ecs/api-migrate
    ("log-group:/ecs/api-migrate:*", False),
    ("log-group:/ecs/api-migrate", False),
    ("log-group:/ecs/*", False),
])
def test_logs_tail_needs_its_own_log_group(tmp_path, granted, denied):
    steps = """\
          - run: aws logs tail /ecs/api-migrate --since 10m
"""
    found = _permission_repo(tmp_path, steps, [{
        "Effect": "Allow", "Action": "logs:FilterLogEvents",
        "Resource": f"arn:aws:logs:eu-west-1:123456789012:{granted}"}], "xref-permission-missing")
    assert bool(found) == denied


@pytest.mark.parametrize("flags, denied", [
    ("--execution-role-arn arn:aws:iam::123456789012:role/exec "
     "--task-role-arn arn:aws:iam::123456789012:role/worker", ["role/worker"]),
    ("--execution-role-arn arn:aws:iam::123456789012:role/exec", []),
    ('--task-role-arn "$TASK_ROLE"', []),  # not known
])
def test_roles_given_as_register_flags_must_be_passable(tmp_path, flags, denied):
    steps = f"""\
          - run: aws ecs register-task-definition --family worker {flags} --container-definitions file://c.json
"""
    found = _permission_repo(tmp_path, steps, [
        {"Effect": "Allow", "Action": "ecs:RegisterTaskDefinition", "Resource": "*"},
        {"Effect": "Allow", "Action": "iam:PassRole",
         "Resource": "arn:aws:iam::123456789012:role/exec"}], "xref-passrole-not-covered")
    assert [d for d in denied if any(d in f.message for f in found)] == denied
    assert len(found) == len(denied)


@pytest.mark.parametrize("target, reported", [
    # an earlier step writes the file the render reads, its name from env
    ("${{ env.TD }}", False),
    ("td.json", False),
    ("other.json", True),
    ("${{ env.OTHER }}", True),
])
def test_a_file_an_earlier_step_writes_through_an_expression_exists(tmp_path, target,
                                                                    reported):
    steps = f"""\
          - run: aws ecs describe-task-definition --task-definition api --query taskDefinition > {target}
          - uses: aws-actions/amazon-ecs-render-task-definition@v1
            with:
              task-definition: ${{{{ env.TD }}}}
              container-name: web
              image: app:1
"""
    wf = oidc_workflow(ROLE, steps=steps).replace(
        "    jobs:", "    env:\n      TD: td.json\n      OTHER: other.json\n    jobs:", 1)
    found = _repo(tmp_path, wf, "repo:myorg/app:ref:refs/heads/main")
    assert ("xref-task-definition-missing" in [f.rule for f in found]) is reported


@pytest.mark.parametrize("checkout, reported", [
    # another repository's files are not read here: nothing to say of its paths
    ("repository: acme/ecs-definitions\n              path: defs", False),
    ("repository: acme/ecs-definitions", False),  # into the workspace itself
    ("repository: ${{ github.repository }}\n              path: defs", True),  # ours
])
def test_a_path_in_another_repositorys_checkout_is_not_checked(tmp_path, checkout, reported):
    steps = f"""\
          - uses: actions/checkout@v4
            with:
              {checkout}
          - uses: aws-actions/amazon-ecs-render-task-definition@v1
            with:
              task-definition: defs/prod/api.json
              container-name: web
              image: app:1
"""
    found = _repo(tmp_path, oidc_workflow(ROLE, steps=steps), "repo:myorg/app:ref:refs/heads/main")
    assert ("xref-task-definition-missing" in [f.rule for f in found]) is reported


@pytest.mark.parametrize("before, reported", [
    ("", True),  # the repository's file is what the render step reads
    # an earlier step overwrites it with the live task definition: not the file read here
    ("          - run: aws ecs describe-task-definition --task-definition api "
     "--query taskDefinition > ops/td.json\n", False),
    ("          - run: aws ecs describe-task-definition --task-definition api | tee ops/td.json\n",
     False),
    ("          - run: cat ops/td.json\n", True),  # only read
])
def test_a_task_definition_file_overwritten_earlier_is_not_checked(tmp_path, before, reported):
    steps = before + """\
          - uses: aws-actions/amazon-ecs-render-task-definition@v1
            with:
              task-definition: ops/td.json
              container-name: api
              image: app:1
"""
    taskdef = {"family": "app", "containerDefinitions": [{"name": "web", "image": "app:1"}]}
    found = _repo(tmp_path, oidc_workflow(ROLE, steps=steps), "repo:myorg/app:ref:refs/heads/main",
                  extra={"ops/td.json": json.dumps(taskdef)})
    assert ("xref-container-name-unknown" in [f.rule for f in found]) is reported


@pytest.mark.parametrize("passable, denied", [
    ("arn:aws:iam::123456789012:role/app-task", True),
    ("arn:aws:iam::123456789012:role/ecsInfrastructureRole", False),
])
def test_a_managed_ebs_volume_passes_its_infrastructure_role_to_ecs(tmp_path, passable, denied):
    steps = """\
          - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
            with:
              task-definition: td.json
              service: api
              cluster: main
              service-managed-ebs-volume-name: scratch
              service-managed-ebs-volume: '{"sizeInGiB": 50, "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole"}'
"""
    found = [f for f in _permission_repo(tmp_path, steps, [
        {"Effect": "Allow", "Action": ["ecs:*"], "Resource": "*"},
        {"Effect": "Allow", "Action": "iam:PassRole", "Resource": passable,
         "Condition": {"StringEquals": {"iam:PassedToService": "ecs.amazonaws.com"}}}],
        "xref-permission-missing") if "iam:PassRole" in f.message]
    assert bool(found) == denied


@pytest.mark.parametrize("image, name", [
    ("public.ecr.aws/acme/cli:1.2.0", "cli"),
    ("public.ecr.aws/acme/tools/cli@sha256:" + "a" * 64, "tools/cli"),
    ("123456789012.dkr.ecr.eu-west-1.amazonaws.com/cli:1", None),
    ("public.ecr.aws/$ALIAS/cli:1", None),
])
def test_an_ecr_public_image_names_its_repository(image, name):
    from ecs_lint.xref import actions as A

    assert A.ecr_public_repository(image) == name


@pytest.mark.parametrize("resource, denied", [
    ("arn:aws:ecr-public::123456789012:repository/cli", False),
    ("arn:aws:ecr-public:us-east-1:123456789012:repository/cli", True),  # no region in its ARN
    ("arn:aws:ecr:us-east-1:123456789012:repository/cli", True),  # private ECR's actions
])
def test_a_push_to_ecr_public_needs_its_own_actions(tmp_path, resource, denied):
    steps = """\
          - uses: aws-actions/amazon-ecr-login@v2
            with: {registry-type: public}
          - run: docker push public.ecr.aws/acme/cli:1.2.0
"""
    action = "ecr-public:*" if "ecr-public" in resource else "ecr:*"
    found = _permission_repo(tmp_path, steps, [
        {"Effect": "Allow", "Action": ["ecr-public:GetAuthorizationToken",
                                       "sts:GetServiceBearerToken"], "Resource": "*"},
        {"Effect": "Allow", "Action": action, "Resource": resource}], "xref-permission-missing")
    assert bool(found) == denied
    assert all("ecr-public:" in f.message for f in found)


def test_a_pull_from_ecr_public_needs_no_permission(tmp_path):
    steps = """\
          - run: docker pull public.ecr.aws/docker/library/node:20-slim
"""
    assert not _permission_repo(tmp_path, steps, [
        {"Effect": "Allow", "Action": "ecs:DescribeServices", "Resource": "*"}],
        "xref-permission-missing")


@pytest.mark.parametrize("with_line, where", [
    # written in the action: fixed there
    ("        task-definition: ops/missing.json", (".github/actions/deploy/action.yml", 9)),
    # given by the caller: fixed at the caller's `with:`
    ("        task-definition: ${{ inputs.td }}", (".github/workflows/deploy.yml", None)),
])
def test_a_composite_actions_own_path_is_reported_in_the_action(tmp_path, with_line, where):
    action = tmp_path / ".github" / "actions" / "deploy"
    action.mkdir(parents=True)
    (action / "action.yml").write_text(f"""\
inputs:
  td: {{default: ops/missing.json}}
runs:
  using: composite
  steps:
    - uses: aws-actions/amazon-ecs-render-task-definition@v1
      with:
        container-name: web
{with_line}
        image: app:1
""")
    steps = """\
          - uses: actions/checkout@v4
          - uses: ./.github/actions/deploy
            with:
              td: ops/missing.json
"""
    found = _repo(tmp_path, oidc_workflow(ROLE, steps=steps), "repo:myorg/app:ref:refs/heads/main")
    (miss,) = [f for f in found if f.rule == "xref-task-definition-missing"]
    assert miss.file == where[0]
    if where[1]:
        assert miss.span.line == where[1]


def test_get_role_output_links_by_its_role_name(tmp_path):
    # `aws iam get-role` output names its role: the workflow's ARN links to it
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "d.yml").write_text(
        textwrap.dedent(oidc_workflow(ROLE, "production")))
    (tmp_path / "iam").mkdir()
    (tmp_path / "iam" / "role.json").write_text(json.dumps({"Role": {
        "RoleName": ROLE.rsplit("/", 1)[1], "Arn": ROLE,
        "AssumeRolePolicyDocument": oidc_trust("repo:myorg/app:ref:refs/heads/main")}}, indent=2))
    (tmp_path / ".ecs-lint.yaml").write_text("github:\n  repository: myorg/app\n")
    found = [f.rule for f in lint_folder(tmp_path) if f.rule.startswith("xref-")]
    assert found == ["xref-sub-not-admitted"]


@pytest.mark.parametrize("inputs, reported", [
    ("task-definition-family: app\n              container-name: api", True),
    ("task-definition-family: app\n              container-name: web", False),
    ("task-definition-arn: arn:aws:ecs:eu-west-1:111122223333:task-definition/app:7\n"
     "              container-name: api", True),
    ("task-definition-family: other\n              container-name: api", False),  # not in files
    ("task-definition-family: ${{ vars.FAMILY }}\n              container-name: api", False),
])
def test_a_render_step_reading_the_registered_family_names_one_of_its_containers(
        tmp_path, inputs, reported):
    steps = f"""\
          - uses: actions/checkout@v4
          - uses: aws-actions/amazon-ecs-render-task-definition@v1
            with:
              {inputs}
              image: app:1
"""
    taskdef = {"family": "app", "containerDefinitions": [{"name": "web", "image": "app:1"}]}
    found = _repo(tmp_path, oidc_workflow(ROLE, steps=steps), "repo:myorg/app:ref:refs/heads/main",
                  extra={"infra/td.json": json.dumps(taskdef)})
    hits = [f for f in found if f.rule == "xref-container-name-unknown"]
    assert bool(hits) is reported
    if reported:
        assert "'web'" in hits[0].message and hits[0].file.endswith("deploy.yml")


@pytest.mark.parametrize("argv, images", [
    (["docker", "buildx", "build", "--push", "-t", "R/app:1", "."], ["R/app:1"]),
    (["docker", "build", "--push", "--tag=R/app:1", "-t", "R/app:latest", "."],
     ["R/app:1", "R/app:latest"]),
    (["docker", "buildx", "build", "--output", "type=image,name=R/app:1,push=true", "-t",
      "R/app:1", "."], ["R/app:1"]),
    (["docker", "buildx", "build", "-o", "type=registry", "-t", "R/app:1", "."], ["R/app:1"]),
    (["docker", "buildx", "build", "--push", "."], [None]),
    # not pushed: loaded into the local daemon, or an image not pushed
    (["docker", "buildx", "build", "--load", "-t", "R/app:1", "."], []),
    (["docker", "buildx", "build", "--output", "type=image,name=R/app:1", "."], []),
    (["docker", "buildx", "build", "--output", "type=docker", "-t", "R/app:1", "."], []),
])
def test_a_pushing_build_needs_the_push_actions_on_each_tag(argv, images):
    found = A.docker_needs(argv)
    assert sorted({(w or "") for _, _, w in found}) == sorted((i or "") for i in images)
    if images:
        assert {a for a, _, _ in found} == set(A.ECR_PUSH)



_TWO_ROLES = """\
on: {push: {branches: [main]}}
jobs:
  release:
    runs-on: ubuntu-latest
    environment: production
    permissions: {id-token: write, contents: read}
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with: {role-to-assume: "arn:aws:iam::210987654321:role/registry", aws-region: eu-west-1}
      - id: ecr
        uses: aws-actions/amazon-ecr-login@v2
      - uses: aws-actions/configure-aws-credentials@v4
        with: {role-to-assume: "arn:aws:iam::958274163015:role/deploy", aws-region: eu-west-1}
%s      - run: docker push 210987654321.dkr.ecr.eu-west-1.amazonaws.com/app:${{ github.sha }}
"""

_LOGIN_AGAIN = ("      - run: aws ecr get-login-password | docker login --username AWS "
                "--password-stdin 210987654321.dkr.ecr.eu-west-1.amazonaws.com\n")


@pytest.mark.parametrize("login_again, reported_on", [
    ("", None),  # the push presents the registry role's ECR token: it may push
    (_LOGIN_AGAIN, "iam/deploy.json"),  # logged in again as the deploy role, which may not
])
def test_a_docker_push_runs_under_the_role_that_logged_in(tmp_path, login_again, reported_on):
    from conftest import lint_folder

    def allow(*statements):
        return json.dumps({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": a, "Resource": r} for a, r in statements]})
    files = {
        ".github/workflows/release.yml": _TWO_ROLES % login_again,
        "iam/registry.json": allow(("ecr:GetAuthorizationToken", "*"), (
            list(A.ECR_PUSH), "arn:aws:ecr:eu-west-1:210987654321:repository/app")),
        "iam/deploy.json": allow(("ecr:GetAuthorizationToken", "*")),
        ".ecs-lint.yaml": "github: {repository: o/r}\nroles:\n"
                          '  "arn:aws:iam::210987654321:role/registry": '
                          "{permissions: [iam/registry.json]}\n"
                          '  "arn:aws:iam::958274163015:role/deploy": '
                          "{permissions: [iam/deploy.json]}\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    found = {f.file for f in lint_folder(tmp_path)
             if f.rule == "xref-permission-missing" and "GetAuthorizationToken" not in f.message}
    assert found == ({reported_on} if reported_on else set())


@pytest.mark.parametrize("sub, broader", [
    # the ids never change and are never reused: other names are this repository renamed
    ("repo:*@61827304/*@902183746:environment:production", False),
    ("repo:*@61827304/*@902183746:*", True),            # any context: broader
    ("repo:*@61827304/*:environment:production", True),  # any repository of the owner
])
def test_an_immutable_sub_with_any_names_is_the_same_repository(tmp_path, sub, broader):
    cfg = ("github:\n  repository: myorg/app\n  subject: immutable\n"
           "  owner-id: 61827304\n  repository-id: 902183746\n")
    trust = oidc_trust(sub)
    cond = trust["Statement"][0]["Condition"]
    cond["StringLike"] = {k: cond["StringEquals"].pop(k) for k in list(cond["StringEquals"])
                          if k.endswith(":sub")}
    (tmp_path / "iam").mkdir()
    (tmp_path / "iam" / "trust.json").write_text(json.dumps(trust, indent=2))
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "deploy.yml").write_text(
        textwrap.dedent(oidc_workflow(ROLE, "production")))
    (tmp_path / ".ecs-lint.yaml").write_text(cfg + f'roles:\n  "{ROLE}":\n    trust: iam/trust.json\n')
    found = [f.rule for f in lint_folder(tmp_path) if f.rule.startswith("xref-sub")]
    assert ("xref-sub-broader-than-used" in found) is broader
    assert "xref-sub-not-admitted" not in found


@pytest.mark.parametrize("render, revisions, reported", [
    ("task-definition-family: app", 1, True),
    ("task-definition-family: app:7", 1, True),  # family:revision
    ("task-definition-arn: arn:aws:ecs:eu-west-1:111122223333:task-definition/app:7", 1, True),
    ("task-definition-family: app", 2, False),  # two revisions in the files: not known which
])
def test_the_deploy_of_a_rendered_family_passes_its_roles(tmp_path, render, revisions, reported):
    steps = f"""\
          - uses: actions/checkout@v4
          - id: render
            uses: aws-actions/amazon-ecs-render-task-definition@v1
            with:
              {render}
              container-name: web
              image: app:1
          - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
            with:
              task-definition: ${{{{ steps.render.outputs.task-definition }}}}
              cluster: c
              service: s
"""
    role = "arn:aws:iam::111122223333:role/app-execution"
    extra = {f"infra/td{i}.json": json.dumps({
        "family": "app", "executionRoleArn": role if i == 0 else role + str(i),
        "containerDefinitions": [{"name": "web", "image": "app:1"}]}) for i in range(revisions)}
    extra["iam/policy.json"] = json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "ecs:*", "Resource": "*"}]})
    cfg = ("github:\n  repository: myorg/app\n")
    _repo(tmp_path, oidc_workflow(ROLE, steps=steps), "repo:myorg/app:ref:refs/heads/main",
          config=cfg, extra=extra)
    (tmp_path / ".ecs-lint.yaml").write_text(
        cfg + f'roles:\n  "{ROLE}":\n    trust: iam/trust.json\n    permissions: [iam/policy.json]\n')
    hits = [f for f in lint_folder(tmp_path) if f.rule == "xref-passrole-not-covered"]
    assert bool(hits) is reported
    if reported:
        assert "app-execution" in hits[0].message


def test_a_refused_immutable_sub_points_at_its_legacy_twin(tmp_path):
    # the production statement still names the repository in the legacy format:
    # the fix is there, not in the staging statement whose text begins alike
    config = ("github:\n  repository: myorg/app\n  subject: immutable\n  owner-id: 123\n"
              "  repository-id: 456\n")
    _repo(tmp_path, oidc_workflow(ROLE, "production"), "x", config=config)
    trust = json.loads((tmp_path / "iam" / "trust.json").read_text())
    stmt = trust["Statement"][0]
    staging = json.loads(json.dumps(stmt))
    staging["Condition"]["StringEquals"]["token.actions.githubusercontent.com:sub"] = \
        "repo:myorg@123/app@456:environment:staging"
    stmt["Condition"]["StringEquals"]["token.actions.githubusercontent.com:sub"] = \
        "repo:myorg/app:environment:production"
    trust["Statement"] = [staging, stmt]
    (tmp_path / "iam" / "trust.json").write_text(json.dumps(trust, indent=2))
    found = [f for f in lint_folder(tmp_path) if f.rule == "xref-sub-not-admitted"]
    assert len(found) == 1
    line = (tmp_path / "iam" / "trust.json").read_text().splitlines()[found[0].span.line - 1]
    assert "repo:myorg/app:environment:production" in line
    assert "legacy format" in found[0].message


@pytest.mark.parametrize("branches, like", [("[main, 'release-*']", True), ("[main, dev]", False)])
def test_the_fix_for_a_refused_pattern_names_stringlike(tmp_path, branches, like):
    found = _repo(tmp_path, oidc_workflow(ROLE, on=f"{{push: {{branches: {branches}}}}}"),
                  "repo:myorg/app:ref:refs/heads/main")
    (miss,) = [f for f in found if f.rule == "xref-sub-not-admitted"]
    assert ("with StringLike" in miss.help) is like, miss.help


@pytest.mark.parametrize("switch", [
    # after a script switches credentials, its calls are another role's
    'export AWS_ACCESS_KEY_ID="$KEY" AWS_SECRET_ACCESS_KEY="$SECRET"',
    "read -r AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN <<< \"$CREDS\"",
    'eval "$(aws configure export-credentials --profile prod --format env)"',
    "export AWS_PROFILE=prod",
])
def test_an_inline_script_stops_at_a_credential_switch(tmp_path, switch):
    steps = f"""\
          - run: |
              {switch}
              aws ecs update-service --cluster c --service s --force-new-deployment
"""
    policy = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "ecs:RegisterTaskDefinition", "Resource": "*"}]}
    assert _permission_findings(tmp_path, steps, policy) == []


@pytest.mark.parametrize("target, missing", [
    ("arn:aws:iam::123456789012:role/staging-deployer", False),
    ("arn:aws:iam::999999999999:role/prod-deployer", True),  # not in the policy's Resource
])
def test_sts_assume_role_is_checked_on_its_role_arn(tmp_path, target, missing):
    steps = f"""\
          - run: |
              CREDS=$(aws sts assume-role --role-arn {target} --role-session-name d)
"""
    policy = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "sts:AssumeRole",
         "Resource": "arn:aws:iam::123456789012:role/staging-deployer"}]}
    found = _permission_findings(tmp_path, steps, policy)
    assert bool(found) is missing, [f.message for f in found]


@pytest.mark.parametrize("allowed, missing", [
    ("task-definition/migrate:*", False),
    ("task-definition/app:*", True),  # the revision run is the migrate family's
])
def test_run_task_of_the_revision_the_deploy_action_registered(tmp_path, allowed, missing):
    (tmp_path / "ecs").mkdir()
    (tmp_path / "ecs" / "migrate.json").write_text(json.dumps(
        {"family": "migrate", "containerDefinitions": [{"name": "m", "image": "x:1"}]}))
    steps = """\
          - id: reg
            uses: aws-actions/amazon-ecs-deploy-task-definition@v2
            with:
              task-definition: ecs/migrate.json
          - env:
              TD: ${{ steps.reg.outputs.task-definition-arn }}
            run: aws ecs run-task --cluster prod --task-definition "$TD"
"""
    policy = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "ecs:RegisterTaskDefinition", "Resource": "*"},
        {"Effect": "Allow", "Action": "ecs:RunTask",
         "Resource": f"arn:aws:ecs:eu-west-1:123456789012:{allowed}"}]}
    found = [f for f in _permission_findings(tmp_path, steps, policy)
             if "ecs:RunTask" in f.message]
    assert bool(found) is missing, [f.message for f in found]


@pytest.mark.parametrize("image, allowed, missing", [
    # a tag not known still names the repository pushed to
    ("public.ecr.aws/acme/app", "ecr-public", False),
    ("public.ecr.aws/acme/app", "ecr", True),
    ("123456789012.dkr.ecr.eu-west-1.amazonaws.com/app", "ecr", False),
])
def test_a_push_whose_tag_is_unknown_names_its_repository(tmp_path, image, allowed, missing):
    steps = f"""\
          - env:
              IMAGE: {image}
            run: docker push "$IMAGE:edge-$GITHUB_RUN_NUMBER"
"""
    resource = "arn:aws:ecr-public::123456789012:repository/app" if allowed == "ecr-public" \
        else "arn:aws:ecr:eu-west-1:123456789012:repository/app"
    policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [
        f"{allowed}:{a}" for a in ("BatchCheckLayerAvailability", "InitiateLayerUpload",
                                   "UploadLayerPart", "CompleteLayerUpload", "PutImage")],
        "Resource": resource}]}
    found = _permission_findings(tmp_path, steps, policy)
    assert bool(found) is missing, [f.message for f in found]


@pytest.mark.parametrize("witness, used, same", [
    ("repo:o/r:environment:production eu", ["repo:o/r:environment:Production EU"], True),
    ("repo:o/r:environment:staging", ["repo:o/r:environment:Production"], False),
    ("repo:o/r:ref:refs/heads/MAIN", ["repo:o/r:ref:refs/heads/main"], False),  # branches: no
])
def test_an_environment_in_another_case_is_the_same_environment(witness, used, same):
    from ecs_lint.rules.xref import _same_but_case

    assert _same_but_case(witness, used) is same


def test_an_include_row_without_the_environment_key_has_no_environment(tmp_path):
    wf = oidc_workflow(ROLE, "${{ matrix.environment }}").replace(
        "runs-on: ubuntu-latest",
        "runs-on: ubuntu-latest\n        strategy:\n          matrix:\n            include:\n"
        "              - {environment: production}\n              - {target: loadtest}")
    found = _repo(tmp_path, wf, "repo:myorg/app:environment:production")
    # the loadtest row sends the branch, which the trust refuses
    assert [f.rule for f in found] == ["xref-sub-not-admitted"]
    assert "ref:refs/heads/main" in found[0].message


@pytest.mark.parametrize("allowed, missing", [("ecr-public", False), ("ecr", True)])
def test_build_push_action_to_ecr_public_needs_its_actions(tmp_path, allowed, missing):
    steps = """\
          - uses: docker/build-push-action@v6
            with:
              push: true
              tags: public.ecr.aws/acme/app:${{ github.sha }}
"""
    resource = "arn:aws:ecr-public::123456789012:repository/app" if allowed == "ecr-public" \
        else "arn:aws:ecr:eu-west-1:123456789012:repository/app"
    policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [
        f"{allowed}:{a}" for a in ("BatchCheckLayerAvailability", "InitiateLayerUpload",
                                   "UploadLayerPart", "CompleteLayerUpload", "PutImage")],
        "Resource": resource}]}
    found = _permission_findings(tmp_path, steps, policy)
    assert bool(found) is missing, [f.message for f in found]
    assert all("ecr-public:" in f.message for f in found)


@pytest.mark.parametrize("make, reported", [
    # gg/06: the registered file is made from the repository's file by jq
    ("jq --arg IMAGE \"$IMAGE\" '.containerDefinitions[0].image = $IMAGE' ecs/td.json > out.json",
     True),
    ("jq '.containerDefinitions[0].image = env.IMAGE' < ecs/td.json > out.json", True),
    ("cat ecs/td.json | jq '.containerDefinitions[0].image = \"x\"' > out.json", True),
    ("cp ecs/td.json out.json", True),
    # hw/06: a template's variables filled in by envsubst, its roles as written
    ("envsubst '${IMAGE}' < ecs/td.json > out.json", True),
    ("cat ecs/td.json | envsubst > out.json", True),
    # the family's registered revision, whose one file is ecs/td.json (gm/08)
    ("aws ecs describe-task-definition --task-definition app:3 --query taskDefinition"
     " > out.json", True),
    # the filter sets the roles: what is registered is not the file's
    ("jq '.taskRoleArn = env.ROLE' ecs/td.json > out.json", False),
    # written from elsewhere, or from a source not known
    ("echo \"$TASK_DEFINITION\" > out.json", False),
    ("jq . \"$SRC\" > out.json", False),
])
def test_a_task_definition_made_from_a_file_passes_its_roles(tmp_path, make, reported):
    steps = f"""\
          - uses: actions/checkout@v4
          - run: |
              {make}
              aws ecs register-task-definition --cli-input-json file://out.json
"""
    extra = {"ecs/td.json": json.dumps({
        "family": "app", "taskRoleArn": "arn:aws:iam::111122223333:role/app-task",
        "containerDefinitions": [{"name": "web", "image": "app:1"}]})}
    extra["iam/policy.json"] = json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "ecs:*", "Resource": "*"}]})
    cfg = ("github:\n  repository: myorg/app\n")
    _repo(tmp_path, oidc_workflow(ROLE, steps=steps), "repo:myorg/app:ref:refs/heads/main",
          config=cfg, extra=extra)
    (tmp_path / ".ecs-lint.yaml").write_text(
        cfg + f'roles:\n  "{ROLE}":\n    trust: iam/trust.json\n    permissions: [iam/policy.json]\n')
    hits = [f for f in lint_folder(tmp_path) if f.rule == "xref-passrole-not-covered"]
    assert bool(hits) is reported
    if reported:
        assert "app-task" in hits[0].message


@pytest.mark.parametrize("on", ["pull_request_review", "pull_request_review_comment",
                                "pull_request"])
def test_a_review_event_sends_the_environment_of_its_job(tmp_path, on):
    # gf/06: the job's environment wins over the pull request context
    found = _repo(tmp_path, oidc_workflow(ROLE, "preview", on=f"[{on}]"),
                  "repo:myorg/app:pull_request")
    assert [f.rule for f in found] == ["xref-sub-not-admitted"]
    assert "environment:preview" in found[0].message


@pytest.mark.parametrize("environment, subs, refused", [
    # gf/04: a condition not known picks one of two names: both are sent
    ("${{ github.event.release.prerelease && 'staging' || 'production' }}",
     ["repo:myorg/app:environment:production"], "environment:staging"),
    ("${{ github.event.release.prerelease && 'staging' || 'production' }}",
     ["repo:myorg/app:environment:production", "repo:myorg/app:environment:staging"], None),
    ("${{ (inputs.x == 'a') && 'qa' || github.event.release.draft && 'uat' || 'production' }}",
     ["repo:myorg/app:environment:production", "repo:myorg/app:environment:qa"],
     "environment:uat"),
    # `cond && '' || 'x'` is always 'x'
    ("${{ github.event.release.prerelease && '' || 'production' }}",
     ["repo:myorg/app:environment:production"], None),
])
def test_an_environment_chosen_by_an_unknown_condition(tmp_path, environment, subs, refused):
    wf = oidc_workflow(ROLE, f'"{environment}"', on="[release]")
    found = _repo(tmp_path, wf, subs)
    not_admitted = [f for f in found if f.rule == "xref-sub-not-admitted"]
    assert [refused in f.message for f in not_admitted] == ([True] if refused else [])


@pytest.mark.parametrize("branches, subs, refused", [
    # gf/10: `environment: ${{ github.ref_name }}` on pushes to named branches
    ("[develop, main]", ["repo:myorg/app:environment:main"], "environment:develop"),
    ("[develop, main]", ["repo:myorg/app:environment:main",
                         "repo:myorg/app:environment:develop"], None),
    ("['release/*']", ["repo:myorg/app:environment:main"], None),  # not named one by one
])
def test_an_environment_named_after_the_pushed_branch(tmp_path, branches, subs, refused):
    wf = oidc_workflow(ROLE, '"${{ github.ref_name }}"',
                       on=f"\n      push:\n        branches: {branches}")
    found = _repo(tmp_path, wf, subs)
    not_admitted = [f for f in found if f.rule == "xref-sub-not-admitted"]
    assert [refused in f.message for f in not_admitted] == ([True] if refused else [])


def test_another_repositorys_reusable_workflow_counts_as_using_every_role(tmp_path):
    # gf/08: the called jobs send the caller's refs or an environment sub, no
    # other branch: a trust of every branch is still broader than used
    wf = oidc_workflow(ROLE).rstrip() + """
      migrate:
        permissions:
          id-token: write
        uses: myorg/shared/.github/workflows/run-task.yml@v1
    """
    def like(subs):
        trust = oidc_trust(subs)
        cond = trust["Statement"][0]["Condition"]
        cond["StringLike"] = {k: cond["StringEquals"].pop(k) for k in list(cond["StringEquals"])
                              if k.endswith(":sub")}
        return {"iam/trust.json": json.dumps(trust)}
    found = _repo(tmp_path, wf, None, extra=like("repo:myorg/app:ref:refs/heads/*"))
    found = [f for f in found if f.rule == "xref-sub-broader-than-used"]
    assert len(found) == 1
    assert "myorg/shared/.github/workflows/run-task.yml" in found[0].message
    assert "'repo:myorg/app:environment:*'" in found[0].message
    # and a trust of the branch and every environment is not broader
    other = tmp_path / "again"
    other.mkdir()
    found = _repo(other, wf, None, extra=like(["repo:myorg/app:ref:refs/heads/main",
                                               "repo:myorg/app:environment:*"]))
    assert "xref-sub-broader-than-used" not in [f.rule for f in found]


@pytest.mark.parametrize("uses, with_, expected", [
    # gp/06: docker/login-action given an ECR registry and no password asks
    # ECR for a token with the job's credentials
    ("docker/login-action@v3", {"registry": "123456789012.dkr.ecr.eu-west-1.amazonaws.com"},
     [("ecr:GetAuthorizationToken", "docker/login-action")]),
    ("docker/login-action@v3", {"registry": "public.ecr.aws"},
     [("ecr-public:GetAuthorizationToken", "docker/login-action (public)"),
      ("sts:GetServiceBearerToken", "docker/login-action (public)")]),
    # keys of their own, or another registry: not the role's call
    ("docker/login-action@v3", {"registry": "123456789012.dkr.ecr.eu-west-1.amazonaws.com",
                                "username": "${{ secrets.KEY_ID }}",
                                "password": "${{ secrets.SECRET }}"}, []),
    ("docker/login-action@v3", {"registry": "ghcr.io"}, []),
    ("aws-actions/amazon-ecr-login@v2", {}, [("ecr:GetAuthorizationToken",
                                              "aws-actions/amazon-ecr-login")]),
])
def test_ecr_logins(uses, with_, expected):
    assert A.action_step_needs(uses, with_) == expected


def test_a_task_definition_a_repository_script_registers_passes_its_roles(tmp_path):
    # gp/09: `./scripts/deploy.sh` registers ecs/td.json (through jq)
    steps = """\
          - uses: actions/checkout@v4
          - run: ./scripts/deploy.sh
"""
    extra = {"ecs/td.json": json.dumps({
        "family": "app", "taskRoleArn": "arn:aws:iam::111122223333:role/app-task",
        "containerDefinitions": [{"name": "web", "image": "app:1"}]}),
        "iam/policy.json": json.dumps({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "ecs:*", "Resource": "*"}]}),
        "scripts/deploy.sh": "#!/bin/sh\nset -e\n"
                             "jq '.containerDefinitions[0].image = \"x\"' ecs/td.json > out.json\n"
                             "aws ecs register-task-definition --cli-input-json file://out.json\n"}
    cfg = "github:\n  repository: myorg/app\n"
    _repo(tmp_path, oidc_workflow(ROLE, steps=steps), "repo:myorg/app:ref:refs/heads/main",
          config=cfg, extra=extra)
    (tmp_path / ".ecs-lint.yaml").write_text(
        cfg + f'roles:\n  "{ROLE}":\n    trust: iam/trust.json\n    permissions: [iam/policy.json]\n')
    hits = [f for f in lint_folder(tmp_path) if f.rule == "xref-passrole-not-covered"]
    assert len(hits) == 1 and "app-task" in hits[0].message


REUSABLE_AUDIENCE = """\
on:
  workflow_call:
    inputs:
      audience: {type: string, default: %s}
jobs:
  deploy:
    runs-on: ubuntu-latest
    permissions: {id-token: write}
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: %s
          aws-region: eu-west-1
          audience: ${{ inputs.audience }}
"""


@pytest.mark.parametrize("default, passed, unexpected", [
    # gi/02: the audience a reusable workflow's input gives: the caller's, else the default
    ("my-audience", None, True),
    ("sts.amazonaws.com", None, False),
    ("sts.amazonaws.com", "my-audience", True),
    ("my-audience", "sts.amazonaws.com", False),
    ("my-audience", "${{ vars.AUDIENCE }}", False),  # not known: not reported
])
def test_the_audience_of_a_reusable_workflows_input(tmp_path, default, passed, unexpected):
    caller = f"""\
    on: {{push: {{branches: [main]}}}}
    jobs:
      call:
        permissions: {{id-token: write}}
        uses: ./.github/workflows/deploy-reusable.yml
    """ + (f"    with:\n          audience: '{passed}'\n" if passed else "")
    found = _repo(tmp_path, caller, "repo:myorg/app:ref:refs/heads/main",
                  extra={".github/workflows/deploy-reusable.yml":
                         REUSABLE_AUDIENCE % (default, ROLE)})
    found = [f for f in lint_folder(tmp_path) if f.rule == "trust-aud-unexpected"]
    assert bool(found) is unexpected


def test_a_statement_without_a_sub_condition_is_broader_than_used(tmp_path):
    # gm/10: no sub condition admits every sub (trust-sub-missing): broader than
    # the one the job sends, reported at the statement's conditions
    trust = oidc_trust("x")
    del trust["Statement"][0]["Condition"]["StringEquals"][
        "token.actions.githubusercontent.com:sub"]
    found = _repo(tmp_path, oidc_workflow(ROLE, "production"), None,
                  extra={"iam/trust.json": json.dumps(trust, indent=2)})
    broader = [f for f in found if f.rule == "xref-sub-broader-than-used"]
    assert len(broader) == 1
    assert broader[0].span.line == 10  # "Condition": {
    assert "add a sub condition" in broader[0].help
    assert "environment:production" in broader[0].help


def test_a_job_without_an_audience_input_asks_for_sts_whatever_the_config(tmp_path):
    # gt/04: the config's audience is what workflows ask for when none is read;
    # configure-aws-credentials without `audience:` asks for sts.amazonaws.com
    trust = oidc_trust("repo:myorg/app:ref:refs/heads/main")
    trust["Statement"][0]["Condition"]["StringEquals"][
        "token.actions.githubusercontent.com:aud"] = "custom-aud"
    _repo(tmp_path, oidc_workflow(ROLE), None,
          config="github:\n  repository: myorg/app\n  audience: custom-aud\n",
          extra={"iam/trust.json": json.dumps(trust, indent=2)})
    found = [f for f in lint_folder(tmp_path) if f.rule == "trust-aud-unexpected"]
    assert len(found) == 1 and "sts.amazonaws.com" in found[0].message


@pytest.mark.parametrize("family, reported", [("app", True), ("other", False)])
def test_the_deploy_of_a_downloaded_task_definition_passes_its_familys_roles(
        tmp_path, family, reported):
    # gm/08: AWS's own pattern: describe the registered revision, render, deploy
    steps = f"""\
          - run: |
              aws ecs describe-task-definition --task-definition {family} \\
                --query taskDefinition > task-definition.json
          - id: render
            uses: aws-actions/amazon-ecs-render-task-definition@v1
            with:
              task-definition: task-definition.json
              container-name: web
              image: app:1
          - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
            with:
              task-definition: ${{{{ steps.render.outputs.task-definition }}}}
              cluster: c
              service: s
"""
    extra = {"ecs/td.json": json.dumps({
        "family": "app", "taskRoleArn": "arn:aws:iam::111122223333:role/app-task",
        "containerDefinitions": [{"name": "web", "image": "app:1"}]}),
        "iam/policy.json": json.dumps({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "ecs:*", "Resource": "*"}]})}
    cfg = "github:\n  repository: myorg/app\n"
    _repo(tmp_path, oidc_workflow(ROLE, steps=steps), "repo:myorg/app:ref:refs/heads/main",
          config=cfg, extra=extra)
    (tmp_path / ".ecs-lint.yaml").write_text(
        cfg + f'roles:\n  "{ROLE}":\n    trust: iam/trust.json\n    permissions: [iam/policy.json]\n')
    hits = [f for f in lint_folder(tmp_path) if f.rule == "xref-passrole-not-covered"]
    assert bool(hits) is reported


@pytest.mark.parametrize("extra_sub, witness", [
    # gq/06: `prod-*` under StringEquals matches only itself, a sub GitHub never
    # sends: not broader than used (trust-sub-wildcard-in-equals says what is wrong)
    (None, None),
    ("repo:myorg/app:environment:dev", "repo:myorg/app:environment:dev"),
])
def test_a_wildcard_compared_literally_is_not_broader_than_used(tmp_path, extra_sub, witness):
    subs = ["repo:myorg/app:environment:production", "repo:myorg/app:environment:prod-*"]
    found = _repo(tmp_path, oidc_workflow(ROLE, "production"),
                  subs + ([extra_sub] if extra_sub else []))
    broader = [f for f in found if f.rule == "xref-sub-broader-than-used"]
    assert [witness in f.message for f in broader] == ([True] if witness else [])


@pytest.mark.parametrize("argv, expected", [
    # gr/02: a copy pulls its source and pushes its destination
    (["crane", "copy", "a/src:1", "b/dst:1"],
     [(a, "crane copy", "a/src:1") for a in A.ECR_PULL]
     + [(a, "crane copy", "b/dst:1") for a in A.ECR_PUSH]),
    (["skopeo", "copy", "--all", "docker://a/src:1", "docker://b/dst:1"],
     [(a, "skopeo copy", "a/src:1") for a in A.ECR_PULL]
     + [(a, "skopeo copy", "b/dst:1") for a in A.ECR_PUSH]),
    (["regctl", "image", "copy", "a/src:1", "b/dst:1"],
     [(a, "regctl copy", "a/src:1") for a in A.ECR_PULL]
     + [(a, "regctl copy", "b/dst:1") for a in A.ECR_PUSH]),
    (["skopeo", "copy", "docker://a/src:1", "dir:/tmp/x"], []),  # not to a registry
    (["crane", "digest", "a/src:1"], []),
])
def test_registry_copies(argv, expected):
    assert A.docker_needs(argv) == expected


REUSABLE_RENDER = """\
on:
  workflow_call:
    inputs:
      container-name: {type: string, required: true}
      task-definition: {type: string, required: true}
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: actions/checkout@v4
      - uses: aws-actions/amazon-ecs-render-task-definition@v1
        id: r
        with:
          task-definition: ${{ inputs.task-definition }}
          container-name: ${{ inputs.container-name }}
          image: app:${{ github.sha }}
"""


@pytest.mark.parametrize("exporter_container, reported", [("exporter", True),
                                                           ("s3-exporter", False)])
def test_a_matrix_calling_job_passes_each_rows_values(tmp_path, exporter_container, reported):
    # gu/06: `container-name: ${{ matrix.container }}` in a call, one call per row
    caller = f"""\
    on: {{push: {{branches: [main]}}}}
    jobs:
      deploy:
        strategy:
          matrix:
            include:
              - {{container: api, file: ecs/api.json}}
              - {{container: {exporter_container}, file: ecs/exporter.json}}
        uses: ./.github/workflows/_render.yml
        with:
          container-name: ${{{{ matrix.container }}}}
          task-definition: ${{{{ matrix.file }}}}
    """
    extra = {".github/workflows/_render.yml": REUSABLE_RENDER,
             "ecs/api.json": json.dumps({"family": "api", "containerDefinitions": [
                 {"name": "api", "image": "a:1"}]}),
             "ecs/exporter.json": json.dumps({"family": "exp", "containerDefinitions": [
                 {"name": "s3-exporter", "image": "e:1"}]})}
    found = _repo(tmp_path, caller, "repo:myorg/app:environment:production", extra=extra)
    hits = [f for f in found if f.rule == "xref-container-name-unknown"]
    assert bool(hits) is reported
    assert all("'exporter'" in f.message for f in hits)


SHARED_TRUST_TF = """\
data "aws_iam_policy_document" "github" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:myorg/app:ref:refs/heads/main"]
    }
  }
}

resource "aws_iam_role" "push" {
  name               = "app-push"
  assume_role_policy = data.aws_iam_policy_document.github.json
}

resource "aws_iam_role" "deploy" {
  name               = "app-deploy"
  assume_role_policy = data.aws_iam_policy_document.github.json
}

resource "aws_iam_role_policy" "deploy" {
  role = aws_iam_role.deploy.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["ecs:UpdateService"], Resource = "*" }]
  })
}
"""


def test_roles_that_share_a_trust_document_are_each_linked(tmp_path):
    # hc/09: the second role of a shared aws_iam_policy_document is a role too
    (tmp_path / "infra").mkdir()
    (tmp_path / "infra" / "iam.tf").write_text(SHARED_TRUST_TF)
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "d.yml").write_text(textwrap.dedent(oidc_workflow(
        "arn:aws:iam::123456789012:role/app-deploy", steps="""\
          - run: aws ecs describe-services --cluster c --services s
""")))
    (tmp_path / ".ecs-lint.yaml").write_text("github:\n  repository: myorg/app\n")
    found = [f for f in lint_folder(tmp_path) if f.rule == "xref-permission-missing"]
    assert len(found) == 1 and "ecs:DescribeServices" in found[0].message


@pytest.mark.parametrize("cluster, group, reported", [
    # hf/04: the action builds AppECS-/DgpECS- names from the cluster input as written
    ("prod", "AppECS-prod-web/DgpECS-prod-web", False),
    ("arn:aws:ecs:eu-west-1:123456789012:cluster/prod", "AppECS-prod-web/DgpECS-prod-web", True),
])
def test_codedeploys_default_names_follow_the_cluster_input(tmp_path, cluster, group, reported):
    steps = f"""\
          - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
            with:
              task-definition: td.json
              service: web
              cluster: {cluster}
              codedeploy-appspec: appspec.yaml
"""
    base = "arn:aws:codedeploy:eu-west-1:123456789012:"
    extra = {"td.json": json.dumps({"family": "web", "containerDefinitions": [
        {"name": "web", "image": "web:1"}]}),
        "iam/policy.json": json.dumps({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": ["ecs:*"], "Resource": "*"},
            {"Effect": "Allow", "Action": ["codedeploy:*"],
             "Resource": [base + "deploymentgroup:" + group, base + "application:*",
                          base + "deploymentconfig:*"]}]})}
    cfg = "github:\n  repository: myorg/app\n"
    _repo(tmp_path, oidc_workflow(ROLE, steps=steps), "repo:myorg/app:ref:refs/heads/main",
          config=cfg, extra=extra)
    (tmp_path / ".ecs-lint.yaml").write_text(
        cfg + f'roles:\n  "{ROLE}":\n    trust: iam/trust.json\n    permissions: [iam/policy.json]\n')
    hits = [f for f in lint_folder(tmp_path) if f.rule == "xref-permission-missing"
            and "codedeploy:" in f.message]
    assert bool(hits) is reported


@pytest.mark.parametrize("container_condition, allows_describe, missing", [
    ("web", True, []),
    ("worker", True, ["ecs:ExecuteCommand"]),  # ecs:container-name is the --container
    (None, False, ["ecs:DescribeTasks"]),  # the CLI describes the task for its session
])
def test_execute_command_needs(tmp_path, container_condition, allows_describe, missing):
    steps = """\
          - run: >-
              aws ecs execute-command --cluster prod --task "$TASK"
              --container web --interactive --command "rake db:seed"
"""
    exec_stmt = {"Effect": "Allow", "Action": "ecs:ExecuteCommand", "Resource": "*"}
    if container_condition:
        exec_stmt["Condition"] = {"StringEquals": {"ecs:container-name": container_condition}}
    stmts = [exec_stmt]
    if allows_describe:
        stmts.append({"Effect": "Allow", "Action": "ecs:DescribeTasks",
                      "Resource": "arn:aws:ecs:eu-west-1:123456789012:task/prod/*"})
    found = _permission_findings(tmp_path, steps, {"Version": "2012-10-17", "Statement": stmts})
    assert _missing_actions(found, ("ecs:ExecuteCommand", "ecs:DescribeTasks")) == missing, found


def _missing_actions(found, actions) -> list:
    """The `actions` the findings say ROLE is not allowed, in the findings' order."""
    return [a for f in found for a in actions
            if re.match(rf"role {re.escape(ROLE)} is not allowed {re.escape(a)}\b", f.message)]


def test_pull_request_target_runs_on_its_base_branch():
    def sent(triggers):
        refs = P.refs_of_triggers(triggers, "main")
        return P._with_pull_requests(P.EMPTY, refs, True)

    target = sent({"pull_request_target": {"branches": ["release/**"]}})
    assert P.contains(target, "refs/heads/release/1.2")
    assert not P.contains(target, "refs/pull/7/merge") and not P.contains(target, "refs/heads/x")
    assert P.contains(sent({"pull_request_target": None}), "refs/heads/x")
    assert P.contains(sent({"pull_request": None}), "refs/pull/7/merge")
    assert not P.contains(sent({"pull_request": None}), "refs/heads/main")


@pytest.mark.parametrize("condition, triggers, ref, runs", [
    ("github.ref_type == 'tag'", {"create": None}, "refs/tags/v1", True),
    ("github.ref_type == 'tag'", {"create": None}, "refs/heads/v1", False),
    ("github.ref_type == 'branch'", {"pull_request": None}, "refs/pull/3/merge", True),
    # on a delete, github.event.ref is the deleted ref: the run is on the default branch
    ("startsWith(github.event.ref, 'preview/')", {"delete": None}, "refs/heads/main", True),
    ("startsWith(github.event.ref, 'preview/')", {"push": None}, "refs/heads/main", None),
])
def test_if_ref_tests_by_event(condition, triggers, ref, runs):
    n = P.narrowing(condition, None, triggers)
    if runs is None:  # not read as a test of the run's ref: not understood
        assert not n.understood
        return
    assert n.understood
    assert (n.refs is None or P.contains(n.refs, ref)) is runs


@pytest.mark.parametrize("argv, wanted", [
    # hr/01: crane tag reads the manifest and puts it back under the new tag
    ("crane tag R/app:abc stable", [("ecr:BatchGetImage", "R/app:abc"),
                                     ("ecr:PutImage", "R/app:stable")]),
    ("crane tag R/app@sha256:1f stable", [("ecr:BatchGetImage", "R/app@sha256:1f"),
                                          ("ecr:PutImage", "R/app:stable")]),
    # hr/09: a manifest list pushed, an index made from sources
    ("docker manifest push R/app:latest", [(a, "R/app:latest") for a in A.ECR_PUSH]),
    ("docker manifest create R/app:latest R/app:a", []),
    ("docker buildx imagetools create -t R/app:v1 R/app:a",
     [("ecr:BatchGetImage", "R/app:a")] + [(a, "R/app:v1") for a in A.ECR_PUSH]),
])
def test_registry_commands_needs(argv, wanted):
    assert [(a, image) for a, _, image in A.docker_needs(argv.split())] == wanted


def test_bake_set_tags():
    assert A.bake_tags("api.tags=R/api:1\n*.platform=linux/amd64\nworker.tags = R/w:1\n") \
        == ["R/api:1", "R/w:1"]
    assert A.bake_tags(None) == [] and A.bake_tags("tags") == []


@pytest.mark.parametrize("target, skip_tags, missing", [
    # hq/02, hq/05: the chain step asks the role before it, in another account
    ("arn:aws:iam::999999999999:role/prod-deployer", False, ["sts:AssumeRole", "sts:TagSession"]),
    ("arn:aws:iam::999999999999:role/prod-deployer", True, ["sts:AssumeRole"]),
    # in one account the target's trust policy naming the caller may be enough
    ("arn:aws:iam::123456789012:role/prod-deployer", False, []),
])
def test_role_chaining_needs_of_the_role_before(tmp_path, target, skip_tags, missing):
    steps = f"""\
          - uses: aws-actions/configure-aws-credentials@v4
            with:
              role-to-assume: "{target}"
              role-chaining: true
              role-skip-session-tagging: {str(skip_tags).lower()}
              aws-region: eu-west-1
"""
    policy = {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Action": "ecs:ListClusters", "Resource": "*"}]}
    found = _permission_findings(tmp_path, steps, policy)
    assert _missing_actions(found, ("sts:AssumeRole", "sts:TagSession")) == missing
    assert all(f" on {target}" in f.message for f in found)


@pytest.mark.parametrize("pinned, refused", [
    ("deploy.yml", True),  # hx/08: the claim is the workflow's name, not its file
    ("Deploy parcels", False),
    ("Deploy *", False),
])
def test_the_workflow_claim_is_the_workflows_name(tmp_path, pinned, refused):
    from conftest import lint_files

    role = "arn:aws:iam::123456789012:role/deploy"
    wf = textwrap.dedent(f"""\
        name: Deploy parcels
        on: {{push: {{branches: [main]}}}}
        jobs:
          deploy:
            runs-on: ubuntu-latest
            permissions: {{id-token: write}}
            steps:
              - uses: aws-actions/configure-aws-credentials@v4
                with: {{role-to-assume: "{role}", aws-region: eu-west-1}}
        """)
    gh = "token.actions.githubusercontent.com"
    condition = {"StringEquals": {f"{gh}:aud": "sts.amazonaws.com",
                                  f"{gh}:sub": "repo:o/r:ref:refs/heads/main"}}
    op = "StringLike" if "*" in pinned else "StringEquals"
    condition.setdefault(op, {})[f"{gh}:workflow"] = pinned
    trust = {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow",
        "Principal": {"Federated": f"arn:aws:iam::123456789012:oidc-provider/{gh}"},
        "Action": "sts:AssumeRoleWithWebIdentity", "Condition": condition}]}
    found = [f for f in lint_files(tmp_path, {".github/workflows/d.yml": wf, "t.json": trust},
                                   config=f'github: {{repository: o/r}}\nroles:\n  "{role}":\n'
                                          '    trust: t.json\n')
             if f.rule == "xref-sub-not-admitted"]
    assert bool(found) is refused
    if refused:
        assert "workflow 'Deploy parcels'" in found[0].message


@pytest.mark.parametrize("args, allowed, missing", [
    # ia/02: silintl's script describes, registers, updates and watches
    ("-c prod -n api -i r/api:1", ["ecs:RegisterTaskDefinition", "ecs:UpdateService",
                                    "ecs:DescribeServices"],
     ["ecs:DescribeTaskDefinition", "ecs:ListTasks", "ecs:DescribeTasks"]),
    ("-c prod -n api -i r/api:1", ["ecs:*"], []),
    ("-d api -i r/api:1", ["ecs:RegisterTaskDefinition"], ["ecs:DescribeTaskDefinition"]),
])
def test_silintl_ecs_deploy_needs(tmp_path, args, allowed, missing):
    policy = {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Action": allowed, "Resource": "*"}]}
    found = _permission_findings(tmp_path, f"          - run: ./ecs-deploy {args}\n", policy)
    assert sorted(_missing_actions(found, missing)) == sorted(missing)
    assert len(found) == len(missing)


@pytest.mark.parametrize("arn, family", [
    ("arn:aws:ecs:eu-west-1:123456789012:task-definition/fleet:7", "fleet"),
    # hw/07: a revision written with an expression still names the family
    ("arn:aws:ecs:${{ env.R }}:${{ vars.A }}:task-definition/fleet:${{ vars.REV }}", "fleet"),
    ("arn:aws:ecs:eu-west-1:123456789012:task-definition/${{ vars.F }}:7", None),
])
def test_the_family_of_a_render_steps_task_definition_arn(arn, family):
    from ecs_lint import workflow_model as wm
    from ecs_lint.xref import needs as N

    class Run:  # what render_family asks of a job run: its expansions
        @staticmethod
        def expand(value, step, github):
            return value

    step = wm.Step(0, ("steps", 0), {}, uses="aws-actions/amazon-ecs-render-task-definition",
                   with_={"task-definition-arn": arn})
    assert N.render_family(Run, step, {}) == family
