"""A job whose environment or role picks a value by `github.event_name` or
`github.ref` (`${{ github.event_name == 'push' && 'production' || 'staging' }}`)
is checked once per event, or for the ref tested and for every other ref: each
run sends the subs of its own events and refs, under its own role."""
import pytest
from conftest import ROLE, oidc_trust, xref_sub_findings

from ecs_lint import workflow_model as wm
from ecs_lint.xref import subjects_produced as P

PROD = "arn:aws:iam::123456789012:role/deploy-prod"
STAGING = "arn:aws:iam::123456789012:role/deploy-staging"


def _workflow(on, environment, role=ROLE):
    return f"""\
        on: {on}
        jobs:
          deploy:
            runs-on: ubuntu-latest
            environment: {environment}
            permissions:
              id-token: write
            steps:
              - uses: aws-actions/configure-aws-credentials@v4
                with:
                  role-to-assume: {role}
                  aws-region: eu-west-1
        """


EVENT_ENV = "${{ github.event_name == 'pull_request' && 'preview' || 'production' }}"


def test_an_environment_picked_by_the_event_is_read_per_event(tmp_path):
    found = xref_sub_findings(
        tmp_path, {".github/workflows/d.yml": _workflow(
            "{push: {branches: [main]}, pull_request: {branches: [main]}}", EVENT_ENV)},
        "repo:myorg/app:environment:production")
    assert [(r, m.split(" assumes")[0]) for r, _, m in found] == [
        ("xref-sub-not-admitted", "job 'deploy' on pull_request in .github/workflows/d.yml:11")]
    assert "'repo:myorg/app:environment:preview'" in found[0][2]


def test_each_event_admitted_is_silent(tmp_path):
    trust = oidc_trust(["repo:myorg/app:environment:production",
                        "repo:myorg/app:environment:preview"])
    assert xref_sub_findings(
        tmp_path, {".github/workflows/d.yml": _workflow(
            "{push: {branches: [main]}, pull_request: {branches: [main]}}", EVENT_ENV)},
        trust) == []


def test_without_the_split_the_union_of_environments_is_not_claimed(tmp_path):
    # an environment that does not depend on the event: one run, as before
    found = xref_sub_findings(
        tmp_path, {".github/workflows/d.yml": _workflow(
            "{push: {branches: [main]}, pull_request: {branches: [main]}}", "production")},
        "repo:myorg/app:environment:production")
    assert found == []


def _two_roles(tmp_path, prod_sub, staging_sub, role_value, on="{push: {branches: [main, develop]}}",
               environment="${{ github.ref == 'refs/heads/main' && 'production' || 'staging' }}"):
    import json

    (tmp_path / "iam").mkdir()
    (tmp_path / "iam" / "prod.json").write_text(json.dumps(_trust(prod_sub)))
    (tmp_path / "iam" / "staging.json").write_text(json.dumps(_trust(staging_sub)))
    config = ("github:\n  repository: myorg/app\nroles:\n"
              f'  "{PROD}":\n    trust: iam/prod.json\n'
              f'  "{STAGING}":\n    trust: iam/staging.json\n')
    (tmp_path / ".ecs-lint.yaml").write_text(config)
    return xref_findings(tmp_path, {".github/workflows/d.yml": _workflow(on, environment,
                                                                         role_value)})


def _trust(sub):
    """A GitHub trust policy admitting `sub` (StringLike when it is a pattern)."""
    policy = oidc_trust(sub)
    if "*" in sub:
        cond = policy["Statement"][0]["Condition"]
        cond["StringLike"] = {k: cond["StringEquals"].pop(k)
                              for k in list(cond["StringEquals"]) if k.endswith(":sub")}
    return policy


def xref_findings(tmp_path, files):
    import textwrap

    from conftest import lint_folder

    for rel, text in files.items():
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(text))
    return sorted((f.rule, f.file, f.message) for f in lint_folder(tmp_path)
                  if f.rule.startswith("xref-sub"))


ROLE_BY_REF_NAME = (f"${{{{ github.ref_name == 'main' && '{PROD}' || '{STAGING}' }}}}")


def test_a_role_picked_by_the_ref_links_each_role_to_its_own_refs(tmp_path):
    # main: production environment, prod role; develop: staging, staging role.
    # Each role is linked (else broader-than-used would stay silent), and each
    # is used only with its own environment
    found = _two_roles(tmp_path, "repo:myorg/app:environment:*",
                       "repo:myorg/app:environment:staging", ROLE_BY_REF_NAME)
    assert [(r, f) for r, f, _ in found] == [("xref-sub-broader-than-used", "iam/prod.json")]
    assert "environment:production" in found[0][2]


