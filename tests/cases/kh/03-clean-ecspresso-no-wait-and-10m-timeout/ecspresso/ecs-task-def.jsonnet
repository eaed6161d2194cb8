local region = 'ap-northeast-1';
local account = '615204873391';
{
  family: 'ticket-api',
  cpu: '512',
  memory: '1024',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  executionRoleArn: 'arn:aws:iam::%s:role/ticket-api-execution' % account,
  taskRoleArn: 'arn:aws:iam::%s:role/ticket-api-task' % account,
  containerDefinitions: [
    {
      name: 'ticket-api',
      image: '%s.dkr.ecr.%s.amazonaws.com/ticket-api:%s' % [account, region, std.extVar('IMAGE_TAG')],
      essential: true,
      portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
      logConfiguration: {
        logDriver: 'awslogs',
        options: {
          'awslogs-group': '/ecs/ticket-api',
          'awslogs-region': region,
          'awslogs-stream-prefix': 'api',
        },
      },
    },
  ],
}
