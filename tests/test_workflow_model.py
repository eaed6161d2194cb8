"""The shared reading of a workflow (lint/workflow_model.py)."""
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecs_lint import workflow_model as wm
from ecs_lint.loader import load_text
from ecs_lint.model import Document


def load(text):
    text = textwrap.dedent(text)
    loaded = load_text(text, "yaml")[0]
    doc = Document("workflow", loaded.data, "w.yml", loaded.locate, text=text)
    return wm.read_workflow(loaded.data), doc


@pytest.mark.parametrize("on, expected", [
    ("push", {"push": {}}),
    (["push", "workflow_dispatch"], {"push": {}, "workflow_dispatch": {}}),
    ({"push": {"branches": ["main"]}, "workflow_dispatch": None},
     {"push": {"branches": ["main"]}, "workflow_dispatch": {}}),
    (42, {}),
    (None, {}),
])
def test_triggers(on, expected):
    assert wm.read_workflow({"on": on, "jobs": {}}).triggers == expected


def test_on_read_as_boolean_by_other_loaders_still_works():
    assert wm.read_workflow({True: "push", "jobs": {}}).triggers == {"push": {}}


def test_permissions_job_block_replaces_workflow_block():
    wf = wm.read_workflow({
        "on": "push", "permissions": {"id-token": "write", "contents": "read"},
        "jobs": {"a": {"permissions": {"contents": "read"}}, "b": {}, "c": {"permissions": {}}}})
    a, b, c = wf.jobs["a"], wf.jobs["b"], wf.jobs["c"]
    assert a.permissions == {"contents": "read"} and not a.id_token_write
    assert a.permissions_source == "job" and a.permissions_path == ("jobs", "a", "permissions")
    assert b.id_token_write and b.permissions_source == "workflow"
    assert c.permissions == {} and not c.id_token_write


@pytest.mark.parametrize("value, id_token", [
    ("write-all", True), ("read-all", False), ({}, False), ({"id-token": "write"}, True),
    ({"id-token": "read"}, False), ("nonsense", False), (7, False), (None, False)])
def test_permission_shapes(value, id_token):
    wf = wm.read_workflow({"on": "push", "permissions": value, "jobs": {"j": {}}})
    assert wf.jobs["j"].id_token_write is id_token


def test_no_block_anywhere_means_default_token():
    job = wm.read_workflow({"on": "push", "jobs": {"j": {}}}).jobs["j"]
    assert job.permissions_source is None and not job.id_token_write


def test_needs_environment_and_closure():
    wf = wm.read_workflow({"on": "push", "jobs": {
        "test": {}, "build": {"needs": "test"},
        "deploy": {"needs": ["build"], "environment": {"name": "production", "url": "u"}},
        "loop1": {"needs": "loop2"}, "loop2": {"needs": ["loop1", "ghost"]},
        "empty": {"environment": ""}}})
    assert wf.jobs["build"].needs == ["test"]
    assert wf.jobs["deploy"].environment == "production"
    assert wf.jobs["deploy"].environment_path == ("jobs", "deploy", "environment", "name")
    assert wf.jobs["empty"].environment is None
    assert wm.needs_closure(wf, "deploy") == {"build", "test"}
    assert wm.needs_closure(wf, "loop1") == {"loop1", "loop2"}


def test_matrix_rows_follow_githubs_include_and_exclude():
    # the example of GitHub's documentation for include
    rows = wm.matrix_rows({
        "fruit": ["apple", "pear"], "animal": ["cat", "dog"],
        "include": [{"color": "green"}, {"color": "pink", "animal": "cat"},
                    {"fruit": "apple", "shape": "circle"}, {"fruit": "banana"},
                    {"fruit": "banana", "animal": "cat"}]})
    assert {"fruit": "apple", "animal": "cat", "color": "pink", "shape": "circle"} in rows
    assert {"fruit": "apple", "animal": "dog", "color": "green", "shape": "circle"} in rows
    assert {"fruit": "pear", "animal": "cat", "color": "pink"} in rows
    assert {"fruit": "pear", "animal": "dog", "color": "green"} in rows
    assert {"fruit": "banana"} in rows and {"fruit": "banana", "animal": "cat"} in rows
    assert len(rows) == 6


