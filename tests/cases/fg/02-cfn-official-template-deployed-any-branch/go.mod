module github.com/orbit-labs/orbit-api

go 1.23
