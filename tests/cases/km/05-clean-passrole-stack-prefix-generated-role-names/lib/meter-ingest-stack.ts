// excerpt
    // Every role this stack creates is named "<stackName>-<logicalId>-<suffix>" by CloudFormation,
    // so the deploy role may pass exactly this stack's roles, and only to ECS tasks.
    deployRole.addToPolicy(new iam.PolicyStatement({
      actions: ['iam:PassRole'],
      resources: [`arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/${this.stackName}-*`],
      conditions: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
    }));
