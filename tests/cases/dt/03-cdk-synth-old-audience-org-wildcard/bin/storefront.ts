#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib';
import { GitHubOidcStack } from '../lib/github-oidc-stack';
import { StorefrontDeployStack } from '../lib/storefront-deploy-stack';

const app = new cdk.App();
const env = { account: '356812904477', region: 'us-west-2' };
const oidc = new GitHubOidcStack(app, 'GitHubOidcStack', { env });
new StorefrontDeployStack(app, 'StorefrontDeployStack', { env, provider: oidc.provider });
