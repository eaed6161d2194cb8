"""workflow-image-latest: a task definition file of the repository that
`aws ecs register-task-definition` registers as it is (`--cli-input-json
file://FILE`, `--container-definitions file://FILE`) deploys its images, as
the deploy action's `task-definition` file does."""
import json
import textwrap

import pytest

from conftest import lint_folder

REPO = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api"

WORKFLOW = """\
on: {push: {branches: [main]}}
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: actions/checkout@v4
      - run: |
          docker build -t "$REPO:$GITHUB_SHA" -t "$REPO:latest" .
          docker push "$REPO:$GITHUB_SHA"
          docker push "$REPO:latest"
      - name: Deploy%s
        run: |
%s
          aws ecs update-service --cluster c --service api --task-definition api
"""

REGISTER = "          aws ecs register-task-definition --cli-input-json file://infra/ecs/td.json"


def _found(tmp_path, script, image=REPO + ":latest", step="", files=None):
    """The workflow-image-latest findings of a repository whose job pushes
    REPO at the commit and `latest`, then runs `script` in its deploy step
    (`step`: more keys of that step), with infra/ecs/td.json naming `image`."""
    (tmp_path / "infra" / "ecs").mkdir(parents=True)
    (tmp_path / "infra" / "ecs" / "td.json").write_text(json.dumps(
        {"family": "api", "containerDefinitions": [{"name": "api", "image": image}]}))
    for rel, text in (files or {}).items():
        (tmp_path / rel).write_text(text)
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "d.yml").write_text(
        WORKFLOW % (step, textwrap.indent(textwrap.dedent(script), " " * 10).rstrip("\n")))
    return [f for f in lint_folder(tmp_path) if f.rule == "workflow-image-latest"]


def test_a_committed_file_registered_as_it_is_deploys_its_latest_image(tmp_path):
    found = _found(tmp_path, REGISTER)
    # the commit's tag pushed beside it does not pin what the file names
    assert [(f.file.endswith("d.yml"), f.span.line) for f in found] == [(True, 14)]
    assert "infra/ecs/td.json" in found[0].message and ":latest" in found[0].message


@pytest.mark.parametrize("script, step", [
    ("aws ecs register-task-definition --cli-input-json=file://./infra/ecs/td.json", ""),
    ("cd infra\naws ecs register-task-definition --cli-input-json file://ecs/td.json", ""),
    ("aws ecs register-task-definition --cli-input-json file://ecs/td.json",
     "\n        working-directory: infra"),
    ('TD=infra/ecs/td.json\naws ecs register-task-definition --cli-input-json "file://$TD"', ""),
    # a copy of the file made elsewhere leaves it as it is
    ("jq --arg I \"$REPO:$GITHUB_SHA\" '.containerDefinitions[0].image = $I' "
     "infra/ecs/td.json > next.json\n" + REGISTER.strip(), ""),
])
def test_the_file_is_found_from_where_the_command_runs(tmp_path, script, step):
    assert len(_found(tmp_path, script, step=step)) == 1


def test_container_definitions_from_a_file(tmp_path):
    containers = json.dumps([{"name": "api", "image": REPO}])  # untagged: latest
    found = _found(tmp_path, "aws ecs register-task-definition --family api "
                             "--container-definitions file://containers.json",
                   files={"containers.json": containers})
    assert len(found) == 1 and "containers.json" in found[0].message


