"""A dispatch-only workflow passing its choice input to a reusable workflow:
each option is a call of its own (xref-sub-not-admitted names the refused one)."""
import json

import pytest

from conftest import lint_folder

ROLE = "arn:aws:iam::123456789012:role/deploy"
CALLED = """\
on:
  workflow_call:
    inputs:
      environment: {type: string, required: true}
jobs:
  ecs:
    runs-on: ubuntu-latest
    environment: ${{ inputs.environment }}
    permissions: {id-token: write}
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with: {role-to-assume: "%s", aws-region: eu-west-1}
""" % ROLE
CALLER = """\
on:
  workflow_dispatch:
    inputs:
      stage:
        type: %s
        options: [QA, Pre-Prod, Production]
        default: QA
permissions: {id-token: write}
jobs:
  deploy:
    uses: ./.github/workflows/_deploy.yml
    with:
      environment: ${{ inputs.stage }}
"""


def _trust(subs):
    return {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow",
        "Principal": {"Federated":
                      "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": {"StringEquals": {
            "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
            "token.actions.githubusercontent.com:sub": subs}}}]}


@pytest.mark.parametrize("kind, admitted, refused", [
    ("choice", ["QA", "Production"], "Pre-Prod"),
    ("choice", ["QA", "Pre-Prod", "Production"], None),
    ("string", ["QA"], None),  # free text: not known, given the benefit of the doubt
])
def test_each_option_of_a_passed_choice_is_a_call(tmp_path, kind, admitted, refused):
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    (wf / "_deploy.yml").write_text(CALLED)
    (wf / "release.yml").write_text(CALLER % kind)
    (tmp_path / "trust.json").write_text(json.dumps(_trust(
        [f"repo:o/r:environment:{e}" for e in admitted])))
    (tmp_path / ".ecs-lint.yaml").write_text(
        f'github: {{repository: o/r}}\nroles:\n  "{ROLE}": {{trust: trust.json}}\n')
    found = [f for f in lint_folder(tmp_path) if f.rule == "xref-sub-not-admitted"]
    if refused is None:
        assert not found
    else:
        assert len(found) == 1 and f"environment:{refused}" in found[0].message


def test_a_choice_of_hundreds_of_options_is_one_call_not_known(tmp_path):
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    (wf / "_deploy.yml").write_text(CALLED)
    options = ", ".join(f"env{i}" for i in range(500))
    (wf / "release.yml").write_text((CALLER % "choice").replace(
        "[QA, Pre-Prod, Production]", f"[{options}]").replace("default: QA", "default: env0"))
    (tmp_path / "trust.json").write_text(json.dumps(_trust(["repo:o/r:environment:env0"])))
    (tmp_path / ".ecs-lint.yaml").write_text(
        f'github: {{repository: o/r}}\nroles:\n  "{ROLE}": {{trust: trust.json}}\n')
    assert not [f for f in lint_folder(tmp_path) if f.rule == "xref-sub-not-admitted"]
