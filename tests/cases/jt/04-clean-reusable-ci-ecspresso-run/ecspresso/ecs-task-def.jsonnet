{
  family: 'bookings-api',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '512',
  memory: '1024',
  executionRoleArn: 'arn:aws:iam::{{ must_env `AWS_ACCOUNT_ID` }}:role/bookings-execution',
  containerDefinitions: [
    {
      name: 'app',
      image: '{{ must_env `AWS_ACCOUNT_ID` }}.dkr.ecr.ap-northeast-1.amazonaws.com/bookings-api:{{ must_env `IMAGE_TAG` }}',
      essential: true,
      portMappings: [{ containerPort: 3000 }],
    },
  ],
}
