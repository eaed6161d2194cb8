"""Crashes found by mutation fuzzing (audit-fuzz): each input is a small
reduction of a mutant that made ecs-lint report an internal-error, a traceback
or a wrong exit code. Bad input must give findings or a parse-error, never a
crash."""
import json
import textwrap

from ecs_lint.config import Config
from ecs_lint.runner import Options, collect, lint


def _findings(path):
    return lint(collect([str(path)], Config(), []), Options()).findings


def _crashes(path):
    return [f.message for f in _findings(path) if f.rule == "internal-error"]


def test_cloudformation_policy_roles_that_are_not_names(tmp_path):
    # Roles: [{Foo: bar}] / RoleName: [a] are not role names: they used to be kept
    # as roles and looked up in a dict (unhashable type: 'dict' / 'list')
    p = tmp_path / "t.yaml"
    p.write_text(textwrap.dedent("""\
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              ManagedPolicyArns: [arn:aws:iam::aws:policy/AmazonECS_FullAccess]
              AssumeRolePolicyDocument: {Statement: []}
          P:
            Type: AWS::IAM::Policy
            Properties:
              PolicyName: p
              Roles: [{Foo: bar}, !Ref Role]
              PolicyDocument: {Version: '2012-10-17', Statement: [{Effect: Allow, Action: 'ecs:UpdateService', Resource: '*'}]}
          Q:
            Type: AWS::IAM::RolePolicy
            Properties:
              PolicyName: q
              RoleName: [a]
              PolicyDocument: {Version: '2012-10-17', Statement: [{Effect: Allow, Action: 'ecs:UpdateService', Resource: '*'}]}
        """))
    assert _crashes(p) == []
    assert any(f.rule == "policy-iam-lint" for f in _findings(p))


def test_cloudformation_ref_to_resource_whose_type_is_a_list(tmp_path):
    # `!Ref X` where X's Type is a list: the type was looked up in a dict
    # (unhashable type: 'list')
    p = tmp_path / "t.yaml"
    p.write_text(textwrap.dedent("""\
        Resources:
          X:
            Type: [AWS::IAM::Role]
          P:
            Type: AWS::IAM::Policy
            Properties:
              PolicyName: p
              Roles: [!Ref X]
              PolicyDocument: {Version: '2012-10-17', Statement: [{Effect: Allow, Action: 'ecs:UpdateService', Resource: '*'}]}
        """))
    assert _crashes(p) == []
    assert any(f.rule == "policy-iam-lint" for f in _findings(p))


def test_cloudformation_properties_that_resolve_to_no_mapping(tmp_path):
    # Properties: !Sub "x" or {Ref: AWS::NoValue}: resolved to a string / the
    # no-value marker, then read with .get ('str' object has no attribute 'get')
    for props in ('!Sub "x"', "{Ref: AWS::NoValue}", "!If [C, x, y]"):
        p = tmp_path / "t.yaml"
        p.write_text(textwrap.dedent(f"""\
            Conditions:
              C: !Equals [a, a]
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties: {props}
              Repo:
                Type: AWS::ECR::Repository
                Properties: {props}
              P:
                Type: AWS::IAM::Policy
                Properties:
                  PolicyName: p
                  Roles: [!Ref Role]
                  PolicyDocument: {{Version: '2012-10-17', Statement: [{{Effect: Allow, Action: 'ecs:UpdateService', Resource: '*'}}]}}
            """))
        assert _crashes(p) == [], props
        assert any(f.rule == "policy-iam-lint" for f in _findings(p))


def _nested(levels):
    """A permissions policy whose Resource nests arrays so that the whole
    document is `levels` deep."""
    inner = "[" * (levels - 3) + '"x"' + "]" * (levels - 3)
    return ('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", '
            '"Action": "ecs:RegisterTaskDefinition", "Resource": ' + inner + '}]}')


def test_json_nested_deeper_than_the_limit_is_a_parse_error(tmp_path):
    # README: nesting deeper than 500 levels is a parse-error with a line and
    # column. JSON was read as deep as Python's recursion limit allowed (about
    # 1000) and the policy checks then failed with RecursionError.
    p = tmp_path / "deep.json"
    p.write_text(_nested(501))
    found = _findings(p)
    assert [f.rule for f in found] == ["parse-error"], [f.message for f in found]
    assert "500 levels" in found[0].message
    assert (found[0].span.line, found[0].span.column) == (1, p.read_text().index("[" * 498) + 498)
    p.write_text(_nested(500))
    assert "parse-error" not in [f.rule for f in _findings(p)]


