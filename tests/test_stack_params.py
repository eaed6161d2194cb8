"""A CloudFormation template is read once per deployment the repository shows
(a workflow's `aws cloudformation deploy`/`create-stack`/`sam deploy`, the
aws-cloudformation-github-deploy action, a parent template's nested stack),
with the parameter values it passes (the et cases); else with its defaults."""
import json
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import lint_folder

SERVICE = """\
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  MaximumPercent:
    Type: Number
    Default: 200
  ImageTag:
    Type: String
    Default: latest
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: app
      ContainerDefinitions:
        - Name: app
          Image: !Sub 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:${ImageTag}
          LogConfiguration: {LogDriver: awslogs}
  Service:
    Type: AWS::ECS::Service
    Properties:
      DesiredCount: 2
      TaskDefinition: !Ref Task
      DeploymentConfiguration:
        MaximumPercent: !Ref MaximumPercent
        MinimumHealthyPercent: 100
        DeploymentCircuitBreaker: {Enable: true, Rollback: true}
"""


def workflow(step: str) -> str:
    return textwrap.dedent("""\
        on: {push: {branches: [main]}}
        permissions: {id-token: write, contents: read}
        jobs:
          deploy:
            runs-on: ubuntu-latest
            environment: production
            steps:
              - uses: actions/checkout@v4
        """) + textwrap.indent(textwrap.dedent(step), " " * 6)


def found(tmp_path, files: dict, rules=("service-deployment-blocked", "taskdef-image-latest")):
    for name, text in files.items():
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text if isinstance(text, str) else json.dumps(text, indent=2))
    return sorted((f.rule, f.file, f.span.line) for f in lint_folder(tmp_path)
                  if f.rule in rules)


def test_a_template_nothing_deploys_is_read_with_its_defaults(tmp_path):
    assert found(tmp_path, {"cfn/service.yaml": SERVICE}) == [
        ("taskdef-image-latest", "cfn/service.yaml", 16)]


def test_cli_overrides_replace_defaults_and_point_at_the_override(tmp_path):
    step = """\
        - run: |
            aws cloudformation deploy --stack-name app --template-file cfn/service.yaml \\
              --parameter-overrides ImageTag=${{ github.sha }} MaximumPercent=100
        """
    assert found(tmp_path, {"cfn/service.yaml": SERVICE,
                            ".github/workflows/deploy.yml": workflow(step)}) == [
        ("service-deployment-blocked", ".github/workflows/deploy.yml", 11)]


def test_a_parameter_file_in_either_form_points_at_its_value(tmp_path):
    step = """\
        - run: aws cloudformation create-stack --stack-name app --template-body file://cfn/service.yaml --parameters file://cfn/prod.json
        """
    listed = [{"ParameterKey": "ImageTag", "ParameterValue": "v1.2.3"},
              {"ParameterKey": "MaximumPercent", "ParameterValue": "100"}]
    assert found(tmp_path, {"cfn/service.yaml": SERVICE, "cfn/prod.json": listed,
                            ".github/workflows/deploy.yml": workflow(step)}) == [
        ("service-deployment-blocked", "cfn/prod.json", 8)]
    (tmp_path / "cfn/prod.json").write_text(json.dumps(
        {"Parameters": {"ImageTag": "v1", "MaximumPercent": "100"}}, indent=2))
    assert found(tmp_path, {}) == [("service-deployment-blocked", "cfn/prod.json", 4)]


def test_the_deploy_actions_overrides_per_matrix_row(tmp_path):
    step = """\
        - uses: aws-actions/aws-cloudformation-github-deploy@v1
          with:
            name: app-${{ matrix.env }}
            template: cfn/service.yaml
            parameter-overrides: file:///${{ github.workspace }}/cfn/${{ matrix.env }}.json
        """
    wf = workflow(step).replace("    runs-on: ubuntu-latest\n",
                                "    runs-on: ubuntu-latest\n    strategy:\n"
                                "      matrix:\n        env: [staging, prod]\n")
    files = {"cfn/service.yaml": SERVICE, ".github/workflows/deploy.yml": wf,
             "cfn/staging.json": {"Parameters": {"ImageTag": "latest"}},
             "cfn/prod.json": {"Parameters": {"ImageTag": "v7", "MaximumPercent": "100"}}}
    # (the image is `!Sub ...:${ImageTag}`: the passed tag is the part that varies)
    assert found(tmp_path, files) == [("service-deployment-blocked", "cfn/prod.json", 4),
                                      ("taskdef-image-latest", "cfn/staging.json", 3)]


