#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { SettlementServiceStack } from '../lib/service-stack';
import { SettlementCiStack } from '../lib/ci-stack';

const app = new App();
const env = { account: '347720915864', region: 'eu-west-2' };
const svc = new SettlementServiceStack(app, 'SettlementServiceStack', { env });
new SettlementCiStack(app, 'SettlementCiStack', {
  env,
  repository: svc.repository,
  service: svc.service,
  // grantPassRole on the task role only; the execution role was forgotten
  taskRole: svc.taskDefinition.taskRole,
});
