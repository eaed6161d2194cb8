environments = {
  stage = "search-stage"
  prod  = "search-prod"
}