def test_matrix_exclude_and_include_only():
    rows = wm.matrix_rows({"os": ["a", "b"], "v": [1, 2], "exclude": [{"os": "a", "v": 2}]})
    assert rows == [{"os": "a", "v": 1}, {"os": "b", "v": 1}, {"os": "b", "v": 2}]
    rows = wm.matrix_rows({"include": [{"env": "staging", "role": "r1"},
                                       {"env": "production", "role": "r2"}]})
    assert rows == [{"env": "staging", "role": "r1"}, {"env": "production", "role": "r2"}]
    assert wm.matrix_rows(None) == [{}] and wm.matrix_rows("${{ fromJSON(x) }}") == [{}]


WORKFLOW = """\
name: deploy
on:
  push:
    branches: [main]
  pull_request:
env:
  AWS_REGION: eu-west-1
  REPO: api
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: |
          npm ci
          npm run test:unit
  build:
    needs: test
    outputs:
      image: ${{ steps.meta.outputs.image }}
    steps:
      - id: meta
        env:
          REGISTRY: 123.dkr.ecr.eu-west-1.amazonaws.com
        run: |
          TAG=$GITHUB_SHA
          echo "image=$REGISTRY/$REPO:$TAG" >> "$GITHUB_OUTPUT"
  deploy:
    if: github.event_name == 'push'
    needs: build
    environment: ${{ matrix.env }}
    strategy:
      matrix:
        include:
          - env: prod
            role: arn:aws:iam::123456789012:role/prod
    steps:
      - uses: AWS-Actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502
        with:
          role-to-assume: ${{ matrix.role }}
          aws-region: ${{ env.AWS_REGION }}
          audience: custom
      - id: render
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          image: ${{ needs.build.outputs.image }}
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
      - run: >
          aws ecs run-task
          --cluster c
"""


def test_steps_roles_deploys_tests():
    wf, _ = load(WORKFLOW)
    test, build, deploy = wf.jobs["test"], wf.jobs["build"], wf.jobs["deploy"]
    assert test.runs_tests() and not build.runs_tests() and not deploy.runs_tests()
    step = deploy.steps[0]
    assert step.uses == wm.CONFIGURE_CREDENTIALS
    assert step.uses_ref == "e3dd6a429d7300a6a4c196c26e071d42e0343502"
    (ru,) = deploy.role_uses()
    assert ru.role_to_assume == "${{ matrix.role }}" and ru.audience == "custom" and ru.oidc
    assert ru.path == ("jobs", "deploy", "steps", 0, "with", "role-to-assume")
    assert [d.kind for d in deploy.deploys()] == ["ecs-deploy-action", "run-task"]
    assert not test.deploys() and not test.role_uses()


def test_expand_and_resolve():
    wf, _ = load(WORKFLOW)
    deploy, build = wf.jobs["deploy"], wf.jobs["build"]
    (row,) = deploy.matrix_rows()
    assert wm.expand("${{ env.AWS_REGION }}", deploy) == "eu-west-1"
    assert wm.expand("${{ matrix.role }}", deploy, row=row) == "arn:aws:iam::123456789012:role/prod"
    assert wm.expand("${{ matrix.role }}", deploy) == "${{ matrix.role }}"
    assert wm.expand("${{ vars.X }}/${{ secrets.Y }}/${{ github.sha }}", deploy,
                     github={"vars": {"X": "x"}}) == "x/${{ secrets.Y }}/${{ github.sha }}"
    render = deploy.steps[1]
    assert wm.resolve(render.with_["image"], deploy, render) == \
        "123.dkr.ecr.eu-west-1.amazonaws.com/api:$GITHUB_SHA"
    assert wm.step_outputs(build.steps[0])["image"].value == "$REGISTRY/$REPO:$TAG"


