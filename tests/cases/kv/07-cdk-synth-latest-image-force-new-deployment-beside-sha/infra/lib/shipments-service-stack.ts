import { Duration, RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export class ShipmentsServiceStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const vpc = ec2.Vpc.fromLookup(this, 'Vpc', { vpcId: 'vpc-03c5e7a9b1d2f4068' });

    const repo = new ecr.Repository(this, 'ShipmentsRepo', {
      repositoryName: 'shipments-api',
      imageScanOnPush: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const taskDef = new ecs.FargateTaskDefinition(this, 'ShipmentsTaskDef', {
      family: 'shipments-api',
      cpu: 512,
      memoryLimitMiB: 1024,
      taskRole: new iam.Role(this, 'ShipmentsTaskRole', {
        roleName: 'shipments-api-task',
        assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com'),
      }),
      executionRole: new iam.Role(this, 'ShipmentsExecutionRole', {
        roleName: 'shipments-api-execution',
        assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com'),
      }),
    });
    taskDef.addContainer('api', {
      containerName: 'api',
      // CI pushes a new image and forces a new deployment; the service always runs the newest push
      image: ecs.ContainerImage.fromEcrRepository(repo),
      portMappings: [{ containerPort: 3000 }],
      environment: { NODE_ENV: 'production', PORT: '3000' },
      logging: ecs.LogDrivers.awsLogs({
        streamPrefix: 'api',
        logGroup: new logs.LogGroup(this, 'ShipmentsLogGroup', {
          logGroupName: '/ecs/shipments-api',
          retention: logs.RetentionDays.ONE_MONTH,
        }),
      }),
    });

    const cluster = ecs.Cluster.fromClusterAttributes(this, 'Cluster', { clusterName: 'shipments', vpc });
    const service = new ecs.FargateService(this, 'ShipmentsService', {
      cluster,
      serviceName: 'shipments-api',
      taskDefinition: taskDef,
      desiredCount: 3,
      minHealthyPercent: 100,
      circuitBreaker: { enable: true, rollback: true },
      securityGroups: [ec2.SecurityGroup.fromSecurityGroupId(this, 'Sg', 'sg-0e4a6c8b1d3f5a709')],
    });

    const listener = elbv2.ApplicationListener.fromLookup(this, 'Listener', {
      listenerArn:
        'arn:aws:elasticloadbalancing:eu-central-1:250117613280:listener/app/corvid-prod/7c1e3a5b9d2f4e60/1a3c5e7b9d0f2a4c',
    });
    listener.addTargets('Shipments', {
      priority: 120,
      conditions: [elbv2.ListenerCondition.hostHeaders(['shipments.corvid-freight.example'])],
      port: 80,
      targets: [service],
      healthCheck: { path: '/healthz', interval: Duration.seconds(30) },
    });
  }
}
