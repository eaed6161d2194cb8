#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { ShipmentsServiceStack } from '../lib/shipments-service-stack';

const app = new App();
new ShipmentsServiceStack(app, 'ShipmentsService', {
  env: { account: '250117613280', region: 'eu-central-1' },
});
