module github.com/quillcraft/invoice-api

go 1.22
