"""CloudFormation extraction: intrinsics resolved from parameter defaults,
conditions and resources; positions on the template's own lines; context
that links policies to roles; no crash on odd shapes."""
import textwrap
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import pytest

from conftest import FIXTURES, lint_folder
from ecs_lint import cloudformation
from ecs_lint.cloudformation import Scope, resolve, resolve_tree
from ecs_lint.loader import load_text
from ecs_lint.values import Template, Unknown

CFN = FIXTURES / "cloudformation"
SUB = "token.actions.githubusercontent.com:sub"


def extract_text(text, syntax="yaml", name="t.yaml"):
    loaded = load_text(textwrap.dedent(text), syntax)[0]
    return cloudformation.extract(name, loaded.data, loaded.locate, loaded.text)


def extract_file(path):
    path = Path(path)
    syntax = "json" if path.suffix == ".json" else "yaml"
    loaded = load_text(path.read_text(), syntax)[0]
    return cloudformation.extract(str(path), loaded.data, loaded.locate, loaded.text)


def one(docs, kind, name=None):
    hits = [d for d in docs if d.kind == kind and (name is None or d.name == name)]
    assert len(hits) == 1, [(d.kind, d.name) for d in docs]
    return hits[0]


def test_sub_if_and_refs_resolve_from_defaults():
    docs = extract_file(CFN / "roles.yaml")
    deploy = one(docs, "trust-policy", "DeployRole")
    st0 = deploy.data["Statement"][0]
    assert st0["Condition"]["StringLike"][SUB] == "repo:acme/shop:*"
    # !If [CreateProvider, !Ref GithubOidc, ...]: UseExistingProvider defaults to "no"
    fed = st0["Principal"]["Federated"]
    assert isinstance(fed, Template)
    assert fed.parts == ("arn:aws:iam::", Unknown("AWS::AccountId"),
                         ":oidc-provider/token.actions.githubusercontent.com")
    assert deploy.context["role_name"] == "shop-deploy"
    assert deploy.context["role_ref"] == "DeployRole"
    assert deploy.span(("Statement", 0, "Condition", "StringLike", SUB)).line == 43
    assert deploy.span(("Statement", 0, "Principal", "Federated")).line == 34
    release = one(docs, "trust-policy", "ReleaseRole")
    assert str(release.data["Statement"][0]["Principal"]["Federated"]).endswith(
        "oidc-provider/token.actions.githubusercontent.com")  # !GetAtt GithubOidc.Arn


def test_policies_link_to_roles():
    docs = extract_file(CFN / "roles.yaml")
    policy = one(docs, "permissions-policy", "DeployPolicy")
    assert policy.context["roles"] == ["DeployRole"]
    assert policy.span(("Statement", 0, "Action")).line == 55
    optional = one(docs, "permissions-policy", "OptionalPolicy")
    assert isinstance(optional.data["Statement"], Template)  # IsPlatform: Team has no default
    assert optional.context["roles"] == ["ReleaseRole"]
    json_docs = extract_file(CFN / "roles.json")
    inline = one(json_docs, "permissions-policy", "CiRole.pass")
    assert inline.context["roles"] == ["CiRole"] and inline.context["role_name"] == "acme-ci"
    assert one(json_docs, "permissions-policy", "Statementless").context["roles"] == ["acme-ci"]
    trust = one(json_docs, "trust-policy")
    assert trust.data["Statement"][0]["Condition"]["StringLike"][SUB] == "repo:acme/*"  # Fn::Join
    assert trust.span(("Statement", 0, "Condition", "StringLike", SUB)).line == 30


def test_managed_policy_arns_link_and_ref_of_role_is_its_name():
    docs = extract_text("""\
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              RoleName: app-deploy
              ManagedPolicyArns: [!Ref Managed]
              AssumeRolePolicyDocument: {Statement: []}
          Managed:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Action: iam:PassRole
                    Resource: !GetAtt Role.Arn
              Users: [!Ref Role]
        """)
    policy = one(docs, "permissions-policy")
    assert policy.context["roles"] == ["Role"]
    arn = policy.data["Statement"][0]["Resource"]
    assert arn.parts == ("arn:", Unknown("AWS::Partition"), ":iam::", Unknown("AWS::AccountId"),
                         ":role/app-deploy")
    assert resolve({"Ref": "Role"}, Scope.of({"Resources": {"Role": {
        "Type": "AWS::IAM::Role", "Properties": {"RoleName": "x"}}}})) == "x"


