"""Terraform evaluation found missing by the ds cases: flatten(), `for`
expressions that build maps (with `if` and `...`), comparisons with null,
`for_each` attachments whose `policy_arn = each.value`, and trust subs that
stay partly unresolved in the cross-file sub checks."""
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import lint_folder
from ecs_lint import terraform
from ecs_lint.loader import LoadError
from ecs_lint.values import Template, Unknown, make_template

SUB = "token.actions.githubusercontent.com:sub"


def write(folder, name, text):
    p = folder / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(textwrap.dedent(text))
    return p


def local_value(tmp_path, expr, tfvars=""):
    """The value of `local.x = expr` in a module with a few variables."""
    terraform._MODULES.clear()
    path = write(tmp_path, "main.tf", '''
        variable "unknown" {}
        variable "envs" {
          type = map(object({
            cluster            = string
            github_environment = optional(string)
          }))
          default = {
            dev     = { cluster = "c-dev" }
            staging = { cluster = "c-staging", github_environment = "staging" }
          }
        }
        variable "repos" {
          default = ["*"]
        }
        locals {
          m = { for name, env in var.envs : name => env.cluster }
        }
        ''' + f"locals {{\n  x = {expr}\n}}\n")
    if tfvars:
        write(tmp_path, "terraform.tfvars", tfvars)
    mod, _ = terraform.load_module(str(path), path.read_text())
    return terraform.Evaluator(mod, mod.files[-1]).local("x")


def is_unknown(v):
    return isinstance(v, Template) and all(not isinstance(p, str) for p in v.parts)


# -- flatten() -------------------------------------------------------------------

@pytest.mark.parametrize("expr, expected", [
    ('flatten([["a"], ["b"]])', ["a", "b"]),
    ('flatten([[["a"]], "b", [], [["c", ["d"]]]])', ["a", "b", "c", "d"]),
    ('flatten([])', []),
    ('flatten([{ k = "v" }, ["w"]])', [{"k": "v"}, "w"]),  # a map stays one element
    ('flatten([for r in var.repos : formatlist("repo:o/%s:ref:refs/heads/%s", r, ["main"])])',
     ["repo:o/*:ref:refs/heads/main"]),
])
def test_flatten(tmp_path, expr, expected):
    assert local_value(tmp_path, expr) == expected


@pytest.mark.parametrize("expr", ['flatten("a")', "flatten(var.unknown)", "flatten()",
                                  'flatten(["a"], ["b"])', "flatten({ a = [1] })"])
def test_flatten_of_what_is_not_a_known_list_stays_unknown(tmp_path, expr):
    assert is_unknown(local_value(tmp_path, expr))


def test_flatten_keeps_an_unknown_list_as_an_unknown_element(tmp_path):
    got = local_value(tmp_path, 'flatten([["a"], var.unknown])')
    assert got[0] == "a" and len(got) == 2 and is_unknown(got[1])


_NESTED = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=3),
                                 st.builds(lambda: Template((Unknown("u"),)))),
                       lambda inner: st.one_of(st.lists(inner, max_size=4),
                                               st.dictionaries(st.text(max_size=2), inner,
                                                               max_size=2)),
                       max_leaves=30)


@settings(max_examples=200, deadline=None)
@given(st.lists(_NESTED, max_size=5))
def test_flatten_never_leaves_a_list_and_keeps_every_leaf(value):
    got = terraform._flatten(value)

    def leaves(v):
        return [x for e in v for x in leaves(e)] if isinstance(v, list) else [v]
    assert not any(isinstance(x, list) for x in got)
    assert got == leaves(value)


def test_flatten_of_very_deep_lists_does_not_recurse():
    deep = ["a"]
    for _ in range(5000):
        deep = [deep, "b"]
    got = terraform._flatten(deep)
    assert got[0] == "a" and len(got) == 5001


# -- for expressions that build maps -----------------------------------------------

