"""The workflow-* rules: behaviour on small inputs, the real corpus, and their docs."""
import json
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SHARED, lint_folder, run_cli, workflow_findings
from ecs_lint.config import Config
from ecs_lint.loader import load_text
from ecs_lint.model import Document
from ecs_lint.registry import CHECKS, RULES, load_rules
from ecs_lint.rules.workflow import image_pin
from ecs_lint.runner import Context

load_rules()
WORKFLOW_RULES = sorted(r for r in RULES if r.startswith("workflow-"))


def lint_text(text, github=None):
    """(rule, line) of every workflow finding on a workflow text."""
    return workflow_findings(text, github)


def rules_of(text):
    return {r for r, _ in lint_text(text)}


MIGRATION = """\
on:
  push:
    branches: [main]
jobs:
  test:
    steps:
      - run: pytest
  migrate:
    needs: test
    environment: production
    permissions:
      id-token: write
    steps:
      - uses: aws-actions/configure-aws-credentials@0123456789abcdef0123456789abcdef01234567
        with:
          role-to-assume: ${{{{ vars.ROLE }}}}
          aws-region: eu-west-1
      - run: |
{script}
"""


def migration(script):
    body = textwrap.indent(textwrap.dedent(script).strip("\n"), " " * 10)
    return MIGRATION.format(script=body)


ARTICLE_CHECK = """\
    TASK_ARN=$(aws ecs run-task --cluster $C --task-definition m \\
      --query 'tasks[0].taskArn' --output text)
    aws ecs wait tasks-stopped --cluster $C --tasks $TASK_ARN
    EXIT=$(aws ecs describe-tasks --cluster $C --tasks $TASK_ARN \\
      --query 'tasks[0].containers[0].exitCode' --output text)
    if [ "$EXIT" != "0" ]; then
      echo "Migration failed (exit=$EXIT)"
      exit 1
    fi
"""


@pytest.mark.parametrize("script", [
    ARTICLE_CHECK,
    ARTICLE_CHECK.replace('if [ "$EXIT" != "0" ]; then', 'if [[ $EXIT -ne 0 ]]; then'),
    """\
    T=$(aws ecs run-task --cluster c --task-definition m --query 'tasks[0].taskArn' --output text)
    aws ecs wait tasks-stopped --cluster c --tasks "$T"
    OUT=$(aws ecs describe-tasks --cluster c --tasks "$T")
    CODE=$(echo "$OUT" | jq -r '.tasks[0].containers[0].exitCode')
    [ "$CODE" = "0" ]
    """,
    """\
    T=$(aws ecs run-task --cluster c --task-definition m --query 'tasks[0].taskArn' --output text)
    aws ecs wait tasks-stopped --cluster c --tasks "$T"
    CODE=$(aws ecs describe-tasks --cluster c --tasks "$T" --query 'tasks[0].containers[0].exitCode' --output text)
    exit $CODE
    """,
], ids=["article", "double-bracket", "jq-and-bare-test", "exit-with-code"])
def test_migration_checked(script):
    assert "workflow-migration-unchecked" not in rules_of(migration(script))


@pytest.mark.parametrize("script", [
    ARTICLE_CHECK.replace("aws ecs wait tasks-stopped", "echo no wait"),
    ARTICLE_CHECK.replace("exit 1", "echo carry on"),
    ARTICLE_CHECK.replace("exitCode", "stopCode"),
    "aws ecs run-task --cluster c --task-definition m",
], ids=["no-wait", "no-exit", "stop-code-not-exit-code", "fire-and-forget"])
def test_migration_unchecked(script):
    findings = lint_text(migration(script))
    lines = [line for rule, line in findings if rule == "workflow-migration-unchecked"]
    assert lines == [19]  # the line of `aws ecs run-task` in the file


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["", "# a comment", "echo working", "set -x", "sleep 1"]),
                max_size=4))
def test_migration_verdict_ignores_unrelated_lines(noise):
    lines = ARTICLE_CHECK.splitlines()
    script = "\n".join(lines[:3] + ["    " + n for n in noise] + lines[3:])
    assert "workflow-migration-unchecked" not in rules_of(migration(script))
    broken = script.replace("exit 1", "true")
    assert "workflow-migration-unchecked" in rules_of(migration(broken))


@pytest.mark.parametrize("ref, kind", [
    ("123.dkr.ecr.us-east-1.amazonaws.com/api:latest", "latest"),
    ("123.dkr.ecr.us-east-1.amazonaws.com/api", "untagged"),
    ("localhost:5000/api", "untagged"),
    ("${{ steps.ecr.outputs.registry }}/api:${{ github.sha }}", "sha"),
    ("$REGISTRY/api:${GITHUB_SHA::12}", "sha"),
    ("$REGISTRY/api:$SHORT_SHA", "sha"),
    ("$REGISTRY/api@sha256:" + "a" * 64, "digest"),
    ("$REGISTRY/api:v1.2.3", "other"),
    ("$REGISTRY/api:$TAG", "unknown"),
    ("${{ steps.build.outputs.image }}", "unknown"),
    ("$IMAGE", "unknown"),
    (None, "unknown"),
])
def test_image_pin(ref, kind):
    assert image_pin(ref) == kind


def test_role_from_vars_is_resolved_for_hardcoded_account_only_when_literal():
    text = """\
    on: push
    permissions: {id-token: write}
    jobs:
      j:
        steps:
          - uses: aws-actions/configure-aws-credentials@0123456789abcdef0123456789abcdef01234567
            with:
              role-to-assume: ${{ vars.ROLE }}
              aws-region: eu-west-1
    """
    assert "workflow-account-id-hardcoded" not in rules_of(text)
    assert "workflow-account-id-hardcoded" in rules_of(
        text.replace("${{ vars.ROLE }}", "arn:aws:iam::123456789012:role/x"))


def test_every_workflow_rule_is_documented_ruff_style():
    for rid in WORKFLOW_RULES:
        docs = RULES[rid].docs
        for part in ("## What it does", "## Why is this bad?", "## Example", "Use instead:"):
            assert part in docs, f"{rid} docs lack {part!r}"
        assert docs.count("```") >= 4, rid


def test_every_workflow_rule_has_a_firing_fixture():
    expected = set()
    for f in (Path(__file__).parent.parent / "fixtures" / "workflows").rglob("expect.tsv"):
        for line in f.read_text().splitlines():
            if line.strip() and not line.startswith(("#", "~")):
                expected.add(line.split("\t")[0])
    assert set(WORKFLOW_RULES) <= expected, set(WORKFLOW_RULES) - expected


CORPUS = sorted((SHARED / "corpus" / "workflows").glob("*")) if SHARED.exists() else []


@pytest.mark.skipif(not CORPUS, reason="../shared is not beside this checkout")
def test_corpus_workflows_lint_without_crashing():
    folder = SHARED / "corpus" / "workflows"
    proc = run_cli("--select", "workflow-", "--format", "json", "--fail-on", "never",
                   str(folder))
    assert proc.returncode == 0, proc.stderr
    assert "internal-error" not in proc.stdout and "Traceback" not in proc.stderr
    assert "parse-error" not in proc.stdout


@pytest.mark.skipif(not CORPUS, reason="../shared is not beside this checkout")
@pytest.mark.parametrize("name, rule, present", [
    # static keys from secrets are reported; keys minted at run time are not
    ("actions__starter-workflows__aws.yml", "workflow-static-aws-keys", True),
    ("aws-actions__configure-aws-credentials__tests-integ-release.yml",
     "workflow-oidc-untrusted-trigger", True),
    # the article-like migration with wait + exitCode check passes
    ("stochaideas__animalert-open__build-migrate-deploy-stage.yml",
     "workflow-migration-unchecked", False),
    # reusable workflows with permissions: {} and job-level id-token
    ("mbta__workflows__deploy-ecs.yml", "workflow-id-token-missing", False),
    ("narocorporation__github-actions-deploy__service-deploy.yml",
     "workflow-stability-wait-off", True),
    # SHA tag deployed, :latest pushed beside it
    ("BraidFI-AI__watchman-java__deploy-ecs.yml", "workflow-image-latest", False),
])
def test_corpus_spot_checks(name, rule, present):
    text = (SHARED / "corpus" / "workflows" / name).read_text()
    assert (rule in rules_of(text)) is present


OIDC_JOB = """
on: [push, pull_request_target, pull_request]
permissions: {{id-token: write, contents: read}}
jobs:
  deploy:
    runs-on: ubuntu-latest
    if: {job_if}
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        if: {step_if}
        with:
          role-to-assume: arn:aws:iam::123456789012:role/deploy
          aws-region: us-east-1
"""


@pytest.mark.parametrize("on, reported", [
    # a review of a pull request runs its merge commit, as the pull request does
    ("[pull_request_review]", True),
    ("[pull_request_review_comment]", True),
    ("[push, pull_request_review]", True),
    ("[push, issue_comment]", False),
])
def test_events_that_run_a_pull_requests_code(on, reported):
    text = OIDC_JOB.replace("on: [push, pull_request_target, pull_request]", f"on: {on}")
    assert ("workflow-oidc-on-pull-request" in rules_of(
        text.format(job_if="true", step_if="true"))) is reported


@pytest.mark.parametrize("job_if, step_if, untrusted, on_pr", [
    ("github.event_name == 'push'", "true", False, False),
    ("\"github.event_name == 'push' || github.event_name == 'pull_request'\"", "true",
     False, True),
    # a test of something else beside the event: the job may still run on any event
    ("\"github.event_name == 'push' || github.actor == 'dependabot[bot]'\"", "true",
     True, True),
    ("\"github.event_name != 'pull_request_target' || github.actor == 'bot'\"", "true",
     True, True),
    ("\"github.event_name != 'pull_request_target' && github.actor == 'bot'\"", "true",
     False, True),
    # negation
    ("\"!(github.event_name == 'push')\"", "true", True, True),
    ("\"!(github.event_name != 'push')\"", "true", False, False),
    ("\"!(github.event_name == 'push' || github.actor == 'bot')\"", "true", True, True),
    # GitHub compares strings ignoring case
    ("\"github.event_name != 'PULL_REQUEST_TARGET'\"", "true", False, True),
    ("\"'push' == github.event_name\"", "true", False, False),
    # the step's own `if:` narrows when the role is assumed
    ("true", "github.event_name == 'push'", False, False),
    ("true", "github.event_name != 'pull_request'", True, False),
    ("\"(github.event_name == 'push' || github.event_name == 'pull_request_target') "
     "&& github.ref == 'refs/heads/main'\"", "true", True, False),
])
def test_job_and_step_if_narrow_the_events_a_role_is_assumed_on(job_if, step_if, untrusted,
                                                                 on_pr):
    found = rules_of(OIDC_JOB.format(job_if=job_if, step_if=step_if))
    assert ("workflow-oidc-untrusted-trigger" in found) is untrusted
    assert ("workflow-oidc-on-pull-request" in found) is on_pr


CALLED_AND_PUSHED = """
on:
  {on}
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/deploy
          aws-region: us-east-1
"""


@pytest.mark.parametrize("on, missing", [
    ("workflow_call:", False),  # runs with its caller's permissions
    ("{push: {branches: [main]}, workflow_call: {}}", True),  # on push: the default token
    ("[workflow_call, workflow_dispatch]", True),
])
def test_a_reusable_workflow_that_also_runs_on_its_own_needs_id_token(on, missing):
    found = rules_of(CALLED_AND_PUSHED.format(on=on))
    assert ("workflow-id-token-missing" in found) is missing


DEPLOY_STEP = """
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: td.json
          service: web
          {inputs}
"""


@pytest.mark.parametrize("inputs, found", [
    ("wait-for-service-stability: true", set()),
    ("wait-for-service-stability: 'TRUE'", set()),
    # the action waits only for the text `true`
    ("wait-for-service-stability: '1'", {"workflow-stability-wait-off"}),
    ("wait-for-service-stability: 'y'", {"workflow-stability-wait-off"}),
    ("wait-for-service-stability: yes", {"workflow-stability-wait-off"}),  # YAML 1.2: text
    ("wait-for-service-stability: True", set()),
    ("wait-for-service-stability: ${{ inputs.wait }}", set()),
    # `parseInt(wait-for-minutes) || 30`: 0 and text wait 30 minutes
    ("{wait-for-service-stability: true, wait-for-minutes: 0}", set()),
    ("{wait-for-service-stability: true, wait-for-minutes: soon}", set()),
    ("{wait-for-service-stability: true, wait-for-minutes: '10.9'}",
     {"workflow-stability-wait-short"}),
    ("{wait-for-service-stability: true, wait-for-minutes: 14}", {"workflow-stability-wait-short"}),
])
def test_stability_inputs_are_read_as_the_deploy_action_reads_them(inputs, found):
    text = DEPLOY_STEP.format(inputs=inputs)
    if inputs.startswith("{"):
        text = text.replace("          " + inputs, "").replace(
            "service: web", "service: web\n          " + inputs[1:-1].replace(", ", "\n          "))
    rules = rules_of(text) & {"workflow-stability-wait-off", "workflow-stability-wait-short"}
    assert rules == found


