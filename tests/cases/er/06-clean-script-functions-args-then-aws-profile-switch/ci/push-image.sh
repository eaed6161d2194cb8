#!/bin/sh
set -eu
image="$1"
docker build --pull -t "$image" .
docker push "$image"
