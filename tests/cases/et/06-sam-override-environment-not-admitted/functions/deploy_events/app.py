import json
import os
import urllib.request

import boto3

_secrets = boto3.client("secretsmanager")


def handler(event, _context):
    webhook = _secrets.get_secret_value(SecretId=os.environ["SLACK_WEBHOOK_SECRET"])["SecretString"]
    detail = event.get("detail", {})
    text = f"ledger-api deployment {detail.get('deploymentId')}: {detail.get('eventName')}"
    req = urllib.request.Request(webhook, data=json.dumps({"text": text}).encode(), headers={"Content-Type": "application/json"})
    urllib.request.urlopen(req, timeout=5)
