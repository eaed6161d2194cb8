module github.com/ocelot-books/catalog-api

go 1.23
