import boto3

def main():
    sqs = boto3.client("sqs")
    while True:
        sqs.receive_message(QueueUrl="...", WaitTimeSeconds=20)

if __name__ == "__main__":
    main()
