"""`Fn::ImportValue` of a name another template of the same folder exports
(a CDK app's cdk.out: `SERVICE:ExportsOutput...`) is that export's `Value`,
read in the exporting template's scope (km/07): a deploy role whose
iam:PassRole imports only the task role's ARN may not pass the execution
role the registered task definition names. An export the folder does not
hold, or that two templates export, stays unknown and silent (al/05)."""
import copy
import json

from conftest import lint_files
from ecs_lint import cloudformation as cfn
from ecs_lint import probes
from ecs_lint.values import Template, Unknown

NOT_COVERED = "xref-passrole-not-covered"
ACCOUNT = "347720915864"
TASK_EXPORT = "ServiceStack:ExportsOutputFnGetAttTaskRoleArn"
EXEC_EXPORT = "ServiceStack:ExportsOutputFnGetAttExecutionRoleArn"

WORKFLOW = f"""\
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    permissions:
      id-token: write
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::{ACCOUNT}:role/api-deploy
          aws-region: eu-west-2
      - id: taskdef
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition-family: api
          container-name: api
          image: {ACCOUNT}.dkr.ecr.eu-west-2.amazonaws.com/api:${{{{ github.sha }}}}
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: ${{{{ steps.taskdef.outputs.task-definition }}}}
          cluster: main
          service: api
"""

TASKS_TRUST = {"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"},
    "Action": "sts:AssumeRole"}]}


def export(name, logical_id):
    return {"Value": {"Fn::GetAtt": [logical_id, "Arn"]}, "Export": {"Name": name}}


# the stack with the task definition: two roles without RoleName, both exported
SERVICE = {
    "Resources": {
        "TaskRole": {"Type": "AWS::IAM::Role",
                     "Properties": {"AssumeRolePolicyDocument": TASKS_TRUST}},
        "ExecutionRole": {"Type": "AWS::IAM::Role",
                          "Properties": {"AssumeRolePolicyDocument": TASKS_TRUST}},
        "TaskDef": {"Type": "AWS::ECS::TaskDefinition", "Properties": {
            "Family": "api", "Cpu": "256", "Memory": "512", "NetworkMode": "awsvpc",
            "RequiresCompatibilities": ["FARGATE"],
            "ExecutionRoleArn": {"Fn::GetAtt": ["ExecutionRole", "Arn"]},
            "TaskRoleArn": {"Fn::GetAtt": ["TaskRole", "Arn"]},
            "ContainerDefinitions": [{"Name": "api", "Image": "nginx:1.27",
                                      "Essential": True}]}},
    },
    "Outputs": {
        "ExportsOutputFnGetAttTaskRoleArn": export(TASK_EXPORT, "TaskRole"),
        "ExportsOutputFnGetAttExecutionRoleArn": export(EXEC_EXPORT, "ExecutionRole"),
    },
}


def ci_stack(passed) -> dict:
    """The stack with the deploy role, whose iam:PassRole Resource is `passed`."""
    return {"Resources": {
        "DeployRole": {"Type": "AWS::IAM::Role", "Properties": {
            "RoleName": "api-deploy",
            "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{
                "Effect": "Allow", "Action": "sts:AssumeRoleWithWebIdentity",
                "Principal": {"Federated": {"Fn::Sub": "arn:aws:iam::${AWS::AccountId}:"
                                            "oidc-provider/token.actions.githubusercontent.com"}},
                "Condition": {"StringEquals": {
                    "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                    "token.actions.githubusercontent.com:sub":
                        "repo:o/api:environment:production"}}}]}}},
        "DeployPolicy": {"Type": "AWS::IAM::Policy", "Properties": {
            "PolicyName": "deploy",
            "Roles": [{"Ref": "DeployRole"}],
            "PolicyDocument": {"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Resource": "*",
                 "Action": ["ecs:RegisterTaskDefinition", "ecs:DescribeTaskDefinition",
                            "ecs:UpdateService", "ecs:DescribeServices"]},
                {"Effect": "Allow", "Action": "iam:PassRole", "Resource": passed}]}}},
    }}


CONFIG = "github:\n  repository: o/api\n"


def imported(name):
    return {"Fn::ImportValue": name}


def not_covered(tmp_path, files) -> list:
    found = lint_files(tmp_path, {".github/workflows/deploy.yml": WORKFLOW, **files}, CONFIG)
    return sorted((f.file, f.line) for f in found if f.rule == NOT_COVERED)


def test_import_of_the_task_role_only_leaves_the_execution_role_uncovered(tmp_path):
    got = not_covered(tmp_path, {"cdk.out/ServiceStack.template.json": SERVICE,
                                 "cdk.out/CiStack.template.json": ci_stack(imported(TASK_EXPORT))})
    assert got and {f for f, _ in got} == {"cdk.out/CiStack.template.json"}


def test_imports_of_both_roles_cover_them(tmp_path):
    passed = [imported(TASK_EXPORT), imported(EXEC_EXPORT)]
    assert not_covered(tmp_path, {"cdk.out/ServiceStack.template.json": SERVICE,
                                  "cdk.out/CiStack.template.json": ci_stack(passed)}) == []


