import os

import boto3

ecs = boto3.client("ecs")


def handler(event, context):
    svc = ecs.describe_services(cluster=os.environ["CLUSTER"], services=[os.environ["SERVICE"]])
    service = svc["services"][0]
    return {"running": service["runningCount"], "desired": service["desiredCount"]}