def test_a_role_picked_by_the_ref_is_refused_where_its_trust_says_so(tmp_path):
    found = _two_roles(tmp_path, "repo:myorg/app:environment:production",
                       "repo:myorg/app:environment:stage", ROLE_BY_REF_NAME)
    assert [(r, f) for r, f, _ in found] == [("xref-sub-not-admitted", "iam/staging.json")]
    assert "where github.ref != 'refs/heads/main'" in found[0][2]
    assert "'repo:myorg/app:environment:staging'" in found[0][2]


def test_the_ref_not_tested_sends_the_other_refs_subs(tmp_path):
    # on develop the environment is '': no environment (GitHub's idiom for an
    # environment on some refs only), so the job sends its branch's sub
    found = _two_roles(tmp_path, "repo:myorg/app:environment:production",
                       "repo:myorg/app:ref:refs/heads/*", ROLE_BY_REF_NAME,
                       environment="${{ github.ref == 'refs/heads/main' && 'production' || '' }}")
    assert [(r, f) for r, f, _ in found] == [("xref-sub-broader-than-used", "iam/staging.json")]
    assert "repo:myorg/app:ref:refs/heads/develop" in found[0][2]


def test_a_known_event_or_ref_resolves_ternaries():
    on_push = {wm.FACTS: {"event_name": ("==", "push")}}
    assert wm.expand("${{ github.event_name == 'push' && 'a' || 'b' }}", None, None, None,
                     on_push) == "a"
    assert wm.expand("${{ github.event_name != 'push' && 'a' || 'b' }}", None, None, None,
                     on_push) == "b"
    assert wm.expand("x-${{ github.event_name }}", None, None, None, on_push) == "x-push"
    not_main = {wm.FACTS: {"ref": ("!=", "refs/heads/main")}}
    assert wm.expand("${{ github.ref == 'refs/heads/main' && 'a' || 'b' }}", None, None, None,
                     not_main) == "b"
    # known only not to be main: another value tested stays unknown
    text = "${{ github.ref == 'refs/heads/dev' && 'a' || 'b' }}"
    assert wm.expand(text, None, None, None, not_main) == text
    assert wm.expand("${{ github.ref }}", None, None, None, not_main) == "${{ github.ref }}"


def test_a_ref_unequal_narrows_the_refs():
    n = P.narrowing("github.ref_name != 'main'", None)
    assert n.understood and n.refs is not None
    assert not P.contains(n.refs, "refs/heads/main") and P.contains(n.refs, "refs/heads/dev")
    assert not P.contains(n.refs, "refs/tags/main")
    n = P.narrowing("github.ref != 'refs/tags/v1'", None)
    assert P.contains(n.refs, "refs/tags/v2") and not P.contains(n.refs, "refs/tags/v1")


def test_a_reusable_workflow_is_not_split_by_its_callers_event(tmp_path):
    from ecs_lint.xref import runs as R

    class Job:  # the parts fact_splits reads
        environment = EVENT_ENV

    class Wf:
        triggers = {"workflow_call": {}}

    assert R.fact_splits(Wf, Job, []) == [({}, None, None)]
    Wf.triggers = {"push": {}, "workflow_dispatch": {}}
    assert [f for f, _, _ in R.fact_splits(Wf, Job, [])] == [
        {"event_name": ("==", "push")}, {"event_name": ("==", "workflow_dispatch")}]


def _refs_admitted(condition, refs=("refs/heads/main", "refs/heads/release",
                                    "refs/heads/feature/x", "refs/tags/v1", "refs/tags/main")):
    n = P.narrowing(condition, None)
    return n.understood, [r for r in refs if n.refs is None or P.contains(n.refs, r)]


def test_a_list_of_refs_or_a_disjunction_of_ref_tests_narrows_the_refs():
    both = ["refs/heads/main", "refs/heads/release"]
    assert _refs_admitted("contains(fromJSON('[\"refs/heads/main\", \"refs/heads/release\"]'), "
                          "github.ref)") == (True, both)
    assert _refs_admitted("${{ github.ref == 'refs/heads/main' || "
                          "github.ref == 'refs/heads/release' }}") == (True, both)
    assert _refs_admitted("success() && (github.ref_name == 'main' || "
                          "startsWith(github.ref, 'refs/tags/v'))") == (
        True, ["refs/heads/main", "refs/tags/v1", "refs/tags/main"])
    # contains() of a string is a substring test: not read
    assert _refs_admitted("contains('refs/heads/main refs/heads/release', github.ref)")[0] is False
    # a disjunction with something else than refs: not read
    assert _refs_admitted("github.ref == 'refs/heads/main' || needs.a.result == 'success'")[0] \
        is False


