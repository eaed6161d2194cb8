"""workflow-template-injection through the artifacts of the run a
`workflow_run` follows (jf/01): a pull request's run wrote them with its own
workflow files, so what a job reads from them is its author's text."""
import textwrap

import pytest
from hypothesis import given, strategies as st

from conftest import lint_files
from ecs_lint.rules.workflow import _cut_to_data, _files_read

PUBLISH = """\
name: publish
on:
  workflow_run:
    workflows: [{followed}]
    types: [completed]
jobs:
  publish:
    if: {job_if}
    runs-on: ubuntu-latest
    permissions: {{id-token: write, actions: read}}
    steps:
      - uses: actions/download-artifact@v4
        with:
          name: pr-meta
{path}          run-id: {run_id}
          github-token: ${{{{ github.token }}}}
      - id: meta
        run: |
{read}
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/preview
          aws-region: eu-west-1
      - run: docker push "$REGISTRY/web:br-${{{{ steps.meta.outputs.branch }}}}"
"""
BUILD = "name: PR build\non: {on}\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n"


def _injections(tmp_path, read='          echo "branch=$(cat pr-meta/branch)" >> "$GITHUB_OUTPUT"',
                path="          path: pr-meta\n", run_id="${{ github.event.workflow_run.id }}",
                job_if="github.event.workflow_run.conclusion == 'success'",
                followed='"PR build"', build_on="pull_request"):
    files = {".github/workflows/publish.yml": PUBLISH.format(
                 followed=followed, job_if=job_if, path=path, run_id=run_id, read=read),
             ".github/workflows/build.yml": BUILD.format(on=build_on)}
    return [(f.span.line, f.message) for f in lint_files(tmp_path, files)
            if f.rule == "workflow-template-injection"]


def test_a_branch_name_read_from_the_artifact_is_pasted(tmp_path):
    found = _injections(tmp_path)
    assert [line for line, _ in found] == [25]
    assert "`pr-meta/branch`" in found[0][1] and "pull request's run" in found[0][1]


@pytest.mark.parametrize("read", [
    '          echo "branch=$(<pr-meta/branch)" >> "$GITHUB_OUTPUT"',
    '          echo "branch=$(jq -r .ref pr-meta/meta.json)" >> "$GITHUB_OUTPUT"',
    '          b=$(head -n1 ./pr-meta/branch)\n          echo "branch=$b" >> "$GITHUB_OUTPUT"',
])
def test_other_ways_of_reading_the_file(tmp_path, read):
    assert [line for line, _ in _injections(tmp_path, read=read)] == [25 + read.count("\n")]


def test_a_download_into_the_workspace_makes_any_file_the_authors(tmp_path):
    found = _injections(tmp_path, path="",
                        read='          echo "branch=$(cat branch.txt)" >> "$GITHUB_OUTPUT"')
    assert len(found) == 1


@pytest.mark.parametrize("kw", [
    # cut to digits: no shell code can come through
    {"read": '          echo "branch=$(cat pr-meta/branch | tr -dc \'0-9\')" >> "$GITHUB_OUTPUT"'},
    {"read": '          n=$(head -c 10 pr-meta/branch | tr -cd "[:alnum:]")\n'
             '          echo "branch=$n" >> "$GITHUB_OUTPUT"'},
    # a file of another folder than the artifact's
    {"read": '          echo "branch=$(cat VERSION)" >> "$GITHUB_OUTPUT"'},
    # the job's own run's artifact, not the followed run's
    {"run_id": "${{ github.run_id }}"},
    # the followed workflow is in the repository and runs only on push
    {"build_on": "push"},
    # the job runs only after push runs
    {"job_if": "github.event.workflow_run.event == 'push'"},
])
def test_near_misses(tmp_path, kw):
    assert _injections(tmp_path, **kw) == []


def test_a_followed_workflow_not_in_the_repository_may_be_a_pull_requests(tmp_path):
    assert len(_injections(tmp_path, followed='"Build elsewhere"', build_on="push")) == 1


def test_a_cut_that_keeps_shell_characters_is_no_cut(tmp_path):
    read = '          echo "branch=$(cat pr-meta/branch | tr -dc \'a-z;|&\')" >> "$GITHUB_OUTPUT"'
    assert len(_injections(tmp_path, read=read)) == 1


@pytest.mark.parametrize("script, paths", [
    ("cat a/b", ["a/b"]), ("<a/b", ["a/b"]), ("jq -r .x a.json b.json", ["a.json", "b.json"]),
    ("sed -n 1p ./f", ["f"]), ("cat /etc/passwd ../x $F", []), ("echo a/b", []),
])
def test_files_read(script, paths):
    assert _files_read(script) == paths


@given(st.text(max_size=120))
def test_readers_take_any_text(text):
    assert isinstance(_files_read(text), list)
    assert _cut_to_data(text) in (True, False)