@pytest.mark.parametrize("rows, inputs, found", [
    ("[{env: staging, wait: 10}, {env: production, wait: 20}]",
     "{wait-for-service-stability: true, wait-for-minutes: ${{ matrix.wait }}}",
     {"workflow-stability-wait-short"}),
    ("[{env: staging, wait: 15}, {env: production, wait: 20}]",
     "{wait-for-service-stability: true, wait-for-minutes: ${{ matrix.wait }}}", set()),
    ("[{env: staging, wait: 'false'}, {env: production, wait: 'true'}]",
     "wait-for-service-stability: ${{ matrix.wait }}", {"workflow-stability-wait-off"}),
    ("[{env: staging, wait: 'true'}, {env: production, wait: 'TRUE'}]",
     "wait-for-service-stability: ${{ matrix.wait }}", set()),
    ("[{env: staging}, {env: production}]",  # a value no row sets: unknown, not reported
     "{wait-for-service-stability: true, wait-for-minutes: ${{ matrix.wait }}}", set()),
])
def test_stability_inputs_from_matrix_rows(rows, inputs, found):
    text = DEPLOY_STEP.format(inputs=inputs)
    if inputs.startswith("{"):
        text = text.replace("          " + inputs, "").replace(
            "service: web", "service: web\n          " + inputs[1:-1].replace(", ", "\n          "))
    text = text.replace("    steps:", f"    strategy:\n      matrix:\n        include: {rows}\n"
                                     "    steps:", 1)
    assert "matrix:" in text
    rules = rules_of(text) & {"workflow-stability-wait-off", "workflow-stability-wait-short"}
    assert rules == found


@pytest.mark.parametrize("wait, reported", [("true", False), ("'yes'", True), ("'1'", True),
                                            ("false", True)])
def test_a_migration_task_waits_only_with_wait_for_task_stopped_true(wait, reported):
    text = DEPLOY_STEP.replace("service: web", "run-task: true").format(
        inputs=f"wait-for-task-stopped: {wait}")
    assert ("workflow-migration-unchecked" in rules_of(text)) is reported


INJECTION = """
on: issue_comment
permissions: {{id-token: write}}
jobs:
  deploy:
    runs-on: ubuntu-latest
    env:
      BODY: ${{{{ github.event.comment.body }}}}
      SAFE: ${{{{ github.sha }}}}
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/deploy
          aws-region: us-east-1
      - run: {run}
"""


def _injections(run):
    return [f for f in lint_text(INJECTION.format(run=run))
            if f[0] == "workflow-template-injection"]


@pytest.mark.parametrize("run, line", [
    ("echo \"${{ github.event.Comment.Body }}\"", 15),  # context names ignore case
    ("echo \"${{ github.event['comment']['body'] }}\"", 15),
    ("echo '${{ toJSON(github.event) }}'", 15),
    ("echo \"${{ env.BODY }}\"", 15),  # env pastes the text back into the script
    ("echo \"${{ github.event.comment.body || 'none' }}\"", 15),  # `a || b` is a
    ("echo \"${{ contains(github.event.comment.body, 'x') && 'y' || github.event.comment.body"
     " }}\"", 15),
    ("echo \"${{ format('<{0}>', github.event.comment.body) }}\"", 15),
    # an expression over two lines of a double-quoted scalar, and a plain scalar
    # continued on the next line: the line of the expression
    ("\"echo start &&\n\n        echo ${{ github.event.comment.body }}\"", 17),
    ("echo start &&\n          echo ${{ github.event.comment.body }}", 16),
    (">\n          echo start &&\n          echo \"${{ github.event.comment.body }}\"", 17),
])
def test_template_injection_finds_the_text_however_it_is_written(run, line):
    assert _injections(run) == [("workflow-template-injection", line)]


@pytest.mark.parametrize("run", [
    "echo \"$BODY\"",  # read by the shell as data
    "echo \"${{ env.SAFE }}\"",
    "echo \"${{ contains(github.event.comment.body, '/deploy') }}\"",  # true or false
    "echo \"${{ github.event.comment.body == 'deploy' }}\"",
    "echo \"${{ !github.event.comment.body }}\"",
    # hv/04: only its own literals (a falsy value otherwise)
    "echo \"${{ startsWith(github.event.comment.body, '/x') && 'fast' || 'canary' }}\"",
    "echo \"${{ github.event.comment.body && 'given' }}\"",
])
def test_template_injection_near_misses(run):
    assert _injections(run) == []


KEYS_JOB = """
on: push
env:
  KEY_ID: ${{{{ secrets.DEPLOY_KEY_ID }}}}
  LOCAL: test
jobs:
  deploy:
    runs-on: ubuntu-latest
    {container}
    steps:
      - run: {run}
"""