@pytest.mark.parametrize("github, want", [
    ({"vars": {"ACCOUNTS": '{"dev": "111111111111", "prod": "222222222222"}'},
      "inputs": {"environment": "prod"}}, "arn:aws:iam::222222222222:role/deploy"),
    ({"vars": {"ACCOUNTS": '{"Prod": "222222222222"}'}, "inputs": {"environment": "prod"}},
     "arn:aws:iam::222222222222:role/deploy"),  # property names ignore case
    ({"secrets": {"ACCOUNTS": '{"prod": "333333333333"}'}, "inputs": {"environment": "prod"}},
     None),  # the expression reads vars, not secrets
    ({"vars": {"ACCOUNTS": '{"dev": "111111111111"}'}, "inputs": {"environment": "prod"}}, None),
    ({"vars": {"ACCOUNTS": "not json"}, "inputs": {"environment": "prod"}}, None),
    ({"vars": {"ACCOUNTS": '{"prod": "222222222222"}'}}, None),  # the input is not known
    ({}, None),
])
def test_from_json_of_a_configured_var_is_looked_up(github, want):
    wf, _ = load(WORKFLOW)
    text = "arn:aws:iam::${{ fromJSON(vars.ACCOUNTS)[inputs.environment] }}:role/deploy"
    assert wm.expand(text, wf.jobs["deploy"], github=github) == (want or text)


def test_job_events_narrowed_by_if():
    wf, _ = load(WORKFLOW)
    assert wm.job_events(wf, wf.jobs["deploy"]) == {"push"}
    assert wm.job_events(wf, wf.jobs["test"]) == {"push", "pull_request"}
    job = wf.jobs["test"]
    job.if_ = "${{ github.event_name != 'pull_request' }}"
    assert wm.job_events(wf, job) == {"push"}
    job.if_ = "github.event_name == 'push' || github.event_name == 'workflow_dispatch'"
    assert wm.job_events(wf, job) == {"push"}


def test_script_span_maps_lines_of_block_scalars():
    wf, doc = load(WORKFLOW)
    step = wf.jobs["build"].steps[0]
    cmds = wm.commands(step)
    echo = [c for c in cmds if c.name == "echo"][0]
    span = wm.script_span(doc, step, echo.line)
    assert doc.text.splitlines()[span.line - 1].strip().startswith('echo "image=')
    folded = wf.jobs["deploy"].steps[3]
    assert wm.script_span(doc, folded, 0).line == doc.text.splitlines().index(
        "          aws ecs run-task") + 1


def test_assumes_role_variants():
    def step(uses, **with_):
        return wm._read_step(("s",), 0, {"uses": uses, "with": with_})
    assert wm.assumes_role(step("aws-actions/configure-aws-credentials@v4")) is None
    keys = wm.assumes_role(step("aws-actions/configure-aws-credentials@v4", **{
        "role-to-assume": "r", "aws-access-key-id": "${{ secrets.K }}"}))
    assert keys is not None and not keys.oidc
    chained = wm.assumes_role(step("aws-actions/configure-aws-credentials@v4", **{
        "role-to-assume": "r", "role-chaining": True}))
    assert not chained.oidc
    wrapper = wm.assumes_role(step("myorg/actions/deploy@v1", **{"role-to-assume": "r"}))
    assert wrapper.oidc and not wrapper.known_action
    cli = wm._read_step(("s",), 0, {"run": "aws sts assume-role-with-web-identity "
                                           "--role-arn arn:aws:iam::1:role/x --web-identity-token t"})
    (ru,) = wm.role_uses_of(cli)
    assert ru.role_to_assume == "arn:aws:iam::1:role/x"


@pytest.mark.parametrize("script", [
    "aws sts 'assume-role-with-web-identity' --role-arn arn:aws:iam::1:role/x",
    'aws sts assume-role-"with-web"-identity --role-arn arn:aws:iam::1:role/x',
    "aws sts assume-role-with-web-\\\nidentity --role-arn arn:aws:iam::1:role/x",
    "aws sts assume\\-role-with-web-identity --role-arn arn:aws:iam::1:role/x",
    'X=$(aws sts assume-role-with-web-identity --role-arn "arn:aws:iam::1:role/x")',
])
def test_a_cli_assume_role_split_by_quoting_is_still_found(script):
    step = wm._read_step(("s",), 0, {"run": script})
    (ru,) = wm.role_uses_of(step)
    assert ru.role_to_assume == "arn:aws:iam::1:role/x"


