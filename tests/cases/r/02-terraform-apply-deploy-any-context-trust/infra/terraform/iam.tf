locals {
  account_id          = data.aws_caller_identity.current.account_id
  region              = var.aws_region
  project             = var.project_name
  ecr_repository_arn  = "arn:aws:ecr:${local.region}:${local.account_id}:repository/${local.project}-backend"
  ecs_cluster_arn     = "arn:aws:ecs:${local.region}:${local.account_id}:cluster/${local.project}-cluster"
  ecs_service_arn     = "arn:aws:ecs:${local.region}:${local.account_id}:service/${local.project}-cluster/${local.project}-service"
  ecs_taskdef_arn     = "arn:aws:ecs:${local.region}:${local.account_id}:task-definition/${local.project}-backend:*"
  deploy_role_arn     = "arn:aws:iam::${local.account_id}:role/${local.project}-deploy"
  exec_role_arn       = "arn:aws:iam::${local.account_id}:role/${local.project}-ecs-execution"
  task_role_arn       = "arn:aws:iam::${local.account_id}:role/${local.project}-ecs-task"
  logs_group_arn      = "arn:aws:logs:${local.region}:${local.account_id}:log-group:*"

  frontend_bucket_arn  = "arn:aws:s3:::${var.frontend_bucket_name}"
  analytics_bucket_arn = "arn:aws:s3:::${var.analytics_bucket_name}"
}

resource "aws_iam_role" "github_actions" {
  name = "ai-concierge-deploy"

  assume_role_policy = jsonencode({
    Version = "2012-10-17",
    Statement = [
      {
        Effect = "Allow",
        Principal = {
          Federated = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/token.actions.githubusercontent.com"
        },
        Action = "sts:AssumeRoleWithWebIdentity",
        Condition = {
          StringEquals = {
            "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          },
          StringLike = {
            "token.actions.githubusercontent.com:sub" = "repo:norvale/ai-concierge:*"
          }
        }
      }
    ]
  })
}

resource "aws_iam_policy" "github_actions_deploy" {
  name        = "${local.project}-deploy-policy"
  description = "Policy used by deployment automation"

  policy = jsonencode({
    Version = "2012-10-17",
    Statement = [
      {
        Sid      = "ECRAuth",
        Effect   = "Allow",
        Action   = ["ecr:GetAuthorizationToken"],
        Resource = "*"
      },
      {
        Sid      = "ECROps",
        Effect   = "Allow",
        Action   = [
          "ecr:BatchCheckLayerAvailability",
          "ecr:GetDownloadUrlForLayer",
          "ecr:BatchGetImage",
          "ecr:PutImage",
          "ecr:InitiateLayerUpload",
          "ecr:UploadLayerPart",
          "ecr:CompleteLayerUpload",
          "ecr:ListTagsForResource",
          "ecr:DescribeRepositories"
        ],
        Resource = local.ecr_repository_arn
      },
      {
        Sid    = "ECSClusterOps",
        Effect = "Allow",
        Action = [
          "ecs:CreateCluster",
          "ecs:DeleteCluster",
          "ecs:DescribeClusters",
          "ecs:DescribeServices",
          "ecs:DescribeTaskDefinition",
          "ecs:RegisterTaskDefinition",
          "ecs:DeregisterTaskDefinition",
          "ecs:UpdateService"
        ],
        Resource = [
          local.ecs_cluster_arn,
          local.ecs_service_arn,
          local.ecs_taskdef_arn
        ]
      },
      {
        Sid    = "IAMRoleMgmt",
        Effect = "Allow",
        Action = [
          "iam:CreateRole",
          "iam:DeleteRole",
          "iam:AttachRolePolicy",
          "iam:DetachRolePolicy",
          "iam:PutRolePolicy",
          "iam:DeleteRolePolicy",
          "iam:GetRole",
          "iam:ListRolePolicies",
          "iam:ListAttachedRolePolicies",
          "iam:GetRolePolicy"
        ],
        Resource = [
          local.exec_role_arn,
          local.task_role_arn,
          local.deploy_role_arn
        ]
      },
      {
        Sid      = "IAMRolePass",
        Effect   = "Allow",
        Action   = ["iam:PassRole"],
        Resource = [local.exec_role_arn, local.task_role_arn]
      },
      {
        Sid    = "S3Buckets",
        Effect = "Allow",
        Action = [
          "s3:CreateBucket",
          "s3:ListBucket",
          "s3:GetBucketPolicy",
          "s3:PutBucketPolicy",
          "s3:GetBucketWebsite",
          "s3:PutBucketWebsite"
        ],
        Resource = [local.frontend_bucket_arn, local.analytics_bucket_arn]
      },
      {
        Sid      = "S3Objects",
        Effect   = "Allow",
        Action   = [
          "s3:GetObject",
          "s3:PutObject",
          "s3:DeleteObject"
        ],
        Resource = ["${local.frontend_bucket_arn}/*", "${local.analytics_bucket_arn}/*"]
      },
      {
        Sid      = "SecretsRead",
        Effect   = "Allow",
        Action   = [
          "secretsmanager:GetSecretValue",
          "secretsmanager:DescribeSecret"
        ],
        Resource = "*"
      },
      {
        Sid    = "CloudWatchLogs",
        Effect = "Allow",
        Action = [
          "logs:CreateLogGroup",
          "logs:CreateLogStream",
          "logs:PutLogEvents",
          "logs:DescribeLogGroups",
          "logs:DescribeLogStreams",
          "logs:ListTagsForResource"
        ],
        Resource = local.logs_group_arn
      }
    ]
  })
}

resource "aws_iam_role_policy_attachment" "github_actions_deploy" {
  role       = aws_iam_role.github_actions.name
  policy_arn = aws_iam_policy.github_actions_deploy.arn
}
