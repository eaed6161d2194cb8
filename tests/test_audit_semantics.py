"""The cross-file rules' model of what the deploy path really calls and which
subs it really sends, checked against the actions' sources and GitHub's docs."""
import json
import textwrap

from conftest import ROLE, lint_folder, oidc_trust, oidc_workflow

SUB = "repo:myorg/app:environment:production"


def _lint(tmp_path, workflow, policy, sub=SUB, extra=None):
    """A repository whose role ROLE trusts `sub` and has `policy`; the xref findings."""
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "deploy.yml").write_text(textwrap.dedent(workflow))
    (tmp_path / "iam").mkdir()
    (tmp_path / "iam" / "trust.json").write_text(json.dumps(oidc_trust(sub)))
    (tmp_path / "iam" / "perm.json").write_text(json.dumps(
        {"Version": "2012-10-17", "Statement": policy}))
    (tmp_path / ".ecs-lint.yaml").write_text(
        "github:\n  repository: myorg/app\n"
        f'roles:\n  "{ROLE}":\n    trust: iam/trust.json\n    permissions: [iam/perm.json]\n')
    for rel, text in (extra or {}).items():
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(text))
    return [f for f in lint_folder(tmp_path) if f.rule.startswith("xref-")]


PUSH = ["ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart",
        "ecr:CompleteLayerUpload", "ecr:PutImage"]


def _push_workflow(login_with: str) -> str:
    return oidc_workflow(ROLE, "production", steps=f"""\
          - id: login
            uses: aws-actions/amazon-ecr-login@v2
            with:
              {login_with}
          - run: |
              docker build -t ${{{{ steps.login.outputs.registry }}}}/app:${{{{ github.sha }}}} .
              docker push ${{{{ steps.login.outputs.registry }}}}/app:${{{{ github.sha }}}}
    """)


def test_ecr_login_registries_names_the_registry_pushed_to(tmp_path):
    # amazon-ecr-login with `registries: <one account>` logs in to that account's
    # registry and outputs it as `registry` (aws-actions/amazon-ecr-login index.js:
    # registryIds from `registries`, setOutput(registry) from the token's proxyEndpoint)
    wf = _push_workflow('registries: "999999999999"')
    policy = [{"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"},
              {"Effect": "Allow", "Action": PUSH,
               "Resource": "arn:aws:ecr:eu-west-1:999999999999:repository/app"}]
    assert _lint(tmp_path, wf, policy) == []


def test_ecr_login_registries_still_checks_the_other_account(tmp_path):
    wf = _push_workflow('registries: "999999999999"')
    policy = [{"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"},
              {"Effect": "Allow", "Action": PUSH,
               "Resource": "arn:aws:ecr:eu-west-1:123456789012:repository/app"}]
    found = _lint(tmp_path, wf, policy)
    assert found and all(f.rule == "xref-permission-missing" for f in found)
    assert all("arn:aws:ecr:eu-west-1:999999999999:repository/app" in f.message for f in found)


def test_ecr_login_public_registry_is_not_a_private_repository(tmp_path):
    # `registry-type: public` outputs `public.ecr.aws`: the push goes to ECR Public,
    # not to a private repository of the role's account
    wf = _push_workflow("registry-type: public")
    policy = [{"Effect": "Allow", "Action": ["ecr-public:GetAuthorizationToken",
                                             "sts:GetServiceBearerToken"], "Resource": "*"},
              {"Effect": "Allow", "Action": [a.replace("ecr:", "ecr-public:") for a in PUSH],
               "Resource": "*"}]
    assert _lint(tmp_path, wf, policy) == []


def test_render_from_a_registered_task_definition_describes_it(tmp_path):
    # aws-actions/amazon-ecs-render-task-definition index.js: without a
    # `task-definition` file it calls ecs.describeTaskDefinition on
    # `task-definition-arn` (or `task-definition-family[:revision]`)
    wf = oidc_workflow(ROLE, "production", steps="""\
          - uses: aws-actions/amazon-ecs-render-task-definition@v1
            with:
              task-definition-family: web
              container-name: web
              image: nginx:1.27
    """)
    found = _lint(tmp_path, wf, [{"Effect": "Allow", "Action": "ecs:RegisterTaskDefinition",
                                  "Resource": "*"}])
    assert [f.rule for f in found] == ["xref-permission-missing"]
    assert "ecs:DescribeTaskDefinition" in found[0].message
    ok = _lint(tmp_path / "ok", wf, [{"Effect": "Allow", "Action": "ecs:DescribeTaskDefinition",
                                      "Resource": "*"}])
    assert ok == []