def test_a_nested_stack_gets_its_parents_parameters(tmp_path):
    parent = textwrap.dedent("""\
        Resources:
          Service:
            Type: AWS::CloudFormation::Stack
            Properties:
              TemplateURL: ./service.yaml
              Parameters:
                ImageTag: v3
                MaximumPercent: 100
        """)
    assert found(tmp_path, {"cfn/service.yaml": SERVICE, "cfn/main.yaml": parent}) == [
        ("service-deployment-blocked", "cfn/main.yaml", 8)]


def test_a_value_a_deployment_passes_unknown_is_not_the_default(tmp_path):
    step = """\
        - run: sam deploy --parameter-overrides ImageTag=$TAG
        """
    assert found(tmp_path, {"template.yaml": SERVICE,
                            ".github/workflows/deploy.yml": workflow(step)}) == []


_word = st.one_of(
    st.sampled_from(["ImageTag=v1", "MaximumPercent=100", "file://p.json", "file://../x.json",
                     "ParameterKey=ImageTag,ParameterValue=latest", "=", "K=", "--x",
                     "ParameterKey=A,UsePreviousValue=true", "file://", "a=b=c"]),
    st.text(alphabet=st.sampled_from("AK=,/:.$ {}\"'"), max_size=12))
_params = st.one_of(
    st.lists(st.fixed_dictionaries({"ParameterKey": st.sampled_from(["ImageTag", 1, None]),
                                    "ParameterValue": st.one_of(st.none(), st.integers(),
                                                                st.text(max_size=5))}),
             max_size=3),
    st.dictionaries(st.sampled_from(["Parameters", "x"]),
                    st.one_of(st.none(), st.lists(st.text(max_size=4), max_size=2),
                              st.dictionaries(st.text(max_size=4), st.text(max_size=4),
                                              max_size=2))),
    st.text(max_size=20))


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(words=st.lists(_word, max_size=4), params=_params, action=st.booleans())
def test_deployments_of_any_shape_are_read_without_crashing(tmp_path, words, params, action):
    import shutil

    root = tmp_path / "r"
    if root.exists():
        shutil.rmtree(root)
    if action:
        step = ("- uses: aws-actions/aws-cloudformation-github-deploy@v1\n  with:\n"
                "    template: t.yaml\n    parameter-overrides: " + json.dumps(" ".join(words)) + "\n")
    else:
        step = ("- run: " + json.dumps("aws cloudformation deploy --template-file t.yaml "
                                       "--parameter-overrides " + " ".join(words)) + "\n")
    files = {"t.yaml": SERVICE, ".github/workflows/d.yml": workflow(step),
             "p.json": params if not isinstance(params, str) else params}
    for f in lint_folder_with(root, files):
        assert f.rule != "internal-error", f.message


def lint_folder_with(root, files):
    for name, text in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text if isinstance(text, str) else json.dumps(text))
    return lint_folder(root)


def test_an_edited_parameter_file_changes_a_reused_result(tmp_path, monkeypatch):
    from ecs_lint import runner

    monkeypatch.setattr(runner, "REUSE_RESULTS", True)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("ECS_LINT_NO_CACHE", raising=False)
    step = """\
        - run: aws cloudformation deploy --template-file t.yaml --parameter-overrides file://p.json
        """
    root = tmp_path / "repo"
    files = {"t.yaml": SERVICE, ".github/workflows/d.yml": workflow(step),
             "p.json": {"Parameters": {"ImageTag": "v1"}}}
    assert found(root.mkdir() or root, files) == []
    (root / "p.json").write_text(json.dumps({"Parameters": {"ImageTag": "v1",
                                                            "MaximumPercent": "100"}}))
    assert found(root, {}) == [("service-deployment-blocked", "p.json", 1)]
    (root / ".github/workflows/d.yml").unlink()  # nothing deploys it: its defaults
    assert found(root, {}) == [("taskdef-image-latest", "t.yaml", 16)]


_cfn_value = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=6),
                       st.sampled_from([{"Ref": "X"}, {"Fn::Sub": "a${X}"}, {"Ref": "AWS::Region"},
                                        [], {"Fn::GetAtt": ["A", "B"]}]))


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(url=st.one_of(st.sampled_from(["./t.yaml", "t.yaml", "../t.yaml", "/t.yaml", "s3://b/t.yaml",
                                      "file://t.yaml", ""]), _cfn_value),
       params=st.one_of(_cfn_value, st.dictionaries(st.sampled_from(["ImageTag", "MaximumPercent",
                                                                     "Nope"]), _cfn_value)),
       kind=st.sampled_from(["AWS::CloudFormation::Stack", "AWS::Serverless::Application"]))
