import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

// Enterprise "lattice" uses GitHub's unique token URL (include_enterprise_slug).
const ISSUER = 'token.actions.githubusercontent.com/lattice';
const AUDIENCE = 'lattice-ecs-release';

export class GithubDeployStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const provider = new iam.OidcProviderNative(this, 'GithubOidc', {
      url: `https://${ISSUER}`,
      clientIds: [AUDIENCE],
    });

    new iam.Role(this, 'DeployRole', {
      roleName: 'atlas-api-deploy',
      assumedBy: new iam.WebIdentityPrincipal(provider.oidcProviderArn, {
        StringEquals: {
          [`${ISSUER}:aud`]: AUDIENCE,
          [`${ISSUER}:sub`]: 'repo:lattice-works/atlas-api:environment:production',
        },
      }),
      inlinePolicies: { deploy: deployPolicy(this) },
    });
  }
}

function deployPolicy(stack: cdk.Stack): iam.PolicyDocument {
  const { account, region } = stack;
  return new iam.PolicyDocument({
    statements: [
      new iam.PolicyStatement({ actions: ['ecr:GetAuthorizationToken'], resources: ['*'] }),
      new iam.PolicyStatement({
        actions: [
          'ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:CompleteLayerUpload',
          'ecr:GetDownloadUrlForLayer', 'ecr:InitiateLayerUpload', 'ecr:PutImage', 'ecr:UploadLayerPart',
        ],
        resources: [`arn:aws:ecr:${region}:${account}:repository/atlas-api`],
      }),
      new iam.PolicyStatement({ actions: ['ecs:RegisterTaskDefinition'], resources: ['*'] }),
      new iam.PolicyStatement({
        actions: ['ecs:DescribeServices', 'ecs:UpdateService'],
        resources: [`arn:aws:ecs:${region}:${account}:service/atlas/atlas-api`],
      }),
      new iam.PolicyStatement({
        actions: ['iam:PassRole'],
        resources: [
          `arn:aws:iam::${account}:role/atlas-api-execution`,
          `arn:aws:iam::${account}:role/atlas-api-task`,
        ],
        conditions: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
      }),
    ],
  });
}
