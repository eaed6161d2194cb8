"""Audit 'h': blind labeled cases modeled on well-known sources (the starter
aws.yml, configure-aws-credentials README examples, terraform-aws-modules, CDK
synth output, Copilot, CodeDeploy blue/green).

Each test holds a minimal repository on which ecs-lint reported something wrong, or
missed a finding RULES.md defines (see the commit that added it for the evidence).
"""
import json
import textwrap

from conftest import lint_folder

HUB = "arn:aws:iam::111111111111:role/github-oidc-hub"
DEPLOYER = "arn:aws:iam::222222222222:role/deployer"


def _chain_repo(tmp_path, second_with: str, permissions: str = "id-token: write",
                deployer_principal=None):
    wf = tmp_path / ".github" / "workflows" / "deploy.yml"
    wf.parent.mkdir(parents=True)
    wf.write_text(textwrap.dedent(f"""\
        on:
          push:
            branches: [main]
        jobs:
          deploy:
            runs-on: ubuntu-latest
            environment: production
            permissions:
              {permissions}
            steps:
              - uses: aws-actions/configure-aws-credentials@v4
                with:
                  aws-region: eu-west-1
                  role-to-assume: {HUB}
              - uses: aws-actions/configure-aws-credentials@v4
                with:
                  aws-region: eu-west-1
                  role-to-assume: {DEPLOYER}
        """) + textwrap.indent(textwrap.dedent(second_with), " " * 12))
    (tmp_path / "iam").mkdir()
    (tmp_path / "iam" / "hub-trust.json").write_text(json.dumps({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": {"Federated": "arn:aws:iam::111111111111:oidc-provider/"
                                       "token.actions.githubusercontent.com"},
            "Action": "sts:AssumeRoleWithWebIdentity",
            "Condition": {"StringEquals": {
                "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                "token.actions.githubusercontent.com:sub":
                    "repo:myorg/app:environment:production"}}}]}, indent=2))
    (tmp_path / "iam" / "deployer-trust.json").write_text(json.dumps({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": deployer_principal or {"AWS": HUB},
            "Action": "sts:AssumeRole"}]}, indent=2))
    (tmp_path / ".ecs-lint.yaml").write_text(textwrap.dedent(f"""\
        github:
          repository: myorg/app
        roles:
          "{HUB}":
            trust: iam/hub-trust.json
          "{DEPLOYER}":
            trust: iam/deployer-trust.json
        """))
    return [(f.rule, f.file) for f in lint_folder(tmp_path) if f.rule.startswith("xref-sub")]


def test_second_configure_without_role_chaining_is_refused(tmp_path):
    # configure-aws-credentials takes the OIDC path whenever role-to-assume is set,
    # the job can mint the token, and no keys, token file or role-chaining are given
    # (src/index.ts useGitHubOIDCProvider): the deployer's trust, which only admits
    # the hub role through sts:AssumeRole, refuses AssumeRoleWithWebIdentity.
    found = _chain_repo(tmp_path, "")
    assert found == [("xref-sub-not-admitted", "iam/deployer-trust.json")]


def test_second_configure_with_role_chaining_is_fine(tmp_path):
    assert _chain_repo(tmp_path, "role-chaining: true\n") == []


def test_no_id_token_means_existing_credentials_not_oidc(tmp_path):
    # without id-token: write the action never takes the OIDC path: it assumes the
    # role with the credentials already in the environment
    assert _chain_repo(tmp_path, "", permissions="contents: read") == []


def test_unresolved_principal_is_not_taken_for_another_one(tmp_path):
    found = _chain_repo(tmp_path, "", deployer_principal={"Federated": "OIDC_PROVIDER_ARN"})
    assert found == []


def test_a_github_enterprise_server_provider_may_be_the_workflows_own(tmp_path):
    # `https://HOST/_services/token` is a GHES issuer: workflows of that server get
    # their tokens from it, so a trust naming only it is no proof of a refusal
    from ecs_lint.rules.xref import _clearly_not_github
    from ecs_lint import subjects as S

    def trust(federated):
        return {"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Action": "sts:AssumeRoleWithWebIdentity",
            "Principal": {"Federated": federated}}]}
    ghes = "arn:aws:iam::903817264501:oidc-provider/github.acme-corp.net/_services/token"
    gitlab = "arn:aws:iam::903817264501:oidc-provider/gitlab.com"
    assert not _clearly_not_github(S, trust(ghes))
    assert _clearly_not_github(S, trust(gitlab))