def test_no_value_is_dropped_and_positions_follow_the_source():
    docs = extract_text("""\
        Conditions:
          Never: !Equals [a, b]
        Resources:
          Svc:
            Type: AWS::ECS::Service
            Properties:
              LoadBalancers:
                - !Ref AWS::NoValue
                - !If [Never, {ContainerName: x}, !Ref AWS::NoValue]
                - ContainerName: web
                  ContainerPort: 80
              HealthCheckGracePeriodSeconds: !If [Never, 30, !Ref AWS::NoValue]
              DeploymentConfiguration: !If
                - Never
                - {MaximumPercent: 100}
                - MaximumPercent: 200
                  MinimumHealthyPercent: 50
        """)
    svc = one(docs, "service")
    assert svc.data["loadBalancers"] == [{"containerName": "web", "containerPort": 80}]
    assert "healthCheckGracePeriodSeconds" not in svc.data
    assert svc.data["deploymentConfiguration"] == {"maximumPercent": 200,
                                                   "minimumHealthyPercent": 50}
    assert svc.span(("loadBalancers", 0, "containerName")).line == 10
    assert svc.span(("deploymentConfiguration", "minimumHealthyPercent")).line == 17


def test_number_parameters_stay_numbers_and_mappings_resolve():
    scope = Scope.of({
        "Parameters": {"Count": {"Type": "Number", "Default": "3"},
                       "Env": {"Type": "String", "Default": "prod"}},
        "Mappings": {"Subs": {"prod": {"Sub": "repo:a/b:environment:prod"}}},
        "Resources": {}})
    assert resolve({"Ref": "Count"}, scope) == 3
    assert resolve({"Fn::FindInMap": ["Subs", {"Ref": "Env"}, "Sub"]}, scope) == \
        "repo:a/b:environment:prod"
    assert resolve({"Fn::Select": [1, {"Fn::Split": [",", "a,b,c"]}]}, scope) == "b"
    assert resolve({"Fn::Sub": "${Env}-${!Literal}-${AWS::Region}"}, scope).parts == \
        ("prod-${Literal}-", Unknown("AWS::Region"))
    assert resolve({"Fn::Sub": ["${X}/${Env}", {"X": {"Ref": "Count"}}]}, scope) == "3/prod"
    assert isinstance(resolve({"Fn::ImportValue": "x"}, scope), Template)
    # subjects.py passes a plain dict of parameters
    assert resolve({"Ref": "P"}, {"P": "v"}) == "v"


def test_odd_shapes_do_not_crash_and_give_no_internal_error(tmp_path):
    (tmp_path / "odd.yaml").write_text(textwrap.dedent("""\
        Conditions:
          Loop: !Condition Loop
        Resources:
          R1:
            Type: AWS::IAM::Role
            Properties:
              RoleName: !GetAtt R1.Arn
              AssumeRolePolicyDocument:
                Statement: !If [Loop, [], []]
              Policies: not-a-list
          R2:
            Type: AWS::IAM::Policy
            Properties:
              Roles: !Ref R1
              PolicyDocument: {Statement: [null, 3, "x", {Effect: !If [Loop, Allow, Deny]}]}
          R3:
            Type: AWS::ECS::TaskDefinition
            Properties:
              ContainerDefinitions: !Split [",", !Ref R3]
          R4: {Type: AWS::ECS::Service, Properties: null}
          R5: {Type: AWS::IAM::OIDCProvider, Properties: {Url: [1], ClientIdList: {Ref: [x]}}}
          R6: {Type: AWS::ECR::Repository, Properties: {ImageTagMutability: !Sub [1, 2]}}
        """))
    findings = lint_folder(tmp_path)
    assert not [f for f in findings if f.rule in ("internal-error", "parse-error")], findings


_INTRINSIC_NAMES = ["Ref", "Fn::Sub", "Fn::If", "Fn::Join", "Fn::GetAtt", "Fn::Select",
                    "Fn::Split", "Fn::FindInMap", "Fn::Equals", "Fn::Not", "Condition",
                    "Fn::ImportValue", "Fn::Base64"]
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-3, 3),
                     st.sampled_from(["AWS::NoValue", "P", "C", "R", "R.Arn", "${P}", "a,b", ""]))