@pytest.mark.parametrize("run, container, reported", [
    ("echo \"AWS_ACCESS_KEY_ID=${{ secrets.KEY }}\" >> \"$GITHUB_ENV\"", "", True),
    ("export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "", True),
    ("export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", "", True),
    ("aws configure set aws_access_key_id \"$KEY_ID\"", "", True),
    ("export AWS_ACCESS_KEY_ID=\"${KEY_ID}\"", "", True),
    ("echo ok", "container: {image: 'python:3', env: {AWS_ACCESS_KEY_ID: '${{ secrets.K }}'}}",
     True),
    # a local emulator's dummy key, and keys minted at run time
    ("export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test", "", False),
    ("aws configure set aws_access_key_id \"$LOCAL\"", "", False),
    ("echo \"AWS_ACCESS_KEY_ID=$(jq -r .Credentials.AccessKeyId creds.json)\" >> $GITHUB_ENV",
     "", False),
])
def test_static_keys_in_scripts_and_containers(run, container, reported):
    found = rules_of(KEYS_JOB.format(run=run, container=container))
    assert ("workflow-static-aws-keys" in found) is reported


GATED = """
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: pytest
  deploy:
    needs: test
    if: {cond}
    runs-on: ubuntu-latest
    environment: production
    steps:
      - run: aws ecs update-service --cluster c --service s --force-new-deployment
"""


@pytest.mark.parametrize("cond, gated", [
    ("github.ref == 'refs/heads/main'", True),
    ("always()", False),  # runs when the tests failed
    ("${{ !cancelled() }}", False),
    ("always() && needs.test.result == 'success'", True),
])
def test_a_deploy_that_runs_whatever_its_tests_give_is_not_gated(cond, gated):
    found = rules_of(GATED.format(cond=cond))
    assert ("workflow-deploy-no-test-gate" not in found) is gated


def test_account_id_in_a_cli_role_arn_and_secrets_in_brackets():
    found = lint_text("""
        on: push
        permissions: {id-token: write}
        jobs:
          deploy:
            runs-on: ubuntu-latest
            environment: production
            steps:
              - run: |
                  echo start
                  aws sts assume-role-with-web-identity --role-arn arn:aws:iam::123456789012:role/d --role-session-name x --web-identity-token "$T"
              - run: echo "${{ secrets['STRIPE_API_KEY'] }}" > key
        """)
    assert ("workflow-account-id-hardcoded", 11) in found
    assert ("workflow-app-secret-in-github", 12) in found


def test_positions_in_a_block_script_point_at_the_text():
    text = textwrap.dedent(INJECTION.format(run="|\n          echo start\n          echo \"${{ github.event.comment.body }}\""))
    loaded = load_text(text, "yaml")[0]
    doc = Document("workflow", loaded.data, "w.yml", loaded.locate, text=text)
    ctx = Context(Config(), ".", [], set(RULES))
    check = next(c for c in CHECKS if c.name.endswith("template_injection"))
    (p,) = check.func(doc, ctx)
    line = text.splitlines()[p.span.line - 1]
    assert line[p.span.column - 1:].startswith("${{ github.event.comment.body }}")


@pytest.mark.parametrize("callee, too_broad", [
    ("jobs:\n  t: {runs-on: x, steps: [{run: pytest}]}\n", True),  # assumes no role
    ("jobs:\n  d:\n    runs-on: x\n    steps:\n      - uses: aws-actions/configure-aws-credentials@v4\n"
     "        with: {role-to-assume: arn:aws:iam::123456789012:role/d, aws-region: eu-west-1}\n",
     False),
])
def test_id_token_too_broad_reads_the_local_workflow_a_job_calls(tmp_path, callee, too_broad):
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    (wf / "called.yml").write_text("on: workflow_call\n" + callee)
    (wf / "main.yml").write_text(textwrap.dedent("""\
        on: push
        permissions: {id-token: write}
        jobs:
          deploy:
            uses: ./.github/workflows/called.yml
        """))
    (tmp_path / ".git").mkdir()
    r = run_cli("--no-cache", "--select", "workflow-id-token-too-broad", str(wf / "main.yml"),
                cwd=tmp_path)
    assert ("workflow-id-token-too-broad" in r.stdout) is too_broad, r.stdout


_CALLED_DEPLOY = """\
on: workflow_call
jobs:
{tests}  deploy:
{needs}    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with: {{task-definition: td.json, service: web, cluster: prod}}
"""


@pytest.mark.parametrize("caller, callee_tests, gate_missing", [
    ("  deploy:\n    uses: ./.github/workflows/called.yml\n", False, True),
    ("  test: {runs-on: x, steps: [{run: pytest}]}\n"
     "  deploy:\n    needs: test\n    uses: ./.github/workflows/called.yml\n", False, False),
    ("  test: {runs-on: x, steps: [{run: pytest}]}\n"
     "  deploy:\n    needs: test\n    if: always()\n    uses: ./.github/workflows/called.yml\n",
     False, True),
    # the called workflow tests before it deploys: nothing for the caller to gate
    ("  deploy:\n    uses: ./.github/workflows/called.yml\n", True, False),
])
def test_deploy_gate_of_a_reusable_workflow_is_its_callers(tmp_path, caller, callee_tests,
                                                           gate_missing):
    # a reusable workflow's deploy runs when a caller calls it: the calling
    # job's `needs` must hold the tests (unless the called workflow has its own)
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    tests = "  test: {runs-on: x, steps: [{run: pytest}]}\n" if callee_tests else ""
    (wf / "called.yml").write_text(_CALLED_DEPLOY.format(
        tests=tests, needs="    needs: test\n" if callee_tests else ""))
    (wf / "release.yml").write_text("on: {push: {tags: ['v*']}}\njobs:\n" + caller)
    (tmp_path / ".git").mkdir()
    r = run_cli("--no-cache", "--select", "workflow-deploy-no-test-gate", ".", cwd=tmp_path)
    gates = [line for line in r.stdout.splitlines() if "workflow-deploy-no-test-gate" in line]
    if gate_missing:
        assert len(gates) == 1 and gates[0].startswith(".github/workflows/release.yml:"), r.stdout
        assert "called.yml" in gates[0] and "'deploy'" in gates[0]
    else:
        assert not gates, r.stdout


def test_steps_sharing_an_anchor_give_one_finding_where_the_fix_goes(tmp_path):
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    (wf / "a.yml").write_text(textwrap.dedent("""\
        on: push
        x-deploy: &deploy
          uses: aws-actions/amazon-ecs-deploy-task-definition@v2
          with: {task-definition: td.json, service: web, wait-for-service-stability: true,
                 wait-for-minutes: 5}
        jobs:
          a: {runs-on: x, environment: prod, steps: [*deploy]}
          b: {runs-on: x, environment: prod, steps: [*deploy]}
        """))
    r = run_cli("--no-cache", "--select", "workflow-stability-wait-short", str(wf / "a.yml"))
    assert r.stdout.count("workflow-stability-wait-short") == 1, r.stdout


MIGRATION_STEP = """
on: push
jobs:
  migrate:
    runs-on: ubuntu-latest
    environment: prod
    steps:
      - {extra}run: |
          TASK=$(aws ecs run-task --cluster prod --task-definition migrate --query 'tasks[0].taskArn' --output text)
          aws ecs wait tasks-stopped --cluster prod --tasks "$TASK"
          EXIT=$(aws ecs describe-tasks --cluster prod --tasks "$TASK" --query 'tasks[0].containers[0].exitCode' --output text)
          {check}
          echo done
"""


@pytest.mark.parametrize("extra, check, reported", [
    ("", 'if [ "$EXIT" != "0" ]; then exit 1; fi', False),  # the article's check
    ("", '[ "$EXIT" = "0" ]', False),  # a bare test under GitHub's bash -e
    ("shell: bash {0}\n        ", '[ "$EXIT" = "0" ]', True),  # no -e: the step goes on
    ("shell: bash -e {0}\n        ", '[ "$EXIT" = "0" ]', False),
    ("", 'echo "$EXIT"; if [ -z "$TASK" ]; then exit 1; fi', True),  # exits, not on the code
    ("continue-on-error: true\n        ", 'if [ "$EXIT" != "0" ]; then exit 1; fi', True),
])
def test_a_migration_check_must_fail_the_job_on_the_exit_code(extra, check, reported):
    found = rules_of(MIGRATION_STEP.format(extra=extra, check=check))
    assert ("workflow-migration-unchecked" in found) is reported


def test_env_values_that_name_each_other_end():
    found = lint_text("""
        on: issue_comment
        permissions: {id-token: write}
        env:
          A: ${{ env.B }}
          B: ${{ env.A }}
          K1: $K2
          K2: $K1
        jobs:
          deploy:
            runs-on: ubuntu-latest
            steps:
              - uses: aws-actions/configure-aws-credentials@v4
                with: {role-to-assume: "arn:aws:iam::123456789012:role/d", aws-region: eu-west-1}
              - run: |
                  echo "${{ env.A }}"
                  export AWS_ACCESS_KEY_ID="$K1"
        """)
    assert not [r for r, _ in found if r in ("workflow-template-injection",
                                            "workflow-static-aws-keys")]


@pytest.mark.parametrize("job_if, reported", [
    ("${{ !startsWith(github.ref, 'refs/pull/') }}", False),
    ("!startsWith(github.ref, 'refs/pull') && github.event_name != 'schedule'", False),
    ("startsWith(github.ref, 'refs/pull/')", True),
    ("startsWith(github.ref, 'refs/')", True),  # branches, tags and pull requests
])
def test_a_test_of_the_pull_request_merge_ref_narrows_to_pull_requests(job_if, reported):
    found = rules_of(f"""\
        on: [push, pull_request]
        jobs:
          deploy:
            if: "{job_if}"
            runs-on: ubuntu-latest
            permissions: {{id-token: write}}
            steps:
              - uses: aws-actions/configure-aws-credentials@v4
                with:
                  role-to-assume: arn:aws:iam::123456789012:role/deploy
                  aws-region: eu-west-1
        """)
    assert ("workflow-oidc-on-pull-request" in found) is reported


_TAG_BY_EVENT = """\
    on:
      push:
        branches: [main]
      release:
        types: [published]
    env:
      TAG: ${{ github.event_name == 'release' && github.event.release.tag_name || 'latest' }}
    jobs:
      deploy:
        runs-on: ubuntu-latest%s
        permissions:
          id-token: write
        steps:
          - uses: aws-actions/configure-aws-credentials@v4
            with:
              role-to-assume: arn:aws:iam::123456789012:role/deploy
              aws-region: us-east-1
          - id: render
            uses: aws-actions/amazon-ecs-render-task-definition@v1
            with:
              task-definition: td.json
              container-name: app
              image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:${{ env.TAG }}
          - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
            with:
              task-definition: ${{ steps.render.outputs.task-definition }}
              service: app
              cluster: main
              wait-for-service-stability: true
    """


def test_an_image_tag_picked_by_the_event_is_read_per_event():
    # on push the tag is `latest`; on release it is the release's tag
    found = [(line, m) for r, line, m in workflow_findings(_TAG_BY_EVENT % "", messages=True)
             if r == "workflow-image-latest"]
    assert [(line, m.split(" deploys")[0]) for line, m in found] == [(23, "job 'deploy' on push")]


@pytest.mark.parametrize("tag, found_as", [
    # a release's fields are empty on another event: `|| 'latest'` picks latest there
    ("${{ github.event.release.tag_name || 'latest' }}", ["job 'deploy' on push"]),
    # empty on both events the workflow runs on
    ("${{ github.event.pull_request.head.sha || 'latest' }}", ["job 'deploy'"]),
    ("${{ github.event.head_commit.id || 'latest' }}", ["job 'deploy' on release"]),
])
def test_an_event_field_is_empty_on_the_other_events(tag, found_as):
    text = _TAG_BY_EVENT.replace(
        "${{ github.event_name == 'release' && github.event.release.tag_name || 'latest' }}",
        tag) % ""
    found = [m.split(" deploys")[0] for r, _, m in workflow_findings(text, messages=True)
             if r == "workflow-image-latest"]
    assert found == found_as


def test_an_image_tag_picked_by_an_event_the_job_never_runs_on_is_not_reported():
    text = _TAG_BY_EVENT % "\n        if: github.event_name == 'release'"
    assert [r for r, _ in workflow_findings(text) if r == "workflow-image-latest"] == []


def test_a_latest_image_on_every_event_names_no_event():
    text = (_TAG_BY_EVENT % "").replace(
        "${{ github.event_name == 'release' && github.event.release.tag_name || 'latest' }}",
        "latest")
    text = text.replace("branches: [main]", "branches: [main]  # event_name")
    found = [m for r, _, m in workflow_findings(text, messages=True) if r == "workflow-image-latest"]
    assert len(found) == 1 and found[0].startswith("job 'deploy' deploys")


_REUSABLE_DEPLOY = """\
on:
  workflow_call:
    inputs:
      image-tag:
        type: string
        default: latest
jobs:
  deploy:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/deploy
          aws-region: us-east-1
      - id: render
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: td.json
          container-name: app
          image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:${{ inputs.image-tag }}
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: ${{ steps.render.outputs.task-definition }}
          service: app
          cluster: main
          wait-for-service-stability: true
"""


def _caller(tag_line):
    return ("on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n"
            "    uses: ./.github/workflows/_deploy.yml\n" + tag_line)


def _reusable_image_findings(tmp_path, callers):
    from conftest import lint_folder

    wfs = tmp_path / ".github" / "workflows"
    wfs.mkdir(parents=True)
    (wfs / "_deploy.yml").write_text(_REUSABLE_DEPLOY)
    for name, text in callers.items():
        (wfs / name).write_text(text)
    return [f.message for f in lint_folder(tmp_path, ".github/workflows/_deploy.yml")
            if f.rule == "workflow-image-latest"]


def test_a_reusable_workflows_latest_default_is_read_per_local_caller(tmp_path):
    sha = "    with:\n      image-tag: ${{ github.sha }}\n"
    found = _reusable_image_findings(tmp_path, {"main.yml": _caller(sha),
                                                "hotfix.yml": _caller("")})
    assert len(found) == 1
    assert found[0].startswith("job 'deploy' when called by .github/workflows/hotfix.yml "
                               "job 'deploy' deploys")


def test_every_local_caller_passing_a_tag_leaves_the_default_unused(tmp_path):
    sha = "    with:\n      image-tag: ${{ github.sha }}\n"
    unknown = "    with:\n      image-tag: ${{ needs.build.outputs.tag }}\n"
    assert _reusable_image_findings(tmp_path, {"main.yml": _caller(sha),
                                               "other.yml": _caller(unknown)}) == []


def test_a_reusable_workflow_no_local_workflow_calls_takes_its_default(tmp_path):
    # it may serve other repositories: what they pass is not known, the default is
    found = _reusable_image_findings(tmp_path, {})
    assert len(found) == 1 and found[0].startswith("job 'deploy' deploys")


@pytest.mark.parametrize("role, var, reported", [
    ("${{ vars.PLAN_ROLE_ARN }}", "arn:aws:iam::123456789012:role/web-plan-readonly", False),
    ("${{ vars.PLAN_ROLE_ARN }}", "arn:aws:iam::123456789012:role/web-deploy", True),
    ("${{ vars.PLAN_ROLE_ARN }}", None, True),  # not known: a deploy role, as before
    ("arn:aws:iam::123456789012:role/terraform-plan", None, False),
    ("${{ secrets.RO_ROLE }}", "arn:aws:iam::123456789012:role/ci-read-only", False),
])
def test_a_read_only_role_on_pull_requests_is_known_through_the_configs_vars(role, var, reported):
    name = role.split(".")[-1].strip(" }")
    kind = "secrets" if "secrets." in role else "vars"
    github = {kind: {name: var}} if var else None
    found = {r for r, _ in lint_text(f"""\
        on: pull_request
        jobs:
          plan:
            runs-on: ubuntu-latest
            permissions: {{id-token: write, contents: read}}
            steps:
              - uses: aws-actions/configure-aws-credentials@v4
                with:
                  role-to-assume: {role}
                  aws-region: eu-west-1
        """, github)}
    assert ("workflow-oidc-on-pull-request" in found) is reported


TOOL_DEPLOY = """\
    on:
      push:
        branches: [main]
    jobs:
      deploy:
        runs-on: ubuntu-latest
        permissions: {{id-token: write, contents: read}}
        steps:
          - uses: aws-actions/configure-aws-credentials@v4
            with:
              role-to-assume: arn:aws:iam::123456789012:role/deploy
              aws-region: us-east-1
          - run: |
              {command}
"""


@pytest.mark.parametrize("command, latest", [
    ("docker run --rm -e AWS_ACCESS_KEY_ID silintl/ecs-deploy -c prod -n web -i repo/web:latest", True),
    ("./ecs-deploy -c prod -n web -i 1.dkr.ecr.us-east-1.amazonaws.com/web:${{ github.sha }}", False),
    ("ecs-deploy --cluster prod --service-name web --image repo/web", True),  # untagged
    # gp/02, gp/03: `-to TAG` tags every container's image, `-e VAR` takes the
    # tag from that variable: both over the image's own (silintl's README)
    ("ecs-deploy -c prod -n web -to ${{ github.sha }} -i ignore", False),
    ("ecs-deploy -c prod -n web --tag-only latest -i ignore", True),
    ("ecs-deploy -c prod -n web -i repo/web -e GITHUB_SHA", False),
    ("ecs-deploy -c prod -n web -i registry.example:5000/web -e GITHUB_SHA", False),
    ("ecs deploy prod web --image web repo/web:latest --timeout 600", True),
    ("ecs deploy prod web --tag latest", True),
    ("ecs deploy prod web --tag ${{ github.sha }}", False),
    ("ecspresso deploy --config ecspresso.yml", False),
    ("copilot svc deploy --name api --env prod", False),
    ("ecs-cli compose --project-name web service up --cluster prod", False),
])
def test_a_deploy_tool_is_a_deploy_and_its_image_is_checked(command, latest):
    found = rules_of(TOOL_DEPLOY.format(command=command))
    assert {"workflow-deploy-no-environment", "workflow-deploy-no-test-gate"} <= found
    assert ("workflow-image-latest" in found) is latest


@pytest.mark.parametrize("command", [
    "docker run --rm node:20 npm test", "ecs --help",
    "echo ecs-deploy -i repo/web:latest", "copilot svc ls", "ecspresso diff",
    "ecs-cli compose service ps",
])
def test_commands_that_only_look_like_deploy_tools_are_not_deploys(command):
    found = rules_of(TOOL_DEPLOY.format(command=command))
    assert not found & {"workflow-deploy-no-environment", "workflow-image-latest"}



WAIT_AND_CHECK = """\
wait_for() {
  aws ecs wait tasks-stopped --cluster c --tasks "$1"
  code=$(aws ecs describe-tasks --cluster c --tasks "$1" --query 'tasks[0].containers[0].exitCode' --output text)
  if [ "$code" != "0" ]; then exit 1; fi
}
"""
RUN = 'T=$(aws ecs run-task --cluster c --task-definition m --query "tasks[0].taskArn" --output text)\n'


@pytest.mark.parametrize("script, checked", [
    # a shell function runs where it is called, not where it is defined
    (WAIT_AND_CHECK + RUN + 'wait_for "$T"\n', True),
    (WAIT_AND_CHECK + RUN + 'echo "$T"\n', False),  # defined, never called
    ('migrate() {\n  ' + RUN + '  wait_for "$T"\n}\n' + WAIT_AND_CHECK + 'migrate\n', True),
    ('loop() { loop; }\n' + RUN + 'loop\n', False),  # a call of itself ends
])
def test_the_migration_check_follows_shell_functions_where_they_are_called(script, checked):
    found = rules_of(migration("set -e\n" + script))
    assert ("workflow-migration-unchecked" in found) is not checked


AFTER_CI = """\
on:
  workflow_run:
    workflows: [CI]
    types: [completed]
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production{job_if}
    steps:
      - run: aws ecs update-service --cluster c --service s --force-new-deployment
"""


@pytest.mark.parametrize("job_if, gated", [
    ("", False),  # GitHub starts it whatever CI concluded
    ("\n    if: ${{ github.event.workflow_run.conclusion == 'success' }}", True),
    # a cancelled or timed-out CI run is no failure: its commit would ship untested
    ("\n    if: github.event.workflow_run.conclusion != 'failure'", False),
    ("\n    if: github.event.workflow_run.conclusion == 'failure'", False),
    ("\n    if: github.event.workflow_run.head_branch == 'main'", False),
])
def test_a_workflow_run_deploy_is_gated_only_by_a_successful_run(job_if, gated):
    found = lint_text(AFTER_CI.format(job_if=job_if))
    assert ("workflow-deploy-no-test-gate" in {r for r, _ in found}) is not gated


def test_a_workflow_run_deploy_is_gated_by_a_job_it_needs_that_checks_the_run():
    text = AFTER_CI.format(job_if="\n    needs: check").replace(
        "jobs:\n", "jobs:\n  check:\n    if: github.event.workflow_run.conclusion == 'success'\n"
                   "    runs-on: ubuntu-latest\n    steps: [{run: 'true'}]\n")
    assert "workflow-deploy-no-test-gate" not in {r for r, _ in lint_text(text)}


@pytest.mark.parametrize("tail, checked", [
    ('[ "$E" = "0" ]', True),  # the last command: its status is the step's
    ('[ "$E" = "0" ]\necho done', False),  # without -e a failed test is passed over
])
def test_a_bare_exit_code_test_ending_a_script_without_errexit_fails_the_step(tail, checked):
    script = ("T=$(aws ecs run-task --cluster c --task-definition m --query 'tasks[0].taskArn' "
              "--output text)\naws ecs wait tasks-stopped --cluster c --tasks \"$T\"\n"
              "E=$(aws ecs describe-tasks --cluster c --tasks \"$T\" "
              "--query 'tasks[0].containers[0].exitCode' --output text)\n" + tail)
    text = migration(script).replace("      - run: |\n", "      - shell: bash {0}\n        run: |\n")
    assert ("workflow-migration-unchecked" in rules_of(text)) is not checked


IMAGE_DEPLOY = """\
on:
  push:
    branches: [main]
jobs:
  test:
    runs-on: ubuntu-latest
    steps: [{run: pytest}]
  deploy:
    needs: test
    runs-on: ubuntu-latest
    environment: production{matrix}
    steps:
      - id: meta
        uses: docker/metadata-action@v5
        with:
          images: 1.dkr.ecr.us-east-1.amazonaws.com/app
          flavor: |
            latest={flavor}
          tags: |
            type=sha,format=long
      - id: build
        run: |
          echo "image=1.dkr.ecr.us-east-1.amazonaws.com/app:{built}" | tee -a "$GITHUB_OUTPUT"
      - id: render
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: td.json
          container-name: app
          image: {image}
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: ${{ steps.render.outputs.task-definition }}
          service: app
          cluster: prod
          wait-for-service-stability: true
"""


@pytest.mark.parametrize("image, flavor, built, matrix, latest", [
    # metadata-action: `version` is the tag of highest priority; the flavor's
    # latest only adds a `:latest` at the end of `tags` (and of `json.tags`)
    ("${{ steps.meta.outputs.version }}", "true", "1", "", False),
    ("app:${{ fromJSON(steps.meta.outputs.json).tags[0] }}", "true", "1", "", False),
    ("${{ fromJSON(steps.meta.outputs.json).tags[1] }}", "true", "1", "", True),
    ("${{ fromJSON(steps.meta.outputs.json).tags[0] }}", "false", "1", "", False),
    # an output written through `tee -a "$GITHUB_OUTPUT"`
    ("${{ steps.build.outputs.image }}", "false", "latest", "", True),
    ("${{ steps.build.outputs.image }}", "false", "${{ github.sha }}", "", False),
    # each matrix row's image
    ("${{ matrix.image }}", "false", "1",
     "\n    strategy:\n      matrix:\n        image: [app:1.2.3, 'public.ecr.aws/nginx/nginx']", True),
    ("${{ matrix.image }}", "false", "1",
     "\n    strategy:\n      matrix:\n        image: [app:1.2.3, app:1.2.4]", False),
])
def test_the_image_a_render_step_gets_is_followed(image, flavor, built, matrix, latest):
    text = IMAGE_DEPLOY
    for key, value in (("{image}", image), ("{flavor}", flavor), ("{built}", built),
                       ("{matrix}", matrix)):
        text = text.replace(key, value)
    assert ("workflow-image-latest" in rules_of(text)) is latest


REUSABLE_STABILITY = """\
on:
  workflow_call:
    inputs:
      wait: {type: boolean, default: %s}
      minutes: {type: string, default: "%s"}
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: td.json
          service: web
          cluster: prod
          wait-for-service-stability: ${{ inputs.wait }}
          wait-for-minutes: ${{ inputs.minutes }}
"""


@pytest.mark.parametrize("defaults, given, found", [
    (("true", "30"), "", []),
    (("true", "30"), "\n      minutes: 10", [("workflow-stability-wait-short", 9)]),
    (("true", "10"), "", [("workflow-stability-wait-short", 6)]),  # the default: at uses:
    (("true", "30"), "\n      wait: false", [("workflow-stability-wait-off", 9)]),
    (("false", "30"), "", [("workflow-stability-wait-off", 6)]),
    (("true", "30"), "\n      minutes: ${{ vars.WAIT }}", []),  # not known: not judged
])
def test_stability_inputs_of_a_reusable_workflow_are_judged_with_each_callers_values(
        tmp_path, defaults, given, found):
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    (wf / "_deploy.yml").write_text(REUSABLE_STABILITY % defaults)
    (wf / "release.yml").write_text(
        "on: {push: {branches: [main]}}\njobs:\n  test: {runs-on: x, steps: [{run: pytest}]}\n"
        "  prod:\n    needs: test\n    uses: ./.github/workflows/_deploy.yml\n    with:\n"
        "      other: 1" + given + "\n")
    got = [(f.rule, f.span.line) for f in lint_folder(tmp_path)
           if f.rule.startswith("workflow-stability") and f.file.endswith("release.yml")]
    assert got == found


def test_a_check_that_continue_on_error_neutralises_is_named_so():
    script = ("T=$(aws ecs run-task --cluster c --task-definition m --query 'tasks[0].taskArn' "
              "--output text)\naws ecs wait tasks-stopped --cluster c --tasks \"$T\"\n"
              "E=$(aws ecs describe-tasks --cluster c --tasks \"$T\" "
              "--query 'tasks[0].containers[0].exitCode' --output text)\n"
              "if [ \"$E\" != \"0\" ]; then exit 1; fi")
    text = migration(script).replace("      - run: |\n",
                                     "      - continue-on-error: true\n        run: |\n")
    found = [m for r, _, m in workflow_findings(text, messages=True)
             if r == "workflow-migration-unchecked"]
    assert len(found) == 1 and "`continue-on-error: true`" in found[0]


def _linted(tmp_path, text, rule, name="d.yml"):
    """The findings of `rule` for a repository holding one workflow `text`
    (and `_deploy.yml` as a second one, when the test wrote it beside)."""
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / name).write_text(text)
    if (tmp_path / "_deploy.yml").exists():
        (tmp_path / "_deploy.yml").rename(tmp_path / ".github" / "workflows" / "_deploy.yml")
    return [f for f in lint_folder(tmp_path) if f.rule == rule]


