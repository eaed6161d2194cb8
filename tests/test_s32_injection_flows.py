"""workflow-template-injection through indirect flows: a matrix value filled
from attacker text, a shell variable that a reassignment made only on a
condition does not clear, a github-script output any branch of which is
attacker text, and text cut down to data characters by tr or sed (no shell
code left)."""
import pytest

from conftest import lint_folder
from test_workflow_taint import chatops, injections
from ecs_lint.rules import workflow as W

PASTE = 'echo "${{ needs.parse.outputs.flavor }}"'


# --- a matrix value filled from attacker text ----------------------------------------------

MATRIX = """\
on:
  issue_comment:
    types: [created]
jobs:
  parse:
    runs-on: ubuntu-latest
    outputs:
      services: ${{ steps.words.outputs.services }}
    steps:
      - id: words
        env:
          BODY: ${{ github.event.comment.body }}
        run: |
          services=$(jq -cn --arg line "$BODY" '$line | split(" ")')
          echo "services=$services" >> "$GITHUB_OUTPUT"
  build:
    needs: parse
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    strategy:
      matrix:
%s
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: ${{ vars.ROLE }}
          aws-region: eu-west-1
      - run: docker build services/${{ matrix.service }}
"""


@pytest.mark.parametrize("matrix", [
    "        service: ${{ fromJSON(needs.parse.outputs.services) }}",
    "        service: ['${{ github.event.comment.body }}']",
    "        include:\n          - service: ${{ github.event.comment.body }}",
    "        include: ${{ fromJSON(needs.parse.outputs.services) }}",
])
def test_a_matrix_value_filled_from_attacker_text_is_attacker_text(matrix):
    text = MATRIX % matrix
    found = injections(text, messages=True)
    assert [line for line, _ in found] == [text.count("\n")]  # the last line
    assert "`${{ matrix.service }}` (set from `github.event.comment.body`)" in found[0][1]


@pytest.mark.parametrize("matrix", [
    "        service: [api, worker]",
    "        service: ${{ fromJSON('[\"api\", \"worker\"]') }}",
    "        service: ${{ fromJSON(vars.SERVICES) }}",
    "        service: [api]\n        flavor: ${{ fromJSON(needs.parse.outputs.services) }}",
])
def test_matrix_values_of_the_workflows_own_text_stay_silent(matrix):
    assert injections(MATRIX % matrix) == []


def test_matrix_readers_take_odd_shapes():
    class Job:
        strategy = {"matrix": {"service": None, "include": [1, "x", {"service": {"a": ["b"]}}]}}
    looped = []
    looped.append(looped)
    assert W._matrix_values(Job, "service") == ["b"]
    Job.strategy = {"matrix": {"service": looped}}
    assert W._matrix_values(Job, "service") == []
    Job.strategy = {"matrix": "${{ fromJSON(x) }}"}
    assert W._matrix_values(Job, "service") == ["${{ fromJSON(x) }}"]
    Job.strategy = {"matrix": 3}
    assert W._matrix_values(Job, "service") == []


# --- a reassignment made only on a condition leaves the attacker's value ------------------

@pytest.mark.parametrize("parse", [
    'v=$(sed -n "s/^x: *//p" <<< "$BODY")\nif [ -z "$v" ]; then\n  v="0.0.0"\nfi\n'
    'echo "flavor=$v" >> "$GITHUB_OUTPUT"',
    'v="$BODY"\n[ -z "$v" ] && v=none\necho "flavor=$v" >> "$GITHUB_OUTPUT"',
    'v="$BODY"\nv="${v:-none}"\necho "flavor=$v" >> "$GITHUB_OUTPUT"',
    'v="$BODY"\nfor x in a; do v=$x; done\necho "flavor=$v" >> "$GITHUB_OUTPUT"',
])
def test_a_reassignment_made_only_on_a_condition_keeps_the_attacker_text(parse):
    assert injections(chatops(parse=parse, script=PASTE)) != []


@pytest.mark.parametrize("parse", [
    'v="$BODY"\nv="0.0.0"\necho "flavor=$v" >> "$GITHUB_OUTPUT"',
    'v="$BODY"\nif [ -z "$v" ]; then v=a; else v=b; fi\nv=none\n'
    'echo "flavor=$v" >> "$GITHUB_OUTPUT"',
    'v="$BODY"\nv=$(wc -c <<< "$v")\necho "flavor=$v" >> "$GITHUB_OUTPUT"',
])
def test_a_reassignment_that_always_runs_clears_it(parse):
    assert injections(chatops(parse=parse, script=PASTE)) == []