_WORD = "assume-role-with-web-identity"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([_WORD[:7], _WORD[7:16], _WORD[16:], "aws sts ", " ", "'", '"',
                                 "\\", "\\\n", "\n", "$(", ")", ";", "#", "x", "--role-arn r"]),
                max_size=16))
def test_the_quick_test_never_misses_a_word_the_parser_finds(parts):
    script = "".join(parts)
    found = any(_WORD in w for c in wm.shell.parse(script) for w in c.argv)
    assert wm._may_contain(script, _WORD) or not found


@pytest.mark.parametrize("script, tests", [
    ("pytest -q", True), ("python -m pytest", True), ("poetry run pytest", True),
    ("npm test", True), ("npm run test:ci", True), ("yarn test --ci", True),
    ("pnpm test", True), ("go test ./...", True), ("make test", True), ("tox -e py312", True),
    ("bundle exec rspec", True), ("./gradlew test", True), ("cargo test", True),
    ("python manage.py test", True), ("npm ci", False), ("npm run lint", False),
    ("go vet ./...", False), ("make build", False), ("echo pytest", False),
    ("docker run --rm -v $PWD:/app img pytest -q", True),
    ("docker compose run --rm app npm test", True), ("bash scripts/run-tests.sh", True),
    ("./ci/test.sh", True), ("./deploy.sh", False), ("docker run img serve", False),
])
def test_what_runs_tests(script, tests):
    assert wm.step_runs_tests(wm._read_step(("s",), 0, {"run": script})) is tests


def test_disabled_jobs():
    wf = wm.read_workflow({"on": "push", "jobs": {
        "a": {"if": "${{ false }}"}, "b": {"if": False}, "c": {"if": "false"},
        "d": {"if": "github.ref == 'refs/heads/main'"}}})
    assert [j.disabled for j in wf.jobs.values()] == [True, True, True, False]


_garbage = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8)
    | st.sampled_from(["push", "write-all", "${{ matrix.x }}", "aws ecs run-task",
                       "aws-actions/configure-aws-credentials@v4"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["on", "jobs", "steps", "uses", "with", "run", "env", "needs",
                         "permissions", "environment", "strategy", "matrix", "include",
                         "exclude", "role-to-assume", "id-token", "if", "outputs", "x"]),
        children, max_size=5),
    max_leaves=30)


@settings(max_examples=200, deadline=None)
@given(_garbage)
def test_read_workflow_never_raises(data):
    wf = wm.read_workflow(data)
    for job in wf.jobs.values():
        job.matrix_rows()
        job.role_uses()
        job.deploys()
        job.runs_tests()
        wm.needs_closure(wf, job.id)
        wm.job_events(wf, job)
        for step in job.steps:
            wm.expand(step.run, job, step)
            wm.resolve(step.run, job, step)


_EVENTS = ["push", "pull_request", "pull_request_target", "workflow_run"]
_ATOMS = st.sampled_from(
    [("ev", "==", e) for e in _EVENTS[:3]] + [("ev", "!=", e) for e in _EVENTS[:3]]
    + [("other", 0), ("other", 1)])


def _expr_trees():
    return st.recursive(_ATOMS, lambda inner: st.one_of(
        st.tuples(st.just("not"), inner),
        st.tuples(st.sampled_from(["and", "or"]), inner, inner)), max_leaves=8)


def _text(tree, upper):
    if tree[0] == "ev":
        name = tree[2].upper() if upper else tree[2]
        return f"github.event_name {tree[1]} '{name}'"
    if tree[0] == "other":
        return f"github.actor == 'bot{tree[1]}'"
    if tree[0] == "not":
        return f"!({_text(tree[1], upper)})"
    op = " && " if tree[0] == "and" else " || "
    return f"({_text(tree[1], upper)}{op}{_text(tree[2], upper)})"


def _holds(tree, event, others):
    if tree[0] == "ev":
        return (event == tree[2]) == (tree[1] == "==")
    if tree[0] == "other":
        return others[tree[1]]
    if tree[0] == "not":
        return not _holds(tree[1], event, others)
    a, b = _holds(tree[1], event, others), _holds(tree[2], event, others)
    return (a and b) if tree[0] == "and" else (a or b)


