import { Stack, StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import { Construct } from 'constructs';

export class InvoiceCiStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const providerArn = `arn:${this.partition}:iam::${this.account}:oidc-provider/token.actions.githubusercontent.com`;
    const role = new iam.Role(this, 'GithubDeployRole', {
      roleName: 'invoice-svc-deploy',
      assumedBy: new iam.FederatedPrincipal(providerArn, {
        StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
        StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:quillmark/invoice-svc:environment:production' },
      }),
    });
    ecr.Repository.fromRepositoryName(this, 'Repo', 'invoice-svc').grantPullPush(role);
    role.addToPolicy(new iam.PolicyStatement({
      actions: ['ecs:DescribeTaskDefinition', 'ecs:RegisterTaskDefinition'], resources: ['*'] }));
    role.addToPolicy(new iam.PolicyStatement({
      actions: ['ecs:DescribeServices', 'ecs:UpdateService'],
      resources: [this.formatArn({ service: 'ecs', resource: 'service', resourceName: 'invoice/invoice-svc' })] }));
    role.addToPolicy(new iam.PolicyStatement({
      actions: ['iam:PassRole'],
      resources: ['invoice-svc-execution', 'invoice-svc-task'].map((n) =>
        `arn:${this.partition}:iam::${this.account}:role/${n}`) }));
  }
}
