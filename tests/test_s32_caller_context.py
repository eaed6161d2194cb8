"""What a caller hands a local reusable workflow: `with:` values a calling job
picks by the ref or the event (`github.ref_name == 'main' && 'x' || 'y'`) are
evaluated in each run of the caller (la/04), and a secret the call neither
inherits nor passes is empty in the called workflow (lc/09)."""
import json
import textwrap

from conftest import lint_folder, oidc_trust

from ecs_lint import workflow_model as wm
from ecs_lint.loader import load_yaml
from ecs_lint.model import Document
from ecs_lint.xref import runs as R

PROD = "arn:aws:iam::123456789012:role/app-production-deploy"
STAGING = "arn:aws:iam::210987654321:role/app-staging-deploy"

CALLED = """\
    on:
      workflow_call:
        inputs:
          environment: {type: string, required: true}
          role: {type: string, required: true}
    jobs:
      deploy:
        runs-on: ubuntu-latest
        environment: ${{ inputs.environment }}
        permissions:
          id-token: write
        steps:
          - uses: aws-actions/configure-aws-credentials@v4
            with:
              role-to-assume: ${{ inputs.role }}
              aws-region: eu-west-1
    """

REF_TERNARY_CALLER = f"""\
    on:
      push:
        branches: [main, develop]
    jobs:
      deploy:
        IF
        uses: ./.github/workflows/deploy.yml
        permissions:
          id-token: write
        with:
          environment: ${{{{ github.ref_name == 'main' && 'production' || 'staging' }}}}
          role: ${{{{ github.ref_name == 'main' && '{PROD}' || '{STAGING}' }}}}
    """


def _repo(tmp_path, caller, called, prod_sub, staging_sub, config=""):
    """A repository with a calling workflow `cd.yml`, the called `deploy.yml`,
    and the two roles, each trusting its sub."""
    (tmp_path / "iam").mkdir(parents=True)
    (tmp_path / "iam" / "prod.json").write_text(json.dumps(oidc_trust(prod_sub)))
    (tmp_path / "iam" / "staging.json").write_text(json.dumps(oidc_trust(staging_sub)))
    (tmp_path / ".ecs-lint.yaml").write_text(
        f"github:\n  repository: myorg/app\n{config}roles:\n"
        f'  "{PROD}":\n    trust: iam/prod.json\n'
        f'  "{STAGING}":\n    trust: iam/staging.json\n')
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "cd.yml").write_text(textwrap.dedent(caller))
    (folder / "deploy.yml").write_text(textwrap.dedent(called))
    return tmp_path


def _subs(folder):
    return sorted((f.rule, f.file, f.message) for f in lint_folder(folder)
                  if f.rule.startswith("xref-sub"))


# --- with: values picked by the caller's ref ----------------------------------------------

def test_a_caller_ref_ternary_hands_each_branch_its_environment_and_role(tmp_path):
    # la/04: a develop push calls with environment staging and the staging role,
    # whose trust still pins the branch sub
    repo = _repo(tmp_path, REF_TERNARY_CALLER.replace("IF", ""), CALLED,
                 "repo:myorg/app:environment:production", "repo:myorg/app:ref:refs/heads/develop")
    found = _subs(repo)
    assert [(r, f) for r, f, _ in found] == [("xref-sub-not-admitted", "iam/staging.json")]
    message = found[0][2]
    assert "'repo:myorg/app:environment:staging'" in message
    assert "where github.ref_name != 'main'" in message
    assert "called by .github/workflows/cd.yml job 'deploy'" in message


def test_a_caller_ref_ternary_whose_roles_admit_their_environments_is_silent(tmp_path):
    repo = _repo(tmp_path, REF_TERNARY_CALLER.replace("IF", ""), CALLED,
                 "repo:myorg/app:environment:production", "repo:myorg/app:environment:staging")
    assert _subs(repo) == []


def test_a_calling_job_kept_to_main_never_hands_the_staging_values(tmp_path):
    # the develop run of the ternary is ruled out by the calling job's `if:`
    caller = REF_TERNARY_CALLER.replace("IF", "if: github.ref == 'refs/heads/main'")
    repo = _repo(tmp_path, caller, CALLED, "repo:myorg/app:environment:production",
                 "repo:myorg/app:ref:refs/heads/develop")
    assert [(r, f) for r, f, _ in _subs(repo)] == []


