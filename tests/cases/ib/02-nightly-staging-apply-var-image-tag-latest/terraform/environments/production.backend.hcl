bucket = "orchard-pay-tfstate"
key    = "settlement/production.tfstate"
region = "eu-west-1"