_MIGRATE_THEN_DEPLOY = """\
on: {push: {branches: [main]}}
jobs:
  release:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - name: Migrate
        run: |
          ARN=$(aws ecs run-task --cluster c --task-definition migrate --query 'tasks[0].taskArn' --output text)
          echo "ARN=$ARN" >> "$GITHUB_ENV"
%s
      - name: Check the migration
        run: |
          aws ecs wait tasks-stopped --cluster c --tasks "$ARN"
          CODE=$(aws ecs describe-tasks --cluster c --tasks "$ARN" --query 'tasks[0].containers[0].exitCode' --output text)
          if [ "$CODE" != "0" ]; then exit 1; fi
"""


@pytest.mark.parametrize("between, reported", [
    ("", False),  # checked before anything deploys
    ("      - run: aws ecs update-service --cluster c --service api --force-new-deployment\n",
     True),
    ("      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2\n"
     "        with: {task-definition: td.json, service: api, cluster: c}\n", True),
    ("      - run: echo between\n", False),
])
def test_a_migration_checked_only_after_the_deploy_is_unchecked(tmp_path, between, reported):
    found = _linted(tmp_path, _MIGRATE_THEN_DEPLOY % between, "workflow-migration-unchecked")
    assert bool(found) == reported
    if reported:
        assert "after the deploy step" in found[0].message


_CHECKED_BY = """\
on: {push: {branches: [main]}}
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - run: |
          ARN=$(aws ecs run-task --cluster c --task-definition migrate --query 'tasks[0].taskArn' --output text)
          aws ecs wait tasks-stopped --cluster c --tasks "$ARN"
          CODE=$(aws ecs describe-tasks --cluster c --tasks "$ARN" --query 'tasks[0].containers[0].exitCode' --output text)
          %s
"""


@pytest.mark.parametrize("check, reported", [
    ('if [ "$CODE" = "None" ]; then exit 1; fi', True),  # exit code 1 passes it
    ('if [ -z "$CODE" ]; then exit 1; fi', True),
    ('if [ "$CODE" = "None" ] || [ "$CODE" -ne 0 ]; then exit 1; fi', False),
    ('if [ "$CODE" != "0" ]; then exit 1; fi', False),
    ('if [ "$CODE" = "0" ]; then echo ok; else exit 1; fi', False),
])
def test_a_test_for_no_exit_code_at_all_is_no_check(tmp_path, check, reported):
    found = _linted(tmp_path, _CHECKED_BY % check, "workflow-migration-unchecked")
    assert bool(found) == reported


_CLI_LATEST = """\
on:
  workflow_dispatch:
    inputs:
      tag: {default: %s}
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - run: |
          docker build -t "$REPO:$GITHUB_SHA" -t "$REPO:latest" .
%s
      - env:
          IMAGE: ${{ env.REPO }}:${{ inputs.tag }}
        run: |
          aws ecs describe-task-definition --task-definition api --query taskDefinition > td.json
          jq --arg IMAGE "$IMAGE" '.containerDefinitions[0].image = $IMAGE' td.json > next.json
          ARN=$(aws ecs register-task-definition --cli-input-json file://next.json --query 'taskDefinition.taskDefinitionArn' --output text)
          aws ecs update-service --cluster c --service api --task-definition "$ARN"
"""


@pytest.mark.parametrize("default, pushes, line", [
    # the tag comes from the input's default: reported there
    ("latest", '          docker push "$REPO:latest"', 4),
    # a tag given to the run: the deploy line, where `:latest` is not written
    ("v1", "", None),
])
def test_image_latest_points_where_the_tag_is_written(tmp_path, default, pushes, line):
    found = _linted(tmp_path, _CLI_LATEST % (default, pushes), "workflow-image-latest")
    assert [f.span.line for f in found] == ([line] if line else [])


def test_image_latest_beside_a_pinned_push_points_at_the_deploy(tmp_path):
    text = (_CLI_LATEST % ("latest", '          docker push "$REPO:$GITHUB_SHA"\n'
                           '          docker push "$REPO:latest"')).replace(
        "${{ env.REPO }}:${{ inputs.tag }}", "${{ env.REPO }}:latest")
    found = _linted(tmp_path, text, "workflow-image-latest")
    # the job pushes the commit's tag too: the fix is in what it deploys, not the push
    assert len(found) == 1 and found[0].span.line == 18


@pytest.mark.parametrize("image, reported", [
    ("123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:latest", True),
    ("123456789012.dkr.ecr.eu-west-1.amazonaws.com/api", True),  # untagged
    ("123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:3f9c2e1", False),
])
def test_the_deploy_action_on_a_file_deploys_its_images(tmp_path, image, reported):
    # no render step: the action registers the file as it is in the repository
    (tmp_path / "ecs").mkdir()
    (tmp_path / "ecs" / "td.json").write_text(json.dumps(
        {"family": "api", "containerDefinitions": [{"name": "api", "image": image}]}))
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "d.yml").write_text("""\
on: {push: {branches: [main]}}
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: ecs/td.json
          service: api
          cluster: main
""")
    found = [f for f in lint_folder(tmp_path) if f.rule == "workflow-image-latest"]
    assert [f.span.line for f in found] == ([9] if reported else [])


_REGION_WF = """\
on:
  push: {branches: [main]}
  workflow_dispatch:
    inputs:
      region: {default: eu-west-1}
env:
  AWS_REGION: eu-west-1
jobs:
  deploy:
    runs-on: ubuntu-latest
    permissions: {id-token: write}
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/deploy
          aws-region: %s
"""


@pytest.mark.parametrize("region, empty", [
    ("${{ env.AWS_REGION }}", False),
    ("${{ env.AWS_DEFAULT_REGION }}", True),  # set by no env: block
    ("${{ inputs.region }}", True),  # empty on push
    ("${{ vars.AWS_REGION }}", False),  # not known here
    ("''", True),
])
def test_a_region_that_is_certainly_empty_is_missing(tmp_path, region, empty):
    found = _linted(tmp_path, _REGION_WF % region, "workflow-aws-region-missing")
    assert bool(found) == empty
    if empty:
        assert found[0].span.line == 16  # at the input, where it is fixed


