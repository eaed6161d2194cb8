import os

import boto3

ecs = boto3.client("ecs")
ssm = boto3.client("ssm")


def handler(event, context):
    subnets = ssm.get_parameter(Name="/intake/network/private-subnets")["Parameter"]["Value"].split(",")
    task = ecs.run_task(
        cluster=os.environ["CLUSTER"],
        taskDefinition=os.environ["TASK_DEFINITION"],
        launchType="FARGATE",
        networkConfiguration={"awsvpcConfiguration": {"subnets": subnets, "assignPublicIp": "DISABLED"}},
    )["tasks"][0]
    ecs.get_waiter("tasks_stopped").wait(cluster=os.environ["CLUSTER"], tasks=[task["taskArn"]])
    done = ecs.describe_tasks(cluster=os.environ["CLUSTER"], tasks=[task["taskArn"]])["tasks"][0]
    code = done["containers"][0].get("exitCode")
    if code != 0:
        raise RuntimeError(f"migration exited with {code}")
    return {"exitCode": code}
