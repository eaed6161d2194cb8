// excerpt
    const deployRole = new iam.Role(this, 'GithubDeployRole', {
      roleName: 'route-planner-deploy',
      assumedBy: new iam.WebIdentityPrincipal(providerArn, {
        StringEquals: {
          'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
          'token.actions.githubusercontent.com:sub': 'repo:copperline/route-planner:environment:production',
        },
      }),
    });
    ecr.Repository.fromRepositoryName(this, 'Repo', 'route-planner').grantPullPush(deployRole);
    // TODO(platform): narrow once the service moves to CDK
    deployRole.addToPolicy(new iam.PolicyStatement({ actions: ['ecs:*'], resources: ['*'] }));
    deployRole.addToPolicy(new iam.PolicyStatement({
      actions: ['iam:PassRole'],
      resources: [`arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/*`],
      conditions: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
    }));
