#!/usr/bin/env node
import 'source-map-support/register';
import * as cdk from 'aws-cdk-lib';
import { LedgerStack } from '../lib/ledger-stack';

const app = new cdk.App();
new LedgerStack(app, 'LedgerStack', { env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: 'eu-north-1' } });
