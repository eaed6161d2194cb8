#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { ParcelGithubStack } from '../lib/github-stack';
import { ParcelApiServiceStack } from '../lib/service-stack';

const app = new App();
const env = { account: '418265093371', region: 'eu-west-1' };
new ParcelGithubStack(app, 'ParcelGithubStack', { env });
// The service stack grants the deploy role by name (Role.fromRoleName), so the two
// stacks deploy independently.
new ParcelApiServiceStack(app, 'ParcelApiServiceStack', { env, deployRoleName: 'parcel-api-gha-deploy' });