@pytest.mark.parametrize("check", [
    'if ! [[ "$v" =~ ^[0-9]{1,3}$ ]]; then\n  v=30\nfi',
    'if [[ ! $v =~ ^[a-z0-9][a-z0-9-]{0,29}$ ]]; then v=main; fi',
    '[[ "${v}" =~ ^[a-z]+$ ]] || v=dev',
    '! [[ $v =~ ^v[0-9]+$ ]] && v=v0',
])
def test_a_reassignment_run_when_the_value_fails_a_data_check_clears_it(check):
    # (io/01: minutes from a comment, 30 unless it is 1-3 digits)
    parse = f'v=$(head -n1 <<< "$BODY")\n{check}\necho "flavor=$v" >> "$GITHUB_OUTPUT"'
    assert injections(chatops(parse=parse, script=PASTE)) == []


@pytest.mark.parametrize("check", [
    # the value that passes the check is the one replaced
    'if [[ "$v" =~ ^[0-9]{1,3}$ ]]; then v=30; fi',
    '[[ "$v" =~ ^[0-9]+$ ]] && v=30',
    # checks that text with shell characters passes
    'if ! [[ "$v" =~ ^[0-9] ]]; then v=30; fi',
    'if ! [[ "$v" =~ ^.+$ ]]; then v=30; fi',
    'if ! [[ "$v" =~ ^[^;]+$ ]]; then v=30; fi',
    'if ! [[ "$v" =~ ^dev|prod$ ]]; then v=dev; fi',
    # a check of another variable
    'if ! [[ "$w" =~ ^[0-9]+$ ]]; then v=30; fi',
])
def test_a_reassignment_run_on_other_checks_keeps_the_attacker_text(check):
    parse = f'v=$(head -n1 <<< "$BODY")\n{check}\necho "flavor=$v" >> "$GITHUB_OUTPUT"'
    assert injections(chatops(parse=parse, script=PASTE)) != []


COMPOSITE = """\
inputs:
  version:
    required: true
runs:
  using: composite
  steps:
    - shell: bash
      run: |
        docker tag app "app:${{ inputs.version }}"
"""

PUBLISH = """\
on:
  push:
    branches: [main]
jobs:
  publish:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
      - id: version
        env:
          MESSAGE: ${{ github.event.head_commit.message }}
        run: |
          version=$(printf '%%s\\n' "$MESSAGE" | sed -n 's/^Release-As: *//p' | tail -n1)
%s
          echo "version=$version" >> "$GITHUB_OUTPUT"
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: ${{ vars.ROLE }}
          aws-region: eu-west-1
      - uses: ./.github/actions/publish
        with:
          version: ${{ steps.version.outputs.version }}
"""


@pytest.mark.parametrize("fallback, expected", [
    ('          if [ -z "$version" ]; then\n            version="0.0.0-${GITHUB_SHA::7}"\n'
     '          fi', [("action.yml", 9)]),
    ('          version="0.0.0-${GITHUB_SHA::7}"', []),
])
def test_a_commit_trailer_kept_by_a_conditional_fallback_reaches_a_composite_action(
        tmp_path, fallback, expected):
    (tmp_path / ".github" / "actions" / "publish").mkdir(parents=True)
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "actions" / "publish" / "action.yml").write_text(COMPOSITE)
    (tmp_path / ".github" / "workflows" / "publish.yml").write_text(PUBLISH % fallback)
    found = [(f.file.rsplit("/", 1)[-1], f.span.line) for f in lint_folder(tmp_path)
             if f.rule == "workflow-template-injection"]
    assert found == expected


# --- github-script: any value an output may take ------------------------------------------

SCRIPT = """\
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
      - id: pr
        uses: actions/github-script@v7
        with:
          script: |
            const pr = (await github.rest.pulls.list(context.repo)).data[0];
            core.setOutput('title', %s);
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: ${{ vars.ROLE }}
          aws-region: eu-west-1
      - uses: actions/github-script@v7
        with:
          script: |
            console.log("${{ steps.pr.outputs.title }}");
"""


@pytest.mark.parametrize("value", [
    "pr ? pr.title : context.payload.head_commit.message.split('\\n')[0]",
    "pr ? 'none' : context.payload.head_commit.message.split('\\n')[0]",
    "pr ? pr.title : ''",
    "pr?.title ?? ''",
    "pr && pr.title || 'untitled'",
    "x === 1 ? pr.title : 'none'",
    "(pr ? (pr.draft ? 'draft' : pr.title) : 'none')",
])
def test_a_github_script_output_any_branch_of_which_is_attacker_text_is_reported(value):
    assert injections(SCRIPT % value) == [23]


@pytest.mark.parametrize("value", [
    "pr ? pr.number : 0",
    "pr?.number ?? 0",
    "pr && pr.title.length > 3 ? 'long' : 'short'",
    "pr ? 'a:b' : \"c?d\"",
    "['small', 'large'].includes(pr.title) ? pr.title : 'small'",
])
def test_github_script_outputs_whose_branches_hold_no_attacker_text_stay_silent(value):
    assert injections(SCRIPT % value) == []


