"""Cutting a large run's cross-file checks into bundles of linked files
(lint/xref/groups.py): links are never cut, unrelated files go apart."""
import json
import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from ecs_lint.config import Config
from ecs_lint.model import Document
from ecs_lint.xref import groups


def _doc(kind, data, file, context=None):
    return Document(kind, data, file, lambda *a: None, context=dict(context or {}))


def _workflow(file, role, extra_env=None, uses=None):
    import yaml

    job = {"runs-on": "ubuntu-latest", "permissions": {"id-token": "write"},
           "env": extra_env or {},
           "steps": [{"uses": "aws-actions/configure-aws-credentials@v4",
                      "with": {"role-to-assume": role, "aws-region": "eu-west-1"}}]}
    jobs = {"deploy": job}
    if uses:
        jobs["call"] = {"uses": uses}
    text = yaml.safe_dump({"on": {"push": {"branches": ["main"]}}, "jobs": jobs})
    return _doc("workflow", yaml.safe_load(text), file)


def _parts(docs_by_file, config=None, monkeypatch=None):
    config = config or Config()
    records = [groups.record_of(docs, config) for docs in docs_by_file]
    out = groups.bundles(records, config)
    return sorted(sorted(b) for b in out)


def _trust(file, name):
    return _doc("trust-policy", {"Statement": []}, file,
                context={"role_name": name, "role_ref": f"aws_iam_role.{name}"})


def test_a_workflow_goes_with_the_role_it_names_and_unrelated_files_apart(monkeypatch):
    monkeypatch.setattr(groups, "BUNDLE_FILES", 1)
    files = [
        [_workflow(".github/workflows/a.yml", "arn:aws:iam::123456789012:role/app-a-deploy")],
        [_trust("iam/a.tf", "app-a-deploy")],
        [_workflow(".github/workflows/b.yml", "arn:aws:iam::123456789012:role/app-b-deploy")],
        [_trust("iam/b.tf", "app-b-deploy")],
        [_doc("task-definition", {"family": "other"}, "ecs/other.json")],
    ]
    assert _parts(files) == [[0, 1], [2, 3], [4]]


def test_a_role_name_built_with_an_expression_joins_every_name_it_may_be(monkeypatch):
    monkeypatch.setattr(groups, "BUNDLE_FILES", 1)
    files = [
        [_workflow(".github/workflows/a.yml",
                   "arn:aws:iam::123456789012:role/${{ env.APP }}-deploy",
                   extra_env={"APP": "${{ github.event.repository.name }}"})],
        [_trust("iam/a.tf", "app-a-deploy")],
        [_trust("iam/b.tf", "app-b-deploy")],
        [_trust("iam/c.tf", "app-c-reader")],
    ]
    assert _parts(files) == [[0, 1, 2], [3]]


def test_a_role_given_by_config_vars_or_roles_joins_its_files(monkeypatch, tmp_path):
    monkeypatch.setattr(groups, "BUNDLE_FILES", 1)
    monkeypatch.chdir(tmp_path)
    config = Config(github={"vars": {"ROLE": "arn:aws:iam::123456789012:role/from-vars"}},
                    roles={"secrets.DEPLOY": {"trust": "iam/secret.json"}}, root=str(tmp_path))
    files = [
        [_workflow(".github/workflows/a.yml", "${{ vars.ROLE }}")],
        [_trust("iam/v.tf", "from-vars")],
        [_workflow(".github/workflows/b.yml", "${{ secrets.DEPLOY }}")],
        [_doc("trust-policy", {"Statement": []}, "iam/secret.json")],
    ]
    assert _parts(files, config) == [[0, 1], [2, 3]]


def test_vars_and_secrets_link_in_any_case(monkeypatch, tmp_path):
    # GitHub's names of variables and secrets ignore case: `secrets.deploy` is DEPLOY
    monkeypatch.setattr(groups, "BUNDLE_FILES", 1)
    monkeypatch.chdir(tmp_path)
    config = Config(github={"vars": {"ROLE": "arn:aws:iam::123456789012:role/from-vars"}},
                    roles={"secrets.DEPLOY": {"trust": "iam/any-case.json"}}, root=str(tmp_path))
    files = [
        [_workflow(".github/workflows/a.yml", "${{ vars.role }}")],
        [_trust("iam/any-case.tf", "from-vars")],
        [_workflow(".github/workflows/b.yml", "${{ secrets.Deploy }}")],
        [_doc("trust-policy", {"Statement": []}, "iam/any-case.json")],
    ]
    assert _parts(files, config) == [[0, 1], [2, 3]]


