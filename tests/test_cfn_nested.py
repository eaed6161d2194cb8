"""Nested stacks deployed by a workflow: what the workflow passes the parent
reaches the child through the parent's `!Ref`s (the hp cases), a workflow
deploying the output of `aws cloudformation package` deploys the template it
was packaged from, a nested stack whose `Condition` is false is never
created, and the deploy action's repeated key `K=a,K=b` is the list `a,b`."""
import json
import textwrap

from conftest import lint_folder
from ecs_lint import cloudformation, deployments

CHILD = """\
Parameters:
  DesiredCount: {Type: Number, Default: 2}
  MaximumPercent: {Type: Number, Default: 200}
  ImageTag: {Type: String, Default: latest}
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
      DesiredCount: !Ref DesiredCount
      TaskDefinition: !Ref Task
      DeploymentConfiguration:
        MaximumPercent: !Ref MaximumPercent
        MinimumHealthyPercent: 100
        DeploymentCircuitBreaker: {Enable: true, Rollback: true}
"""

PARENT = """\
Parameters:
  MaximumPercent: {Type: Number, Default: 200}
  ImageTag: {Type: String, Default: v1}
  EnableService: {Type: String, Default: "true"}
Conditions:
  ServiceOn: !Equals [!Ref EnableService, "true"]
Resources:
  Service:
    Type: AWS::CloudFormation::Stack
    Condition: ServiceOn
    Properties:
      TemplateURL: ./stacks/service.yaml
      Parameters:
        DesiredCount: "1"
        MaximumPercent: !Ref MaximumPercent
        ImageTag: !Ref ImageTag
"""

RULES = ("service-deployment-blocked", "taskdef-image-latest", "taskdef-secret-in-environment",
         "trust-sub-missing", "trust-sub-pull-request", "internal-error")


def workflow(run: str) -> str:
    return textwrap.dedent("""\
        on: {push: {branches: [main]}}
        permissions: {id-token: write, contents: read}
        jobs:
          deploy:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - run: aws cloudformation package --template-file infra/main.yaml --s3-bucket b --output-template-file packaged.yaml
              - run: |
        """) + textwrap.indent(textwrap.dedent(run), " " * 10)


def found(root, files: dict, rules=RULES):
    for name, text in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text if isinstance(text, str) else json.dumps(text, indent=2))
    return sorted((f.rule, f.file, f.span.line) for f in lint_folder(root) if f.rule in rules)


def test_a_parent_read_with_its_defaults_passes_them_on(tmp_path):
    # DesiredCount 1 at 200%: fine; the parent's defaults reach the child
    assert found(tmp_path, {"infra/stacks/service.yaml": CHILD, "infra/main.yaml": PARENT}) == []


def test_a_packaged_template_is_the_template_it_was_packaged_from(tmp_path):
    run = """\
        aws cloudformation deploy --template-file packaged.yaml --stack-name app \\
          --parameter-overrides MaximumPercent=100 ImageTag=v2
        """
    # workflow -> main.yaml (packaged) -> !Ref MaximumPercent -> the child: at the override
    assert found(tmp_path, {"infra/stacks/service.yaml": CHILD, "infra/main.yaml": PARENT,
                            ".github/workflows/deploy.yml": workflow(run)}) == [
        ("service-deployment-blocked", ".github/workflows/deploy.yml", 11)]


def test_update_stack_parameters_reach_the_nested_stack(tmp_path):
    run = """\
        aws cloudformation update-stack --stack-name app --template-body file://packaged.yaml \\
          --parameters ParameterKey=ImageTag,ParameterValue=${{ github.sha }} \\
            ParameterKey=MaximumPercent,ParameterValue=100
        """
    assert found(tmp_path, {"infra/stacks/service.yaml": CHILD, "infra/main.yaml": PARENT,
                            ".github/workflows/deploy.yml": workflow(run)}) == [
        ("service-deployment-blocked", ".github/workflows/deploy.yml", 12)]


def test_a_sub_of_one_value_passed_down_two_levels_points_at_the_workflow(tmp_path):
    run = """\
        aws cloudformation deploy --template-file packaged.yaml --stack-name app \\
          --parameter-overrides ImageTag=latest
        """
    assert found(tmp_path, {"infra/stacks/service.yaml": CHILD, "infra/main.yaml": PARENT,
                            ".github/workflows/deploy.yml": workflow(run)}) == [
        ("taskdef-image-latest", ".github/workflows/deploy.yml", 11)]


def test_an_unknown_value_passed_to_the_parent_is_not_its_default_in_the_child(tmp_path):
    parent = PARENT.replace("ImageTag: {Type: String, Default: v1}",
                            "ImageTag: {Type: String, Default: latest}")
    run = """\
        aws cloudformation deploy --template-file packaged.yaml --stack-name app \\
          --parameter-overrides ImageTag=${{ github.sha }}
        """
    files = {"infra/stacks/service.yaml": CHILD, "infra/main.yaml": parent}
    assert found(tmp_path, files) == [("taskdef-image-latest", "infra/main.yaml", 16)]
    assert found(tmp_path, {".github/workflows/deploy.yml": workflow(run)}) == []