def test_an_earlier_action_may_export_the_region(tmp_path):
    text = (_REGION_WF % "${{ env.AWS_DEFAULT_REGION }}").replace(
        "    steps:\n", "    steps:\n      - uses: some/env-loader@v1\n")
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "d.yml").write_text(text)
    assert not [f for f in lint_folder(tmp_path) if f.rule == "workflow-aws-region-missing"]


@pytest.mark.parametrize("step, missing", [
    ("""      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/deploy
          aws-region: eu-west-1
""", True),
    # the runner's own credentials assume the role: no OIDC token is asked for
    ("""      - uses: aws-actions/configure-aws-credentials@v6
        with:
          role-to-assume: arn:aws:iam::123456789012:role/deploy
          aws-region: eu-west-1
          force-skip-oidc: true
""", False),
    # an EKS pod's projected token, not GitHub's
    ("""      - run: aws sts assume-role-with-web-identity --role-arn arn:aws:iam::123456789012:role/r --role-session-name s --web-identity-token "$(cat "$AWS_WEB_IDENTITY_TOKEN_FILE")"
""", False),
    ("""      - run: aws sts assume-role-with-web-identity --role-arn arn:aws:iam::123456789012:role/r --role-session-name s --web-identity-token "$TOKEN"
""", True),
])
def test_what_counts_as_assuming_through_githubs_oidc(tmp_path, step, missing):
    text = ("on: {push: {branches: [main]}}\npermissions: {contents: read}\njobs:\n  d:\n"
            "    runs-on: ubuntu-latest\n    steps:\n" + step)
    found = _linted(tmp_path, text, "workflow-id-token-missing")
    assert bool(found) == missing


@pytest.mark.parametrize("job, reported", [
    # a credentials file written from secrets
    ("""    steps:
      - run: |
          cat > ~/.aws/credentials <<EOF
          [default]
          aws_access_key_id = ${{ secrets.DEPLOYER_ID }}
          aws_secret_access_key = ${{ secrets.DEPLOYER_SECRET }}
          EOF
""", True),
    ("""    steps:
      - run: echo "aws_access_key_id = ${{ secrets.KEY }}" >> ~/.aws/credentials
""", True),
    ("""    steps:
      - run: |
          cat > ~/.aws/config <<EOF
          [default]
          region = eu-west-1
          EOF
""", False),
    # a reusable workflow's secrets, in any case and separator
    ("""    uses: acme/wf/.github/workflows/deploy.yml@v1
    secrets:
      aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}
""", True),
    # env under another name, given a secret named as a key
    ("""    env:
      TF_VAR_access_key: ${{ secrets.TERRAFORM_AWS_ACCESS_KEY_ID }}
    steps:
      - run: terraform apply
""", True),
    ("""    env:
      TF_VAR_db_password: ${{ secrets.DB_PASSWORD }}
    steps:
      - run: terraform apply
""", False),
])
def test_static_keys_in_other_shapes(tmp_path, job, reported):
    text = "on: {push: {branches: [main]}}\njobs:\n  d:\n    runs-on: ubuntu-latest\n" + job
    found = _linted(tmp_path, text, "workflow-static-aws-keys")
    assert bool(found) == reported


def test_a_key_written_in_a_composite_action_is_reported_there(tmp_path):
    action = tmp_path / ".github" / "actions" / "publish"
    action.mkdir(parents=True)
    (action / "action.yml").write_text("""\
runs:
  using: composite
  steps:
    - shell: bash
      env:
        AWS_ACCESS_KEY_ID: AKIAIOSFODNN7EXAMPLE
      run: aws s3 sync dist s3://bucket
""")
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "d.yml").write_text(
        "on: {push: {branches: [main]}}\njobs:\n  d:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - uses: actions/checkout@v4\n      - uses: ./.github/actions/publish\n")
    (found,) = [f for f in lint_folder(tmp_path) if f.rule == "workflow-static-aws-keys"]
    assert (found.file, found.span.line) == (".github/actions/publish/action.yml", 6)


@pytest.mark.parametrize("grant, reported", [("contents: read", True),
                                             ("id-token: write", False)])
def test_a_chain_of_reusable_workflows_needs_the_first_callers_token(tmp_path, grant, reported):
    wfs = tmp_path / ".github" / "workflows"
    wfs.mkdir(parents=True)
    (wfs / "deploy.yml").write_text(
        "on: {push: {branches: [main]}}\njobs:\n  prod:\n"
        f"    permissions: {{{grant}}}\n    uses: ./.github/workflows/service.yml\n")
    (wfs / "service.yml").write_text(
        "on: {workflow_call: {}}\njobs:\n  svc:\n    uses: ./.github/workflows/ecs.yml\n")
    (wfs / "ecs.yml").write_text("""\
on: {workflow_call: {}}
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/deploy
          aws-region: eu-west-1
""")
    found = [f for f in lint_folder(tmp_path) if f.rule == "workflow-id-token-missing"
             and f.file.endswith("deploy.yml")]
    assert bool(found) == reported


_GATE_IF = """\
on: {push: {branches: [main]}}
jobs:
  test:
    runs-on: ubuntu-latest
    steps: [{run: pytest}]
  build:
    runs-on: ubuntu-latest
    steps: [{run: docker build .}]
  deploy:
    needs: [test, build]
    if: %s
    runs-on: ubuntu-latest
    environment: production
    steps:
      - run: aws ecs update-service --cluster c --service s --force-new-deployment
"""


@pytest.mark.parametrize("cond, gated", [
    ("always() && needs.build.result == 'success'", False),  # the tests' result is not read
    ("always() && needs.test.result == 'success'", True),
    ("always() && !contains(needs.*.result, 'failure')", True),
    ("success()", True),
])
def test_always_is_gated_only_by_the_result_of_the_tests(tmp_path, cond, gated):
    found = _linted(tmp_path, _GATE_IF % cond, "workflow-deploy-no-test-gate")
    assert (not found) == gated


def test_tests_that_never_run_with_the_deploy_do_not_gate_it(tmp_path):
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "d.yml").write_text("""\
on: [push, pull_request]
jobs:
  ci:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - if: github.event_name == 'pull_request'
        run: pytest
      - if: github.event_name == 'push'
        run: aws ecs update-service --cluster c --service s --force-new-deployment
""")
    assert [f for f in lint_folder(tmp_path) if f.rule == "workflow-deploy-no-test-gate"]


GATED_BY_OWN_STEP = """
on:
  push: {branches: [main]}
  workflow_dispatch:
jobs:
  release:
    runs-on: ubuntu-latest
    environment: production
    %s
    steps:
      - run: pnpm install
      - if: %s
        run: pnpm test
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with: {task-definition: td.json, service: web, cluster: c,
               wait-for-service-stability: true}
"""


@pytest.mark.parametrize("job_if, test_if, reported", [
    ("", "github.event_name == 'push'", True),         # a dispatch deploys untested
    ("", "github.event_name != 'workflow_dispatch'", True),
    ("", "github.event_name != 'pull_request'", False),  # runs on both events
    ("", "success()", False),
    ("if: github.event_name == 'push'", "github.event_name == 'push'", False),  # job: push only
])
def test_a_test_step_must_run_on_every_event_the_deploy_runs_on(job_if, test_if, reported):
    found = rules_of(GATED_BY_OWN_STEP % (job_if, test_if))
    assert ("workflow-deploy-no-test-gate" in found) is reported


SCRIPT_DEPLOY = """\
on: {push: {branches: [main]}}
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: %s
"""


@pytest.mark.parametrize("run, script, deploys", [
    ("./scripts/deploy.sh", "aws ecs update-service --cluster c --service s --force-new-deployment",
     True),
    ("bash scripts/deploy.sh \"$IMAGE\"", "set -euo pipefail\naws ecs register-task-definition "
     "--cli-input-json file://td.json", True),
    ("./scripts/deploy.sh", "echo nothing to deploy", False),
    ("deploy.sh", "aws ecs update-service --cluster c --service s", False),  # on the PATH
    ("./scripts/missing.sh", None, False),
    ("../outside/deploy.sh", "aws ecs update-service --cluster c --service s", False),
])
def test_a_repository_script_the_job_runs_can_deploy(tmp_path, run, script, deploys):
    if script is not None:
        (tmp_path / "scripts").mkdir()
        (tmp_path / "scripts" / "deploy.sh").write_text(script)
        (tmp_path / "outside").mkdir()
        (tmp_path / "outside" / "deploy.sh").write_text(script)
    found = _linted(tmp_path, SCRIPT_DEPLOY % run, "workflow-deploy-no-environment")
    assert bool(found) is deploys
    if deploys:
        assert "scripts/deploy.sh" in found[0].message


@pytest.mark.parametrize("where, reported", [
    ("      - run: docker run -e AWS_ACCESS_KEY_ID=${{ secrets.SMOKE_KEY }} img smoke\n", True),
    ("      - run: docker run --env=AWS_SECRET_ACCESS_KEY=${{ secrets.SMOKE_SECRET }} img\n", True),
    ("      - run: docker run -e AWS_REGION=eu-west-1 img\n", False),
    # key ids that are no IAM user's: LocalStack's LSIA, a temporary ASIA
    ("    env: {AWS_ACCESS_KEY_ID: LSIAQAAAAAAVNCBMPNSG}\n", False),
    ("    env: {AWS_ACCESS_KEY_ID: ASIAQAAAAAAVNCBMPNSG}\n", False),
    ("    env: {AWS_ACCESS_KEY_ID: AKIAQAAAAAAVNCBMPNSG}\n", True),
])
def test_static_keys_in_docker_options_and_key_id_shapes(where, reported):
    text = ("on: push\njobs:\n  smoke:\n    runs-on: ubuntu-latest\n"
            + (where if where.startswith("    env") else "")
            + "    steps:\n      - run: make smoke\n"
            + (where if not where.startswith("    env") else ""))
    assert ("workflow-static-aws-keys" in rules_of(text)) is reported


@pytest.mark.parametrize("script, reported", [
    ('echo "$CREDS" > ~/.aws/credentials', True),   # the whole file from a secret
    ("printf '[b]\\naws_access_key_id = %s\\n' \"${{ secrets.B_KEY }}\" > ~/.aws/credentials",
     True),
    ('echo "[default]" > ~/.aws/credentials', False),
    ('echo "$CREDS" > ./creds.txt', False),           # not AWS's credentials file
    ("printf 'region = %s\\n' \"${{ secrets.B_REGION }}\" > ~/.aws/config", False),
    # the Serverless CLI writes its --key and --secret to the credentials file
    ('npx serverless config credentials --provider aws --key "${{ secrets.SLS_KEY }}"', True),
    ("sls config credentials --provider aws --key $CREDS --secret x", True),
    ("npx serverless deploy --stage prod", False),
    # the console's access key CSV: an IAM user's key wherever its text comes from
    ('aws configure import --csv "$CREDS"', True),
    ("aws configure import --csv file://deployer_accessKeys.csv", True),
    ("aws configure list-profiles", False),
    # ia/04: a tool handed the key itself
    ('ecs deploy prod api --access-key-id "${{ secrets.DEPLOYER_KEY_ID }}"', True),
    ("ecs deploy prod api --access-key-id $CREDS --secret-access-key x", True),
    ("ecs deploy prod api --tag v1", False),
    ('ecs-deploy -c prod -n api --aws-secret-key "${{ secrets.DEPLOY_SECRET }}"', True),
])
def test_a_credentials_file_written_from_secrets(script, reported):
    text = ("on: push\njobs:\n  backup:\n    runs-on: ubuntu-latest\n    steps:\n"
            "      - env: {CREDS: '${{ secrets.AWS_CREDENTIALS }}'}\n"
            f"        run: {json.dumps(script)}\n")
    assert ("workflow-static-aws-keys" in rules_of(text)) is reported


ALL_TAGS = """
on: {push: {branches: [main]}}
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: |
          docker build -t "$REPO:${{ github.sha }}" .
          %s
          docker push --all-tags "$REPO"
          aws ecs update-service --cluster c --service s --force-new-deployment
        env:
          REPO: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app
"""


@pytest.mark.parametrize("tag, found", [
    # latest beside the sha: a restart (`--force-new-deployment`, no new task
    # definition) deploys the moving tag, which `--all-tags` pushes; reported
    # at the restart (line 11), since the job pushes the sha tag too
    ('docker tag "$REPO:${{ github.sha }}" "$REPO:latest"', [("workflow-image-latest", 11)]),
    ('docker tag "$REPO:${{ github.sha }}" "other:latest"', []),  # another repository
    ("true", []),
])
def test_push_all_tags_pushes_each_tag_the_job_made(tag, found):
    got = [f for f in workflow_findings(ALL_TAGS % tag) if f[0] == "workflow-image-latest"]
    assert got == found


def test_push_all_tags_of_latest_only_is_latest():
    text = ALL_TAGS.replace('"$REPO:${{ github.sha }}" .', '"$REPO:latest" .') % "true"
    assert [f[0] for f in workflow_findings(text)].count("workflow-image-latest") == 1


