"""Terraform `for_each` and `count`: a block whose instances are known is read
once per instance, with `each.key`/`each.value` (or `count.index`) bound, and
references to instances (`data.X.Y[each.key].json`, `aws_iam_role.r["k"].arn`)
resolve. An unknown collection keeps the single read with the names unknown."""
import json
import textwrap

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import lint_folder
from ecs_lint import terraform
from ecs_lint.values import Template

SUB = "token.actions.githubusercontent.com:sub"

TRUST = """
data "aws_iam_policy_document" "assume" {
  for_each = FOR_EACH
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = [SUB_VALUE]
    }
  }
}

resource "aws_iam_role" "r" {
  for_each           = FOR_EACH
  name               = "gha-${each.key}"
  assume_role_policy = data.aws_iam_policy_document.assume[each.key].json
}

resource "aws_iam_role_policy_attachment" "admin" {
  for_each   = FOR_EACH
  role       = aws_iam_role.r[each.key].name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
"""


def _module(tmp_path, for_each, sub='"repo:acme/${each.key}@${each.value}:pull_request"',
            extra=""):
    text = TRUST.replace("FOR_EACH", for_each).replace("SUB_VALUE", sub) + textwrap.dedent(extra)
    p = tmp_path / "main.tf"
    p.write_text(text)
    terraform._MODULES.clear()
    return terraform.extract(str(p), text)


def _trusts(docs):
    return {d.name: d for d in docs if d.kind == "trust-policy"}


def _sub(doc):
    return doc.data["Statement"][0]["Condition"]["StringEquals"][SUB]


def test_for_each_map_reads_one_instance_per_key(tmp_path):
    docs = _module(tmp_path, 'var.repos', extra="""
        variable "repos" {
          default = { api = "11", web = "22" }
        }
    """)
    trusts = _trusts(docs)
    api = trusts['data.aws_iam_policy_document.assume["api"]']
    web = trusts['data.aws_iam_policy_document.assume["web"]']
    assert _sub(api) == ["repo:acme/api@11:pull_request"]
    assert _sub(web) == ["repo:acme/web@22:pull_request"]
    # each instance's document is its role's trust: name, address and the
    # attachment made through `aws_iam_role.r[each.key].name`
    assert api.context["role_name"] == "gha-api"
    assert api.context["role_ref"] == 'aws_iam_role.r["api"]'
    assert api.context["unread_policies"] == ["arn:aws:iam::aws:policy/AdministratorAccess"]
    # positions are the block's own lines
    assert api.span(("Statement", 0, "Condition", "StringEquals", SUB)).line == 18


def test_for_each_set_local_and_count(tmp_path):
    docs = _module(tmp_path, "toset(local.repos)",
                   sub='"repo:acme/${each.value}:ref:refs/heads/main"', extra="""
        locals {
          repos = ["api", "web", "api"]
        }

        resource "aws_iam_role" "c" {
          count = 2
          name  = "c-${count.index}"
          assume_role_policy = jsonencode({
            Version = "2012-10-17"
            Statement = [{ Effect = "Allow", Action = "sts:AssumeRoleWithWebIdentity",
              Principal = { Federated = aws_iam_role.r["web"].arn } }]
          })
        }
    """)
    trusts = _trusts(docs)
    assert sorted(trusts) == ['aws_iam_role.c[0]', 'aws_iam_role.c[1]',
                              'data.aws_iam_policy_document.assume["api"]',
                              'data.aws_iam_policy_document.assume["web"]']
    assert _sub(trusts['data.aws_iam_policy_document.assume["web"]']) == [
        "repo:acme/web:ref:refs/heads/main"]
    c1 = trusts["aws_iam_role.c[1]"]
    assert c1.context["role_name"] == "c-1"
    fed = c1.data["Statement"][0]["Principal"]["Federated"]
    assert isinstance(fed, Template) and str(fed).endswith(":role/gha-web")


def test_unknown_collection_keeps_the_single_read(tmp_path):
    """A variable without default, a list of non-strings, a count of a bool:
    read once as before, each.key unknown. (An empty map and a count of 0
    create nothing: see test_terraform's no-instance test.)"""
    for for_each in ("var.nothing", "[1, 2]", '"api"', "[var.nothing]",
                     "local.missing"):
        docs = _module(tmp_path, for_each, extra='variable "nothing" {}\n')
        trusts = _trusts(docs)
        assert sorted(trusts) == ["aws_iam_role.r", "data.aws_iam_policy_document.assume"], \
            for_each
        doc = trusts["data.aws_iam_policy_document.assume"]
        assert "each.key" in str(_sub(doc)[0])
        assert "role_ref" not in doc.context  # the role's reference stays unresolved
    for count in ("true", "-1", "var.nothing", "1.5"):
        p = tmp_path / "main.tf"
        text = f'variable "nothing" {{}}\nresource "aws_iam_role" "c" {{\n  count = {count}\n' \
               '  name = "c-${count.index}"\n  assume_role_policy = "{}"\n}\n'
        p.write_text(text)
        terraform._MODULES.clear()
        names = [r for r in terraform.extract(str(p), text) if r.kind == "trust-policy"]
        assert [d.name for d in names] == ["aws_iam_role.c"], count
    for empty in ("{}", "[]"):
        docs = _module(tmp_path, empty, extra='variable "nothing" {}\n')
        assert _trusts(docs) == {}, empty