_TREES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(_INTRINSIC_NAMES), inner, min_size=1, max_size=1),
        st.dictionaries(st.sampled_from(["Statement", "Effect", "Roles", "RoleName"]), inner,
                        max_size=3)),
    max_leaves=12)


@settings(max_examples=200, deadline=None)
@given(_TREES, _TREES)
def test_resolve_tree_never_raises(tree, condition):
    scope = Scope.of({"Parameters": {"P": {"Default": "x"}},
                      "Conditions": {"C": condition, "D": {"Condition": "D"}},
                      "Mappings": {"M": {"a": {"b": tree}}},
                      "Resources": {"R": {"Type": "AWS::IAM::Role",
                                          "Properties": {"RoleName": tree}}}})
    resolve_tree(tree, scope)
    resolve(tree, scope)


def test_corpus_templates_lint_without_errors(shared):
    folder = shared / "corpus" / "cloudformation"
    findings = lint_folder(folder)
    bad = [f for f in findings if f.rule in ("internal-error", "parse-error")]
    assert not bad, bad
    # every template of the corpus yields documents
    files = {f.file for f in findings}
    assert len(files) >= 6


def test_template_context_is_shared():
    docs = extract_file(CFN / "ecs.yaml")
    ctx = docs[0].context["template"]
    assert ctx["format"] == "cloudformation"
    assert ctx["resources"]["Service"] == "AWS::ECS::Service"
    assert all(d.context["template"] is ctx for d in docs)
    svc = one(docs, "service")
    assert svc.data["desiredCount"] == 2
    assert svc.data["networkConfiguration"]["awsvpcConfiguration"]["assignPublicIp"] == "DISABLED"


def test_policy_documents_given_as_json_strings():
    docs = extract_text("""\
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: >-
                {"Statement": [{"Effect": "Allow", "Action": "sts:AssumeRoleWithWebIdentity",
                "Principal": {"Federated": "x"}}]}
              Policies:
                - PolicyName: p
                  PolicyDocument: '{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}'
                - PolicyName: broken
                  PolicyDocument: '{"Statement": '
        """)
    trust = one(docs, "trust-policy")
    assert trust.data["Statement"][0]["Principal"] == {"Federated": "x"}
    assert trust.span(("Statement", 0, "Action")).line == 6  # its row of the folded block
    policy = one(docs, "permissions-policy")
    assert policy.data["Statement"][0]["Action"] == "s3:*"
    assert policy.span(("Statement", 0)).line == 10


def test_ref_of_a_named_resource_is_its_name():
    scope = Scope.of({"Resources": {
        "Config": {"Type": "AWS::CodeDeploy::DeploymentConfig",
                   "Properties": {"DeploymentConfigName": "Canary10"}},
        "Anonymous": {"Type": "AWS::CodeDeploy::DeploymentConfig", "Properties": {}}}})
    assert resolve({"Ref": "Config"}, scope) == "Canary10"
    assert resolve({"Ref": "Anonymous"}, scope) == Template((Unknown("Anonymous"),))


@pytest.mark.parametrize("rtype, rule", [
    ("AWS::ECR::Repository", "ecr-tags-mutable"),  # default MUTABLE
    ("AWS::ECS::Service", "service-circuit-breaker-off"),  # every property optional
])
def test_a_resource_without_properties_has_every_default(tmp_path, rtype, rule):
    (tmp_path / "t.yaml").write_text(f"Resources:\n  R:\n    Type: {rtype}\n")
    found = lint_folder(tmp_path)
    assert [(f.rule, f.line) for f in found] == [(rule, 3)]


def test_a_policy_written_as_sub_of_json_text_is_read(tmp_path):
    (tmp_path / "t.yaml").write_text(textwrap.dedent("""\
        Parameters:
          Org: {Type: String}
        Resources:
          DeployRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: !Sub |
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Principal": {"Federated": "arn:aws:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com"},
                  "Action": "sts:AssumeRoleWithWebIdentity",
                  "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
                                "StringLike": {"token.actions.githubusercontent.com:sub": "repo:${Org}/*"}}}]}
        """))
    found = lint_folder(tmp_path)
    # written as a `|` block: the finding is on its sub condition's own line
    assert [(f.rule, f.line) for f in found] == [("trust-sub-any-repo", 12)]
    assert "${Org}" in found[0].message


