"""Audit 'wild': ecs-lint on real workflows and trust policies it had never seen.

Each test holds a minimal excerpt of a public file (credited by repo/path) on which
ecs-lint reported something wrong, or missed an obvious violation RULES.md defines.
"""
from conftest import workflow_findings


def findings(text):
    """(rule, line, message) of every single-file workflow finding on a workflow text."""
    return workflow_findings(text, messages=True)


# GeoMatch/github-actions .github/workflows/ecs-deploy.yml (excerpt): the action is
# written `GeoMatch/...`; the message quoted it as `geomatch/...`, a text that is not
# in the file (owner and repository names are compared case-insensitively, but the
# message must show what the user wrote so they can find and fix it).
GEOMATCH = """\
on:
  workflow_call:
jobs:
  ecs-wait:
    runs-on: ubuntu-latest
    steps:
      - name: Get ECS Run Task Config
        uses: GeoMatch/deployment/.github/actions/ssm-get-param@main
"""


def test_unpinned_message_quotes_the_reference_as_written():
    got = [(line, msg) for rule, line, msg in findings(GEOMATCH)
           if rule == "workflow-action-unpinned"]
    assert len(got) == 1
    line, msg = got[0]
    assert line == 8
    assert "`GeoMatch/deployment/.github/actions/ssm-get-param@main`" in msg
    assert "geomatch/" not in msg


# Americas-Health-AKCIT/infra-pipelines .github/workflows/ecs.yml (excerpt): the
# long-lived key pair is passed from secrets to a third-party deploy action through
# inputs named AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY. RULES.md:
# workflow-static-aws-keys fires when "long-lived access keys are passed
# (`aws-access-key-id`, `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` from secrets or
# literals)"; only the lower-case hyphenated input names were read.
AMERICAS_HEALTH = """\
on:
  workflow_call:
    inputs:
      environment:
        type: string
        required: true
jobs:
  deploy:
    environment:
      name: ${{ inputs.environment }}
    runs-on: ubuntu-22.04
    steps:
      - uses: actions/checkout@v4
      - uses: Americas-Health-AKCIT/pipelines/ecs@main
        with:
          AWS_DEFAULT_REGION: ${{ vars.AWS_DEFAULT_REGION }}
          AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}
          AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}
          SERVICE_NAME: ${{ vars.SERVICE_NAME }}
"""


def test_static_keys_in_upper_case_action_inputs():
    got = [(line, msg) for rule, line, msg in findings(AMERICAS_HEALTH)
           if rule == "workflow-static-aws-keys"]
    assert len(got) == 1
    line, msg = got[0]
    assert line == 17
    assert "`AWS_ACCESS_KEY_ID`" in msg and "secrets.AWS_ACCESS_KEY_ID" in msg


def test_static_keys_input_names_other_than_keys_stay_silent():
    # an input that merely mentions a key (a secret *name*, a region) is not a key
    text = """\
    on: push
    jobs:
      deploy:
        runs-on: ubuntu-latest
        steps:
          - uses: someone/deploy@v1
            with:
              AWS_ACCESS_KEY_ID_SECRET_NAME: ${{ vars.KEY_NAME }}
              AWS_REGION: ${{ vars.AWS_REGION }}
    """
    assert not [f for f in findings(text) if f[0] == "workflow-static-aws-keys"]