@pytest.mark.parametrize("expr, expected", [
    ('{ for k, v in { b = "2", a = "1" } : k => upper(v) }', {"a": "1", "b": "2"}),
    ('{ for s in ["x", "y"] : s => "repo:o/r:${s}" }', {"x": "repo:o/r:x", "y": "repo:o/r:y"}),
    ('{ for i, s in ["x", "y"] : s => i }', {"x": 0, "y": 1}),
    ('{ for i, s in ["x", "y"] : i => s }', {"0": "x", "1": "y"}),  # a number key is text
    ('{ for k, v in { a = 1, b = 2, c = 3 } : k => v if v != 2 }', {"a": 1, "c": 3}),
    ('{ for k, v in { x = "a", y = "b", z = "a" } : v => k... }',
     {"a": ["x", "z"], "b": ["y"]}),
    ('{ for name, env in var.envs : name => env.github_environment != null'
     ' ? "environment:${env.github_environment}" : "*" }',
     {"dev": "*", "staging": "environment:staging"}),
    ('local.m["staging"]', "c-staging"),
    ('[for name, env in var.envs : name if env.github_environment == null]', ["dev"]),
    ('[for s in ["a", "b"] : s if s != "b"]', ["a"]),
    ('[for k, v in { b = 1, a = 2 } : k]', ["a", "b"]),  # a map in key order, as Terraform
])
def test_for_expressions_build_maps_and_filter(tmp_path, expr, expected):
    assert local_value(tmp_path, expr) == expected


@pytest.mark.parametrize("expr", [
    '{ for s in ["a", "a"] : s => 1 }',  # a duplicate key without `...`: an error
    '{ for s in ["a"] : var.unknown => s }',  # a key not known
    '{ for s in ["a"] : [s] => s }',  # a key that is no string
    '{ for s in var.unknown : s => s }',  # a collection not known
    '{ for s in ["a"] : s => s if var.unknown }',  # a condition not known
    '{ for s in ["a"] : s => s if "yes" }',  # a condition that is no bool
    '[for s in ["a"] : s if var.unknown == "a"]',
    'local.m["nowhere"]',
])
def test_for_expressions_not_known_stay_unknown(tmp_path, expr):
    assert is_unknown(local_value(tmp_path, expr))


@pytest.mark.parametrize("expr, expected", [
    ("null == null", True), ("null != null", False), ('"a" == null', False),
    ('"a" != null', True), ("[] == null", False), ("{} != null", True),
    ("var.unknown == null", None), ("null != var.unknown", None),
])
def test_comparison_with_null(tmp_path, expr, expected):
    got = local_value(tmp_path, expr)
    assert is_unknown(got) if expected is None else got is expected


_ODD = ['null', '1', '1.5', 'true', '"s"', '[]', '{}', '["a", 1, null]', '{ a = [1], b = null }',
        '[[["a"]]]', 'var.unknown', 'var.envs', 'local.m', '[for x in [1] : x]',
        '{ for k, v in var.envs : k => v }', 'flatten([[1], [[2]]])', '-1']


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.sampled_from(_ODD), st.sampled_from(_ODD), st.sampled_from(_ODD),
       st.sampled_from(_ODD), st.booleans(), st.sampled_from(["", " if COND", " if k == v"]))
def test_odd_for_expressions_never_crash(tmp_path_factory, coll, key, value, cond, group,
                                          where):
    where = where.replace("COND", cond)
    exprs = [f'{{ for k, v in {coll} : {key} => {value}{"..." if group else ""}{where} }}',
             f'[for k, v in {coll} : {value}{where}]',
             f'flatten({coll})', f'flatten([{coll}, {value}])', f'{key} == {value}',
             f'{key} != null ? {value} : {cond}']
    tmp = tmp_path_factory.mktemp("odd")
    for expr in exprs:
        try:
            local_value(tmp, expr)
        except LoadError:
            pass


def test_deeply_nested_flatten_text_is_a_value_or_a_load_error(tmp_path):
    expr = "flatten(" + "[" * 200 + '"a"' + "]" * 200 + ")"
    try:
        got = local_value(tmp_path, expr)
    except LoadError:
        return
    # a nesting too deep to evaluate leaves that part unknown
    assert is_unknown(got) or all(x == "a" or is_unknown(x) for x in got)


# -- the cases, end to end ----------------------------------------------------------