def test_documents_nested_up_to_the_limit_are_read_and_checked(tmp_path):
    # 500 levels are allowed (README), but reading YAML and checking policies
    # walk documents recursively, two or three frames a level: with Python's
    # default recursion limit (1000) a 400-level workflow was a parse-error
    # 'nested too deeply to read' and a 500-level policy an internal-error.
    p = tmp_path / "policy.json"
    p.write_text(_nested(500))
    found = _findings(p)
    assert {f.rule for f in found} & {"parse-error", "internal-error"} == set(), \
        [f.message for f in found]
    wf = tmp_path / ".github" / "workflows" / "deep.yml"
    wf.parent.mkdir(parents=True)
    wf.write_text("on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n"
                  "        with: " + "[" * 400 + "x" + "]" * 400 + "\n")
    found = _findings(wf)
    assert {f.rule for f in found} & {"parse-error", "internal-error"} == set(), \
        [f.message for f in found]


def test_yaml_nested_deeper_than_the_limit_without_brackets_is_a_parse_error():
    # block mappings nest without a bracket, aliases nest what they name: both
    # are held to the 500 levels too, not only to what the recursion limit allows
    import pytest
    from ecs_lint.loader import LoadError, load_yaml

    text = "".join("  " * i + f"k{i}:\n" for i in range(520)) + "  " * 520 + "v: 1\n"
    with pytest.raises(LoadError) as e:
        load_yaml(text)
    assert (e.value.line, e.value.column) == (501, 1001)
    chain = ["a0: &a0 " + "[" * 300 + "x" + "]" * 300]
    chain += [f"a{i}: &a{i} " + "[" * 300 + f"*a{i - 1}" + "]" * 300 for i in range(1, 5)]
    with pytest.raises(LoadError) as e:
        load_yaml("\n".join(chain) + "\n")
    assert "500 levels" in e.value.message
    assert load_yaml("\n".join(chain[:1]) + "\n")[0].data


def test_json_inside_documents_is_held_to_the_nesting_limit(tmp_path):
    # a policy written as a JSON string (CloudFormation), a heredoc or a
    # jsondecode() argument (Terraform) was parsed without the 500-level limit,
    # and the policy checks failed with RecursionError on a 3000-level one
    inner = "[" * 3000 + '"x"' + "]" * 3000
    pol = ('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", '
           '"Action": "ecs:RegisterTaskDefinition", "Resource": ' + inner + '}]}')
    cfn = tmp_path / "t.yaml"
    cfn.write_text("Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n"
                   "      PolicyDocument: " + json.dumps(pol) + "\n")
    tf = tmp_path / "heredoc" / "main.tf"
    tf.parent.mkdir()
    tf.write_text('resource "aws_iam_policy" "p" {\n  policy = <<EOF\n' + pol + '\nEOF\n}\n')
    tf2 = tmp_path / "decode" / "main.tf"
    tf2.parent.mkdir()
    tf2.write_text('resource "aws_iam_policy" "p" {\n  policy = jsonencode({Version = "2012-10-17", '
                   'Statement = [{Effect = "Allow", Action = "s3:GetObject", Resource = jsondecode("'
                   + inner.replace('"', '\\"') + '")}]})\n}\n')
    for p in (cfn, tf, tf2):
        assert _crashes(p) == [], p


def test_oidc_provider_url_with_a_line_break(tmp_path):
    # the URL pattern did not match across a line break and its match was used
    # unchecked ('NoneType' object has no attribute 'group')
    p = tmp_path / "provider.json"
    p.write_text(json.dumps({"Url": "https://token.actions.githubusercontent.com/a\nb",
                             "ClientIDList": ["sts.amazonaws.com"]}))
    assert _crashes(p) == []


def test_json_number_too_long_for_python_is_a_located_parse_error(tmp_path):
    # valid JSON, but Python's int() refuses more than 4300 digits: the
    # parse-error said 'use sys.set_int_max_str_digits()' at 1:1
    p = tmp_path / "p.json"
    p.write_text('{"Version": "2012-10-17",\n "Statement": [{"Sid": ' + "9" * 5000 + "}]}")
    found = _findings(p)
    assert [(f.rule, f.span.line, f.span.column) for f in found] == [("parse-error", 2, 24)]
    assert "4300 digits" in found[0].message and "sys." not in found[0].message


def test_config_pattern_that_gitignore_refuses_is_a_config_error(tmp_path):
    # exclude: ["\\"] or an ignore path "!" made pathspec raise while the files
    # were collected: a traceback and exit code 1 instead of a config error (2)
    from conftest import FIXTURES, run_cli

    for cfg in ('exclude: ["\\\\"]\n', 'ignore:\n  - path: "!"\n    rules: [trust-]\n'):
        (tmp_path / ".ecs-lint.yaml").write_text(cfg)
        r = run_cli("--no-cache", "--config", str(tmp_path / ".ecs-lint.yaml"),
                    str(FIXTURES / "article" / "iam" / "trust.json"))
        assert r.returncode == 2, (cfg, r.stderr)
        assert "Traceback" not in r.stderr
        assert r.stderr.startswith("ecs-lint: error: config: ") and "pattern" in r.stderr
        assert len(r.stderr.strip().splitlines()) == 1


# -- the same, over a large input space ------------------------------------------------

from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

_scalar = st.one_of(st.none(), st.booleans(), st.integers(-3, 300), st.text(max_size=8),
                    st.sampled_from(["Role", "AWS::NoValue", "AWS::IAM::Role", "deploy", "*"]))
