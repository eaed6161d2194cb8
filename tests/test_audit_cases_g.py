"""Audit 'cases-g': blind labeled cases whose verdict depends on the config or on
what the linted workflows say (see the commit that added each test for the evidence).
"""
import json
import textwrap

from conftest import ROLE, lint_folder, oidc_trust

AUD_STEP_WORKFLOW = """\
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    permissions:
      id-token: write
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: {role}
          aws-region: eu-west-1{audience}
"""


def _audience_repo(tmp_path, trust_aud, audience=None, client_ids=("sts.amazonaws.com",),
                   role=ROLE, config=None):
    trust = oidc_trust("repo:myorg/app:environment:production")
    trust["Statement"][0]["Condition"]["StringEquals"][
        "token.actions.githubusercontent.com:aud"] = trust_aud
    (tmp_path / "iam").mkdir()
    (tmp_path / "iam" / "trust.json").write_text(json.dumps(trust, indent=2))
    (tmp_path / "iam" / "oidc-provider.json").write_text(json.dumps(
        {"Url": "token.actions.githubusercontent.com", "ClientIDList": list(client_ids)}))
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    aud = f"\n          audience: {audience}" if audience else ""
    (wf / "deploy.yml").write_text(AUD_STEP_WORKFLOW.format(role=role, audience=aud))
    (tmp_path / ".ecs-lint.yaml").write_text(config or textwrap.dedent(f"""\
        github:
          repository: myorg/app
        roles:
          "{ROLE}":
            trust: iam/trust.json
        """))
    return sorted((f.rule, f.file) for f in lint_folder(tmp_path)
                  if f.rule.startswith(("trust-aud", "oidc-provider-audience")))


def test_trust_aud_is_checked_against_the_audience_the_workflow_asks_for(tmp_path):
    # configure-aws-credentials sends a token for its `audience` input (default
    # sts.amazonaws.com): a trust pinned to that audience is right, and the
    # provider must list it (RULES.md: "or the audience a workflow asks for, when
    # cross-checked"; "or the audience in use")
    found = _audience_repo(tmp_path, "deploy.myorg", audience="deploy.myorg")
    assert found == [("oidc-provider-audience-missing", "iam/oidc-provider.json")]


def test_trust_pinned_to_sts_refuses_a_workflow_asking_for_another_audience(tmp_path):
    found = _audience_repo(tmp_path, "sts.amazonaws.com", audience="deploy.myorg",
                           client_ids=("sts.amazonaws.com", "deploy.myorg"))
    assert found == [("trust-aud-unexpected", "iam/trust.json")]


def test_audience_from_vars_and_unresolved_audience(tmp_path):
    config = textwrap.dedent(f"""\
        github:
          repository: myorg/app
          vars: {{AUD: deploy.myorg}}
        roles:
          "{ROLE}":
            trust: iam/trust.json
        """)
    (tmp_path / "a").mkdir()
    found = _audience_repo(tmp_path / "a", "sts.amazonaws.com", audience="${{ vars.AUD }}",
                           client_ids=("sts.amazonaws.com",), config=config)
    assert found == [("oidc-provider-audience-missing", "iam/oidc-provider.json"),
                     ("trust-aud-unexpected", "iam/trust.json")]
    # an audience ecs-lint cannot resolve may be anything: no finding either way
    (tmp_path / "b").mkdir()
    found = _audience_repo(tmp_path / "b", "deploy.myorg", audience="${{ vars.OTHER }}",
                           client_ids=("deploy.myorg",))
    assert found == []


def test_default_audience_unchanged(tmp_path):
    # no `audience` input: sts.amazonaws.com, as before
    found = _audience_repo(tmp_path, "https://github.com/myorg",
                           client_ids=("https://github.com/myorg",))
    assert found == [("oidc-provider-audience-missing", "iam/oidc-provider.json"),
                     ("trust-aud-unexpected", "iam/trust.json")]


def test_a_policy_naming_a_list_as_role_never_crashes(tmp_path):
    # wrong shapes read as nothing (a list where a role name is expected)
    (tmp_path / "template.yaml").write_text(textwrap.dedent("""\
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: {Version: "2012-10-17", Statement: []}
              ManagedPolicyArns: [arn:aws:iam::aws:policy/AmazonECS_FullAccess]
          Policy:
            Type: AWS::IAM::Policy
            Properties:
              PolicyName: deploy
              Roles: [[Role, other]]
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - {Effect: Allow, Action: "ecs:UpdateService", Resource: "*"}
        """))
    assert not [f for f in lint_folder(tmp_path) if f.rule == "internal-error"]