def test_render_from_a_file_calls_nothing(tmp_path):
    wf = oidc_workflow(ROLE, "production", steps="""\
          - uses: aws-actions/amazon-ecs-render-task-definition@v1
            with:
              task-definition: td.json
              task-definition-family: web
              container-name: web
              image: nginx:1.27
    """)
    found = _lint(tmp_path, wf, [{"Effect": "Allow", "Action": "ecs:RegisterTaskDefinition",
                                  "Resource": "*"}],
                  extra={"td.json": '{"family": "web", "containerDefinitions": '
                                    '[{"name": "web", "image": "nginx:1.27"}]}'})
    assert found == []


TD_TAGGED = json.dumps({
    "family": "web", "tags": [{"key": "team", "value": "blog"}],
    "containerDefinitions": [{"name": "web", "image": "nginx:1.27"}]})
REGISTER_ONLY = [{"Effect": "Allow", "Action": ["ecs:RegisterTaskDefinition", "ecs:RunTask"],
                  "Resource": "*"}]


def test_registering_a_tagged_task_definition_needs_tag_resource(tmp_path):
    # "If tags are specified in the resource-creating action, AWS performs additional
    # authorization" (Amazon ECS guide, Grant permission to tag resources on creation:
    # RegisterTaskDefinition, RunTask -> ecs:TagResource); aws/aws-cdk#25768 shows the
    # AccessDenied on ecs:TagResource from a tagged RegisterTaskDefinition
    wf = oidc_workflow(ROLE, "production", steps="""\
          - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
            with:
              task-definition: td.json
    """)
    found = _lint(tmp_path, wf, REGISTER_ONLY, extra={"td.json": TD_TAGGED})
    assert [f.rule for f in found] == ["xref-permission-missing"]
    assert "ecs:TagResource" in found[0].message
    untagged = TD_TAGGED.replace('"tags": [{"key": "team", "value": "blog"}], ', "")
    assert _lint(tmp_path / "untagged", wf, REGISTER_ONLY, extra={"td.json": untagged}) == []
    granted = REGISTER_ONLY + [{"Effect": "Allow", "Action": "ecs:TagResource", "Resource": "*",
                                "Condition": {"StringEquals": {
                                    "ecs:CreateAction": "RegisterTaskDefinition"}}}]
    assert _lint(tmp_path / "granted", wf, granted, extra={"td.json": TD_TAGGED}) == []


def test_run_task_with_tags_needs_tag_resource(tmp_path):
    wf = oidc_workflow(ROLE, "production", steps="""\
          - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
            with:
              task-definition: td.json
              run-task: true
              run-task-tags: '[{"key": "job", "value": "migrate"}]'
          - run: aws ecs run-task --cluster c --task-definition web --tags key=a,value=b
    """)
    untagged = TD_TAGGED.replace('"tags": [{"key": "team", "value": "blog"}], ', "")
    found = _lint(tmp_path, wf, REGISTER_ONLY, extra={"td.json": untagged})
    assert [f.rule for f in found] == ["xref-permission-missing"]
    assert "ecs:TagResource" in found[0].message and "run-task-tags" in found[0].message
    assert len(found[0].related) == 2


def test_cli_register_of_a_tagged_file_needs_tag_resource(tmp_path):
    wf = oidc_workflow(ROLE, "production", steps="""\
          - run: aws ecs register-task-definition --cli-input-json file://td.json
    """)
    found = _lint(tmp_path, wf, REGISTER_ONLY, extra={"td.json": TD_TAGGED})
    assert [f.rule for f in found] == ["xref-permission-missing"]
    assert "ecs:TagResource" in found[0].message


def _needs(uses, w):
    from ecs_lint.xref import actions as A
    return [a for a, _ in A.action_step_needs(uses, w)]


