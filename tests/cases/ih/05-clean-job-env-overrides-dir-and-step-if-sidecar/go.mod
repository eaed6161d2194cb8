module github.com/relay/relay

go 1.23
