"""Values followed across a workflow: attacker text carried by step outputs,
job outputs and reusable-workflow inputs into `run:` (workflow-template-
injection), and test commands whose failure the script swallows
(workflow-deploy-no-test-gate)."""
import textwrap

import pytest

from conftest import lint_folder, workflow_findings
from ecs_lint import shell

INJECTION = "workflow-template-injection"
NO_TEST_GATE = "workflow-deploy-no-test-gate"


def injections(text, messages=False):
    """(line[, message]) of the template-injection findings of one workflow."""
    return [f[1:] if messages else f[1] for f in workflow_findings(text, messages=True)
            if f[0] == INJECTION]


def _indent(block, n):
    return textwrap.indent(textwrap.dedent(block).strip("\n"), " " * n)


# --- step and job outputs -----------------------------------------------------------------

CHATOPS = """\
on:
  issue_comment:
    types: [created]
jobs:
  parse:
    runs-on: ubuntu-latest
    outputs:
      flavor: ${{{{ steps.args.outputs.flavor }}}}
    steps:
      - id: args
        env:
          BODY: ${{{{ github.event.comment.body }}}}
        run: |
{parse}
  push:
    needs: parse
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
{steps}
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: ${{{{ vars.ROLE }}}}
          aws-region: eu-west-1
      - run: |
{script}
"""


def chatops(parse='echo "flavor=$BODY" >> "$GITHUB_OUTPUT"', steps="", script=""):
    return CHATOPS.format(parse=_indent(parse, 10), steps=_indent(steps, 6) if steps else "",
                          script=_indent(script, 10))


def test_a_job_output_carrying_a_comment_body_through_a_step_output_is_reported():
    text = chatops(parse="""\
        FLAVOR=$(sed -n 's#^/preview \\(.*\\)$#\\1#p' <<<"$BODY" | head -n1)
        echo "flavor=${FLAVOR:-default}" >> "$GITHUB_OUTPUT"
        """, script='echo "flavor ${{ needs.parse.outputs.flavor }}"')
    found = injections(text, messages=True)
    assert len(found) == 1
    assert "`${{ needs.parse.outputs.flavor }}` (set from `github.event.comment.body`)" \
        in found[0][1]


@pytest.mark.parametrize("parse", [
    # the expression written straight into the output
    'echo "flavor=${{ github.event.comment.body }}" >> $GITHUB_OUTPUT',
    # through an env variable of the step
    'echo "flavor=$BODY" >> "$GITHUB_OUTPUT"',
    # a shell variable set from it
    'F="$BODY"\necho "flavor=$F" | tee -a "$GITHUB_OUTPUT"',
])
def test_step_outputs_written_from_attacker_text_carry_it(parse):
    assert injections(chatops(parse=parse,
                              script='echo "${{ needs.parse.outputs.flavor }}"')) != []


@pytest.mark.parametrize("parse", [
    'echo "flavor=${{ github.event.issue.number }}" >> "$GITHUB_OUTPUT"',
    'echo "flavor=$GITHUB_SHA" >> "$GITHUB_OUTPUT"',
    # a count or a checksum of the body holds none of its text
    'N=$(wc -l <<<"$BODY")\necho "flavor=$N" >> "$GITHUB_OUTPUT"',
    'H=$(sha256sum <<<"$BODY")\necho "flavor=$H" >> "$GITHUB_OUTPUT"',
    'echo "flavor=default" >> "$GITHUB_OUTPUT"',
])
def test_step_outputs_without_attacker_text_stay_silent(parse):
    assert injections(chatops(parse=parse,
                              script='echo "${{ needs.parse.outputs.flavor }}"')) == []


def test_an_output_read_through_env_is_safe():
    text = chatops(script='echo "$FLAVOR"').replace(
        "      - run: |\n", "      - env:\n          FLAVOR: ${{ needs.parse.outputs.flavor }}\n"
                           "        run: |\n")
    assert injections(text) == []


def test_a_job_without_credentials_is_not_reported():
    text = chatops(script='echo "${{ needs.parse.outputs.flavor }}"').replace(
        "      - uses: aws-actions/configure-aws-credentials@v4\n"
        "        with:\n          role-to-assume: ${{ vars.ROLE }}\n"
        "          aws-region: eu-west-1\n", "")
    assert injections(text) == []


def test_the_pull_requests_branch_in_github_head_ref_is_attacker_text():
    steps = """\
        - id: ref
          run: echo "ref=$GITHUB_HEAD_REF" >> "$GITHUB_OUTPUT"
        """
    found = injections(chatops(steps=steps, script='echo "${{ steps.ref.outputs.ref }}"'),
                       messages=True)
    assert len(found) == 1 and "set from `github.head_ref`" in found[0][1]


