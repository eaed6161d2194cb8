"""Sub formats and providers: a GitHub Enterprise Server's provider and trust
read as the workflows' own (its client ids checked, its subs compared), a
`repository_id` condition that names the repositories of a legacy-form sub,
the script a local composite runs from its own folder, and the
`job_workflow_ref` a call of another repository's workflow pinned by SHA sends."""
import json
import textwrap

import pytest

from conftest import ROLE, lint_files, oidc_trust, oidc_workflow, xref_sub_findings
from ecs_lint import subjects as S

H = "token.actions.githubusercontent.com"
GHES = "github.example-corp.net/_services/token"


# -- a GitHub Enterprise Server's provider: its client ids are checked ------


@pytest.mark.parametrize("url, ids, expected", [
    # it/04: the appliance's issuer with the owner URL as its only client id
    (f"https://{GHES}", ["https://github.example-corp.net/treasury"],
     ["oidc-provider-audience-missing"]),
    (f"https://{GHES}", ["sts.amazonaws.com"], []),  # near-miss: the audience is there
    # another identity provider's audiences stay its own
    ("https://gitlab.com", ["https://gitlab.com"], []),
])
def test_an_enterprise_server_provider_needs_the_sts_audience(tmp_path, url, ids, expected):
    found = lint_files(tmp_path, {"provider.json": {"Url": url, "ClientIDList": ids}})
    assert sorted(f.rule for f in found if f.rule.startswith("oidc-provider-")) == expected


@pytest.mark.parametrize("value, issuer", [
    (f"https://{GHES}", GHES),
    (f"arn:aws:iam::123456789012:oidc-provider/{GHES}", GHES),
    (f"HTTPS://{GHES.upper()}/", GHES),
    (f"https://{H}", None),
    ("https://octo.ghe.com/_services/token", None),  # a host GitHub runs: no server
    ("https://github.example-corp.net", None),
    (None, None), (["x"], None),
])
def test_the_enterprise_server_issuer_of_a_url_or_principal(value, issuer):
    assert S.enterprise_server_issuer(value) == issuer


# -- a GitHub Enterprise Server's trust: compared with the jobs -------------


def ghes_trust(sub, principal=GHES, keys=GHES):
    return {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow",
        "Principal": {"Federated": f"arn:aws:iam::123456789012:oidc-provider/{principal}"},
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": {"StringEquals": {f"{keys}:aud": "sts.amazonaws.com",
                                       f"{keys}:sub": sub}}}]}


ENV_JOB = {".github/workflows/deploy.yml": oidc_workflow(environment="production")}


def test_an_enterprise_server_trust_pinned_to_main_refuses_an_environment_job(tmp_path):
    # it/05: the job gained an environment; the server sends the environment form
    found = xref_sub_findings(tmp_path, ENV_JOB, ghes_trust("repo:myorg/app:ref:refs/heads/main"))
    assert [(r, f) for r, f, _ in found] == [("xref-sub-not-admitted", "iam/trust.json")]
    assert "repo:myorg/app:environment:production" in found[0][2]


def test_an_enterprise_server_trust_that_admits_the_job_is_quiet(tmp_path):
    found = xref_sub_findings(tmp_path, ENV_JOB,
                              ghes_trust("repo:myorg/app:environment:production"))
    assert found == []


def test_an_enterprise_server_statement_beside_githubs_is_not_compared(tmp_path):
    # it/10: during a migration the job runs on github.com; the server's
    # statement (another repository's subs) is not this job's
    trust = ghes_trust("repo:myorg/app:environment:production")
    trust["Statement"].append(oidc_trust("repo:myorg/app:environment:production")["Statement"][0])
    trust["Statement"][0]["Condition"]["StringEquals"][f"{GHES}:sub"] = "repo:other/x:pull_request"
    assert xref_sub_findings(tmp_path, ENV_JOB, trust) == []