def test_a_reusable_workflow_goes_with_its_callers(monkeypatch):
    monkeypatch.setattr(groups, "BUNDLE_FILES", 1)
    files = [
        [_workflow(".github/workflows/caller.yml", "x", uses="./.github/workflows/deploy.yml")],
        [_workflow(".github/workflows/deploy.yml", "${{ inputs.role }}")],
        [_workflow(".github/workflows/other.yml", "y")],
    ]
    assert _parts(files) == [[0, 1], [2]]


def test_a_role_named_by_a_pattern_may_be_any_workflow_s(monkeypatch):
    # Terraform `name_prefix`: the name is not known, so every workflow may assume it
    from ecs_lint.values import Template, Unknown

    monkeypatch.setattr(groups, "BUNDLE_FILES", 1)
    prefixed = _doc("trust-policy", {"Statement": []}, "iam/p.tf", context={
        "role_name": Template(["deploy-", Unknown("name_prefix")]),
        "role_ref": "aws_iam_role.p", "template": {"format": "terraform"}})
    files = [[_workflow(".github/workflows/a.yml", "deploy-20240101")], [prefixed],
             [_workflow(".github/workflows/b.yml", "other")]]
    assert _parts(files) == [[0, 1, 2]]


def test_bundles_pack_parts_whole():
    files = [[_workflow(f".github/workflows/w{i}.yml", f"role-{i}")] for i in range(100)]
    files += [[_trust(f"iam/{i}.tf", f"role-{i}")] for i in range(100)]
    out = _parts(files)
    assert sorted(i for b in out for i in b) == list(range(200))
    assert all(len(b) <= groups.BUNDLE_FILES for b in out)
    where = {i: n for n, b in enumerate(out) for i in b}
    assert all(where[i] == where[100 + i] for i in range(100))


_words = st.text(alphabet="ab-/:$.{} ", min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.lists(_words, max_size=4), st.lists(_words, max_size=4)),
                min_size=1, max_size=12))
def test_bundles_are_a_partition_that_keeps_every_link(files):
    # each file offers some keys and wants others: a file that wants a key
    # another offers is in its bundle; every file is in exactly one bundle
    records = [[sorted({f"k:{w}" for w in offers}), sorted({f"k:{w}" for w in wants}), {}]
               for offers, wants in files]
    out = groups.bundles(records, Config())
    where = {}
    for n, b in enumerate(out):
        for i in b:
            assert i not in where
            where[i] = n
    assert sorted(where) == list(range(len(files)))
    for i, (_, wants) in enumerate(files):
        for j, (offers, _) in enumerate(files):
            if set(wants) & set(offers):
                assert where[i] == where[j]


_json = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                     lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=30)


@settings(max_examples=200, deadline=None)
@given(_json, st.sampled_from(["workflow", "trust-policy", "permissions-policy",
                               "task-definition", "service", "oidc-provider"]))
def test_a_record_of_any_shape_is_json(data, kind):
    record = groups.record_of([_doc(kind, data, "x.yml")], Config())
    assert json.loads(json.dumps(record)) == record


def test_the_facts_of_a_run_are_those_of_its_files():
    wf = _workflow(".github/workflows/a.yml", "arn:aws:iam::123456789012:role/r")
    td = _doc("task-definition", {"family": "f", "taskRoleArn": "arn:x"}, "ecs/td.json")
    trust = _doc("trust-policy", json.loads(textwrap.dedent("""
        {"Statement": [{"Effect": "Allow", "Action": "sts:AssumeRoleWithWebIdentity",
          "Principal": {"Federated": "arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com"},
          "Condition": {"StringLike": {"token.actions.githubusercontent.com:sub": "repo:Acme/App:*"}}}]}
    """)), "iam/trust.json")
    facts = groups.Facts()
    for docs in ([wf], [td], [trust]):
        facts.add(groups.record_of(docs, Config())[2])
    assert facts.branches == {"main"} and facts.taskdefs and facts.task_roles
    assert facts.repos == ["Acme/App"] and facts.default_audience
    assert any(p.endswith("a.yml") for p in facts.workflows)


