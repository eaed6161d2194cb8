import { Fn, Stack, StackProps } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

export class IntakeApiStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const dbSecret = secretsmanager.Secret.fromSecretCompleteArn(this, 'DbSecret',
      Fn.importValue('saffron-data:intake-db-secret-arn'));
    const dbHost = Fn.importValue('saffron-data:intake-db-address');
    const sendgrid = new secretsmanager.Secret(this, 'SendgridApiKey', {
      secretName: 'intake-api/sendgrid-api-key',
      description: 'SendGrid API key for intake-api notifications',
    });

    const task = new ecs.FargateTaskDefinition(this, 'ApiTask', { family: 'intake-api', cpu: 1024, memoryLimitMiB: 2048 });
    task.addContainer('api', {
      image: ecs.ContainerImage.fromAsset('..'),
      logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'api' }),
      portMappings: [{ containerPort: 8080 }],
      environment: {
        NODE_ENV: 'production',
        PORT: '8080',
        // Prisma wants one URL, so we build it here.
        DATABASE_URL: `postgres://intake:${dbSecret.secretValueFromJson('password').unsafeUnwrap()}@${dbHost}:5432/intake?sslmode=require`,
        SENDGRID_FROM: 'no-reply@saffron.health',
      },
      secrets: { SENDGRID_API_KEY: ecs.Secret.fromSecretsManager(sendgrid) },
    });
    // ... cluster, service (omitted)
  }
}
