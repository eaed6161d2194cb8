variable "REGISTRY" {
  default = "localhost:5000"
}

variable "TAG" {
  default = "latest"
}

group "default" {
  targets = ["api", "worker"]
}

target "_common" {
  context   = "."
  platforms = ["linux/arm64"]
  args = {
    PYTHON_VERSION = "3.12"
  }
}

target "api" {
  inherits   = ["_common"]
  dockerfile = "docker/api.Dockerfile"
  tags       = ["${REGISTRY}/tidepool-api:${TAG}"]
}

target "worker" {
  inherits   = ["_common"]
  dockerfile = "docker/worker.Dockerfile"
  tags       = ["${REGISTRY}/tidepool-worker:${TAG}"]
}