def test_githubs_keys_under_an_enterprise_server_principal_admit_nothing():
    # the server's tokens never carry github.com's keys
    policy = ghes_trust("repo:myorg/app:environment:production", keys=H)
    issuer = S.enterprise_server_only(policy)
    assert issuer == GHES
    (st,) = S.github_statements(policy, issuer=issuer)
    assert not st.admits
    assert S.github_statements(ghes_trust("repo:myorg/app:environment:production")) == []


# -- a repository_id condition names the repositories -----------------------


def id_policy(ids_condition):
    cond = {"StringEquals": {f"{H}:aud": "sts.amazonaws.com"},
            "StringLike": {f"{H}:sub": "repo:acme/*:environment:production"}}
    for op, keys in ids_condition.items():
        cond.setdefault(op, {}).update(keys)
    return {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"Federated": f"arn:aws:iam::1:oidc-provider/{H}"},
        "Action": "sts:AssumeRoleWithWebIdentity", "Condition": cond}]}


@pytest.mark.parametrize("ids_condition, expected", [
    # it/06: only the listed repositories get in, whatever their names
    ({"StringEquals": {f"{H}:repository_id": ["684220917", "684221533"]}}, []),
    ({"StringLike": {f"{H}:repository_id": "684220917"}}, []),
    # near-misses: a wildcard id, a negated test, no id test
    ({"StringLike": {f"{H}:repository_id": "6842*"}}, ["trust-sub-any-repo"]),
    ({"StringNotEquals": {f"{H}:repository_id": "684220917"}}, ["trust-sub-any-repo"]),
    ({}, ["trust-sub-any-repo"]),
])
def test_a_repository_id_condition_names_the_repositories_of_a_legacy_sub(
        tmp_path, ids_condition, expected):
    found = lint_files(tmp_path, {"t.json": id_policy(ids_condition)},
                       "github:\n  owners: [acme]\n  subject: legacy\n")
    assert sorted(f.rule for f in found if f.rule.startswith("trust-sub-")) == expected


def test_a_repository_id_allowlist_still_reports_the_unused_repositories(tmp_path):
    # xref-sub-broader-than-used: the siblings' subs are admitted, no job sends them
    trust = id_policy({"StringEquals": {f"{H}:repository_id": ["77", "78"]}})
    found = xref_sub_findings(tmp_path, {".github/workflows/deploy.yml": oidc_workflow(
        environment="production")}, trust, config="github:\n  repository: acme/app\n")
    assert [r for r, _, _ in found] == ["xref-sub-broader-than-used"]


# -- a composite action's own script ----------------------------------------


ROLLOUT = """\
#!/usr/bin/env bash
set -euo pipefail
aws ecs update-service --cluster c --service s --task-definition "$1"
aws ecs wait services-stable --cluster c --services s
"""


def composite_repo(run, actions=("ecs:UpdateService",)):
    workflow = textwrap.dedent(oidc_workflow(steps=(
        "          - uses: ./.github/actions/rollout\n"
        "            with: {arn: x}\n")))
    action = textwrap.dedent("""\
        name: rollout
        inputs: {arn: {required: true}}
        runs:
          using: composite
          steps:
            - shell: bash
              run: |
        """) + f"          {run}\n"
    trust = oidc_trust("repo:myorg/app:ref:refs/heads/main")
    permissions = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": list(actions), "Resource": "*"}]}
    return {".github/workflows/deploy.yml": workflow, ".github/actions/rollout/action.yml": action,
            ".github/actions/rollout/rollout.sh": ROLLOUT,
            "iam/trust.json": json.dumps(trust), "iam/policy.json": json.dumps(permissions)}


CONFIG = (f'github:\n  repository: myorg/app\nroles:\n  "{ROLE}":\n    trust: iam/trust.json\n'
          "    permissions: [iam/policy.json]\n")


def missing_actions(tmp_path, run, actions=("ecs:UpdateService",)):
    found = lint_files(tmp_path, composite_repo(run, actions), CONFIG)
    return [f.message for f in found if f.rule == "xref-permission-missing"]


