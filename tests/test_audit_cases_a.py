"""Audit 'cases-a': blind labeled cases for the trust/oidc/policy/xref families.

Each test holds a minimal repository on which ecs-lint reported something wrong, or
missed a finding RULES.md defines (see the commit that added it for the evidence).
"""
import json

from conftest import ROLE, lint_folder, oidc_trust, workflow_findings, xref_sub_findings


DISPATCH_CHOICE = f"""\
    on:
      workflow_dispatch:
        inputs:
          environment:
            type: choice
            required: true
            options: [staging, production]
    jobs:
      deploy:
        runs-on: ubuntu-latest
        environment: ${{{{ inputs.environment }}}}
        permissions:
          id-token: write
        steps:
          - uses: aws-actions/configure-aws-credentials@v4
            with:
              role-to-assume: {ROLE}
              aws-region: eu-west-1
    """


def test_dispatch_choice_environment_gives_each_option_its_sub(tmp_path):
    # GitHub only accepts a choice input's options, so the job sends the
    # environment form of each of them: a trust for production only refuses staging
    found = xref_sub_findings(tmp_path, {".github/workflows/deploy.yml": DISPATCH_CHOICE},
                  "repo:myorg/app:environment:production")
    assert [r for r, _, _ in found] == ["xref-sub-not-admitted"]
    assert "repo:myorg/app:environment:staging" in found[0][2]


def test_dispatch_choice_environment_broader_than_used(tmp_path):
    trust = oidc_trust("x")
    cond = trust["Statement"][0]["Condition"]
    cond["StringLike"] = {"token.actions.githubusercontent.com:sub":
                          cond["StringEquals"].pop("token.actions.githubusercontent.com:sub")}
    cond["StringLike"]["token.actions.githubusercontent.com:sub"] = \
        "repo:myorg/app:environment:*"
    found = xref_sub_findings(tmp_path, {".github/workflows/deploy.yml": DISPATCH_CHOICE}, trust)
    assert [r for r, _, _ in found] == ["xref-sub-broader-than-used"]


def test_dispatch_free_text_environment_stays_unresolved(tmp_path):
    wf = DISPATCH_CHOICE.replace("type: choice", "type: string").replace(
        "options: [staging, production]", "default: staging")
    assert xref_sub_findings(tmp_path, {".github/workflows/deploy.yml": wf},
                 "repo:myorg/app:environment:production") == []


CALLED = f"""\
    on:
      workflow_call:
        inputs:
          environment:
            type: string
            required: true
    jobs:
      deploy:
        runs-on: ubuntu-latest
        environment: ${{{{ inputs.environment }}}}
        permissions:
          id-token: write
        steps:
          - uses: aws-actions/configure-aws-credentials@v4
            with:
              role-to-assume: {ROLE}
              aws-region: eu-west-1
    """

CALLER = """\
    on:
      push:
        branches: [main]
    jobs:
      production:
        uses: ./.github/workflows/deploy-ecs.yml
        with:
          environment: production
        permissions:
          id-token: write
    """


def test_reusable_workflow_environment_from_its_callers(tmp_path):
    # the called job's environment is what the calling job passes: with immutable
    # subjects an old-form trust refuses it (401)
    cfg = ("github:\n  repository: myorg/app\n  subject: immutable\n"
           "  owner-id: 11\n  repository-id: 22\n")
    found = xref_sub_findings(tmp_path, {".github/workflows/deploy-ecs.yml": CALLED,
                             ".github/workflows/release.yml": CALLER},
                  "repo:myorg/app:environment:production", config=cfg)
    assert [r for r, _, _ in found] == ["xref-sub-not-admitted"]
    assert "repo:myorg@11/app@22:environment:production" in found[0][2]


def test_reusable_workflow_environment_admitted(tmp_path):
    assert xref_sub_findings(tmp_path, {".github/workflows/deploy-ecs.yml": CALLED,
                            ".github/workflows/release.yml": CALLER},
                 "repo:myorg/app:environment:production") == []


def test_reusable_workflow_caller_passing_an_expression_stays_unresolved(tmp_path):
    caller = CALLER.replace("environment: production", "environment: ${{ github.ref_name }}")
    assert xref_sub_findings(tmp_path, {".github/workflows/deploy-ecs.yml": CALLED,
                            ".github/workflows/release.yml": caller},
                 "repo:myorg/app:environment:production") == []


def test_dispatch_environment_from_an_undeclared_input_stays_unresolved(tmp_path):
    wf = DISPATCH_CHOICE.replace("inputs.environment", "inputs.target")
    assert xref_sub_findings(tmp_path, {".github/workflows/deploy.yml": wf},
                 "repo:myorg/app:environment:production") == []


PR_SKIPPED_CHAIN = """\
    on:
      push:
        branches: [main]
      pull_request:
    jobs:
      test:
        runs-on: ubuntu-latest
        steps:
          - run: make test
      staging:
        needs: test
        if: github.event_name == 'push'
        runs-on: ubuntu-latest
        environment: staging
        permissions:
          id-token: write
        steps:
          - uses: aws-actions/configure-aws-credentials@v4
            with:
              role-to-assume: arn:aws:iam::123456789012:role/deploy
              aws-region: eu-west-1
      production:
        needs: staging
        IF_LINE
        runs-on: ubuntu-latest
        environment: production
        permissions:
          id-token: write
        steps:
          - uses: aws-actions/configure-aws-credentials@v4
            with:
              role-to-assume: arn:aws:iam::123456789012:role/deploy
              aws-region: eu-west-1
    """


def _workflow_findings(text):
    return workflow_findings(text)


def test_job_needing_a_push_only_job_is_skipped_on_pull_requests():
    # GitHub skips a job whose needed job was skipped (unless its `if:` uses
    # always()/failure()/cancelled()): production never runs on pull_request
    found = _workflow_findings(PR_SKIPPED_CHAIN.replace("IF_LINE", "timeout-minutes: 30"))
    assert not [f for f in found if f[0] == "workflow-oidc-on-pull-request"]


def test_job_needing_a_push_only_job_with_always_still_runs_on_pull_requests():
    found = _workflow_findings(PR_SKIPPED_CHAIN.replace("IF_LINE", "if: always()"))
    assert [f[0] for f in found if f[0] == "workflow-oidc-on-pull-request"] == \
        ["workflow-oidc-on-pull-request"]


def _trust_rules(tmp_path, op, sub, config="github:\n  owners: [northwind]\n"):
    trust = oidc_trust("x")
    cond = trust["Statement"][0]["Condition"]
    del cond["StringEquals"]["token.actions.githubusercontent.com:sub"]
    cond[op] = {"token.actions.githubusercontent.com:sub": sub}
    (tmp_path / "trust.json").write_text(json.dumps(trust, indent=2))
    (tmp_path / ".ecs-lint.yaml").write_text(config)
    return sorted((f.rule, f.message) for f in lint_folder(tmp_path)
                  if f.rule.startswith("trust-sub"))


def test_question_mark_that_can_only_be_the_slash_names_the_repository(tmp_path):
    # `?` is one character; between `northwind` and `reports:` only `/` makes a
    # sub GitHub sends, so the statement admits repo:northwind/reports alone
    assert _trust_rules(tmp_path, "StringLike",
                        "repo:northwind?reports:ref:refs/heads/main") == []


def test_question_mark_inside_the_repository_name_still_admits_other_repositories(tmp_path):
    found = _trust_rules(tmp_path, "StringLike", "repo:northwind?report?:ref:refs/heads/main")
    assert [r for r, _ in found] == ["trust-sub-any-repo"]