GITHUB_SCRIPT = """\
    - id: pr
      uses: actions/github-script@v7
      with:
        result-encoding: string
        script: |
          const { data } = await github.rest.pulls.get({
            owner: context.repo.owner, repo: context.repo.repo,
            pull_number: context.issue.number });
          const branch = data.head.ref;
          core.setOutput('head_ref', data.head.ref);
          core.setOutput('branch', branch);
          core.setOutput('tag', `pr-${data.head.label}`);
          core.setOutput('sha', data.head.sha);
          core.setOutput('number', data.number);
          core.setOutput('merged', data.title.includes('wip'));
          return data.head.sha;
    """


@pytest.mark.parametrize("output, source", [
    ("head_ref", "data.head.ref"),
    ("branch", "data.head.ref"),
    ("tag", "data.head.label"),
])
def test_github_script_outputs_set_from_the_pull_request_carry_its_text(output, source):
    found = injections(chatops(steps=GITHUB_SCRIPT,
                               script=f'echo "${{{{ steps.pr.outputs.{output} }}}}"'),
                       messages=True)
    assert len(found) == 1
    assert f"(set from `{source}` by actions/github-script)" in found[0][1]


@pytest.mark.parametrize("output", ["sha", "number", "merged", "result", "missing"])
def test_github_script_outputs_of_safe_values_stay_silent(output):
    assert injections(chatops(steps=GITHUB_SCRIPT,
                              script=f'echo "${{{{ steps.pr.outputs.{output} }}}}"')) == []


def test_each_line_that_pastes_attacker_text_is_reported():
    text = chatops(steps=GITHUB_SCRIPT, script="""\
        TAG="pr-${{ github.event.issue.number }}-${{ needs.parse.outputs.flavor }}"
        echo "Building ${{ steps.pr.outputs.head_ref }} as $TAG"
        echo "${{ github.event.issue.number }}"
        """)
    lines = injections(text)
    assert len(lines) == 2 and lines[1] == lines[0] + 1


# --- reusable workflow inputs --------------------------------------------------------------

CALLEE = """\
on:
  workflow_call:
    inputs:
      pr-number: {type: string}
      pr-title: {type: string, default: ""}
jobs:
  publish:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    env:
      TITLE: ${{ inputs.pr-title }}
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: ${{ vars.ROLE }}
          aws-region: eu-west-1
      - run: |
          echo "#${{ inputs.pr-number }}"
          docker build --label "title=${{ inputs.pr-title }}" .
          echo "${{ env.TITLE }}"
          echo "$TITLE"
"""

CALLER = """\
on:
  pull_request:
jobs:
  review-app:
    uses: ./.github/workflows/review-app.yml
    permissions:
      id-token: write
    with:
      pr-number: ${{{{ github.event.pull_request.number }}}}
{title}
"""


def callee_injections(tmp_path, callers):
    wfs = tmp_path / ".github" / "workflows"
    wfs.mkdir(parents=True)
    (wfs / "review-app.yml").write_text(CALLEE)
    for name, text in callers.items():
        (wfs / name).write_text(text)
    return sorted((f.span.line, f.message) for f in
                  lint_folder(tmp_path, ".github/workflows/review-app.yml")
                  if f.rule == INJECTION)


def test_an_input_a_caller_fills_with_the_pull_request_title_is_attacker_text(tmp_path):
    caller = CALLER.format(title="      pr-title: ${{ github.event.pull_request.title }}")
    found = callee_injections(tmp_path, {"pr.yml": caller})
    assert [line for line, _ in found] == [20, 21]
    assert "`${{ inputs.pr-title }}` (set from `github.event.pull_request.title` by " \
           ".github/workflows/pr.yml job 'review-app')" in found[0][1]
    assert "`${{ env.TITLE }}` (set from `github.event.pull_request.title` by " in found[1][1]


@pytest.mark.parametrize("title", [
    "      pr-title: ${{ github.event.pull_request.number }}",
    "      pr-title: fixed text",
    "",
])
def test_inputs_callers_fill_with_safe_values_stay_silent(tmp_path, title):
    assert callee_injections(tmp_path, {"pr.yml": CALLER.format(title=title)}) == []


def test_a_reusable_workflow_nothing_calls_stays_silent(tmp_path):
    assert callee_injections(tmp_path, {}) == []