def test_parent_templates_of_any_shape_are_read_without_crashing(tmp_path, url, params, kind):
    import shutil

    root = tmp_path / "r"
    if root.exists():
        shutil.rmtree(root)
    prop = "TemplateURL" if kind.endswith("Stack") else "Location"
    parent = {"Parameters": {"X": {"Type": "String"}},
              "Resources": {"S": {"Type": kind, "Properties": {prop: url, "Parameters": params}}}}
    for f in lint_folder_with(root, {"t.yaml": SERVICE, "p.json": parent}):
        assert f.rule != "internal-error", f.message


def test_a_sub_of_one_passed_parameter_points_at_it_unless_its_text_has_a_wildcard(tmp_path):
    trust = textwrap.dedent("""\
        Parameters:
          Org: {Type: String}
          Repo: {Type: String}
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal:
                      Federated: !Sub arn:aws:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com
                    Action: sts:AssumeRoleWithWebIdentity
                    Condition:
                      StringEquals: {token.actions.githubusercontent.com:aud: sts.amazonaws.com}
                      StringLike:
                        token.actions.githubusercontent.com:sub: %s
        """)
    parent = textwrap.dedent("""\
        Resources:
          Roles:
            Type: AWS::CloudFormation::Stack
            Properties:
              TemplateURL: ./role.yaml
              Parameters:
                Org: acme
                Repo: "*"
        """)
    rules = ("trust-sub-any-repo",)
    assert found(tmp_path, {"role.yaml": trust % "!Sub repo:acme/${Repo}:ref:refs/heads/main",
                            "main.yaml": parent}, rules) == [("trust-sub-any-repo", "main.yaml", 8)]
    (tmp_path / "role.yaml").write_text(trust % "!Sub repo:${Org}/*")
    assert found(tmp_path, {}, rules) == [("trust-sub-any-repo", "role.yaml", 18)]


def test_sam_deploy_reads_its_config_env_unless_the_command_line_overrides(tmp_path):
    samconfig = textwrap.dedent("""\
        version = 0.1
        [production.deploy.parameters]
        stack_name = "app"
        parameter_overrides = "ImageTag=1.42.0 MaximumPercent=100"
        """)
    step = """\
        - run: sam deploy --config-env production --no-confirm-changeset
        """
    files = {"template.yaml": SERVICE, "samconfig.toml": samconfig,
             ".github/workflows/deploy.yml": workflow(step)}
    # samconfig's overrides: the tag is pinned, the percent blocks, at the value
    # samconfig passes (jm/03), as a value a workflow passes
    assert found(tmp_path, files) == [("service-deployment-blocked", "samconfig.toml", 4)]
    (tmp_path / ".github/workflows/deploy.yml").write_text(workflow(
        "- run: sam deploy --config-env production --parameter-overrides MaximumPercent=200\n"))
    # the command line's overrides replace samconfig's whole: the tag is the default again
    assert found(tmp_path, {}) == [("taskdef-image-latest", "template.yaml", 8)]


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(config=st.one_of(
    st.text(alphabet=st.sampled_from('[]."=\n aKV:_-'), max_size=60),
    st.sampled_from(['[default.deploy.parameters]\nparameter_overrides = ["ImageTag=v1", 3]\n',
                     '[default.deploy]\nparameters = 3\n', 'default = 1\n',
                     '[default.deploy.parameters]\ntemplate_file = "../../etc/x"\n',
                     '[default.deploy.parameters]\nparameter_overrides = "A=\\"b c\\" D"\n'])))
def test_samconfig_of_any_text_is_read_without_crashing(tmp_path, config):
    import shutil

    root = tmp_path / "r"
    if root.exists():
        shutil.rmtree(root)
    files = {"template.yaml": SERVICE, "samconfig.toml": config,
             ".github/workflows/d.yml": workflow("- run: sam deploy\n")}
    for f in lint_folder_with(root, files):
        assert f.rule != "internal-error", f.message


