"""Task definition files a deploy workflow names (set `jh`): where an
artifact of several paths, a glob or a pattern download puts its files, a
render output handed to another job, a describe-task-definition file handed
on as an artifact, and a `cd` in the script that writes the file."""
import json

import pytest

from conftest import lint_files

RULES = ("xref-task-definition-missing", "xref-container-name-unknown")


def _taskdef(family: str, *containers: str) -> str:
    return json.dumps({"family": family, "containerDefinitions": [
        {"name": n, "image": "app:1"} for n in containers]})


def _found(tmp_path, workflow: str, files=None):
    """(rule, message) of the task-definition findings of `workflow`."""
    found = lint_files(tmp_path, {".github/workflows/deploy.yml": workflow, **(files or {})})
    return [(f.rule, f.message) for f in found if f.rule in RULES]


def _deploy(path: str) -> str:
    """A deploy step (list item at the steps' indentation) reading `path`."""
    return f"""\
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: {path}
          cluster: prod
          service: app
"""


# --- an artifact keeps its files below the folder its paths share ----------------

UPLOAD = """\
name: deploy
on:
  push:
    branches: [main]
jobs:
  build:
    runs-on: ubuntu-latest
%s    steps:
      - run: mkdir -p build/ecs && make taskdefs
      - uses: actions/upload-artifact@v4
        with:
          name: %s
          path: %s
  deploy:
    needs: build
    runs-on: ubuntu-latest
    steps:
      - uses: actions/download-artifact@v4
        with:
%s
"""


@pytest.mark.parametrize("uploaded, read, reported", [
    ("|\n            build/ecs/api.json\n            build/ecs/worker.json", "build/ecs/api.json",
     True),  # root build/ecs: lands at api.json
    ("|\n            build/ecs/api.json\n            build/ecs/worker.json", "api.json", False),
    ("|\n            build/ecs/api.json\n            deploy/worker.json", "build/ecs/api.json",
     False),  # root: the workspace
    ("|\n            # the task definitions\n            build/ecs/api.json\n"
     "            !build/ecs/old.json\n            build/ecs/worker.json",
     "build/ecs/worker.json", True),  # a comment and an exclusion are not paths
    ("build/ecs/*.json", "build/ecs/api.json", True),  # root build/ecs
    ("build/ecs/*.json", "api.json", False),
    ("build/**/*.json", "build/ecs/api.json", False),  # may be build/build/ecs/api.json
    ("build/ecs", "build/ecs/api.json", False),  # a folder: what it holds is not known
    ("${{ env.OUT }}/api.json", "build/ecs/api.json", False),  # not known
])
def test_an_artifact_of_several_paths_keeps_them_below_the_folder_they_share(
        tmp_path, uploaded, read, reported):
    workflow = UPLOAD % ("", "taskdefs", uploaded, "          name: taskdefs") + _deploy(read)
    found = _found(tmp_path, workflow)
    assert bool(found) is reported, found
    if reported:
        assert "download-artifact puts the uploaded file" in found[0][1]


@pytest.mark.parametrize("version, reported", [("v4", True), ("v1", False)])
def test_download_artifact_v1_put_an_artifact_in_a_folder_of_its_name(tmp_path, version,
                                                                       reported):
    workflow = (UPLOAD % ("", "taskdefs", "build/ecs/api.json", "          name: taskdefs")) \
        .replace("download-artifact@v4", f"download-artifact@{version}") \
        + _deploy("build/ecs/api.json")
    assert bool(_found(tmp_path, workflow)) is reported


# --- a download by pattern puts each artifact in a folder of its name -------------

MATRIX = "    strategy:\n      matrix:\n        service: [checkout, cart]\n"


