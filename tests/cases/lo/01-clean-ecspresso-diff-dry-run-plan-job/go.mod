module github.com/kinkajou-maps/tile-api

go 1.22