TRUST = '''
    data "aws_iam_policy_document" "trust" {
      %(for_each)s
      statement {
        actions = ["sts:AssumeRoleWithWebIdentity"]
        principals {
          type        = "Federated"
          identifiers = [
            "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"]
        }
        condition {
          test     = "StringEquals"
          variable = "token.actions.githubusercontent.com:aud"
          values   = ["sts.amazonaws.com"]
        }
        condition {
          test     = "StringLike"
          variable = "token.actions.githubusercontent.com:sub"
          values   = %(values)s
        }
      }
    }
    '''

WORKFLOW = '''
    on:
      push:
        branches: [main]
    permissions:
      id-token: write
      contents: read
    jobs:
      deploy:
        runs-on: ubuntu-latest
        %(environment)s
        steps:
          - uses: aws-actions/configure-aws-credentials@v4
            with:
              role-to-assume: arn:aws:iam::111122223333:role/%(role)s
              aws-region: us-east-1
    '''


def repo(tmp_path, tf, role="deploy", environment=""):
    terraform._MODULES.clear()
    write(tmp_path, ".ecs-lint.yaml", "github:\n  repository: acme/app\n  owners: [acme]\n")
    write(tmp_path, "infra/main.tf", tf)
    write(tmp_path, ".github/workflows/deploy.yml",
          WORKFLOW % {"role": role, "environment": environment})
    return lint_folder(tmp_path)


def rules(found):
    return {f.rule for f in found}


ORG_PUSH = TRUST % {"for_each": "", "values": "local.subjects"} + '''
    variable "repos" {
      default = ["*"]
    }
    locals {
      subjects = flatten([
        for r in var.repos : formatlist("repo:acme/%s:ref:refs/heads/%s", r, ["main"])
      ])
    }
    resource "aws_iam_role" "deploy" {
      name               = "deploy"
      assume_role_policy = data.aws_iam_policy_document.trust.json
    }
    '''


def test_flatten_formatlist_trust_admits_every_repository(tmp_path):
    found = rules(repo(tmp_path, ORG_PUSH))
    assert "trust-sub-any-repo" in found and "xref-sub-broader-than-used" in found


def test_flatten_formatlist_trust_of_the_one_repository_is_quiet(tmp_path):
    found = rules(repo(tmp_path, ORG_PUSH.replace('default = ["*"]', 'default = ["app"]')))
    assert not found & {"trust-sub-any-repo", "xref-sub-broader-than-used",
                        "xref-sub-not-admitted"}, found


PER_ENV = TRUST % {"for_each": "for_each = var.envs",
                   "values": '["repo:acme/app:${local.context[each.key]}"]'} + '''
    variable "envs" {
      type = map(object({ github_environment = optional(string) }))
      default = {
        dev  = {}
        prod = { github_environment = "prod" }
      }
    }
    locals {
      context = {
        for name, env in var.envs :
        name => env.github_environment != null ? "environment:${env.github_environment}" : "*"
      }
    }
    resource "aws_iam_role" "deploy" {
      for_each           = var.envs
      name               = "deploy-${each.key}"
      assume_role_policy = data.aws_iam_policy_document.trust[each.key].json
    }
    '''


def test_map_for_expression_indexed_by_each_key_gives_each_role_its_sub(tmp_path):
    found = rules(repo(tmp_path, PER_ENV, "deploy-dev", "environment: dev"))
    assert "trust-sub-any-context" in found and "xref-sub-broader-than-used" in found
    assert "xref-sub-not-admitted" not in found


def test_map_for_expression_with_every_environment_set_is_quiet(tmp_path):
    tf = PER_ENV.replace("dev  = {}", 'dev  = { github_environment = "dev" }')
    found = rules(repo(tmp_path, tf, "deploy-dev", "environment: dev"))
    assert not found & {"trust-sub-any-context", "xref-sub-broader-than-used",
                        "xref-sub-not-admitted"}, found


# a sub that stays partly unresolved: replace() is not evaluated
UNRESOLVED = TRUST % {"for_each": "", "values": '["repo:acme/app:%s"]'} + '''
    resource "aws_iam_role" "deploy" {
      name               = "deploy"
      assume_role_policy = data.aws_iam_policy_document.trust.json
    }
    '''


def test_an_unresolved_part_of_a_sub_may_hold_the_job_context(tmp_path):
    # the hole may be `environment:dev`: unknown, so no 401 is predicted
    tf = UNRESOLVED % '${replace("environment:dev", "x", "y")}'
    found = rules(repo(tmp_path, tf, "deploy", "environment: dev"))
    assert "xref-sub-not-admitted" not in found, found


