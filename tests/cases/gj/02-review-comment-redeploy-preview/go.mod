module github.com/kestrel-maps/tiles

go 1.22