@pytest.mark.parametrize("value, branches", [
    ("a ? b : c ? d : e", ["b", "d", "e"]),
    ("a || b ? c : d", ["c", "d"]),
    ("f(a ? b : c)", ["f(a ? b : c)"]),
    ("'?' + x", ["'?' + x"]),
    ("a?.b ?? c", ["a?.b", "c"]),
    ("((((a))))", ["a"]),
])
def test_js_branches(value, branches):
    assert W._js_branches(value) == branches


# --- text cut down to data characters ------------------------------------------------------

PLAN = """\
on:
  pull_request:
jobs:
  plan:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
      - run: |
          %s
          echo "PREVIEW_NAME=pr-${{ github.event.pull_request.number }}-${slug}" >> "$GITHUB_ENV"
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: ${{ vars.ROLE }}
          aws-region: eu-west-1
      - run: terraform workspace select -or-create "${{ env.PREVIEW_NAME }}"
"""


@pytest.mark.parametrize("slug", [
    "slug=$(echo \"$GITHUB_HEAD_REF\" | tr '[:upper:]' '[:lower:]' | "
    "sed -E 's/[^a-z0-9]+/-/g; s/^-+//; s/-+$//' | cut -c1-28)",
    "slug=$(echo \"$GITHUB_HEAD_REF\" | sed 's/[^a-z0-9]\\+/-/g')",
    "slug=$(echo \"$GITHUB_HEAD_REF\" | sed -e 's/[^[:alnum:]]/_/g' -e 's/_*$//' | head -c 28)",
    "slug=$(echo \"$GITHUB_HEAD_REF\" | tr -dc 'a-z0-9-')",
    "slug=$(echo \"$GITHUB_HEAD_REF\" | tr -cs 'a-zA-Z0-9' '-' | tr A-Z a-z)",
    "slug=$(echo \"$GITHUB_HEAD_REF\" | tr -dc 'a-z0-9-'); slug=\"${slug:0:28}\"",
])
def test_a_branch_name_cut_down_to_data_characters_stays_silent(slug):
    assert injections(PLAN % slug) == []


@pytest.mark.parametrize("slug", [
    # basic regex: `+` is a plain character, `;` stays
    "slug=$(echo \"$GITHUB_HEAD_REF\" | sed 's/[^a-z0-9]+/-/g')",
    # not every match (no g), not every line, a class that keeps `;`
    "slug=$(echo \"$GITHUB_HEAD_REF\" | sed -E 's/[^a-z0-9]+/-/')",
    "slug=$(echo \"$GITHUB_HEAD_REF\" | sed -E '1s/[^a-z0-9]+/-/g')",
    "slug=$(echo \"$GITHUB_HEAD_REF\" | tr -dc 'a-z0-9;')",
    # a range across kinds holds `;` and backquotes
    "slug=$(echo \"$GITHUB_HEAD_REF\" | tr -dc '.-z')",
    # a later filter writes shell characters, or may print anything
    "slug=$(echo \"$GITHUB_HEAD_REF\" | tr -dc 'a-z-' | sed 's/-/$(id)/')",
    "slug=$(echo \"$GITHUB_HEAD_REF\" | tr -dc 'a-z-' | tr a '$')",
    "slug=$(echo \"$GITHUB_HEAD_REF\" | tr -dc 'a-z-' | awk '{print}')",
    "slug=$(echo \"$GITHUB_HEAD_REF\" | tr '[:upper:]' '[:lower:]' | cut -c1-28)",
    "slug=$(echo \"$GITHUB_HEAD_REF\" | tr -dc 'a-z-'); slug=\"$slug$GITHUB_HEAD_REF\"",
])
def test_a_branch_name_not_cut_down_to_data_characters_is_reported(slug):
    assert injections(PLAN % slug) == [16]


@pytest.mark.parametrize("pattern, data", [
    ("^[0-9]{1,3}$", True), ("^[a-z0-9][a-z0-9-]{0,29}$", True), ("^(dev|prod)$", True),
    ("^[[:alnum:]-]+$", True), ("^dev|prod$", False), ("^.*$", False), ("^[^;]+$", False),
    ("[0-9]+$", False), ("^[0-9]+", False), ("^[a-z;]+$", False), ("^(a$", False),
])
def test_data_pattern(pattern, data):
    assert W._data_pattern(pattern) is data


@pytest.mark.parametrize("script, data", [
    ("cat f | tr -dc '0-9'", True),
    ("cat f | tr -c 'a-z0-9' '-'", True),
    ("cat f | tr -c 'a-z0-9' '\\n'", False),
    ("cat f | sed -E 's|[^a-z0-9._-]+|-|g' | tail -c 20", True),
    ("cat f | sed -E 's/[^a-z0-9]+/-/ge'", False),
    ("cat f | sed -i -E 's/[^a-z0-9]+/-/g'", False),
    ("sed -E 's/[^a-z0-9]+/-/g' f", False),
    ("cat f | sed -E 's/[^a-z0-9]+/-/g;p'", False),
    ("cat f | head -c 20", False),
    ("tr -dc", False),
    ("", False),
])
def test_cut_to_data(script, data):
    assert W._cut_to_data(script) is data
