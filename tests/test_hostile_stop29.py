"""Broken or hostile shapes for stop 29's readers: each gives findings or
none, never an internal error."""
import pytest

from conftest import lint_files

ROLE_STEP = """\
      - uses: aws-actions/configure-aws-credentials@v4
        with: {role-to-assume: "arn:aws:iam::123456789012:role/d", aws-region: us-east-1}
"""


def _no_crash(tmp_path, files):
    found = lint_files(tmp_path, files)
    assert not [f for f in found if f.rule == "internal-error"], \
        [f.message for f in found if f.rule == "internal-error"]
    return found


@pytest.mark.parametrize("job_if, download", [
    ("true", "run-id: ${{ github.event.workflow_run.id }}"),  # a YAML boolean `if:`
    ("false", "run-id: ${{ github.event.workflow_run.id }}"),
    ("\"github.event.workflow_run.event == 'push'\"", "run-id: [1, 2]"),
    ("1", "{run-id: {a: b}, path: 7}"),
    ("[x]", "run_id: ${{ github.event.workflow_run.id }}\n          path: ../../etc"),
])
def test_workflow_run_jobs_of_odd_shapes(tmp_path, job_if, download):
    wf = ("name: p\non: {workflow_run: {workflows: [3, {a: b}]}}\njobs:\n  p:\n"
          f"    if: {job_if}\n    runs-on: ubuntu-latest\n    permissions: {{id-token: write}}\n"
          "    steps:\n      - uses: actions/download-artifact@v4\n        with:\n"
          f"          {download}\n      - id: m\n        run: echo \"b=$(cat pr/b)\" >> $GITHUB_OUTPUT\n"
          + ROLE_STEP + "      - run: echo ${{ steps.m.outputs.b }}\n")
    _no_crash(tmp_path, {".github/workflows/p.yml": wf})


@pytest.mark.parametrize("called", [
    "on: {workflow_call: {outputs: [1, 2]}}\njobs: {}\n",
    "on: {workflow_call: {outputs: {v: {value: {x: 1}}}}}\njobs: []\n",
    "on: {workflow_call: {outputs: {v: {value: '${{ jobs.nope.outputs.v }}'}}}}\njobs: {a: 3}\n",
    "on: [workflow_call\n",  # not YAML
    "\x00\x01binary",
])
def test_called_workflows_of_odd_shapes(tmp_path, called):
    caller = ("on: push\njobs:\n  v:\n    uses: ./.github/workflows/c.yml\n  d:\n    needs: v\n"
              "    runs-on: ubuntu-latest\n    permissions: {id-token: write}\n    steps:\n"
              + ROLE_STEP + "      - run: echo ${{ needs.v.outputs.v }}\n")
    _no_crash(tmp_path, {".github/workflows/d.yml": caller, ".github/workflows/c.yml": called})


@pytest.mark.parametrize("tags", [
    "type=semver", "type=semver,pattern=,value=", "type=ref", "type=ref,event=",
    "type=edge,branch=", "type=schedule,pattern={{date 'x'}}", "type=match,pattern=(,group=x",
    "type=semver,priority=abc\ntype=raw,value=latest",
])
def test_metadata_entries_of_odd_shapes(tmp_path, tags):
    wf = ("on: {push: {branches: [main], tags: ['v*']}, schedule: [{cron: '0 0 * * *'}]}\n"
          "jobs:\n  d:\n    runs-on: ubuntu-latest\n    environment: production\n"
          "    permissions: {id-token: write}\n    steps:\n" + ROLE_STEP
          + "      - id: meta\n        uses: docker/metadata-action@v5\n        with:\n"
          "          images: r/app\n          tags: |\n            "
          + tags.replace("\n", "\n            ") + "\n"
          "      - uses: aws-actions/amazon-ecs-render-task-definition@v1\n        id: r\n"
          "        with: {task-definition: td.json, container-name: app, "
          "image: 'r/app:${{ steps.meta.outputs.version }}'}\n"
          "      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2\n"
          "        with: {task-definition: '${{ steps.r.outputs.task-definition }}', service: s, "
          "wait-for-service-stability: true}\n")
    _no_crash(tmp_path, {".github/workflows/d.yml": wf})


@pytest.mark.parametrize("overrides", [
    "$(", "\"$(jq -r . p.json)\" Key=", "=$(x)", "ParameterKey=$(x),ParameterValue=1",
])
def test_stack_overrides_of_odd_shapes(tmp_path, overrides):
    template = ("Parameters:\n  Grace: {Type: Number, Default: 10}\nResources:\n  S:\n"
                "    Type: AWS::ECS::Service\n    Properties:\n"
                "      HealthCheckGracePeriodSeconds: !Ref Grace\n")
    wf = ("on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n"
          "      - run: aws cloudformation deploy --template-file t.yaml --stack-name s "
          f"--parameter-overrides {overrides}\n")
    _no_crash(tmp_path, {"t.yaml": template, ".github/workflows/d.yml": wf})
