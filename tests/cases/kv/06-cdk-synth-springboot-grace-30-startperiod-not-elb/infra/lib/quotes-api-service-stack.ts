import { Duration, Stack, StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as ecsPatterns from 'aws-cdk-lib/aws-ecs-patterns';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import { Construct } from 'constructs';

export interface QuotesApiServiceProps extends StackProps {
  imageTag: string;
}

export class QuotesApiServiceStack extends Stack {
  constructor(scope: Construct, id: string, props: QuotesApiServiceProps) {
    super(scope, id, props);

    const vpc = ec2.Vpc.fromLookup(this, 'Vpc', { vpcName: 'brightmoor-prod' });
    const cluster = ecs.Cluster.fromClusterAttributes(this, 'Cluster', {
      clusterName: 'brightmoor-prod',
      vpc,
    });
    const repo = ecr.Repository.fromRepositoryName(this, 'Repo', 'quotes-api');
    const dbPassword = secretsmanager.Secret.fromSecretCompleteArn(
      this,
      'DbPassword',
      'arn:aws:secretsmanager:eu-west-2:520369145893:secret:quotes/prod/db-password-Tq81Zc',
    );

    const taskDefinition = new ecs.FargateTaskDefinition(this, 'QuotesApiTaskDef', {
      family: 'quotes-api',
      cpu: 1024,
      memoryLimitMiB: 2048,
    });
    taskDefinition.addContainer('web', {
      containerName: 'web',
      image: ecs.ContainerImage.fromEcrRepository(repo, props.imageTag),
      portMappings: [{ containerPort: 8080 }],
      environment: {
        SPRING_PROFILES_ACTIVE: 'prod',
        JAVA_TOOL_OPTIONS: '-XX:MaxRAMPercentage=75',
      },
      secrets: { DB_PASSWORD: ecs.Secret.fromSecretsManager(dbPassword) },
      logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'QuotesApi' }),
      // Spring Boot needs ~75 s to start: give the container health check 120 s.
      healthCheck: {
        command: ['CMD-SHELL', 'curl -fs http://localhost:8080/actuator/health || exit 1'],
        interval: Duration.seconds(15),
        timeout: Duration.seconds(5),
        retries: 3,
        startPeriod: Duration.seconds(120),
      },
    });

    const svc = new ecsPatterns.ApplicationLoadBalancedFargateService(this, 'QuotesApi', {
      cluster,
      serviceName: 'quotes-api',
      taskDefinition,
      desiredCount: 2,
      minHealthyPercent: 100,
      certificate: acm.Certificate.fromCertificateArn(
        this,
        'Cert',
        'arn:aws:acm:eu-west-2:520369145893:certificate/5b1f3e7a-2c9d-4e8b-a6f0-1d3c5e7a9b2f',
      ),
      circuitBreaker: { enable: true, rollback: true },
      // the container has its own 120 s start period, so 30 s is plenty here
      healthCheckGracePeriod: Duration.seconds(30),
    });

    svc.targetGroup.configureHealthCheck({
      path: '/actuator/health',
      interval: Duration.seconds(10),
      healthyThresholdCount: 2,
      unhealthyThresholdCount: 2,
    });
  }
}
