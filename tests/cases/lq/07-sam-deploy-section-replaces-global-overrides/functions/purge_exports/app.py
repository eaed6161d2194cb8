import datetime
import os

import boto3

s3 = boto3.client("s3")


def handler(event, context):
    bucket = os.environ["EXPORT_BUCKET"]
    cutoff = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=14)
    paginator = s3.get_paginator("list_objects_v2")
    deleted = 0
    for page in paginator.paginate(Bucket=bucket, Prefix="exports/"):
        old = [{"Key": o["Key"]} for o in page.get("Contents", []) if o["LastModified"] < cutoff]
        if old:
            s3.delete_objects(Bucket=bucket, Delete={"Objects": old})
            deleted += len(old)
    return {"deleted": deleted}
