"""Task definition files a deploy workflow names (set `ih`): a step whose
`if:` is false in a matrix row, files written outside where the actions read
(`$RUNNER_TEMP`, `..` from a working directory), single-file artifacts,
sparse checkouts, and the container names of a file made by envsubst, cp or
`aws ecs describe-task-definition`."""
import json

import pytest

from conftest import lint_files

HEAD = """\
name: deploy
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
%s    steps:
%s"""


def _taskdef(family: str, *containers: str) -> str:
    return json.dumps({"family": family, "containerDefinitions": [
        {"name": n, "image": "app:1"} for n in containers]})


def _render(path: str, container: str = "app", sid: str = "render", condition=None) -> str:
    """A render step (list item at the steps' indentation) reading `path`."""
    cond = f"        if: {condition}\n" if condition else ""
    return f"""\
      - id: {sid}
        uses: aws-actions/amazon-ecs-render-task-definition@v1
{cond}        with:
          task-definition: {path}
          container-name: {container}
          image: app:2
"""


def _rules(tmp_path, steps: str, files=None, job: str = ""):
    """(rule, message) of the task-definition findings of a workflow whose
    job `deploy` (job keys `job`) runs `steps`, with the repository `files`."""
    found = lint_files(tmp_path, {".github/workflows/deploy.yml": HEAD % (job, steps),
                                  **(files or {})})
    return [(f.rule, f.message) for f in found
            if f.rule in ("xref-task-definition-missing", "xref-container-name-unknown")]


# --- a step's `if:` is evaluated per matrix row ------------------------------

MATRIX = "    strategy:\n      matrix:\n        service: [gateway, mailer]\n"


@pytest.mark.parametrize("condition, reported", [
    (None, True),  # the sidecar render runs in the mailer row too
    ("matrix.service == 'gateway'", False),
    ("${{ matrix.service != 'mailer' }}", False),
    ("matrix.service == 'Gateway' && github.event_name == 'push'", False),
    ("matrix.service == 'gateway' || github.event_name == 'push'", True),  # not known
    ("\"${{ !(matrix.service == 'mailer') }}\"", False),
])
def test_a_step_if_false_in_a_matrix_row_is_not_checked_there(tmp_path, condition, reported):
    steps = "      - uses: actions/checkout@v4\n" \
        + _render("ecs/${{ matrix.service }}.json", "${{ matrix.service }}") \
        + _render("${{ steps.render.outputs.task-definition }}", "envoy", "envoy", condition)
    found = _rules(tmp_path, steps, {
        "ecs/gateway.json": _taskdef("gateway", "gateway", "envoy"),
        "ecs/mailer.json": _taskdef("mailer", "mailer")}, job=MATRIX)
    assert bool(found) is reported, found


# --- files written where the actions do not read them ------------------------

@pytest.mark.parametrize("target, reported", [
    ('"$RUNNER_TEMP/taskdef.json"', True),
    ("${RUNNER_TEMP}/taskdef.json", True),
    ("/tmp/taskdef.json", True),
    ("taskdef.json", False),
    ('"$GITHUB_WORKSPACE/taskdef.json"', False),
    ('"$OUT/taskdef.json"', False),  # not known where
])
def test_a_file_written_outside_the_workspace_is_missing(tmp_path, target, reported):
    steps = f"""\
      - uses: actions/checkout@v4
      - run: envsubst < deploy/tpl.json > {target}
""" + _render("taskdef.json")
    found = _rules(tmp_path, steps, {"deploy/tpl.json": _taskdef("app", "app")})
    assert bool(found) is reported, found
    if reported:
        assert "writes it to " + target.strip('"') in found[0][1]


@pytest.mark.parametrize("script, reported", [
    ("jq . ecs/td.json > ../build/td.json", True),  # services/build/td.json
    ("jq . ecs/td.json > ../../build/td.json", False),  # build/td.json
    ("cd ecs && jq . td.json > ../../build/td.json", True),  # the cd is followed: services/build
    ("jq . ecs/td.json > td.json && mv td.json ../../build/", False),  # moved after
    ('cp ecs/td.json td.json && jq . td.json > "$DEST"', False),  # DEST: not known
])
def test_a_relative_write_lands_from_the_working_directory(tmp_path, script, reported):
    steps = f"""\
      - uses: actions/checkout@v4
      - working-directory: services/search
        run: {script}
""" + _render("build/td.json")
    found = _rules(tmp_path, steps, {"services/search/ecs/td.json": _taskdef("app", "app")})
    assert bool(found) is reported, found
    if reported:
        assert "services/build/td.json" in found[0][1]


