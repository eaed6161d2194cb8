"""Session 31 (sets kv, kw): a run-task's check in a step that its `if:` skips
(`if: false`, or `if: inputs.wait-for-exit` a caller leaves at false) does not
count; `format()` is evaluated with the arguments known and the others kept as
expressions (`${{ steps.ecr.outputs.registry }}/api:${{ github.sha }}` is
pinned); a value written to `$GITHUB_ENV` from a shell variable is read with
that variable's value at the writing line."""
import textwrap

import pytest
import yaml

from conftest import lint_files, workflow_findings
from ecs_lint import workflow_model as wm

MIGRATION = "workflow-migration-unchecked"
LATEST = "workflow-image-latest"


def _found(text, rule):
    return [(line, msg) for r, line, msg in workflow_findings(text, messages=True) if r == rule]


# --- workflow-migration-unchecked: a check its `if:` skips ---------------------------

RUN_TASK = """\
on:
  workflow_call:
    inputs:
      wait-for-exit:
        type: boolean
        default: false
jobs:
  run:
    runs-on: ubuntu-latest
    permissions: {id-token: write, contents: read}
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: ${{ vars.DEPLOY_ROLE_ARN }}
          aws-region: us-east-1
      - id: start
        run: |
          TASK_ARN=$(aws ecs run-task --cluster c --task-definition migrate \\
            --query 'tasks[0].taskArn' --output text)
          echo "task-arn=$TASK_ARN" >> "$GITHUB_OUTPUT"
      - name: Wait and check
        if: %s
        env:
          TASK_ARN: ${{ steps.start.outputs.task-arn }}
        run: |
          aws ecs wait tasks-stopped --cluster c --tasks "$TASK_ARN"
          EXIT=$(aws ecs describe-tasks --cluster c --tasks "$TASK_ARN" \\
            --query 'tasks[0].containers[0].exitCode' --output text)
          if [ "$EXIT" != "0" ]; then exit 1; fi
"""


def _caller(job_id, with_wait=None):
    wait = f"\n      wait-for-exit: {with_wait}" if with_wait is not None else ""
    return f"""\
  {job_id}:
    permissions: {{id-token: write, contents: read}}
    uses: ./.github/workflows/run-task.yml
    with:
      cluster: c{wait}
"""


def _reusable(tmp_path, condition, *callers):
    files = {".github/workflows/run-task.yml": RUN_TASK % condition,
             ".github/workflows/release.yml":
                 "on: {push: {branches: [main]}}\njobs:\n" + "".join(callers)}
    return [(f.file, f.line, f.message) for f in lint_files(tmp_path, files)
            if f.rule == MIGRATION]


def test_a_check_the_only_caller_leaves_off_does_not_count(tmp_path):
    found = _reusable(tmp_path, "inputs.wait-for-exit", _caller("migrate"))
    assert [(f, ln) for f, ln, _ in found] == [(".github/workflows/run-task.yml", 18)]
    assert "skipped (`if: inputs.wait-for-exit` is false)" in found[0][2]
    assert "when called by" not in found[0][2]


@pytest.mark.parametrize("condition, callers", [
    ("inputs.wait-for-exit", [_caller("migrate", "true")]),  # the caller turns it on
    ("inputs.wait-for-exit", [_caller("migrate", "${{ needs.plan.outputs.wait }}")]),  # unknown
    ("${{ inputs.wait-for-exit }}", [_caller("a", "true"), _caller("b", "true")]),
    ("always()", [_caller("migrate")]),  # a status function: runs
])
def test_a_check_every_caller_runs_counts(tmp_path, condition, callers):
    assert _reusable(tmp_path, condition, *callers) == []


def test_callers_that_leave_the_check_off_are_named(tmp_path):
    found = _reusable(tmp_path, "inputs.wait-for-exit",
                      _caller("migrate", "true"), _caller("backfill"))
    assert len(found) == 1
    assert "when called by .github/workflows/release.yml job 'backfill' but" in found[0][2]
    assert "'migrate'" not in found[0][2]


def _single(condition):
    text = RUN_TASK.replace("  workflow_call:\n    inputs:\n      wait-for-exit:\n"
                            "        type: boolean\n        default: false\n",
                            "  push:\n    branches: [main]\n") % condition
    return _found(text, MIGRATION)


@pytest.mark.parametrize("condition", ["false", "${{ false }}", "github.ref == 'x' && false"])
def test_a_check_with_a_false_if_does_not_count(condition):
    found = _single(condition)
    assert [ln for ln, _ in found] == [15]
    assert "is skipped" in found[0][1]


@pytest.mark.parametrize("condition", ["true", "success()", "github.ref == 'refs/heads/main'",
                                       "inputs.wait-for-exit"])  # (no caller: not known)
def test_a_check_with_an_if_not_known_false_counts(condition):
    assert _single(condition) == []


def test_a_run_task_step_a_caller_skips_is_not_reported_for_it(tmp_path):
    text = RUN_TASK.replace("      - id: start\n",
                            "      - id: start\n        if: inputs.wait-for-exit\n")
    files = {".github/workflows/run-task.yml": text % "false",
             ".github/workflows/release.yml":
                 "on: {push: {branches: [main]}}\njobs:\n" + _caller("migrate")}
    assert [f for f in lint_files(tmp_path, files) if f.rule == MIGRATION] == []


# --- workflow-image-latest: format() with arguments known only at run time ------------

