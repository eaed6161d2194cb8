"""Task definition files a deploy workflow makes (set `kj`): envsubst under a
matrix `working-directory`, `describe-task-definition | jq 'del(...)'` into a
file named per matrix row, a render step off where `hashFiles()` is '', a
redirect between `pushd` and `popd`, and `yq -o=json` of a YAML task
definition."""
import json

import pytest

from conftest import lint_files

from ecs_lint import shell
from ecs_lint.xref import linking

HEAD = """\
name: deploy
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: %s
%s    steps:
%s"""

MATRIX = "    strategy:\n      matrix:\n        service: [%s]\n"


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


def _rules(tmp_path, steps: str, files=None, job: str = "", runner: str = "ubuntu-latest"):
    """(rule, message) of the task-definition findings of a workflow whose
    job `deploy` (job keys `job`) runs `steps`, with the repository `files`."""
    found = lint_files(tmp_path, {".github/workflows/deploy.yml": HEAD % (runner, job, steps),
                                  **(files or {})})
    return [(f.rule, f.message) for f in found
            if f.rule in ("xref-task-definition-missing", "xref-container-name-unknown")]


# --- envsubst in a working directory of each matrix row -------------------------

@pytest.mark.parametrize("statements_container, reported", [
    ("statements-worker", True),
    ("statements", False),
])
def test_envsubst_paths_are_relative_to_the_rows_working_directory(
        tmp_path, statements_container, reported):
    steps = """\
      - uses: actions/checkout@v4
      - working-directory: services/${{ matrix.service }}/ecs
        run: envsubst '${APP_ENV}' < taskdef.tpl.json > taskdef.json
""" + _render("services/${{ matrix.service }}/ecs/taskdef.json", "${{ matrix.service }}")
    found = _rules(tmp_path, steps, {
        "services/ledger/ecs/taskdef.tpl.json": _taskdef("ledger", "ledger"),
        "services/statements/ecs/taskdef.tpl.json": _taskdef("statements",
                                                             statements_container)},
        job=MATRIX % "ledger, statements")
    assert [r for r, _ in found] == (["xref-container-name-unknown"] if reported else []), found
    if reported:
        assert "services/statements/ecs/taskdef.tpl.json" in found[0][1]
        assert "envsubst" in found[0][1]


# --- describe-task-definition through jq, into a file named per row ---------------

@pytest.mark.parametrize("query, jq_filter, reported", [
    ("--query taskDefinition", "del(.taskDefinitionArn, .revision, .status)", True),
    ("", ".taskDefinition | del(.revision)", True),
    ("--query taskDefinition", ".", True),
    ("--query taskDefinition", ".containerDefinitions[0].name = \\\"worker\\\"", False),
    ("--query taskDefinition", "del(.containerDefinitions)", False),
    ("--query taskDefinition", "del(.containerDefinitions[0])", False),
])
def test_a_described_family_through_a_jq_that_only_drops_keys(tmp_path, query, jq_filter,
                                                                reported):
    job = """\
    strategy:
      matrix:
        include:
          - {service: web, family: shop-web, container: web}
          - {service: worker, family: shop-worker, container: worker}
"""
    steps = f"""\
      - uses: actions/checkout@v4
      - run: |
          aws ecs describe-task-definition --task-definition "${{{{ matrix.family }}}}" {query} \\
            | jq "{jq_filter}" > "td-${{{{ matrix.service }}}}.json"
""" + _render("td-${{ matrix.service }}.json", "${{ matrix.container }}")
    found = _rules(tmp_path, steps, {"infra/web.json": _taskdef("shop-web", "web"),
                                     "infra/worker.json": _taskdef("shop-worker", "sidekiq")},
                   job=job)
    assert [r for r, _ in found] == (["xref-container-name-unknown"] if reported else []), found
    if reported:
        assert "'shop-worker'" in found[0][1] and "td-worker.json" in found[0][1]


@pytest.mark.parametrize("jq_filter, reported", [
    ("del(.revision, .registeredAt)", True),
    (".containerDefinitions[0].name = \\\"api\\\"", False),  # may rename: not known
])
def test_a_file_through_a_jq_that_only_drops_keys_keeps_its_containers(tmp_path, jq_filter,
                                                                       reported):
    steps = f"""\
      - uses: actions/checkout@v4
      - run: jq "{jq_filter}" deploy/td.json > build.json
""" + _render("build.json", "api")
    found = _rules(tmp_path, steps, {"deploy/td.json": _taskdef("app", "app")})
    assert [r for r, _ in found] == (["xref-container-name-unknown"] if reported else []), found


# --- hashFiles() in a step's if: ------------------------------------------------

