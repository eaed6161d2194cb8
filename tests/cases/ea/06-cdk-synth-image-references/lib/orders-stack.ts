import { Stack, StackProps } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';

export class OrdersStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const taskDef = new ecs.FargateTaskDefinition(this, 'TaskDef', { cpu: 512, memoryLimitMiB: 1024 });
    const logging = (streamPrefix: string) => ecs.LogDrivers.awsLogs({ streamPrefix });

    taskDef.addContainer('web', {
      image: ecs.ContainerImage.fromAsset('../web'),
      logging: logging('web'),
      portMappings: [{ containerPort: 8080 }],
    });
    // worker image is pushed by the worker repo's own pipeline
    const workerRepo = ecr.Repository.fromRepositoryName(this, 'WorkerRepo', 'orders-worker');
    taskDef.addContainer('worker', {
      image: ecs.ContainerImage.fromEcrRepository(workerRepo),
      essential: false,
      logging: logging('worker'),
    });
    taskDef.addContainer('xray', {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/xray/aws-xray-daemon'),
      essential: false,
      logging: logging('xray'),
      portMappings: [{ containerPort: 2000, protocol: ecs.Protocol.UDP }],
    });
    taskDef.addContainer('otel', {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/aws-observability/aws-otel-collector:v0.41.1'),
      essential: false,
      logging: logging('otel'),
    });
  }
}
