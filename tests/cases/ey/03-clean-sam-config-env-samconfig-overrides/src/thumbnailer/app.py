def handler(event, context):
    for record in event.get("Records", []):
        print(record["s3"]["object"]["key"])