def test_the_suggested_fix_lists_only_the_refs_the_job_runs_on():
    # pushes to main, release and feature/**, and the job only on main and release
    n = P.narrowing("contains(fromJSON('[\"refs/heads/main\", \"refs/heads/release\"]'), "
                    "github.ref)", None)
    refs = P.refs_of_triggers({"push": {"branches": ["main", "release", "feature/**"]}}, "main")
    (part,) = P.parts(P.produce(P.prefix_pattern("repo:o/r:"), refs, None, n).must)
    assert P.render_glob(part) == ["repo:o/r:ref:refs/heads/main", "repo:o/r:ref:refs/heads/release"]


DISPATCH = """\
    on:
      workflow_dispatch:
        inputs:
          environment:
            type: choice
            options: [staging, production]
            default: staging
          version:
            type: string
            default: main
    jobs:
      deploy:
        runs-on: ubuntu-latest
        environment: ${{ %s.environment }}
        permissions:
          id-token: write
        steps:
          - uses: aws-actions/configure-aws-credentials@v4
            with:
              role-to-assume: ${{ %s.environment == 'production' && vars.PROD || vars.STAGING }}
              aws-region: eu-west-1
    """


def _dispatch(tmp_path, prod_sub, staging_sub, inputs="inputs", on=None):
    import json

    (tmp_path / "iam").mkdir()
    (tmp_path / "iam" / "prod.json").write_text(json.dumps(_trust(prod_sub)))
    (tmp_path / "iam" / "staging.json").write_text(json.dumps(_trust(staging_sub)))
    config = ("github:\n  repository: myorg/app\n  vars:\n"
              f"    PROD: {PROD}\n    STAGING: {STAGING}\nroles:\n"
              f'  "{PROD}":\n    trust: iam/prod.json\n'
              f'  "{STAGING}":\n    trust: iam/staging.json\n')
    (tmp_path / ".ecs-lint.yaml").write_text(config)
    text = DISPATCH % (inputs, inputs)
    if on:
        text = text.replace("    on:\n      workflow_dispatch:", f"    on:\n      {on}\n      workflow_dispatch:")
    return xref_findings(tmp_path, {".github/workflows/d.yml": text})


def test_a_choice_input_picking_role_and_environment_is_read_per_option(tmp_path):
    found = _dispatch(tmp_path, "repo:myorg/app:environment:production",
                      "repo:myorg/app:environment:stage")
    assert [(r, f) for r, f, _ in found] == [("xref-sub-not-admitted", "iam/staging.json")]
    assert "job 'deploy' with inputs.environment 'staging'" in found[0][2]
    assert "'repo:myorg/app:environment:staging'" in found[0][2]


def test_each_option_links_its_own_role(tmp_path):
    # the prod role admits any environment but only production assumes it
    # (linked, else broader-than-used stays silent); staging's role is exact
    for form in ("inputs", "github.event.inputs"):
        path = tmp_path / form
        path.mkdir()
        found = _dispatch(path, "repo:myorg/app:environment:*",
                          "repo:myorg/app:environment:staging", inputs=form)
        assert [(r, f) for r, f, _ in found] == [("xref-sub-broader-than-used",
                                                   "iam/prod.json")], form
        assert "environment:production" in found[0][2]


def test_a_workflow_other_events_run_too_has_empty_inputs_on_them(tmp_path):
    # on push the inputs are empty: no environment, and the role the `||` falls to;
    # a dispatch run is one per option
    found = _dispatch(tmp_path, "repo:myorg/app:environment:production",
                      "repo:myorg/app:environment:stag*", on="push: {branches: [main]}")
    found = [x for x in found if x[0] == "xref-sub-not-admitted"]
    assert [(r, f) for r, f, _ in found] == [("xref-sub-not-admitted", "iam/staging.json")]
    assert "on push" in found[0][2] and "'repo:myorg/app:ref:refs/heads/main'" in found[0][2]
    assert "with inputs." not in found[0][2]


@pytest.mark.parametrize("environment", ["${{ inputs.environment || 'staging' }}",
                                         "${{ github.event.inputs.environment || 'staging' }}"])
