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


# --- Terraform: the deployment_configuration block (ECS-native blue/green) ----

SERVICE_TF = """\
resource "aws_ecs_service" "web" {
  name            = "web"
  cluster         = "main"
  task_definition = "web"
  desired_count   = 2
%s
  health_check_grace_period_seconds = 120

%s

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/abc"
    container_name   = "web"
    container_port   = 80
  }
}
"""

PERCENTS = """\
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200"""


def _breaker(tmp_path, percents, block):
    found = lint_files(tmp_path, {"ecs.tf": SERVICE_TF % (percents, block)})
    return [f.span.line for f in found if f.rule == "service-circuit-breaker-off"]


def _strategy(name):
    return ('  deployment_configuration {\n    strategy             = "%s"\n'
            '    bake_time_in_minutes = 10\n  }' % name)


def test_blue_green_strategy_kept_beside_the_percent_arguments(tmp_path):
    # ECS-native blue/green is not a rolling deploy: the breaker rule is for rolling
    assert _breaker(tmp_path, PERCENTS, _strategy("BLUE_GREEN")) == []


def test_canary_strategy_without_percent_arguments(tmp_path):
    assert _breaker(tmp_path, "", _strategy("CANARY")) == []


def test_rolling_strategy_block_without_breaker_reported(tmp_path):
    assert _breaker(tmp_path, "", _strategy("ROLLING")) == [9]


def test_dynamic_deployment_configuration_is_unknown(tmp_path):
    block = ('  dynamic "deployment_configuration" {\n    for_each = var.strategies\n'
             '    content {\n      strategy = deployment_configuration.value\n    }\n  }')
    assert _breaker(tmp_path, PERCENTS, block) == []


def test_a_loop_over_written_words_writes_those_files_only(tmp_path):
    # gs/09: `for svc in web worker` writes td-web.json and td-worker.json, not td-cron.json
    assert _taskdef_missing(tmp_path, '"td-$svc.json"', "td-worker.json") == []
    assert _taskdef_missing(tmp_path, '"td-${svc}.json"', "td-cron.json")