def test_codedeploy_get_deployment_only_when_waiting():
    # amazon-ecs-deploy-task-definition index.js createCodeDeployDeployment:
    # getDeploymentGroup, createDeployment, and waitUntilDeploymentSuccessful
    # (GetDeployment) only when wait-for-service-stability is "true"
    w = {"task-definition": "td.json", "service": "web", "codedeploy-appspec": "appspec.yaml"}
    deploy = "aws-actions/amazon-ecs-deploy-task-definition"
    assert "codedeploy:GetDeployment" not in _needs(deploy, w)
    assert "codedeploy:CreateDeployment" in _needs(deploy, w)
    assert "codedeploy:GetDeployment" in _needs(deploy, dict(w, **{
        "wait-for-service-stability": True}))


SERVICE = "arn:aws:ecs:eu-west-1:123456789012:service/prod/web"


def test_service_given_as_an_arn_is_that_service(tmp_path):
    # DescribeServices / UpdateService accept the service's ARN; IAM authorizes
    # them on that ARN (not on service/<cluster>/<the ARN>)
    wf = oidc_workflow(ROLE, "production", steps=f"""\
          - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
            with:
              task-definition: td.json
              cluster: prod
              service: {SERVICE}
    """)
    policy = [{"Effect": "Allow", "Action": "ecs:RegisterTaskDefinition", "Resource": "*"},
              {"Effect": "Allow", "Action": ["ecs:DescribeServices", "ecs:UpdateService"],
               "Resource": SERVICE}]
    td = '{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx:1.27"}]}'
    assert _lint(tmp_path, wf, policy, extra={"td.json": td}) == []


def test_arns_in_the_china_partition(tmp_path):
    # in cn-* regions ARNs are arn:aws-cn:... and registries end .amazonaws.com.cn
    role = "arn:aws-cn:iam::123456789012:role/deploy"
    wf = oidc_workflow(role, "production", steps="""\
          - id: login
            uses: aws-actions/amazon-ecr-login@v2
          - run: docker push ${{ steps.login.outputs.registry }}/app:${{ github.sha }}
          - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
            with:
              task-definition: td.json
              service: web
              cluster: prod
    """).replace("eu-west-1", "cn-north-1")
    policy = [{"Effect": "Allow", "Action": ["ecr:GetAuthorizationToken",
                                             "ecs:RegisterTaskDefinition"], "Resource": "*"},
              {"Effect": "Allow", "Action": PUSH,
               "Resource": "arn:aws-cn:ecr:cn-north-1:123456789012:repository/app"},
              {"Effect": "Allow", "Action": ["ecs:DescribeServices", "ecs:UpdateService"],
               "Resource": "arn:aws-cn:ecs:cn-north-1:123456789012:service/prod/web"},
              {"Effect": "Allow", "Action": "iam:PassRole",
               "Resource": "arn:aws-cn:iam::123456789012:role/app-*"}]
    td = ('{"family": "web", "executionRoleArn": "app-exec", '
          '"containerDefinitions": [{"name": "web", "image": "nginx:1.27"}]}')
    (tmp_path / "iam").mkdir()
    (tmp_path / "iam" / "trust.json").write_text(json.dumps(oidc_trust(SUB)))
    (tmp_path / "iam" / "perm.json").write_text(json.dumps(
        {"Version": "2012-10-17", "Statement": policy}))
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "deploy.yml").write_text(textwrap.dedent(wf))
    (tmp_path / "td.json").write_text(td)
    (tmp_path / ".ecs-lint.yaml").write_text(
        "github:\n  repository: myorg/app\n"
        f'roles:\n  "{role}":\n    trust: iam/trust.json\n    permissions: [iam/perm.json]\n')
    assert [f for f in lint_folder(tmp_path) if f.rule.startswith("xref-")] == []
    from ecs_lint.xref import actions as A
    assert A.ecr_repository_arn("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app:1") == \
        "arn:aws-cn:ecr:cn-north-1:123456789012:repository/app"
    assert A.partition("us-gov-west-1") == "aws-us-gov" and A.partition("eu-west-1") == "aws"
