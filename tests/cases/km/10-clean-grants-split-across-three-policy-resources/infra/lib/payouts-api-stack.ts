// excerpt
    repo.grantPullPush(githubRole);                       // -> GithubDeployRole/DefaultPolicy
    new iam.ManagedPolicy(this, 'EcsReleasePolicy', {    // -> AWS::IAM::ManagedPolicy, Roles: [Ref]
      roles: [githubRole],
      statements: releaseStatements(cluster, service),
    });
    new iam.Policy(this, 'TaskRolePassPolicy', {          // -> AWS::IAM::Policy, Roles: [Ref, Ref]
      roles: [githubRole, breakGlassRole],
      statements: [passRoleTo(taskDef.executionRole!, taskDef.taskRole)],
    });