@pytest.mark.parametrize("run", [
    # is/06: the script beside the composite's action.yml
    '${{ github.action_path }}/rollout.sh "${{ inputs.arn }}"',
    '"$GITHUB_ACTION_PATH/rollout.sh" "${{ inputs.arn }}"',
    'bash "${GITHUB_ACTION_PATH}/rollout.sh" "${{ inputs.arn }}"',
])
def test_a_composite_runs_the_script_in_its_own_folder(tmp_path, run):
    (message,) = missing_actions(tmp_path, run)
    assert "ecs:DescribeServices" in message and "rollout.sh" in message


def test_a_composite_script_whose_actions_are_allowed_is_quiet(tmp_path):
    run = "${{ github.action_path }}/rollout.sh x"
    assert missing_actions(tmp_path, run, ("ecs:UpdateService", "ecs:DescribeServices")) == []


def test_the_action_path_of_a_workflow_step_is_no_folder_of_the_repository(tmp_path):
    # near-miss: outside a composite, github.action_path names no action's folder
    files = composite_repo("echo")
    files[".github/workflows/deploy.yml"] = textwrap.dedent(oidc_workflow(steps=(
        "          - run: ${{ github.action_path }}/.github/actions/rollout/rollout.sh\n")))
    found = lint_files(tmp_path, files, CONFIG)
    assert [f for f in found if f.rule == "xref-permission-missing"] == []


# -- another repository's reusable workflow pinned by SHA -------------------


SHA = "5f3c9a1e8b7d2c4f6a0e9b8d7c6f5e4d3c2b1a09"
CALLED = "platform/pipelines/.github/workflows/deploy.yml"


def calling_workflow(ref, role=ROLE):
    return f"""\
    on: {{push: {{branches: [main]}}}}
    jobs:
      deploy:
        permissions: {{id-token: write, contents: read}}
        uses: {CALLED}@{ref}
        with:
          role-to-assume: {role}
    """


def workflow_ref_trust(pattern):
    trust = oidc_trust("repo:myorg/app:environment:production")
    trust["Statement"][0]["Condition"]["StringLike"] = {f"{H}:job_workflow_ref": pattern}
    return trust


@pytest.mark.parametrize("ref, pattern, refused", [
    # is/03: a SHA pin sends the SHA, not the tag it was cut from
    (SHA, f"{CALLED}@refs/tags/v3.*", True),
    ("v3.4.1", f"{CALLED}@refs/tags/v3.*", False),  # near-miss: a tag
    (SHA, f"{CALLED}@{SHA}", False),
    (SHA, f"{CALLED}@*", False),
    ("main", f"{CALLED}@refs/tags/v3.*", True),  # a branch or a tag named main: neither
    ("${{ vars.REF }}", f"{CALLED}@refs/tags/v3.*", False),  # not written out
])
def test_a_called_workflow_sends_the_ref_its_caller_names(tmp_path, ref, pattern, refused):
    found = xref_sub_findings(tmp_path, {".github/workflows/deploy.yml": calling_workflow(ref)},
                              workflow_ref_trust(pattern))
    got = [m for r, _, m in found if r == "xref-sub-not-admitted"]
    assert bool(got) == refused, found
    if refused:
        assert f"job_workflow_ref '{CALLED}@" in got[0]


def test_a_called_workflow_given_another_role_is_not_compared(tmp_path):
    other = "arn:aws:iam::123456789012:role/other"
    found = xref_sub_findings(
        tmp_path, {".github/workflows/deploy.yml": calling_workflow(SHA, other)},
        workflow_ref_trust(f"{CALLED}@refs/tags/v3.*"))
    assert [r for r, _, _ in found if r == "xref-sub-not-admitted"] == []


def test_a_statement_without_a_workflow_ref_test_may_admit_the_called_jobs(tmp_path):
    found = xref_sub_findings(tmp_path, {".github/workflows/deploy.yml": calling_workflow(SHA)},
                              "repo:myorg/app:environment:production")
    assert [r for r, _, _ in found if r == "xref-sub-not-admitted"] == []
