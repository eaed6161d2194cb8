"""Audit 'x': GitHub Actions expression idioms of real deploy workflows (env at
workflow/job/step level and `$GITHUB_ENV`, step-level `if:` on role steps,
ternaries). Each test holds a case where ecs-lint was wrong (see the commit that
added it for the evidence)."""
import shutil
import textwrap
from pathlib import Path

import yaml

from conftest import lint_folder

from ecs_lint import workflow_model as wm

CASES = Path(__file__).parent / "cases" / "x"

_GITHUB_ENV_WF = textwrap.dedent("""\
    on: push
    env:
      IMAGE_TAG: latest
    jobs:
      deploy:
        runs-on: ubuntu-latest
        env:
          STAGE: job
        steps:
          - run: |
              echo "IMAGE_TAG=${GITHUB_SHA::12}" >> "$GITHUB_ENV"
              echo "STAGE=written" >> "$GITHUB_ENV"
          - id: a
            run: echo "$IMAGE_TAG"
          - id: b
            env:
              STAGE: step
            run: echo "$STAGE"
    """)


def _job():
    wf = wm.read_workflow(yaml.safe_load(_GITHUB_ENV_WF))
    return wf.jobs["deploy"]


def test_github_env_write_overrides_workflow_and_job_env_for_later_steps():
    # the runner builds each step's env context from the job's environment as
    # updated by GITHUB_ENV (actions/runner StepsRunner.cs), then the step's env
    job = _job()
    first, later, own = job.steps
    assert wm.expand("${{ env.IMAGE_TAG }}", job, later) == "${GITHUB_SHA::12}"
    assert wm.expand("${{ env.STAGE }}", job, later) == "written"
    # the step's own env wins over GITHUB_ENV
    assert wm.expand("${{ env.STAGE }}", job, own) == "step"
    # the writing step itself does not see its write
    assert wm.expand("${{ env.IMAGE_TAG }}", job, first) == "latest"
    assert wm.resolve("$IMAGE_TAG", job, later) == "${GITHUB_SHA::12}"


def _case(tmp_path, name):
    dst = tmp_path / name
    shutil.copytree(CASES / name, dst)
    return dst


def _warnings(findings):
    return sorted((f.rule, f.file) for f in findings if f.severity in ("warning", "error"))


def test_image_tag_from_github_env_is_not_latest(tmp_path):
    folder = _case(tmp_path, "03-clean-github-env-overrides-workflow-env-tag")
    assert not [f for f in lint_folder(folder) if f.rule == "workflow-image-latest"]


def test_step_if_on_role_steps_narrows_the_refs_each_role_sees(tmp_path):
    # two configure-aws-credentials steps, gated by step-level `if:` on github.ref:
    # the production role only ever runs on main, the dev role never on main
    folder = _case(tmp_path, "01-clean-step-if-role-per-branch")
    assert _warnings(lint_folder(folder)) == []


def test_step_if_on_role_step_still_predicts_a_refused_branch(tmp_path):
    folder = _case(tmp_path, "01-clean-step-if-role-per-branch")
    wf = folder / ".github" / "workflows" / "publish.yml"
    # the dev role step now runs on develop only, and its trust pins main
    text = wf.read_text().replace("if: github.ref != 'refs/heads/main'",
                                  "if: github.ref == 'refs/heads/develop'")
    wf.write_text(text)
    trust = folder / "iam" / "dev-publisher-trust.json"
    trust.write_text(trust.read_text().replace("refs/heads/develop", "refs/heads/main"))
    found = [f for f in lint_folder(folder) if f.rule == "xref-sub-not-admitted"]
    assert [f.file for f in found if f.file.endswith("trust.json")] == \
        ["iam/dev-publisher-trust.json"]
    assert "refs/heads/develop" in found[0].message


def test_ternary_on_a_known_matrix_value():
    t = "${{ matrix.environment == 'production' && 'arn:aws:iam::2:role/d' || 'arn:aws:iam::1:role/d' }}"
    assert wm.expand(t, None, row={"environment": "production"}) == "arn:aws:iam::2:role/d"
    assert wm.expand(t, None, row={"environment": "staging"}) == "arn:aws:iam::1:role/d"
    assert wm.expand(t, None, row={"environment": "Production"}) == "arn:aws:iam::2:role/d"
    assert wm.expand(t, None, row=None) == t  # unknown: left as written
    # an empty A falls through to B; unknown left-hand sides stay unknown
    assert wm.expand("${{ matrix.e == 'p' && '' || 'b' }}", None, row={"e": "p"}) == "b"
    for unknown in ("${{ github.ref_name == 'main' && vars.A || vars.B }}",
                    "${{ inputs.target == 'production' && 'a' || 'b' }}",
                    "${{ matrix.e != 'p' && vars.A || 'b' }}"):
        assert wm.expand(unknown, None, row={"e": "q"}, github={"vars": {"B": "y"}}) == unknown


def test_matrix_ternary_role_links_per_row(tmp_path):
    folder = _case(tmp_path, "02-matrix-ternary-role-staging-typo")
    found = _warnings(lint_folder(folder))
    assert ("xref-sub-not-admitted", "iam/staging/trust.json") in found
    assert not [f for f in found if f[1] == "iam/production/trust.json"]
