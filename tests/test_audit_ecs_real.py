"""Findings checked against real ECS task definitions, services and OIDC providers
from public repositories (each test credits the file its excerpt comes from)."""

from conftest import file_findings, lint_folder

from ecs_lint.rules.taskdef import image_tag


def findings(tmp_path, data, name="file.json"):
    """(rule, line, column) of the findings for one JSON file."""
    return file_findings(tmp_path, name, data)


def rules(tmp_path, data, name="file.json"):
    return [r for r, _, _ in findings(tmp_path, data, name)]


# AmaliTech-Training-Academy/talentradar-config-server-rw .aws/task-definition.json
# ("image": "${ecr_repository_url}:latest") and zaru/ecs-service-connect-sample
# ecs-task-def.json ("image": "{{ ssm `/ecs/next-js-cdk/ecr-repository-name` }}:latest"):
# the repository is filled in by the pipeline, the tag is a literal :latest.
def test_placeholder_repository_with_literal_latest_tag():
    assert image_tag("${ecr_repository_url}:latest") == ("tag", "latest")
    assert image_tag("{{ ssm `/ecs/next-js-cdk/ecr-repository-name` }}:latest") == ("tag", "latest")
    assert image_tag("%REPO_URL%:latest") == ("tag", "latest")
    assert image_tag("<REPOSITORY_URI>:latest") == ("tag", "latest")
    # still unknown: the whole reference, or its tag, is the placeholder
    for image in ("<IMAGE1_NAME>", "${IMAGE}", "{{ must_env `IMAGE` }}", "IMAGE_PLACEHOLDER",
                  "%AWS_ID%.dkr.ecr.us-east-1.amazonaws.com/%APP_NAME%:%COMMIT_HASH%",
                  "123.dkr.ecr.us-east-1.amazonaws.com/app:${IMAGE_TAG}",
                  "nginx:{{ env `NGINX_VERSION` `latest` }}"):
        assert image_tag(image)[0] == "unknown", image
    assert image_tag("${{ secrets.ECR }}/app:${{ github.sha }}")[0] == "unknown"


def test_placeholder_repository_latest_is_reported(tmp_path):
    # zaru/ecs-service-connect-sample ecs-task-def.json (trimmed)
    found = findings(tmp_path, """{
  "containerDefinitions": [
    {
      "name": "nextjs",
      "image": "{{ ssm `/ecs/next-js-cdk/ecr-repository-name` }}:latest",
      "essential": true,
      "logConfiguration": {"logDriver": "awslogs", "options": {}}
    }
  ],
  "family": "next-js-cdk"
}
""")
    assert ("taskdef-image-latest", 5, 16) in found


def test_daemon_blocked_points_at_the_minimum_and_does_not_advise_200(tmp_path):
    # a DAEMON service from a committed describe-services dump (avc-backend-service,
    # EC2, maximumPercent 100) with the minimum raised to 100: ECS must stop the old
    # task on an instance before it starts the new one, and maximumPercent above 100
    # is out of range for DAEMON, so "raise maximumPercent (e.g. 200)" is wrong advice
    (tmp_path / "svc.json").write_text("""{
    "services": [
        {
            "serviceName": "avc-backend-service",
            "clusterArn": "arn:aws:ecs:eu-west-2:486699961018:cluster/avc",
            "desiredCount": 1,
            "launchType": "EC2",
            "deploymentConfiguration": {
                "deploymentCircuitBreaker": {"enable": true, "rollback": true},
                "maximumPercent": 100,
                "minimumHealthyPercent": 100
            },
            "schedulingStrategy": "DAEMON"
        }
    ],
    "failures": []
}
""")
    found = [f for f in lint_folder(tmp_path) if f.rule == "service-deployment-blocked"]
    assert [(f.line, f.column) for f in found] == [(11, 42)]
    assert "200" not in found[0].help and "minimumHealthyPercent" in found[0].help
