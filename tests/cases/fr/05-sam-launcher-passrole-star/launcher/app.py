import os

import boto3

ecs = boto3.client("ecs")


def handler(event, context):
    resp = ecs.run_task(
        cluster=os.environ["CLUSTER"],
        taskDefinition=os.environ["TASK_DEFINITION"],
        launchType="FARGATE",
        networkConfiguration={
            "awsvpcConfiguration": {
                "subnets": os.environ["SUBNETS"].split(","),
                "securityGroups": [os.environ["SECURITY_GROUP"]],
                "assignPublicIp": "DISABLED",
            }
        },
    )
    failures = resp.get("failures", [])
    if failures:
        raise RuntimeError(f"run_task failed: {failures}")
    return {"taskArn": resp["tasks"][0]["taskArn"]}
