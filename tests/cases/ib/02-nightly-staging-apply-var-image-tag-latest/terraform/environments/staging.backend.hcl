bucket = "orchard-pay-tfstate"
key    = "settlement/staging.tfstate"
region = "eu-west-1"