_junk = st.recursive(
    _scalar,
    lambda c: st.one_of(
        st.lists(c, max_size=3),
        st.dictionaries(st.sampled_from(["Ref", "Fn::Sub", "Fn::If", "Fn::GetAtt", "Fn::Join",
                                         "Fn::ImportValue", "a", "Type"]), c, max_size=2)),
    max_leaves=5)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(role_type=_junk, role_props=_junk, roles=_junk, role_name=_junk, managed=_junk,
       props=_junk)
def test_cloudformation_iam_resources_of_any_shape(tmp_path, role_type, role_props, roles,
                                                   role_name, managed, props):
    doc = {"Version": "2012-10-17",
           "Statement": [{"Effect": "Allow", "Action": "ecs:UpdateService", "Resource": "*"}]}
    template = {"Resources": {
        "Role": {"Type": role_type, "Properties": role_props},
        "Role2": {"Type": "AWS::IAM::Role",
                  "Properties": {"ManagedPolicyArns": managed, "RoleName": role_name,
                                 "PermissionsBoundary": props.get("Ref", managed)
                                 if isinstance(props, dict) else managed}},
        "Pol": {"Type": "AWS::IAM::Policy",
                "Properties": {"PolicyName": "p", "Roles": roles, "PolicyDocument": doc}},
        "Inline": {"Type": "AWS::IAM::RolePolicy",
                   "Properties": {"PolicyName": "q", "RoleName": role_name, "PolicyDocument": doc}},
        "Other": {"Type": "AWS::IAM::ManagedPolicy", "Properties": props},
    }}
    p = tmp_path / "t.json"
    p.write_text(json.dumps(template))
    assert _crashes(p) == []


def test_get_att_of_a_resource_whose_type_is_a_list(tmp_path):
    # found by the test above in CI: `Type: []` reached a dict lookup (unhashable)
    p = tmp_path / "t.json"
    p.write_text(json.dumps({"Resources": {
        "Role": {"Type": [], "Properties": None},
        "Other": {"Type": "AWS::IAM::ManagedPolicy",
                  "Properties": {"Fn::GetAtt": ["Role", None]}}}}))
    assert _crashes(p) == []


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(url=st.text(alphabet=st.sampled_from("htps:/?#\n\r\t .-aAcom\u00e9"), max_size=40))
def test_oidc_provider_url_of_any_text(tmp_path, url):
    p = tmp_path / "provider.json"
    p.write_text(json.dumps({"Url": url, "ClientIDList": ["sts.amazonaws.com"]}))
    assert _crashes(p) == []


def test_list_option_with_items_that_are_not_strings_is_a_config_error(tmp_path):
    # policy-iam-lint's ignore-issues: [[a]] passed the config check and the
    # rule then failed building a set of it (unhashable type: 'list')
    from conftest import FIXTURES, run_cli

    cfg = tmp_path / ".ecs-lint.yaml"
    cfg.write_text("rules:\n  policy-iam-lint: {ignore-issues: [RESOURCE_STAR, [a]]}\n")
    r = run_cli("--no-cache", "--config", str(cfg),
                str(FIXTURES / "article" / "iam" / "deploy-policy.json"))
    assert r.returncode == 2, r.stdout
    assert "internal-error" not in r.stdout
    assert r.stderr.startswith("ecs-lint: error: config: ") and "list of strings" in r.stderr


def test_service_percent_too_large_for_float_arithmetic(tmp_path):
    # maximumPercent 1e308 is a whole number at least 100, and desiredCount *
    # 1e308 / 100 overflowed to infinity: 'cannot convert float infinity to integer'
    p = tmp_path / "service.json"
    for hi, expect in ((1e308, []), (100, ["service-deployment-blocked"])):
        p.write_text(json.dumps({"serviceName": "s", "desiredCount": 3,
                                 "deploymentConfiguration": {"maximumPercent": hi,
                                                             "minimumHealthyPercent": 100}}))
        found = _findings(p)
        assert [f.rule for f in found if f.rule in ("internal-error", "service-deployment-blocked")] \
            == expect, [f.message for f in found]


def test_service_numbers_too_large_for_a_float(tmp_path):
    # float(2**1100) overflows: the whole-number test of the percentages and the
    # printing of a grace period made OverflowError (internal-error)
    p = tmp_path / "service.json"
    big = "-" + "9" * 400
    p.write_text('{"serviceName": "s", "desiredCount": 2, "loadBalancers": [{"targetGroupArn": "t"}],'
                 ' "healthCheckGracePeriodSeconds": ' + big + ', "deploymentConfiguration": '
                 '{"maximumPercent": ' + big[1:] + ', "minimumHealthyPercent": ' + big + '}}')
    found = _findings(p)
    assert _crashes(p) == []
    rules = sorted(f.rule for f in found)
    assert rules.count("service-deployment-blocked") == 1  # the minimum is out of range
    assert "service-grace-period-short" in rules