RENDER_ENV = """
on: {push: {branches: [main]}}
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: taskdef.json
          container-name: app
          image: app:${{ github.sha }}
          environment-variables: |
            RELEASE=${{ github.sha }}

            %s
"""


@pytest.mark.parametrize("line, found", [
    ("JWT_SECRET=${{ secrets.JWT_SECRET }}", [("taskdef-secret-in-environment", 15)]),
    ("DATABASE_URL=${{ secrets.DATABASE_URL }}", [("taskdef-secret-in-environment", 15)]),
    ("DB_PASSWORD=hunter2-prod", [("taskdef-secret-in-environment", 15)]),
    ("DB_SECRET_ARN=${{ secrets.DB_SECRET_ARN }}", []),  # an ARN kept in a secret
    ("LOG_LEVEL=info", []),
    ("API_TOKEN=${{ vars.API_TOKEN_NAME }}", []),  # not known here: not guessed
])
def test_render_environment_variables_holding_secrets(line, found):
    got = [f for f in workflow_findings(RENDER_ENV % line)
           if f[0] == "taskdef-secret-in-environment"]
    assert got == found


SILINTL = """
on: {push: {branches: [main]}}
permissions: {id-token: write, contents: read}
jobs:
  test:
    runs-on: ubuntu-latest
    steps: [{run: make test}]
  deploy:
    needs: test
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with: {role-to-assume: "arn:aws:iam::123456789012:role/deploy", aws-region: us-east-1}
      - %s
"""


@pytest.mark.parametrize("step, image_latest", [
    # silintl's ecs-deploy as an action, or as its Docker image with `args:`: it
    # registers a revision and updates the service
    ("uses: silinternational/ecs-deploy@master\n        with: {cluster: c, service_name: s, "
     "image: 'r.example/app:latest'}", True),
    ("uses: silinternational/ecs-deploy@master\n        with: {cluster: c, service_name: s, "
     "image: 'r.example/app:${{ github.sha }}'}", False),
    ("uses: docker://silintl/ecs-deploy:latest\n        with: {args: -c c -n s -i r.example/app}",
     True),  # untagged: latest
])
def test_silintl_ecs_deploy_as_a_step_deploys(step, image_latest):
    found = rules_of(SILINTL % step)
    assert "workflow-deploy-no-environment" in found
    assert ("workflow-image-latest" in found) is image_latest


REMOTE_CALL = """
on: {push: {branches: [main]}}
permissions: {contents: read}
jobs:
  deploy:
    uses: acme/platform/.github/workflows/ecs-deploy.yml@v3
    %s
"""


@pytest.mark.parametrize("rest, missing", [
    # another repository's workflow handed a role and no keys: it can only use OIDC,
    # and a called workflow gets no more permissions than its caller
    ("with: {role-to-assume: 'arn:aws:iam::123456789012:role/deploy'}", True),
    ("with: {aws-role: '${{ vars.DEPLOY_ROLE_ARN }}'}\n    secrets: {SLACK: '${{ secrets.SLACK }}'}",
     True),
    ("with: {role-to-assume: 'arn:aws:iam::123456789012:role/deploy'}\n    secrets: inherit",
     False),  # the keys may be among the secrets
    ("with: {role-to-assume: 'arn:aws:iam::123456789012:role/deploy'}\n    secrets: "
     "{AWS_ACCESS_KEY_ID: '${{ secrets.KEY }}'}", False),
    ("with: {environment: staging}", False),  # no role handed over
    ("with: {role-to-assume: 'arn:aws:iam::123456789012:role/deploy'}\n    permissions: "
     "{id-token: write}", False),
])
def test_a_call_to_another_repositorys_workflow_with_a_role(rest, missing):
    assert ("workflow-id-token-missing" in rules_of(REMOTE_CALL % rest)) is missing


_OUTPUT_REGION_WF = """\
on: {push: {branches: [main]}}
jobs:
  prepare:
    runs-on: ubuntu-latest
    outputs:
      %s
    steps:
      - id: cfg
        run: echo "region=eu-west-2" >> "$GITHUB_OUTPUT"
  deploy:
    needs: prepare
    runs-on: ubuntu-latest
    permissions: {id-token: write}
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/deploy
          aws-region: ${{ needs.prepare.outputs.region }}
"""


@pytest.mark.parametrize("outputs, empty", [
    # gn/02: a step's output reaches another job only through the job's outputs
    ("tag: ${{ steps.cfg.outputs.tag }}", True),
    ("region: ${{ steps.cfg.outputs.region }}", False),
    ("{}", True),
])
def test_an_output_the_job_does_not_declare_is_empty(tmp_path, outputs, empty):
    found = _linted(tmp_path, _OUTPUT_REGION_WF % outputs, "workflow-aws-region-missing")
    assert bool(found) == empty
    if empty:
        assert "does not declare" in found[0].message and found[0].span.line == 18


_PRINTED_NAME_WF = """\
on: {push: {branches: [main]}}
env:
  CONTAINER_NAME: worker
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "CONTAINER_NAME=%s" >> "$GITHUB_ENV"
      - uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: td.json
          container-name: ${{ env.CONTAINER_NAME }}
          image: app:1
"""


@pytest.mark.parametrize("written, unknown", [
    # gn/06: a value a command prints is known only at run time: no finding
    ("$(jq -r '.containerDefinitions[0].name' td.json)", False),
    ("`jq -r .family td.json`", False),
    ("api", True),  # written out: not a container of td.json
])
def test_a_container_name_printed_into_github_env(tmp_path, written, unknown):
    (tmp_path / "td.json").write_text(json.dumps({
        "family": "app", "containerDefinitions": [{"name": "app", "image": "app:1"}]}))
    found = _linted(tmp_path, _PRINTED_NAME_WF % written, "xref-container-name-unknown")
    assert bool(found) == unknown


def test_a_deploy_tools_image_on_a_continued_line_is_reported_there():
    # gp/08: the finding is on the line that names the image, not the command's first
    text = TOOL_DEPLOY.format(command="ecs deploy prod web \\\n"
                              "                --tag ${{ github.sha }} \\\n"
                              "                --image agent public.ecr.aws/datadog/agent:latest")
    found = [line for rule, line in lint_text(text) if rule == "workflow-image-latest"]
    lines = text.splitlines()
    assert len(found) == 1
    assert "public.ecr.aws/datadog/agent:latest" in lines[found[0] - 1]


def test_a_composite_actions_latest_default_is_reported_where_it_is_written(tmp_path):
    # gt/10: the caller leaves out the tag input, whose default is `latest`
    action = tmp_path / ".github" / "actions" / "deploy"
    action.mkdir(parents=True)
    (action / "action.yml").write_text(textwrap.dedent("""\
        inputs:
          repository: {required: true}
          tag:
            default: latest
        runs:
          using: composite
          steps:
            - id: render
              uses: aws-actions/amazon-ecs-render-task-definition@v1
              with:
                task-definition: td.json
                container-name: app
                image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/${{ inputs.repository }}:${{ inputs.tag }}
            - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
              with:
                task-definition: ${{ steps.render.outputs.task-definition }}
                service: app
                cluster: main
        """))
    found = _linted(tmp_path, textwrap.dedent("""\
        on: {push: {branches: [main]}}
        jobs:
          deploy:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - uses: ./.github/actions/deploy
                with:
                  repository: app
        """), "workflow-image-latest")
    assert [(f.file, f.span.line) for f in found] == [(".github/actions/deploy/action.yml", 4)]


RENDER_SECRETS = """\
on: {push: {branches: [main]}}
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: actions/checkout@v4
      - id: render
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: ecs/td.json
          container-name: app
          image: app:${{ github.sha }}
%s
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: %s
          service: app
          cluster: main
"""


@pytest.mark.parametrize("secrets, role, reported", [
    # gs/02: the render's `secrets` input adds secrets to a task without an execution role
    ("          secrets: |\n            DB=arn:aws:ssm:eu-west-1:123456789012:parameter/db", None,
     True),
    ("          secrets: |\n            DB=arn:aws:ssm:eu-west-1:123456789012:parameter/db",
     "arn:aws:iam::123456789012:role/exec", False),
    ("", None, False),
])
def test_render_secrets_need_an_execution_role(tmp_path, secrets, role, reported):
    td = {"family": "app", "containerDefinitions": [{"name": "app", "image": "app:1"}]}
    if role:
        td["executionRoleArn"] = role
    (tmp_path / "ecs").mkdir()
    (tmp_path / "ecs" / "td.json").write_text(json.dumps(td))
    found = _linted(tmp_path, RENDER_SECRETS % (secrets, "${{ steps.render.outputs.task-definition }}"),
                    "taskdef-secrets-no-execution-role")
    assert bool(found) is reported


@pytest.mark.parametrize("deployed, latest", [
    # gs/04: the deploy registers the source file, not the render's output
    ("ecs/td.json", True),
    ("${{ steps.render.outputs.task-definition }}", False),
])
def test_a_deploy_of_the_source_file_deploys_its_image(tmp_path, deployed, latest):
    (tmp_path / "ecs").mkdir()
    (tmp_path / "ecs" / "td.json").write_text(json.dumps({
        "family": "app", "containerDefinitions": [{"name": "app", "image": "repo/app"}]}))
    found = _linted(tmp_path, RENDER_SECRETS % ("", deployed), "workflow-image-latest")
    assert bool(found) is latest


ROLLOUT_ACTION = """\
inputs:
  wait: {default: "true"}
runs:
  using: composite
  steps:
    - run: |
        aws ecs run-task --cluster c --task-definition migrate --query 'tasks[0].taskArn' --output text > arn
        aws ecs wait tasks-stopped --cluster c --tasks "$(cat arn)"
        code=$(aws ecs describe-tasks --cluster c --tasks "$(cat arn)" --query 'tasks[0].containers[0].exitCode' --output text)
        [ "$code" = "0" ] || exit 1
      shell: bash
    - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
      with:
        task-definition: td.json
        service: app
        cluster: c
        wait-for-service-stability: ${{ inputs.wait }}
"""

ROLLOUT_CALLER = """\
on: {push: {branches: [main]}}
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: actions/checkout@v4
      - uses: ./.github/actions/rollout
%s
"""


@pytest.mark.parametrize("step_extra, rule, reported", [
    # gu/02: `yes` a caller passes to a composite is the text "yes" (YAML 1.2)
    ("        with:\n          wait: yes", "workflow-stability-wait-off", True),
    ("        with:\n          wait: true", "workflow-stability-wait-off", False),
    # gu/03: continue-on-error on the calling step neutralises the composite's check
    ("        continue-on-error: true", "workflow-migration-unchecked", True),
    ("", "workflow-migration-unchecked", False),
])
def test_a_composite_as_its_calling_step_makes_it_run(tmp_path, step_extra, rule, reported):
    action = tmp_path / ".github" / "actions" / "rollout"
    action.mkdir(parents=True)
    (action / "action.yml").write_text(ROLLOUT_ACTION)
    found = _linted(tmp_path, ROLLOUT_CALLER % step_extra, rule)
    assert bool(found) is reported
    if reported:
        assert found[0].file == ".github/workflows/d.yml"


REUSABLE_DEPLOY = """\
on:
  workflow_call:
    inputs:
      environment: {type: string, default: ""}
      tag: {type: string, default: latest}
    outputs:
      image: {value: "${{ jobs.build.outputs.image }}"}
jobs:
  build:
    runs-on: ubuntu-latest
    outputs:
      image: ${{ steps.push.outputs.image }}
    steps:
      - id: push
        env:
          IMAGE: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:${{ inputs.tag }}
        run: |
          docker push "$IMAGE"
          echo "image=$IMAGE" >> "$GITHUB_OUTPUT"
  deploy:
    runs-on: ubuntu-latest
    environment: ${{ inputs.environment }}
    steps:
      - run: aws ecs update-service --cluster c --service app --force-new-deployment
"""


@pytest.mark.parametrize("given, reported", [
    # gu/08: the called job's environment comes out empty for this call
    ("", True),
    ("      with:\n        environment: production\n", False),
])
def test_a_call_that_leaves_the_environment_input_empty(tmp_path, given, reported):
    (tmp_path / "_deploy.yml").write_text(REUSABLE_DEPLOY)
    found = _linted(tmp_path, "on: {push: {branches: [main]}}\njobs:\n  hotfix:\n"
                    "    uses: ./.github/workflows/_deploy.yml\n" + given,
                    "workflow-deploy-no-environment", name="hotfix.yml")
    assert [f.file for f in found] == ([".github/workflows/hotfix.yml"] if reported else [])


