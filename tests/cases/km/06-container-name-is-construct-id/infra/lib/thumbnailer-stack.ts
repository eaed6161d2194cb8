// excerpt
    const taskDef = new ecs.FargateTaskDefinition(this, 'WorkerTaskDef', {
      family: 'thumbnailer', cpu: 2048, memoryLimitMiB: 4096,
    });
    taskDef.addContainer('Worker', {
      containerName: 'thumbnailer-worker',
      image: ecs.ContainerImage.fromEcrRepository(repo, 'v3.8.1'),
      logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'worker' }),
      environment: { QUEUE_URL: queue.queueUrl, OUTPUT_BUCKET: 'pinecrest-thumbnails', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://localhost:4317' },
    });
    taskDef.addContainer('OtelCollector', {
      containerName: 'otel-collector',
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/aws-observability/aws-otel-collector:v0.41.1'),
      essential: false,
      command: ['--config=/etc/ecs/ecs-default-config.yaml'],
      logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'otel' }),
    });