@pytest.mark.parametrize("download, read, reported", [
    ("pattern: taskdef-*\n          path: rendered", "rendered/cart.json", True),
    ("pattern: taskdef-*\n          path: rendered", "rendered/taskdef-cart/cart.json", False),
    ("pattern: taskdef-*\n          path: rendered\n          merge-multiple: true",
     "rendered/cart.json", False),
    ("path: rendered", "rendered/cart.json", True),  # all of them: each in its folder
    ("path: rendered", "rendered/other/cart.json", False),  # an artifact not seen may
    ("name: taskdef-cart\n          path: rendered", "rendered/cart.json", False),
    ("name: taskdef-cart\n          path: rendered", "rendered/taskdef-cart/cart.json", True),
    ("pattern: taskdef-*\n          path: rendered", "rendered/taskdef-all/cart.json", True),
])
def test_a_pattern_download_puts_each_artifact_in_a_folder_of_its_name(tmp_path, download,
                                                                      read, reported):
    workflow = UPLOAD % (MATRIX, "taskdef-${{ matrix.service }}",
                         "out/${{ matrix.service }}.json", "          " + download) \
        + _deploy(read)
    found = _found(tmp_path, workflow)
    assert bool(found) is reported, found
    if reported and "taskdef-cart/" not in read:
        assert "rendered/taskdef-cart/cart.json" in found[0][1]


def test_an_artifact_another_action_makes_may_be_in_any_folder(tmp_path):
    workflow = UPLOAD % (MATRIX, "taskdef-${{ matrix.service }}",
                         "out/${{ matrix.service }}.json",
                         "          pattern: taskdef-*\n          path: rendered") \
        + _deploy("rendered/taskdef-all/cart.json")
    merged = workflow.replace("  deploy:\n", """\
  merge:
    needs: build
    runs-on: ubuntu-latest
    steps:
      - uses: actions/upload-artifact/merge@v4
        with:
          name: taskdef-all
  deploy:
""", 1)
    assert _found(tmp_path, merged) == []


# --- a render output is a file on the render job's runner --------------------------

HANDED = """\
name: deploy
on:
  push:
    branches: [main]
jobs:
  render:
    runs-on: ubuntu-latest
    outputs:
      task-definition: ${{ steps.%s.outputs.task-definition }}
    steps:
      - uses: actions/checkout@v4
      - id: render
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: ops/td.json
          container-name: web
          image: web:2
      - id: copy
        run: echo "task-definition=ops/td.json" >> "$GITHUB_OUTPUT"
  deploy:
    needs: %s
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
"""


@pytest.mark.parametrize("step_id, needs, reported", [
    ("render", "render", True),
    ("render", "[render]", True),
    ("copy", "render", False),  # a repository path: there after the checkout
])
def test_a_render_output_handed_to_another_job_names_no_file_there(tmp_path, step_id, needs,
                                                                   reported):
    workflow = HANDED % (step_id, needs) + _deploy("${{ needs.render.outputs.task-definition }}")
    found = _found(tmp_path, workflow, {"ops/td.json": _taskdef("web", "web")})
    assert [r for r, _ in found] == (["xref-task-definition-missing"] if reported else []), \
        found
    if reported:
        assert "RUNNER_TEMP" in found[0][1] and "job 'render'" in found[0][1]


def test_a_render_output_used_in_its_own_job_is_a_file(tmp_path):
    workflow = HANDED % ("render", "render") + """\
      - id: render
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: ops/td.json
          container-name: web
          image: web:2
""" + _deploy("${{ steps.render.outputs.task-definition }}")
    assert _found(tmp_path, workflow, {"ops/td.json": _taskdef("web", "web")}) == []


# --- a described task definition handed on as an artifact ---------------------------

FETCHED = """\
name: deploy
on:
  push:
    branches: [main]
jobs:
  fetch:
    runs-on: ubuntu-latest
    steps:
      - run: |
          aws ecs describe-task-definition --task-definition orders-api \\
            --query taskDefinition > orders-api.json
      - uses: actions/upload-artifact@v4
        with:
          name: live
          path: orders-api.json
  deploy:
    needs: fetch
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/download-artifact@v4
        with:
          name: live
%s      - id: render
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: orders-api.json
          container-name: %s
          image: app:2
"""


