#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib';
import { BillingDeployStack } from '../lib/billing-deploy-stack';

const app = new cdk.App();
new BillingDeployStack(app, 'BillingDeployStack', {
  env: { account: '377766655544', region: 'us-west-2' },
});
