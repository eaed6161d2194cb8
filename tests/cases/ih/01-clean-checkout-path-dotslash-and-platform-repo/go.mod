module github.com/northwind-labs/ledger

go 1.22
