#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib';
import { GithubStack } from '../lib/github-stack';
import { RosterServiceStack } from '../lib/roster-service-stack';

const app = new cdk.App();
const env = { account: '471205938816', region: 'eu-west-1' };

new GithubStack(app, 'GithubStack', { env });
new RosterServiceStack(app, 'RosterServiceStack', { env });