def test_an_output_image_from_a_latest_input_default_is_reported_at_the_default(tmp_path):
    # gu/07: the caller leaves out `tag`, whose default is latest
    (tmp_path / "_deploy.yml").write_text(REUSABLE_DEPLOY)
    found = _linted(tmp_path, textwrap.dedent("""\
        on: {push: {branches: [main]}}
        jobs:
          build:
            uses: ./.github/workflows/_deploy.yml
            with: {environment: production}
          ship:
            needs: build
            runs-on: ubuntu-latest
            environment: production
            steps:
              - uses: aws-actions/amazon-ecs-render-task-definition@v1
                id: r
                with:
                  task-definition: td.json
                  container-name: app
                  image: ${{ needs.build.outputs.image }}
              - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
                with:
                  task-definition: ${{ steps.r.outputs.task-definition }}
                  service: app
                  cluster: c
        """), "workflow-image-latest", name="ship.yml")
    assert [(f.file, f.span.line) for f in found] == [(".github/workflows/_deploy.yml", 5)]


GATED_DEPLOY = """\
on: {push: {branches: [main]}}
jobs:
  checks:
    runs-on: ubuntu-latest
    steps:
      - run: %s
  deploy:
    needs: checks
    if: %s
    runs-on: ubuntu-latest
    environment: production
    steps:
      - run: aws ecs update-service --cluster c --service s --force-new-deployment
"""


@pytest.mark.parametrize("test, cond, gated", [
    # gy/02: `!= 'failure'` lets a cancelled test run through an always() job
    ("pytest", "always() && needs.checks.result != 'failure'", False),
    ("pytest", "always() && needs.checks.result == 'success'", True),
    ("pytest", "success()", True),
    # gy/03: the default shell has no pipefail: the pipe's status is tee's
    ("pytest | tee out.txt", "success()", False),
    # gy/05: --no-run compiles the tests only
    ("cargo test --no-run", "success()", False),
    ("cargo test", "success()", True),
    # hu/09: a runner told to list the tests runs none
    ("python -m pytest --collect-only -q", "success()", False),
    ("npx jest --listTests", "success()", False),
    # hu/06: an alternative that lets a skipped test job through requires nothing
    ("pytest", "always() && (needs.checks.result == 'success' || "
               "(inputs.skip && needs.checks.result == 'skipped'))", False),
    ("pytest", "always() && (needs.checks.result == 'success' || "
               "(inputs.skip && needs.checks.result == 'success'))", True),
    # hu/08, hr/05: a Dockerfile's test stage built runs the tests in it
    ("docker buildx build --target test .", "success()", True),
    ("docker build --target runtime .", "success()", False),
])
def test_what_gates_a_deploy_on_tests(tmp_path, test, cond, gated):
    found = _linted(tmp_path, GATED_DEPLOY % (test, cond), "workflow-deploy-no-test-gate")
    assert bool(found) is not gated


def test_a_piped_test_under_pipefail_gates(tmp_path):
    text = (GATED_DEPLOY % ("pytest | tee out.txt", "success()")).replace(
        "      - run: pytest | tee out.txt", "      - shell: bash\n        run: pytest | tee out.txt")
    assert not _linted(tmp_path, text, "workflow-deploy-no-test-gate")


def test_a_called_ci_whose_tests_run_on_other_events_is_no_gate(tmp_path):
    # gy/06: the called workflow sees the caller's event (push)
    (tmp_path / "_deploy.yml").write_text(textwrap.dedent("""\
        on: {workflow_call: {}}
        jobs:
          unit:
            if: github.event_name == 'pull_request'
            runs-on: ubuntu-latest
            steps:
              - run: pytest
        """))
    text = textwrap.dedent("""\
        on: {push: {branches: [main]}}
        jobs:
          ci:
            uses: ./.github/workflows/_deploy.yml
          deploy:
            needs: ci
            runs-on: ubuntu-latest
            environment: production
            steps:
              - run: aws ecs update-service --cluster c --service s --force-new-deployment
        """)
    assert _linted(tmp_path, text, "workflow-deploy-no-test-gate")


def test_a_workflow_file_github_does_not_run_is_not_read(tmp_path):
    # hg/02: GitHub runs only .yml/.yaml workflows
    text = ("on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n"
            "      - run: aws ecs update-service --cluster c --service s --force-new-deployment\n")
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "deploy.yml.disabled").write_text(text)
    assert not [f for f in lint_folder(tmp_path) if f.rule.startswith("workflow-")]
    (tmp_path / ".github" / "workflows" / "deploy.yml").write_text(text)
    assert [f for f in lint_folder(tmp_path) if f.rule == "workflow-deploy-no-environment"]


@pytest.mark.parametrize("env, reported", [
    # hd/04: the other names the AWS SDKs read for a key pair
    ("AWS_ACCESS_KEY: ${{ secrets.KEY }}\n              AWS_SECRET_KEY: ${{ secrets.SECRET }}",
     True),
    ("AWS_REGION: eu-west-1", False),
])
def test_static_keys_under_the_sdks_other_names(tmp_path, env, reported):
    text = textwrap.dedent(f"""\
        on: push
        jobs:
          push:
            runs-on: ubuntu-latest
            env:
              {env}
            steps:
              - run: ./gradlew jib
        """)
    assert bool(_linted(tmp_path, text, "workflow-static-aws-keys")) is reported


@pytest.mark.parametrize("runs_on, reported", [
    # hd/09: a CodeBuild-hosted runner has its service role's credentials
    ("codebuild-app-${{ github.run_id }}-${{ github.run_attempt }}", False),
    ("ubuntu-latest", True),
])
def test_a_codebuild_runner_needs_no_oidc_token(tmp_path, runs_on, reported):
    text = textwrap.dedent(f"""\
        on: push
        permissions: {{contents: read}}
        jobs:
          deploy:
            runs-on: {runs_on}
            steps:
              - uses: aws-actions/configure-aws-credentials@v4
                with:
                  role-to-assume: arn:aws:iam::123456789012:role/deploy
                  aws-region: eu-west-1
        """)
    assert bool(_linted(tmp_path, text, "workflow-id-token-missing")) is reported


@pytest.mark.parametrize("given, reported", [
    # hd/03: a role handed through `secrets:` with no key among them: OIDC
    ("    secrets:\n      aws-role-arn: ${{ secrets.AWS_PROD_ROLE_ARN }}\n", True),
    ("    with:\n      role-to-assume: arn:aws:iam::123456789012:role/deploy\n", True),
    # keys handed too: the called workflow may use them instead
    ("    secrets:\n      aws-role-arn: ${{ secrets.AWS_PROD_ROLE_ARN }}\n"
     "      aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}\n", False),
    ("    secrets: inherit\n", False),
])
def test_a_call_to_another_repositorys_workflow_handed_a_role(tmp_path, given, reported):
    text = ("on: {push: {branches: [main]}}\npermissions: {}\njobs:\n  deploy:\n"
            "    uses: acme/shared/.github/workflows/deploy.yml@v1\n" + given)
    assert bool(_linted(tmp_path, text, "workflow-id-token-missing")) is reported


SDK_WEB_IDENTITY = """
on: push
permissions: {contents: read}
env:
  AWS_ROLE_ARN: arn:aws:iam::123456789012:role/deploy
jobs:
  deploy:
    runs-on: ubuntu-latest
    env:
      AWS_WEB_IDENTITY_TOKEN_FILE: /tmp/token
    steps:
      - %s
      - run: aws ecs update-service --cluster c --service s --force-new-deployment
"""


@pytest.mark.parametrize("fetch, reported", [
    # the job asks GitHub for the token itself and hands it to the SDKs' variables
    ("uses: actions/github-script@v7\n        with:\n          script: |\n"
     "            const t = await core.getIDToken('sts.amazonaws.com')\n"
     "            require('fs').writeFileSync(process.env.AWS_WEB_IDENTITY_TOKEN_FILE, t)", True),
    ('run: |\n          curl -sH "Authorization: bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN" '
     '"$ACTIONS_ID_TOKEN_REQUEST_URL&audience=sts.amazonaws.com" | jq -r .value > /tmp/token',
     True),
    # nothing fetches GitHub's token: the file is someone else's (a pod's, a runner's)
    ("run: echo fetching nothing", False),
    ("uses: actions/github-script@v7\n        with:\n          script: console.log(1)", False),
])
def test_the_sdks_web_identity_variables_need_the_token(fetch, reported):
    text = SDK_WEB_IDENTITY % fetch
    assert ("workflow-id-token-missing" in rules_of(text)) is reported
    granted = text.replace("permissions: {contents: read}",
                           "permissions: {contents: read, id-token: write}")
    assert "workflow-id-token-missing" not in rules_of(granted)
    # without the role variable the SDKs assume nothing
    assert "workflow-id-token-missing" not in rules_of(text.replace("AWS_ROLE_ARN:", "ROLE:"))


@pytest.mark.parametrize("shell, script, gated", [
    # hu/03: pwsh does not stop at a failing program: the step's status is the last one's
    ("pwsh", "dotnet test; dotnet publish -c Release", False),
    ("pwsh", "dotnet publish -c Release; dotnet test", True),
    ("pwsh", "dotnet test\n if ($LASTEXITCODE -ne 0) { exit 1 }\n dotnet publish", True),
    ("bash", "dotnet test; dotnet publish -c Release", True),
    (None, "dotnet test; dotnet publish -c Release", True),
])
def test_a_windows_shell_swallows_a_failing_test_before_another_command(
        tmp_path, shell, script, gated):
    text = (GATED_DEPLOY % ("SCRIPT", "success()")).replace(
        "      - run: SCRIPT", ("      - shell: %s\n" % shell if shell else "")
        + "        run: %s" % json.dumps(script) if shell else "      - run: %s" % json.dumps(script))
    assert bool(_linted(tmp_path, text, "workflow-deploy-no-test-gate")) is not gated


def test_deploy_steps_of_an_always_job_gated_by_their_own_if(tmp_path):
    # hu/07: `if: always()` on the job (a notification), each deploying step
    # requires the tests' success
    text = (GATED_DEPLOY % ("pytest", "always()")).replace(
        "      - run: aws ecs update-service",
        "      - if: needs.checks.result == 'success'\n"
        "        run: aws ecs update-service")
    assert not _linted(tmp_path, text, "workflow-deploy-no-test-gate")
    assert _linted(tmp_path / "x", GATED_DEPLOY % ("pytest", "always()"),
                   "workflow-deploy-no-test-gate")


WORKFLOW_RUN_DEPLOY = """on: {workflow_run: {workflows: [CI], types: [completed]}}
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - if: %s
        run: |
          echo "CI did not pass"
          %s
      - run: aws ecs update-service --cluster c --service s --force-new-deployment
"""


@pytest.mark.parametrize("guard, ends, gated", [
    # hu/10: a first step that fails the job unless the CI run succeeded
    ("github.event.workflow_run.conclusion != 'success'", "exit 1", True),
    ("github.event.workflow_run.conclusion != 'success' || github.event.workflow_run.event "
     "!= 'push'", "exit 1", True),
    ("github.event.workflow_run.conclusion != 'success'", "exit 0", False),
    ("github.event.workflow_run.conclusion != 'success' && github.ref == 'refs/heads/x'",
     "exit 1", False),
])
def test_a_guard_step_gates_a_workflow_run_deploy(tmp_path, guard, ends, gated):
    found = _linted(tmp_path, WORKFLOW_RUN_DEPLOY % (json.dumps(guard), ends),
                    "workflow-deploy-no-test-gate")
    assert bool(found) is not gated


@pytest.mark.parametrize("own_push, reported", [
    # hr/09: the deploying job moves only :latest; the service re-pulls what it names
    ('docker manifest create "$R:latest" "$R:$GITHUB_SHA-amd64"\n'
     '          docker manifest push "$R:latest"', True),
    ('docker buildx imagetools create -t "$R:latest" "$R:$GITHUB_SHA-amd64"', True),
    ('docker buildx imagetools create -t "$R:$GITHUB_SHA" "$R:$GITHUB_SHA-amd64"', False),
    ("true", False),  # no push of its own: the build job's SHA tags
])
def test_a_cli_deploy_after_its_own_latest_push(tmp_path, own_push, reported):
    text = textwrap.dedent("""\
        on: {push: {branches: [main]}}
        env: {R: 123456789012.dkr.ecr.us-east-1.amazonaws.com/geo}
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - run: pytest
              - run: docker build -t "$R:$GITHUB_SHA-amd64" . && docker push "$R:$GITHUB_SHA-amd64"
          deploy:
            needs: build
            runs-on: ubuntu-latest
            environment: production
            steps:
              - run: |
                  OWN_PUSH
              - run: aws ecs update-service --cluster c --service geo --force-new-deployment
        """).replace("OWN_PUSH", own_push)
    assert bool(_linted(tmp_path, text, "workflow-image-latest")) is reported