def test_a_nested_stack_whose_condition_is_false_is_never_created(tmp_path):
    run = """\
        aws cloudformation deploy --template-file packaged.yaml --stack-name app \\
          --parameter-overrides MaximumPercent=100 EnableService=false
        """
    files = {"infra/stacks/service.yaml": CHILD, "infra/main.yaml": PARENT,
             ".github/workflows/deploy.yml": workflow(run)}
    assert found(tmp_path, files) == []
    # and the same parent read with a default that is false
    (tmp_path / ".github/workflows/deploy.yml").unlink()
    parent = PARENT.replace("MaximumPercent: {Type: Number, Default: 200}",
                            "MaximumPercent: {Type: Number, Default: 100}")
    assert found(tmp_path, {"infra/main.yaml": parent}) == [
        ("service-deployment-blocked", "infra/main.yaml", 15)]
    assert found(tmp_path, {"infra/main.yaml": parent.replace(
        "Condition: ServiceOn", 'Condition: Never').replace(
        "Resources:", 'Conditions:\n  Never: !Equals ["a", "b"]\nResources:').replace(
        'Conditions:\n  ServiceOn: !Equals [!Ref EnableService, "true"]\n', "")}) == []


def test_a_nested_stack_made_in_one_deployment_only_is_read_there(tmp_path):
    # one stack leaves the nested stack out, the other makes it
    run = """\
        aws cloudformation deploy --template-file packaged.yaml --stack-name a \\
          --parameter-overrides EnableService=%s MaximumPercent=100
        aws cloudformation deploy --template-file packaged.yaml --stack-name b \\
          --parameter-overrides EnableService=%s MaximumPercent=200
        """
    files = {"infra/stacks/service.yaml": CHILD, "infra/main.yaml": PARENT,
             ".github/workflows/deploy.yml": workflow(run % ("false", "true"))}
    assert found(tmp_path, files) == []
    assert found(tmp_path, {".github/workflows/deploy.yml": workflow(run % ("true", "false"))}) \
        == [("service-deployment-blocked", ".github/workflows/deploy.yml", 11)]


def test_the_deploy_actions_repeated_key_is_a_list():
    values, _ = deployments._overrides_text("Subjects=a,Subjects=b, Other=1", ".", ".")
    assert values == {"Subjects": "a,b", "Other": "1"}
    values, _ = deployments._overrides_text("K=a,K=${{ vars.X }},L=b,c", ".", ".")
    assert values == {"K": None, "L": "b,c"}


TRUST_CHILD = """\
Parameters:
  Subjects: {Type: CommaDelimitedList}
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      RoleName: deploy
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: {Federated: arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com}
            Action: sts:AssumeRoleWithWebIdentity
            Condition:
              StringEquals:
                token.actions.githubusercontent.com:aud: sts.amazonaws.com
                token.actions.githubusercontent.com:sub: !Ref Subjects
"""


def test_a_repeated_key_reaches_the_nested_stack_as_a_list(tmp_path):
    parent = textwrap.dedent("""\
        Parameters:
          Trusted: {Type: CommaDelimitedList, Default: "repo:acme/app:environment:production"}
        Resources:
          Roles:
            Type: AWS::CloudFormation::Stack
            Properties:
              TemplateURL: ./role.yaml
              Parameters:
                Subjects: !Join [",", !Ref Trusted]
        """)
    wf = textwrap.dedent("""\
        on: {push: {branches: [main]}}
        jobs:
          roles:
            runs-on: ubuntu-latest
            steps:
              - run: aws cloudformation package --template-file iam/main.yaml --s3-bucket b --output-template-file out.yaml
              - uses: aws-actions/aws-cloudformation-github-deploy@v1
                with:
                  name: roles
                  template: out.yaml
                  parameter-overrides: "Trusted=repo:acme/app:pull_request,Trusted=repo:acme/app:environment:production"
        """)
    assert found(tmp_path, {"iam/role.yaml": TRUST_CHILD, "iam/main.yaml": parent,
                            ".github/workflows/iam.yml": wf}) == [
        # (the last value alone is fine); an item of the list the parent passes
        # whole is reported where the parent writes it (jm/05)
        ("trust-sub-pull-request", "iam/main.yaml", 9)]


SECRET_CHILD = """\
Parameters:
  SecretArn: {Type: String}
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: app
      ContainerDefinitions:
        - Name: app
          Image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v1
          LogConfiguration: {LogDriver: awslogs}
          Environment:
            - Name: DB_PASSWORD
              Value: !Sub "{{resolve:secretsmanager:${SecretArn}:SecretString:password}}"
"""