# --- artifacts ------------------------------------------------------------------

ARTIFACT = """\
name: deploy
on:
  push:
    branches: [main]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: mkdir -p build/ecs && aws ecs describe-task-definition --task-definition app > build/ecs/td.json
      - uses: actions/upload-artifact@v4
        with:
          name: taskdef
          path: %s
  deploy:
    needs: build
    runs-on: ubuntu-latest
    steps:
      - uses: actions/download-artifact@v4
        with:
          name: taskdef
%s""" + _render("build/ecs/td.json")


@pytest.mark.parametrize("uploaded, download_path, reported", [
    ("build/ecs/td.json", "", True),  # the artifact holds td.json: lands at ./td.json
    ("build/ecs/td.json", "          path: build/ecs\n", False),
    ("build/ecs", "", False),  # a folder: not known what it holds
    ("build/**/*.json", "", False),
])
def test_a_single_file_artifact_keeps_only_its_name(tmp_path, uploaded, download_path,
                                                    reported):
    found = lint_files(tmp_path, {".github/workflows/deploy.yml":
                                  ARTIFACT % (uploaded, download_path)})
    found = [f.message for f in found if f.rule == "xref-task-definition-missing"]
    assert bool(found) is reported, found
    if reported:
        assert "td.json" in found[0] and "download-artifact" in found[0]


# --- sparse checkouts -----------------------------------------------------------

@pytest.mark.parametrize("checkout, path, reported", [
    ("sparse-checkout: services/billing", "infra/ecs/billing.json", True),
    ("sparse-checkout: |\n            services/billing\n            infra/ecs",
     "infra/ecs/billing.json", False),
    ("sparse-checkout: infra", "infra/ecs/billing.json", False),
    ("sparse-checkout: infra/ecs/deep", "infra/ecs/billing.json", False),  # a folder above one
    ("sparse-checkout: services/billing", "billing.json", False),  # root files are there
    ("sparse-checkout: services/billing\n          sparse-checkout-cone-mode: false",
     "infra/ecs/billing.json", False),  # patterns: not read
    ("fetch-depth: 0", "infra/ecs/billing.json", False),
])
def test_a_sparse_checkout_leaves_other_folders_out(tmp_path, checkout, path, reported):
    steps = f"""\
      - uses: actions/checkout@v4
        with:
          {checkout}
""" + _render(path, "billing")
    found = _rules(tmp_path, steps, {path: _taskdef("billing", "billing")})
    assert bool(found) is reported, found
    if reported:
        assert "sparse-checkout" in found[0][1]


# --- container names of a file a script makes -------------------------------------

@pytest.mark.parametrize("made, template, reported", [
    ("envsubst < deploy/tpl.json > build/td.json", "app", True),
    ("envsubst < deploy/tpl.json > build/td.json", "api", False),
    ("envsubst < deploy/tpl.json > build/td.json", "${NAME}", False),  # what NAME holds
    ("cp deploy/tpl.json build/td.json", "app", True),
    ("jq '.containerDefinitions[0].name = \"api\"' deploy/tpl.json > build/td.json", "app",
     False),  # a filter may rename
])
def test_a_file_made_from_a_template_keeps_its_container_names(tmp_path, made, template,
                                                               reported):
    steps = f"""\
      - uses: actions/checkout@v4
      - run: {made}
""" + _render("build/td.json", "api")
    found = _rules(tmp_path, steps, {"deploy/tpl.json": _taskdef("app", template)})
    assert [r for r, _ in found] == (["xref-container-name-unknown"] if reported else []), found


@pytest.mark.parametrize("container, reported", [("quarry-api", True), ("api", False)])
def test_a_described_family_has_the_containers_of_its_definition(tmp_path, container,
                                                                  reported):
    job = "    strategy:\n      matrix:\n        family: [quarry-api]\n"
    steps = """\
      - uses: actions/checkout@v4
      - run: |
          aws ecs describe-task-definition --task-definition ${{ matrix.family }} \\
            --query taskDefinition > task-definition.json
""" + _render("task-definition.json", container)
    found = _rules(tmp_path, steps, {"infra/api.json": _taskdef("quarry-api", "api")}, job=job)
    assert [r for r, _ in found] == (["xref-container-name-unknown"] if reported else []), found
    if reported:
        assert "quarry-api" in found[0][1] and "describe-task-definition" in found[0][1]