@pytest.mark.parametrize("env, word, line", [
    # go/03: the override passes a variable of the job's env: the value is
    # the env entry's, and the finding points at it
    ("MAX_PERCENT: '100'", 'MaximumPercent="$MAX_PERCENT"', 8),
    ("MAX_PERCENT: '100'", "MaximumPercent=${{ env.MAX_PERCENT }}", 8),
    ("MAX_PERCENT: '100'", "MaximumPercent=${MAX_PERCENT}", 8),
    ("MAX_PERCENT: '200'", 'MaximumPercent="$MAX_PERCENT"', None),
    # the script sets the variable itself: not the env's value, not known
    ("MAX_PERCENT: '100'", 'MaximumPercent="$MAX_PERCENT"; MAX_PERCENT=300', None),
])
def test_an_override_from_the_jobs_env(tmp_path, env, word, line):
    word, _, assign = word.partition("; ")
    step = f"""\
        - run: |
            {assign}
            aws cloudformation deploy --stack-name app --template-file cfn/service.yaml \\
              --parameter-overrides ImageTag=v1 {word}
        """
    text = workflow(step).replace("    environment: production\n",
                                  f"    environment: production\n    env:\n      {env}\n")
    got = found(tmp_path, {"cfn/service.yaml": SERVICE, ".github/workflows/deploy.yml": text})
    assert got == ([("service-deployment-blocked", ".github/workflows/deploy.yml", line)]
                   if line else [])


def test_a_parameter_key_value_word_points_at_its_value(tmp_path):
    # go/08: `ParameterKey=K,ParameterValue=V`, SAM's and create-stack's form
    step = """\
        - run: |
            sam deploy --stack-name app --template-file cfn/service.yaml \\
              --parameter-overrides ParameterKey=ImageTag,ParameterValue=v1 ParameterKey=MaximumPercent,ParameterValue=100
        """
    assert found(tmp_path, {"cfn/service.yaml": SERVICE,
                            ".github/workflows/deploy.yml": workflow(step)}) == [
        ("service-deployment-blocked", ".github/workflows/deploy.yml", 11)]


LIST_TRUST = """\
Parameters:
  Subjects:
    Type: CommaDelimitedList
    Default: repo:o/r:environment:dev
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      RoleName: deploy
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Federated: arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com}
            Action: sts:AssumeRoleWithWebIdentity
            Condition:
              StringEquals:
                token.actions.githubusercontent.com:aud: sts.amazonaws.com
                token.actions.githubusercontent.com:sub: !Ref Subjects
"""


def test_a_list_parameter_passed_as_text_is_its_items(tmp_path):
    # go/01: "a,b" passed to a CommaDelimitedList is two subs, not one
    step = """\
        - run: |
            aws cloudformation deploy --stack-name iam --template-file cfn/iam.yaml \\
              --parameter-overrides Subjects=repo:o/r:environment:staging,repo:o/r:environment:production
        """
    got = found(tmp_path, {"cfn/iam.yaml": LIST_TRUST,
                           ".github/workflows/deploy.yml": workflow(step)},
                rules=("trust-sub-wildcard-in-equals",))
    assert got == []
    from ecs_lint import cloudformation
    scope = cloudformation.Scope.of(
        {"Parameters": {"S": {"Type": "CommaDelimitedList"}, "N": {"Type": "Number"}}},
        {"S": "a, b", "N": "3"})
    assert scope.params == {"S": ["a", "b"], "N": 3}


PROVIDER = """\
Parameters:
  Audience:
    Type: String
    Default: sts.amazonaws.com
Resources:
  Provider:
    Type: AWS::IAM::OIDCProvider
    Properties:
      Url: https://token.actions.githubusercontent.com
      ClientIdList:
        - !Ref Audience
"""


@pytest.mark.parametrize("passed, where", [
    # go/07: the one client id is the passed value: the finding is where it is written
    ([{"ParameterKey": "Audience", "ParameterValue": "https://github.com/o"}],
     ("oidc-provider-audience-missing", "cfn/params.json", 4)),
    ([{"ParameterKey": "Audience", "ParameterValue": "sts.amazonaws.com"}], None),
])
def test_a_passed_client_id_points_at_its_value(tmp_path, passed, where):
    step = """\
        - run: aws cloudformation update-stack --stack-name oidc --template-body file://cfn/oidc.yaml --parameters file://cfn/params.json
        """
    got = found(tmp_path, {"cfn/oidc.yaml": PROVIDER, "cfn/params.json": passed,
                           ".github/workflows/deploy.yml": workflow(step)},
                rules=("oidc-provider-audience-missing",))
    assert got == ([where] if where else [])