def test_a_config_value_naming_itself_is_read_a_few_times_only():
    config = Config(github={"vars": {"A": "${{ vars.B }}-x", "B": "${{ vars.A }}"}})
    record = groups.record_of([_workflow(".github/workflows/a.yml", "${{ vars.A }}")], config)
    assert "ref:vars.b" in record[1]


def test_expressions_nested_deep_in_quotes_are_read_a_few_levels_only():
    text = "${{ '" * 3000 + "x" + "' }}" * 3000
    record = groups.record_of([_workflow(".github/workflows/a.yml", text)], Config())
    assert json.loads(json.dumps(record)) == record


# ---------------------------------------------------------------------------
# what a bundle needs from the rest of the run


def _repo(root, files: dict, config: str):
    for path, text in files.items():
        p = root / path
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text if isinstance(text, str) else json.dumps(text))
    (root / ".ecs-lint.yaml").write_text(textwrap.dedent(config))


def _apart_and_together(root, monkeypatch):
    """(rules found with each linked part in a bundle of its own, read again;
    rules found with one bundle of everything)."""
    from conftest import lint_folder
    from ecs_lint import runner

    together = sorted((f.rule, f.file) for f in lint_folder(root))
    monkeypatch.setattr(groups, "BUNDLE_FILES", 1)
    monkeypatch.setattr(runner, "KEEP_FILES", 0)
    apart = sorted((f.rule, f.file) for f in lint_folder(root))
    return apart, together


def _like(trust):
    cond = trust["Statement"][0]["Condition"]
    cond["StringLike"] = {k: v for k, v in cond.pop("StringEquals").items()}
    return trust


def test_an_unlinked_role_use_in_one_bundle_voids_broader_subs_in_another(tmp_path, monkeypatch):
    # workflow b assumes a role ecs-lint cannot resolve: it may be role a's,
    # so a's broad trust is not reported, though a and b are checked apart
    from conftest import oidc_trust, oidc_workflow

    files = {
        ".github/workflows/a.yml": textwrap.dedent(
            oidc_workflow("arn:aws:iam::123456789012:role/app-a")),
        "iam/a-trust.json": _like(oidc_trust("repo:acme/app:*")),
    }
    config = """\
        github: {repository: acme/app}
        roles:
          arn:aws:iam::123456789012:role/app-a: {trust: iam/a-trust.json}
    """
    _repo(tmp_path, files, config)
    apart, together = _apart_and_together(tmp_path, monkeypatch)
    assert apart == together
    assert ("xref-sub-broader-than-used", "iam/a-trust.json") in apart
    _repo(tmp_path, {".github/workflows/b.yml": textwrap.dedent(
        oidc_workflow("${{ steps.pick.outputs.role }}"))}, config)
    monkeypatch.undo()
    apart, together = _apart_and_together(tmp_path, monkeypatch)
    assert apart == together
    assert ("xref-sub-broader-than-used", "iam/a-trust.json") not in apart


def test_a_provider_is_checked_against_the_default_audience_of_another_bundle(
        tmp_path, monkeypatch):
    # workflow a asks for its own audience (in the provider's bundle), b for the
    # default one in a bundle of its own: the provider must list both
    from conftest import oidc_workflow

    custom = textwrap.dedent(oidc_workflow("arn:aws:iam::123456789012:role/app-a")).replace(
        "aws-region: eu-west-1", "aws-region: eu-west-1\n          audience: my-audience")
    files = {
        ".github/workflows/a.yml": custom,
        ".github/workflows/b.yml": textwrap.dedent(
            oidc_workflow("arn:aws:iam::123456789012:role/app-b")),
        "iam/provider.json": {"Url": "https://token.actions.githubusercontent.com",
                              "ClientIDList": ["my-audience"]},
    }
    _repo(tmp_path, files, "github: {repository: acme/app}\n")
    apart, together = _apart_and_together(tmp_path, monkeypatch)
    assert apart == together
    assert ("oidc-provider-audience-missing", "iam/provider.json") in apart