def test_a_dynamic_reference_in_a_sub_of_a_passed_value_is_reported_in_the_child(tmp_path):
    parent = textwrap.dedent("""\
        Resources:
          Secret: {Type: AWS::SecretsManager::Secret}
          Api:
            Type: AWS::CloudFormation::Stack
            Properties:
              TemplateURL: ./api.yaml
              Parameters:
                SecretArn: !Ref Secret
        """)
    assert found(tmp_path, {"api.yaml": SECRET_CHILD, "main.yaml": parent}) == [
        ("taskdef-secret-in-environment", "api.yaml", 14)]
    at = {"P": "passed"}
    assert cloudformation.passed_span({"Fn::Sub": "{{resolve:ssm:/x/${P}}}"}, at) is None
    assert cloudformation.passed_span({"Fn::Sub": "repo:acme/${P}:*"}, at) is None
    assert cloudformation.passed_span({"Fn::Sub": ["app-${P}", {}]}, at) == "passed"
    assert cloudformation.passed_span({"Ref": "P"}, at) == "passed"


def test_an_edit_of_the_workflow_that_deploys_the_parent_changes_a_reused_child(
        tmp_path, monkeypatch):
    from ecs_lint import runner

    monkeypatch.setattr(runner, "REUSE_RESULTS", True)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("ECS_LINT_NO_CACHE", raising=False)
    root = tmp_path / "repo"
    root.mkdir()
    run = """\
        aws cloudformation deploy --template-file packaged.yaml --stack-name app \\
          --parameter-overrides MaximumPercent=%s
        """
    files = {"infra/stacks/service.yaml": CHILD, "infra/main.yaml": PARENT,
             ".github/workflows/deploy.yml": workflow(run % "200")}
    assert found(root, files) == []
    assert found(root, {".github/workflows/deploy.yml": workflow(run % "100")}) == [
        ("service-deployment-blocked", ".github/workflows/deploy.yml", 11)]


# ---------------------------------------------------------------------------
# hostile shapes

def nest(url: str, params=None, extra: str = "") -> str:
    return textwrap.dedent(f"""\
        Parameters:
          MaximumPercent: {{Type: Number, Default: 100}}
        Resources:
          Nested:
            Type: AWS::CloudFormation::Stack
            Properties:
              TemplateURL: {url}
              Parameters: {json.dumps(params or {"MaximumPercent": {"Ref": "MaximumPercent"}})}
        """) + extra


def test_a_cycle_of_nested_stacks_and_a_parent_naming_itself_do_not_crash(tmp_path):
    files = {"a.yaml": nest("./b.yaml"), "b.yaml": nest("./a.yaml"),
             "self.yaml": nest("./self.yaml"), "gone.yaml": nest("./missing/nowhere.yaml"),
             "stacks/service.yaml": CHILD}
    assert all(r != "internal-error" for r, _, _ in found(tmp_path, files))
    for name in ("a.yaml", "b.yaml"):
        assert isinstance(deployments.of_template(str(tmp_path / name), str(tmp_path)), list)
    for name in ("self.yaml", "gone.yaml"):  # nothing nests them
        assert deployments.of_template(str(tmp_path / name), str(tmp_path)) is None


def test_a_long_chain_of_parents_is_followed_a_few_levels_only(tmp_path):
    # f/service.yaml is nested by f/level0.yaml, which level1.yaml in the folder
    # above nests, and so on up to the top
    depth = deployments.MAX_NESTING + 4
    folder = tmp_path.joinpath(*[f"d{i}" for i in range(depth)])
    folder.mkdir(parents=True)
    (folder / "service.yaml").write_text(CHILD)
    child = "./service.yaml"
    for i in range(depth + 1):
        (folder / f"level{i}.yaml").write_text(nest(child, {"MaximumPercent": "100"}))
        child = f"./{folder.name}/level{i}.yaml"
        folder = folder.parent
    stacks = deployments.of_template(str(tmp_path.joinpath(
        *[f"d{i}" for i in range(depth)], "service.yaml")), str(tmp_path))
    assert stacks and all(d.params == {"MaximumPercent": "100"} for d in stacks)
    assert all(r != "internal-error" for r, _, _ in found(tmp_path, {}))


def test_many_nested_stacks_of_one_template_are_capped(tmp_path):
    stacks = {f"S{i}": {"Type": "AWS::CloudFormation::Stack",
                        "Properties": {"TemplateURL": "./stacks/service.yaml",
                                       "Parameters": {"MaximumPercent": "100"}}}
              for i in range(3 * deployments.MAX_STACKS)}
    (tmp_path / "stacks").mkdir()
    (tmp_path / "stacks" / "service.yaml").write_text(CHILD)
    (tmp_path / "main.json").write_text(json.dumps({"Resources": stacks}))
    got = deployments.of_template(str(tmp_path / "stacks" / "service.yaml"), str(tmp_path))
    assert len(got) == deployments.MAX_STACKS
    assert all(d.params == {"MaximumPercent": "100"} for d in got)
