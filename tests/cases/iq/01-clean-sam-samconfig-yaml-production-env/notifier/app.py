import json
import os

import boto3

ses = boto3.client("ses")


def handler(event, context):
    for record in event["Records"]:
        body = json.loads(record["body"])
        ses.send_email(
            Source=os.environ["SENDER"],
            Destination={"ToAddresses": [body["customer_email"]]},
            Message={
                "Subject": {"Data": f"Invoice {body['invoice_id']} is ready"},
                "Body": {"Text": {"Data": body["download_url"]}},
            },
        )
