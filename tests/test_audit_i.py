"""Audit 'i': the cross-file sub checks under configuration variants (subject
formats, reusable workflows, dispatch inputs, shared roles).

Each test holds a minimal repository on which ecs-lint reported something wrong, or
missed a finding RULES.md defines (see the commit that added it for the evidence).
"""
import json
import textwrap

from conftest import ROLE, lint_folder, oidc_trust


def _xref(tmp_path, files, sub, config="github:\n  repository: myorg/app\n"):
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


DISPATCH_EVENT_INPUTS = f"""\
    on:
      workflow_dispatch:
        inputs:
          target:
            type: choice
            required: true
            options: [staging, production, sandbox]
    jobs:
      deploy:
        runs-on: ubuntu-latest
        environment: ${{{{ github.event.inputs.target }}}}
        permissions:
          id-token: write
        steps:
          - uses: aws-actions/configure-aws-credentials@v4
            with:
              role-to-assume: {ROLE}
              aws-region: eu-west-1
    """


def test_dispatch_choice_through_github_event_inputs(tmp_path):
    # on a workflow_dispatch run `github.event.inputs.X` is the same value as
    # `inputs.X`: each option of the choice is an environment sub the job sends,
    # and the sandbox one is refused (401)
    found = _xref(tmp_path, {".github/workflows/deploy.yml": DISPATCH_EVENT_INPUTS},
                  ["repo:myorg/app:environment:staging",
                   "repo:myorg/app:environment:production"])
    assert [r for r, _, _ in found] == ["xref-sub-not-admitted"]
    assert "repo:myorg/app:environment:sandbox" in found[0][2]


def test_github_event_inputs_in_a_called_workflow_stays_unresolved(tmp_path):
    # in a workflow run through workflow_call, `github.event` is the caller's
    # event: its `inputs` are not the called workflow's inputs
    wf = DISPATCH_EVENT_INPUTS.replace("workflow_dispatch:", "workflow_call:").replace(
        "type: choice", "type: string").replace(
        "options: [staging, production, sandbox]", "default: staging")
    caller = """\
        on:
          push:
            branches: [main]
        jobs:
          production:
            uses: ./.github/workflows/deploy.yml
            with:
              target: production
            permissions:
              id-token: write
        """
    assert _xref(tmp_path, {".github/workflows/deploy.yml": wf,
                            ".github/workflows/release.yml": caller},
                 "repo:myorg/app:environment:production") == []
