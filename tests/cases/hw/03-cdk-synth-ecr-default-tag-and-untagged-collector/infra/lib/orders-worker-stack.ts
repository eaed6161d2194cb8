import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

export interface OrdersWorkerStackProps extends cdk.StackProps {
  clusterName: string;
}

export class OrdersWorkerStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: OrdersWorkerStackProps) {
    super(scope, id, props);

    const vpc = ec2.Vpc.fromLookup(this, 'Vpc', { vpcName: 'orders-prod' });
    const cluster = ecs.Cluster.fromClusterAttributes(this, 'Cluster', {
      clusterName: props.clusterName,
      vpc,
    });

    // The pipeline pushes orders-worker:<sha>; CDK just points at the repository.
    const repo = ecr.Repository.fromRepositoryName(this, 'OrdersWorkerRepo', 'orders-worker');
    const dbSecret = secretsmanager.Secret.fromSecretNameV2(this, 'DbSecret', 'orders/prod/db');

    const taskDef = new ecs.FargateTaskDefinition(this, 'TaskDef', {
      family: 'orders-worker',
      cpu: 512,
      memoryLimitMiB: 1024,
    });

    taskDef.addContainer('worker', {
      containerName: 'worker',
      image: ecs.ContainerImage.fromEcrRepository(repo),
      logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'worker', logRetention: logs.RetentionDays.ONE_MONTH }),
      environment: {
        ORDERS_QUEUE_URL: 'https://sqs.us-west-2.amazonaws.com/318273645091/orders-events',
        DB_SECRET_NAME: 'orders/prod/db',
      },
      secrets: {
        DB_PASSWORD: ecs.Secret.fromSecretsManager(dbSecret, 'password'),
      },
    });

    taskDef.addContainer('otel', {
      containerName: 'aws-otel-collector',
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/aws-observability/aws-otel-collector'),
      command: ['--config=/etc/ecs/ecs-default-config.yaml'],
      essential: false,
      logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'otel', logRetention: logs.RetentionDays.ONE_WEEK }),
    });

    new ecs.FargateService(this, 'Service', {
      cluster,
      serviceName: 'orders-worker',
      taskDefinition: taskDef,
      desiredCount: 2,
      minHealthyPercent: 100,
      circuitBreaker: { rollback: true },
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    });
  }
}
