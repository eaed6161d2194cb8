"""Audit 'ao' (precision, part 2): Terraform, CDK and CloudFormation setups a
careful platform team got right, where ecs-lint reported a finding that cannot
happen. Each test holds a case where ecs-lint was wrong (see the commit that
added it for the evidence)."""
from conftest import lint_files

# --- a task definition written by an earlier step through a shell variable ---

DOWNLOAD_LOOP = """\
name: deploy
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
      - uses: actions/checkout@v4
      - name: Download task definitions
        run: |
          for svc in web worker; do
            aws ecs describe-task-definition --task-definition "scheduling-$svc" \\
              --query taskDefinition > %s
          done
      - id: web
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: %s
          container-name: web
          image: registry/scheduling:${{ github.sha }}
"""


def _taskdef_missing(tmp_path, target, path):
    found = lint_files(tmp_path, {".github/workflows/deploy.yml": DOWNLOAD_LOOP % (target, path)})
    return [f.message for f in found if f.rule == "xref-task-definition-missing"]


def test_redirect_into_variable_name_writes_the_file(tmp_path):
    assert _taskdef_missing(tmp_path, '"td-$svc.json"', "td-web.json") == []


def test_redirect_into_braced_variable_name_in_a_folder(tmp_path):
    assert _taskdef_missing(tmp_path, '"ecs/${svc}-task.json"', "ecs/web-task.json") == []


def test_variable_name_that_cannot_be_the_path_still_reported(tmp_path):
    # the loop writes td-*.json; the step reads a file no step writes
    assert _taskdef_missing(tmp_path, '"td-$svc.json"', "task-definition.json")


def test_bare_variable_redirect_says_nothing_about_the_name(tmp_path):
    assert _taskdef_missing(tmp_path, '"$out"', "task-definition.json")
    assert _taskdef_missing(tmp_path, '"$svc.json"', "task-definition.json")