@pytest.mark.parametrize("script", [
    # the file rewritten with the commit's image before it is registered
    "jq --arg IMAGE \"$REPO:$GITHUB_SHA\" '.containerDefinitions[0].image = $IMAGE' "
    "infra/ecs/td.json > td.tmp\nmv td.tmp infra/ecs/td.json\n" + REGISTER.strip(),
    'sed -i "s|:latest|:$GITHUB_SHA|" infra/ecs/td.json\n' + REGISTER.strip(),
    "cd infra/ecs\nsed -i \"s|:latest|:$GITHUB_SHA|\" td.json\ncd ../..\n" + REGISTER.strip(),
    'envsubst < infra/ecs/td.tpl > infra/ecs/td.json\n' + REGISTER.strip(),
    'yq -i ".containerDefinitions[0].image = \\"$REPO:$GITHUB_SHA\\"" infra/ecs/td.json\n'
    + REGISTER.strip(),
    # written where the command cannot tell
    'jq . "$SRC" > "$OUT"\n' + REGISTER.strip(),
    # a file the repository does not hold, or not a file
    "aws ecs register-task-definition --cli-input-json file://infra/ecs/other.json",
    'aws ecs register-task-definition --cli-input-json "$(cat infra/ecs/td.json)"',
    "aws ecs register-task-definition --cli-input-json file:///tmp/td.json",
])
def test_a_file_changed_first_or_not_the_repositorys_is_not_followed(tmp_path, script):
    assert _found(tmp_path, script) == []


def test_a_file_rewritten_by_an_earlier_step_is_not_followed(tmp_path):
    assert len(_found(tmp_path, REGISTER)) == 1  # as it is
    text = (tmp_path / ".github" / "workflows" / "d.yml").read_text().replace(
        "      - name: Deploy", '      - run: sed -i "s|:latest|:$GITHUB_SHA|" '
                                "infra/ecs/td.json\n      - name: Deploy")
    (tmp_path / ".github" / "workflows" / "d.yml").write_text(text)
    assert [f for f in lint_folder(tmp_path) if f.rule == "workflow-image-latest"] == []


@pytest.mark.parametrize("image", [REPO + ":3f9c2e1a", REPO + "@sha256:" + "a" * 64,
                                   REPO + ":${IMAGE_TAG}"])
def test_a_file_pinned_or_filled_in_later_is_not_reported(tmp_path, image):
    assert _found(tmp_path, REGISTER, image=image) == []


def test_the_deploy_action_on_a_file_rewritten_first_is_not_reported(tmp_path):
    (tmp_path / "ecs").mkdir()
    (tmp_path / "ecs" / "td.json").write_text(json.dumps(
        {"family": "api", "containerDefinitions": [{"name": "api", "image": REPO}]}))
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    action = """\
on: {push: {branches: [main]}}
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:%s
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with: {task-definition: ecs/td.json, service: api, cluster: main}
"""
    wf = tmp_path / ".github" / "workflows" / "d.yml"
    wf.write_text(action % "")
    assert len([f for f in lint_folder(tmp_path) if f.rule == "workflow-image-latest"]) == 1
    # an action whose input holds the folder's name inside another word leaves the file
    wf.write_text(action % """
      - uses: aws-actions/configure-aws-credentials@v4
        with: {role-to-assume: "arn:aws:iam::123456789012:role/ecs-deploy", aws-region: eu-west-1}""")
    assert len([f for f in lint_folder(tmp_path) if f.rule == "workflow-image-latest"]) == 1
    # one that names the folder may change what is in it
    wf.write_text(action % """
      - uses: cschleiden/replace-tokens@v1
        with: {files: '["ecs/*.json"]'}""")
    assert [f for f in lint_folder(tmp_path) if f.rule == "workflow-image-latest"] == []
    wf.write_text(action % '\n      - run: sed -i "s|/api|/api:$GITHUB_SHA|" ecs/td.json')
    assert [f for f in lint_folder(tmp_path) if f.rule == "workflow-image-latest"] == []


@pytest.mark.parametrize("content", ["[1, 2", "[\"x\", {\"image\": 3}]", "{\"image\": null}",
                                     "[" * 100000])
def test_bad_container_files_do_not_crash(tmp_path, content):
    found = _found(tmp_path, "aws ecs register-task-definition --family api "
                             "--container-definitions file://containers.json",
                   files={"containers.json": content})
    assert found == []