def test_dispatch_inputs_are_not_attacker_text():
    text = """\
    on:
      workflow_dispatch:
        inputs:
          note: {type: string}
    jobs:
      deploy:
        permissions:
          id-token: write
        steps:
          - uses: aws-actions/configure-aws-credentials@v4
            with:
              role-to-assume: ${{ vars.ROLE }}
              aws-region: eu-west-1
          - run: echo "${{ inputs.note }}"
    """
    assert injections(text) == []


# --- tests whose failure is swallowed ------------------------------------------------------

GATED = """\
on:
  push:
    branches: [main]
jobs:
  tests:
    runs-on: ubuntu-latest
    {shell}steps:
      - run: |
{script}
  deploy:
    needs: tests
    environment: production
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: ${{{{ vars.ROLE }}}}
          aws-region: eu-west-1
      - run: aws ecs update-service --cluster c --service s --force-new-deployment
"""


def gate_findings(script, shell_=None):
    text = GATED.format(script=_indent(script, 10),
                        shell=f"defaults: {{run: {{shell: '{shell_}'}}}}\n    " if shell_ else "")
    return [f[2] for f in workflow_findings(text, messages=True) if f[0] == NO_TEST_GATE]


@pytest.mark.parametrize("script", [
    "pytest tests/ --junitxml=report.xml || true",
    "pytest || :",
    "npm test || exit 0",
    'make test || echo "::warning::tests failed"',
    "set +e\npytest\necho done",
    "set +o errexit\ngo test ./...\necho done",
])
def test_a_test_command_whose_failure_is_swallowed_is_no_gate(script):
    found = gate_findings(script)
    assert len(found) == 1
    assert "cannot stop it" in found[0] and "job 'tests' succeeds whatever the tests give" \
        in found[0]


def test_without_errexit_in_the_shell_a_test_before_other_commands_is_no_gate():
    assert len(gate_findings("pytest\necho done", shell_="bash {0}")) == 1


@pytest.mark.parametrize("script, shell_", [
    ("pytest", None),
    ("pytest || exit 1", None),
    ("pytest || { echo failed; exit 1; }", None),
    ("pytest || echo failed && exit 1", None),
    # `bash -e`: the script stops at the failing test before `true`
    ("pytest; true", None),
    ("pytest\necho done", None),
    ("set +e\nset -e\npytest\necho done", None),
    # -e off: the test is the script's last command, or its status is read
    ("set +e\necho start\npytest", None),
    ("set +e\npytest\nrc=$?\necho done\nexit $rc", None),
    ("if ! pytest; then exit 1; fi", None),
    ("pytest\necho done", "bash -e {0}"),
])
def test_test_commands_whose_failure_fails_the_step_still_gate(script, shell_):
    assert gate_findings(script, shell_) == []


def test_continue_on_error_keeps_its_own_message():
    text = GATED.format(script=_indent("pytest", 10), shell="").replace(
        "      - run: |\n          pytest",
        "      - continue-on-error: true\n        run: |\n          pytest")
    found = [f[2] for f in workflow_findings(text, messages=True) if f[0] == NO_TEST_GATE]
    assert len(found) == 1 and "run with `continue-on-error: true`" in found[0]


# --- the shell reader's helpers ------------------------------------------------------------

@pytest.mark.parametrize("script, swallowed", [
    ("pytest || true", True),
    ("pytest || :", True),
    ("pytest || exit 0", True),
    ("pytest || echo x", True),
    ("pytest || exit 1", False),
    ("pytest || exit", False),
    ("pytest || { echo x; exit 1; }", False),
    ("pytest || (exit 0)", False),
    ("pytest || echo x && exit 1", False),
    ("pytest && true", False),
    ("pytest", False),
])
def test_failure_swallowed(script, swallowed):
    cmds = shell.parse(script)
    assert shell.failure_swallowed(cmds[0], cmds) is swallowed


def test_errexit_follows_the_set_commands_before_a_command():
    cmds = shell.parse("set +e\na\nset -eo pipefail\nb\nset +o errexit\nc\nset -x\nd")
    at = {c.name: shell.errexit_at(cmds, c, True) for c in cmds if c.name != "set"}
    assert at == {"a": False, "b": True, "c": False, "d": False}
    assert shell.errexit_at(cmds, cmds[0], False) is False


# --- images handed on by a reusable workflow's outputs -----------------------------------

BUILD = """\
on:
  workflow_call:
    outputs:
      uri:
        value: ${{{{ jobs.build.outputs.uri }}}}
jobs:
  build:
    runs-on: ubuntu-latest
    outputs:
      uri: ${{{{ steps.push.outputs.uri }}}}
    steps:
      - id: push
        env:
          REPO: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/web
        run: |
          docker build -t "$REPO:{tag}" .
          docker push "$REPO:{tag}"
          echo "uri=$REPO:{tag}" >> "$GITHUB_OUTPUT"
"""