@pytest.mark.parametrize("between, container, reported", [
    ("", "orders", True),
    ("", "orders-api", False),
    ("      - run: jq '.containerDefinitions[0].name = \"orders\"' orders-api.json > t.json"
     " && mv t.json orders-api.json\n", "orders", False),  # changed since: not known
])
def test_a_described_task_definition_downloaded_as_an_artifact_keeps_its_containers(
        tmp_path, between, container, reported):
    found = _found(tmp_path, FETCHED % (between, container),
                   {"infra/ecs/orders-api.json": _taskdef("orders-api", "orders-api", "agent")})
    assert [r for r, _ in found] == (["xref-container-name-unknown"] if reported else []), found
    if reported:
        assert "job 'fetch'" in found[0][1] and "artifact 'live'" in found[0][1]


# --- a `cd` in the script moves where it writes -------------------------------------

@pytest.mark.parametrize("script, reported", [
    ("cd deploy/ecs\n          envsubst < api.json.tpl > api.rendered.json\n"
     "          jq -e . api.rendered.json", True),  # deploy/ecs/api.rendered.json
    ("envsubst < deploy/ecs/api.json.tpl > api.rendered.json\n"
     "          jq -e . api.rendered.json", False),
    ("cd deploy/ecs\n          envsubst < api.json.tpl > ../../api.rendered.json", False),
    ('cd "$DIR"\n          envsubst < api.json.tpl > api.rendered.json', False),  # not known
    ("if [ -d deploy/ecs ]; then cd deploy/ecs; fi\n"
     "          envsubst < api.json.tpl > api.rendered.json", False),  # maybe not moved
    ("(cd deploy/ecs && envsubst < api.json.tpl > ../../api.rendered.json)", False),
    ("mkdir -p deploy/ecs && cd deploy/ecs\n"
     "          envsubst < api.json.tpl > api.rendered.json", True),
    ("if [ -n \"$CI\" ]; then true && cd deploy/ecs; fi\n"
     "          envsubst < api.json.tpl > api.rendered.json", False),  # maybe not moved
])
def test_a_cd_in_the_script_moves_where_it_writes(tmp_path, script, reported):
    workflow = f"""\
name: deploy
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: fill in
        run: |
          {script}
""" + _deploy("api.rendered.json")
    found = _found(tmp_path, workflow, {"deploy/ecs/api.json.tpl": _taskdef("api", "api")})
    assert bool(found) is reported, found
    if reported:
        assert "writes it to deploy/ecs/api.rendered.json" in found[0][1]


def test_a_cd_is_followed_from_the_working_directory(tmp_path):
    workflow = """\
name: deploy
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - working-directory: services/search
        run: cd ecs && jq . td.json > ../../build/td.json
""" + _deploy("build/td.json")
    found = _found(tmp_path, workflow, {"services/search/ecs/td.json": _taskdef("app", "app")})
    assert len(found) == 1 and "services/build/td.json" in found[0][1], found


# --- odd shapes never crash ------------------------------------------------------------

@pytest.mark.parametrize("upload, download, outputs", [
    ("path: [a.json, b.json]", "name: {x: 1}", "[1, 2]"),
    ("path: 7\n          name: 8", "pattern: [x]", "{task-definition: 3}"),
    ("path: \"**/**/**/**/**/*.json\"", "pattern: '**'\n          merge-multiple: [1]", "~"),
    ("path: \"../x.json\\n/abs.json\"", "path: ~/x\n          pattern: 'a{b,c}'", "''"),
])
def test_odd_artifact_and_output_shapes_do_not_crash(tmp_path, upload, download, outputs):
    workflow = f"""\
name: deploy
on: [push, workflow_call]
jobs:
  build:
    runs-on: ubuntu-latest
    outputs: {outputs}
    steps:
      - uses: actions/upload-artifact@v4
        with:
          {upload}
  deploy:
    needs: build
    runs-on: ubuntu-latest
    steps:
      - uses: actions/download-artifact@v4
        with:
          {download}
      - run: cd; cd -; cd ""; cd a b; pushd x; cd $(pwd)
""" + _deploy("${{ needs.build.outputs.task-definition }}") + _deploy("a/b/**/c.json")
    _found(tmp_path, workflow)
