"""Generate a synthetic infra repository: N services, each with a deploy workflow,
a trust policy, a permission policy, a task definition and a service definition
(5 files a service), realistic sizes, a deterministic mix of good and risky
settings.

    python3 bench/generate.py OUT_DIR --services 1000 [--seed 7]
"""
import argparse
import json
import os
import random

ACCOUNT = "123456789012"
REGION = "eu-west-1"
OWNER = "acme"
REPO = f"{OWNER}/platform"  # the one repository of the workflows


def trust(rng, name):
    # the workflows live in one repository (REPO, as the config says); a few
    # policies still name a repository of their own (left over from a move)
    repo = f"{OWNER}/{name}" if rng.random() < 0.03 else REPO
    style = rng.random()
    if style < 0.7:
        sub = f"repo:{repo}:environment:production"
        op = "StringEquals"
    elif style < 0.85:
        sub = f"repo:{repo}:ref:refs/heads/main"
        op = "StringLike"
    elif style < 0.95:
        sub = f"repo:{repo}:*"
        op = "StringLike"
    else:
        sub = [f"repo:{repo}:ref:refs/heads/main", f"repo:{repo}:pull_request"]
        op = "StringLike"
    cond = {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}
    cond.setdefault(op, {})["token.actions.githubusercontent.com:sub"] = sub
    return {"Version": "2012-10-17", "Statement": [{
        "Sid": "GitHubDeploy", "Effect": "Allow",
        "Principal": {"Federated": f"arn:aws:iam::{ACCOUNT}:oidc-provider/token.actions.githubusercontent.com"},
        "Action": "sts:AssumeRoleWithWebIdentity", "Condition": cond}]}


