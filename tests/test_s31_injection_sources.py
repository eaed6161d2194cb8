"""Which event fields workflow-template-injection counts as outsiders' text:
a check suite's head commit (message, author, committer) is written by whoever
wrote the commit; a release's name is written by who may publish releases, its
body may list pull request titles (generated release notes)."""
import pytest

from conftest import workflow_findings

JOB = """\
on:
  {event}:
    types: [{types}]
permissions:
  id-token: write
  contents: read
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/deploy
          aws-region: eu-west-1
      - run: echo "${{{{ {field} }}}}"
"""
INJECTION = "workflow-template-injection"


def injections(event, types, field):
    text = JOB.format(event=event, types=types, field=field)
    return [line for rule, line in workflow_findings(text) if rule == INJECTION]


@pytest.mark.parametrize("field", [
    "github.event.check_suite.head_commit.message",
    "github.event.check_suite.head_commit.author.name",
    "github.event.check_suite.head_commit.committer.email",
    "github.event.check_suite.head_branch",
])
def test_a_check_suites_commit_is_outsiders_text(field):
    assert injections("check_suite", "completed", field) == [16]


@pytest.mark.parametrize("field, expected", [
    ("github.event.release.body", [16]),
    ("github.event.release.name", []),
    ("github.event.release.tag_name", []),
])
def test_a_releases_notes_are_outsiders_text_its_name_is_not(field, expected):
    assert injections("release", "published", field) == expected


def test_a_check_suites_head_sha_is_not_text_anyone_writes():
    assert injections("check_suite", "completed", "github.event.check_suite.head_sha") == []
