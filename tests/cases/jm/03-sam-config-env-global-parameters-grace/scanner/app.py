def handler(event, context):
    return {"scanned": len(event.get("Records", []))}
