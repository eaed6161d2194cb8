module github.com/cobalt-freight/dispatch

go 1.22
