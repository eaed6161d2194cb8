#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib';
import { CiIdentityStack } from '../lib/ci-identity-stack';

const app = new cdk.App();
new CiIdentityStack(app, 'CiIdentityStack', {
  env: { account: '604918273645', region: 'eu-west-1' },
});