def test_a_caller_event_ternary_is_split_by_the_caller_triggers(tmp_path):
    caller = f"""\
        on:
          push:
            branches: [main]
          release:
            types: [published]
        jobs:
          deploy:
            uses: ./.github/workflows/deploy.yml
            permissions:
              id-token: write
            with:
              environment: ${{{{ github.event_name == 'release' && 'production' || 'staging' }}}}
              role: ${{{{ github.event_name == 'release' && '{PROD}' || '{STAGING}' }}}}
        """
    repo = _repo(tmp_path, caller, CALLED, "repo:myorg/app:environment:production",
                 "repo:myorg/app:ref:refs/heads/main")
    found = _subs(repo)
    assert [(r, f) for r, f, _ in found] == [("xref-sub-not-admitted", "iam/staging.json")]
    assert " on push" in found[0][2]


def _doc(tmp_path, name, text):
    path = tmp_path / ".github" / "workflows" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    text = textwrap.dedent(text)
    path.write_text(text)
    (loaded,) = load_yaml(text)
    return Document("workflow", loaded.data, str(path), loaded.locate, text=text)


def test_caller_splits_keep_a_dispatched_call_to_its_own_option(tmp_path):
    # a call made once per dispatch option (`inputs.environment` already filled)
    # is split only where its other values agree: one run, not one per option
    caller = _doc(tmp_path, "redeploy.yml", """\
        on:
          workflow_dispatch:
            inputs:
              environment: {type: choice, options: [staging, production], default: staging}
        jobs:
          redeploy:
            uses: ./.github/workflows/deploy.yml
            with:
              environment: ${{ inputs.environment }}
              role: ${{ inputs.environment == 'production' && vars.PROD || vars.STAGING }}
        """)
    job = caller.data["jobs"]["redeploy"]
    call = R.Caller(caller, "redeploy", job, {"environment": "production", "role": None})
    splits = R.caller_splits(call, {"vars": {"PROD": PROD, "STAGING": STAGING}})
    assert [c.inputs for c, _, _ in splits] == [{"environment": "production", "role": PROD}]


def test_caller_splits_leave_a_call_with_known_values_as_it_is(tmp_path):
    caller = _doc(tmp_path, "cd.yml", REF_TERNARY_CALLER.replace("IF", ""))
    job = caller.data["jobs"]["deploy"]
    known = R.Caller(caller, "deploy", job, {"environment": "staging", "role": STAGING})
    assert R.caller_splits(known, {}) == [(known, {}, None)]
    unknown = R.Caller(caller, "deploy", job, {"environment": None, "role": None})
    assert [(c.inputs["environment"], f) for c, f, _ in R.caller_splits(unknown, {})] == [
        ("production", {"ref_name": ("==", "main")}),
        ("staging", {"ref_name": ("!=", "main")})]


def test_caller_splits_survive_odd_shapes(tmp_path):
    caller = _doc(tmp_path, "cd.yml", REF_TERNARY_CALLER.replace("IF", ""))
    for job, inputs in ((None, None), ("x", {}), ({"with": ["a"]}, {"a": None}),
                        ({"with": {"a": 3}}, {"a": None})):
        call = R.Caller(caller, "deploy", job, inputs)
        assert R.caller_splits(call, {}) == [(call, {}, None)]


# --- secrets a call does not hand on -------------------------------------------------------

REGION_CALLED = """\
    on:
      workflow_call:
    jobs:
      publish:
        runs-on: ubuntu-latest
        steps:
          - uses: aws-actions/configure-aws-credentials@v4
            with:
              role-to-assume: arn:aws:iam::123456789012:role/push
              aws-region: ${{ secrets.AWS_REGION }}
    """


def _region_findings(tmp_path, callers):
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "publish.yml").write_text(textwrap.dedent(REGION_CALLED))
    for i, secrets in enumerate(callers):
        (folder / f"main{i}.yml").write_text(textwrap.dedent(f"""\
            on: push
            jobs:
              publish:
                permissions:
                  id-token: write
                uses: ./.github/workflows/publish.yml
                {secrets}
            """))
    return [(f.file, f.line, f.message) for f in lint_folder(tmp_path)
            if f.rule == "workflow-aws-region-missing"]


def test_a_region_secret_no_call_hands_on_is_empty(tmp_path):
    # lc/09
    found = _region_findings(tmp_path, [""])
    assert [(f, line) for f, line, _ in found] == [(".github/workflows/publish.yml", 10)]
    assert "secrets.AWS_REGION" in found[0][2]
    assert "main0.yml job 'publish'" in found[0][2]


def test_a_region_secret_inherited_or_passed_is_not_reported(tmp_path):
    assert _region_findings(tmp_path / "a", ["secrets: inherit"]) == []
    assert _region_findings(tmp_path / "b", ["secrets: {aws_region: eu-west-1}"]) == []
    # one call of two inherits: the region is there in its runs
    assert _region_findings(tmp_path / "c", ["", "secrets: inherit"]) == []
    # another secret passed: this one is still empty
    assert len(_region_findings(tmp_path / "d", ["secrets: {OTHER: x}"])) == 1


