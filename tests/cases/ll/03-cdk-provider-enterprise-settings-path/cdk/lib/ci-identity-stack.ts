import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

// Brightwater moved GitHub Actions to the enterprise's own token URL.
// The enterprise lives at https://github.com/enterprises/brightwater.
const ENTERPRISE_PATH = 'enterprises/brightwater';

export class CiIdentityStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const provider = new iam.OpenIdConnectProvider(this, 'GithubActionsProvider', {
      url: `https://token.actions.githubusercontent.com/${ENTERPRISE_PATH}`,
      clientIds: ['sts.amazonaws.com'],
    });

    new cdk.CfnOutput(this, 'GithubActionsProviderArn', {
      value: provider.openIdConnectProviderArn,
      exportName: 'ci-identity-github-provider-arn',
    });
  }
}
