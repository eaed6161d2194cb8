#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { QuotesApiServiceStack } from '../lib/quotes-api-service-stack';

const app = new App();
new QuotesApiServiceStack(app, 'QuotesApiService', {
  env: { account: '520369145893', region: 'eu-west-2' },
  imageTag: app.node.tryGetContext('imageTag') ?? '4f2b8c1e9a7d3f5b0c6e2a8d4f1b7c3e9a5d0f2b',
});