@pytest.mark.parametrize("condition, reported", [
    (None, True),  # the lambda row has no file
    ("hashFiles(format('services/{0}/td.json', matrix.service)) != ''", False),
    ("${{ hashFiles(format('services/{0}/td.json', matrix.service)) }}", False),
    ("\"${{ !(hashFiles(format('services/{0}/td.json', matrix.service)) == '') }}\"", False),
    ("hashFiles(format('services/{0}/*.json', matrix.service)) != ''", False),
    ("hashFiles(format('services/{0}/**', matrix.service)) != ''", True),  # its Dockerfile
    ("hashFiles('services/*/td.json') != ''", True),  # the api row's file, in every row
    ("hashFiles(format('services/{0}/td.json', matrix.service)) == ''", True),
    ("hashFiles(format('!services/{0}/td.json', matrix.service)) != ''", True),  # not known
])
def test_a_step_off_where_hash_files_is_empty_is_not_checked(tmp_path, condition, reported):
    steps = "      - uses: actions/checkout@v4\n" + _render(
        "services/${{ matrix.service }}/td.json", "${{ matrix.service }}", condition=condition)
    found = _rules(tmp_path, steps, {"services/api/td.json": _taskdef("api", "api"),
                                     "services/thumbs/Dockerfile": "FROM scratch\n"},
                   job=MATRIX % "api, thumbs")
    assert [r for r, _ in found] == (["xref-task-definition-missing"] if reported else []), found
    if reported:
        assert "services/thumbs/td.json" in found[0][1]


@pytest.mark.parametrize("before, runner, reported", [
    ("      - uses: actions/checkout@v4\n", "ubuntu-latest", False),
    ("      - uses: actions/checkout@v4\n      - run: make build/marker.txt\n",
     "ubuntu-latest", True),  # an earlier step may make the file
    ("", "ubuntu-latest", True),  # no checkout: the workspace is not the repository
    ("      - uses: actions/checkout@v4\n        with:\n          path: src\n",
     "ubuntu-latest", True),
    ("      - uses: actions/checkout@v4\n", "windows-latest", True),  # names ignore case
])
def test_hash_files_is_known_only_for_the_checked_out_repository(tmp_path, before, runner,
                                                                 reported):
    steps = before + _render("ecs/missing.json",
                             condition="hashFiles('build/marker.txt') != ''")
    found = _rules(tmp_path, steps, {"ecs/app.json": _taskdef("app", "app")}, runner=runner)
    assert [r for r, _ in found] == (["xref-task-definition-missing"] if reported else []), found


# --- pushd and popd ---------------------------------------------------------------

DESCRIBE = "aws ecs describe-task-definition --task-definition app --query taskDefinition"


@pytest.mark.parametrize("script, reported", [
    (f"pushd deploy\n{DESCRIBE} > td.json\npopd", True),  # deploy/td.json
    (f"pushd deploy\n./check.sh\npopd\n{DESCRIBE} > td.json", False),
    (f"pushd deploy\npushd sub\npopd\n{DESCRIBE} > td.json\npopd", True),
    (f"pushd deploy\ncd sub\npopd\n{DESCRIBE} > td.json", False),  # popd goes back to ./
    (f"popd\n{DESCRIBE} > td.json", False),  # an empty stack: not known
])
def test_a_redirect_between_pushd_and_popd_writes_into_the_pushed_folder(tmp_path, script,
                                                                        reported):
    body = "".join(f"          {line}\n" for line in script.splitlines())
    steps = "      - uses: actions/checkout@v4\n      - run: |\n" + body + _render("td.json")
    found = _rules(tmp_path, steps)
    assert [r for r, _ in found] == (["xref-task-definition-missing"] if reported else []), found
    if reported:
        assert "writes it to deploy/td.json" in found[0][1]


def test_script_dirs_keep_the_directory_stack():
    cmds = shell.parse("pushd a\ncd b\npushd ../c\npopd\npopd\npopd\ntrue")
    assert linking.script_dirs(cmds) == ["", "a", "a/b", "a/c", "a/b", "", None]


# --- yq to JSON ---------------------------------------------------------------------

@pytest.mark.parametrize("command, reported", [
    ("yq -o=json deploy/td.yaml > td.json", True),
    ("yq -o json deploy/td.yaml > td.json", True),
    ("yq eval -o=json deploy/td.yaml > td.json", True),
    ("yq -oj '.' deploy/td.yaml > td.json", True),
    ("yq -o=json < deploy/td.yaml > td.json", True),
    ("yq -o=json '.containerDefinitions[1].name = \"tunnel\"' deploy/td.yaml > td.json",
     False),  # may rename: not known
    ("yq -o=yaml deploy/td.yaml > td.json", False),
])
def test_yq_to_json_keeps_the_containers_of_a_yaml_task_definition(tmp_path, command,
                                                                   reported):
    steps = f"""\
      - uses: actions/checkout@v4
      - run: {command}
""" + _render("td.json", "app") + _render("${{ steps.render.outputs.task-definition }}",
                                          "cloudflare-tunnel", "tunnel")
    taskdef = ("family: relay\ncontainerDefinitions:\n  - name: app\n    image: app:1\n"
               "  - name: cloudflared\n    image: cloudflared:1\n")
    found = _rules(tmp_path, steps, {"deploy/td.yaml": taskdef})
    assert [r for r, _ in found] == (["xref-container-name-unknown"] if reported else []), found
    if reported:
        assert "deploy/td.yaml" in found[0][1] and "'cloudflared'" in found[0][1]


@pytest.mark.parametrize("argv, files", [
    (["yq", "-o=json", "a.yaml"], ["a.yaml"]),
    (["yq", "e", "-P", "-o", "json", ".", "a.yaml"], ["a.yaml"]),
    (["yq", "-o=json"], []),
    (["yq", "-i", "-o=json", "a.yaml"], None),
    (["yq", "-o=json", "a.yaml", "b.yaml"], None),
    (["yq", "-o"], None),
    (["yq"], None),
])
def test_yq_to_json_files(argv, files):
    assert linking._yq_to_json(argv) == files