def test_the_value_really_stays_unresolved(tmp_path):
    got = local_value(tmp_path, '"repo:acme/app:${replace("environment:dev", "x", "y")}"')
    assert isinstance(got, Template) and got.parts[0] == "repo:acme/app:" and got.unknowns


def test_an_unresolved_part_after_known_text_that_refuses_still_refuses(tmp_path):
    # `ref:refs/heads/...` never gives `environment:dev`, whatever the hole holds
    tf = UNRESOLVED % 'ref:refs/heads/${replace("main", "x", "y")}'
    found = rules(repo(tmp_path, tf, "deploy", "environment: dev"))
    assert "xref-sub-not-admitted" in found, found


_PART = st.one_of(st.text(alphabet="ab:/", max_size=4),
                  st.builds(Unknown, st.sampled_from(["h1", "h2"])))


@settings(max_examples=200, deadline=None)
@given(st.lists(_PART, min_size=1, max_size=4), st.sampled_from(
    ["StringEquals", "StringLike", "StringNotEquals", "StringNotLike",
     "StringEqualsIgnoreCase", "ForAnyValue:StringLike"]),
    st.text(alphabet="ab:/-", max_size=6))
def test_a_sub_with_holes_is_admitted_whatever_the_holes_hold(parts, op, fill):
    from ecs_lint import subjects as S
    from ecs_lint.rules import xref

    value = make_template(parts)
    policy = {"Statement": [{
        "Effect": "Allow", "Action": "sts:AssumeRoleWithWebIdentity",
        "Principal": {"Federated": "arn:aws:iam::1:oidc-provider/"
                                   "token.actions.githubusercontent.com"},
        "Condition": {op: {SUB: [value]}}}]}
    lang, _ = xref._admitted_language(S, policy)
    sub = "".join(p if isinstance(p, str) else fill for p in parts)
    if "Not" not in op:
        assert S.matches(lang, sub)


# -- for_each attachments ------------------------------------------------------------

ATTACH = '''
    resource "aws_iam_role" "deploy" {
      name               = "deploy"
      assume_role_policy = "{}"
    }
    resource "aws_iam_policy" "ecr" {
      name   = "ecr"
      policy = jsonencode({ Version = "2012-10-17", Statement = [] })
    }
    resource "aws_iam_policy" "ecs" {
      name   = "ecs"
      policy = jsonencode({ Version = "2012-10-17", Statement = [] })
    }
    locals {
      policy_arns = {
        ecr = aws_iam_policy.ecr.arn
        ecs = aws_iam_policy.ecs.arn
      }
    }
    variable "unknown" {}
    resource "aws_iam_role_policy_attachment" "deploy" {
      for_each   = %s
      role       = aws_iam_role.deploy.name
      policy_arn = each.value
    }
    '''


def roles_of_policies(tmp_path, for_each):
    terraform._MODULES.clear()
    p = write(tmp_path, "main.tf", ATTACH % for_each)
    docs = terraform.extract(str(p), p.read_text())
    return {d.name: d.context.get("roles") for d in docs if d.kind == "permissions-policy"}


@pytest.mark.parametrize("for_each", [
    "{\n    ecr = aws_iam_policy.ecr.arn\n    ecs = aws_iam_policy.ecs.arn\n  }",
    "local.policy_arns",
])
def test_for_each_attachment_links_each_policy_to_the_role(tmp_path, for_each):
    assert roles_of_policies(tmp_path, for_each) == {
        "aws_iam_policy.ecr": ["aws_iam_role.deploy"],
        "aws_iam_policy.ecs": ["aws_iam_role.deploy"]}


def test_for_each_attachment_links_only_the_policies_it_names(tmp_path):
    assert roles_of_policies(tmp_path, "{ ecr = aws_iam_policy.ecr.arn }") == {
        "aws_iam_policy.ecr": ["aws_iam_role.deploy"], "aws_iam_policy.ecs": []}


def test_for_each_attachment_over_an_unknown_map_links_nothing(tmp_path):
    assert roles_of_policies(tmp_path, "var.unknown") == {
        "aws_iam_policy.ecr": [], "aws_iam_policy.ecs": []}