def test_an_export_not_in_the_folder_stays_silent(tmp_path):
    # the exporting template elsewhere: the import is not known
    assert not_covered(tmp_path, {"other/ServiceStack.template.json": SERVICE,
                                  "cdk.out/CiStack.template.json":
                                      ci_stack(imported(TASK_EXPORT))}) == []


def test_a_name_exported_by_two_templates_stays_silent(tmp_path):
    twin = copy.deepcopy(SERVICE)
    del twin["Resources"]["TaskDef"]
    assert not_covered(tmp_path, {"cdk.out/ServiceStack.template.json": SERVICE,
                                  "cdk.out/Twin.template.json": twin,
                                  "cdk.out/CiStack.template.json":
                                      ci_stack(imported(TASK_EXPORT))}) == []


# -- resolving one import ---------------------------------------------------------


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return str(path)


def import_in(tmp_path, arg, params=None):
    """`resolve` of `Fn::ImportValue: arg` in a template of `tmp_path`."""
    probes.new_run()
    me = {"Parameters": params or {}, "Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}
    scope = cfn.Scope.of(me, file=write(tmp_path, "me.json", me))
    return cfn.resolve(imported(arg), scope)


def test_an_import_is_the_exported_value_read_in_the_exporting_template(tmp_path):
    write(tmp_path, "service.json", SERVICE)
    assert import_in(tmp_path, TASK_EXPORT) == Template((Unknown("TaskRole.Arn"),))


def test_an_import_named_by_sub_of_a_parameter_default_resolves(tmp_path):
    write(tmp_path, "service.json", SERVICE)
    got = import_in(tmp_path, {"Fn::Sub": "${Stack}:ExportsOutputFnGetAttTaskRoleArn"},
                    {"Stack": {"Type": "String", "Default": "ServiceStack"}})
    assert got == Template((Unknown("TaskRole.Arn"),))


def test_an_import_named_with_the_stack_name_stays_unknown(tmp_path):
    exporter = copy.deepcopy(SERVICE)
    exporter["Outputs"]["X"] = export("me:TaskRoleArn", "TaskRole")
    write(tmp_path, "service.json", exporter)
    got = import_in(tmp_path, {"Fn::Sub": "${AWS::StackName}:TaskRoleArn"})
    assert got == Template((Unknown("Fn::ImportValue"),))


def test_an_export_whose_name_reads_the_stack_name_is_not_known(tmp_path):
    exporter = copy.deepcopy(SERVICE)
    exporter["Outputs"]["X"] = {"Value": "literal",
                                "Export": {"Name": {"Fn::Sub": "${AWS::StackName}-X"}}}
    write(tmp_path, "service.json", exporter)
    assert import_in(tmp_path, "ServiceStack-X") == Template((Unknown("Fn::ImportValue"),))


def test_a_named_role_export_is_its_arn_and_yaml_exports_load(tmp_path):
    write(tmp_path, "service.yaml", """\
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      RoleName: api-task
      AssumeRolePolicyDocument: {}
Outputs:
  RoleArn:
    Value: !GetAtt Role.Arn
    Export:
      Name: !Sub "platform-${Env}-task-role"
Parameters:
  Env: {Type: String, Default: prod}
""")
    got = import_in(tmp_path, "platform-prod-task-role")
    assert got == Template(("arn:", Unknown("AWS::Partition"), ":iam::", Unknown("AWS::AccountId"),
                                 ":role/api-task"))


def test_a_template_cannot_import_its_own_export_and_bad_shapes_do_not_crash(tmp_path):
    probes.new_run()
    me = copy.deepcopy(SERVICE)
    me["Outputs"]["Bad"] = {"Value": "x", "Export": ["not", "a", "map"]}
    me["Outputs"]["Worse"] = "text"
    scope = cfn.Scope.of(me, file=write(tmp_path, "me.json", me))
    write(tmp_path, "broken.json", '{"Outputs": {"Export": ')  # not JSON
    for arg in (TASK_EXPORT, ["a", "b"], {"Fn::Sub": 3}, None):
        assert cfn.resolve(imported(arg), scope) == Template((Unknown("Fn::ImportValue"),))


def test_an_import_without_a_template_file_stays_unknown(tmp_path):
    write(tmp_path, "service.json", SERVICE)
    probes.new_run()
    assert cfn.resolve(imported(TASK_EXPORT), cfn.Scope.of({})) \
        == Template((Unknown("Fn::ImportValue"),))


def test_the_exporting_file_is_asked_about_so_a_reused_result_follows_its_edits(tmp_path):
    path = write(tmp_path, "service.json", SERVICE)
    with probes.recording() as asked:
        assert import_in(tmp_path, TASK_EXPORT) == Template((Unknown("TaskRole.Arn"),))
    assert any(q[0] == "digest" and q[1][0] == path for q in asked)
    edited = copy.deepcopy(SERVICE)
    edited["Resources"]["TaskRole"]["Properties"]["RoleName"] = "api-task"
    write(tmp_path, "service.json", edited)
    probes.new_run()
    assert not probes.still_true(asked)
    assert import_in(tmp_path, TASK_EXPORT) \
        == Template(("arn:", Unknown("AWS::Partition"), ":iam::", Unknown("AWS::AccountId"),
                                 ":role/api-task"))
