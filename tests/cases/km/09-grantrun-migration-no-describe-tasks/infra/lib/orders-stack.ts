// excerpt
    // CI deploys with `cdk deploy` (bootstrap roles) and then runs the migration task itself.
    githubRole.addToPolicy(new iam.PolicyStatement({
      actions: ['sts:AssumeRole'],
      resources: ['deploy', 'file-publishing', 'image-publishing', 'lookup'].map((r) =>
        Fn.sub(`arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/cdk-hnb659fds-${r}-role-\${AWS::AccountId}-\${AWS::Region}`)),
    }));
    migrateTaskDef.grantRun(githubRole); // ecs:RunTask + iam:PassRole
