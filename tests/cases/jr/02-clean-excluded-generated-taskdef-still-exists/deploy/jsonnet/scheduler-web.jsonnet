local base = import 'lib/fargate.libsonnet';

base.taskDefinition('scheduler-web', cpu='1024', memory='2048') {
  executionRoleArn: 'arn:aws:iam::620914857736:role/scheduler-execution',
  taskRoleArn: 'arn:aws:iam::620914857736:role/scheduler-web-task',
  containerDefinitions: [
    base.container('web', image='scheduler', port=3000),
  ],
}
