import os

import boto3


def handler(event, context):
    ecs = boto3.client("ecs")
    svc = ecs.describe_services(cluster=os.environ["CLUSTER"], services=[os.environ["SERVICE"]])["services"][0]
    return {"running": svc["runningCount"], "desired": svc["desiredCount"]}
