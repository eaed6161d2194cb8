import * as fs from "fs";
import * as aws from "@pulumi/aws";

// The trust policy lives in policies/ so security review sees plain IAM JSON.
const trustPolicy = fs.readFileSync("policies/github-actions-trust.json", "utf8");

export const ciRole = new aws.iam.Role("intake-ci", {
    name: "intake-ci",
    assumeRolePolicy: trustPolicy,
    managedPolicyArns: [
        "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser",
    ],
});

export const ciRoleArn = ciRole.arn;