@settings(max_examples=400, deadline=None)
@given(_expr_trees(), st.booleans(), st.booleans())
def test_if_events_keeps_every_event_the_condition_can_be_true_on(tree, upper, wrapped):
    text = _text(tree, upper)
    events = wm.if_events("${{ " + text + " }}" if wrapped else text)
    admitted = events.admit(_EVENTS)
    for event in _EVENTS:
        outcomes = {_holds(tree, event, (a, b)) for a in (False, True) for b in (False, True)}
        if True in outcomes:  # sound: an event it can run on is never dropped
            assert event in admitted, (text, event)
        if events.exact:  # exact: nothing it cannot run on is kept
            assert (event in admitted) == (True in outcomes), (text, event)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("()!|&='\" ${},") + [
    "github.event_name", "push", "&&", "||", "==", "!=", "github.ref", "github.ref_name",
    "startsWith(", "'refs/pull/'", "'refs/heads/main'"]), max_size=24).map("".join))
def test_if_readers_never_raise_on_any_text(text):
    from ecs_lint.xref import subjects_produced as P

    for merge_ref in (False, True):  # github.ref tests read only with the merge ref
        events = wm.if_events(text, merge_ref)
        assert isinstance(events.admit({"push", "pull_request"}), set)
    assert isinstance(P.narrowing(text, None).admit({"push": {}, "workflow_call": {}}), dict)


# ---------------------------------------------------------------------------
# local composite actions

def _composite_repo(tmp_path, action, steps_yaml, action_name="action.yml"):
    """A repository with one workflow whose job runs `steps_yaml` and a local
    action at .github/actions/a (text `action`); the model of the workflow."""
    from ecs_lint.loader import load_yaml
    from ecs_lint.model import Document

    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    (tmp_path / ".github" / "actions" / "a").mkdir(parents=True)
    if action is not None:
        (tmp_path / ".github" / "actions" / "a" / action_name).write_text(action)
    text = ("on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n"
            + textwrap.indent(textwrap.dedent(steps_yaml), "      "))
    (wf / "deploy.yml").write_text(text)
    (loaded,) = load_yaml(text)
    doc = Document("workflow", loaded.data, str(wf / "deploy.yml"), loaded.locate, text=text)
    return wm.workflow_of(doc), doc


ASSUME = """\
name: assume
inputs:
  role: {required: true}
  region: {default: eu-west-1}
runs:
  using: composite
  steps:
    - uses: aws-actions/configure-aws-credentials@v4
      with:
        role-to-assume: ${{ inputs.role }}
        aws-region: ${{ inputs.region }}
    - shell: bash
      run: echo "${{ inputs.role }} in ${{ inputs.missing }}!"
"""


def test_a_composite_actions_steps_follow_the_step_that_runs_it(tmp_path):
    wf, doc = _composite_repo(tmp_path, ASSUME, """\
        - uses: actions/checkout@v4
        - uses: ./.github/actions/a
          with:
            role: ${{ vars.DEPLOY_ROLE }}
        - run: echo after
        """)
    steps = wf.jobs["deploy"].steps
    assert [st.index for st in steps] == list(range(5))
    assert [st.via for st in steps] == [None, None, "./.github/actions/a", "./.github/actions/a",
                                        None]
    inner = steps[2]
    assert inner.uses == "aws-actions/configure-aws-credentials"
    assert inner.with_ == {"role-to-assume": "${{ vars.DEPLOY_ROLE }}", "aws-region": "eu-west-1"}
    assert inner.path == steps[1].path  # findings point at the step that runs the action
    assert steps[3].run == 'echo "${{ vars.DEPLOY_ROLE }} in !"'  # a missing input is empty
    (use,) = wf.jobs["deploy"].role_uses()
    assert use.role_to_assume == "${{ vars.DEPLOY_ROLE }}" and use.step is inner
    # (the input the step passes)
    assert doc.span(inner.path + ("with", "role-to-assume")).line == \
        doc.span(steps[1].path + ("with", "role")).line