def test_a_region_secret_without_a_local_caller_is_not_known(tmp_path):
    assert _region_findings(tmp_path, []) == []


def test_expand_makes_a_secret_the_call_does_not_hand_on_empty():
    github = {"secrets": {"ROLE": PROD}, wm.CALLER_SECRETS: wm.caller_secrets({})}
    assert wm.expand("${{ secrets.ROLE }}", None, github=github) == ""
    assert wm.expand("${{ secrets.GITHUB_TOKEN }}", None, github=github) == \
        "${{ secrets.GITHUB_TOKEN }}"
    passed = {"secrets": {"ROLE": PROD},
              wm.CALLER_SECRETS: wm.caller_secrets({"secrets": {"role": "x"}})}
    assert wm.expand("${{ secrets.ROLE }}", None, github=passed) == PROD
    assert wm.caller_secrets({"secrets": "inherit"}) is None
    assert wm.caller_secrets({"secrets": ["odd"]}) is None
    assert wm.caller_secrets("odd") == {"github_token"}


SECRET_ROLE_CALLED = """\
    on:
      workflow_call:
    jobs:
      deploy:
        runs-on: ubuntu-latest
        permissions:
          id-token: write
        steps:
          - uses: aws-actions/configure-aws-credentials@v4
            with:
              role-to-assume: ${{ secrets.DEPLOY_ROLE }}
              aws-region: eu-west-1
    """


def _secret_role_caller(secrets):
    return f"""\
        on:
          push:
            branches: [main]
        jobs:
          deploy:
            uses: ./.github/workflows/deploy.yml
            permissions:
              id-token: write
            {secrets}
        """


def test_a_role_secret_the_call_does_not_hand_on_assumes_no_role(tmp_path):
    # the step gets an empty role-to-assume: no role, so no sub of the role is checked
    config = f"  secrets:\n    DEPLOY_ROLE: {PROD}\n"
    silent = _repo(tmp_path / "a", _secret_role_caller(""), SECRET_ROLE_CALLED,
                   "repo:myorg/app:ref:refs/heads/other", "x", config)
    assert _subs(silent) == []
    inherited = _repo(tmp_path / "b", _secret_role_caller("secrets: inherit"),
                      SECRET_ROLE_CALLED, "repo:myorg/app:ref:refs/heads/other", "x", config)
    assert [(r, f) for r, f, _ in _subs(inherited)] == [("xref-sub-not-admitted",
                                                         "iam/prod.json")]


def test_a_role_keyed_by_a_secret_the_call_does_not_hand_on_is_not_linked(tmp_path):
    # config `roles:` keyed by the secret's name: the empty value is still no role
    (tmp_path / "iam").mkdir(parents=True)
    (tmp_path / "iam" / "t.json").write_text(
        json.dumps(oidc_trust("repo:myorg/app:ref:refs/heads/other")))
    for secrets, expected in (("", []), ("secrets: inherit", ["xref-sub-not-admitted"])):
        folder = tmp_path / (secrets or "none").replace(": ", "-")
        (folder / "iam").mkdir(parents=True)
        (folder / "iam" / "t.json").write_text((tmp_path / "iam" / "t.json").read_text())
        (folder / ".ecs-lint.yaml").write_text(
            "github:\n  repository: myorg/app\nroles:\n"
            '  "secrets.DEPLOY_ROLE":\n    trust: iam/t.json\n')
        workflows = folder / ".github" / "workflows"
        workflows.mkdir(parents=True)
        (workflows / "cd.yml").write_text(textwrap.dedent(_secret_role_caller(secrets)))
        (workflows / "deploy.yml").write_text(textwrap.dedent(SECRET_ROLE_CALLED))
        assert [r for r, _, _ in _subs(folder)] == expected



def test_caller_splits_keep_only_the_runs_the_caller_triggers_allow(tmp_path):
    # pushes to main only: the `!= 'main'` side of the ternary never runs
    caller = _doc(tmp_path, "cd.yml", REF_TERNARY_CALLER.replace("IF", "").replace(
        "[main, develop]", "[main]"))
    call = R.Caller(caller, "deploy", caller.data["jobs"]["deploy"],
                    {"environment": None, "role": None})
    assert [(c.inputs, f) for c, f, _ in R.caller_splits(call, {})] == [
        ({"environment": "production", "role": PROD}, {"ref_name": ("==", "main")})]
