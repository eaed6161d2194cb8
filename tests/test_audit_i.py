"""Audit 'i': the cross-file sub checks under configuration variants (subject
formats, reusable workflows, dispatch inputs, shared roles).

Each test holds a minimal repository on which ecs-lint reported something wrong, or
missed a finding RULES.md defines (see the commit that added it for the evidence).
"""

from conftest import ROLE, lint_folder, xref_sub_findings


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
    found = xref_sub_findings(tmp_path, {".github/workflows/deploy.yml": DISPATCH_EVENT_INPUTS},
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
    assert xref_sub_findings(tmp_path, {".github/workflows/deploy.yml": wf,
                            ".github/workflows/release.yml": caller},
                 "repo:myorg/app:environment:production") == []


IMAGE_ON_MAIN = f"""\
    on:
      push:
        branches: [main]
    jobs:
      image:
        runs-on: ubuntu-latest
        permissions:
          id-token: write
        steps:
          - uses: aws-actions/configure-aws-credentials@v4
            with:
              role-to-assume: {ROLE}
              aws-region: eu-west-1
    """

REMOTE_CALLER = f"""\
    on:
      workflow_dispatch:
    jobs:
      production:
        permissions:
          contents: read
          id-token: write
        uses: myorg/platform-workflows/.github/workflows/ecs-deploy.yml@v2
        with:
          environment: production
          role-to-assume: {ROLE}
    """

MAIN_AND_PRODUCTION = ["repo:myorg/app:ref:refs/heads/main",
                       "repo:myorg/app:environment:production"]


def test_role_passed_to_a_reusable_workflow_of_another_repository(tmp_path):
    # the job of the other repository's workflow runs with this repository's
    # sub (GitHub: the caller's repository; the environment is the called job's),
    # which ecs-lint cannot read: environment:production is not provably unused
    assert xref_sub_findings(tmp_path, {".github/workflows/image.yml": IMAGE_ON_MAIN,
                            ".github/workflows/deploy.yml": REMOTE_CALLER},
                 MAIN_AND_PRODUCTION) == []


def test_reusable_workflow_of_another_repository_without_id_token(tmp_path):
    # without id-token: write the called workflow gets no OIDC token (a called
    # workflow can only narrow the caller's permissions): it assumes no role
    caller = REMOTE_CALLER.replace("          id-token: write\n", "")
    found = xref_sub_findings(tmp_path, {".github/workflows/image.yml": IMAGE_ON_MAIN,
                             ".github/workflows/deploy.yml": caller},
                  MAIN_AND_PRODUCTION)
    assert [r for r, _, _ in found] == ["xref-sub-broader-than-used"]


def test_broader_suggestion_follows_the_job_if(tmp_path):
    # the job runs on main and v* tags but its if: keeps it to branches: the
    # admitted tag sub is unused, and the message must not say the job sends
    # (nor suggest keeping) refs/tags/v*
    wf = f"""\
        on:
          push:
            branches: [main]
            tags: ["v*"]
        jobs:
          image:
            if: startsWith(github.ref, 'refs/heads/')
            runs-on: ubuntu-latest
            permissions:
              id-token: write
            steps:
              - uses: aws-actions/configure-aws-credentials@v4
                with:
                  role-to-assume: {ROLE}
                  aws-region: eu-west-1
        """
    found = [f for f in _findings(tmp_path, {".github/workflows/image.yml": wf},
                                  ["repo:myorg/app:ref:refs/heads/main",
                                   "repo:myorg/app:ref:refs/tags/v1"])
             if f.rule == "xref-sub-broader-than-used"]
    assert len(found) == 1
    assert "refs/tags/v*" not in found[0].message
    assert "refs/tags/v*" not in found[0].help
    assert "'repo:myorg/app:ref:refs/heads/main'" in found[0].help


def _findings(tmp_path, files, sub):
    xref_sub_findings(tmp_path, files, sub)
    return lint_folder(tmp_path)