@pytest.mark.parametrize("action", [
    None,  # no such action
    "runs:\n  using: node20\n  main: index.js\n",  # a JavaScript action
    "runs:\n  using: docker\n  image: Dockerfile\n",
    "runs: [1, 2]\n",  # wrong shapes
    "runs:\n  using: composite\n  steps: {a: 1}\n",
    "runs:\n  using: composite\n  steps: [1, null, [x]]\n",
    "{{{ not yaml",
    "\xff\xfe binary",
])
def test_actions_that_are_not_readable_composites_add_no_steps(tmp_path, action):
    wf, _ = _composite_repo(tmp_path, action, "- uses: ./.github/actions/a\n")
    assert len(wf.jobs["deploy"].steps) == 1


def test_composite_actions_stay_inside_the_repository_and_stop_at_loops(tmp_path):
    loop = ("runs:\n  using: composite\n  steps:\n    - uses: ./.github/actions/a\n"
            "    - shell: bash\n      run: echo loop\n")
    wf, _ = _composite_repo(tmp_path, loop, "- uses: ./.github/actions/a\n")
    assert [st.run for st in wf.jobs["deploy"].steps] == [None, None, "echo loop"]
    outside = tmp_path.parent / "elsewhere"
    outside.mkdir(exist_ok=True)
    (outside / "action.yml").write_text("runs:\n  using: composite\n  steps:\n"
                                        "    - shell: bash\n      run: echo outside\n")
    wf, _ = _composite_repo(tmp_path / "r2", None, "- uses: ./../../elsewhere\n")
    assert len(wf.jobs["deploy"].steps) == 1


def test_composite_action_yaml_name_and_a_workflow_outside_github_workflows(tmp_path):
    wf, _ = _composite_repo(tmp_path, ASSUME, "- uses: ./.github/actions/a\n",
                            action_name="action.yaml")
    assert len(wf.jobs["deploy"].steps) == 3
    from ecs_lint.loader import load_yaml
    from ecs_lint.model import Document

    text = "on: push\njobs:\n  d:\n    steps:\n      - uses: ./.github/actions/a\n"
    (loaded,) = load_yaml(text)
    doc = Document("workflow", loaded.data, str(tmp_path / "ci" / "deploy.yml"), loaded.locate,
                   text=text)
    assert len(wm.workflow_of(doc).jobs["d"].steps) == 1  # no repository to read it from


def test_composite_actions_that_multiply_are_cut_at_a_budget(tmp_path):
    # a.yml runs b 50 times, b runs c 50 times...: at most MAX_COMPOSITE_STEPS steps
    acts = tmp_path / ".github" / "actions"
    for name, nxt in (("b", "c"), ("c", "d"), ("d", None)):
        (acts / name).mkdir(parents=True)
        step = f"    - uses: ./.github/actions/{nxt}\n" if nxt else \
            "    - shell: bash\n      run: echo leaf\n"
        (acts / name / "action.yml").write_text("runs:\n  using: composite\n  steps:\n"
                                                + step * 50)
    wf, _ = _composite_repo(tmp_path, "runs:\n  using: composite\n  steps:\n"
                            + "    - uses: ./.github/actions/b\n" * 50,
                            "- uses: ./.github/actions/a\n")
    steps = wf.jobs["deploy"].steps
    assert len(steps) == wm.MAX_COMPOSITE_STEPS
    assert [st.index for st in steps] == list(range(len(steps)))


def test_composite_inputs_are_matched_regardless_of_case(tmp_path):
    action = ("inputs:\n  Role-ARN: {required: true}\n  REGION: {default: eu-west-1}\n"
              "runs:\n  using: composite\n  steps:\n"
              "    - uses: aws-actions/configure-aws-credentials@v4\n      with:\n"
              "        role-to-assume: ${{ inputs.role-arn }}\n"
              "        aws-region: ${{ inputs.Region }}\n")
    wf, _ = _composite_repo(tmp_path, action, "- uses: ./.github/actions/a\n"
                                              "  with:\n    ROLE-arn: arn:aws:iam::1:role/d\n")
    inner = wf.jobs["deploy"].steps[1]
    assert inner.with_ == {"role-to-assume": "arn:aws:iam::1:role/d", "aws-region": "eu-west-1"}