def test_instances_are_capped(tmp_path):
    cap = terraform.MAX_INSTANCES
    for n, want in ((cap, cap), (cap + 1, 2)):  # over the cap: the role too, as before
        keys = ", ".join(f'"k{i}" = "{i}"' for i in range(n))
        docs = _module(tmp_path, "local.m", extra=f"locals {{\n  m = {{ {keys} }}\n}}\n")
        assert len(_trusts(docs)) == want
        assert ('data.aws_iam_policy_document.assume["k0"]' in _trusts(docs)) == (n == cap)


def test_odd_keys_make_addresses_that_resolve(tmp_path):
    """Keys with quotes, brackets, dots and newlines: the instance address is
    quoted as JSON and `data.X.Y[each.key].json` still finds its instance."""
    docs = _module(tmp_path, "local.m", extra=r"""
        locals {
          m = { "a\"]b" = "1", "x.y" = "2", "n\nl" = "3", "*" = "4" }
        }
    """)
    trusts = _trusts(docs)
    for key in ('a"]b', "x.y", "n\nl", "*"):
        doc = trusts["data.aws_iam_policy_document.assume[%s]" % json.dumps(key)]
        assert doc.context["role_ref"] == "aws_iam_role.r[%s]" % json.dumps(key)


def test_self_referencing_for_each_does_not_loop(tmp_path):
    text = textwrap.dedent("""
        resource "aws_iam_role" "r" {
          for_each = aws_iam_role.r["a"].tags
          name     = "r-${each.key}"
          tags     = { a = "1" }
          assume_role_policy = "{}"
        }
        resource "aws_iam_role" "s" {
          count = length(aws_iam_role.s)
          name  = "s"
          assume_role_policy = "{}"
        }
    """)
    p = tmp_path / "main.tf"
    p.write_text(text)
    terraform._MODULES.clear()
    names = sorted(d.name for d in terraform.extract(str(p), text) if d.kind == "trust-policy")
    assert names == ["aws_iam_role.r", "aws_iam_role.s"]


_CHARS = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="$%")


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(keys=st.dictionaries(st.text(_CHARS, max_size=6),
                            st.one_of(st.text(_CHARS, max_size=4), st.integers()), max_size=5))
def test_any_known_map_gives_one_resolved_instance_per_key(tmp_path, keys):
    body = ", ".join(f"{json.dumps(k, ensure_ascii=False)} = {json.dumps(v, ensure_ascii=False)}"
                     for k, v in keys.items())
    docs = _module(tmp_path, "local.m", extra=f"locals {{\n  m = {{ {body} }}\n}}\n")
    trusts = _trusts(docs)
    if not keys:  # an empty map: no instance, nothing created
        assert trusts == {}
        return
    assert len(trusts) == len(keys)
    for k, v in keys.items():
        doc = trusts["data.aws_iam_policy_document.assume[%s]"
                     % json.dumps(k, ensure_ascii=False)]
        assert str(_sub(doc)[0]) == f"repo:acme/{k}@{v}:pull_request"
        assert doc.context["role_name"] == f"gha-{k}"


def test_same_document_in_every_instance_gives_one_finding(tmp_path):
    _module(tmp_path, 'toset(["a", "b", "c"])', sub='"repo:acme/app:pull_request"')
    found = [(f.rule, f.line) for f in lint_folder(tmp_path)
             if f.rule == "trust-sub-pull-request"]
    assert found == [("trust-sub-pull-request", 18)]


def test_each_instance_document_is_linted(tmp_path):
    """w/06: the plan role's trust admits the pull_request sub of its repository."""
    _module(tmp_path, "var.repos", sub='"repo:acme/${each.key}:${each.value}"', extra="""
        variable "repos" {
          default = { api = "pull_request", web = "ref:refs/heads/main" }
        }
    """)
    found = [f for f in lint_folder(tmp_path) if f.rule == "trust-sub-pull-request"]
    assert len(found) == 1 and "repo:acme/api:pull_request" in found[0].message