RENDER = """\
on: {push: {branches: [main]}}
jobs:
  deploy:
    runs-on: ubuntu-latest
    permissions: {id-token: write, contents: read}
    strategy:
      matrix:
        service: [api, worker]
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: ${{ vars.DEPLOY_ROLE_ARN }}
          aws-region: us-east-1
      - id: ecr
        uses: aws-actions/amazon-ecr-login@v2
%s      - id: render
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: ecs/app.json
          container-name: app
          image: %s
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: ${{ steps.render.outputs.task-definition }}
          cluster: c
          service: ${{ matrix.service }}
"""


@pytest.mark.parametrize("image", [
    "${{ format('{0}/{1}:{2}', steps.ecr.outputs.registry, matrix.service, github.sha) }}",
    "${{ format('{0}/app:{1}', steps.ecr.outputs.registry, steps.meta.outputs.version) }}",
    # not evaluated (a function as an argument): not known, never "no tag"
    "${{ format('{0}/{1}:{2}', steps.ecr.outputs.registry, matrix.service, toLower(github.sha)) }}",
])
def test_a_format_with_a_commit_or_unknown_tag_is_not_reported(image):
    assert _found(RENDER % ("", image), LATEST) == []


@pytest.mark.parametrize("image, what", [
    ("${{ format('{0}/{1}:{2}', steps.ecr.outputs.registry, matrix.service, 'latest') }}",
     "with `:latest`"),
    ("${{ format('{0}/{1}', steps.ecr.outputs.registry, matrix.service) }}", "with no tag"),
])
def test_a_format_giving_latest_or_no_tag_is_reported(image, what):
    found = _found(RENDER % ("", image), LATEST)  # one per matrix row
    assert [ln for ln, _ in found] == [21, 21]
    assert all(what in m and "'${{ steps.ecr.outputs.registry }}/" in m for _, m in found)


def test_resolve_fills_in_the_format_arguments_it_knows():
    wf = wm.read_workflow(yaml.safe_load(RENDER % ("", "x")))
    job = wf.jobs["deploy"]
    got = wm.resolve("${{ format('{0}/{1}:{2}', steps.ecr.outputs.registry, matrix.service, "
                     "github.sha) }}", job, job.steps[-2], row={"service": "api"})
    assert got == "${{ steps.ecr.outputs.registry }}/api:${{ github.sha }}"


# --- workflow-image-latest: a shell variable written to $GITHUB_ENV -----------------

PUSH = """\
      - name: Build and push
        env:
          REGISTRY: ${{ steps.ecr.outputs.registry }}
        run: |
%s
"""


def _env_push(script):
    return PUSH % textwrap.indent(textwrap.dedent(script), " " * 10).rstrip("\n")


@pytest.mark.parametrize("script", [
    """\
    image="$REGISTRY/app:latest"
    docker build -t "$image" .
    docker push "$image"
    echo "APP_IMAGE=$image" >> "$GITHUB_ENV"
    """,
    # one line, as the reviewer wrote it
    """\
    image="$REGISTRY/app:latest"; docker push "$image"; echo "APP_IMAGE=$image" >> "$GITHUB_ENV"
    """,
    # a variable built from others; set again after the write (not what was written)
    """\
    repo="$REGISTRY/app"; tag=latest; image="${repo}:${tag}"
    docker push "$image"
    echo "APP_IMAGE=${image}" >> $GITHUB_ENV
    image="$REGISTRY/app:$GITHUB_SHA"
    """,
])
def test_a_latest_image_handed_on_through_github_env_is_reported(script):
    found = _found(RENDER % (_env_push(script), "${{ env.APP_IMAGE }}"), LATEST)
    assert len(found) == 1
    assert "'${{ steps.ecr.outputs.registry }}/app:latest' with `:latest`" in found[0][1]


@pytest.mark.parametrize("script", [
    """\
    image="$REGISTRY/app:${{ github.sha }}"
    docker push "$image"
    echo "APP_IMAGE=$image" >> "$GITHUB_ENV"
    """,
    # what a command prints: not known
    """\
    image=$(cat image.txt)
    echo "APP_IMAGE=$image" >> "$GITHUB_ENV"
    """,
])
def test_a_pinned_or_printed_image_through_github_env_is_not_reported(script):
    assert _found(RENDER % (_env_push(script), "${{ env.APP_IMAGE }}"), LATEST) == []


def test_the_env_value_is_read_with_the_writing_steps_variables():
    text = RENDER % (_env_push("""\
        image="$REGISTRY/app:latest"
        echo "APP_IMAGE=$image" >> "$GITHUB_ENV"
        """), "${{ env.APP_IMAGE }}")
    job = wm.read_workflow(yaml.safe_load(text)).jobs["deploy"]
    render = next(st for st in job.steps if st.id == "render")
    assert wm.resolve("${{ env.APP_IMAGE }}", job, render) == \
        "${{ steps.ecr.outputs.registry }}/app:latest"
    assert wm.resolve("$APP_IMAGE", job, render) == "${{ steps.ecr.outputs.registry }}/app:latest"


def test_a_variable_that_grows_itself_stays_bounded():
    script = 'x="$x$x$x$x$x$x$x$x"\n' * 3 + 'echo "APP_IMAGE=$x:latest" >> "$GITHUB_ENV"\n'
    text = RENDER % (_env_push(script), "${{ env.APP_IMAGE }}")
    job = wm.read_workflow(yaml.safe_load(text)).jobs["deploy"]
    render = next(st for st in job.steps if st.id == "render")
    got = wm.resolve("${{ env.APP_IMAGE }}", job, render)
    assert isinstance(got, str) and len(got) < 200_000
