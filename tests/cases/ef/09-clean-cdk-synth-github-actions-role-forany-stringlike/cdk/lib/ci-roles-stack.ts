import * as cdk from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { GithubActionsIdentityProvider, GithubActionsRole } from 'aws-cdk-github-oidc';

export class CiRolesStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    // The provider exists already (landing zone); look it up by account.
    const provider = GithubActionsIdentityProvider.fromAccount(this, 'GithubProvider');

    new GithubActionsRole(this, 'DeployRole', {
      provider,
      owner: 'kestrel-labs',
      repo: 'flight-tracker',
      filter: 'environment:production',
      roleName: 'flight-tracker-deploy',
    });

    new GithubActionsRole(this, 'PublishRole', {
      provider,
      trustedRepositories: [
        { owner: 'kestrel-labs', repo: 'flight-tracker', filter: 'ref:refs/tags/v*' },
        { owner: 'kestrel-labs', repo: 'flight-tracker-ui', filter: 'ref:refs/heads/main' },
      ],
      roleName: 'flight-tracker-publish',
    });
  }
}