def test_an_input_with_a_default_on_push_correlates_role_and_environment(tmp_path, environment):
    # push: '' || 'staging' = staging, and the role is STAGING; a production
    # dispatch: production with PROD. Never crossed (each trust pins its own)
    assert _dispatch_env(tmp_path / "e", environment) == []


def _dispatch_env(path, environment):
    import json

    path.mkdir()
    (path / "iam").mkdir()
    (path / "iam" / "prod.json").write_text(json.dumps(_trust("repo:myorg/app:environment:production")))
    (path / "iam" / "staging.json").write_text(json.dumps(_trust("repo:myorg/app:environment:staging")))
    (path / ".ecs-lint.yaml").write_text(
        "github:\n  repository: myorg/app\n  vars:\n"
        f"    PROD: {PROD}\n    STAGING: {STAGING}\nroles:\n"
        f'  "{PROD}":\n    trust: iam/prod.json\n'
        f'  "{STAGING}":\n    trust: iam/staging.json\n')
    text = (DISPATCH % ("inputs", "inputs")).replace(
        "${{ inputs.environment }}", environment).replace(
        "    on:\n      workflow_dispatch:", "    on:\n      push: {branches: [main]}\n"
        "      workflow_dispatch:")
    return xref_findings(path, {".github/workflows/d.yml": text})


def test_a_ref_unequal_lets_pull_requests_through():
    # pull requests run on refs/pull/N/merge, which `github.ref != 'refs/heads/main'`
    # admits: such a run sends the pull_request sub (a run picked by `==` does not)
    refs = P.refs_of_triggers({"push": {"branches": ["main"]}, "pull_request": {}}, "main")
    pfx = P.prefix_pattern("repo:o/r:")
    other = P.produce(pfx, refs, None, P.narrowing("github.ref != 'refs/heads/main'", None))
    assert P.contains(other.must, "repo:o/r:pull_request")
    assert not P.contains(other.may, "repo:o/r:ref:refs/heads/main")
    main = P.produce(pfx, refs, None, P.narrowing("github.ref == 'refs/heads/main'", None))
    assert not P.contains(main.may, "repo:o/r:pull_request")
    tags = P.produce(pfx, refs, None, P.narrowing("startsWith(github.ref, 'refs/tags/')", None))
    assert not P.contains(tags.may, "repo:o/r:pull_request")
    # with an environment: the pull-request runs send it
    env = P.produce(pfx, P.refs_of_triggers({"pull_request": {}}, "main"), "preview",
                    P.narrowing("github.ref != 'refs/heads/main'", None))
    assert P.contains(env.must, "repo:o/r:environment:preview")


ROLE_FROM_SETUP = """\
    on:
      push:
        branches: [main, develop]
    jobs:
      setup:
        runs-on: ubuntu-latest
        outputs:
          role: ${{ steps.pick.outputs.role }}
          from_vars: ${{ vars.STAGING }}
        steps:
          - id: pick
            run: echo "role=%s" >> "$GITHUB_OUTPUT"
      deploy:
        needs: setup
        runs-on: ubuntu-latest
        permissions:
          id-token: write
        steps:
          - uses: aws-actions/configure-aws-credentials@v4
            with:
              role-to-assume: ${{ needs.setup.outputs.%s }}
              aws-region: eu-west-1
    """


@pytest.mark.parametrize("output, staging_sub, reported", [
    ("role", "repo:myorg/app:ref:refs/heads/develop", True),   # main is refused
    ("from_vars", "repo:myorg/app:ref:refs/heads/develop", True),
    ("role", "repo:myorg/app:ref:refs/heads/*", False),
])
def test_a_role_from_another_jobs_output_is_the_value_it_is_set_to(tmp_path, output,
                                                                   staging_sub, reported):
    import json

    (tmp_path / "iam").mkdir()
    (tmp_path / "iam" / "staging.json").write_text(json.dumps(_trust(staging_sub)))
    (tmp_path / ".ecs-lint.yaml").write_text(
        f"github:\n  repository: myorg/app\n  vars:\n    STAGING: {STAGING}\n"
        f'roles:\n  "{STAGING}":\n    trust: iam/staging.json\n')
    found = xref_findings(tmp_path, {".github/workflows/d.yml": ROLE_FROM_SETUP % (STAGING,
                                                                                   output)})
    admitted = [m for r, _, m in found if r == "xref-sub-not-admitted"]
    assert bool(admitted) is reported
    if reported:
        assert "'repo:myorg/app:ref:refs/heads/main'" in admitted[0]