CD = """\
on:
  push:
    branches: [main]
jobs:
  image:
    uses: ./.github/workflows/build-image.yml
  deploy:
    needs: image
    environment: production
    runs-on: ubuntu-latest
    steps:
      - id: render
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: ecs/web.json
          container-name: web
          image: {image}
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: ${{{{ steps.render.outputs.task-definition }}}}
          cluster: c
          service: web
"""


def handed_on_latest(tmp_path, tag, image="${{ needs.image.outputs.uri }}"):
    wfs = tmp_path / ".github" / "workflows"
    wfs.mkdir(parents=True)
    (wfs / "build-image.yml").write_text(BUILD.format(tag=tag))
    (wfs / "cd.yml").write_text(CD.format(image=image))
    return [(f.file, f.line, f.message) for f in lint_folder(tmp_path)
            if f.rule == "workflow-image-latest"]


def test_a_latest_image_handed_on_by_a_reusable_workflows_output_is_reported_where_tagged(
        tmp_path):
    found = handed_on_latest(tmp_path, "latest")
    assert len(found) == 1
    file, line, message = found[0]
    assert file.endswith("build-image.yml") and line == 17  # `docker push "$REPO:latest"`
    assert message.startswith("job 'build' (whose output `uri` .github/workflows/cd.yml job "
                              "'deploy' deploys) pushes image '123456789012.dkr.ecr.eu-west-1."
                              "amazonaws.com/web:latest'")


@pytest.mark.parametrize("tag, image", [
    ("${{ github.sha }}", "${{ needs.image.outputs.uri }}"),
    ("latest", "${{ vars.IMAGE }}"),  # the deploy does not take the handed-on image
    ("latest", "${{ needs.image.outputs.other }}"),
])
def test_images_handed_on_pinned_or_not_deployed_stay_silent(tmp_path, tag, image):
    assert handed_on_latest(tmp_path, tag, image) == []


@pytest.mark.parametrize("relay, reported", [
    # gj/06: text an earlier step writes to $GITHUB_ENV is the env context's
    ('echo "SLUG=$BRANCH" >> "$GITHUB_ENV"', True),
    ('SLUG="${BRANCH//\\//-}"\necho "SLUG=$SLUG" >> "$GITHUB_ENV"', True),
    ('echo "SLUG=preview" >> "$GITHUB_ENV"', False),
])
def test_attacker_text_relayed_through_github_env(relay, reported):
    steps = f"""\
    - env:
        BRANCH: ${{{{ github.event.comment.body }}}}
      run: |
{_indent(relay, 8)}
    """
    found = injections(chatops(steps=steps, script='echo "${{ env.SLUG }}"'))
    assert bool(found) is reported


COMPOSITE = """\
name: record
runs:
  using: composite
  steps:
    - shell: bash
      run: |
        echo "deploying"
        echo "${{ github.event.head_commit.message }}" >> notes.txt
        echo "${{ inputs.note }}"
inputs:
  note: {default: ""}
"""

DEPLOY_WITH_COMPOSITE = """\
on: {push: {branches: [main]}}
jobs:
  deploy:
    runs-on: ubuntu-latest
    permissions: {id-token: write}
    steps:
      - uses: actions/checkout@v4
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/deploy
          aws-region: eu-west-1
      - uses: ./.github/actions/record
        with:
          note: %s
"""


@pytest.mark.parametrize("note, places", [
    # gj/04: an expression the composite's own script pastes is fixed there
    ("done", [(".github/actions/record/action.yml", 8)]),
    # so is one a caller's input gives it, at the line that expands the input
    # (as a reusable workflow's input is reported at its run line; hv/02, p/04)
    ("${{ github.event.head_commit.author.name }}",
     [(".github/actions/record/action.yml", 8), (".github/actions/record/action.yml", 9)]),
])
def test_a_composite_actions_own_injection_is_reported_in_its_file(tmp_path, note, places):
    (tmp_path / ".github" / "actions" / "record").mkdir(parents=True)
    (tmp_path / ".github" / "actions" / "record" / "action.yml").write_text(COMPOSITE)
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "d.yml").write_text(DEPLOY_WITH_COMPOSITE % note)
    found = sorted((f.file, f.span.line) for f in lint_folder(tmp_path) if f.rule == INJECTION)
    assert found == places