def test_a_matrix_row_without_the_key_calls_with_an_empty_environment(tmp_path):
    # hl/05: `environment: ${{ matrix.environment }}` in rows that name it `env`
    (tmp_path / "_deploy.yml").write_text(textwrap.dedent("""\
        on:
          workflow_call:
            inputs: {environment: {type: string, required: true}}
        jobs:
          deploy:
            runs-on: ubuntu-latest
            environment: ${{ inputs.environment }}
            steps:
              - run: aws ecs update-service --cluster c --service s --force-new-deployment
        """))
    text = textwrap.dedent("""\
        on: {push: {branches: [main]}}
        jobs:
          test: {runs-on: ubuntu-latest, steps: [{run: pytest}]}
          deploy:
            needs: test
            strategy:
              matrix:
                include: [{env: staging}, {env: production}]
            uses: ./.github/workflows/_deploy.yml
            with:
              environment: ${{ matrix.KEY }}
        """)
    found = _linted(tmp_path, text.replace("KEY", "environment"), "workflow-deploy-no-environment")
    assert len(found) == 1 and "matrix row" in found[0].message
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "_deploy.yml").write_text((tmp_path / ".github" / "workflows"
                                                 / "_deploy.yml").read_text())
    assert not _linted(tmp_path / "x", text.replace("KEY", "env"), "workflow-deploy-no-environment")


def test_with_row_empties_a_key_a_whole_row_lacks():
    from ecs_lint import workflow_model as wm

    row = wm.Row({"env": "staging"})
    assert wm.with_row({"e": "${{ matrix.environment }}", "c": "c-${{ matrix.env }}"}, row) \
        == {"e": "", "c": "c-staging"}
    # a row of a matrix not written out whole: the key may be there, unknown
    assert wm.with_row("${{ matrix.environment }}", {"env": "x"}) == "${{ matrix.environment }}"
    assert wm.matrix_rows("${{ fromJSON(vars.ENVS) }}", {"vars": {"ENVS": "[1]"}}) == [{}]
    assert [dict(r) for r in wm.matrix_rows(
        {"environment": "${{ fromJSON(vars.ENVS) }}"}, {"vars": {"ENVS": '["dev", "perf"]'}})] \
        == [{"environment": "dev"}, {"environment": "perf"}]


@pytest.mark.parametrize("chained_role, reported", [
    # hq/07: a read-only OIDC role chaining into a deploy role on a pull request
    ("arn:aws:iam::123456789012:role/web-preview-deployer", True),
    ("arn:aws:iam::123456789012:role/web-preview-readonly", False),
])
def test_a_pull_request_job_chaining_into_a_deploy_role(chained_role, reported):
    text = textwrap.dedent(f"""\
        on: pull_request
        permissions: {{id-token: write, contents: read}}
        jobs:
          preview:
            runs-on: ubuntu-latest
            steps:
              - uses: aws-actions/configure-aws-credentials@v4
                with:
                  role-to-assume: arn:aws:iam::123456789012:role/web-ci-readonly
                  aws-region: eu-west-1
              - uses: aws-actions/configure-aws-credentials@v4
                with:
                  role-to-assume: {chained_role}
                  role-chaining: true
                  aws-region: eu-west-1
        """)
    assert ("workflow-oidc-on-pull-request" in rules_of(text)) is reported


@pytest.mark.parametrize("written, reported", [
    # hv/04: a hash of the text is hex, even cut down
    ('echo "d=$(printf %s "$BODY" | sha256sum | cut -c1-16)" >> "$GITHUB_OUTPUT"', False),
    ('d=$(printf %s "$BODY" | sha256sum | cut -c1-16)\n          echo "d=$d" >> "$GITHUB_OUTPUT"',
     False),
    ('echo "d=$(printf %s "$BODY" | cut -c1-16)" >> "$GITHUB_OUTPUT"', True),
])
def test_a_digest_of_attacker_text_is_not_text(written, reported):
    text = INJECTION.format(run="echo ok").replace(
        "      - run: echo ok",
        "      - id: meta\n        run: |\n          " + written
        + "\n      - run: echo \"${{ steps.meta.outputs.d }}\"")
    found = [f for f in lint_text(text) if f[0] == "workflow-template-injection"]
    assert bool(found) is reported


GITHUB_SCRIPT_FORM = """
on: issues
permissions: {id-token: write}
jobs:
  scan:
    runs-on: ubuntu-latest
    steps:
      - id: form
        uses: actions/github-script@v7
        with:
          script: |
            const body = context.payload.issue.body || '';
            const field = (label) => {
              const m = body.match(new RegExp(`### ${label}\\\\s+([^\\\\n]+)`));
              return m ? m[1].trim() : '';
            };
            const tag = field('Tag');
            const max = Math.min(parseInt(field('Max'), 10) || 20, 100);
            core.exportVariable('REPO', field('Repository'));
            core.exportVariable('LIMIT', String(max));
            core.setOutput('tag', tag);
            core.setOutput('max', max);
      - uses: aws-actions/configure-aws-credentials@v4
        with: {role-to-assume: "arn:aws:iam::123456789012:role/scan", aws-region: eu-west-1}
      - run: echo "${{ EXPR }}"
"""


@pytest.mark.parametrize("expr, reported", [
    # hv/05: a value the script derives from the issue body, and one it exports
    ("steps.form.outputs.tag", True),
    ("env.REPO", True),
    ("steps.form.outputs.max", False),  # a number made of it
    ("env.LIMIT", False),
])
def test_github_script_values_derived_from_attacker_text(expr, reported):
    text = GITHUB_SCRIPT_FORM.replace("EXPR", expr)
    found = [f for f in lint_text(text) if f[0] == "workflow-template-injection"]
    assert bool(found) is reported


@pytest.mark.parametrize("n, wanted", [
    # hr/07: the list is image by image, each with its tags (version first, latest last)
    (0, "ghcr.io/o/app:sha-${{ github.sha }}"), (1, "ghcr.io/o/app:latest"),
    (2, "1.dkr.ecr.us-east-1.amazonaws.com/app:sha-${{ github.sha }}"),
    (3, "1.dkr.ecr.us-east-1.amazonaws.com/app:latest"), (4, None),
])
def test_metadata_action_json_tags_of_two_images(n, wanted):
    from ecs_lint import workflow_model as wm

    step = wm.Step(0, ("steps", 0), {}, uses="docker/metadata-action", with_={
        "images": "ghcr.io/o/app\n1.dkr.ecr.us-east-1.amazonaws.com/app",
        "tags": "type=sha,format=long", "flavor": "latest=true"})
    assert wm.metadata_action_output(step, f"json.tags[{n}]") == wanted
    assert wm.metadata_action_output(step, "tags") is None  # four of them


@pytest.mark.parametrize("condition, inputs, wanted", [
    ("inputs.stage == 'production'", {"stage": "staging"}, False),
    ("inputs.stage == 'Production'", {"stage": "production"}, "inputs.stage == 'Production'"),
    ("inputs.migrate-command != ''", {}, False),  # not given, no default: ''
    ("${{ inputs.deploy == 'true' }}", {"deploy": "false"}, False),
    ("inputs.deploy", {"deploy": "false"}, "inputs.deploy"),  # a non-empty string is true
    ("!inputs.skip && inputs.stage == 'x'", {"skip": "", "stage": "y"}, False),
    ("inputs.stage == 'x' || github.event_name == 'push'", {"stage": "y"},
     "inputs.stage == 'x' || github.event_name == 'push'"),
    # hy/04: a caller's expression stands in for the input
    ("inputs.push == 'true'", {"push": "${{ github.event_name == 'push' }}"},
     "(github.event_name == 'push')"),
    ("inputs.push == 'false'", {"push": "${{ github.event_name == 'push' }}"},
     "!(github.event_name == 'push')"),
    (None, {}, None), (False, {}, False),
])
def test_composite_step_conditions(condition, inputs, wanted):
    from ecs_lint import workflow_model as wm

    assert wm.composite_if(condition, inputs) == wanted


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="inputs.abc'=!&|() tru", max_size=40),
       st.dictionaries(st.sampled_from(["a", "b", "abc"]), st.sampled_from(["", "x", "true"])))
def test_composite_step_conditions_never_crash(condition, inputs):
    from ecs_lint import workflow_model as wm

    got = wm.composite_if(condition, inputs)
    assert got is False or isinstance(got, str)


def test_a_composite_step_its_inputs_keep_off_does_not_run(tmp_path):
    # hy/01, hy/06: a step whose `if:` its caller's inputs make false
    action = tmp_path / ".github" / "actions" / "release"
    action.mkdir(parents=True)
    (action / "action.yml").write_text(textwrap.dedent("""\
        inputs:
          migrate-command: {default: ''}
        runs:
          using: composite
          steps:
            - if: inputs.migrate-command != ''
              shell: bash
              run: aws ecs run-task --cluster c --task-definition t --overrides "$CMD"
        """))
    text = textwrap.dedent("""\
        on: {push: {branches: [main]}}
        jobs:
          test: {runs-on: ubuntu-latest, steps: [{run: pytest}]}
          deploy:
            needs: test
            runs-on: ubuntu-latest
            environment: production
            steps:
              - uses: ./.github/actions/release
                with: {MIGRATE}
        """)
    (tmp_path / ".github" / "workflows").mkdir()
    wf = tmp_path / ".github" / "workflows" / "d.yml"
    wf.write_text(text.replace("{MIGRATE}", "{}"))
    assert not [f for f in lint_folder(tmp_path) if f.rule == "workflow-migration-unchecked"]
    wf.write_text(text.replace("{MIGRATE}", "{migrate-command: rake db:migrate}"))
    assert [f for f in lint_folder(tmp_path) if f.rule == "workflow-migration-unchecked"]


@pytest.mark.parametrize("default, expr, line", [
    # hw/02: a dispatch that leaves the input deploys its `latest` default
    ("latest", "inputs.image_tag || github.sha", 8),
    ("''", "inputs.image_tag || github.sha", None),
    ("latest", "github.sha", None),
])
def test_a_dispatch_inputs_latest_default_behind_or(tmp_path, default, expr, line):
    text = textwrap.dedent(f"""\
        on:
          push: {{branches: [main]}}
          workflow_dispatch:
            inputs:
              image_tag:
                type: string
                required: false
                default: {default}
        jobs:
          test: {{runs-on: ubuntu-latest, steps: [{{run: pytest}}]}}
          deploy:
            needs: test
            runs-on: ubuntu-latest
            environment: production
            steps:
              - id: render
                uses: aws-actions/amazon-ecs-render-task-definition@v1
                with:
                  task-definition: td.json
                  container-name: app
                  image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:${{{{ {expr} }}}}
              - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
                with:
                  task-definition: ${{{{ steps.render.outputs.task-definition }}}}
                  cluster: c
                  service: s
                  wait-for-service-stability: true
        """)
    found = _linted(tmp_path, text, "workflow-image-latest")
    assert [f.span.line for f in found] == ([line] if line else [])
    if line:
        assert "on workflow_dispatch" in found[0].message


@pytest.mark.parametrize("script, line", [
    # ia/05: fabfuel's ecs deploy writes --env into the revision it registers
    ('ecs deploy prod api --env mailer SENDGRID_API_KEY "${{ secrets.SENDGRID_API_KEY }}"', 7),
    ("ecs deploy prod api --env mailer MAIL_FROM billing@example.com", None),
    # hw/05: a jq --arg from a secret made an environment entry
    ("""jq --arg k "$KEY" '.containerDefinitions[0].environment += """
     """[{"name": "ADMIN_API_KEY", "value": $k}]' td.json > next.json""", 7),
    ("""jq --arg k "$IMAGE" '.containerDefinitions[0].environment += """
     """[{"name": "IMAGE_URI", "value": $k}]' td.json > next.json""", None),
])
def test_a_script_writing_a_secret_into_a_task_definitions_environment(tmp_path, script, line):
    text = textwrap.dedent("""\
        on: {push: {branches: [main]}}
        jobs:
          deploy:
            runs-on: ubuntu-latest
            env: {KEY: "${{ secrets.ADMIN_KEY }}", IMAGE: "r/app:1"}
            steps:
              - run: SCRIPT
        """).replace("SCRIPT", json.dumps(script))
    found = _linted(tmp_path, text, "taskdef-secret-in-environment")
    assert [f.span.line for f in found] == ([line] if line else [])


@pytest.mark.parametrize("tag_env, reported", [
    # `${TAG:-latest}`: the default when TAG is empty as well as unset
    ("''", True),
    ("${{ github.sha }}", False),
])
def test_a_shell_default_for_an_empty_tag(tmp_path, tag_env, reported):
    text = textwrap.dedent(f"""\
        on: {{push: {{branches: [main]}}}}
        jobs:
          test: {{runs-on: ubuntu-latest, steps: [{{run: pytest}}]}}
          deploy:
            needs: test
            runs-on: ubuntu-latest
            environment: production
            env:
              TAG: {tag_env}
              REPO: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app
            steps:
              - run: |
                  docker build -t "$REPO:${{TAG:-latest}}" .
                  docker push "$REPO:${{TAG:-latest}}"
                  aws ecs update-service --cluster c --service s --force-new-deployment
        """)
    assert bool(_linted(tmp_path, text, "workflow-image-latest")) is reported