def test_parameter_defaults_as_cloudformation_reads_them():
    data = {"Parameters": {
        "Image": {"Type": "AWS::SSM::Parameter::Value<String>", "Default": "app-image"},
        "Flag": {"Type": "String", "Default": True},
        "Name": {"Type": "String", "Default": "web"}}}
    params = cloudformation.parameters(data)
    assert "Image" not in params  # the default names an SSM parameter, not the image
    assert params["Flag"] == "true"  # YAML true is the text "true" to CloudFormation
    assert params["Name"] == "web"


def test_the_cdk_oidc_provider_custom_resource_is_a_provider(tmp_path):
    # `iam.OpenIdConnectProvider` synthesises as Custom::AWSCDKOpenIdConnectProvider
    # with Url, ClientIDList and ThumbprintList; its Ref is the provider's ARN
    import json

    from conftest import lint_folder

    template = {"Resources": {
        "GithubProvider": {"Type": "Custom::AWSCDKOpenIdConnectProvider", "Properties": {
            "ServiceToken": {"Fn::GetAtt": ["Handler", "Arn"]},
            "ClientIDList": ["https://github.com/acme"],
            "Url": "https://token.actions.githubusercontent.com"}},
        "DeployRole": {"Type": "AWS::IAM::Role", "Properties": {
            "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{
                "Effect": "Allow", "Action": "sts:AssumeRoleWithWebIdentity",
                "Principal": {"Federated": {"Ref": "GithubProvider"}},
                "Condition": {"StringLike": {
                    "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                    "token.actions.githubusercontent.com:sub": "repo:acme/*"}}}]}}}}}
    (tmp_path / "Stack.template.json").write_text(json.dumps(template, indent=1))
    rules = {f.rule for f in lint_folder(tmp_path)}
    assert "oidc-provider-audience-missing" in rules
    assert "trust-sub-any-repo" in rules and "trust-principal-not-github" not in rules


_ROW = st.text(alphabet=st.sampled_from('ab{}":, '), min_size=0, max_size=12)


@settings(max_examples=300, deadline=None)
@given(rows=st.lists(st.tuples(st.integers(0, 2), _ROW), min_size=1, max_size=8),
       style=st.sampled_from([">", ">-", ">+", "|", "|-"]))
def test_block_scalar_offsets_point_at_the_characters_read(rows, style):
    # every character of the value read from a block scalar (folded or literal)
    # is mapped to the place in the file it was read from (a line break or the
    # space a fold made: the end of its row)
    import yaml

    lines = [" " * (4 + extra) + text.rstrip() if text.strip() else "" for extra, text in rows]
    if not any(line.strip() for line in lines) or not lines[0].strip() \
            or lines[0][4] == " ":
        return  # the first row sets the indentation
    text = f"key: {style}\n" + "\n".join(lines) + "\nnext: 1\n"
    try:
        value = yaml.safe_load(text)["key"]
    except yaml.YAMLError:
        return
    offs = cloudformation._block_offsets(text, len("key: "), value)
    if style.startswith("|"):
        assert offs is not None
    if offs is None:
        return
    assert len(offs) == len(value)
    for ch, off in zip(value, offs):
        if ch == "\n" or (ch == " " and text[off] == "\n"):
            assert text[off] == "\n"
        else:
            assert text[off] == ch


def test_a_policy_in_a_folded_block_is_reported_at_its_own_line(tmp_path):
    (tmp_path / "t.yaml").write_text(textwrap.dedent("""\
        Resources:
          P:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument: !Sub >-
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"},
                    {"Effect": "Allow", "Action": "ecs:*", "Resource": "*"}
                  ]
                }
        """))
    (wild,) = [f for f in lint_folder(tmp_path) if f.rule == "policy-wildcard-action"]
    assert wild.span.line == 10


SERVICE_BY_ENVIRONMENT = """\
Parameters:
  Environment:
    Type: String%s
Conditions:
  IsProduction: !Equals [!Ref Environment, production]
Resources:
  Service:
    Type: AWS::ECS::Service
    Properties:
      Cluster: c
      TaskDefinition: t
      DesiredCount: 2
      LoadBalancers:
        - {ContainerName: web, ContainerPort: 80, TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/t/1}
      HealthCheckGracePeriodSeconds: !If [IsProduction, 90, 30]
      DeploymentConfiguration:
        DeploymentCircuitBreaker: !If
          - IsProduction
          - {Enable: true, Rollback: true}
          - !Ref AWS::NoValue
"""


@pytest.mark.parametrize("parameter, reported", [
    # no default: each stack the template can make is read
    ("\n    AllowedValues: [staging, production]", {"service-grace-period-short",
                                                   "service-circuit-breaker-off"}),
    ("", {"service-grace-period-short", "service-circuit-breaker-off"}),  # one condition
    ("\n    Default: production", set()),  # decided by the default
    ("\n    Default: staging", {"service-grace-period-short", "service-circuit-breaker-off"}),
    ("\n    AllowedValues: [production]", set()),
    # a default is what a stack that does not set the parameter gets: every
    # allowed value is a stack the template is made for
    ("\n    Default: production\n    AllowedValues: [staging, production]",
     {"service-grace-period-short", "service-circuit-breaker-off"}),
])
def test_settings_under_an_undecided_condition_are_read_in_each_stack(tmp_path, parameter,
                                                                     reported):
    (tmp_path / "t.yaml").write_text(SERVICE_BY_ENVIRONMENT % parameter)
    found = [f for f in lint_folder(tmp_path) if f.rule.startswith("service-")]
    assert {f.rule for f in found} == reported
    assert len(found) == len(reported)  # said once, not once per stack


LB_TOGETHER = """\
Parameters:
  Environment: {Type: String}
Conditions:
  Public: !Equals [!Ref Environment, production]
Resources:
  Service:
    Type: AWS::ECS::Service
    Properties:
      Cluster: c
      TaskDefinition: t
      DesiredCount: 2
      LoadBalancers: !If
        - Public
        - [{ContainerName: web, ContainerPort: 80, TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/t/1}]
        - !Ref AWS::NoValue
      HealthCheckGracePeriodSeconds: !If [Public, 90, !Ref AWS::NoValue]
      DeploymentConfiguration:
        DeploymentCircuitBreaker: {Enable: true, Rollback: true}
"""


def test_settings_that_move_together_stay_together(tmp_path):
    # the load balancer and its grace period under one condition: no stack has
    # a load balancer without the grace period
    (tmp_path / "t.yaml").write_text(LB_TOGETHER)
    assert [f.rule for f in lint_folder(tmp_path) if f.rule.startswith("service-")] == []


FIND_IN_MAP_SERVICE = """\
Parameters:
  Stage:
    Type: String
    Default: dev
    AllowedValues: [dev, production]
Mappings:
  Sizes:
    dev: {Min: 50, Max: 200}
    production: {Min: 100, Max: 100}
Resources:
  Service:
    Type: AWS::ECS::Service
    Properties:
      Cluster: c
      TaskDefinition: t
      DesiredCount: 3
      DeploymentConfiguration:
        MinimumHealthyPercent: !FindInMap [Sizes, !Ref Stage, Min]
        MaximumPercent: !FindInMap [Sizes, !Ref Stage, Max]
        DeploymentCircuitBreaker: {Enable: true, Rollback: true}
"""


@pytest.mark.parametrize("allowed, blocked", [("[dev, production]", True), ("[dev]", False)])
def test_a_mapping_keyed_by_an_allowed_parameter_is_read_per_stack(tmp_path, allowed, blocked):
    (tmp_path / "t.yaml").write_text(FIND_IN_MAP_SERVICE.replace("[dev, production]", allowed))
    found = {f.rule for f in lint_folder(tmp_path) if f.rule.startswith("service-")}
    assert ("service-deployment-blocked" in found) is blocked


DEAD_PREVIEW_TRUST = """\
Parameters:
  Stage:
    Type: String
    Default: staging
    AllowedValues: %s
Conditions:
  IsPreview: !Equals [!Ref Stage, preview]
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: {Federated: arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com}
            Action: sts:AssumeRoleWithWebIdentity
            Condition:
              StringEquals:
                token.actions.githubusercontent.com:aud: sts.amazonaws.com
                token.actions.githubusercontent.com:sub: repo:o/r:environment:production
          - !If
            - IsPreview
            - Effect: Allow
              Principal: {Federated: arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com}
              Action: sts:AssumeRoleWithWebIdentity
              Condition:
                StringEquals: {token.actions.githubusercontent.com:aud: sts.amazonaws.com}
                StringLike: {token.actions.githubusercontent.com:sub: "repo:o/*"}
            - !Ref AWS::NoValue
"""


@pytest.mark.parametrize("allowed, reported", [
    ("[staging, production]", False),  # IsPreview is false in every stack allowed
    ("[staging, production, preview]", True),
])
def test_a_statement_under_a_condition_no_allowed_stack_makes_true(tmp_path, allowed, reported):
    (tmp_path / "t.yaml").write_text(DEAD_PREVIEW_TRUST % allowed)
    found = {f.rule for f in lint_folder(tmp_path)}
    assert ("trust-sub-any-repo" in found) is reported



def test_a_repositorys_arn_is_one_repository_never_star():
    from ecs_lint import cloudformation as C

    scope = C.Scope.of({"Resources": {
        "Repo": {"Type": "AWS::ECR::Repository", "Properties": {"RepositoryName": "quotes"}},
        "Unnamed": {"Type": "AWS::ECR::Repository"},
        "Cluster": {"Type": "AWS::ECS::Cluster", "Properties": {"ClusterName": "shop"}}}})
    arn = str(C.resolve({"Fn::GetAtt": ["Repo", "Arn"]}, scope))
    assert ":ecr:" in arn and arn.endswith(":repository/quotes")
    unnamed = str(C.resolve({"Fn::GetAtt": "Unnamed.Arn"}, scope))
    assert ":repository/" in unnamed and unnamed != "*"
    assert str(C.resolve({"Fn::GetAtt": ["Cluster", "Arn"]}, scope)).endswith(":cluster/shop")


def test_a_sub_under_if_points_at_the_branch_that_admits_it(tmp_path):
    (tmp_path / "t.yaml").write_text(textwrap.dedent("""\
        Parameters:
          Stage: {Type: String, Default: dev}
        Conditions:
          IsProd: !Equals [!Ref Stage, prod]
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: {Federated: arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com}
                    Action: sts:AssumeRoleWithWebIdentity
                    Condition:
                      StringEquals: {token.actions.githubusercontent.com:aud: sts.amazonaws.com}
                      StringLike:
                        token.actions.githubusercontent.com:sub: !If
                          - IsProd
                          - repo:o/r:environment:production
                          - repo:o/*
        """))
    (found,) = [f for f in lint_folder(tmp_path) if f.rule == "trust-sub-any-repo"]
    assert found.span.line == 20


CONDITIONAL_ROLE = """\
Parameters:
  UsePrivateRegistry:
    Type: String
    Default: "%s"
    AllowedValues: ["true", "false"]
Conditions:
  PrivateRegistry: !Equals [!Ref UsePrivateRegistry, "true"]
Resources:
  ExecutionRole:
    Type: AWS::IAM::Role
    Condition: PrivateRegistry
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: ecs-tasks.amazonaws.com}
            Action: sts:AssumeRole
      Policies:
        - PolicyName: pull
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: "*"
                Resource: "*"
"""


@pytest.mark.parametrize("default, created", [("false", False), ("true", True)])
def test_a_resource_whose_condition_is_false_is_not_read(default, created):
    # ge/09: CloudFormation does not create it, so its policy reaches no one
    docs = extract_text(CONDITIONAL_ROLE % default)
    assert bool([d for d in docs if d.kind == "permissions-policy"]) is created


@pytest.mark.parametrize("breaker, reported", [
    # he/07: CloudFormation's names are case-sensitive: the API's camelCase is no property
    ("deploymentCircuitBreaker: {enable: true, rollback: true}", True),
    ("DeploymentCircuitBreaker: {Enable: true, Rollback: true}", False),
])
def test_camel_case_keys_are_not_cloudformation_properties(tmp_path, breaker, reported):
    (tmp_path / "t.yaml").write_text(textwrap.dedent(f"""\
        Resources:
          Service:
            Type: AWS::ECS::Service
            Properties:
              DesiredCount: 2
              DeploymentConfiguration:
                MaximumPercent: 200
                MinimumHealthyPercent: 50
                {breaker}
        """))
    found = [f for f in lint_folder(tmp_path) if f.rule == "service-circuit-breaker-off"]
    assert bool(found) is reported
