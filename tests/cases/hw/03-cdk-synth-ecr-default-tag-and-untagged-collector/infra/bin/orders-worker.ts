#!/usr/bin/env node
import 'source-map-support/register';
import * as cdk from 'aws-cdk-lib';
import { OrdersWorkerStack } from '../lib/orders-worker-stack';

const app = new cdk.App();
new OrdersWorkerStack(app, 'OrdersWorkerProd', {
  env: { account: '318273645091', region: 'us-west-2' },
  clusterName: 'orders-prod',
});