def policy(rng, name):
    broad = rng.random() < 0.1
    stmts = [
        {"Sid": "EcrLogin", "Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"},
        {"Sid": "EcrPush", "Effect": "Allow",
         "Action": ["ecr:*"] if broad else ["ecr:BatchCheckLayerAvailability", "ecr:CompleteLayerUpload",
                                            "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart",
                                            "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
         "Resource": f"arn:aws:ecr:{REGION}:{ACCOUNT}:repository/{name}"},
        {"Sid": "Deploy", "Effect": "Allow",
         "Action": ["ecs:RegisterTaskDefinition", "ecs:DescribeTaskDefinition", "ecs:UpdateService",
                    "ecs:DescribeServices", "ecs:RunTask", "ecs:DescribeTasks"], "Resource": "*"},
        {"Sid": "PassRoles", "Effect": "Allow", "Action": "iam:PassRole",
         "Resource": "*" if rng.random() < 0.1 else [
             f"arn:aws:iam::{ACCOUNT}:role/{name}-execution", f"arn:aws:iam::{ACCOUNT}:role/{name}-task"],
         "Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}},
    ]
    return {"Version": "2012-10-17", "Statement": stmts}


def task_definition(rng, name):
    tag = "latest" if rng.random() < 0.1 else f"{rng.getrandbits(160):040x}"
    env = [{"name": "LOG_LEVEL", "value": "info"}, {"name": "PORT", "value": "8080"}]
    if rng.random() < 0.05:
        env.append({"name": "DB_PASSWORD", "value": "hunter2-" + name})
    cpu, mem = rng.choice([("256", "512"), ("512", "1024"), ("1024", "2048"), ("256", "4096")])
    return {
        "family": name, "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
        "cpu": cpu, "memory": mem,
        "executionRoleArn": f"arn:aws:iam::{ACCOUNT}:role/{name}-execution",
        "taskRoleArn": f"arn:aws:iam::{ACCOUNT}:role/{name}-task",
        "containerDefinitions": [{
            "name": name, "image": f"{ACCOUNT}.dkr.ecr.{REGION}.amazonaws.com/{name}:{tag}",
            "essential": True, "portMappings": [{"containerPort": 8080, "protocol": "tcp"}],
            "environment": env,
            "secrets": [{"name": "DATABASE_URL",
                         "valueFrom": f"arn:aws:secretsmanager:{REGION}:{ACCOUNT}:secret:{name}/db"}],
            "healthCheck": {"command": ["CMD-SHELL", "curl -fsS localhost:8080/health || exit 1"],
                            "interval": 15, "timeout": 5, "retries": 3},
            "logConfiguration": {"logDriver": "awslogs", "options": {
                "awslogs-group": f"/ecs/{name}", "awslogs-region": REGION, "awslogs-stream-prefix": "app"}},
        }],
    }


def service(rng, name):
    cb = rng.random() > 0.1
    return {
        "cluster": "prod", "serviceName": name, "taskDefinition": name, "desiredCount": 2,
        "launchType": "FARGATE",
        "deploymentConfiguration": {"deploymentCircuitBreaker": {"enable": cb, "rollback": cb},
                                    "maximumPercent": 200, "minimumHealthyPercent": 100},
        "loadBalancers": [{"targetGroupArn": f"arn:aws:elasticloadbalancing:{REGION}:{ACCOUNT}:targetgroup/{name}/abc",
                           "containerName": name, "containerPort": 8080}],
        "healthCheckGracePeriodSeconds": rng.choice([30, 60, 90, 120]),
        "networkConfiguration": {"awsvpcConfiguration": {
            "subnets": ["subnet-0a1b2c3d"], "securityGroups": ["sg-0a1b2c3d"], "assignPublicIp": "DISABLED"}},
    }


def workflow(rng, name):
    env_line = "    environment: production\n" if rng.random() < 0.8 else ""
    wait = rng.choice(["15", "20", "5"])
    return f"""name: Deploy {name}

on:
  push:
    branches: [main]
    paths: ["services/{name}/**"]
  workflow_dispatch:

permissions:
  contents: read

env:
  AWS_REGION: {REGION}
  ECR_REPOSITORY: {name}
  ECS_CLUSTER: prod
  ECS_SERVICE: {name}

jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: pip install -r services/{name}/requirements-dev.txt
      - run: pytest -q services/{name}

  deploy:
    needs: test
    runs-on: ubuntu-latest
{env_line}    permissions:
      contents: read
      id-token: write
    steps:
      - uses: actions/checkout@v4
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::{ACCOUNT}:role/{name}-deploy
          aws-region: ${{{{ env.AWS_REGION }}}}
      - id: ecr
        uses: aws-actions/amazon-ecr-login@v2
      - id: build
        env:
          REGISTRY: ${{{{ steps.ecr.outputs.registry }}}}
          TAG: ${{{{ github.sha }}}}
        run: |
          docker build -t "$REGISTRY/$ECR_REPOSITORY:$TAG" services/{name}
          docker push "$REGISTRY/$ECR_REPOSITORY:$TAG"
          echo "image=$REGISTRY/$ECR_REPOSITORY:$TAG" >> "$GITHUB_OUTPUT"
      - id: render
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: ecs/{name}-task-definition.json
          container-name: {name}
          image: ${{{{ steps.build.outputs.image }}}}
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: ${{{{ steps.render.outputs.task-definition }}}}
          service: ${{{{ env.ECS_SERVICE }}}}
          cluster: ${{{{ env.ECS_CLUSTER }}}}
          wait-for-service-stability: true
          wait-for-minutes: {wait}
"""


def generate(out, services, seed=7):
    rng = random.Random(seed)
    for d in (".github/workflows", "iam", "ecs"):
        os.makedirs(os.path.join(out, d), exist_ok=True)
    roles = {}
    for i in range(services):
        name = f"svc-{i:05d}"
        files = {
            f"iam/{name}-trust.json": trust(rng, name),
            f"iam/{name}-policy.json": policy(rng, name),
            f"ecs/{name}-task-definition.json": task_definition(rng, name),
            f"ecs/{name}-service.json": service(rng, name),
        }
        for rel, data in files.items():
            with open(os.path.join(out, rel), "w") as f:
                json.dump(data, f, indent=2)
        with open(os.path.join(out, ".github/workflows", f"deploy-{name}.yml"), "w") as f:
            f.write(workflow(rng, name))
        roles[f"arn:aws:iam::{ACCOUNT}:role/{name}-deploy"] = {
            "trust": f"iam/{name}-trust.json", "permissions": [f"iam/{name}-policy.json"]}
    with open(os.path.join(out, ".ecs-lint.yaml"), "w") as f:
        json.dump({"github": {"repository": REPO, "owners": [OWNER]}, "roles": roles}, f,
                  indent=1)
    return services * 5


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--services", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    n = generate(a.out, a.services, a.seed)
    print(f"{n} files in {a.out}")
