#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib';
import { CiRolesStack } from '../lib/ci-roles-stack';

const app = new cdk.App();
new CiRolesStack(app, 'CiRolesStack', {
  env: { account: '302118845170', region: 'eu-west-1' },
});