def test_vars_secrets_and_inputs_are_found_regardless_of_case():
    github = {"vars": {"DEPLOY_ROLE": "arn:aws:iam::1:role/d"}, "inputs": {"Env": "prod"}}
    assert wm.expand("${{ vars.deploy_role }}/${{ inputs.env }}", None, github=github) == \
        "arn:aws:iam::1:role/d/prod"
    assert wm.expand("${{ vars.OTHER }}", None, github=github) == "${{ vars.OTHER }}"


def test_a_composite_action_is_parsed_once_for_the_same_bytes(tmp_path, monkeypatch):
    from ecs_lint import loader

    parsed = []
    real = loader.load_text
    monkeypatch.setattr(loader, "load_text", lambda text, syntax: parsed.append(text) or
                        real(text, syntax))
    wm._LOCAL_YAML.clear()
    for i in range(3):
        wf, _ = _composite_repo(tmp_path / str(i), ASSUME, "- uses: ./.github/actions/a\n")
        assert len(wf.jobs["deploy"].steps) == 3
    assert len(parsed) == 1
    wf, _ = _composite_repo(tmp_path / "changed", ASSUME.replace("eu-west-1", "us-east-1"),
                            "- uses: ./.github/actions/a\n")
    assert wf.jobs["deploy"].steps[1].with_["aws-region"] == "us-east-1" and len(parsed) == 2


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([
    "${{ ", " }}", "matrix.env", "env.X", "vars.R", "inputs.role", "github.ref", "==", "!=",
    "&&", "||", "'production'", "''", "'", "(", ")", "fromJSON(", "'{\"a\": 1}'", "'[1,", "]",
    ".a", "['a']", "[matrix.env]", " ", "x"]), max_size=20).map("".join))
def test_expand_never_raises_and_never_invents_text(text):
    # the expression readers this session added (ternaries, fromJSON, case-insensitive
    # names) on any mix of their tokens: no exception, and a known value only
    # replaces a whole `${{ }}`
    github = {"vars": {"R": "arn:aws:iam::1:role/r"}, "inputs": {"role": "arn:aws:iam::1:role/i"}}
    out = wm.expand(text, None, None, {"env": "production"}, github)
    assert isinstance(out, str)
    if "${{" not in text:
        assert out == text


@pytest.mark.parametrize("text, expected", [
    ("${{ format('{0}-consumer', matrix.svc) }}", "refunds-consumer"),
    ("${{ format('arn:aws:iam::{0}:role/{1}', vars.ACCOUNT, 'deploy') }}",
     "arn:aws:iam::123456789012:role/deploy"),
    ("${{ format('{{ {0}', matrix.svc) }}", "{ refunds"),  # `{{` is a brace
    ("${{ format('{0}-{1}', matrix.svc) }}", "${{ format('{0}-{1}', matrix.svc) }}"),
    ("${{ format('{0}', secrets.UNKNOWN) }}", "${{ format('{0}', secrets.UNKNOWN) }}"),
])
def test_format_is_expanded_when_its_arguments_are_known(text, expected):
    import yaml

    wf = wm.read_workflow(yaml.safe_load("jobs:\n  d:\n    runs-on: x\n    steps: [{run: x}]\n"))
    job = wf.jobs["d"]
    got = wm.expand(text, job, None, {"svc": "refunds"}, {"vars": {"ACCOUNT": "123456789012"}})
    assert got == expected


@pytest.mark.parametrize("command, tests", [
    ("docker compose -f compose.ci.yml run --rm web bundle exec rspec", True),
    ("docker-compose --file ci.yml -p app run app pytest", True),
    ("docker compose -f ci.yml up -d", False),
    ("pnpm exec vitest run", True),
    ("pnpm vitest run", True),
    ("npm exec jest", True),
    ("pnpm exec eslint .", False),
    ("pnpm install --frozen-lockfile", False),
])
def test_test_commands_behind_compose_options_and_package_runners(command, tests):
    assert wm._argv_runs_tests(command.split()) is tests
