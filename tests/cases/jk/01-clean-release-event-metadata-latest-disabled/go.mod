module github.com/quarrylabs/quarry-api

go 1.22
