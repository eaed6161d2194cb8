#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { GithubOidcStack } from '../lib/github-oidc-stack';
import { ShipmentsServiceStack } from '../lib/shipments-service-stack';

// Templates are reviewed as code: `npm run synth` writes infra/templates/*.yaml,
// the workflow deploys infra/templates/ShipmentsService.yaml with the CLI.
const env = { account: '250117613280', region: 'eu-central-1' };
const app = new App();
new GithubOidcStack(app, 'GithubOidc', { env });
new ShipmentsServiceStack(app, 'ShipmentsService', { env });
